// Rewrites the table settings of a source and nothing else, so a form can change them while the
// user's text (comments, layout, order) stays as typed: in the text form, the `table` line's
// clauses (a comment after them stays; a new line goes in the canonical place, right after the
// model and source lines); in problem JSON, the "table" field's value (a new field goes right
// after "name", or "source"). Settings left empty remove the line or the field. Only a source
// without errors is edited, and the result is read back: it must give the same model with the
// new settings, or nothing is written.
import { formatDiagnostic, printTableLine, tableSettingsJson, type Model, type SourceMap, type Span, type TableSettings } from '../engine/index.ts';
import { parseSource } from './parseSource.ts';
import type { Source } from './types.ts';

export type TableEdit = { ok: true; text: string } | { ok: false; reason: string };

/** `change` gets the model's settings (undefined: no table line) and returns the new ones (undefined or {}: none). */
export function editTableSettings(source: Source, change: (table: TableSettings | undefined) => TableSettings | undefined): TableEdit {
  const parsed = parseSource(source.text, source.format);
  if (!parsed.model) {
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    return { ok: false, reason: `the model has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}${first ? ` (${formatDiagnostic(first)})` : ''}: fix it in the editor first` };
  }
  const changed = change(parsed.model.table);
  const next = changed === undefined || Object.values(changed).every((v) => v === undefined) ? undefined : withoutUndefined(changed);
  const text = source.format === 'json' ? editJson(source.text, parsed.sourceMap, next) : editText(source.text, parsed.sourceMap, next);
  if (text === undefined) return { ok: false, reason: 'the table settings could not be found in the source (a Tablewright bug)' };
  const back = parseSource(text, source.format);
  if (!back.model || !readsBackAs(back.model, parsed.model, next)) {
    return { ok: false, reason: 'the edited source does not read back as these settings (a Tablewright bug): nothing was changed' };
  }
  return { ok: true, text };
}

function withoutUndefined(table: TableSettings): TableSettings {
  return Object.fromEntries(Object.entries(table).filter(([, v]) => v !== undefined)) as TableSettings;
}

const TABLE_FIELDS: readonly (keyof TableSettings)[] = ['name', 'billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'tableClass'];

/** The same model apart from the table, and the table with the same settings (in whichever order; a bare `table` is none). */
function readsBackAs(model: Model, expected: Model, table: TableSettings | undefined): boolean {
  const { table: read, ...rest } = model;
  const { table: _, ...expectedRest } = expected;
  return JSON.stringify(rest) === JSON.stringify(expectedRest) && TABLE_FIELDS.every((field) => read?.[field] === table?.[field]);
}

function editText(text: string, map: SourceMap, next: TableSettings | undefined): string | undefined {
  const span = map.get('table');
  if (span) {
    const [start, end] = offsets(text, span);
    if (next) return text.slice(0, start) + printTableLine(next) + text.slice(end);
    const lineStart = lineStartOf(text, start);
    const lineEnd = lineEndOf(text, end);
    // Nothing else on the line: the line goes. A comment after it stays, on a bare `table` line.
    if ((text.slice(lineStart, start) + text.slice(end, lineEnd)).trim() === '') return text.slice(0, lineStart) + text.slice(afterBreak(text, lineEnd));
    return `${text.slice(0, start)}table${text.slice(end)}`;
  }
  if (!next) return text;
  const anchor = map.get('source') ?? map.get('name');
  if (!anchor) return `${printTableLine(next)}${eolOf(text)}${text}`;
  const at = lineEndOf(text, offsets(text, anchor)[1]);
  return text.slice(0, at) + eolOf(text) + printTableLine(next) + text.slice(at);
}

function editJson(text: string, map: SourceMap, next: TableSettings | undefined): string | undefined {
  const span = map.get('table');
  if (span) {
    const [start, end] = offsets(text, span);
    if (next) {
      const lineStart = lineStartOf(text, start);
      const indent = /^[ \t]*/.exec(text.slice(lineStart, start))?.[0] ?? '';
      return text.slice(0, start) + tableSettingsJson(next, indent, start - lineStart) + text.slice(end);
    }
    const keyStart = keyStartBefore(text, start);
    if (keyStart === undefined) return undefined;
    // The comma that joined it to the field before goes with it; as the first field, the one after it.
    const before = skipSpaceBack(text, keyStart - 1);
    if (text[before] === ',') return text.slice(0, before) + text.slice(end);
    let after = skipSpace(text, end);
    if (text[after] === ',') after = skipSpace(text, after + 1);
    return text.slice(0, keyStart) + text.slice(after);
  }
  if (!next) return text;
  const anchor = map.get('source') ?? map.get('name');
  if (!anchor) return undefined;
  const [anchorStart, anchorEnd] = offsets(text, anchor);
  const keyStart = keyStartBefore(text, anchorStart);
  if (keyStart === undefined) return undefined;
  const indent = text.slice(lineStartOf(text, keyStart), keyStart);
  // After a field on a line of its own, on a line of its own indented like it; else on the same line.
  const field = /^[ \t]*$/.test(indent)
    ? `,${eolOf(text)}${indent}"table": ${tableSettingsJson(next, indent, indent.length + '"table": '.length)}`
    : `, "table": ${tableSettingsJson(next)}`;
  return text.slice(0, anchorEnd) + field + text.slice(anchorEnd);
}

/** Where the key of the field whose value starts at `valueStart` begins (its opening quote). */
function keyStartBefore(text: string, valueStart: number): number | undefined {
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

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && isSpace(text[i])) i--;
  return i;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The offset after the line break at `lineEnd` (\r\n, \n or \r). */
function afterBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

/** A span's [start, end) offsets (1-based lines and columns, line breaks \r\n, \n and \r, as spanLocator counts them). */
function offsets(text: string, span: Span): [number, number] {
  return [offsetAt(text, span.line, span.column), offsetAt(text, span.endLine, span.endColumn)];
}

function offsetAt(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line && at < text.length; l++) at = afterBreak(text, lineEndOf(text, at));
  return Math.min(at + column - 1, text.length);
}
