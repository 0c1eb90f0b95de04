import { describe, expect, it } from 'vitest';
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
