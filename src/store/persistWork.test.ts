import { describe, expect, it, vi } from 'vitest';
import { MAX_SAMPLE_SCALE } from './analysisSlice.ts';
import { designLayout, type Design } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { layoutDocument } from './layoutDocument.ts';
import { autosave, MAX_SAVED_PARAM_CHARS, readSavedWork, restoreWork, savedWorkJson, savedWorkOf, STORAGE_KEY } from './persistWork.ts';
import { createTestStore } from './testStore.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('autosaved work', () => {
  it('keeps the text form problem JSON came from, so its comments survive a reload', () => {
    const { store } = createTestStore();
    store.getState().openSource({ text: 'model "M" # named\nentity A key id\n  id: string\n', format: 'text' });
    store.getState().setFormat('json');
    const saved = readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify(savedWorkOf(store.getState())) }));
    expect(saved?.source).toEqual(store.getState().source);
    expect(saved?.source.textForm).toContain('# named');
  });

  it('restores the source, sample scale, selected pattern, edited parameters and grid index', () => {
    const { store } = createTestStore();
    store.setState({
      source: { text: '{"name":"x"}', format: 'json' },
      sampleScale: 3,
      selectedPattern: 'getUser',
      params: { getUser: { email: 'a@b.c' }, other: { id: 'sample' } },
      editedParams: ['getUser'],
      gridIndex: 'GSI1',
    });
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify(savedWorkOf(store.getState())) });
    const saved = readSavedWork(storage);
    expect(saved).toMatchObject({
      source: { text: '{"name":"x"}', format: 'json' },
      sampleScale: 3,
      selectedPattern: 'getUser',
      params: { getUser: { email: 'a@b.c' } },
      gridIndex: 'GSI1',
    });
    const next = createTestStore().store;
    restoreWork(next, saved!);
    expect(next.getState().source.format).toBe('json');
    expect(next.getState().editedParams).toEqual(['getUser']);
    expect(next.getState().canUndo).toBe(false);
  });

  it('ignores damaged saved work instead of half-restoring it', () => {
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: '{"source":' }))).toBeUndefined();
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: '{"source":{"text":1}}' }))).toBeUndefined();
    expect(readSavedWork(memoryStorage())).toBeUndefined();
  });

  it('restores each setting only as a value the app itself could have set, else its default', () => {
    const read = (work: Record<string, unknown>) =>
      readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, ...work }) }));
    for (const sampleScale of [1e9, MAX_SAMPLE_SCALE + 1, 0, -1, 0.01, '2', null, [2]]) {
      expect(read({ sampleScale })?.sampleScale, JSON.stringify(sampleScale)).toBe(1);
    }
    for (const sampleScale of [0.1, 0.25, 2, MAX_SAMPLE_SCALE]) expect(read({ sampleScale })?.sampleScale).toBe(sampleScale);
    // A value JSON cannot hold (Infinity, NaN) is written as null.
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: '{"source":{"text":"","format":"text"},"sampleScale":1e999}' }))?.sampleScale).toBe(1);

    expect(read({ selectedPattern: 'getUser', gridIndex: 'GSI1', entityFilter: 'User' })).toMatchObject({
      selectedPattern: 'getUser',
      gridIndex: 'GSI1',
      entityFilter: 'User',
    });
    expect(read({ selectedPattern: 'x'.repeat(10) + ' <b>', gridIndex: 42, entityFilter: '' })).toMatchObject({
      selectedPattern: undefined,
      gridIndex: 'table',
      entityFilter: undefined,
    });
    expect(read({ theme: 'neon', activePanel: 'secrets' })).toMatchObject({ theme: 'system', activePanel: 'design' });
    // The splitter's place: a whole percentage within the splitter's range, else the default.
    expect(read({ editorShare: 55 })?.editorShare).toBe(55);
    expect(read({ editorShare: 55.4 })?.editorShare).toBe(55);
    expect(read({ editorShare: 5 })?.editorShare).toBe(20);
    expect(read({ editorShare: 500 })?.editorShare).toBe(70);
    for (const editorShare of ['55', null, [55], undefined]) expect(read({ editorShare })?.editorShare).toBe(40);
  });

  it("restores a pattern's parameters only when every one is a value its input accepts", () => {
    const params = {
      ok: { email: 'a@b.c', total: 12.5, active: true, createdAt: ['2024-01-01', '2024-12-31'] },
      hugeNumber: { total: 1e300 },
      tinyNumber: { total: 1e-200 },
      longText: { email: 'x'.repeat(MAX_SAVED_PARAM_CHARS + 1) },
      badName: { 'not a name': 'x' },
      'bad pattern': { email: 'x' },
      nested: { email: { deep: 'x' } },
      longPair: { createdAt: ['a', 'b', 'c'] },
    };
    const saved = readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, params }) }));
    expect(saved?.params).toEqual({ ok: params.ok });
    const edge = { email: 'x'.repeat(MAX_SAVED_PARAM_CHARS), total: Number.MAX_SAFE_INTEGER };
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, params: { edge } }) }))?.params).toEqual({
      edge,
    });
  });

  it('keeps a parameter set named __proto__ as data', () => {
    const raw = '{"source":{"text":"","format":"text"},"params":{"__proto__":{"id":"x"}}}';
    const saved = readSavedWork(memoryStorage({ [STORAGE_KEY]: raw }));
    expect(Object.hasOwn(saved!.params, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(saved!.params)).toBe(Object.prototype);
  });

  it('writes the work after a change, and says once when the storage refuses', async () => {
    const { store } = createTestStore();
    const storage = memoryStorage();
    const stop = autosave(store, storage, () => undefined);
    store.getState().setSource('model "A"');
    stop();
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toMatchObject({ source: { text: 'model "A"' } });

    const errors: unknown[] = [];
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    };
    const stop2 = autosave(store, full, (e) => errors.push(e));
    store.getState().setSource('model "B"');
    stop2();
    store.getState().setSource('model "C"');
    expect(errors).toHaveLength(1);
  });

  describe("the design's kept layout", () => {
    const indexOf = (design: Design | undefined, pattern: string) => design?.patterns.find((p) => p.pattern === pattern)?.steps.map((s) => s.index);
    /** The e-commerce work with a pattern added at the top: its layout keeps getOrdersByStatus on GSI2 (afresh it would be GSI3). */
    async function keptWork() {
      const { store, settled } = createTestStore();
      const text = exampleText(DEFAULT_EXAMPLE);
      store.getState().openSource({ text, format: 'text' });
      await settled();
      store.getState().setSource(text.replace('getUserByEmail:', 'getOrdersByTotal: Order by total\ngetUserByEmail:'));
      await settled();
      expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
      return store;
    }

    it('is saved with the work and restored, so the reloaded design has the same GSI names', async () => {
      const store = await keptWork();
      const storage = memoryStorage();
      const stop = autosave(store, storage, () => undefined);
      store.getState().deriveAfresh();
      await vi.waitFor(() => expect(store.getState().design?.changes).toBeUndefined());
      stop();
      const fresh = store.getState().keptLayout;
      expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
      // The kept layout changed without the source: that alone is saved.
      expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toMatchObject({ design: { format: 'tablewright-design/1' } });
      expect(readSavedWork(storage)?.layout).toEqual(fresh);

      const kept = await keptWork();
      storage.setItem(STORAGE_KEY, savedWorkJson(savedWorkOf(kept.getState())));
      const saved = readSavedWork(storage);
      expect(saved?.layout).toEqual(kept.getState().keptLayout);
      const next = createTestStore();
      restoreWork(next.store, saved!);
      await next.settled();
      expect(indexOf(next.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
      expect(indexOf(next.store.getState().design, 'getOrdersByTotal')).toEqual(['GSI3']);
      expect(next.store.getState().design?.changes).toEqual([]);
      expect(next.store.getState().keptLayout).toEqual(kept.getState().keptLayout);
    });

    it('is dropped whole when damaged (derived afresh), and the rest of the work is restored', async () => {
      const store = await keptWork();
      const layout = store.getState().keptLayout!;
      const good = layoutDocument(layout);
      const work = JSON.parse(savedWorkJson(savedWorkOf(store.getState()))) as Record<string, unknown>;
      const read = (design: unknown) => readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...work, design }) }));
      expect(read(good)?.layout).toEqual(layout);
      const entities = good['entities'] as Record<string, unknown>[];
      const damaged: unknown[] = [
        'GSI1',
        [good],
        null,
        { ...good, format: 'tablewright-design/2' },
        { ...good, indexes: undefined },
        { ...good, indexes: [] },
        { ...good, entityAttribute: 7 },
        { ...good, tableName: 'a b' },
        { ...good, extra: true },
        { ...good, indexes: [...(good['indexes'] as unknown[]), { name: 'GSI1', kind: 'gsi', pkAttribute: 'X', skAttribute: 'Y', projection: 'ALL' }] },
        { ...good, entities: [{ ...entities[0], label: 'US#ER' }, ...entities.slice(1)] },
        {
          ...good,
          entities: [
            {
              ...entities[0],
              keys: { ...(entities[0]?.['keys'] as object), GSI9: { pk: [{ kind: 'literal', text: 'X' }], sk: [{ kind: 'literal', text: 'X' }] } },
            },
          ],
        },
        { ...good, entities: [{ ...entities[0], keys: {} }] },
      ];
      for (const design of damaged) {
        const saved = read(design);
        expect(saved?.layout, JSON.stringify(design)?.slice(0, 80)).toBeUndefined();
        expect(saved?.source).toEqual(store.getState().source);
      }
      // An older save has no layout: derived afresh, as before.
      expect(read(undefined)?.layout).toBeUndefined();
      const next = createTestStore();
      restoreWork(next.store, read({ ...good, extra: true })!);
      await next.settled();
      expect(indexOf(next.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
      expect(next.store.getState().design?.changes).toBeUndefined();
    });

    it('holds names and keys only', async () => {
      const store = await keptWork();
      const json = savedWorkJson(savedWorkOf(store.getState()));
      expect(JSON.parse(json)).toMatchObject({ design: layoutDocument(designLayout(store.getState().design!)) });
      expect(json).not.toMatch(/secret|accessKey|endpoint|credential/i);
    });
  });

  describe('the key mode', () => {
    const text = exampleText(DEFAULT_EXAMPLE);
    const gsiKeys = (design: Design | undefined) => design?.indexes.filter((i) => i.kind === 'gsi').map((i) => `${i.name} ${i.keys ?? 'composite'}`);

    it('is saved with the work and restored: the reloaded design keeps its native GSIs and their names', async () => {
      const { store, settled } = createTestStore();
      store.getState().openSource({ text, format: 'text' });
      await settled();
      const storage = memoryStorage();
      const stop = autosave(store, storage, () => undefined);
      store.getState().setKeysMode('native');
      await settled();
      store.getState().setSource(text.replace('getUserByEmail:', 'getOrdersByTotal: Order by total\ngetUserByEmail:'));
      await settled();
      await vi.waitFor(() =>
        expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toMatchObject({ keysMode: 'native', source: { text: store.getState().source.text } }),
      );
      stop();
      const kept = store.getState();
      expect(gsiKeys(kept.design)).toContain('GSI4 native');
      expect(kept.design?.changes?.length).toBeGreaterThan(0);

      const saved = readSavedWork(storage);
      expect(saved).toMatchObject({ keysMode: 'native', layout: kept.keptLayout });
      const next = createTestStore();
      restoreWork(next.store, saved!);
      await next.settled();
      const restored = next.store.getState();
      expect(restored.keysMode).toBe('native');
      expect(gsiKeys(restored.design)).toEqual(gsiKeys(kept.design));
      expect(restored.design?.changes).toEqual([]);
      expect(restored.keptLayout).toEqual(kept.keptLayout);
    });

    it('restores only a mode the app has, else composite, and drops a native layout a composite design could not have', async () => {
      const { store, settled } = createTestStore();
      store.getState().openSource({ text, format: 'text' });
      await settled();
      const composite = store.getState().keptLayout!;
      store.getState().setKeysMode('native');
      await settled();
      const native = store.getState().keptLayout!;
      expect(native.indexes.some((i) => i.keys === 'native')).toBe(true);
      const read = (work: Record<string, unknown>) =>
        readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text, format: 'text' }, ...work }) }));

      expect(read({ keysMode: 'native', design: layoutDocument(native) })).toMatchObject({ keysMode: 'native', layout: native });
      // An older save has no mode: composite, its layout kept.
      expect(read({ design: layoutDocument(composite) })).toMatchObject({ keysMode: 'composite', layout: composite });
      // A native derivation may keep composite GSIs where no native key fits.
      expect(read({ keysMode: 'native', design: layoutDocument(composite) })).toMatchObject({ keysMode: 'native', layout: composite });
      for (const keysMode of ['Native', 'both', '', 1, null, true, {}, ['native']]) {
        const saved = read({ keysMode, design: layoutDocument(native) });
        expect(saved?.keysMode, JSON.stringify(keysMode)).toBe('composite');
        expect(saved?.layout, JSON.stringify(keysMode)).toBeUndefined();
        expect(saved?.source.text).toBe(text);
      }
      const next = createTestStore();
      restoreWork(next.store, read({ keysMode: 'Native', design: layoutDocument(native) })!);
      await next.settled();
      expect(next.store.getState().keysMode).toBe('composite');
      expect(next.store.getState().design?.indexes.every((i) => i.keys !== 'native')).toBe(true);
    });
  });

  describe('the deployed design', () => {
    async function pinnedWork() {
      const { store, settled } = createTestStore();
      store.getState().openSource({ text: exampleText(DEFAULT_EXAMPLE), format: 'text' });
      await settled();
      store.getState().markDeployed();
      return store;
    }

    it('is saved as a design.json document beside the work and restored pinned', async () => {
      const store = await pinnedWork();
      const deployed = store.getState().deployed!;
      const storage = memoryStorage();
      const stop = autosave(store, storage, () => undefined);
      store.getState().unpinDeployed();
      store.getState().markDeployed(deployed);
      await vi.waitFor(() => expect(storage.data.get(STORAGE_KEY)).toBeDefined());
      stop();
      expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toMatchObject({ deployed: layoutDocument(deployed) });
      const saved = readSavedWork(storage);
      expect(saved?.deployed).toEqual(deployed);
      expect(saved?.deployedDropped).toBeUndefined();
      const next = createTestStore();
      restoreWork(next.store, saved!);
      await next.settled();
      expect(next.store.getState().deployed).toEqual(deployed);
      expect(next.store.getState().workStart.deployed).toEqual(deployed);
      expect(next.store.getState().notice).toBeUndefined();
      // A save without one (every save made before) restores nothing pinned.
      expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' } }) }))?.deployed).toBeUndefined();
    });

    it('is dropped whole when damaged, the rest of the work restored and the user told', async () => {
      const store = await pinnedWork();
      const work = JSON.parse(savedWorkJson(savedWorkOf(store.getState()))) as Record<string, unknown>;
      const good = work['deployed'] as Record<string, unknown>;
      for (const deployed of ['GSI1', null, [good], { ...good, extra: true }, { ...good, indexes: [] }, { ...good, format: 'tablewright-design/9' }]) {
        const saved = readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...work, deployed }) }));
        expect(saved?.deployed, JSON.stringify(deployed)?.slice(0, 60)).toBeUndefined();
        expect(saved?.deployedDropped).toBe(true);
        expect(saved?.source).toEqual(store.getState().source);
        expect(saved?.layout).toEqual(store.getState().keptLayout);
      }
      const next = createTestStore();
      restoreWork(next.store, readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...work, deployed: { ...good, extra: true } }) }))!);
      expect(next.store.getState().deployed).toBeUndefined();
      expect(next.store.getState().notice).toEqual(expect.objectContaining({ kind: 'error', title: expect.stringContaining('nothing is pinned now') }));
    });
  });
});
