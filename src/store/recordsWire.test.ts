import { describe, expect, it } from 'vitest';
import type { RecordValue } from '../engine/index.ts';
import { packRecords, unpackRecords } from './recordsWire.ts';

/** What the page gets: the packed records through a structured clone (as postMessage does), unpacked. */
const cross = (list: RecordValue[]) => unpackRecords(structuredClone(packRecords(list)));

const many = (n: number, make: (i: number) => RecordValue) => Array.from({ length: n }, (_, i) => make(i));

describe('records on the wire', () => {
  it('a long list of one shape crosses as columns and comes back the same, keys in order', () => {
    const list = many(1_000, (i) => ({ image: `images/${i}.jpg`, owner: i % 3 === 0 ? 'Ana' : 'Bo', viewCount: i * 7, public: i % 2 === 0 }));
    const wire = packRecords(list);
    expect('columns' in wire).toBe(true);
    const back = cross(list);
    expect(back).toEqual(list);
    expect(back.map((r) => Object.keys(r).join())).toEqual(list.map((r) => Object.keys(r).join()));
    expect(JSON.stringify(back)).toBe(JSON.stringify(list));
  });

  it('records of other shapes (an attribute missing, keys in another order) cross as they are', () => {
    const missing = many(1_000, (i) => (i === 500 ? { id: 'x' } : { id: `u${i}`, name: 'n' }));
    expect('list' in packRecords(missing)).toBe(true);
    expect(cross(missing)).toEqual(missing);
    const reordered = many(1_000, (i) => (i === 999 ? { name: 'n', id: 'z' } : { id: `u${i}`, name: 'n' }));
    expect('list' in packRecords(reordered)).toBe(true);
    expect(JSON.stringify(cross(reordered))).toBe(JSON.stringify(reordered));
  });

  it('attribute names every object inherits stay the records’ own; __proto__ crosses as it is', () => {
    const inherited = many(1_000, (i) => ({ constructor: `c${i}`, toString: 'text', hasOwnProperty: i }));
    expect('columns' in packRecords(inherited)).toBe(true);
    const back = cross(inherited);
    expect(back).toEqual(inherited);
    expect(Object.getPrototypeOf(back[3])).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(back[3], 'toString')).toBe(true);

    const proto = many(1_000, (i) => {
      const record: RecordValue = {};
      Object.defineProperty(record, '__proto__', { value: `p${i}`, enumerable: true, writable: true, configurable: true });
      record.id = `u${i}`;
      return record;
    });
    expect('list' in packRecords(proto)).toBe(true);
    const protoBack = cross(proto);
    expect(Object.keys(protoBack[7] ?? {})).toEqual(['__proto__', 'id']);
    expect(Object.getOwnPropertyDescriptor(protoBack[7], '__proto__')?.value).toBe('p7');
  });

  it('short lists and empty ones cross as they are', () => {
    expect(packRecords([{ id: 'a' }])).toEqual({ list: [{ id: 'a' }] });
    expect(cross([])).toEqual([]);
  });

  it('records without attributes keep their number', () => {
    const empty = many(300, () => ({}));
    expect('columns' in packRecords(empty)).toBe(true);
    expect(cross(empty)).toEqual(empty);
  });
});
