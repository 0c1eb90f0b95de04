// The rows of the items grid for one index: only the items the index holds
// (indexKeyOf: those with both of its key attributes, or for native keys with
// every key attribute of its type), grouped into item collections by partition
// key and sorted by sort key as DynamoDB keeps them (strings in UTF-8 byte
// order, numbers numerically, attribute by attribute). Partitions are listed in
// the same order of their key values too (DynamoDB hashes them; a stable order
// is easier to read). Items whose sort-key values tie (a native GSI's sort key
// need not be unique) follow their table key, as the engine returns them. Pure:
// no React.
import type { IndexKeySchema, Item } from '../../engine/index.ts';
import { compareKeyValues, indexKeyOf, partitionText, type ItemIndexKey, type KeyValue } from './indexKeyOf.ts';

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
  const kept: { item: Item; key: ItemIndexKey; tie: KeyValue[] }[] = [];
  const entities = new Set<string>();
  for (const item of items) {
    const key = indexKeyOf(item, index);
    if (key === undefined) continue;
    const name = item[entityAttribute];
    if (typeof name === 'string') entities.add(name);
    if (entity !== undefined && name !== entity) continue;
    const tableKey = table === undefined ? undefined : indexKeyOf(item, table);
    kept.push({ item, key, tie: tableKey === undefined ? [] : [...tableKey.pk, ...tableKey.sk] });
  }
  kept.sort((a, b) => compareKeyValues(a.key.pk, b.key.pk) || compareKeyValues(a.key.sk, b.key.sk) || compareKeyValues(a.tie, b.tie));

  const sorted: Item[] = new Array<Item>(kept.length);
  const rows: GridRow[] = [];
  let header: { kind: 'partition'; pk: string; count: number } | undefined;
  let headerKey: KeyValue[] | undefined;
  kept.forEach(({ item, key }, to) => {
    sorted[to] = item;
    if (headerKey === undefined || header === undefined || compareKeyValues(headerKey, key.pk) !== 0) {
      header = { kind: 'partition', pk: partitionText(key.pk, index), count: 0 };
      headerKey = key.pk;
      rows.push(header);
    }
    header.count++;
    rows.push({ kind: 'item', item: to });
  });
  return { items: sorted, rows, partitions: rows.length - sorted.length, entities: [...entities] };
}
