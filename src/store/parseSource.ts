// Reads the source in its form: the text form or problem JSON.
import { parseModelText, parseProblemJson, type ParseResult } from '../engine/index.ts';
import type { SourceFormat } from './types.ts';

export function parseSource(text: string, format: SourceFormat): ParseResult {
  return format === 'json' ? parseProblemJson(text) : parseModelText(text);
}
