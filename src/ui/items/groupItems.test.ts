import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { groupItems } from './groupItems.ts';

const table = { pkAttribute: 'PK', skAttribute: 'SK' };
const gsi = { pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' };
const item = (pk: string, sk: string, extra: Item = {}): Item => ({ PK: pk, SK: sk, _type: 'User', ...extra });

describe('groupItems', () => {
  it('puts a header row before each partition with the number of items in it', () => {
    const grouped = groupItems({
      items: [item('USER#b', 'USER'), item('USER#a', 'USER'), item('USER#a', 'ORDER#1')],
      index: table,
      entityAttribute: '_type',
    });
    expect(grouped.rows).toEqual([
      { kind: 'partition', pk: 'USER#a', count: 2 },
      { kind: 'item', item: 0 },
      { kind: 'item', item: 1 },
      { kind: 'partition', pk: 'USER#b', count: 1 },
      { kind: 'item', item: 2 },
    ]);
    expect(grouped.partitions).toBe(2);
  });

  it('sorts items inside a partition by sort key in UTF-8 byte order, not UTF-16 order', () => {
    // U+FF5E (fullwidth tilde) is below U+1F600 (emoji) in UTF-8, above it in UTF-16.
    const grouped = groupItems({
      items: [item('P', 'a\u{1F600}'), item('P', 'a\uFF5E'), item('P', 'a#')],
      index: table,
      entityAttribute: '_type',
    });
    expect(grouped.items.map((i) => i['SK'])).toEqual(['a#', 'a\uFF5E', 'a\u{1F600}']);
  });

  it('keeps in a GSI view only the items that have both of its key attributes', () => {
    const grouped = groupItems({
      items: [
        item('USER#a', 'USER', { GSI1PK: 'PLAN#free', GSI1SK: 'USER#2' }),
        item('USER#b', 'USER', { GSI1PK: 'PLAN#free' }),
        item('USER#c', 'USER'),
        item('USER#d', 'USER', { GSI1PK: 'PLAN#free', GSI1SK: 'USER#1' }),
      ],
      index: gsi,
      entityAttribute: '_type',
    });
    expect(grouped.items.map((i) => i['PK'])).toEqual(['USER#d', 'USER#a']);
    expect(grouped.rows[0]).toEqual({ kind: 'partition', pk: 'PLAN#free', count: 2 });
  });

  it('shows only the chosen entity when filtered', () => {
    const grouped = groupItems({
      items: [item('USER#a', 'USER'), item('USER#a', 'ORDER#1', { _type: 'Order' })],
      index: table,
      entityAttribute: '_type',
      entity: 'Order',
    });
    expect(grouped.items.map((i) => i['SK'])).toEqual(['ORDER#1']);
    expect(grouped.rows).toHaveLength(2);
  });

  it('gives no rows for no items', () => {
    expect(groupItems({ items: [], index: table, entityAttribute: '_type' })).toEqual({ items: [], rows: [], partitions: 0 });
  });
});
