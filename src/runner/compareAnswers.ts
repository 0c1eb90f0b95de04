// Compares what DynamoDB returned for one request with the engine's in-memory
// answer: the same items (by table key, then every attribute) in the same
// order. Items that share the index's sort key value (every sort attribute's,
// for a native index) are ties whose order DynamoDB does not define (DynamoDB
// Local returns GSI ties in a hash-like order), so order is only compared
// between different sort key values. For the same reason a Query with Limit
// (a pattern's first N) may return any of the items tied at its last sort key
// value: those count as the same answer when as many are missing as unexpected.
import { compareUtf8, indexKeyAttributes, indexKeyNames, type Design, type Item, type Request } from '../engine/index.ts';

export interface ChangedItem {
  key: string;
  expected: Item;
  actual: Item;
}

export interface AnswerComparison {
  ok: boolean;
  /** In the engine's answer, not in DynamoDB's. */
  missing: Item[];
  /** In DynamoDB's answer, not in the engine's. */
  unexpected: Item[];
  /** Same table key, different attributes. */
  changed: ChangedItem[];
  /** Both hold the same items but in another order (ties aside). */
  orderDiffers: boolean;
  /** Table keys (`PK | SK`) in the engine's order and in DynamoDB's, for showing an order difference. */
  expectedOrder: string[];
  actualOrder: string[];
  /** Items whose place among ties DynamoDB does not define (not compared for order). */
  ties: number;
}

/** The table's key attributes (an item's identity) and the sort-key attributes of the index the request reads. */
function attributeNames(design: Design, request: Request): { table: string[]; indexSk: string[] } {
  const table = design.indexes.find((i) => i.kind === 'table');
  const index = design.indexes.find((i) => i.name === request.index) ?? table;
  return { table: table ? indexKeyNames(table) : ['PK', 'SK'], indexSk: index ? indexKeyAttributes(index).sk : ['SK'] };
}

/** Canonical text of an item: attributes sorted by name. */
export function canonicalItem(item: Item): string {
  return JSON.stringify(
    Object.keys(item)
      .sort()
      .map((k) => [k, item[k]]),
  );
}

export function compareAnswers({
  design,
  request,
  expected,
  actual,
}: {
  design: Design;
  request: Request;
  expected: readonly Item[];
  actual: readonly Item[];
}): AnswerComparison {
  const names = attributeNames(design, request);
  const keyOf = (item: Item) => names.table.map((name) => String(item[name])).join(' | ');
  // The index sort key's values: items with equal ones tie (typed, so 5 and "5" differ).
  const sortOf = (item: Item | undefined) => JSON.stringify(names.indexSk.map((name) => item?.[name] ?? null));

  const expectedByKey = new Map(expected.map((i) => [keyOf(i), i]));
  const actualByKey = new Map(actual.map((i) => [keyOf(i), i]));
  let missing = expected.filter((i) => !actualByKey.has(keyOf(i)));
  let unexpected = actual.filter((i) => !expectedByKey.has(keyOf(i)));
  // A Limit cuts through the items tied at the boundary: DynamoDB may return any of them.
  let boundaryTies = 0;
  if (request.operation === 'Query' && request.input.Limit !== undefined && expected.length === actual.length && expected.length > 0) {
    const boundary = sortOf(expected[expected.length - 1]);
    const atBoundary = (i: Item) => sortOf(i) === boundary;
    if (missing.filter(atBoundary).length === unexpected.filter(atBoundary).length) {
      boundaryTies = missing.filter(atBoundary).length;
      missing = missing.filter((i) => !atBoundary(i));
      unexpected = unexpected.filter((i) => !atBoundary(i));
    }
  }
  const changed: ChangedItem[] = [];
  for (const [key, e] of expectedByKey) {
    const a = actualByKey.get(key);
    if (a && canonicalItem(a) !== canonicalItem(e)) changed.push({ key, expected: e, actual: a });
  }

  // Order of the items both hold, with ties (same index sort key) put in table key order.
  const normalise = (list: readonly Item[], keep: Map<string, Item>): Item[] => {
    const kept = list.filter((i) => keep.has(keyOf(i)));
    const out: Item[] = [];
    for (let start = 0; start < kept.length;) {
      const tie = sortOf(kept[start]);
      let end = start + 1;
      while (end < kept.length && sortOf(kept[end]) === tie) end++;
      out.push(...kept.slice(start, end).sort((a, b) => compareUtf8(keyOf(a), keyOf(b))));
      start = end;
    }
    return out;
  };
  const expectedOrder = normalise(expected, actualByKey).map(keyOf);
  const actualOrder = normalise(actual, expectedByKey).map(keyOf);
  const orderDiffers = expectedOrder.some((k, i) => actualOrder[i] !== k);

  let ties = 0;
  if (request.operation === 'Query') {
    const counts = new Map<string, number>();
    for (const i of actual) counts.set(sortOf(i), (counts.get(sortOf(i)) ?? 0) + 1);
    for (const n of counts.values()) if (n > 1) ties += n;
  }
  ties += boundaryTies;

  return {
    ok: missing.length === 0 && unexpected.length === 0 && changed.length === 0 && !orderDiffers,
    missing,
    unexpected,
    changed,
    orderDiffers,
    expectedOrder: expected.map(keyOf),
    actualOrder: actual.map(keyOf),
    ties,
  };
}
