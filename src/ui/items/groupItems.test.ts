import { describe, expect, it } from 'vitest';
import { compareKeyValues, createRandom, type IndexKeySchema, type Item } from '../../engine/index.ts';
import { nativeDesign } from '../../testing/nativeDesign.ts';
import { groupItems, type GridRows } from './groupItems.ts';

/** Every row, made (the grid makes only those it draws). */
const rowList = (rows: GridRows) => Array.from({ length: rows.length }, (_, position) => rows.at(position));

const table: IndexKeySchema = { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK' };
const gsi: IndexKeySchema = { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK' };
const item = (pk: string, sk: string, extra: Item = {}): Item => ({ PK: pk, SK: sk, _type: 'User', ...extra });

describe('groupItems', () => {
  it('puts a header row before each partition with the number of items in it', () => {
    const grouped = groupItems({
      items: [item('USER#b', 'USER'), item('USER#a', 'USER'), item('USER#a', 'ORDER#1')],
      index: table,
      entityAttribute: '_type',
    });
    expect(rowList(grouped.rows)).toEqual([
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

  it('orders keys without surrogates as the engine does (UTF-16 order is UTF-8 order there), ties by the table key', () => {
    const texts = ['a', 'B', 'é', '\uFF5E', 'a#', 'a~', '', 'Ω', 'z9', 'z10'];
    const items = texts.flatMap((pk, i) => texts.map((sk, j) => item(`P${pk}`, `${sk}${(i * 7 + j) % 3}`)));
    const grouped = groupItems({ items: [...items].reverse(), index: table, entityAttribute: '_type', table });
    const expected = [...items].sort(
      (a, b) => compareKeyValues([a['PK'] as string], [b['PK'] as string]) || compareKeyValues([a['SK'] as string], [b['SK'] as string]),
    );
    expect(grouped.items).toEqual(expected);
    expect(grouped.partitions).toBe(texts.length);
  });

  it('orders thousands of items as one sort by the engine order would, ties in the order given', () => {
    // Keys sharing a prefix, some ending where it ends or one code unit after, non-ASCII letters, repeats.
    const tails = ['', 'a', 'B', 'é', '\uFF5E', 'Ω', 'a#', 'a~', 'z9', 'z10', 'ab', 'a\u0000', '~'];
    const random = createRandom(7);
    const draw = (n: number) => random.int(0, n - 1);
    const pick = () => random.pick(tails);
    // Skewed as real keys are: a third under a longer shared prefix, a sixth all one key (split again, then by the sort key).
    const pk = (n: number) => (n % 3 === 0 ? `P#a~${pick()}${pick()}` : n % 6 === 1 ? 'P#same' : `P#${pick()}${draw(3) === 0 ? pick() : ''}`);
    const items = Array.from({ length: 7000 }, (_, n) => item(pk(n), `S${draw(4)}`, { n }));
    const expected = items
      .map((it, i) => ({ it, i }))
      .sort(
        (a, b) =>
          compareKeyValues([a.it['PK'] as string], [b.it['PK'] as string]) || compareKeyValues([a.it['SK'] as string], [b.it['SK'] as string]) || a.i - b.i,
      )
      .map(({ it }) => it['n']);
    expect(groupItems({ items, index: table, entityAttribute: '_type', table }).items.map((i) => i['n'])).toEqual(expected);
    // The same in a GSI view, whose partition key is the same for all: the sort key decides, then the table key.
    const viewed = items.map((it): Item => ({ ...it, GSI1PK: 'ALL', GSI1SK: it['PK'] as string }));
    const byView = [...viewed].sort((a, b) =>
      compareKeyValues([a['GSI1SK'] as string, a['PK'] as string, a['SK'] as string], [b['GSI1SK'] as string, b['PK'] as string, b['SK'] as string]),
    );
    expect(groupItems({ items: viewed, index: gsi, entityAttribute: '_type', table }).items.map((i) => i['n'])).toEqual(byView.map((i) => i['n']));
  });

  it('orders thousands of distinct keys under one prefix as one sort would', () => {
    // Random hex names of one to five digits, as sample keys are: most buckets hold one item, some a few, some a prefix of another.
    const random = createRandom(11);
    const digits = [...'0123456789abcdef'];
    const names = new Set<string>();
    while (names.size < 20_000) names.add(Array.from({ length: random.int(1, 5) }, () => random.pick(digits)).join(''));
    const items = [...names].map((name, n) => item(`IMAGE#images/${name}.jpg`, 'IMAGE', { n }));
    const expected = [...items].sort((a, b) => compareKeyValues([a['PK'] as string], [b['PK'] as string])).map((it) => it['n']);
    const grouped = groupItems({ items, index: table, entityAttribute: '_type', table });
    expect(grouped.items.map((i) => i['n'])).toEqual(expected);
    expect(grouped.partitions).toBe(20_000);
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
    expect(grouped.rows.at(0)).toEqual({ kind: 'partition', pk: 'PLAN#free', count: 2 });
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

  it('keeps items whose keys tie in the order given, and puts one lacking the table key first among its ties', () => {
    const tied = [item('P', 'S', { n: 1 }), item('P', 'S', { n: 2 }), item('P', 'S', { n: 3 })];
    expect(groupItems({ items: tied, index: table, entityAttribute: '_type', table }).items.map((i) => i['n'])).toEqual([1, 2, 3]);
    const viewed = [
      item('USER#b', 'USER', { GSI1PK: 'X', GSI1SK: 'same' }),
      { _type: 'User', GSI1PK: 'X', GSI1SK: 'same' },
      item('USER#a', 'USER', { GSI1PK: 'X', GSI1SK: 'same' }),
    ];
    expect(groupItems({ items: viewed, index: gsi, entityAttribute: '_type', table }).items.map((i) => i['PK'])).toEqual([undefined, 'USER#a', 'USER#b']);
  });

  it('gives the items it keeps in the order given, each with the row that shows it', () => {
    const items = [
      item('USER#b', 'USER'),
      { _type: 'User', GSI1PK: 'lost' },
      item('USER#a', 'ORDER#2', { GSI1PK: 'X', GSI1SK: '2' }),
      item('USER#a', 'ORDER#1', { GSI1PK: 'X', GSI1SK: '1' }),
      item('USER#c', 'USER', { GSI1PK: 'W', GSI1SK: '9' }),
    ];
    for (const index of [table, gsi]) {
      const grouped = groupItems({ items, index, entityAttribute: '_type', table });
      const held = items.filter((i) => i[index === table ? 'PK' : 'GSI1SK'] !== undefined);
      expect(grouped.given.items).toEqual(held);
      // Each given item's row shows that very item, and every item row is some given item's.
      const shown = [...grouped.given.rows].map((position) => {
        const row = grouped.rows.at(position);
        return row?.kind === 'item' ? grouped.items[row.item] : undefined;
      });
      expect(shown).toEqual(held);
      expect(new Set(grouped.given.rows).size).toBe(rowList(grouped.rows).filter((r) => r?.kind === 'item').length);
    }
  });

  it('gives no rows for no items', () => {
    const empty = groupItems({ items: [], index: table, entityAttribute: '_type' });
    expect({ ...empty, rows: rowList(empty.rows) }).toEqual({
      items: [],
      rows: [],
      partitions: 0,
      entities: [],
      given: { items: [], rows: new Int32Array(0) },
    });
    expect([empty.rows.at(0), empty.rows.itemAt(0)]).toEqual([undefined, -1]);
  });
});

describe('groupItems on a native GSI', () => {
  const { design } = nativeDesign();
  const gsi2 = design.indexes.find((i) => i.name === 'GSI2');
  const tableIndex = design.indexes[0];
  if (gsi2 === undefined || tableIndex === undefined) throw new Error('the native test design has no GSI2');
  const order = (id: string, extra: Item): Item => ({ PK: `ORDER#${id}`, SK: 'ORDER', _type: 'Order', orderId: id, ...extra });

  it('holds the items with every key attribute of its type, grouped by partition values, sorted by the N attribute numerically', () => {
    const grouped = groupItems({
      items: [
        order('a', { status: 'open', total: 100 }),
        order('b', { status: 'open', total: 9 }),
        order('c', { status: 'shipped', total: 10 }),
        order('d', { status: 'open', total: 10 }),
        // Not in GSI2: a key attribute missing, or of another type than its definition (DynamoDB would not write it there).
        order('e', { status: 'open' }),
        order('f', { status: 'open', total: '5' }),
        order('g', { status: 7 as unknown as string, total: 5 }),
        { PK: 'CUSTOMER#x', SK: 'CUSTOMER', _type: 'Customer', customerId: 'x' },
      ],
      index: gsi2,
      entityAttribute: '_type',
      table: tableIndex,
    });
    // 9 < 10 < 100 as numbers (as strings, "10" < "100" < "9").
    expect(grouped.items.map((i) => i['orderId'])).toEqual(['b', 'd', 'a', 'c']);
    expect(rowList(grouped.rows)).toEqual([
      { kind: 'partition', pk: '"Order" + "open"', count: 3 },
      { kind: 'item', item: 0 },
      { kind: 'item', item: 1 },
      { kind: 'item', item: 2 },
      { kind: 'partition', pk: '"Order" + "shipped"', count: 1 },
      { kind: 'item', item: 3 },
    ]);
    expect(grouped.partitions).toBe(2);
    expect(grouped.entities).toEqual(['Order']);
  });

  it('orders items whose sort values tie by their table key, and lists another entity whose items have the key attributes', () => {
    const grouped = groupItems({
      items: [
        order('z', { status: 'open', total: 10 }),
        { PK: 'PAYMENT#p', SK: 'PAYMENT', _type: 'Payment', status: 'open', total: 3 },
        order('d', { status: 'open', total: 10 }),
        order('m', { status: 'open', total: -2.5 }),
      ],
      index: gsi2,
      entityAttribute: '_type',
      table: tableIndex,
    });
    expect(grouped.items.map((i) => i['PK'])).toEqual(['ORDER#m', 'ORDER#d', 'ORDER#z', 'PAYMENT#p']);
    expect(rowList(grouped.rows).filter((r) => r?.kind === 'partition')).toEqual([
      { kind: 'partition', pk: '"Order" + "open"', count: 3 },
      { kind: 'partition', pk: '"Payment" + "open"', count: 1 },
    ]);
    expect(grouped.entities).toEqual(['Order', 'Payment']);
    // The entity filter shows one entity; the index still holds both.
    const payments = groupItems({ items: grouped.items, index: gsi2, entityAttribute: '_type', entity: 'Payment' });
    expect(payments.items.map((i) => i['PK'])).toEqual(['PAYMENT#p']);
    expect(payments.entities).toEqual(['Order', 'Payment']);
  });

  it('holds, among the sample items, exactly the orders (every one has a status and a total)', () => {
    const { items } = nativeDesign();
    const grouped = groupItems({ items, index: gsi2, entityAttribute: '_type', table: tableIndex });
    expect(grouped.items.length).toBe(items.filter((i) => i['_type'] === 'Order').length);
    for (let i = 1; i < grouped.items.length; i++) {
      const [a, b] = [grouped.items[i - 1], grouped.items[i]] as [Item, Item];
      if (a['status'] === b['status']) expect(a['total'] as number).toBeLessThanOrEqual(b['total'] as number);
    }
  });
});
