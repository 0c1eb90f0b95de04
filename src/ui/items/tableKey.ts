// An item's identity: its table primary key (partition key + sort key), which
// every item has whatever index the grid shows. Used to match the selected
// pattern's result items against the grid's items.
import type { Item } from '../../engine/index.ts';
import type { IndexKeys } from './groupItems.ts';

export function tableKey(item: Item, table: IndexKeys): string | undefined {
  const pk = item[table.pkAttribute];
  const sk = item[table.skAttribute];
  if (pk === undefined || sk === undefined) return undefined;
  // NUL never occurs in generated keys, so the pair cannot collide.
  return `${String(pk)}\u0000${String(sk)}`;
}

/** Table keys of a set of items (the result of a pattern). */
export function tableKeys(items: readonly Item[], table: IndexKeys): Set<string> {
  const keys = new Set<string>();
  for (const item of items) {
    const key = tableKey(item, table);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** Positions in `rows` of the item rows whose item is in `keys`, in display order. */
export function highlightedRows(
  rows: readonly ({ kind: 'partition' } | { kind: 'item'; item: number })[],
  items: readonly Item[],
  keys: ReadonlySet<string>,
  table: IndexKeys,
): number[] {
  const found: number[] = [];
  if (keys.size === 0) return found;
  rows.forEach((row, position) => {
    if (row.kind !== 'item') return;
    const item = items[row.item];
    const key = item === undefined ? undefined : tableKey(item, table);
    if (key !== undefined && keys.has(key)) found.push(position);
  });
  return found;
}
