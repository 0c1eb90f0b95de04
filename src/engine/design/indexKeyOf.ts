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
  if (index.keys === 'native') {
    const pk = nativeValues(item, index.pk);
    const sk = pk && nativeValues(item, index.sk);
    return pk && sk ? { pk, sk } : undefined;
  }
  const pk = item[index.pkAttribute];
  const sk = item[index.skAttribute];
  return typeof pk === 'string' && typeof sk === 'string' ? { pk: [pk], sk: [sk] } : undefined;
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
