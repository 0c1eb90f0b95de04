// The generated module's atomic counters (add.E) and conditional writes
// (update/add/remove with { if }) on DynamoDB Local, and their types under
// tsc --strict. The model is testing/countersModule.ts's: Product is found by
// its key alone and its price makes the key of the "products by category, by
// price" GSI; Review is stored under its product behind an identity guard (its
// writes read first); Customer holds a unique guard; Wallet has a version.
// Concurrent adds are really concurrent requests to DynamoDB Local; every test
// ends by comparing the whole table with the items its records imply, and
// deletes its table.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecordValue } from '../engine/index.ts';
import { typeCheckModules } from '../testing/typeCheckModules.ts';
import { testClients } from './testing/testClients.ts';
import { canon, recordingClient, scanAll, snapshot } from './testing/writesModule.ts';
import { itemsFor, loadCountersModule, rejection, withTable, type CountersFixture, type Stored } from './testing/countersModule.ts';

const { client, doc, destroy } = testClients();
let fx: CountersFixture;
beforeAll(async () => {
  fx = await loadCountersModule('module-counters');
});
afterAll(() => {
  destroy();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

const product = (productId: string, more: Partial<RecordValue> = {}): RecordValue => ({
  productId,
  name: 'Widget',
  category: 'tools',
  price: 10,
  stock: 3,
  ...more,
});
const review = (reviewId: string, more: Partial<RecordValue> = {}): RecordValue => ({
  reviewId,
  productId: 'p1',
  postedAt: '2024-05-01T12:00:00.000Z',
  stars: 4,
  helpful: 3,
  text: 'Works well',
  ...more,
});
const customer = (customerId: string, more: Partial<RecordValue> = {}): RecordValue => ({
  customerId,
  email: `${customerId}@example.com`,
  points: 10,
  ...more,
});
const wallet = (walletId: string, more: Partial<RecordValue> = {}): RecordValue => ({ walletId, owner: 'ann', balance: 100, version: 1, ...more });

async function withModuleTable(check: () => Promise<void>): Promise<void> {
  await withTable(client, fx.mod.tableDefinition, check);
}

async function seed(stored: readonly Stored[]): Promise<void> {
  for (const { entity, record } of stored) await fx.mod.create[entity]!(doc, record);
}

/** The table holds exactly the items these records imply (their items, their guards, nothing else). */
async function expectTable(stored: readonly Stored[]): Promise<void> {
  expect(await snapshot(doc, fx.tableName)).toEqual(itemsFor(fx, stored).map(canon).sort());
}

/** The error is a ConditionFailedError (a WriteError) of this entity and key, carrying the condition. */
function expectConditionFailed(error: unknown, entity: string, key: object, condition: object): void {
  expect(error, `expected ConditionFailedError, got ${String(error)}`).toBeInstanceOf(fx.mod.ConditionFailedError);
  expect(error).toBeInstanceOf(fx.mod.WriteError);
  expect(error).toMatchObject({ code: 'condition', entity, key, condition });
}

/** Runs the writes at the same time (all requests in flight together), and splits the outcomes. */
async function together<T>(writes: (() => Promise<T>)[]): Promise<{ values: T[]; errors: unknown[] }> {
  const settled = await Promise.allSettled(writes.map((w) => w()));
  return {
    values: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    errors: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}

/** The command names a write sent, in order (lib-dynamodb's: GetCommand, UpdateCommand, PutCommand, TransactWriteCommand...). */
async function commandsOf(write: (through: DynamoDBDocumentClient) => Promise<unknown>): Promise<{ commands: string[]; outcome: unknown }> {
  const { client: through, sent } = recordingClient(doc);
  const outcome = await write(through).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { commands: sent.map((s) => s.command), outcome };
}

describe('add: atomic counters with a condition', () => {
  const key = { productId: 'p1' };
  const take2 = { if: { stock: { ge: 2 } } };

  it('two concurrent "take 2 if stock ≥ 2" on stock 3: one succeeds (stock 1), the other is ConditionFailedError, nothing else changes', async () => {
    await withModuleTable(async () => {
      const start = product('p1', { stock: 3, note: 'keep me' });
      await seed([{ entity: 'Product', record: start }]);
      // The counter is one UpdateItem (ADD), no read: the two requests race inside DynamoDB.
      const { commands } = await commandsOf((through) => fx.mod.add['Product']!(through, key, { stock: 0 }, take2));
      expect(commands).toEqual(['UpdateCommand']);

      const { values, errors } = await together([0, 1].map(() => () => fx.mod.add['Product']!(doc, key, { stock: -2 }, take2)));
      expect(values).toEqual([{ ...start, stock: 1 }]);
      expect(errors).toHaveLength(1);
      expectConditionFailed(errors[0], 'Product', key, take2.if);
      await expectTable([{ entity: 'Product', record: { ...start, stock: 1 } }]);
    });
  });

  it('ten concurrent "take 2 if stock ≥ 2" on stock 10: exactly five succeed, each seeing its own stock, which ends at 0, never below', async () => {
    await withModuleTable(async () => {
      const start = product('p1', { stock: 10, price: 25 });
      await seed([{ entity: 'Product', record: start }]);
      for (let round = 0; round < 3; round++) {
        if (round > 0) await fx.mod.update['Product']!(doc, key, { stock: 10 });
        const { values, errors } = await together(Array.from({ length: 10 }, () => () => fx.mod.add['Product']!(doc, key, { stock: -2 }, take2)));
        // Each success returns the record as it stored it: five distinct stocks, none negative.
        expect(
          values.map((r) => r['stock']).sort((a, b) => Number(a) - Number(b)),
          `round ${round}`,
        ).toEqual([0, 2, 4, 6, 8]);
        for (const r of values) expect({ ...r, stock: 0 }).toEqual({ ...start, stock: 0 });
        expect(errors).toHaveLength(5);
        for (const e of errors) expectConditionFailed(e, 'Product', key, take2.if);
        await expectTable([{ entity: 'Product', record: { ...start, stock: 0 } }]);
      }
    });
  });

  it('concurrent adds without a condition all count (ADD is atomic), and a refused one on a missing record is RecordNotFoundError, creating nothing', async () => {
    await withModuleTable(async () => {
      const start = product('p1', { stock: 0 });
      await seed([{ entity: 'Product', record: start }]);
      const { values, errors } = await together(Array.from({ length: 20 }, (_, i) => () => fx.mod.add['Product']!(doc, key, { stock: i % 2 === 0 ? 3 : -1 })));
      expect(errors).toEqual([]);
      expect(values).toHaveLength(20);
      await expectTable([{ entity: 'Product', record: { ...start, stock: 20 } }]);
      const missing = await rejection(fx.mod.add['Product']!(doc, { productId: 'nope' }, { stock: 1 }));
      expect(missing).toBeInstanceOf(fx.mod.RecordNotFoundError);
      const missingIf = await rejection(fx.mod.add['Product']!(doc, { productId: 'nope' }, { stock: -2 }, take2));
      expect(missingIf).toBeInstanceOf(fx.mod.RecordNotFoundError);
      await expectTable([{ entity: 'Product', record: { ...start, stock: 20 } }]);
    });
  });

  it('on a record behind an identity guard (read first): two concurrent "take 2 if ≥ 2" on 3 and ten on 10 end at 1 and 0, the refused ones ConditionFailedError', async () => {
    await withModuleTable(async () => {
      const rkey = { reviewId: 'r1' };
      const cond = { if: { helpful: { ge: 2 } } };
      const start = review('r1', { helpful: 3 });
      await seed([{ entity: 'Review', record: start }]);
      const { commands } = await commandsOf((through) => fx.mod.add['Review']!(through, rkey, { helpful: 0 }, cond));
      expect(commands[0], 'add on a Review reads first').toBe('GetCommand');

      const two = await together([0, 1].map(() => () => fx.mod.add['Review']!(doc, rkey, { helpful: -2 }, cond)));
      expect(two.values).toEqual([{ ...start, helpful: 1 }]);
      expect(two.errors).toHaveLength(1);
      expectConditionFailed(two.errors[0], 'Review', rkey, cond.if);
      await expectTable([{ entity: 'Review', record: { ...start, helpful: 1 } }]);

      await fx.mod.update['Review']!(doc, rkey, { helpful: 10 });
      // Each refusal of a read-first write is another's success: at most five, under the eight attempts allowed.
      const ten = await together(Array.from({ length: 10 }, () => () => fx.mod.add['Review']!(doc, rkey, { helpful: -2 }, cond)));
      expect(ten.values.map((r) => r['helpful']).sort((a, b) => Number(a) - Number(b))).toEqual([0, 2, 4, 6, 8]);
      expect(ten.errors).toHaveLength(5);
      for (const e of ten.errors) expectConditionFailed(e, 'Review', rkey, cond.if);
      await expectTable([{ entity: 'Review', record: { ...start, helpful: 0 } }]);
    });
  });

  it('on a number that makes an index key (price in "products by price"): reads first, rewrites the GSI key, and the GSI answers in the new order', async () => {
    await withModuleTable(async () => {
      const p1 = product('p1', { price: 10 });
      const p2 = product('p2', { price: 15 });
      const p3 = product('p3', { price: 20 });
      await seed([p1, p2, p3].map((record) => ({ entity: 'Product', record })));
      const byPrice = async () =>
        ((await fx.mod.executeAll['productsByPrice']!(doc, { category: 'tools' })) as RecordValue[]).map((r) => [r['productId'], r['price']]);
      expect(await byPrice()).toEqual([
        ['p1', 10],
        ['p2', 15],
        ['p3', 20],
      ]);

      const { commands, outcome } = await commandsOf((through) => fx.mod.add['Product']!(through, { productId: 'p1' }, { price: 7 }));
      expect(commands[0], 'add on price reads first').toBe('GetCommand');
      expect(outcome).toEqual({ value: { ...p1, price: 17 } });
      expect(await byPrice()).toEqual([
        ['p2', 15],
        ['p1', 17],
        ['p3', 20],
      ]);
      // The GSI holds each product once, under the key its price makes now (no entry left at 10).
      const gsi = fx.mod.tableDefinition.GlobalSecondaryIndexes?.[0];
      const [gpk, gsk] = [gsi?.KeySchema?.[0]?.AttributeName ?? '', gsi?.KeySchema?.[1]?.AttributeName ?? ''];
      const gsiItems = await scanAll(doc, fx.tableName, gsi?.IndexName);
      expect(gsiItems.map((i) => [i[gpk], i[gsk]]).sort()).toEqual(
        [{ ...p1, price: 17 }, p2, p3]
          .map((r) => fx.mod.toItem('Product', r))
          .map((i) => [i[gpk], i[gsk]])
          .sort(),
      );

      // Down below p2, with a condition met; then one that is not met changes nothing.
      await fx.mod.add['Product']!(doc, { productId: 'p1' }, { price: -5, stock: 4 }, { if: { price: { between: [17, 17] } } });
      expect(await byPrice()).toEqual([
        ['p1', 12],
        ['p2', 15],
        ['p3', 20],
      ]);
      const before = await snapshot(doc, fx.tableName);
      const cond = { price: { ge: 100 } };
      expectConditionFailed(
        await rejection(fx.mod.add['Product']!(doc, { productId: 'p1' }, { price: -100 }, { if: cond })),
        'Product',
        { productId: 'p1' },
        cond,
      );
      expect(await snapshot(doc, fx.tableName)).toEqual(before);
      await expectTable([{ ...p1, price: 12, stock: 7 }, p2, p3].map((record) => ({ entity: 'Product', record })));
    });
  });

  it('five concurrent adds on price (read first) all count; of ten, each that resolved counts and each refused one is WriteConflictError', async () => {
    await withModuleTable(async () => {
      const start = product('p1', { price: 100 });
      await seed([{ entity: 'Product', record: start }]);
      const five = await together(Array.from({ length: 5 }, () => () => fx.mod.add['Product']!(doc, { productId: 'p1' }, { price: 1 })));
      expect(five.errors).toEqual([]);
      expect(five.values.map((r) => r['price']).sort()).toEqual([101, 102, 103, 104, 105]);
      await expectTable([{ entity: 'Product', record: { ...start, price: 105 } }]);

      const ten = await together(Array.from({ length: 10 }, () => () => fx.mod.add['Product']!(doc, { productId: 'p1' }, { price: 1 })));
      for (const e of ten.errors) expect(e).toBeInstanceOf(fx.mod.WriteConflictError);
      // No lost update: the price went up by exactly the number of adds that resolved, each seeing its own price.
      expect(new Set(ten.values.map((r) => r['price'])).size).toBe(ten.values.length);
      await expectTable([{ entity: 'Product', record: { ...start, price: 105 + ten.values.length } }]);
    });
  });

  it('with a version attribute: the version goes up by one; a stale version is StaleVersionError and a failed condition ConditionFailedError, changing nothing', async () => {
    await withModuleTable(async () => {
      const key = { walletId: 'w1' };
      await seed([{ entity: 'Wallet', record: wallet('w1') }]);
      expect(await fx.mod.add['Wallet']!(doc, key, { balance: -30 }, { version: 1 })).toEqual(wallet('w1', { balance: 70, version: 2 }));
      expect(await fx.mod.add['Wallet']!(doc, key, { balance: 5 })).toEqual(wallet('w1', { balance: 75, version: 3 }));
      const before = await snapshot(doc, fx.tableName);
      const stale = await rejection(fx.mod.add['Wallet']!(doc, key, { balance: 1 }, { version: 1 }));
      expect(stale).toBeInstanceOf(fx.mod.StaleVersionError);
      expect(stale).toMatchObject({ expected: 1, actual: 3 });
      const cond = { balance: { ge: 100 } };
      expectConditionFailed(await rejection(fx.mod.add['Wallet']!(doc, key, { balance: -100 }, { version: 3, if: cond })), 'Wallet', key, cond);
      expect(await snapshot(doc, fx.tableName)).toEqual(before);
      await expectTable([{ entity: 'Wallet', record: wallet('w1', { balance: 75, version: 3 }) }]);
    });
  });

  it('refuses what it cannot add to (TypeError before any request): the key, the version, a non-number amount, nothing', async () => {
    const { client: through, sent } = recordingClient(doc);
    for (const [entity, key, amounts] of [
      ['Product', { productId: 'p1' }, { productId: 1 }],
      ['Product', { productId: 'p1' }, { stock: '1' }],
      ['Product', { productId: 'p1' }, { stock: Number.NaN }],
      ['Product', { productId: 'p1' }, { stock: Number.POSITIVE_INFINITY }],
      ['Product', { productId: 'p1' }, { colour: 1 }],
      ['Product', { productId: 'p1' }, {}],
      ['Wallet', { walletId: 'w1' }, { version: 1 }],
    ] as const) {
      await expect(fx.mod.add[entity]!(through, key, amounts as never), JSON.stringify(amounts)).rejects.toThrow(TypeError);
    }
    expect(sent).toEqual([]);
  });

  // Fixed (writeRuntime.ts addToRecord): add checks that each amount names an attribute outside the key
  // and the version, never that it is a number attribute. Untyped callers (JavaScript, JSON input)
  // get: a string attribute that is absent becomes a number (ADD note 5 stores note: 5 on a Product);
  // one behind the read-first path is replaced by the amount (a Review's text 'Works well' + 1 stores
  // text: 1, since a non-number counts as 0); a present one on the in-place path is DynamoDB's
  // ValidationException, not a TypeError. Expected: a TypeError for each, nothing sent, nothing changed.
  it('refuses a string attribute at run time too (TypeError, nothing changes)', async () => {
    await withModuleTable(async () => {
      const stored: Stored[] = [
        { entity: 'Product', record: product('p1') },
        { entity: 'Review', record: review('r1') },
      ];
      await seed(stored);
      const { client: through, sent } = recordingClient(doc);
      const outcomes: string[] = [];
      for (const [entity, key, amounts] of [
        ['Product', { productId: 'p1' }, { note: 5 }],
        ['Product', { productId: 'p1' }, { name: 1 }],
        ['Review', { reviewId: 'r1' }, { text: 1 }],
      ] as const) {
        const outcome = await fx.mod.add[entity]!(through, key, amounts as never).then(
          (record) => `stored ${JSON.stringify(record)}`,
          (e: unknown) => (e instanceof TypeError ? 'TypeError' : String(e)),
        );
        outcomes.push(`${entity} ${JSON.stringify(amounts)}: ${outcome}`);
      }
      expect(outcomes).toEqual(['Product {"note":5}: TypeError', 'Product {"name":1}: TypeError', 'Review {"text":1}: TypeError']);
      expect(sent).toEqual([]);
      await expectTable(stored);
    });
  });
});

describe('conditions ({ if }) on update, add and remove', () => {
  // Each case on a product of its own: stock 5, price 10, name Widget, category tools, no note.
  const cases: [string, Record<string, unknown>, boolean][] = [
    ['a plain value is equality', { stock: 5 }, true],
    ['a plain value, unequal', { stock: 4 }, false],
    ['a plain string', { name: 'Widget' }, true],
    ['eq', { stock: { eq: 5 } }, true],
    ['ne, equal', { stock: { ne: 5 } }, false],
    ['ne, unequal', { category: { ne: 'garden' } }, true],
    ['lt at the value', { stock: { lt: 5 } }, false],
    ['le at the value', { stock: { le: 5 } }, true],
    ['gt at the value', { stock: { gt: 5 } }, false],
    ['ge at the value', { stock: { ge: 5 } }, true],
    ['between, inside (bounds included)', { stock: { between: [5, 9] } }, true],
    ['between, outside', { price: { between: [11, 20] } }, false],
    ['beginsWith, matching', { name: { beginsWith: 'Wid' } }, true],
    ['beginsWith, not matching', { name: { beginsWith: 'wid' } }, false],
    ['exists: false on an absent attribute', { note: { exists: false } }, true],
    ['exists: true on an absent attribute', { note: { exists: true } }, false],
    ['exists: false on a present attribute', { name: { exists: false } }, false],
    ['two tests on one attribute (both must hold)', { stock: { gt: 1, lt: 9 } }, true],
    ['two tests on one attribute, one failing', { stock: { gt: 1, lt: 3 } }, false],
    ['several attributes (all must hold)', { name: 'Widget', price: { le: 10 }, note: { exists: false } }, true],
    ['several attributes, one failing', { name: 'Widget', price: { lt: 10 } }, false],
  ];
  const base = (productId: string) => product(productId, { stock: 5, price: 10 });
  const ids = cases.map((_, i) => `c${i}`);

  /** Runs `write` on each case's product, and checks the outcome: done when the condition holds, ConditionFailedError when not. */
  async function eachCase(
    after: (record: RecordValue) => RecordValue | undefined,
    write: (key: { productId: string }, condition: Record<string, unknown>) => Promise<unknown>,
  ): Promise<void> {
    await seed(ids.map((id) => ({ entity: 'Product', record: base(id) })));
    const expected: Stored[] = [];
    for (const [i, [label, condition, holds]] of cases.entries()) {
      const key = { productId: ids[i]! };
      const outcome = await write(key, condition).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (holds) expect(outcome, label).toBeUndefined();
      else expectConditionFailed(outcome, 'Product', key, condition);
      const record = holds ? after(base(key.productId)) : base(key.productId);
      if (record) expected.push({ entity: 'Product', record });
    }
    await expectTable(expected);
  }

  it('update in place (one UpdateItem): each test does what DynamoDB says, a refusal changes nothing', async () => {
    await withModuleTable(async () => {
      const { commands } = await commandsOf((through) => fx.mod.update['Product']!(through, { productId: 'x' }, { note: 'n' }, { if: { stock: 1 } }));
      expect(commands, 'in place: UpdateItem, then the read that tells why it was refused').toEqual(['UpdateCommand', 'GetCommand']);
      await eachCase(
        (r) => ({ ...r, note: 'touched' }),
        (key, condition) => fx.mod.update['Product']!(doc, key, { note: 'touched' }, { if: condition }),
      );
    });
  });

  it('update that reads first (price makes a GSI key with category): the same outcomes', async () => {
    await withModuleTable(async () => {
      const { commands } = await commandsOf((through) => fx.mod.update['Product']!(through, { productId: 'x' }, { price: 1 }, { if: { stock: 1 } }));
      expect(commands, 'reads first').toEqual(['GetCommand']);
      await eachCase(
        (r) => ({ ...r, price: 11 }),
        (key, condition) => fx.mod.update['Product']!(doc, key, { price: 11 }, { if: condition }),
      );
    });
  });

  it('add (one UpdateItem ADD): the same outcomes', async () => {
    await withModuleTable(async () => {
      await eachCase(
        (r) => ({ ...r, stock: 6 }),
        (key, condition) => fx.mod.add['Product']!(doc, key, { stock: 1 }, { if: condition }),
      );
    });
  });

  it('remove: a met condition removes the record, a failed one leaves it', async () => {
    await withModuleTable(async () => {
      await eachCase(
        () => undefined,
        (key, condition) => fx.mod.remove['Product']!(doc, key, { if: condition }),
      );
    });
  });

  it('update with a failing `if` on a record behind an identity guard (read first), in place and moving it to another table key: ConditionFailedError, nothing changes', async () => {
    await withModuleTable(async () => {
      const rkey = { reviewId: 'r1' };
      const r1 = review('r1');
      const stored: Stored[] = [
        { entity: 'Product', record: product('p1') },
        { entity: 'Review', record: r1 },
        { entity: 'Review', record: review('r2', { postedAt: '2024-06-01T00:00:00.000Z' }) },
      ];
      await seed(stored);
      const before = await snapshot(doc, fx.tableName);
      const cond = { stars: { ge: 5 } };
      for (const changes of [
        { text: 'Changed my mind' }, // same table key: a conditional put
        { postedAt: '2024-07-01T00:00:00.000Z', stars: 1 }, // another table key: delete, put and the guard moved, in one transaction
      ]) {
        const { commands, outcome } = await commandsOf((through) => fx.mod.update['Review']!(through, rkey, changes, { if: cond }));
        expect(commands[0]).toBe('GetCommand');
        expect(commands).toContain(changes.postedAt ? 'TransactWriteCommand' : 'PutCommand');
        expectConditionFailed((outcome as { error?: unknown }).error, 'Review', rkey, cond);
        expect(await snapshot(doc, fx.tableName), JSON.stringify(changes)).toEqual(before);
      }
      // The same updates with a condition that holds: done, the guard following the move.
      await fx.mod.update['Review']!(doc, rkey, { text: 'Changed my mind' }, { if: { stars: 4, text: { beginsWith: 'Works' } } });
      const moved = await fx.mod.update['Review']!(doc, rkey, { postedAt: '2024-07-01T00:00:00.000Z', stars: 1 }, { if: { stars: { le: 4 } } });
      const r1After = { ...r1, text: 'Changed my mind', postedAt: '2024-07-01T00:00:00.000Z', stars: 1 };
      expect(moved).toEqual(r1After);
      await expectTable([stored[0]!, { entity: 'Review', record: r1After }, stored[2]!]);
      expect(((await fx.mod.executeAll['reviewsOfProduct']!(doc, { productId: 'p1' })) as RecordValue[]).map((r) => r['reviewId'])).toEqual(['r1', 'r2']);
    });
  });

  it('update of a missing record with `if` is RecordNotFoundError (nothing is created), on both paths', async () => {
    await withModuleTable(async () => {
      for (const write of [
        () => fx.mod.update['Product']!(doc, { productId: 'nope' }, { note: 'x' }, { if: { stock: 1 } }),
        () => fx.mod.update['Product']!(doc, { productId: 'nope' }, { price: 1 }, { if: { stock: 1 } }),
        () => fx.mod.update['Review']!(doc, { reviewId: 'nope' }, { text: 'x' }, { if: { stars: 1 } }),
      ]) {
        expect(await rejection(write())).toBeInstanceOf(fx.mod.RecordNotFoundError);
      }
      expect(await scanAll(doc, fx.tableName)).toEqual([]);
    });
  });

  it('remove with a failing `if` leaves the record and every guard (identity, unique); a met one removes them all', async () => {
    await withModuleTable(async () => {
      const stored: Stored[] = [
        { entity: 'Product', record: product('p1') },
        { entity: 'Review', record: review('r1') },
        { entity: 'Customer', record: customer('c1') },
        { entity: 'Wallet', record: wallet('w1') },
      ];
      await seed(stored);
      const before = await snapshot(doc, fx.tableName);
      const failing: [string, object, Record<string, unknown>][] = [
        ['Product', { productId: 'p1' }, { stock: { gt: 3 } }],
        ['Review', { reviewId: 'r1' }, { stars: 5 }],
        ['Customer', { customerId: 'c1' }, { email: { beginsWith: 'someone' } }],
        ['Wallet', { walletId: 'w1' }, { owner: { ne: 'ann' } }],
      ];
      for (const [entity, key, condition] of failing) {
        expectConditionFailed(await rejection(fx.mod.remove[entity]!(doc, key, { if: condition })), entity, key, condition);
      }
      expect(await snapshot(doc, fx.tableName)).toEqual(before);
      await expectTable(stored);

      await fx.mod.remove['Product']!(doc, { productId: 'p1' }, { if: { stock: 3 } });
      await fx.mod.remove['Review']!(doc, { reviewId: 'r1' }, { if: { stars: { between: [1, 4] } } });
      await fx.mod.remove['Customer']!(doc, { customerId: 'c1' }, { if: { points: { exists: true } } });
      await fx.mod.remove['Wallet']!(doc, { walletId: 'w1' }, { if: { owner: 'ann' }, version: 1 });
      expect(await scanAll(doc, fx.tableName)).toEqual([]);
      // A remove with `if` of a record that is not there resolves: there is none.
      await fx.mod.remove['Product']!(doc, { productId: 'p1' }, { if: { stock: 3 } });
    });
  });

  // Fixed (writeRuntime.ts conditionText): two conditions the generated types accept become invalid
  // requests that DynamoDB refuses with a ValidationException (no WriteError, no TypeError):
  // `{ note: undefined }` (ProductCondition allows it: Product['note'] includes undefined) puts
  // `#n = :v1` in the expression while the document client drops the undefined value ("An expression
  // attribute value used in expression is not defined; attribute value: :v1"); `{ stock: {} }` (an
  // AttributeTest with no test) names #n in ExpressionAttributeNames but in no expression ("Value
  // provided in ExpressionAttributeNames unused in expressions"). Expected: refused before sending
  // (TypeError) or read as no constraint; actual: DynamoDB's ValidationException.
  it('a condition with an undefined value or an empty test is never sent to DynamoDB as an invalid expression', async () => {
    await withModuleTable(async () => {
      await seed([{ entity: 'Product', record: product('p1') }]);
      const outcomes: string[] = [];
      for (const [label, condition] of [
        ['{ note: undefined }', { note: undefined }],
        ['{ stock: {} }', { stock: {} }],
      ] as const) {
        const outcome = await fx.mod.update['Product']!(doc, { productId: 'p1' }, { name: 'Gadget' }, { if: condition }).then(
          () => 'done',
          (e: unknown) => (e instanceof Error ? e.name : String(e)),
        );
        outcomes.push(`${label}: ${outcome}`);
      }
      for (const outcome of outcomes) expect(outcome).not.toMatch(/ValidationException/);
    });
  });

  it('a condition naming an attribute the entity lacks, or an unknown test, is a TypeError sent nowhere', async () => {
    const { client: through, sent } = recordingClient(doc);
    await expect(fx.mod.update['Product']!(through, { productId: 'p1' }, { note: 'x' }, { if: { colour: 'red' } })).rejects.toThrow(TypeError);
    await expect(fx.mod.add['Product']!(through, { productId: 'p1' }, { stock: 1 }, { if: { stock: { above: 1 } } })).rejects.toThrow(TypeError);
    await expect(fx.mod.update['Product']!(through, { productId: 'p1' }, { note: 'x' }, { if: { stock: { between: [1] } } })).rejects.toThrow(TypeError);
    expect(sent).toEqual([]);
  });
});

const CALLER = `import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  add, createMany, decodeStreamRecord, remove, update, ConditionFailedError,
  type Product, type ProductCondition, type ProductCounters, type Review, type StreamChange, type StreamRecordInput, type CreateManyResult,
} from './counters';

export async function caller(doc: DynamoDBDocumentClient, event: { Records: StreamRecordInput[] }): Promise<string[]> {
  const out: string[] = [];
  const inStock: ProductCondition = { stock: { ge: 2 }, note: { exists: false }, name: { beginsWith: 'W' }, price: { between: [1, 20] } };
  const amounts: ProductCounters = { stock: -2, price: 1 };
  try {
    const p: Product = await add.Product(doc, { productId: 'p1' }, amounts, { if: inStock });
    const stock: number = p.stock;
    out.push(String(stock));
    await add.Review(doc, { reviewId: 'r1' }, { helpful: 1, stars: -1 });
    await add.Wallet(doc, { walletId: 'w1' }, { balance: 5 }, { version: 2, if: { owner: 'ann' } });
    await update.Product(doc, { productId: 'p1' }, { note: null }, { if: { category: { ne: 'garden' }, stock: 3 } });
    await remove.Product(doc, { productId: 'p1' }, { if: { note: { exists: true } } });
    await remove.Wallet(doc, { walletId: 'w1' }, { version: 3, if: { balance: { lt: 10 } } });
  } catch (error) {
    if (error instanceof ConditionFailedError) out.push(error.entity + ' ' + error.code);
    else throw error;
  }
  const reviews: Review[] = [{ reviewId: 'r1', productId: 'p1', postedAt: '2024-01-01T00:00:00.000Z', stars: 5, helpful: 0, text: 'ok' }];
  const result: CreateManyResult = await createMany.Review(doc, reviews, { maxTimeMs: 1000, onProgress: (written, total) => out.push(written + '/' + total) });
  out.push(String(result.written), ...result.failed.map((f) => f.error.message + JSON.stringify(f.record)));
  for (const record of event.Records) {
    const change: StreamChange | undefined = decodeStreamRecord(record);
    if (change?.entity === 'Product') out.push(change.eventName + ' ' + (change.newRecord?.stock ?? change.oldRecord?.stock ?? 0).toFixed(0));
    else if (change?.entity === 'Review') out.push(change.newRecord?.text ?? '');
  }
  decodeStreamRecord({ eventName: 'INSERT', dynamodb: { NewImage: { PK: { S: 'PRODUCT#p1' }, stock: { N: '1' } } } });
  // @ts-expect-error: add takes number attributes only (name is a string)
  await add.Product(doc, { productId: 'p1' }, { name: 1 });
  // @ts-expect-error: nor the key
  await add.Product(doc, { productId: 'p1' }, { productId: 1 });
  // @ts-expect-error: nor the version attribute (add raises it itself)
  await add.Wallet(doc, { walletId: 'w1' }, { version: 1 });
  // @ts-expect-error: amounts are numbers
  await add.Product(doc, { productId: 'p1' }, { stock: '1' });
  // @ts-expect-error: a condition's value has the attribute's type (stock is a number)
  await update.Product(doc, { productId: 'p1' }, { note: 'x' }, { if: { stock: 'many' } });
  // @ts-expect-error: and so do its tests' operands
  await add.Product(doc, { productId: 'p1' }, { stock: 1 }, { if: { stock: { ge: '2' } } });
  // @ts-expect-error: a condition names the entity's attributes only
  await remove.Product(doc, { productId: 'p1' }, { if: { colour: 'red' } });
  // @ts-expect-error: createMany takes the entity's records
  await createMany.Product(doc, [{ productId: 'p1' }]);
  return out;
}
`;

/** The caller's lines marked @ts-expect-error, without the directive: each must be exactly one error of the kind it names. */
const WRONG: [string, RegExp][] = [
  ["add.Product(doc, { productId: 'p1' }, { name: 1 })", /'name' does not exist in type 'ProductCounters'/],
  ["add.Product(doc, { productId: 'p1' }, { productId: 1 })", /'productId' does not exist in type 'ProductCounters'/],
  ["add.Wallet(doc, { walletId: 'w1' }, { version: 1 })", /'version' does not exist in type 'WalletCounters'/],
  ["add.Product(doc, { productId: 'p1' }, { stock: '1' })", /Type 'string' is not assignable to type 'number'/],
  [
    "update.Product(doc, { productId: 'p1' }, { note: 'x' }, { if: { stock: 'many' } })",
    /Type 'string' is not assignable to type 'number \| AttributeTest<number> \| undefined'/,
  ],
  ["add.Product(doc, { productId: 'p1' }, { stock: 1 }, { if: { stock: { ge: '2' } } })", /Type 'string' is not assignable to type 'number'/],
  ["remove.Product(doc, { productId: 'p1' }, { if: { colour: 'red' } })", /'colour' does not exist in type 'ProductCondition'/],
  ["createMany.Product(doc, [{ productId: 'p1' }])", /missing the following properties from type 'Product'/],
];

describe('types', () => {
  it('type-checks under tsc --strict with a caller of add, conditions, createMany and decodeStreamRecord; add refuses a string attribute and a condition a wrong value type', () => {
    const caller = path.join(fx.dir, 'caller.ts');
    fs.writeFileSync(caller, CALLER);
    expect(typeCheckModules([fx.file, caller])).toEqual([]);
    // Each @ts-expect-error above stands for the error it names, not another: alone in a file, each is exactly that error.
    const files = WRONG.map(([line], i) => {
      const file = path.join(fx.dir, `wrong${i}.ts`);
      fs.writeFileSync(
        file,
        [
          "import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
          "import { add, createMany, remove, update } from './counters';",
          `export const wrong = (doc: DynamoDBDocumentClient) => ${line};`,
          'void add; void createMany; void remove; void update;',
          '',
        ].join('\n'),
      );
      return file;
    });
    const problems = typeCheckModules([fx.file, ...files]);
    for (const [i, [line, message]] of WRONG.entries()) {
      const mine = problems.filter((p) => p.startsWith(`wrong${i}.ts:`));
      expect(mine, line).toHaveLength(1);
      expect(mine[0], line).toMatch(message);
    }
    expect(problems).toHaveLength(WRONG.length);
  }, 120_000);
});
