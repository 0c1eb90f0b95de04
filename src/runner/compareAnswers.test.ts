import { describe, expect, it } from 'vitest';
import type { Item, Request } from '../engine/index.ts';
import { compareAnswers } from './compareAnswers.ts';
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
    expect(c).toMatchObject({ ok: false, orderDiffers: true, missing: [], unexpected: [], expectedOrder: ['U#1 | A', 'U#1 | B'], actualOrder: ['U#1 | B', 'U#1 | A'] });
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
