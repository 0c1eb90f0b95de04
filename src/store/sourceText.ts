// Offsets in a source's text for the edits that rewrite one piece of it and keep the rest as typed
// (tableSettingsEdit.ts, workloadEdit.ts): spans to offsets, lines and their breaks, a JSON field's
// key before its value and the removal of a whole field with its comma, and the reason an edit
// refuses a source with errors.
import { formatDiagnostic, type Diagnostic, type Span } from '../engine/index.ts';

/** What an edit of the source gives: the whole new text, or why nothing was changed. */
export type SourceEdit = { ok: true; text: string } | { ok: false; reason: string };

/** The reason an edit refuses a source whose model does not read. */
export function errorsReason(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  return `the model has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}${first ? ` (${formatDiagnostic(first)})` : ''}: fix it in the editor first`;
}

/** Where the key of the field whose value starts at `valueStart` begins (its opening quote). */
export function keyStartBefore(text: string, valueStart: number): number | undefined {
  let i = skipSpaceBack(text, valueStart - 1);
  if (text[i] !== ':') return undefined;
  i = skipSpaceBack(text, i - 1);
  if (text[i] !== '"') return undefined;
  for (let j = i - 1; j >= 0; j--) {
    if (text[j] !== '"') continue;
    let slashes = 0;
    while (text[j - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return j;
  }
  return undefined;
}

/** The text without the JSON field whose value is [start, end): its key and the comma that joined it to the field before (as the first field, the one after it). */
export function withoutJsonField(text: string, start: number, end: number): string | undefined {
  const keyStart = keyStartBefore(text, start);
  if (keyStart === undefined) return undefined;
  const before = skipSpaceBack(text, keyStart - 1);
  if (text[before] === ',') return text.slice(0, before) + text.slice(end);
  let after = skipSpace(text, end);
  if (text[after] === ',') after = skipSpace(text, after + 1);
  return text.slice(0, keyStart) + text.slice(after);
}

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

export function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && isSpace(text[i])) i--;
  return i;
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The offset after the line break at `lineEnd` (\r\n, \n or \r). */
export function afterBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

/** A span's [start, end) offsets (1-based lines and columns, line breaks \r\n, \n and \r, as spanLocator counts them). */
export function offsets(text: string, span: Span): [number, number] {
  return [offsetAt(text, span.line, span.column), offsetAt(text, span.endLine, span.endColumn)];
}

function offsetAt(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line && at < text.length; l++) at = afterBreak(text, lineEndOf(text, at));
  return Math.min(at + column - 1, text.length);
}
