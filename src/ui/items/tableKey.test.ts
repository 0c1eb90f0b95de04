import { describe, expect, it } from 'vitest';
import type { IndexKeySchema, Item } from '../../engine/index.ts';
import { groupItems } from './groupItems.ts';
import { nativeDesign } from '../../testing/nativeDesign.ts';
import { highlightedRows, tableKey, tableKeys, tableKeyText } from './tableKey.ts';

const table: IndexKeySchema = { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK' };

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
    const grouped = groupItems({ items, index: { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' }, entityAttribute: '_type' });
    // Result items are copies (as evaluated), not the same objects.
    const result = [{ ...items[2] }, { ...items[1] }] as Item[];
    const rows = highlightedRows(grouped.given, tableKeys(result, table), table);
    // rows: [free header, a, b, paid header, c]
    expect(rows).toEqual([2, 4]);
  });

  it('finds the rows alike for a result of a few partitions and one of many', () => {
    const items: Item[] = Array.from({ length: 40 }, (_, i) => ({ PK: `USER#${i % 20}`, SK: `S${i}` }));
    const grouped = groupItems({ items, index: table, entityAttribute: '_type' });
    const expected = (result: Item[]) => {
      const keys = new Set(result.map((item) => `${String(item['PK'])}/${String(item['SK'])}`));
      return Array.from({ length: grouped.rows.length }, (_, position) => position).filter((position) => {
        const row = grouped.rows.at(position);
        const item = row?.kind === 'item' ? grouped.items[row.item] : undefined;
        return item !== undefined && keys.has(`${String(item['PK'])}/${String(item['SK'])}`);
      });
    };
    for (const result of [items.slice(0, 3), items.filter((_, i) => i % 3 === 0)]) {
      const rows = highlightedRows(grouped.given, tableKeys(result, table), table);
      expect(rows).toEqual(expected(result));
      expect(rows).toHaveLength(result.length);
    }
  });

  it('finds nothing when there is no result', () => {
    const grouped = groupItems({ items: [{ PK: 'a', SK: 'b' }], index: table, entityAttribute: '_type' });
    expect(highlightedRows(grouped.given, new Set(), table)).toEqual([]);
  });
});

describe('tableKeyText', () => {
  it('writes the table key of an item for people, whatever index it came from', () => {
    expect(tableKeyText({ PK: 'ORDER#a', SK: 'ORDER', _type: 'Order', status: 'open', total: 3 }, table)).toBe('ORDER#a · ORDER');
    expect(tableKeyText({ PK: 'ORDER#a' }, table)).toBe('ORDER#a · ');
    expect(tableKeyText({ PK: 'ORDER#a', SK: 'ORDER' }, undefined)).toBe('');
  });
});

describe('highlightedRows in a native GSI view', () => {
  it('finds the result items by table key in a view keyed on the items own attributes', () => {
    const { design, items } = nativeDesign();
    const gsi2 = design.indexes.find((i) => i.name === 'GSI2');
    const tableIndex = design.indexes[0];
    if (gsi2 === undefined || tableIndex === undefined) throw new Error('no GSI2');
    const grouped = groupItems({ items, index: gsi2, entityAttribute: '_type', table: tableIndex });
    const result = grouped.items.filter((i) => i['status'] === 'shipped').map((i) => ({ ...i }));
    expect(result.length).toBeGreaterThan(0);
    const rows = highlightedRows(grouped.given, tableKeys(result, tableIndex), tableIndex);
    expect(rows.length).toBe(result.length);
    expect(rows.map((r) => grouped.rows.at(r)).every((row) => row?.kind === 'item' && grouped.items[row.item]?.['status'] === 'shipped')).toBe(true);
  });
});
