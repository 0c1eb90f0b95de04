// The rows of the items grid for one index: only the items the index holds
// (indexKeyOf: those with both of its key attributes, or for native keys with
// every key attribute of its type), grouped into item collections by partition
// key and sorted by sort key as DynamoDB keeps them (strings in UTF-8 byte
// order, numbers numerically, attribute by attribute). Partitions are listed in
// the same order of their key values too (DynamoDB hashes them; a stable order
// is easier to read). Items whose sort-key values tie (a native GSI's sort key
// need not be unique) follow their table key, as the engine returns them. Pure:
// no React.
import { compareKeyValue, isNativeIndex, type IndexKeySchema, type Item } from '../../engine/index.ts';
import { indexKeyOf, partitionText, type KeyValue } from './indexKeyOf.ts';

/** A grid row: the header of an item collection (`pk` as people read it), or one item (an index into `items`). */
export type GridRow = { kind: 'partition'; pk: string; count: number } | { kind: 'item'; item: number };

export interface GroupedItems {
  /** The items shown, in display order. */
  items: Item[];
  /** Partition header rows and item rows, in display order. */
  rows: GridRow[];
  partitions: number;
  /** Every entity with items in the index, whatever the entity filter, in the order first met. */
  entities: string[];
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
  const pkWidth = keyWidth(index, 'pk');
  const skWidth = keyWidth(index, 'sk');
  const tablePkWidth = table === undefined ? 0 : keyWidth(table, 'pk');
  const tableSkWidth = table === undefined ? 0 : keyWidth(table, 'sk');
  const columns: (KeyValue | undefined)[][] = Array.from({ length: pkWidth + skWidth + tablePkWidth + tableSkWidth }, () => []);
  const kept: Item[] = [];
  const entities = new Set<string>();
  let surrogates = false;
  const put = (column: number, values: readonly KeyValue[], width: number) => {
    for (let i = 0; i < width; i++) {
      const value = values[i];
      if (typeof value === 'string' && !surrogates && SURROGATE.test(value)) surrogates = true;
      (columns[column + i] as (KeyValue | undefined)[]).push(value);
    }
  };
  for (const item of items) {
    const key = indexKeyOf(item, index);
    if (key === undefined) continue;
    const name = item[entityAttribute];
    if (typeof name === 'string') entities.add(name);
    if (entity !== undefined && name !== entity) continue;
    kept.push(item);
    put(0, key.pk, pkWidth);
    put(pkWidth, key.sk, skWidth);
    const tableKey = table === undefined ? undefined : indexKeyOf(item, table);
    put(pkWidth + skWidth, tableKey?.pk ?? NONE, tablePkWidth);
    put(pkWidth + skWidth + tablePkWidth, tableKey?.sk ?? NONE, tableSkWidth);
  }
  const compare = surrogates ? compareUtf8Order : compareCodeUnitOrder;
  const order = kept.map((_, i) => i);
  order.sort((a, b) => {
    for (const column of columns) {
      const c = compare(column[a], column[b]);
      if (c !== 0) return c;
    }
    return 0;
  });

  const sorted: Item[] = new Array<Item>(kept.length);
  const rows: GridRow[] = [];
  let header: { kind: 'partition'; pk: string; count: number } | undefined;
  let headerAt = -1;
  const pkColumns = columns.slice(0, pkWidth);
  const samePartition = (a: number, b: number) => pkColumns.every((column) => column[a] === column[b]);
  order.forEach((at, to) => {
    sorted[to] = kept[at] as Item;
    if (header === undefined || !samePartition(headerAt, at)) {
      header = {
        kind: 'partition',
        pk: partitionText(
          pkColumns.map((column) => column[at] as KeyValue),
          index,
        ),
        count: 0,
      };
      headerAt = at;
      rows.push(header);
    }
    header.count++;
    rows.push({ kind: 'item', item: to });
  });
  return { items: sorted, rows, partitions: rows.length - sorted.length, entities: [...entities] };
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
