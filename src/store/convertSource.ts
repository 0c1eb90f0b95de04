// Converts the source between the text form and problem JSON, through the model
// it describes. Only a source without errors converts (nothing is guessed).
// Problem JSON has no comments and FORMAT.md warns of any field it does not define,
// so the JSON stays plain: the text it came from travels beside it (Source.textForm)
// and its `#` comments and blank lines are put back when it becomes text again.
import { carryComments, printModelText, problemToJson, type Diagnostic } from '../engine/index.ts';
import { parseSource } from './parseSource.ts';
import type { Source, SourceFormat } from './types.ts';

export type ConvertResult = { ok: true; source: Source } | { ok: false; errors: Diagnostic[] };

export function convertSource(source: Source, format: SourceFormat): ConvertResult {
  if (source.format === format) return { ok: true, source };
  const parsed = parseSource(source.text, source.format);
  if (!parsed.model) return { ok: false, errors: parsed.diagnostics.filter((d) => d.severity === 'error') };
  if (format === 'json') return { ok: true, source: { text: problemToJson(parsed.model), format, textForm: source.text } };
  const printed = printModelText(parsed.model);
  return { ok: true, source: { text: source.textForm === undefined ? printed : carryComments(source.textForm, printed), format } };
}
