import { describe, expect, it } from 'vitest';
import { LOBBY_TEXT, exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { applyWrite, type WriteCall } from './applyWrite.ts';
import { designTable, withGuardItems } from './guardItems.ts';
import { indexChanges } from './indexChanges.ts';

async function written(design: Design, call: (items: Item[]) => WriteCall) {
  const items: Item[] = [];
  for (const [entity, records] of generateSampleRecords(design.model, { seed: 'tablewright' })) for (const r of records) items.push(toItem(design, entity, r));
  const table = designTable(design, withGuardItems(design, items).items);
  const result = await applyWrite({ design, table, write: call(items) });
  expect(result.outcome.ok).toBe(true);
  return { items, changes: indexChanges(design, result.changes) };
}

const kinds = (changes: ReturnType<typeof indexChanges>) => Object.fromEntries(changes.map((c) => [c.index, c.entries.map((e) => e.change)]));

describe('indexChanges', () => {
  const ecommerce = deriveDesign(exampleModel('ecommerce'));

  it("an update of status changes the order's item in place and moves its GSI2 entry to the new status's partition", async () => {
    const { changes } = await written(ecommerce, (items) => {
      const order = items.find((i) => i._type === 'Order' && i.status !== 'paid') as Item;
      return { operation: 'update', entity: 'Order', key: { orderId: order.orderId as string }, changes: { status: 'paid' } };
    });
    expect(kinds(changes)).toEqual({ table: ['changed'], GSI1: ['changed'], GSI2: ['moved'] });
    const gsi2 = changes.find((c) => c.index === 'GSI2')?.entries[0];
    expect(gsi2?.after?.GSI2PK).toBe('ORDER#paid');
    expect(gsi2?.before?.GSI2PK).not.toBe('ORDER#paid');
    expect(gsi2?.attributes).toEqual(['GSI2PK', 'status']);
  });

  it('pairs the deleted and the put item of a record moved in the table: moved there, changed where its key stays', async () => {
    const { changes } = await written(ecommerce, (items) => {
      const order = items.find((i) => i._type === 'Order') as Item;
      return { operation: 'update', entity: 'Order', key: { orderId: order.orderId as string }, changes: { createdAt: '2031-05-06T07:08:09.000Z' } };
    });
    expect(kinds(changes)).toEqual({ table: ['moved'], GSI1: ['changed'], GSI2: ['moved'] });
    expect(changes[0]?.entries[0]?.attributes).toEqual(['GSI2SK', 'SK', 'createdAt']);
  });

  it('a create adds an entry to every index the record has keys in, a remove takes them away', async () => {
    const created = await written(ecommerce, () => ({
      operation: 'create',
      entity: 'User',
      record: { email: 'new@example.com', userId: 'u-new', name: 'New', plan: 'free', createdAt: '2030-01-01T00:00:00.000Z' },
    }));
    expect(kinds(created.changes)).toEqual({ table: ['added'], GSI1: ['added'], GSI2: ['added'] });
    const removed = await written(ecommerce, (items) => ({
      operation: 'remove',
      entity: 'Product',
      key: { productId: (items.find((i) => i._type === 'Product') as Item).productId as string },
    }));
    expect(kinds(removed.changes)).toEqual({ table: ['removed'], GSI1: ['removed'] });
  });

  it('removing an optional attribute takes the record out of the sparse GSI keyed on it', async () => {
    const lobby = deriveDesign(modelFromText(LOBBY_TEXT));
    const sparse = lobby.indexes.find((ix) => lobby.entities[0]?.keys[ix.name]?.pk.some((s) => s.kind === 'attribute' && s.name === 'mode'))?.name;
    const { changes } = await written(lobby, (items) => ({
      operation: 'update',
      entity: 'Game',
      key: { gameId: (items.find((i) => i.mode !== undefined) as Item).gameId as string },
      changes: { mode: null },
    }));
    expect(changes.find((c) => c.index === sparse)?.entries.map((e) => e.change)).toEqual(['removed']);
    expect(changes.find((c) => c.index === 'table')?.entries.map((e) => e.change)).toEqual(['changed']);
  });
});
