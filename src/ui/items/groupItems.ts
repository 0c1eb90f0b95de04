// The rows of the items grid for one index: only the items the index holds
// (indexKeyOf: those with both of its key attributes, or for native keys with
// every key attribute of its type), grouped into item collections by partition
// key and sorted by sort key as DynamoDB keeps them (strings in UTF-8 byte
// order, numbers numerically, attribute by attribute). Partitions are listed in
// the same order of their key values too (DynamoDB hashes them; a stable order
// is easier to read). Items whose sort-key values tie (a native GSI's sort key
// need not be unique) follow their table key, as the engine returns them. Pure:
// no React.
import { compareKeyValue, isNativeIndex, readIndexKey, type IndexKeySchema, type Item } from '../../engine/index.ts';
import { indexKeyOf, partitionText, type KeyValue } from './indexKeyOf.ts';

/** A grid row: the header of an item collection (`pk` as people read it), or one item (an index into `items`). */
export type GridRow = { kind: 'partition'; pk: string; count: number } | { kind: 'item'; item: number };

/**
 * The grid's rows in display order, each made only when asked: the grid asks for the few it draws. A
 * 100,000-item view was 200,000 row objects and as many header texts, made on every change of the samples.
 */
export interface GridRows {
  readonly length: number;
  /** The row at a position (undefined past the end). */
  at(position: number): GridRow | undefined;
  /** The position in `items` of the item at a row, or -1 for a partition's header row (and past the end). */
  itemAt(position: number): number;
}

export interface GroupedItems {
  /** The items shown, in display order. */
  items: Item[];
  /** Partition header rows and item rows, in display order. */
  rows: GridRows;
  partitions: number;
  /** Every entity with items in the index, whatever the entity filter, in the order first met. */
  entities: string[];
  /**
   * The same items in the order they were given, each with its row: a loop over every item (the highlighted
   * rows, the marked ones) reads them in this order, the order they were made and so lie in memory. Reading
   * one attribute of 100,000 items took 8 ms so and 50 ms in display order, a jump in memory per item.
   */
  given: { items: readonly Item[]; rows: Int32Array };
}

export function groupItems({
  items,
  index,
  entityAttribute,
  entity,
  table,
}: {
  items: readonly Item[];
  index: IndexKeySchema;
  entityAttribute: string;
  /** Show only this entity's items (undefined: all). */
  entity?: string | undefined;
  /** The table's key, which orders items whose index sort key ties. */
  table?: IndexKeySchema | undefined;
}): GroupedItems {
  // The sort keys as columns (the index's partition key values, its sort key values, then the table key's),
  // one entry per kept item: a 100,000-item sort on flat arrays of values takes a tenth of one on key objects.
  // The table's view needs no table key columns: its own key is the table key, so they would never decide.
  const tieKey = table === undefined || sameKey(table, index) ? undefined : table;
  const pkWidth = keyWidth(index, 'pk');
  const width = pkWidth + keyWidth(index, 'sk');
  const tieWidth = tieKey === undefined ? 0 : keyWidth(tieKey, 'pk') + keyWidth(tieKey, 'sk');
  const columns: Column[] = Array.from({ length: width + tieWidth }, () => ({ values: [], strings: true, numbers: true }));
  const kept: Item[] = [];
  const entities = new Set<string>();
  let surrogates = false;
  // One item's key values, read into the same arrays for every item (readIndexKey), never made per item.
  const key = new Array<KeyValue>(width);
  const tie = new Array<KeyValue>(tieWidth);
  const put = (values: readonly (KeyValue | undefined)[], count: number, at: number) => {
    for (let i = 0; i < count; i++) {
      const column = columns[at + i] as Column;
      const value = values[i];
      if (typeof value === 'string') {
        column.numbers = false;
        if (!surrogates && SURROGATE.test(value)) surrogates = true;
      } else {
        column.strings = false;
        if (typeof value !== 'number') column.numbers = false;
      }
      column.values.push(value);
    }
  };
  for (const item of items) {
    if (!readIndexKey(item, index, key)) continue;
    const name = item[entityAttribute];
    if (typeof name === 'string') entities.add(name);
    if (entity !== undefined && name !== entity) continue;
    kept.push(item);
    put(key, width, 0);
    if (tieKey === undefined) continue;
    // An item without a table key (never expected) ties first.
    put(readIndexKey(item, tieKey, tie) ? tie : NONE, tieWidth, width);
  }
  const order = sortedOrder(columns, surrogates, kept.length);

  // Each row as a number: an item's position in `sorted`, or -1 - a partition's number for its header row.
  const sorted: Item[] = new Array<Item>(kept.length);
  const cells = new Int32Array(2 * kept.length);
  const rowOfGiven = new Int32Array(kept.length);
  const heads: number[] = [];
  let length = 0;
  let headerAt = -1;
  const pkColumns = columns.slice(0, pkWidth).map((column) => column.values);
  for (let to = 0; to < order.length; to++) {
    const at = order[to] as number;
    sorted[to] = kept[at] as Item;
    let same = headerAt !== -1;
    for (let j = 0; same && j < pkWidth; j++) same = (pkColumns[j] as KeyValue[])[at] === (pkColumns[j] as KeyValue[])[headerAt];
    if (!same) {
      cells[length] = -1 - heads.length;
      heads.push(length);
      length++;
      headerAt = at;
    }
    rowOfGiven[at] = length;
    cells[length++] = to;
  }
  return {
    items: sorted,
    rows: gridRows(cells.subarray(0, length), heads, sorted, index),
    partitions: heads.length,
    entities: [...entities],
    given: { items: kept, rows: rowOfGiven },
  };
}

/** The rows of `cells` (groupItems), a header's text and count made when it is asked for. */
function gridRows(cells: Int32Array, heads: readonly number[], items: readonly Item[], index: IndexKeySchema): GridRows {
  return {
    length: cells.length,
    itemAt: (position) => {
      const cell = cells[position];
      return cell === undefined || cell < 0 ? -1 : cell;
    },
    at: (position) => {
      const cell = cells[position];
      if (cell === undefined) return undefined;
      if (cell >= 0) return { kind: 'item', item: cell };
      const partition = -1 - cell;
      // A partition's items share its key: the first one's gives the header its text.
      const first = items[cells[position + 1] ?? -1];
      const key = first === undefined ? undefined : indexKeyOf(first, index);
      return { kind: 'partition', pk: key === undefined ? '' : partitionText(key.pk, index), count: (heads[partition + 1] ?? cells.length) - position - 1 };
    },
  };
}

/** Below this many items a stretch is ordered by one sort; from it, a counting sort on two code units first. */
const BUCKETS_FROM = 1024;
/** Past this many (first × second code units) buckets, the counting sort uses the first code unit alone. */
const MAX_BUCKETS = 1 << 16;

/**
 * Item positions in the columns' order. Columns where every item holds the same value order nothing and
 * are passed over; when the first that differs holds strings only (no surrogates: UTF-16 order is UTF-8
 * order), the items are split by a stable counting sort on the two code units after the prefix they all
 * share, and each bucket so again until it is small, then sorted by the whole comparison (a radix sort
 * from the front): a 100,000-item table of `IMAGE#images/…` keys makes half the comparisons of one sort.
 * Equal keys stay in the order given, as with one sort (both are stable).
 */
function sortedOrder(columns: readonly Column[], surrogates: boolean, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const compare = columnsOrder(columns, surrogates);
  const lead = columns.find(({ values }) => values.some((value) => value !== values[0]));
  if (lead === undefined) return order;
  if (!lead.strings || surrogates) return order.sort(compare);
  bucketSort(order, lead.values as string[], compare, { firsts: new Uint32Array(0x10001), seconds: new Uint32Array(0x10001) });
  return order;
}

/** A string's code unit at `i`, 1 up; 0 where it has ended (a shorter string sorts first). */
function unitAt(text: string, i: number): number {
  return text.length > i ? text.charCodeAt(i) + 1 : 0;
}

/** Sorts a stretch of item positions whose lead strings are `texts` (by position); `ranks` are scratch tables, all 0 between calls. */
function bucketSort(order: Uint32Array, texts: readonly string[], compare: Order, ranks: { firsts: Uint32Array; seconds: Uint32Array }): void {
  const n = order.length;
  if (n < BUCKETS_FROM) {
    order.sort(compare);
    return;
  }
  const at = sharedPrefixLength(texts, order);
  const firstCount = rankUnits(texts, order, at, ranks.firsts);
  const secondCount = rankUnits(texts, order, at + 1, ranks.seconds);
  const width = firstCount * secondCount <= MAX_BUCKETS ? secondCount : 1;
  const buckets = firstCount * width;
  const bucket = new Uint32Array(n);
  const starts = new Uint32Array(buckets + 1);
  for (let k = 0; k < n; k++) {
    const text = texts[order[k] as number] as string;
    const b = ((ranks.firsts[unitAt(text, at)] as number) - 1) * width + (width === 1 ? 0 : (ranks.seconds[unitAt(text, at + 1)] as number) - 1);
    bucket[k] = b;
    starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) {
    const text = texts[order[k] as number] as string;
    ranks.firsts[unitAt(text, at)] = 0;
    ranks.seconds[unitAt(text, at + 1)] = 0;
  }
  // One bucket: every string here is the same (they share their prefix and end with it); the later columns decide.
  if (buckets === 1) {
    order.sort(compare);
    return;
  }
  for (let b = 1; b <= buckets; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
  const next = starts.slice(0, buckets);
  const given = order.slice();
  for (let k = 0; k < n; k++) {
    const b = bucket[k] as number;
    order[next[b] as number] = given[k] as number;
    next[b] = (next[b] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) {
    const [start, end] = [starts[b] as number, starts[b + 1] as number];
    if (end - start > 1) bucketSort(order.subarray(start, end), texts, compare, ranks);
  }
}

/** How many leading code units the strings at these positions share. */
function sharedPrefixLength(texts: readonly string[], order: Uint32Array): number {
  const first = texts[order[0] as number] as string;
  let length = first.length;
  for (let k = 1; k < order.length && length > 0; k++) {
    const text = texts[order[k] as number] as string;
    let i = 0;
    while (i < length && i < text.length && text.charCodeAt(i) === first.charCodeAt(i)) i++;
    length = i;
  }
  return length;
}

/** Writes into `rank` (all 0) each code unit at `at` of the strings (unitAt) → its rank among them, from 1 in ascending order; returns how many. */
function rankUnits(texts: readonly string[], order: Uint32Array, at: number, rank: Uint32Array): number {
  let lowest = rank.length;
  let highest = 0;
  for (let k = 0; k < order.length; k++) {
    const unit = unitAt(texts[order[k] as number] as string, at);
    rank[unit] = 1;
    if (unit < lowest) lowest = unit;
    if (unit > highest) highest = unit;
  }
  let count = 0;
  for (let unit = lowest; unit <= highest; unit++) if (rank[unit] !== 0) rank[unit] = ++count;
  return count;
}

/** One key attribute's values, one per kept item, and whether all of them are strings, or all numbers. */
interface Column {
  values: (KeyValue | undefined)[];
  strings: boolean;
  numbers: boolean;
}

type Order = (a: number, b: number) => number;

/**
 * The items' order by the columns, attribute by attribute: a column of strings only compared with `<` where no
 * string holds a surrogate (UTF-16 order is UTF-8 byte order there), one of numbers only numerically, any other
 * as the engine does (compareKeyValue). Each column's comparison is made once, to the exact type, so the
 * 1.7 million comparisons of a 100,000-item sort neither loop over the columns nor ask a value's type.
 */
function columnsOrder(columns: readonly Column[], surrogates: boolean): Order {
  let order: Order = () => 0;
  for (let i = columns.length - 1; i >= 0; i--) order = columnOrder(columns[i] as Column, surrogates, order);
  return order;
}

function columnOrder({ values, strings, numbers }: Column, surrogates: boolean, then: Order): Order {
  if (strings && !surrogates) {
    const texts = values as string[];
    return (a, b) => {
      const x = texts[a] as string;
      const y = texts[b] as string;
      return x === y ? then(a, b) : x < y ? -1 : 1;
    };
  }
  if (numbers) {
    const figures = values as number[];
    return (a, b) => (figures[a] as number) - (figures[b] as number) || then(a, b);
  }
  const compare = surrogates ? compareUtf8Order : compareCodeUnitOrder;
  return (a, b) => compare(values[a], values[b]) || then(a, b);
}

/** Whether two indexes have the same key attributes (then one's key orders nothing the other's has not). */
function sameKey(a: IndexKeySchema, b: IndexKeySchema): boolean {
  if (isNativeIndex(a) || isNativeIndex(b)) return a === b;
  return a.pkAttribute === b.pkAttribute && a.skAttribute === b.skAttribute;
}

/** How many values an index's partition or sort key has (one each for composite keys). */
function keyWidth(index: IndexKeySchema, part: 'pk' | 'sk'): number {
  return isNativeIndex(index) ? index[part].length : 1;
}

const NONE: readonly KeyValue[] = [];

/** A code unit of a surrogate pair: where UTF-16 order and UTF-8 byte order part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** DynamoDB's order of two key values (the engine's compareKeyValue); a missing one (an item without a table key) first. */
function compareUtf8Order(a: KeyValue | undefined, b: KeyValue | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return compareKeyValue(a, b);
}

/** The same where no string holds a surrogate: then UTF-16 order (`<`, native and far faster) is UTF-8 byte order. */
function compareCodeUnitOrder(a: KeyValue | undefined, b: KeyValue | undefined): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return compareUtf8Order(a, b);
}
