// Which items an index holds, and in what order, for composite and native keys;
// and a key template as people read it.
import { describe, expect, it } from 'vitest';
import { compareKeyValues, indexKeyOf, readIndexKey, type KeyValue } from './indexKeyOf.ts';
import { keyTemplateText } from './templateText.ts';
import type { IndexKeySchema } from './types.ts';

const composite: IndexKeySchema = { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' };
const native: IndexKeySchema = {
  name: 'GSI2',
  kind: 'gsi',
  keys: 'native',
  pk: [
    { name: '_type', type: 'S' },
    { name: 'status', type: 'S' },
  ],
  sk: [{ name: 'total', type: 'N' }],
};

describe('indexKeyOf', () => {
  it('holds a composite item by its two string key attributes', () => {
    expect(indexKeyOf({ GSI1PK: 'ORDER#open', GSI1SK: 'ORDER#1' }, composite)).toEqual({ pk: ['ORDER#open'], sk: ['ORDER#1'] });
    expect(indexKeyOf({ GSI1PK: 'ORDER#open' }, composite)).toBeUndefined();
  });

  it('holds a native item only with every key attribute of its type (a string for S, a finite number for N)', () => {
    expect(indexKeyOf({ _type: 'Order', status: 'open', total: 9 }, native)).toEqual({ pk: ['Order', 'open'], sk: [9] });
    for (const item of [
      { _type: 'Order', status: 'open' },
      { _type: 'Order', status: 'open', total: '9' },
      { _type: 'Order', status: 7, total: 9 },
      { _type: 'Order', status: 'open', total: Number.NaN },
    ]) {
      expect(indexKeyOf(item, native), JSON.stringify(item)).toBeUndefined();
    }
  });

  it('reads the same key into a reused array (readIndexKey), partition values then sort values, and refuses the same items', () => {
    const into: KeyValue[] = ['stale', 'stale', 'stale', 'left'];
    expect(readIndexKey({ _type: 'Order', status: 'open', total: 9 }, native, into)).toBe(true);
    expect(into).toEqual(['Order', 'open', 9, 'left']);
    expect(readIndexKey({ GSI1PK: 'ORDER#open', GSI1SK: 'ORDER#1' }, composite, into)).toBe(true);
    expect(into.slice(0, 2)).toEqual(['ORDER#open', 'ORDER#1']);
    for (const item of [{ GSI1PK: 'ORDER#open' }, { GSI1PK: 1, GSI1SK: 'x' }]) expect(readIndexKey(item, composite, [])).toBe(false);
    expect(readIndexKey({ _type: 'Order', status: 'open', total: Number.NaN }, native, [])).toBe(false);
  });

  it('orders numbers numerically and strings by their UTF-8 bytes, attribute by attribute', () => {
    expect(compareKeyValues([9], [10])).toBeLessThan(0);
    expect(compareKeyValues(['9'], ['10'])).toBeGreaterThan(0);
    expect(compareKeyValues(['a', 2], ['a', 10])).toBeLessThan(0);
    expect(compareKeyValues(['Z'], ['é'])).toBeLessThan(0);
  });
});

describe('keyTemplateText', () => {
  it('joins a composite template by # and a native one by +, the entity name quoted', () => {
    const segments = [
      { kind: 'literal' as const, text: 'ORDER' },
      { kind: 'attribute' as const, name: 'status' },
    ];
    expect(keyTemplateText(segments, composite)).toBe('ORDER#{status}');
    expect(keyTemplateText(segments)).toBe('ORDER#{status}');
    expect(
      keyTemplateText(
        [
          { kind: 'literal', text: 'Order' },
          { kind: 'attribute', name: 'status' },
        ],
        native,
      ),
    ).toBe('"Order" + {status}');
  });
});
