import { describe, expect, it } from 'vitest';
import { exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { applyWrite } from './applyWrite.ts';
import { designTable, withGuardItems } from './guardItems.ts';

function sampleTable(design: Design) {
  const items: Item[] = [];
  for (const [entity, records] of generateSampleRecords(design.model, { seed: 'tablewright' })) for (const r of records) items.push(toItem(design, entity, r));
  const table = withGuardItems(design, items);
  return { items, table: designTable(design, table.items), withGuards: table };
}

const ecommerce = deriveDesign(exampleModel('ecommerce'));
const product = { productId: 'p-new', name: 'Lamp', category: 'home', price: 20, views: 7 };

describe('applyWrite', () => {
  it('creates a record, then an update of an attribute in its GSI key replaces the item and moves its GSI1 keys', async () => {
    const { table } = sampleTable(ecommerce);
    const created = await applyWrite({ design: ecommerce, table, write: { operation: 'create', entity: 'Product', record: product } });
    expect(created.outcome).toEqual({ ok: true, record: product });
    expect(created.requests).toEqual([
      {
        request: {
          Put: {
            TableName: 'ECommerce',
            Item: { ...product, PK: 'PRODUCT#p-new', SK: 'PRODUCT', GSI1PK: 'PRODUCT#home', GSI1SK: 'PRODUCT#P400.7#p-new', _type: 'Product' },
            ConditionExpression: 'attribute_not_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'PK' },
          },
        },
        answer: { ok: true },
      },
    ]);
    expect(created.changes.map((c) => [c.kind, c.role, c.key])).toEqual([['created', 'record', { PK: 'PRODUCT#p-new', SK: 'PRODUCT' }]]);

    // views is in GSI1's sort key beside category: the update reads the record first, then puts it back whole.
    const updated = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'update', entity: 'Product', key: { productId: 'p-new' }, changes: { category: 'garden' } },
    });
    expect(updated.outcome).toEqual({ ok: true, record: { ...product, category: 'garden' } });
    expect(updated.requests.map((r) => Object.keys(r.request)[0])).toEqual(['Get', 'Put']);
    expect(updated.requests[0]).toEqual({
      request: { Get: { TableName: 'ECommerce', Key: { PK: 'PRODUCT#p-new', SK: 'PRODUCT' }, ConsistentRead: true } },
      answer: { ok: true, item: expect.objectContaining({ category: 'home' }) },
    });
    expect(updated.changes).toHaveLength(1);
    const [change] = updated.changes;
    expect(change?.kind).toBe('updated');
    if (change?.kind !== 'updated') return;
    expect([change.before.GSI1PK, change.after.GSI1PK]).toEqual(['PRODUCT#home', 'PRODUCT#garden']);
    expect([change.before.PK, change.after.PK]).toEqual(['PRODUCT#p-new', 'PRODUCT#p-new']);
  });

  it('updates without reading when the changed GSI key is made of the changes and the key alone', async () => {
    const { table, items } = sampleTable(ecommerce);
    const user = items.find((i) => i._type === 'User') as Item;
    const result = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'update', entity: 'User', key: { email: user.email as string }, changes: { userId: 'u-moved' } },
    });
    expect(result.outcome.ok).toBe(true);
    expect(result.requests).toHaveLength(1);
    const request = result.requests[0]?.request;
    expect(request && 'Update' in request ? request.Update.UpdateExpression : undefined).toBe('SET #n0 = :v0, #n1 = :v1, #n2 = :v2');
    expect(result.requests[0]?.answer).toEqual({ ok: true, item: expect.objectContaining({ userId: 'u-moved', GSI1PK: 'USER#u-moved' }) });
  });

  it("refuses a create of an existing key with RecordExistsError's name and code, changing nothing", async () => {
    const { table, items } = sampleTable(ecommerce);
    const existing = items.find((i) => i._type === 'Product') as Item;
    const result = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'create', entity: 'Product', record: { ...product, productId: existing.productId as string } },
    });
    expect(result.outcome).toEqual({ ok: false, error: { name: 'RecordExistsError', code: 'exists', message: expect.stringContaining('exists already') } });
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0]?.answer).toEqual({ ok: false, name: 'ConditionalCheckFailedException', message: 'The conditional request failed' });
    expect(result.changes).toEqual([]);
  });

  it('moves a record whose table key changes: its old item deleted, the new one put, the identity guard pointed at it', async () => {
    const { table, items } = sampleTable(ecommerce);
    const order = items.find((i) => i._type === 'Order') as Item;
    const result = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'update', entity: 'Order', key: { orderId: order.orderId as string }, changes: { createdAt: '2030-01-02T03:04:05.000Z' } },
    });
    expect(result.outcome).toEqual({ ok: true, record: expect.objectContaining({ orderId: order.orderId, createdAt: '2030-01-02T03:04:05.000Z' }) });
    // The identity guard, then the item it points at, then one transaction.
    expect(result.requests.map((r) => Object.keys(r.request)[0])).toEqual(['Get', 'Get', 'TransactWrite']);
    const transact = result.requests[2]?.request;
    expect(transact && 'TransactWrite' in transact ? transact.TransactWrite.TransactItems.map((t) => Object.keys(t)[0]) : []).toEqual(['Delete', 'Put', 'Put']);
    const byKind = (kind: string, role: string) => result.changes.filter((c) => c.kind === kind && c.role === role);
    expect(byKind('deleted', 'record').map((c) => c.key)).toEqual([{ PK: order.PK, SK: order.SK }]);
    const [put] = byKind('created', 'record');
    expect(put?.key.PK).toBe(order.PK);
    expect(put?.key.SK).toMatch(/^ORDER#2030-01-02/);
    expect(put?.kind === 'created' ? put.after.GSI2SK : undefined).toMatch(/^ORDER#2030-01-02/);
    expect(byKind('updated', 'identity')).toHaveLength(1);
    expect(result.changes).toHaveLength(3);
  });

  it('gives a call the runtime refuses before sending as invalid, with its message', async () => {
    const { table } = sampleTable(ecommerce);
    const result = await applyWrite({ design: ecommerce, table, write: { operation: 'update', entity: 'Order', key: {}, changes: { status: 'paid' } } });
    expect(result.outcome).toEqual({ ok: false, error: { name: 'TypeError', code: 'invalid', message: 'Order: the key lacks "orderId"' } });
    expect(result.requests).toEqual([]);
  });

  it('removes a record found through its identity guard with the guard, and adds to a number attribute in one request', async () => {
    const { table, items } = sampleTable(ecommerce);
    const review = items.find((i) => i._type === 'Review') as Item;
    const removed = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'remove', entity: 'Review', key: { productId: review.productId as string, userId: review.userId as string } },
    });
    expect(removed.outcome).toEqual({ ok: true });
    expect(removed.changes.map((c) => [c.kind, c.role])).toEqual(
      expect.arrayContaining([
        ['deleted', 'record'],
        ['deleted', 'identity'],
      ]),
    );

    const order = items.find((i) => i._type === 'Order') as Item;
    const added = await applyWrite({
      design: ecommerce,
      table,
      write: { operation: 'add', entity: 'Order', key: { orderId: order.orderId as string }, amounts: { total: 5 } },
    });
    expect(added.outcome).toEqual({ ok: true, record: expect.objectContaining({ total: (order.total as number) + 5 }) });
  });

  it('holds a unique guard per record, and refuses a second holder with UniqueConflictError', async () => {
    const design = deriveDesign(
      modelFromText(
        [
          'model "Accounts"',
          'entity Account key id unique handle version v',
          '  id: string',
          '  handle: string',
          '  v: number',
          'byId: Account by id',
          '',
        ].join('\n'),
      ),
    );
    const { table, withGuards } = sampleTable(design);
    const accounts = withGuards.items.filter((i) => i._type === 'Account').length;
    expect(withGuards.items.filter((i) => String(i.PK).startsWith('$unique#')).length + withGuards.skipped).toBe(accounts);
    const taken = withGuards.items.find((i) => i._type === 'Account') as Item;
    const result = await applyWrite({
      design,
      table,
      write: { operation: 'create', entity: 'Account', record: { id: 'new', handle: taken.handle as string, v: 1 } },
    });
    expect(result.outcome).toMatchObject({ ok: false, error: { name: 'UniqueConflictError', code: 'unique' } });
    expect(result.requests[0]?.answer).toMatchObject({ ok: false, name: 'TransactionCanceledException', reasons: ['None', 'ConditionalCheckFailed'] });

    const stale = await applyWrite({
      design,
      table,
      write: { operation: 'update', entity: 'Account', key: { id: taken.id as string }, changes: { v: (taken.v as number) + 1, handle: 'x' } },
    });
    expect(stale.outcome).toMatchObject({ ok: false, error: { name: 'StaleVersionError', code: 'staleVersion' } });
  });
});
