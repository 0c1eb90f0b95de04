import { describe, expect, it } from 'vitest';
import { designIdentity, designJson, designLayout } from '../engine/index.ts';
import { TABLE_KEY_CHANGE } from '../testing/evolveModels.ts';
import { analyzeSource } from './analyzeSource.ts';
import { layoutDocument } from './layoutDocument.ts';
import { createTestStore } from './testStore.ts';

const SHOP = [
  'model "Shop"',
  '',
  'entity User key email count 5',
  '  email: string',
  '  plan: "free" | "premium"',
  '  createdAt: datetime',
  '',
  'getUser: User by email returns one',
  'getByPlan: User by plan',
  '',
].join('\n');

describe('the deployed design', () => {
  it('is derived against once pinned: its GSIs stay, a new pattern gets its own, and unpinning derives as before', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: SHOP, format: 'text' });
    await settled();
    expect(store.getState().markDeployed()).toBe(true);
    const deployed = store.getState().deployed;
    expect(deployed && designIdentity(deployed)).toBe(designIdentity(designLayout(store.getState().design!)));
    expect(store.getState().notice).toEqual(
      expect.objectContaining({ kind: 'info', title: expect.stringContaining('pinned as the deployed design of table Shop') }),
    );

    // Without the pattern that read GSI1, the deployed GSI1 stays (unused: a warning), where a fresh derivation drops it.
    store.getState().setSource(SHOP.replace('getByPlan: User by plan\n', ''));
    await settled();
    const design = store.getState().design!;
    expect(design.indexes.map((i) => i.name)).toEqual(['table', 'GSI1']);
    expect(store.getState().diagnostics).toContainEqual(expect.objectContaining({ code: 'evolve.unusedIndex', severity: 'warning' }));

    store.getState().unpinDeployed();
    await settled();
    expect(store.getState().deployed).toBeUndefined();
    expect(store.getState().diagnostics.some((d) => d.code.startsWith('evolve.'))).toBe(false);
  });

  it('shows what the live table cannot take as an evolve error at its place in the source', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: TABLE_KEY_CHANGE.before, format: 'text' });
    await settled();
    store.getState().markDeployed();
    store.getState().setSource(TABLE_KEY_CHANGE.after);
    await settled();
    const error = store.getState().diagnostics.find((d) => d.code === 'evolve.tableKeyChanged');
    expect(error).toEqual(expect.objectContaining({ severity: 'error', span: expect.objectContaining({ line: 2 }) }));
  });

  it('carries the deployed design in the analysis request: deriveDesign with { previous: deployed, deployed: true }', () => {
    const before = analyzeSource({ text: TABLE_KEY_CHANGE.before, format: 'text', scale: 1 }).derived!.design;
    const request = { text: TABLE_KEY_CHANGE.after, format: 'text' as const, scale: 1 };
    expect(analyzeSource(request).diagnostics.some((d) => d.code === 'evolve.tableKeyChanged')).toBe(false);
    // A kept layout alone (not deployed) follows the change; the deployed one refuses it.
    expect(analyzeSource({ ...request, previous: designLayout(before) }).diagnostics.some((d) => d.code === 'evolve.tableKeyChanged')).toBe(false);
    expect(
      analyzeSource({ ...request, previous: designLayout(before), deployed: designLayout(before) }).diagnostics.some(
        (d) => d.code === 'evolve.tableKeyChanged',
      ),
    ).toBe(true);
    expect(analyzeSource({ ...request, deployed: designLayout(before) }).diagnostics.some((d) => d.code === 'evolve.tableKeyChanged')).toBe(true);
  });

  it('refuses to mark a design while the model has errors, and says so', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: SHOP, format: 'text' });
    await settled();
    store.getState().setSource(`${SHOP}getBad: User by plann\n`);
    await settled();
    expect(store.getState().markDeployed()).toBe(false);
    expect(store.getState().deployed).toBeUndefined();
    expect(store.getState().notice).toEqual(expect.objectContaining({ kind: 'error', title: expect.stringContaining('the model has errors') }));
  });

  it('loads a design.json, and refuses a damaged one with its located errors, leaving the pin as it was', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: SHOP, format: 'text' });
    await settled();
    const file = designJson(store.getState().design!);
    expect(store.getState().loadDeployed(file, 'shop.design.json')).toBe(true);
    const pinned = store.getState().deployed;
    expect(JSON.stringify(layoutDocument(pinned!))).toBe(JSON.stringify(layoutDocument(designLayout(store.getState().design!))));

    const damaged = file.replace('"pkAttribute": "PK"', '"pkAttribute": 7');
    expect(damaged).not.toBe(file);
    expect(store.getState().loadDeployed(damaged, 'bad.design.json')).toBe(false);
    expect(store.getState().deployed).toBe(pinned);
    const notice = store.getState().notice!;
    expect(notice.kind).toBe('error');
    expect(notice.title).toContain('bad.design.json is not a design Tablewright can pin (1 error)');
    expect(notice.details).toEqual([expect.stringMatching(/^line \d+, col \d+: /)]);
    expect(store.getState().loadDeployed('{ "format": ', 'cut.design.json')).toBe(false);
    expect(store.getState().notice?.details[0]).toMatch(/^line 1, col \d+: /);
  });

  it('belongs to the work: another work opens unpinned, and undo brings back the work with its pin', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: SHOP, format: 'text' });
    await settled();
    store.getState().markDeployed();
    const pinned = store.getState().deployed;
    store.getState().openSource({ text: TABLE_KEY_CHANGE.before, format: 'text' });
    await settled();
    expect(store.getState().deployed).toBeUndefined();
    store.getState().undo();
    await settled();
    expect(store.getState().deployed).toBe(pinned);
    // Opening a work that brings a deployed design pins it.
    store.getState().openSource({ text: SHOP, format: 'text' }, undefined, undefined, pinned);
    expect(store.getState().deployed).toBe(pinned);
  });
});
