// Which items an index holds, and where: an item's values of the index's key
// attributes, one owner for the evaluator and the app. A composite index
// (`GSI1PK`, `GSI1SK`) holds the items that have both of its string attributes;
// a native one (the items' own attributes, several, typed) holds those that have
// every one of its key attributes with its type (a string for S, a finite number
// for N): DynamoDB writes nothing to an index for an item lacking one.
import { compareUtf8 } from '../queries/compareUtf8.ts';
import type { IndexKeySchema, Item, NativeKeyAttribute } from './types.ts';

export type KeyValue = string | number;

/** An item's place in an index: its partition-key values and sort-key values, in key order. */
export interface ItemIndexKey {
  pk: KeyValue[];
  sk: KeyValue[];
}

/** The item's key in the index, or undefined when the index does not hold it. */
export function indexKeyOf(item: Item, index: IndexKeySchema): ItemIndexKey | undefined {
  const values: KeyValue[] = [];
  if (!readIndexKey(item, index, values)) return undefined;
  const width = index.keys === 'native' ? index.pk.length : 1;
  return { pk: values.slice(0, width), sk: values.slice(width) };
}

/**
 * indexKeyOf with nothing made: whether the index holds the item, its key's values written into `into`
 * (the partition key's, then the sort key's, from 0; `into` may hold more after them). For loops over
 * 100,000 items (the grid's grouping), where indexKeyOf's three arrays an item are most of the time.
 */
export function readIndexKey(item: Item, index: IndexKeySchema, into: KeyValue[]): boolean {
  if (index.keys === 'native') {
    const width = index.pk.length;
    return readNative(item, index.pk, into, 0) && readNative(item, index.sk, into, width);
  }
  const pk = item[index.pkAttribute];
  const sk = item[index.skAttribute];
  if (typeof pk !== 'string' || typeof sk !== 'string') return false;
  into[0] = pk;
  into[1] = sk;
  return true;
}

function readNative(item: Item, attributes: readonly NativeKeyAttribute[], into: KeyValue[], at: number): boolean {
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i] as NativeKeyAttribute;
    const v = item[attribute.name];
    if (attribute.type === 'N' && typeof v === 'number' && Number.isFinite(v)) into[at + i] = v;
    else if (attribute.type === 'S' && typeof v === 'string') into[at + i] = v;
    else return false;
  }
  return true;
}

/** DynamoDB's order of one key value: numbers numerically, strings by their UTF-8 bytes. */
export function compareKeyValue(a: KeyValue, b: KeyValue): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareUtf8(String(a), String(b));
}

/** DynamoDB's order of key values, attribute by attribute. */
export function compareKeyValues(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareKeyValue(a[i] as KeyValue, b[i] as KeyValue);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
