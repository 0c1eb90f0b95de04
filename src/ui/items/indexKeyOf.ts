// Which items an index holds, and where: an item's values of the index's key
// attributes. A composite index (`GSI1PK`, `GSI1SK`) holds the items that have
// both of its attributes; a native one (the items' own attributes, several,
// typed) holds those that have every one of its key attributes with its type
// (a string for S, a number for N: DynamoDB refuses other types in a key, and
// writes nothing to the index for an item lacking one). Pure: no React; the
// grid and the sparse counts read it.
import { compareUtf8, isNativeIndex } from '../../engine/index.ts';
import type { IndexKeySchema, Item, NativeKeyAttribute } from '../../engine/index.ts';

export type KeyValue = string | number;

/** An item's place in an index: its partition-key values and sort-key values, in key order. */
export interface ItemIndexKey {
  pk: KeyValue[];
  sk: KeyValue[];
}

/** The item's key in the index, or undefined when the index does not hold it. */
export function indexKeyOf(item: Item, index: IndexKeySchema): ItemIndexKey | undefined {
  if (isNativeIndex(index)) {
    const pk = nativeValues(item, index.pk);
    const sk = pk && nativeValues(item, index.sk);
    return pk && sk ? { pk, sk } : undefined;
  }
  const pk = item[index.pkAttribute];
  const sk = item[index.skAttribute];
  if (pk === undefined || sk === undefined) return undefined;
  return { pk: [String(pk)], sk: [String(sk)] };
}

function nativeValues(item: Item, attributes: readonly NativeKeyAttribute[]): KeyValue[] | undefined {
  const values: KeyValue[] = [];
  for (const attribute of attributes) {
    const v = item[attribute.name];
    if (attribute.type === 'N' && typeof v === 'number' && Number.isFinite(v)) values.push(v);
    else if (attribute.type === 'S' && typeof v === 'string') values.push(v);
    else return undefined;
  }
  return values;
}

/** DynamoDB's order of key values, attribute by attribute: numbers numerically, strings by their UTF-8 bytes. */
export function compareKeyValues(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as KeyValue;
    const y = b[i] as KeyValue;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareUtf8(String(x), String(y));
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * A partition as the grid's header shows it: a composite key's value (`ORDER#open`), or a native
 * key's values joined as its template is (`"Order" + "open"`, a number bare: `"Order" + 42`).
 */
export function partitionText(pk: readonly KeyValue[], index: IndexKeySchema): string {
  if (!isNativeIndex(index)) return String(pk[0] ?? '');
  return pk.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v))).join(' + ');
}
