// Runs one GetItem or Query request on items held in memory, with DynamoDB's
// semantics, so the UI can show what a pattern returns without an endpoint.
// Pure: reads the items it is given, sends nothing. Checked against
// DynamoDB Local 3.3.1 for: UTF-8 byte order of sort keys, `Limit` counting
// items read before the filter, `LastEvaluatedKey` whenever `Limit` items were
// read (even when none remain), and `ExclusiveStartKey` as a position (the
// item it names need not exist); and against the build of 2026-05-28 for
// filters: `<`, `<=`, `>`, `>=` on strings and numbers only (a BOOL operand
// fails the request), values of another type never matching, `<>` holding
// where the attribute is missing (filterForm).
//
// Not modelled: the 1 MB page size (sample items are small), consistency.
// Ties: in a GSI, several items may share one index key. DynamoDB does not
// specify their order (DynamoDB Local returns them in a hash-like order);
// here they are ordered by the table's partition key, then sort key (UTF-8
// bytes), so the answer is deterministic. Do not show order among ties as
// meaningful.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { CompositeKeySchema, Design, IndexDesign, Item, NativeKeyValues, Request, SkCondition } from '../design/types.ts';
import { indexKeyNames, isCompositeIndex } from '../design/indexKeys.ts';
import { indexKeyOf } from '../design/indexKeyOf.ts';
import { compareNative } from './keyCondition.ts';
import { compareUtf8 } from './compareUtf8.ts';
import { filterForm, filterHolds, filterProblem, filterValues } from './filterForm.ts';
import { queriesDiagnostic, type QueriesDiagnosticCode } from './queriesDiagnostic.ts';

export interface EvaluateResult {
  /** Items returned (after the filter), in the order DynamoDB returns them. */
  items: Item[];
  /** Items read: those the key condition selected, before the filter (DynamoDB's ScannedCount). */
  scannedCount: number;
  /** The items read, in order, before the filter: what a request's read capacity is computed from (cost/readUnits). */
  scanned: Item[];
  /** Where to continue: the table key and index key of the last item read, when `Limit` stopped the read. */
  lastEvaluatedKey?: Record<string, string | number>;
  /** Set when the request cannot be evaluated (unknown index, bad Limit, a filter DynamoDB refuses); items is then empty. */
  error?: Diagnostic;
}

export interface EvaluateArgs {
  design: Design;
  items: Item[];
  request: Request;
  exclusiveStartKey?: Item;
}

/** A request that cannot be evaluated: its subject is the index it names. */
const fail = (code: QueriesDiagnosticCode, request: Request, message: string): EvaluateResult => ({
  items: [],
  scannedCount: 0,
  scanned: [],
  error: queriesDiagnostic(code, message, { subject: { index: request.index } }),
});

const keyOf = (item: Item, name: string): string | undefined => {
  const v = item[name];
  return typeof v === 'string' ? v : undefined;
};

function skHolds(sk: string, cond: SkCondition): boolean {
  switch (cond.op) {
    case 'none':
      return true;
    case '=':
      return sk === cond.value;
    case '<':
      return compareUtf8(sk, cond.value) < 0;
    case '<=':
      return compareUtf8(sk, cond.value) <= 0;
    case '>':
      return compareUtf8(sk, cond.value) > 0;
    case '>=':
      return compareUtf8(sk, cond.value) >= 0;
    case 'between':
      return compareUtf8(sk, cond.low) >= 0 && compareUtf8(sk, cond.high) <= 0;
    case 'begins_with':
      return sk.startsWith(cond.prefix);
    default: {
      const never: never = cond;
      return never;
    }
  }
}

/**
 * Position of an item in an index partition: the index's sort-key values (one for a composite
 * index, one per sort attribute for a native one), then the table key (for GSI ties).
 */
type Position = (string | number)[];

function comparePositions(a: Position, b: Position): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareNative(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

function rangeHolds(value: string | number, range: NonNullable<NativeKeyValues['range']>): boolean {
  switch (range.op) {
    case '=':
      return compareNative(value, range.value) === 0;
    case '<':
      return compareNative(value, range.value) < 0;
    case '<=':
      return compareNative(value, range.value) <= 0;
    case '>':
      return compareNative(value, range.value) > 0;
    case '>=':
      return compareNative(value, range.value) >= 0;
    case 'between':
      return compareNative(value, range.low) >= 0 && compareNative(value, range.high) <= 0;
    case 'begins_with':
      return typeof value === 'string' && value.startsWith(range.prefix);
    default: {
      const never: never = range;
      return never;
    }
  }
}

/** Where an item sits in the index, or undefined when it is not in it or the key condition leaves it out. */
function placeOf(index: IndexDesign, table: CompositeKeySchema, key: Extract<Request, { operation: 'Query' }>['key'], item: Item): Position | undefined {
  // A composite partition key is one string attribute: an item of another partition is left out before anything is built for it.
  if (isCompositeIndex(index) && !('native' in key) && item[index.pkAttribute] !== key.pk) return undefined;
  const tail = [keyOf(item, table.pkAttribute) ?? '', keyOf(item, table.skAttribute) ?? ''];
  // Only items holding every key attribute of the index, of its type, are in it (sparse GSIs).
  const held = indexKeyOf(item, index);
  if (!held) return undefined;
  if (index.keys === 'native') {
    if (!('native' in key)) return undefined;
    const values = new Map([...index.pk, ...index.sk].map((a, i) => [a.name, [...held.pk, ...held.sk][i] ?? '']));
    for (const e of key.equals) {
      const v = values.get(e.attribute);
      if (v === undefined || typeof v !== typeof e.value || compareNative(v, e.value) !== 0) return undefined;
    }
    if (key.range) {
      const v = values.get(key.range.attribute);
      if (v === undefined || !rangeHolds(v, key.range)) return undefined;
    }
    return [...held.sk, ...tail];
  }
  if ('native' in key) return undefined;
  const [pk, sk] = [String(held.pk[0]), String(held.sk[0])];
  if (pk !== key.pk || !skHolds(sk, key.sk)) return undefined;
  return [sk, ...tail];
}

/** The position an ExclusiveStartKey names. */
function positionOf(index: IndexDesign, table: CompositeKeySchema, key: Item): Position {
  const tail = [keyOf(key, table.pkAttribute) ?? '', keyOf(key, table.skAttribute) ?? ''];
  if (index.keys === 'native') return [...index.sk.map((a) => key[a.name] ?? ''), ...tail].map((v) => (typeof v === 'boolean' ? String(v) : v));
  return [keyOf(key, index.skAttribute) ?? '', ...tail];
}

export function evaluateRequest({ design, items, request, exclusiveStartKey }: EvaluateArgs): EvaluateResult {
  const table = design.indexes.filter(isCompositeIndex).find((i) => i.kind === 'table');
  const index = design.indexes.find((i) => i.name === request.index);
  if (!table) return fail('queries.noTable', request, 'The design has no base table index.');
  if (!index) return fail('queries.unknownIndex', request, `Request names index "${request.index}", which the design does not have.`);

  switch (request.operation) {
    case 'GetItem': {
      const entries = Object.entries(request.input.Key);
      const found = items.find((item) => entries.every(([name, value]) => item[name] === value));
      return { items: found ? [found] : [], scannedCount: found ? 1 : 0, scanned: found ? [found] : [] };
    }
    case 'Query':
      return query(table, index, items, request, exclusiveStartKey);
    default: {
      const never: never = request;
      return never;
    }
  }
}

function query(
  table: CompositeKeySchema,
  index: IndexDesign,
  items: Item[],
  request: Extract<Request, { operation: 'Query' }>,
  exclusiveStartKey: Item | undefined,
): EvaluateResult {
  const limit = request.input.Limit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    return fail('queries.invalidLimit', request, `Limit must be a whole number of at least 1, not ${String(limit)}.`);
  }
  const forward = request.input.ScanIndexForward !== false;
  // The filter, as the clauses of the FilterExpression buildRequest sends for it
  // (filterForm), checked and evaluated by DynamoDB's rules.
  let passes = (_item: Item): boolean => true;
  const filter = request.filter;
  if (filter) {
    const value = filter.value;
    const form = filterForm(
      filter.op,
      (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'boolean'),
    );
    const values = filterValues(form, value);
    if (typeof values === 'string') return fail('queries.invalidFilter', request, `The filter on "${filter.attribute}" ${values}.`);
    const problem = filterProblem(form, values);
    if (problem) return fail('queries.invalidFilter', request, problem);
    passes = (item) => filterHolds(form, values, item[filter.attribute]);
  }

  const selected: { item: Item; pos: Position }[] = [];
  for (const item of items) {
    const pos = placeOf(index, table, request.key, item);
    if (pos) selected.push({ item, pos });
  }
  selected.sort((a, b) => comparePositions(a.pos, b.pos));
  if (!forward) selected.reverse();

  let start = 0;
  if (exclusiveStartKey) {
    const after = positionOf(index, table, exclusiveStartKey);
    const sign = forward ? 1 : -1;
    while (start < selected.length && sign * comparePositions((selected[start] as { pos: Position }).pos, after) <= 0) start++;
  }

  const end = limit === undefined ? selected.length : Math.min(selected.length, start + limit);
  const read = selected.slice(start, end);
  const scanned = read.map((s) => s.item);
  const returned = scanned.filter(passes);

  const result: EvaluateResult = { items: returned, scannedCount: read.length, scanned };
  const last = read[read.length - 1];
  if (limit !== undefined && read.length === limit && last) {
    const key: Record<string, string | number> = {};
    for (const name of [table.pkAttribute, table.skAttribute, ...indexKeyNames(index)]) {
      const v = last.item[name];
      if (typeof v === 'string' || typeof v === 'number') key[name] = v;
    }
    result.lastEvaluatedKey = key;
  }
  return result;
}
