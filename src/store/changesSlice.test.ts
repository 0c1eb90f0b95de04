import { describe, expect, it, vi } from 'vitest';
import { EXAMPLES, exampleText } from '../examples/examples.ts';
import { TABLE_KEY_CHANGE } from '../testing/evolveModels.ts';
import { changesCurrent } from './changesSlice.ts';
import { createTestStore } from './testStore.ts';

const ecommerce = exampleText(EXAMPLES.find((e) => e.id === 'ecommerce')!);

describe('the Changes view’s figures', () => {
  async function pinned() {
    const test = createTestStore();
    test.store.getState().openSource({ text: ecommerce, format: 'text' });
    await test.settled();
    test.store.getState().markDeployed();
    await test.settled();
    return test;
  }

  it('are computed only while a design is pinned and the Changes view or the Run panel is shown', async () => {
    const { store, settled } = await pinned();
    await settled();
    expect(store.getState().changes).toBeUndefined();
    store.getState().setActivePanel('changes');
    await vi.waitFor(() => expect(changesCurrent(store.getState())).toBe(true));
    const { plan, diff } = store.getState().changes!;
    // The design pinned is the current one: nothing to migrate but the verify.
    expect(plan.from).toBe(plan.to);
    expect(plan.steps.map((s) => s.kind)).toEqual(['verify']);
    expect(diff.patterns.every((p) => p.status === 'unchanged')).toBe(true);
    store.getState().unpinDeployed();
    await settled();
    expect(store.getState().changes).toBeUndefined();
  });

  it('follow an edit: a new pattern brings its template on existing items, its request, the cost and the plan in order', async () => {
    const { store, settled } = await pinned();
    store.getState().setActivePanel('changes');
    store.getState().setSource(`${store.getState().source.text}\ngetProductsByPrice: Product by category order by price desc\n`);
    await settled();
    await vi.waitFor(() => expect(changesCurrent(store.getState()) && store.getState().changes?.diff.patterns.some((p) => p.status === 'added')).toBe(true));
    const { plan, diff, from, design } = store.getState().changes!;
    expect(design).toBe(store.getState().design);
    expect(from.indexes.map((i) => i.name)).toEqual(store.getState().deployed!.indexes.map((i) => i.name));
    // GSI2 had no Product template: the new pattern gets one there, no new GSI.
    expect(diff.indexes.added).toEqual([]);
    expect(diff.entities).toEqual([
      {
        entity: 'Product',
        status: 'changed',
        templates: [
          { index: 'GSI2', kind: 'added', after: 'GSI2PK = PRODUCT#{category}, GSI2SK = PRODUCT#{price}#{productId}', attributes: ['GSI2PK', 'GSI2SK'] },
        ],
      },
    ]);
    expect(diff.patterns.find((p) => p.pattern === 'getProductsByPrice')).toEqual(
      expect.objectContaining({
        status: 'added',
        notServedBefore: true,
        after: [expect.objectContaining({ operation: 'Query', index: 'GSI2', order: 'desc' })],
      }),
    );
    expect(diff.migration.entities).toEqual([expect.objectContaining({ entity: 'Product', items: 60, seconds: 60 / 100 })]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['backfill', 'verify']);
    expect(plan.impossible).toEqual([]);

    // The rate times the backfill again; a rate the backfill cannot take is ignored.
    store.getState().setMigrationRate(10);
    await vi.waitFor(() => expect(store.getState().changes?.diff.migration.seconds).toBe(6));
    store.getState().setMigrationRate(-1);
    expect(store.getState().migrationRate).toBe(10);
  });

  it('list what the live table cannot take, which is also an error in the model', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: TABLE_KEY_CHANGE.before, format: 'text' });
    await settled();
    store.getState().markDeployed();
    store.getState().setActivePanel('run');
    store.getState().setSource(TABLE_KEY_CHANGE.after);
    await settled();
    await vi.waitFor(() => expect(changesCurrent(store.getState()) && store.getState().changes!.plan.impossible.length > 0).toBe(true));
    expect(store.getState().changes!.diff.impossible).toEqual([expect.objectContaining({ code: 'evolve.tableKeyChanged', severity: 'error' })]);
    expect(store.getState().diagnostics).toContainEqual(expect.objectContaining({ code: 'evolve.tableKeyChanged', span: expect.anything() }));
  });
});
