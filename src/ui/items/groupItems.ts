// The rows of the items grid for one index: only the items the index holds
// (those with both of its key attributes), grouped into item collections by
// partition key and sorted by sort key in UTF-8 byte order, as DynamoDB keeps
// them. Partitions are listed in UTF-8 order of their key too (DynamoDB hashes
// them; a stable order is easier to read). Pure: no React.
import { compareUtf8 } from '../../engine/index.ts';
import type { Item } from '../../engine/index.ts';

export interface IndexKeys {
  pkAttribute: string;
  skAttribute: string;
}

/** A grid row: the header of an item collection, or one item (an index into `items`). */
export type GridRow = { kind: 'partition'; pk: string; count: number } | { kind: 'item'; item: number };

export interface GroupedItems {
  /** The items shown, in display order. */
  items: Item[];
  /** Partition header rows and item rows, in display order. */
  rows: GridRow[];
  partitions: number;
}

export function groupItems({
  items,
  index,
  entityAttribute,
  entity,
}: {
  items: readonly Item[];
  index: IndexKeys;
  entityAttribute: string;
  /** Show only this entity's items (undefined: all). */
  entity?: string | undefined;
}): GroupedItems {
  const kept: Item[] = [];
  const pks: string[] = [];
  const sks: string[] = [];
  for (const item of items) {
    const pk = item[index.pkAttribute];
    const sk = item[index.skAttribute];
    if (pk === undefined || sk === undefined) continue;
    if (entity !== undefined && item[entityAttribute] !== entity) continue;
    kept.push(item);
    pks.push(String(pk));
    sks.push(String(sk));
  }
  const order = kept.map((_, i) => i);
  order.sort((a, b) => compareUtf8(pks[a] as string, pks[b] as string) || compareUtf8(sks[a] as string, sks[b] as string));

  const sorted: Item[] = new Array<Item>(order.length);
  const rows: GridRow[] = [];
  let header: { kind: 'partition'; pk: string; count: number } | undefined;
  order.forEach((from, to) => {
    sorted[to] = kept[from] as Item;
    const pk = pks[from] as string;
    if (header === undefined || header.pk !== pk) {
      header = { kind: 'partition', pk, count: 0 };
      rows.push(header);
    }
    header.count++;
    rows.push({ kind: 'item', item: to });
  });
  return { items: sorted, rows, partitions: rows.length - sorted.length };
}
