// Converts the source between the text form and problem JSON, through the model
// it describes. Only a source without errors converts (nothing is guessed).
import { printModelText, problemToJson, type Diagnostic } from '../engine/index.ts';
import { parseSource } from './parseSource.ts';
import type { Source, SourceFormat } from './types.ts';

export type ConvertResult = { ok: true; source: Source } | { ok: false; errors: Diagnostic[] };

export function convertSource(source: Source, format: SourceFormat): ConvertResult {
  if (source.format === format) return { ok: true, source };
  const parsed = parseSource(source.text, source.format);
  if (!parsed.model) return { ok: false, errors: parsed.diagnostics.filter((d) => d.severity === 'error') };
  const text = format === 'json' ? problemToJson(parsed.model) : printModelText(parsed.model);
  return { ok: true, source: { text, format } };
}
