import { describe, expect, it } from 'vitest';
import { designLayout, type Design } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { readShareHash, shareHash } from './shareLink.ts';
import { createTestStore } from './testStore.ts';

const MODEL = [
  'model "Shop"',
  '',
  'entity User key email count 5',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'getUser: User by email returns one',
  '',
].join('\n');

describe('the analysis slice', () => {
  it('derives the design, sample items and code of the source', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(false);
    expect(state.design?.indexes.map((i) => i.name)).toEqual(['table']);
    expect(state.items).toHaveLength(5);
    expect(state.items.every((item) => String(item['PK']).startsWith('USER#'))).toBe(true);
    expect(state.code).toContain('getUser');
  });

  it('keeps the last good design and marks it stale while the source has errors', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    const good = store.getState().design;
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plann\n', format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(true);
    expect(state.design).toBe(good);
    expect(state.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'model.unknownAttribute', span: expect.objectContaining({ line: 8 }) }),
    ]);
  });

  it('adds a GSI when a new pattern needs one, and selects the first pattern with sample parameters', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.design?.indexes.map((i) => i.name)).toEqual(['table', 'GSI1']);
    expect(state.selectedPattern).toBe('getUser');
    expect(state.resultItems).toHaveLength(1);
    expect(state.requestError).toBeUndefined();
  });

  it('reports a parameter value of the wrong type as a request error, not a crash', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    store.getState().setParams('getUser', { email: 42 });
    expect(store.getState().requestError).toMatch(/email/);
    expect(store.getState().resultItems).toEqual([]);
  });

  it('locates design warnings on the pattern line they are about', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await settled();
    const warning = store.getState().diagnostics.find((d) => d.code === 'keys.hotPartition');
    expect(warning?.span?.line).toBe(8);
  });

  it('regenerates the sample items when the scale changes', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    store.getState().setSampleScale(2);
    await settled();
    expect(store.getState().items).toHaveLength(10);
  });
});

describe('the analysis keeps the last design', () => {
  const ecommerce = exampleText(DEFAULT_EXAMPLE);
  /** The model with `line` as its first access pattern. */
  const withFirstPattern = (text: string, line: string) => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => /^\w+:/.test(l));
    return [...lines.slice(0, first), line, ...lines.slice(first)].join('\n');
  };
  const indexOf = (design: Design | undefined, pattern: string) => design?.patterns.find((p) => p.pattern === pattern)?.steps.map((s) => s.index);
  const gsis = (design: Design | undefined) => design?.indexes.map((i) => i.name);

  async function addedAtTheTop() {
    const test = createTestStore();
    test.store.getState().openSource({ text: ecommerce, format: 'text' });
    await test.settled();
    const opened = test.store.getState().design;
    test.store.getState().setSource(withFirstPattern(ecommerce, 'getOrdersByTotal: Order by total'));
    await test.settled();
    return { ...test, opened };
  }

  it('opens a work afresh, then keeps its GSI names when a pattern is added at the top of the model text', async () => {
    const { store, opened } = await addedAtTheTop();
    expect(opened?.changes).toBeUndefined();
    expect(gsis(opened)).toEqual(['table', 'GSI1', 'GSI2']);
    expect(indexOf(opened, 'getOrdersByStatus')).toEqual(['GSI2']);

    const { design, keptLayout } = store.getState();
    expect(gsis(design)).toEqual(['table', 'GSI1', 'GSI2', 'GSI3']);
    // Derived afresh, the new pattern would take GSI2 and move getOrdersByStatus to GSI3.
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI3']);
    expect(design?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'added', index: 'GSI3', reason: expect.stringContaining('getOrdersByTotal') })]),
    );
    expect(design?.changes?.every((c) => c.kind === 'added')).toBe(true);
    expect(design && keptLayout).toEqual(design && designLayout(design));
    expect(design?.tableName).toBe('ECommerce');
  });

  it('lists no changes once nothing moves, and keeps the layout through a change of form', async () => {
    const { store, settled, clock } = await addedAtTheTop();
    clock.now += 5_000;
    store.getState().setSource(store.getState().source.text + '# a comment\n');
    await settled();
    expect(store.getState().design?.changes).toEqual([]);
    store.getState().setFormat('json');
    await settled();
    expect(store.getState().source.format).toBe('json');
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(store.getState().design?.changes).toEqual([]);
  });

  it('derives afresh on demand: fewest GSIs, renumbered, with no changes listed', async () => {
    const { store, settled } = await addedAtTheTop();
    store.getState().deriveAfresh();
    expect(store.getState().analyzing).toBe(true);
    await settled();
    const { design, keptLayout } = store.getState();
    expect(design?.changes).toBeUndefined();
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI3']);
    expect(design && keptLayout).toEqual(design && designLayout(design));
    // The next edit keeps the fresh design.
    store.getState().setSource(store.getState().source.text + '# a comment\n');
    await settled();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
    expect(store.getState().design?.changes).toEqual([]);
  });

  it('starts another work afresh, and undo goes back to the layout the first work had', async () => {
    const { store, settled } = await addedAtTheTop();
    const kept = store.getState().keptLayout;
    store.getState().openSource({ text: withFirstPattern(ecommerce, 'getOrdersByTotal: Order by total').replace('E-commerce', 'Shop'), format: 'text' });
    await settled();
    expect(store.getState().design?.changes).toBeUndefined();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);

    store.getState().undo();
    await settled();
    expect(store.getState().keptLayout).toEqual(kept);
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(store.getState().design?.changes).toEqual([]);
    store.getState().redo();
    await settled();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
  });

  it('opens a work with the layout it brings (a share link), keeping its GSI names', async () => {
    const { store } = await addedAtTheTop();
    const source = store.getState().source;
    const link = readShareHash(shareHash(source, store.getState().keptLayout));
    if (link.kind !== 'ok') throw new Error('the link did not open');

    const other = createTestStore();
    other.store.getState().openSource({ text: 'model "Elsewhere"\n', format: 'text' });
    await other.settled();
    other.store.getState().openSource(link.source, link.layout);
    await other.settled();
    const { design } = other.store.getState();
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI3']);
    expect(design?.changes).toEqual([]);
    // The same text with another layout is another work too; undo brings back the one before.
    other.store.getState().deriveAfresh();
    await other.settled();
    other.store.getState().openSource(link.source, link.layout);
    await other.settled();
    expect(indexOf(other.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    other.store.getState().undo();
    await other.settled();
    expect(indexOf(other.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
  });
});

describe('the key mode', () => {
  const ecommerce = exampleText(DEFAULT_EXAMPLE);
  const gsiKeys = (design: Design | undefined) => design?.indexes.filter((i) => i.kind === 'gsi').map((i) => i.keys ?? 'composite');
  const byStatus = (design: Design | undefined) => design?.patterns.find((p) => p.pattern === 'getOrdersByStatus')?.steps.map((s) => `${s.index}: ${s.keyConditionText}`);

  async function opened() {
    const test = createTestStore();
    test.store.getState().openSource({ text: ecommerce, format: 'text' });
    await test.settled();
    return test;
  }

  it('is composite by default, and native keys the GSIs on the items\' own attributes', async () => {
    const { store, settled } = await opened();
    expect(store.getState().keysMode).toBe('composite');
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(byStatus(store.getState().design)).toEqual(['GSI2: GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)']);

    store.getState().setKeysMode('native');
    expect(store.getState()).toMatchObject({ keysMode: 'native', analyzing: true, keptLayout: undefined });
    await settled();
    const { design, keptLayout, items } = store.getState();
    expect(gsiKeys(design)).toContain('native');
    expect(byStatus(design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);
    // Derived afresh in the new mode, and the next analysis keeps that layout.
    expect(design?.changes).toBeUndefined();
    expect(keptLayout).toEqual(design && designLayout(design));
    // The items have no composite keys for a native GSI: its keys are their own attributes.
    expect(items.some((item) => 'GSI4PK' in item)).toBe(false);
    store.getState().setSource(ecommerce + '# a comment\n');
    await settled();
    expect(store.getState().design?.changes).toEqual([]);
    expect(byStatus(store.getState().design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);

    store.getState().setKeysMode('composite');
    await settled();
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(byStatus(store.getState().design)).toEqual(['GSI2: GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)']);
    expect(store.getState().design?.changes).toBeUndefined();
  });

  it('switching derives afresh: a kept composite layout is not kept in native mode', async () => {
    const { store, settled } = await opened();
    store.getState().setSource(ecommerce.replace('getUserByEmail:', 'getOrdersByTotal: Order by total\ngetUserByEmail:'));
    await settled();
    expect(store.getState().design?.changes?.length).toBeGreaterThan(0);
    store.getState().setKeysMode('native');
    await settled();
    expect(store.getState().design?.changes).toBeUndefined();
    expect(gsiKeys(store.getState().design)).toContain('native');
    // Setting the mode it has changes nothing.
    const design = store.getState().design;
    store.getState().setKeysMode('native');
    expect(store.getState().analyzing).toBe(false);
    expect(store.getState().design).toBe(design);
  });

  it('never keeps a native layout in composite mode', async () => {
    const { store, settled } = await opened();
    store.getState().setKeysMode('native');
    await settled();
    const native = store.getState().keptLayout;
    store.getState().setKeysMode('composite');
    await settled();
    store.setState({ keptLayout: native });
    store.getState().setSource(ecommerce + '# a comment\n');
    await settled();
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(store.getState().design?.changes).toBeUndefined();
  });

  it('opens a work in the mode it brings (a share link), and undo goes back to the mode the work before had', async () => {
    const { store, settled } = await opened();
    store.getState().setKeysMode('native');
    await settled();
    const link = readShareHash(shareHash(store.getState().source, store.getState().keptLayout, store.getState().keysMode));
    if (link.kind !== 'ok') throw new Error('the link did not open');
    expect(link.keys).toBe('native');

    const other = createTestStore();
    other.store.getState().openSource({ text: 'model "Elsewhere"\n', format: 'text' });
    await other.settled();
    other.store.getState().openSource(link.source, link.layout, link.keys);
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(byStatus(other.store.getState().design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);
    expect(other.store.getState().design?.changes).toEqual([]);
    other.store.getState().undo();
    await other.settled();
    expect(other.store.getState().keysMode).toBe('composite');
    other.store.getState().redo();
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(other.store.getState().design?.changes).toEqual([]);

    // The same source in another mode is another work; an example opens in the current mode.
    other.store.getState().openSource(link.source, undefined, 'composite');
    await other.settled();
    expect(gsiKeys(other.store.getState().design)).toEqual(['composite', 'composite']);
    other.store.getState().setKeysMode('native');
    await other.settled();
    other.store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(gsiKeys(other.store.getState().design)).toEqual(['native']);
  });
});
