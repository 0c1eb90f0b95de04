// Sample records as they cross from the analysis worker to the page. A structured clone of 100,000 small
// objects is slow to write and to read (each object and each of its keys is one more entry; about 90 ms
// for the 100,000 records of the leaderboard at count 100,000 in Node), while the same values as one
// array per attribute clone in about 14 ms and the page makes the objects again in about 7. So a long list
// of records of one shape (plain objects, the same own keys in the same order) crosses as columns and
// comes back as the same records, keys in the same order; any other list crosses as it is.
import type { RecordValue, Scalar } from '../engine/index.ts';

export type WireRecords = { list: RecordValue[] } | { count: number; keys: string[]; columns: Scalar[][] };

/** Shorter lists cross as they are: their clone is cheap, and so are their shape checks. */
const COLUMNS_FROM = 256;

export function packRecords(list: RecordValue[]): WireRecords {
  const keys = list.length >= COLUMNS_FROM ? sharedKeys(list) : undefined;
  if (keys === undefined) return { list };
  const columns = keys.map((key) => {
    const column: Scalar[] = new Array<Scalar>(list.length);
    for (let i = 0; i < list.length; i++) column[i] = (list[i] as RecordValue)[key] as Scalar;
    return column;
  });
  return { count: list.length, keys, columns };
}

export function unpackRecords(wire: WireRecords): RecordValue[] {
  if ('list' in wire) return wire.list;
  const { count, keys, columns } = wire;
  const list: RecordValue[] = new Array<RecordValue>(count);
  for (let i = 0; i < count; i++) {
    const record: RecordValue = {};
    for (let k = 0; k < keys.length; k++) record[keys[k] as string] = (columns[k] as Scalar[])[i] as Scalar;
    list[i] = record;
  }
  return list;
}

/**
 * The own keys every record has, in the same order, when all are plain objects; undefined otherwise, or when a key
 * is `__proto__` (assigning it would set the prototype instead of making the attribute: such a list crosses as it is).
 */
function sharedKeys(list: readonly RecordValue[]): string[] | undefined {
  const first = list[0];
  if (first === undefined || Object.getPrototypeOf(first) !== Object.prototype) return undefined;
  const keys = Object.keys(first);
  if (keys.includes('__proto__')) return undefined;
  for (const record of list) {
    if (Object.getPrototypeOf(record) !== Object.prototype) return undefined;
    const own = Object.keys(record);
    if (own.length !== keys.length) return undefined;
    for (let k = 0; k < keys.length; k++) if (own[k] !== keys[k]) return undefined;
  }
  return keys;
}
