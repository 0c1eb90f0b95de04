import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { groupItems } from './groupItems.ts';
import { highlightedRows, tableKey, tableKeys } from './tableKey.ts';

const table = { pkAttribute: 'PK', skAttribute: 'SK' };

describe('tableKey', () => {
  it('tells apart items whose keys differ only in where partition key ends', () => {
    expect(tableKey({ PK: 'a#b', SK: 'c' }, table)).not.toBe(tableKey({ PK: 'a', SK: 'b#c' }, table));
  });

  it('gives nothing for an item without a table key', () => {
    expect(tableKey({ GSI1PK: 'x' }, table)).toBeUndefined();
  });
});

describe('highlightedRows', () => {
  it('finds the grid rows of the result items by table key, whatever index the grid shows', () => {
    const items: Item[] = [
      { PK: 'USER#a', SK: 'USER', GSI1PK: 'free', GSI1SK: '1' },
      { PK: 'USER#b', SK: 'USER', GSI1PK: 'free', GSI1SK: '2' },
      { PK: 'USER#c', SK: 'USER', GSI1PK: 'paid', GSI1SK: '3' },
    ];
    const grouped = groupItems({ items, index: { pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' }, entityAttribute: '_type' });
    // Result items are copies (as evaluated), not the same objects.
    const result = [{ ...items[2] }, { ...items[1] }] as Item[];
    const rows = highlightedRows(grouped.rows, grouped.items, tableKeys(result, table), table);
    // rows: [free header, a, b, paid header, c]
    expect(rows).toEqual([2, 4]);
  });

  it('finds nothing when there is no result', () => {
    const grouped = groupItems({ items: [{ PK: 'a', SK: 'b' }], index: table, entityAttribute: '_type' });
    expect(highlightedRows(grouped.rows, grouped.items, new Set(), table)).toEqual([]);
  });
});
