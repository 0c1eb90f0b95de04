// Reads the source in its form: the text form or problem JSON.
import { parseModelText, parseProblemJson, type ParseCache, type ParseResult } from '../engine/index.ts';
import type { SourceFormat } from './types.ts';

/** `cache`: the text form's chunks of the last parse with it, taken again where an edit left them (the analysis's). */
export function parseSource(text: string, format: SourceFormat, cache?: ParseCache): ParseResult {
  return format === 'json' ? parseProblemJson(text) : parseModelText(text, cache ? { cache } : {});
}
