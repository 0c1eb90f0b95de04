// An item's identity: its table primary key (partition key + sort key), which
// every item has whatever index the grid shows. Used to match the selected
// pattern's result items against the grid's items, and to name an item in the
// pattern and run views.
import { indexKeyNames } from '../../engine/index.ts';
import type { IndexKeySchema, Item } from '../../engine/index.ts';
import type { GroupedItems } from './groupItems.ts';

export function tableKey(item: Item, table: IndexKeySchema): string | undefined {
  return keyOfNames(item, indexKeyNames(table));
}

/** tableKey with the table's key attribute names looked up once (a loop over 100,000 items, the grid's drawn rows). */
export function keyOfNames(item: Item, names: readonly string[]): string | undefined {
  let key = '';
  for (let i = 0; i < names.length; i++) {
    const value = item[names[i] as string];
    if (value === undefined) return undefined;
    // NUL never occurs in generated keys, so the pair cannot collide.
    key += i === 0 ? String(value) : `\u0000${String(value)}`;
  }
  return key;
}

/** The table key as people read it: `USER#a · USER` (an attribute the item lacks is empty). */
export function tableKeyText(item: Item, table: IndexKeySchema | undefined): string {
  if (table === undefined) return '';
  return indexKeyNames(table)
    .map((name) => String(item[name] ?? ''))
    .join(' · ');
}

/** Table keys of a set of items (the result of a pattern). */
export function tableKeys(items: readonly Item[], table: IndexKeySchema): Set<string> {
  const keys = new Set<string>();
  const names = indexKeyNames(table);
  for (const item of items) {
    const key = keyOfNames(item, names);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** Up to this many first values are looked for one by one rather than hashed. */
const FEW_FIRSTS = 8;

/** The rows (GroupedItems.given) of the items whose table key is in `keys`, in display order. */
export function highlightedRows(given: GroupedItems['given'], keys: ReadonlySet<string>, table: IndexKeySchema): number[] {
  const found: number[] = [];
  if (keys.size === 0) return found;
  // The key's first value first, without building the key: a result is a few items among 100,000.
  const names = indexKeyNames(table);
  const first = names[0];
  if (first === undefined) return found;
  const firsts = new Set([...keys].map((key) => key.split('\u0000')[0]));
  // A few first values (a result of a few items) are compared (===, which answers at once for a string of
  // another length): a Set would hash every item's value, and hashing 100,000 new strings took twice the loop.
  const few = firsts.size <= FEW_FIRSTS ? [...firsts] : undefined;
  const { items, rows } = given;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    const value = String(item[first]);
    if (few === undefined ? !firsts.has(value) : !few.includes(value)) continue;
    const key = keyOfNames(item, names);
    if (key !== undefined && keys.has(key)) found.push(rows[k] as number);
  }
  return found.sort((a, b) => a - b);
}
