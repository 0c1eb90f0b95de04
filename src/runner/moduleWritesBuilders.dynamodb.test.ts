// The generated module's pure write builders (Writes.E.create/update/remove) on
// DynamoDB Local, and the types of its write helpers under tsc --strict. A
// builder's request, sent by the test itself with lib-dynamodb's commands
// (PutCommand, UpdateCommand, DeleteCommand, TransactWriteCommand, as the shape
// it returns says), must do what the module's own create/update/remove do: the
// same items, the same guards, the same refusals. The model is
// testing/writesModule.ts's; each test's table is deleted after it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecordValue } from '../engine/index.ts';
import { typeCheckModules } from '../testing/typeCheckModules.ts';
import { testClients } from './testing/testClients.ts';
import {
  expectPatternsAgree,
  expectTableHolds,
  loadWritesModule,
  Mirror,
  snapshot,
  withTable,
  type WriteRequest,
  type WritesFixture,
} from './testing/writesModule.ts';

const { client, doc, destroy } = testClients();
let fx: WritesFixture;
beforeAll(async () => {
  fx = await loadWritesModule('module-writes-builders');
});
afterAll(() => {
  destroy();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

/** Sends a builder's request with lib-dynamodb's commands, as a caller who sends them himself does. */
async function send(request: WriteRequest, through: DynamoDBDocumentClient = doc): Promise<void> {
  const kinds = Object.keys(request);
  expect(kinds, 'one request kind').toHaveLength(1);
  if ('Put' in request) await through.send(new PutCommand(request.Put as never));
  else if ('Update' in request) await through.send(new UpdateCommand(request.Update as never));
  else if ('Delete' in request) await through.send(new DeleteCommand(request.Delete as never));
  else await through.send(new TransactWriteCommand(request.TransactWrite as never));
}

/** The error a send rejected with. */
async function refusal(request: WriteRequest): Promise<unknown> {
  return send(request).then(
    () => expect.fail('DynamoDB accepted the request'),
    (e: unknown) => e,
  );
}

const ann: RecordValue = { email: 'ann@example.com', name: 'Ann', handle: 'ann' };
const bob: RecordValue = { email: 'bob@example.com', name: 'Bob' };
const order: RecordValue = { orderId: 'o1', userEmail: 'ann@example.com', status: 'open', createdAt: '2024-03-01T10:00:00.000Z', total: 10, coupon: 'SPRING' };
const account: RecordValue = { accountId: 'acc1', owner: 'ann', balance: 100, nickname: 'main', version: 1 };
const ticket: RecordValue = { ticketId: 't1', queue: 'support', title: 'Printer', revision: 4 };

async function expectConsistent(mirror: Mirror): Promise<void> {
  await expectTableHolds(fx, doc, mirror, expect);
  await expectPatternsAgree(fx, doc, mirror, expect);
}

describe('Writes.E.create', () => {
  it('sent with lib-dynamodb’s commands, stores exactly what create.E stores, and refuses a second create the same way', async () => {
    await withTable(fx, client, async () => {
      const cases: [string, RecordValue, string][] = [
        ['User', ann, 'TransactWrite'], // a unique guard beside the record
        ['User', bob, 'Put'], // no handle: the record alone
        ['Order', order, 'TransactWrite'], // the identity guard beside the record
        ['Account', account, 'Put'],
        ['Ticket', ticket, 'TransactWrite'],
      ];
      const mirror = new Mirror(fx.model);
      for (const [entity, record, kind] of cases) {
        const request = fx.mod.Writes[entity]!.create(record);
        expect(Object.keys(request), `${entity}: the request's shape`).toEqual([kind]);
        await send(request);
        mirror.set(entity, record);
        const sent = await snapshot(doc, fx.tableName);
        await expectTableHolds(fx, doc, mirror, expect);

        // The same request again: its conditions make DynamoDB refuse it, and nothing changes.
        const error = await refusal(request);
        expect((error as Error).name, entity).toBe(kind === 'Put' ? 'ConditionalCheckFailedException' : 'TransactionCanceledException');
        expect(await snapshot(doc, fx.tableName)).toEqual(sent);

        // create.E of the same record, after remove.E: the very same items.
        await fx.mod.remove[entity]!(doc, mirror.keyOf(entity, record));
        expect((await snapshot(doc, fx.tableName)).length, `${entity}: removed`).toBeLessThan(sent.length);
        await fx.mod.create[entity]!(doc, record);
        expect(await snapshot(doc, fx.tableName), `${entity}: create.E stores what the builder stored`).toEqual(sent);
      }
      await expectConsistent(mirror);
    });
  });
});

describe('Writes.E.update', () => {
  it('throws a TypeError without `current` when the update must read first', () => {
    // The record is found through its identity guard.
    expect(() => fx.mod.Writes['Order']!.update({ orderId: 'o1' }, { total: 1 })).toThrow(TypeError);
    expect(() => fx.mod.Writes['Ticket']!.update({ ticketId: 't1' }, { title: 'x', revision: 4 })).toThrow(TypeError);
    // A unique value changes (its guards are given up and taken).
    expect(() => fx.mod.Writes['User']!.update({ email: 'ann@example.com' }, { handle: 'annie' })).toThrow(TypeError);
    expect(() => fx.mod.Writes['User']!.update({ email: 'ann@example.com' }, { handle: null })).toThrow(TypeError);
  });

  it('returns one UpdateItem input when no read is needed, which sent does what update.E does', async () => {
    await withTable(fx, client, async () => {
      const mirror = new Mirror(fx.model);
      for (const [entity, record] of [
        ['User', ann],
        ['Account', account],
        ['Account', { ...account, accountId: 'acc2', nickname: 'other' }],
      ] as const) {
        await fx.mod.create[entity]!(doc, record);
        mirror.set(entity, record);
      }
      const cases: [string, Record<string, unknown>, Record<string, unknown>, RecordValue][] = [
        ['User', { email: 'ann@example.com' }, { name: 'Annabel' }, { ...ann, name: 'Annabel' }],
        // A GSI key attribute (owner, with the key) and the version: one UpdateItem, version + 1.
        ['Account', { accountId: 'acc1' }, { owner: 'bob', balance: 5, version: 1 }, { ...account, owner: 'bob', balance: 5, version: 2 }],
        // null leaves the sparse nickname GSI.
        ['Account', { accountId: 'acc2' }, { nickname: null, version: 1 }, { accountId: 'acc2', owner: 'ann', balance: 100, version: 2 }],
      ];
      for (const [entity, key, changes, after] of cases) {
        const request = fx.mod.Writes[entity]!.update(key, changes);
        expect(Object.keys(request), entity).toEqual(['Update']);
        await send(request);
        mirror.set(entity, after);
        await expectConsistent(mirror);
        // Sent again: the version it states is stale now (Account), or it simply applies again (User).
        if (entity === 'Account') {
          const before = await snapshot(doc, fx.tableName);
          expect((await refusal(request)) as Error).toMatchObject({ name: 'ConditionalCheckFailedException' });
          expect(await snapshot(doc, fx.tableName)).toEqual(before);
        }
      }
      // Of a missing key: its condition refuses it, and nothing is created.
      const before = await snapshot(doc, fx.tableName);
      expect(await refusal(fx.mod.Writes['User']!.update({ email: 'nobody@example.com' }, { name: 'Nobody' }))).toMatchObject({
        name: 'ConditionalCheckFailedException',
      });
      expect(await refusal(fx.mod.Writes['Account']!.update({ accountId: 'missing' }, { balance: 1, version: 1 }))).toMatchObject({
        name: 'ConditionalCheckFailedException',
      });
      expect(await snapshot(doc, fx.tableName)).toEqual(before);
    });
  });

  it('with `current`, returns the conditional writes that, sent, move the record as update.E does; refused once the record changed', async () => {
    await withTable(fx, client, async () => {
      const mirror = new Mirror(fx.model);
      for (const [entity, record] of [
        ['User', ann],
        ['User', bob],
        ['Order', order],
        ['Ticket', ticket],
      ] as const) {
        await fx.mod.create[entity]!(doc, record);
        mirror.set(entity, record);
      }
      // Order to bob's partition, newer, without its coupon: delete, put, the guard repointed.
      const moved = fx.mod.Writes['Order']!.update(
        { orderId: 'o1' },
        { userEmail: 'bob@example.com', createdAt: '2024-04-01T00:00:00.000Z', coupon: null },
        order,
      );
      expect(Object.keys(moved)).toEqual(['TransactWrite']);
      await send(moved);
      const { coupon: _dropped, ...rest } = order;
      const orderAfter = { ...rest, userEmail: 'bob@example.com', createdAt: '2024-04-01T00:00:00.000Z' };
      mirror.set('Order', orderAfter);
      await expectConsistent(mirror);
      // The same writes again: made from a record that is not stored any more, refused, nothing changes.
      let before = await snapshot(doc, fx.tableName);
      expect(await refusal(moved)).toMatchObject({ name: 'TransactionCanceledException' });
      expect(await snapshot(doc, fx.tableName)).toEqual(before);

      // A handle given up and another taken: the guards follow.
      const rehandled = fx.mod.Writes['User']!.update({ email: 'ann@example.com' }, { handle: 'annie' }, ann);
      await send(rehandled);
      mirror.set('User', { ...ann, handle: 'annie' });
      await expectConsistent(mirror);

      // A versioned record moved to another queue: revision + 1, as update.Ticket resolves it.
      const requeued = fx.mod.Writes['Ticket']!.update({ ticketId: 't1' }, { queue: 'hardware', revision: 4 }, ticket);
      await send(requeued);
      mirror.set('Ticket', { ...ticket, queue: 'hardware', revision: 5 });
      await expectConsistent(mirror);
      before = await snapshot(doc, fx.tableName);
      expect(await refusal(requeued)).toMatchObject({ name: 'TransactionCanceledException' });
      expect(await snapshot(doc, fx.tableName)).toEqual(before);
    });
  });
});

describe('Writes.E.remove', () => {
  it('deletes the record and its guards when sent (with `current` where there are guards), and only then', async () => {
    await withTable(fx, client, async () => {
      const mirror = new Mirror(fx.model);
      for (const [entity, record] of [
        ['User', ann],
        ['Order', order],
        ['Account', account],
      ] as const) {
        await fx.mod.create[entity]!(doc, record);
        mirror.set(entity, record);
      }
      expect(() => fx.mod.Writes['Order']!.remove({ orderId: 'o1' })).toThrow(TypeError);
      expect(() => fx.mod.Writes['User']!.remove({ email: 'ann@example.com' })).toThrow(TypeError);
      const plain = fx.mod.Writes['Account']!.remove({ accountId: 'acc1' });
      expect(Object.keys(plain)).toEqual(['Delete']);
      await send(plain);
      mirror.delete('Account', { accountId: 'acc1' });
      await send(fx.mod.Writes['Order']!.remove({ orderId: 'o1' }, order));
      mirror.delete('Order', { orderId: 'o1' });
      await send(fx.mod.Writes['User']!.remove({ email: 'ann@example.com' }, ann));
      mirror.delete('User', { email: 'ann@example.com' });
      await expectConsistent(mirror);
      expect(await snapshot(doc, fx.tableName)).toEqual([]);
    });
  });
});

describe('the write helpers’ types', () => {
  /** A caller of every write helper, compiled with the module. */
  const CALLER = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { create, put, remove, update, Writes, WriteError, RecordExistsError, StaleVersionError, UniqueConflictError } from './writes';
import type { Account, Order, OrderChanges, OrderKey, User, WriteRequest } from './writes';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** A builder's request sent with lib-dynamodb's own commands. */
export async function send(request: WriteRequest): Promise<void> {
  if ('Put' in request) await doc.send(new PutCommand(request.Put));
  else if ('Update' in request) await doc.send(new UpdateCommand(request.Update));
  else if ('Delete' in request) await doc.send(new DeleteCommand(request.Delete));
  else await doc.send(new TransactWriteCommand(request.TransactWrite));
}

export async function writes(): Promise<string> {
  try {
    const order: Order = { orderId: 'o1', userEmail: 'ann@example.com', status: 'open', createdAt: '2024-01-01T00:00:00.000Z', total: 1 };
    await create.Order(doc, order);
    await put.User(doc, { email: 'ann@example.com', name: 'Ann', handle: 'ann' });
    const key: OrderKey = { orderId: 'o1' };
    const changes: OrderChanges = { status: 'shipped', coupon: null };
    const moved: Order = await update.Order(doc, key, changes);
    const user: User = await update.User(doc, { email: 'ann@example.com' }, { handle: null });
    const account: Account = await update.Account(doc, { accountId: 'a1' }, { balance: 2, version: 1 });
    await remove.Account(doc, { accountId: 'a1' }, { version: account.version });
    await remove.Order(doc, key);
    await send(Writes.Order.create(moved));
    await send(Writes.Account.update({ accountId: 'a1' }, { owner: 'bob', version: 2 }));
    await send(Writes.Order.update(key, { createdAt: '2024-02-01T00:00:00.000Z' }, moved));
    await send(Writes.User.remove({ email: user.email }, user));
    // @ts-expect-error: changes cannot name a key attribute (orderId is Order's key)
    await update.Order(doc, key, { orderId: 'o2' });
    // @ts-expect-error: nor beside other changes, nor in the pure builder
    Writes.Order.update(key, { orderId: 'o2', status: 'open' });
    // @ts-expect-error: the changes of a versioned entity state the version they expect
    await update.Account(doc, { accountId: 'a1' }, { balance: 3 });
    // @ts-expect-error: only an optional attribute takes null
    await update.Order(doc, key, { total: null });
    // @ts-expect-error: status takes its enumeration's values only
    await update.Order(doc, key, { status: 'lost' });
    // @ts-expect-error: a key holds the key attributes only
    await remove.Order(doc, { orderId: 'o1', userEmail: 'ann@example.com' });
    return 'ok';
  } catch (error) {
    if (error instanceof RecordExistsError || error instanceof UniqueConflictError || error instanceof StaleVersionError) return error.code;
    if (error instanceof WriteError) return error.entity + ': ' + error.code;
    throw error;
  }
}
`;

  it('type-checks under tsc --strict with a caller of every helper, where changes cannot name a key attribute', () => {
    const caller = path.join(fx.dir, 'caller.ts');
    fs.writeFileSync(caller, CALLER);
    // Without the directive, the key attribute in changes is the one error (so the directive above expects that error, not another).
    const wrong = path.join(fx.dir, 'wrong.ts');
    fs.writeFileSync(
      wrong,
      [
        "import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { update, Writes } from './writes';",
        "export const a = (doc: DynamoDBDocumentClient) => update.Order(doc, { orderId: 'o1' }, { orderId: 'o2' });",
        "export const b = Writes.Order.update({ orderId: 'o1' }, { orderId: 'o2', status: 'open' });",
        '',
      ].join('\n'),
    );
    expect(typeCheckModules([fx.file, caller])).toEqual([]);
    const problems = typeCheckModules([fx.file, wrong]);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/^wrong\.ts:[34]: .*'orderId' does not exist in type 'OrderChanges'/s);
  }, 120_000);
});
