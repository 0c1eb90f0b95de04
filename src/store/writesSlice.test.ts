import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestStore } from './testStore.ts';

const ecommerce = readFileSync(new URL('../examples/ecommerce.problem.json', import.meta.url), 'utf8');

async function openEcommerce() {
  const test = createTestStore();
  test.store.getState().openSource({ text: ecommerce, format: 'json' });
  await test.settled();
  return test;
}

describe('the writes slice', () => {
  it('runs a write on the sample items in memory: the grid and the patterns read the written items', async () => {
    const { store } = await openEcommerce();
    const order = store.getState().items.find((i) => i._type === 'Order' && i.status !== 'paid');
    if (!order) throw new Error('no order');
    store.getState().selectPattern('getOrdersByStatus');
    store.getState().setParams('getOrdersByStatus', { status: 'paid' });
    const paidBefore = store.getState().resultItems.length;

    await store.getState().runWrite({ operation: 'update', entity: 'Order', key: { orderId: order.orderId as string }, changes: { status: 'paid' } });
    const state = store.getState();
    expect(state.lastWrite?.outcome).toEqual({ ok: true, record: expect.objectContaining({ status: 'paid' }) });
    expect(state.lastWrite?.indexes.map((c) => [c.index, c.entries[0]?.change])).toEqual([
      ['table', 'changed'],
      ['GSI1', 'changed'],
      ['GSI2', 'moved'],
    ]);
    // The items as before, one changed; no guard item among them.
    expect(state.writtenItems).toHaveLength(state.items.length);
    expect(state.writtenItems?.find((i) => i.orderId === order.orderId)?.status).toBe('paid');
    expect(state.writeTable?.some((i) => String(i.PK).startsWith('$id#'))).toBe(true);
    expect(state.items.find((i) => i.orderId === order.orderId)?.status).toBe(order.status);
    expect(state.resultItems).toHaveLength(paidBefore + 1);

    store.getState().resetSampleData();
    expect(store.getState().writtenItems).toBeUndefined();
    expect(store.getState().lastWrite).toBeUndefined();
    expect(store.getState().resultItems).toHaveLength(paidBefore);
  });

  it('keeps the sample items as they were after a refused write, and writes on from the written ones', async () => {
    const { store } = await openEcommerce();
    const product = store.getState().items.find((i) => i._type === 'Product');
    const record = { productId: product?.productId, name: 'Lamp', category: 'home', price: 2, views: 1 };
    await store.getState().runWrite({ operation: 'create', entity: 'Product', record });
    expect(store.getState().lastWrite?.outcome).toMatchObject({ ok: false, error: { name: 'RecordExistsError', code: 'exists' } });
    expect(store.getState().writtenItems).toBeUndefined();

    await store.getState().runWrite({ operation: 'create', entity: 'Product', record: { ...record, productId: 'p-new' } });
    await store.getState().runWrite({ operation: 'add', entity: 'Product', key: { productId: 'p-new' }, amounts: { views: 4 } });
    expect(store.getState().writtenItems?.find((i) => i.productId === 'p-new')?.views).toBe(5);
    expect(store.getState().writtenItems).toHaveLength(store.getState().items.length + 1);
  });

  it('drops the writes when a new analysis brings new sample items, and says so', async () => {
    const { store, settled } = await openEcommerce();
    await store
      .getState()
      .runWrite({ operation: 'remove', entity: 'Product', key: { productId: store.getState().items.find((i) => i._type === 'Product')?.productId } });
    expect(store.getState().writtenItems).toHaveLength(store.getState().items.length - 1);
    store.getState().setSampleScale(2);
    await settled();
    expect(store.getState().writtenItems).toBeUndefined();
    expect(store.getState().lastWrite).toBeUndefined();
    expect(store.getState().writesDropped).toBe(true);
  });
});
