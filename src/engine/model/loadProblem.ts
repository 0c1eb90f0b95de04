// One entry for any model source: a problem file (JSON) or the text form.
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import type { ParseResult } from './parseResult.ts';

/** JSON when the first character that is not white space is `{`, else the text form. */
export function loadProblem(text: string): ParseResult & { form: 'json' | 'text' } {
  const first = /[^\s\ufeff]/.exec(text)?.[0];
  return first === '{' ? { ...parseProblemJson(text), form: 'json' } : { ...parseModelText(text), form: 'text' };
}
