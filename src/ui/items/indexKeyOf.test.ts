import { describe, expect, it } from 'vitest';
import type { IndexKeySchema } from '../../engine/index.ts';
import { compareKeyValues, indexKeyOf, partitionText } from './indexKeyOf.ts';

const gsi: IndexKeySchema = { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' };
const native: IndexKeySchema = {
  name: 'GSI9',
  kind: 'gsi',
  keys: 'native',
  pk: [
    { name: '_type', type: 'S' },
    { name: 'status', type: 'S' },
  ],
  sk: [
    { name: 'total', type: 'N' },
    { name: 'orderId', type: 'S' },
  ],
};

describe('indexKeyOf', () => {
  it("reads a composite index's two key attributes, and holds no item lacking one", () => {
    expect(indexKeyOf({ GSI1PK: 'P', GSI1SK: 'S' }, gsi)).toEqual({ pk: ['P'], sk: ['S'] });
    expect(indexKeyOf({ GSI1PK: 'P' }, gsi)).toBeUndefined();
  });

  it("reads a native index's attributes in key order, each of its type", () => {
    expect(indexKeyOf({ orderId: 'o1', total: 12.5, status: 'open', _type: 'Order', note: 'x' }, native)).toEqual({ pk: ['Order', 'open'], sk: [12.5, 'o1'] });
  });

  it('holds no item lacking a key attribute or holding one of another type', () => {
    const order = { _type: 'Order', status: 'open', total: 3, orderId: 'o1' };
    expect(indexKeyOf(order, native)).toBeDefined();
    expect(indexKeyOf({ ...order, total: '3' }, native)).toBeUndefined();
    expect(indexKeyOf({ ...order, status: true }, native)).toBeUndefined();
    expect(indexKeyOf({ ...order, total: Number.NaN }, native)).toBeUndefined();
    const { orderId: _dropped, ...lacking } = order;
    expect(indexKeyOf(lacking, native)).toBeUndefined();
  });
});

describe('compareKeyValues', () => {
  it('orders numbers numerically and strings by UTF-8 bytes, attribute by attribute', () => {
    const sorted = [[100], [9], [-1], [10]].sort(compareKeyValues);
    expect(sorted).toEqual([[-1], [9], [10], [100]]);
    // U+FF5E is below U+1F600 in UTF-8, above it in UTF-16.
    expect(compareKeyValues(['a\uFF5E'], ['a\u{1F600}'])).toBeLessThan(0);
    expect(compareKeyValues(['Order', 'open'], ['Order', 'shipped'])).toBeLessThan(0);
    expect(compareKeyValues([5, 'b'], [5, 'a'])).toBeGreaterThan(0);
    expect(compareKeyValues(['Order', 'open'], ['Order', 'open'])).toBe(0);
  });
});

describe('partitionText', () => {
  it("is a composite key's value, or a native key's values joined as its template is", () => {
    expect(partitionText(['ORDER#open'], gsi)).toBe('ORDER#open');
    expect(partitionText(['Order', 'open'], native)).toBe('"Order" + "open"');
    expect(partitionText(['Order', 42], native)).toBe('"Order" + 42');
  });
});
