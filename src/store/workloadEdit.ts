// Rewrites one workload field of a source and nothing else (FORMAT.md `rate`, `writes`, `itemBytes`),
// so the Cost panel's workload editor can change them while the user's text (comments, layout,
// order) stays as typed: in the text form, the pattern line's `rate N peak M` clause or the entity
// header's `writes N peak M` / `itemBytes N` clause (a comment after the line stays; a new clause
// goes where printModelText puts it: `rate` before `shards` and the description, `writes` before
// `itemBytes`, else at the end of the line's clauses); in problem JSON, that object's field (a new
// one after its last field). Undefined removes the clause or field (back to the default). Like
// tableSettingsEdit.ts, only a source without errors is edited, and the result is read back: it must
// give the same model with the new value, or nothing is written.
import { printRate, rateJsonText, type Model, type Rate, type SourceMap } from '../engine/index.ts';
import { parseSource } from './parseSource.ts';
import { eolOf, errorsReason, keyStartBefore, lineStartOf, offsets, withoutJsonField, type SourceEdit } from './sourceText.ts';
import type { Source } from './types.ts';

/** One workload field: a pattern's calls per second, an entity's writes per second or its item size. */
export type WorkloadField =
  | { kind: 'pattern'; name: string; field: 'rate'; value: Rate | undefined }
  | { kind: 'entity'; name: string; field: 'writes'; value: Rate | undefined }
  | { kind: 'entity'; name: string; field: 'itemBytes'; value: number | undefined };

/** The source with one workload field set to `change.value` (undefined: removed). */
export function editWorkload(source: Source, change: WorkloadField): SourceEdit {
  const parsed = parseSource(source.text, source.format);
  if (!parsed.model) return { ok: false, reason: errorsReason(parsed.diagnostics) };
  const list = change.kind === 'pattern' ? parsed.model.patterns : parsed.model.entities;
  const index = list.findIndex((x) => x.name === change.name);
  if (index < 0) return { ok: false, reason: `the model has no ${change.kind} ${change.name}` };
  const path = `${change.kind === 'pattern' ? 'patterns' : 'entities'}[${index}]`;
  const text = source.format === 'json' ? editJson(source.text, parsed.sourceMap, path, change) : editText(source.text, parsed.sourceMap, path, change);
  if (text === undefined) return { ok: false, reason: `the ${change.field} of ${change.name} could not be found in the source (a Tablewright bug)` };
  const back = parseSource(text, source.format);
  // A value the model does not take (a peak below the average, itemBytes over 400 KB): its rule says why.
  const refused = back.diagnostics.find((d) => d.severity === 'error');
  if (refused) return { ok: false, reason: refused.message };
  if (!back.model || !sameData(back.model, withChange(parsed.model, change))) {
    return { ok: false, reason: `the edited source does not read back as this ${change.field} (a Tablewright bug): nothing was changed` };
  }
  return { ok: true, text };
}

/** The model with the change made. */
function withChange(model: Model, change: WorkloadField): Model {
  const set = <T extends object>(x: T): T => {
    const copy: Record<string, unknown> = { ...(x as Record<string, unknown>) };
    if (change.value === undefined) delete copy[change.field];
    else copy[change.field] = change.value;
    return copy as T;
  };
  if (change.kind === 'pattern') return { ...model, patterns: model.patterns.map((p) => (p.name === change.name ? set(p) : p)) };
  return { ...model, entities: model.entities.map((e) => (e.name === change.name ? set(e) : e)) };
}

/** The same plain data, whatever the order of the objects' keys (a clause's place on its line sets it). */
function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

function clauseText(change: WorkloadField): string {
  if (change.value === undefined) return '';
  return typeof change.value === 'number' ? `${change.field} ${String(change.value)}` : `${change.field} ${printRate(change.value)}`;
}

/** The clauses printModelText writes after this one on its line, with the part of the source map that gives their value. */
const LATER_CLAUSES: Record<WorkloadField['field'], readonly string[]> = { rate: ['shards', 'text'], writes: ['itemBytes'], itemBytes: [] };

function editText(text: string, map: SourceMap, path: string, change: WorkloadField): string | undefined {
  const line = map.get(path);
  if (!line) return undefined;
  const span = map.get(`${path}.${change.field}`);
  const next = clauseText(change);
  if (span) {
    const [valueStart, end] = offsets(text, span);
    // `rate` and `writes` are mapped from their clause word; `itemBytes` from its number.
    const start = change.field === 'itemBytes' ? wordStartBefore(text, valueStart) : valueStart;
    if (start === undefined) return undefined;
    if (next) return text.slice(0, start) + next + text.slice(end);
    // The clause goes with the blanks before it.
    let from = start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    return text.slice(0, from) + text.slice(end);
  }
  if (!next) return text;
  for (const later of LATER_CLAUSES[change.field]) {
    const laterSpan = map.get(`${path}.${later}`);
    if (!laterSpan) continue;
    const [laterValue] = offsets(text, laterSpan);
    // A description is a string of its own; the other clauses are mapped from their number.
    const at = later === 'text' ? laterValue : wordStartBefore(text, laterValue);
    if (at === undefined) return undefined;
    return `${text.slice(0, at)}${next} ${text.slice(at)}`;
  }
  const end = offsets(text, line)[1];
  return `${text.slice(0, end)} ${next}${text.slice(end)}`;
}

/** Where the word before the blanks before `offset` starts (a clause word before its number). */
function wordStartBefore(text: string, offset: number): number | undefined {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const wordEnd = i;
  while (i > 0 && /[A-Za-z]/.test(text[i - 1] ?? '')) i--;
  return i < wordEnd ? i : undefined;
}

function jsonValue(change: WorkloadField): string | undefined {
  if (change.value === undefined) return undefined;
  return typeof change.value === 'number' ? JSON.stringify(change.value) : rateJsonText(change.value);
}

function editJson(text: string, map: SourceMap, path: string, change: WorkloadField): string | undefined {
  const object = map.get(path);
  if (!object) return undefined;
  const span = map.get(`${path}.${change.field}`);
  const next = jsonValue(change);
  if (span) {
    const [start, end] = offsets(text, span);
    return next === undefined ? withoutJsonField(text, start, end) : text.slice(0, start) + next + text.slice(end);
  }
  if (next === undefined) return text;
  // After the last of the fields problemToJson writes before it; on a line of its own indented like
  // the object's name when that is on a line of its own, else on the same line.
  const anchor = Math.max(
    ...FIELDS_BEFORE[change.field].map((field) => {
      const at = map.get(`${path}.${field}`);
      return at ? offsets(text, at)[1] : -1;
    }),
  );
  const name = map.get(`${path}.name`);
  const nameKey = name ? keyStartBefore(text, offsets(text, name)[0]) : undefined;
  if (anchor < 0 || nameKey === undefined) return undefined;
  const indent = text.slice(lineStartOf(text, nameKey), nameKey);
  const separator = /^[ \t]*$/.test(indent) ? `${eolOf(text)}${indent}` : ' ';
  return `${text.slice(0, anchor)},${separator}${JSON.stringify(change.field)}: ${next}${text.slice(anchor)}`;
}

/** The fields problemToJson writes before each workload field (FORMAT.md order). */
const FIELDS_BEFORE: Record<WorkloadField['field'], readonly string[]> = {
  rate: ['name', 'text', 'entity', 'equals', 'fixed', 'range', 'order', 'limit', 'include', 'returns'],
  writes: ['name', 'attributes', 'key', 'belongsTo', 'count', 'unique', 'version', 'ttl'],
  itemBytes: ['name', 'attributes', 'key', 'belongsTo', 'count', 'unique', 'version', 'ttl', 'writes'],
};
