// What DynamoDB Local reports as the ConsumedCapacity of a TransactWriteItems, recorded
// case by case (engine/cost/README.md "What DynamoDB Local reports"), and proved to be
// the documented figure (engine/cost/writeUnits.ts) turned into Local's by the named
// deviations (engine/cost/localDynamoDB.ts: localTransactionIndexWritesDoubled,
// localTransactionEqualActionsOnce, localTransactionDeleteOfNothingOnce,
// localRefusedWriteUnreported).
//
// One PAY_PER_REQUEST table (pk, sk) with two GSIs projecting ALL, keyed on g1 and g2: an
// item is in GSI1 when it has g1. Items are padded to an exact size (names + UTF-8 values).
// Every case is asked with ReturnConsumedCapacity INDEXES and again with TOTAL (Local
// compares the actions' figures at the detail asked: with TOTAL, their totals). The documented figures of each case are written out by hand, by the
// guide's rules: 1 KB write units, twice on the table for every transaction item
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling),
// GSIs once, a ConditionCheck two 4 KB reads.
import {
  CreateTableCommand,
  DeleteTableCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredCapacity, writeFigures, type CapacityFigure, type RequestCapacity, type TransactActionCapacity } from '../engine/index.ts';
import { testClients } from './testing/testClients.ts';

const { client, destroy } = testClients();
const TABLE = `txcap-${process.pid}-${Date.now()}`;
const KB = 1024;

beforeAll(async () => {
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'g1', 'g2'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: ['g1', 'g2'].map((g, i) => ({
        IndexName: `GSI${i + 1}`,
        KeySchema: [{ AttributeName: g, KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
});
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => undefined);
  destroy();
});

let next = 0;
/** A new key. */
const key = (): string => `item-${++next}`;
/** An item of exactly `bytes` (string attributes only: name + value bytes), with the extra attributes given (g1: in GSI1). */
function item(pk: string, bytes: number, extra: Record<string, string> = {}): Record<string, AttributeValue> {
  const base: Record<string, string> = { pk, sk: 's', ...extra };
  const used = Object.entries(base).reduce((n, [name, value]) => n + name.length + value.length, 0) + 'pad'.length;
  if (bytes < used) throw new Error(`an item of ${bytes} bytes cannot hold ${used}`);
  return { ...Object.fromEntries(Object.entries(base).map(([n, v]) => [n, { S: v }])), pad: { S: 'a'.repeat(bytes - used) } };
}
const put = (it: Record<string, AttributeValue>): TransactWriteItem => ({ Put: { TableName: TABLE, Item: it } });
const del = (pk: string): TransactWriteItem => ({ Delete: { TableName: TABLE, Key: { pk: { S: pk }, sk: { S: 's' } } } });
const check = (pk: string, condition = 'attribute_exists(pk)'): TransactWriteItem => ({
  ConditionCheck: { TableName: TABLE, Key: { pk: { S: pk }, sk: { S: 's' } }, ConditionExpression: condition },
});
const update = (pk: string, expression: string, values: Record<string, AttributeValue>): TransactWriteItem => ({
  Update: { TableName: TABLE, Key: { pk: { S: pk }, sk: { S: 's' } }, UpdateExpression: expression, ExpressionAttributeValues: values },
});
/** Stores items before the transaction (a plain PutItem). */
async function store(...items: Record<string, AttributeValue>[]): Promise<void> {
  for (const Item of items) await client.send(new PutItemCommand({ TableName: TABLE, Item }));
}
async function transact(items: TransactWriteItem[], mode: 'INDEXES' | 'TOTAL'): Promise<ConsumedCapacity[]> {
  const answer = await client.send(new TransactWriteItemsCommand({ TransactItems: items, ReturnConsumedCapacity: mode }));
  return answer.ConsumedCapacity ?? [];
}

/** The documented request from its actions' documented figures. */
function documented(actions: TransactActionCapacity[]): RequestCapacity {
  const indexes: Record<string, number> = {};
  for (const a of actions) for (const [name, u] of Object.entries(a.indexes)) indexes[name] = (indexes[name] ?? 0) + u;
  const table = actions.reduce((n, a) => n + a.table, 0);
  return {
    operation: 'TransactWriteItems',
    kind: 'write',
    table,
    indexes,
    units: table + Object.values(indexes).reduce((n, u) => n + u, 0),
    entries: [],
    actions,
  };
}
const P = (table: number, indexes: Record<string, number> = {}): TransactActionCapacity => ({ action: 'Put', table, indexes });
const D = (table: number, indexes: Record<string, number> = {}): TransactActionCapacity => ({ action: 'Delete', table, indexes });
const U = (table: number, indexes: Record<string, number> = {}): TransactActionCapacity => ({ action: 'Update', table, indexes });
const C = (table: number): TransactActionCapacity => ({ action: 'ConditionCheck', table, indexes: {} });

interface Case {
  name: string;
  /** Items stored first, and the transaction; built per mode so that each run meets the same state. */
  build: () => { before: Record<string, AttributeValue>[]; items: TransactWriteItem[] };
  /** The documented figure of each action (writeUnits.ts). */
  actions: TransactActionCapacity[];
  /** What DynamoDB Local reported (INDEXES), recorded. */
  local: CapacityFigure;
  /** What it reported with TOTAL, where that differs from `local.units`. */
  total?: number;
}

const SIZES = [
  { bytes: 500, units: 1 },
  { bytes: 1.5 * KB, units: 2 },
  { bytes: 3 * KB, units: 3 },
] as const;

const cases: Case[] = [
  ...SIZES.flatMap(({ bytes, units: u }): Case[] => [
    {
      name: `one Put of ${bytes} B, no GSI`,
      build: () => ({ before: [], items: [put(item(key(), bytes))] }),
      actions: [P(2 * u)],
      local: { units: 2 * u, table: 2 * u, indexes: {} },
    },
    {
      name: `one Put of ${bytes} B in GSI1 and GSI2`,
      build: () => ({ before: [], items: [put(item(key(), bytes, { g1: 'a', g2: 'b' }))] }),
      actions: [P(2 * u, { GSI1: u, GSI2: u })],
      local: { units: 6 * u, table: 2 * u, indexes: { GSI1: 2 * u, GSI2: 2 * u } },
    },
    {
      name: `two Puts of ${bytes} B, no GSI`,
      build: () => ({ before: [], items: [put(item(key(), bytes)), put(item(key(), bytes))] }),
      actions: [P(2 * u), P(2 * u)],
      local: { units: 2 * u, table: 2 * u, indexes: {} },
    },
    {
      name: `two Puts of ${bytes} B, both in GSI1`,
      build: () => ({ before: [], items: [put(item(key(), bytes, { g1: 'a' })), put(item(key(), bytes, { g1: 'b' }))] }),
      actions: [P(2 * u, { GSI1: u }), P(2 * u, { GSI1: u })],
      local: { units: 4 * u, table: 2 * u, indexes: { GSI1: 2 * u } },
    },
    {
      name: `one Delete of a stored ${bytes} B item`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes)], items: [del(k)] };
      },
      actions: [D(2 * u)],
      local: { units: 2 * u, table: 2 * u, indexes: {} },
    },
    {
      name: `one Delete of a stored ${bytes} B item in GSI1`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes, { g1: 'a' })], items: [del(k)] };
      },
      actions: [D(2 * u, { GSI1: u })],
      local: { units: 4 * u, table: 2 * u, indexes: { GSI1: 2 * u } },
    },
    {
      name: `a Put of ${bytes} B and a Delete of a stored ${bytes} B item (a move), no GSI`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes)], items: [put(item(key(), bytes)), del(k)] };
      },
      actions: [P(2 * u), D(2 * u)],
      local: { units: 2 * u, table: 2 * u, indexes: {} },
    },
    {
      name: `a ConditionCheck of a stored ${bytes} B item`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes)], items: [check(k)] };
      },
      actions: [C(2 * 1)],
      local: { units: 2, table: 2, indexes: {} },
    },
    {
      name: `an Update of a stored ${bytes} B item in GSI1, changing nothing indexed (+2 bytes)`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes, { g1: 'a' })], items: [update(k, 'SET z = :z', { ':z': { S: '1' } })] };
      },
      // The larger of before and after: bytes + 2 (3 KB + 2 B: 4 units).
      actions: [U(2 * Math.ceil((bytes + 2) / KB), { GSI1: Math.ceil((bytes + 2) / KB) })],
      local: { units: 4 * Math.ceil((bytes + 2) / KB), table: 2 * Math.ceil((bytes + 2) / KB), indexes: { GSI1: 2 * Math.ceil((bytes + 2) / KB) } },
    },
    {
      name: `an Update of a stored ${bytes} B item moving its GSI1 entry`,
      build: () => {
        const k = key();
        return { before: [item(k, bytes, { g1: 'a' })], items: [update(k, 'SET g1 = :g', { ':g': { S: 'b' } })] };
      },
      actions: [U(2 * u, { GSI1: 2 * u })],
      local: { units: 6 * u, table: 2 * u, indexes: { GSI1: 4 * u } },
    },
  ]),
  // Different figures all count on Local too.
  {
    name: 'Puts of 500 B and 1.5 KB',
    build: () => ({ before: [], items: [put(item(key(), 500)), put(item(key(), 1.5 * KB))] }),
    actions: [P(2), P(4)],
    local: { units: 6, table: 6, indexes: {} },
  },
  {
    name: 'Puts of 500 B, 500 B and 1.5 KB',
    build: () => ({ before: [], items: [put(item(key(), 500)), put(item(key(), 500)), put(item(key(), 1.5 * KB))] }),
    actions: [P(2), P(2), P(4)],
    local: { units: 6, table: 6, indexes: {} },
  },
  {
    name: 'Puts of 500 B, 1.5 KB and 3 KB',
    build: () => ({ before: [], items: [put(item(key(), 500)), put(item(key(), 1.5 * KB)), put(item(key(), 3 * KB))] }),
    actions: [P(2), P(4), P(6)],
    local: { units: 12, table: 12, indexes: {} },
  },
  {
    name: 'Puts of 500 B into GSI1 and into GSI2: different figures',
    build: () => ({ before: [], items: [put(item(key(), 500, { g1: 'a' })), put(item(key(), 500, { g2: 'a' }))] }),
    actions: [P(2, { GSI1: 1 }), P(2, { GSI2: 1 })],
    local: { units: 8, table: 4, indexes: { GSI1: 2, GSI2: 2 } },
    // With TOTAL each action is only its total, 2 + 2 for both: counted once.
    total: 4,
  },
  {
    name: 'a move of a 500 B item in GSI1 (Delete + Put) with a guard Put of 100 B: the write runtime’s table-key change',
    build: () => {
      const k = key();
      return { before: [item(k, 500, { g1: 'a' })], items: [del(k), put(item(key(), 500, { g1: 'a' })), put(item(key(), 100))] };
    },
    actions: [D(2, { GSI1: 1 }), P(2, { GSI1: 1 }), P(2)],
    local: { units: 6, table: 4, indexes: { GSI1: 2 } },
  },
  // A Delete of nothing.
  {
    name: 'a Delete of a missing item',
    build: () => ({ before: [], items: [del(key())] }),
    actions: [{ ...D(2), absent: true }],
    local: { units: 1, table: 1, indexes: {} },
  },
  {
    name: 'two Deletes of missing items and a Put of 500 B',
    build: () => ({ before: [], items: [del(key()), del(key()), put(item(key(), 500))] }),
    actions: [{ ...D(2), absent: true }, { ...D(2), absent: true }, P(2)],
    local: { units: 3, table: 3, indexes: {} },
  },
  // ConditionCheck: two reads at 4 KB a unit.
  {
    name: 'a ConditionCheck of a stored 4,096 B item',
    build: () => {
      const k = key();
      return { before: [item(k, 4096)], items: [check(k)] };
    },
    actions: [C(2)],
    local: { units: 2, table: 2, indexes: {} },
  },
  {
    name: 'a ConditionCheck of a stored 4,097 B item',
    build: () => {
      const k = key();
      return { before: [item(k, 4097)], items: [check(k)] };
    },
    actions: [C(4)],
    local: { units: 4, table: 4, indexes: {} },
  },
  {
    name: 'a ConditionCheck of a stored 9,000 B item',
    build: () => {
      const k = key();
      return { before: [item(k, 9000)], items: [check(k)] };
    },
    actions: [C(6)],
    local: { units: 6, table: 6, indexes: {} },
  },
  {
    name: 'a ConditionCheck of a missing item (attribute_not_exists)',
    build: () => ({ before: [], items: [check(key(), 'attribute_not_exists(pk)')] }),
    actions: [{ ...C(2), absent: true }],
    local: { units: 2, table: 2, indexes: {} },
  },
  {
    name: 'a Put of 1.5 KB and a ConditionCheck of a stored 500 B item',
    build: () => {
      const k = key();
      return { before: [item(k, 500)], items: [put(item(key(), 1.5 * KB)), check(k)] };
    },
    actions: [P(4), C(2)],
    local: { units: 6, table: 6, indexes: {} },
  },
  {
    name: 'a Put of 500 B and a ConditionCheck of a stored 500 B item: equal figures',
    build: () => {
      const k = key();
      return { before: [item(k, 500)], items: [put(item(key(), 500)), check(k)] };
    },
    actions: [P(2), C(2)],
    local: { units: 2, table: 2, indexes: {} },
  },
  {
    name: 'an Update of a missing item (it creates a small one)',
    build: () => ({ before: [], items: [update(key(), 'SET z = :z', { ':z': { S: '1' } })] }),
    actions: [U(2)],
    local: { units: 2, table: 2, indexes: {} },
  },
];

describe('TransactWriteItems on DynamoDB Local: the documented figure and Local’s', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const figures = writeFigures(documented(c.actions));
      // The named deviations turn the documented figure into Local's…
      expect(figures.local).toEqual(c.local);
      // …and Local reports exactly that, with INDEXES and (the total) with TOTAL.
      const indexes = c.build();
      await store(...indexes.before);
      expect(measuredCapacity(await transact(indexes.items, 'INDEXES'))).toEqual(c.local);
      const total = c.build();
      await store(...total.before);
      const totalFigure = writeFigures(documented(c.actions), 'TOTAL').local;
      expect(totalFigure.units).toBe(c.total ?? c.local.units);
      expect(measuredCapacity(await transact(total.items, 'TOTAL'))).toEqual(totalFigure);
    });
  }

  it('the deviations do change the figure: two 500 B Puts are documented as 2 + 2 (the guide: "three 500-byte items… six WCUs")', () => {
    expect(writeFigures(documented([P(2), P(2), P(2)])).documented.units).toBe(6);
    expect(writeFigures(documented([P(2), P(2), P(2)])).local.units).toBe(2);
  });

  it('a refused write reports no ConsumedCapacity on Local (localRefusedWriteUnreported): a cancelled transaction, a failed PutItem', async () => {
    const k = key();
    await store(item(k, 500));
    const cancelled = await client
      .send(new TransactWriteItemsCommand({ TransactItems: [put(item(key(), 500)), check(k, 'attribute_not_exists(pk)')], ReturnConsumedCapacity: 'INDEXES' }))
      .then(
        () => undefined,
        (e: unknown) => e as { name: string; ConsumedCapacity?: unknown },
      );
    expect(cancelled?.name).toBe('TransactionCanceledException');
    expect(cancelled?.ConsumedCapacity).toBeUndefined();
    const failed = await client
      .send(new PutItemCommand({ TableName: TABLE, Item: item(k, 500), ConditionExpression: 'attribute_not_exists(pk)', ReturnConsumedCapacity: 'INDEXES' }))
      .then(
        () => undefined,
        (e: unknown) => e as { name: string; ConsumedCapacity?: unknown },
      );
    expect(failed?.name).toBe('ConditionalCheckFailedException');
    expect(failed?.ConsumedCapacity).toBeUndefined();
  });
});
