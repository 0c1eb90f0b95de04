// The in-memory table on its own: its API (copies, order, changes, snapshots), the errors'
// shape, and the write runtime running on it. What it does as DynamoDB does is compared with
// DynamoDB Local in memoryTable.dynamodb.test.ts.
import { describe, expect, it } from 'vitest';
import { MemoryTableError, createMemoryTable, type MemoryRequest } from './memoryTable.ts';
import {
  RecordExistsError,
  RecordNotFoundError,
  StaleVersionError,
  UniqueConflictError,
  createRecord,
  removeRecord,
  updateRecord,
  type WriteEntity,
  type WriteEnv,
  type WriteItem,
  type WriteTarget,
} from './writeRuntime.ts';

const TABLE = 'Things';
const KEY = { pk: 'PK', sk: 'SK' };
const table = (items: WriteItem[] = []) => createMemoryTable({ tableName: TABLE, tableKey: KEY, items });

async function refusal(run: () => Promise<unknown>): Promise<MemoryTableError> {
  try {
    await run();
  } catch (error) {
    return error as MemoryTableError;
  }
  throw new Error('expected a refusal');
}

describe('the memory table', () => {
  it('is a WriteTarget whose send takes every request the write runtime builds', () => {
    const t = table();
    const target: WriteTarget = t;
    const send: WriteEnv['send'] = t.send;
    expect(target).toMatchObject({ tableName: TABLE, tableKey: KEY });
    expect(typeof send).toBe('function');
  });

  it('writes a batch of puts and deletes, leaving none unprocessed', async () => {
    const t = table([{ PK: 'a', SK: '1' }]);
    const batch = (requests: unknown[]) => t.send({ BatchWrite: { RequestItems: { [TABLE]: requests } } } as MemoryRequest);
    expect(await batch([{ PutRequest: { Item: { PK: 'a', SK: '2', n: 1 } } }, { DeleteRequest: { Key: { PK: 'a', SK: '1' } } }])).toEqual({});
    expect(t.items()).toEqual([{ PK: 'a', SK: '2', n: 1 }]);
    expect(t.lastChanges().map((c) => c.kind)).toEqual(['deleted', 'created']);
    // Checked whole before anything is written.
    expect(await refusal(() => batch([{ PutRequest: { Item: { PK: 'b', SK: '1' } } }, { PutRequest: { Item: { PK: 'b', SK: 2 } } }]))).toMatchObject({
      name: 'ValidationException',
    });
    expect(await refusal(() => batch([{ PutRequest: { Item: { PK: 'b', SK: '1' } } }, { DeleteRequest: { Key: { PK: 'b', SK: '1' } } }]))).toMatchObject({
      message: 'Provided list of item keys contains duplicates',
    });
    expect(await refusal(() => batch(Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { PK: 'b', SK: String(i) } } }))))).toMatchObject({
      message: 'Too many items requested for the BatchWriteItem call',
    });
    expect(t.items()).toEqual([{ PK: 'a', SK: '2', n: 1 }]);
  });

  it('copies items in and out: nothing a caller holds changes the table', async () => {
    const start = { PK: 'a', SK: '1', tags: ['x'], nested: { n: 1 } };
    const t = table([start]);
    start.tags.push('changed');
    start.nested.n = 2;
    const got = (await t.send({ Get: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, ConsistentRead: true } })) as typeof start;
    expect(got).toEqual({ PK: 'a', SK: '1', tags: ['x'], nested: { n: 1 } });
    got.tags.push('again');
    (t.items()[0] as typeof start).nested.n = 3;
    const put = { PK: 'b', SK: '1', list: [1] };
    await t.send({ Put: { TableName: TABLE, Item: put } });
    put.list.push(2);
    const values = { ':v': { deep: [1] } };
    await t.send({ Update: { TableName: TABLE, Key: { PK: 'b', SK: '1' }, UpdateExpression: 'SET m = :v', ExpressionAttributeValues: values } });
    values[':v'].deep.push(2);
    const [change] = t.lastChanges();
    if (change?.kind === 'updated') (change.after.m as { deep: number[] }).deep.push(3);
    expect(t.items()).toEqual([
      { PK: 'a', SK: '1', tags: ['x'], nested: { n: 1 } },
      { PK: 'b', SK: '1', list: [1], m: { deep: [1] } },
    ]);
  });

  it('lists items in table-key order: partition key, then sort key, by UTF-8 bytes', () => {
    const t = table([
      { PK: 'b', SK: '1' },
      { PK: 'a\u{1F600}', SK: '1' },
      { PK: 'a\uE000', SK: '1' },
      { PK: 'a', SK: 'b' },
      { PK: 'a', SK: 'B' },
      { PK: 'a', SK: 'a' },
    ]);
    // UTF-16 would put U+1F600 (a surrogate pair) before U+E000; UTF-8 puts it after.
    expect(t.items().map((i) => `${String(i.PK)}|${String(i.SK)}`)).toEqual(['a|B', 'a|a', 'a|b', 'a\uE000|1', 'a\u{1F600}|1', 'b|1']);
  });

  it('refuses starting items without their table key, or two with one key', () => {
    expect(() => table([{ PK: 'a' }])).toThrow(expect.objectContaining({ name: 'ValidationException' }));
    expect(() => table([{ PK: 'a', SK: 1 }])).toThrow(/Type mismatch for key/);
    expect(() =>
      table([
        { PK: 'a', SK: '1' },
        { PK: 'a', SK: '1', x: 1 },
      ]),
    ).toThrow(TypeError);
  });

  it('says what the last send created, updated and deleted, in table-key order', async () => {
    const t = table([
      { PK: 'a', SK: '1', n: 1 },
      { PK: 'a', SK: '2', n: 2 },
    ]);
    await t.send({
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: { PK: 'a', SK: '3', n: 3 } } },
          { Delete: { TableName: TABLE, Key: { PK: 'a', SK: '2' } } },
          { Update: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, UpdateExpression: 'ADD n :d', ExpressionAttributeValues: { ':d': 10 } } },
          { Put: { TableName: TABLE, Item: { PK: 'a', SK: '0' } } },
        ],
      },
    });
    expect(t.lastChanges()).toEqual([
      { kind: 'created', key: { PK: 'a', SK: '0' }, after: { PK: 'a', SK: '0' } },
      { kind: 'updated', key: { PK: 'a', SK: '1' }, before: { PK: 'a', SK: '1', n: 1 }, after: { PK: 'a', SK: '1', n: 11 } },
      { kind: 'deleted', key: { PK: 'a', SK: '2' }, before: { PK: 'a', SK: '2', n: 2 } },
      { kind: 'created', key: { PK: 'a', SK: '3' }, after: { PK: 'a', SK: '3', n: 3 } },
    ]);
    // A read, a refused write, a write that changes nothing and a delete of nothing change nothing.
    await t.send({ Get: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, ConsistentRead: true } });
    expect(t.lastChanges()).toEqual([]);
    await t.send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '3', n: 3 } } });
    expect(t.lastChanges()).toEqual([]);
    await refusal(() => t.send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '3' }, ConditionExpression: 'attribute_not_exists(PK)' } }));
    expect(t.lastChanges()).toEqual([]);
    await t.send({ Delete: { TableName: TABLE, Key: { PK: 'z', SK: '1' } } });
    expect(t.lastChanges()).toEqual([]);
  });

  it('compares two moments with snapshot() and changesSince(), and goes back with restore()', async () => {
    const t = table([{ PK: 'a', SK: '1', n: 1 }]);
    const before = t.snapshot();
    await t.send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '2' } } });
    await t.send({ Update: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': 2 } } });
    await t.send({ Update: { TableName: TABLE, Key: { PK: 'a', SK: '2' }, UpdateExpression: 'SET x = :v', ExpressionAttributeValues: { ':v': 1 } } });
    expect(t.changesSince(before)).toEqual([
      { kind: 'updated', key: { PK: 'a', SK: '1' }, before: { PK: 'a', SK: '1', n: 1 }, after: { PK: 'a', SK: '1', n: 2 } },
      { kind: 'created', key: { PK: 'a', SK: '2' }, after: { PK: 'a', SK: '2', x: 1 } },
    ]);
    const after = t.snapshot();
    expect(t.restore(before)).toEqual([
      { kind: 'updated', key: { PK: 'a', SK: '1' }, before: { PK: 'a', SK: '1', n: 2 }, after: { PK: 'a', SK: '1', n: 1 } },
      { kind: 'deleted', key: { PK: 'a', SK: '2' }, before: { PK: 'a', SK: '2', x: 1 } },
    ]);
    expect(t.items()).toEqual([{ PK: 'a', SK: '1', n: 1 }]);
    expect(t.changesSince(before)).toEqual([]);
    // A snapshot is not changed by later writes, nor by a restore.
    t.restore(after);
    expect(t.items()).toEqual([
      { PK: 'a', SK: '1', n: 2 },
      { PK: 'a', SK: '2', x: 1 },
    ]);
  });

  it('throws errors shaped as the SDK throws them', async () => {
    const t = table([{ PK: 'a', SK: '1', stock: 1 }]);
    const failed = await refusal(() =>
      t.send({
        Update: {
          TableName: TABLE,
          Key: { PK: 'a', SK: '1' },
          UpdateExpression: 'ADD stock :d',
          ConditionExpression: 'stock >= :two',
          ExpressionAttributeValues: { ':d': -2, ':two': 2 },
        },
      }),
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed).toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed' });
    expect('CancellationReasons' in failed).toBe(false);
    const cancelled = await refusal(() =>
      t.send({
        TransactWrite: {
          TransactItems: [
            { Put: { TableName: TABLE, Item: { PK: 'b', SK: '1' } } },
            {
              Update: {
                TableName: TABLE,
                Key: { PK: 'a', SK: '1' },
                UpdateExpression: 'ADD stock :d',
                ConditionExpression: 'stock >= :two',
                ExpressionAttributeValues: { ':d': -2, ':two': 2 },
              },
            },
            { Update: { TableName: TABLE, Key: { PK: 'c', SK: '1' }, UpdateExpression: 'SET n = n + :d', ExpressionAttributeValues: { ':d': 1 } } },
          ],
        },
      }),
    );
    expect(cancelled.name).toBe('TransactionCanceledException');
    expect(cancelled.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ValidationError]',
    );
    expect(cancelled.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      { Code: 'ValidationError', Message: 'The provided expression refers to an attribute that does not exist in the item' },
    ]);
    // All or nothing: the first item was not put.
    expect(t.items()).toEqual([{ PK: 'a', SK: '1', stock: 1 }]);
    expect(await refusal(() => t.send({ Get: { TableName: 'Other', Key: { PK: 'a', SK: '1' } } }))).toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('names the problem in a malformed expression or an unknown placeholder', async () => {
    const t = table();
    const put = (ConditionExpression: string, values?: Record<string, unknown>, names?: Record<string, string>) =>
      refusal(() =>
        t.send({
          Put: {
            TableName: TABLE,
            Item: { PK: 'a', SK: '1' },
            ConditionExpression,
            ...(values ? { ExpressionAttributeValues: values } : {}),
            ...(names ? { ExpressionAttributeNames: names } : {}),
          },
        }),
      );
    expect(await put('stock >= :min')).toMatchObject({
      name: 'ValidationException',
      message: 'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :min',
    });
    expect(await put('#s = :v', { ':v': 1 })).toMatchObject({ message: expect.stringContaining('attribute name: #s') });
    expect(await put('stock >= ', { ':v': 1 })).toMatchObject({ message: 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ">= "' });
    expect(await put('stock >= :v AND', { ':v': 1 })).toMatchObject({ message: 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"' });
    expect(await put('stock => :v', { ':v': 1 })).toMatchObject({ message: 'Invalid ConditionExpression: Syntax error; token: ">", near: "=>"' });
    expect(await put('attribute_exists(stock)', {})).toMatchObject({ message: 'ExpressionAttributeValues must not be empty' });
    expect(await put('status = :v', { ':v': 'open' })).toMatchObject({
      message: 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status',
    });
  });

  it('reads NOT before AND before OR', async () => {
    const t = table([{ PK: 'a', SK: '1', x: 1, y: 2 }]);
    const holds = async (condition: string) => {
      const values: Record<string, number> = {};
      const text = condition.replace(/\b(\d)\b/g, (_, d: string) => {
        values[`:n${d}`] = Number(d);
        return `:n${d}`;
      });
      const r = await t
        .send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '1', x: 1, y: 2 }, ConditionExpression: text, ExpressionAttributeValues: values } })
        .then(
          () => true,
          (e: MemoryTableError) => (e.name === 'ConditionalCheckFailedException' ? false : Promise.reject(e)),
        );
      return r;
    };
    expect(await holds('x = 1 OR x = 2 AND y = 3')).toBe(true); // x = 1 OR (x = 2 AND y = 3)
    expect(await holds('(x = 1 OR x = 2) AND y = 3')).toBe(false);
    expect(await holds('NOT x = 2 AND y = 2')).toBe(true); // (NOT x = 2) AND y = 2
    expect(await holds('NOT (x = 1 AND y = 3)')).toBe(true);
    expect(await holds('NOT x = 1 OR y = 2')).toBe(true); // (NOT x = 1) OR y = 2
    expect(await holds('x = 1 AND NOT y = 2 OR x = 2')).toBe(false);
    expect(await holds('x BETWEEN 1 AND 2 AND y IN (1, 2)')).toBe(true);
  });

  it('adds decimals exactly, as DynamoDB does', async () => {
    const t = table([{ PK: 'a', SK: '1', n: 0.1 }]);
    const add = (d: number) =>
      t.send({
        Update: {
          TableName: TABLE,
          Key: { PK: 'a', SK: '1' },
          UpdateExpression: 'ADD n :d',
          ExpressionAttributeValues: { ':d': d },
          ReturnValues: 'UPDATED_NEW',
        },
      });
    expect(await add(0.2)).toEqual({ n: 0.3 });
    expect(await add(-0.3)).toEqual({ n: 0 });
    expect(await add(1e-7)).toEqual({ n: 1e-7 });
  });

  it('says plainly what it does not model', async () => {
    const t = table([{ PK: 'a', SK: '1', m: { x: 1 } }]);
    expect(
      await refusal(() =>
        t.send({ Update: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, UpdateExpression: 'SET m.x = :v', ExpressionAttributeValues: { ':v': 2 } } }),
      ),
    ).toMatchObject({
      name: 'NotSupportedByMemoryTable',
    });
    expect(
      await refusal(() => t.send({ Get: { TableName: TABLE, Key: { PK: 'a', SK: '1' }, ProjectionExpression: 'm' } } as unknown as MemoryRequest)),
    ).toMatchObject({
      name: 'NotSupportedByMemoryTable',
    });
    expect(await refusal(() => t.send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '2', tags: new Set(['x']) } } }))).toBeInstanceOf(TypeError);
    expect(await refusal(() => t.send({ Put: { TableName: TABLE, Item: { PK: 'a', SK: '2', at: new Date(0) } } }))).toBeInstanceOf(TypeError);
    expect(await refusal(() => t.send({ Scan: { TableName: TABLE } } as unknown as MemoryRequest))).toBeInstanceOf(TypeError);
  });
});

// The write runtime on the memory table: one entity with a version and a unique email.
const user: WriteEntity = {
  name: 'User',
  keyNames: ['id'],
  attributes: ['id', 'email', 'name', 'v'],
  optional: ['name'],
  numbers: ['v'],
  version: 'v',
  itemKey: (key) => ({ PK: `USER#${String(key.id)}`, SK: 'USER' }),
  owner: (key) => `USER#${String(key.id)}`,
  uniqueSets: [['email']],
  uniqueKeys: (record) => (typeof record.email === 'string' ? [{ set: ['email'], key: { PK: `UNIQUE#email#${record.email}`, SK: 'UNIQUE' } }] : []),
  indexes: [],
  toItem: (record) => ({ PK: `USER#${String(record.id)}`, SK: 'USER', ...record }),
  fromItem: (item) => {
    if (item.SK !== 'USER') return undefined;
    const { PK: _pk, SK: _sk, ...record } = item;
    return record;
  },
};

/** The runtime's environment on a memory table: its send, no waiting, a fixed jitter and clock. */
function envOf(t: ReturnType<typeof table>): WriteEnv {
  return { tableName: t.tableName, tableKey: t.tableKey, send: t.send, sleep: async () => {}, random: () => 0.5, now: () => 0 };
}

describe('the write runtime on the memory table', () => {
  it('creates, updates and removes records with their guards, and refuses as DynamoDB would', async () => {
    const mem = table();
    const t = Object.assign(envOf(mem), { items: () => mem.items(), lastChanges: () => mem.lastChanges() });
    await createRecord(user, t, { id: '1', email: 'ann@x', name: 'Ann', v: 1 });
    await createRecord(user, t, { id: '2', email: 'bob@x', name: 'Bob', v: 1 });
    expect(t.lastChanges().map((c) => [c.kind, c.key.PK])).toEqual([
      ['created', 'UNIQUE#email#bob@x'],
      ['created', 'USER#2'],
    ]);
    await expect(createRecord(user, t, { id: '1', email: 'new@x', v: 1 })).rejects.toBeInstanceOf(RecordExistsError);
    await expect(createRecord(user, t, { id: '3', email: 'ann@x', v: 1 })).rejects.toBeInstanceOf(UniqueConflictError);

    // In place (one UpdateItem with ALL_NEW), then through a read and a transaction (the email moves its guard).
    expect(await updateRecord(user, t, { id: '1' }, { name: 'Annie', v: 1 })).toEqual({ id: '1', email: 'ann@x', name: 'Annie', v: 2 });
    await expect(updateRecord(user, t, { id: '1' }, { name: 'A', v: 1 })).rejects.toBeInstanceOf(StaleVersionError);
    await expect(updateRecord(user, t, { id: '1' }, { email: 'bob@x', v: 2 })).rejects.toBeInstanceOf(UniqueConflictError);
    expect(await updateRecord(user, t, { id: '1' }, { email: 'ann@y', v: 2 })).toEqual({ id: '1', email: 'ann@y', name: 'Annie', v: 3 });
    await expect(updateRecord(user, t, { id: '9' }, { name: 'X', v: 1 })).rejects.toBeInstanceOf(RecordNotFoundError);

    await removeRecord(user, t, { id: '2' });
    expect(t.items()).toEqual([
      { PK: 'UNIQUE#email#ann@y', SK: 'UNIQUE', owner: 'USER#1' },
      { PK: 'USER#1', SK: 'USER', id: '1', email: 'ann@y', name: 'Annie', v: 3 },
    ]);
  });
});
