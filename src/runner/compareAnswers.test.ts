import { describe, expect, it } from 'vitest';
import type { Item, Request } from '../engine/index.ts';
import { compareAnswers } from './compareAnswers.ts';
import { nativeDesign } from '../testing/nativeDesign.ts';
import { exampleDesign } from './testing/exampleDesign.ts';

const { design } = exampleDesign();
const query = (index: string): Request => ({
  operation: 'Query',
  index,
  input: { TableName: 't', KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'PK' }, ExpressionAttributeValues: { ':pk': 'x' } },
  key: { pk: 'x', sk: { op: 'none' } },
});
const item = (pk: string, sk: string, extra: Partial<Item> = {}): Item => ({ PK: pk, SK: sk, ...extra });

describe('compareAnswers', () => {
  it('is ok when both hold the same items in the same order, whatever the attribute order', () => {
    const a = [item('U#1', 'A', { x: 1, y: 'b' }), item('U#1', 'B')];
    const b = [{ y: 'b', x: 1, SK: 'A', PK: 'U#1' }, item('U#1', 'B')];
    expect(compareAnswers({ design, request: query('table'), expected: a, actual: b }).ok).toBe(true);
  });

  it('lists missing, unexpected and changed items', () => {
    const expected = [item('U#1', 'A'), item('U#1', 'B', { n: 1 }), item('U#1', 'C')];
    const actual = [item('U#1', 'B', { n: 2 }), item('U#1', 'C'), item('U#1', 'D')];
    const c = compareAnswers({ design, request: query('table'), expected, actual });
    expect(c.ok).toBe(false);
    expect(c.missing).toEqual([item('U#1', 'A')]);
    expect(c.unexpected).toEqual([item('U#1', 'D')]);
    expect(c.changed).toEqual([{ key: 'U#1 | B', expected: item('U#1', 'B', { n: 1 }), actual: item('U#1', 'B', { n: 2 }) }]);
    expect(c.orderDiffers).toBe(false);
  });

  it('reports the same items in another order', () => {
    const a = [item('U#1', 'A'), item('U#1', 'B')];
    const c = compareAnswers({ design, request: query('table'), expected: a, actual: [...a].reverse() });
    expect(c).toMatchObject({
      ok: false,
      orderDiffers: true,
      missing: [],
      unexpected: [],
      expectedOrder: ['U#1 | A', 'U#1 | B'],
      actualOrder: ['U#1 | B', 'U#1 | A'],
    });
  });

  it('does not hold DynamoDB to an order among items that share the index sort key (ties)', () => {
    const tie = (pk: string) => item(pk, 'ORDER', { GSI1PK: 'P', GSI1SK: 'same' });
    const expected = [tie('U#1'), tie('U#2'), item('U#3', 'ORDER', { GSI1PK: 'P', GSI1SK: 'z' })];
    const actual = [tie('U#2'), tie('U#1'), item('U#3', 'ORDER', { GSI1PK: 'P', GSI1SK: 'z' })];
    const c = compareAnswers({ design, request: query('GSI1'), expected, actual });
    expect(c.ok).toBe(true);
    expect(c.ties).toBe(2);
    const moved = compareAnswers({ design, request: query('GSI1'), expected, actual: [actual[2]!, actual[0]!, actual[1]!] });
    expect(moved.orderDiffers).toBe(true);
  });
});

describe('compareAnswers on a native GSI', () => {
  const { design: native } = nativeDesign();
  const byStatus: Request = {
    operation: 'Query',
    index: 'GSI2',
    input: {
      TableName: 't',
      IndexName: 'GSI2',
      KeyConditionExpression: '#k0 = :k0 AND #k1 = :k1',
      ExpressionAttributeNames: { '#k0': '_type', '#k1': 'status' },
      ExpressionAttributeValues: { ':k0': 'Order', ':k1': 'open' },
    },
    key: {
      native: true,
      equals: [
        { attribute: '_type', value: 'Order' },
        { attribute: 'status', value: 'open' },
      ],
    },
  };
  const order = (id: string, total: number): Item => ({ PK: `ORDER#${id}`, SK: 'ORDER', _type: 'Order', status: 'open', total });

  it('names items by table key and takes items with equal sort attributes as ties', () => {
    const expected = [order('a', 5), order('b', 10), order('c', 10), order('d', 100)];
    const actual = [order('a', 5), order('c', 10), order('b', 10), order('d', 100)];
    const c = compareAnswers({ design: native, request: byStatus, expected, actual });
    expect(c).toMatchObject({ ok: true, ties: 2, expectedOrder: ['ORDER#a | ORDER', 'ORDER#b | ORDER', 'ORDER#c | ORDER', 'ORDER#d | ORDER'] });
  });

  it('takes any of the items tied at the last sort value of a Query with Limit (the first N records), and no other', () => {
    const limited: Request = { ...byStatus, input: { ...byStatus.input, Limit: 3 } };
    const expected = [order('a', 5), order('b', 10), order('c', 10)];
    const other = [order('a', 5), order('b', 10), order('e', 10)];
    expect(compareAnswers({ design: native, request: limited, expected, actual: other })).toMatchObject({ ok: true, missing: [], unexpected: [], ties: 3 });
    // Without Limit the whole answer is compared; an item at another value is never a tie.
    expect(compareAnswers({ design: native, request: byStatus, expected, actual: other }).ok).toBe(false);
    expect(compareAnswers({ design: native, request: limited, expected, actual: [order('a', 5), order('e', 10), order('c', 10)] }).ok).toBe(true);
    expect(compareAnswers({ design: native, request: limited, expected, actual: [order('x', 5), order('b', 10), order('c', 10)] }).ok).toBe(false);
    expect(compareAnswers({ design: native, request: limited, expected, actual: [order('a', 5), order('b', 10)] }).ok).toBe(false);
  });

  it('holds DynamoDB to the order between different sort values (numbers, not their text)', () => {
    const expected = [order('a', 9), order('b', 10), order('c', 100)];
    const c = compareAnswers({ design: native, request: byStatus, expected, actual: [expected[1]!, expected[2]!, expected[0]!] });
    expect(c).toMatchObject({ ok: false, orderDiffers: true, ties: 0 });
    // 10 and "10" are different values: no tie between them.
    const mixed = compareAnswers({
      design: native,
      request: byStatus,
      expected: [order('a', 10), { ...order('b', 0), total: '10' }],
      actual: [{ ...order('b', 0), total: '10' }, order('a', 10)],
    });
    expect(mixed.orderDiffers).toBe(true);
  });
});
