import { describe, expect, it } from 'vitest';
import type { IndexKeySchema, SentRequest } from '../../engine/index.ts';
import { answerText, changedAttributes, entryKeyText, requestText } from './writeText.ts';

const read = { TableName: 'T', Key: { PK: 'a', SK: 'b' }, ConsistentRead: true as const };
const get: SentRequest = { request: { Get: read }, answer: { ok: true } };

describe('writeText', () => {
  it("names DynamoDB's operation and the lib-dynamodb command whose input is shown", () => {
    expect(requestText(get)).toEqual({ operation: 'GetItem', command: 'GetCommand', input: JSON.stringify(read, null, 2) });
    expect(requestText({ request: { TransactWrite: { TransactItems: [] } }, answer: { ok: true } })).toMatchObject({
      operation: 'TransactWriteItems',
      command: 'TransactWriteCommand',
    });
  });

  it('says what DynamoDB answered: found or not, written, or refused with its cancellation reasons', () => {
    expect(answerText(get)).toBe('No item with this key.');
    expect(answerText({ ...get, answer: { ok: true, item: { PK: 'a' } } })).toBe('Found the item.');
    expect(answerText({ request: { Put: { TableName: 'T', Item: {} } }, answer: { ok: true } })).toBe('Written.');
    expect(
      answerText({
        request: { TransactWrite: { TransactItems: [] } },
        answer: { ok: false, name: 'TransactionCanceledException', message: 'cancelled', reasons: ['None', 'ConditionalCheckFailed'] },
      }),
    ).toBe('Refused: TransactionCanceledException: cancelled (CancellationReasons: None, ConditionalCheckFailed)');
  });

  it("reads an entry's key in an index and the attributes an update changed", () => {
    const gsi = { name: 'GSI1', kind: 'gsi', keys: 'composite', pkAttribute: 'G1PK', skAttribute: 'G1SK', entities: [] } as unknown as IndexKeySchema;
    expect(entryKeyText({ G1PK: 'ORDER#paid', G1SK: 'X' }, gsi)).toBe('ORDER#paid · X');
    expect(entryKeyText({ PK: 'a' }, gsi)).toBe('');
    expect(changedAttributes({ kind: 'updated', key: { PK: 'a', SK: 'b' }, before: { s: 1, t: 2 }, after: { s: 1, u: 3 } })).toEqual(['t', 'u']);
  });
});
