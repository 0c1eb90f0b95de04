// Rewrites the table settings of a source and nothing else, so a form can change them while the
// user's text (comments, layout, order) stays as typed: in the text form, the `table` line's
// clauses (a comment after them stays; a new line goes in the canonical place, right after the
// model and source lines); in problem JSON, the "table" field's value (a new field goes right
// after "name", or "source"). Settings left empty remove the line or the field. Only a source
// without errors is edited, and the result is read back: it must give the same model with the
// new settings, or nothing is written.
import { printTableLine, tableSettingsJson, type Model, type SourceMap, type TableSettings } from '../engine/index.ts';
import { parseSource } from './parseSource.ts';
import { afterBreak, eolOf, errorsReason, keyStartBefore, lineEndOf, lineStartOf, offsets, withoutJsonField, type SourceEdit } from './sourceText.ts';
import type { Source } from './types.ts';

export type TableEdit = SourceEdit;

/** `change` gets the model's settings (undefined: no table line) and returns the new ones (undefined or {}: none). */
export function editTableSettings(source: Source, change: (table: TableSettings | undefined) => TableSettings | undefined): TableEdit {
  const parsed = parseSource(source.text, source.format);
  if (!parsed.model) return { ok: false, reason: errorsReason(parsed.diagnostics) };
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
    // The comma that joined it to the field before goes with it; as the first field, the one after it.
    return withoutJsonField(text, start, end);
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
