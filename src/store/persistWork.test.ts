import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_SCALE } from './analysisSlice.ts';
import { autosave, MAX_SAVED_PARAM_CHARS, readSavedWork, restoreWork, savedWorkOf, STORAGE_KEY } from './persistWork.ts';
import { createTestStore } from './testStore.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('autosaved work', () => {
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
    const read = (work: Record<string, unknown>) => readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, ...work }) }));
    for (const sampleScale of [1e9, MAX_SAMPLE_SCALE + 1, 0, -1, 0.01, '2', null, [2]]) {
      expect(read({ sampleScale })?.sampleScale, JSON.stringify(sampleScale)).toBe(1);
    }
    for (const sampleScale of [0.1, 0.25, 2, MAX_SAMPLE_SCALE]) expect(read({ sampleScale })?.sampleScale).toBe(sampleScale);
    // A value JSON cannot hold (Infinity, NaN) is written as null.
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: '{"source":{"text":"","format":"text"},"sampleScale":1e999}' }))?.sampleScale).toBe(1);

    expect(read({ selectedPattern: 'getUser', gridIndex: 'GSI1', entityFilter: 'User' })).toMatchObject({ selectedPattern: 'getUser', gridIndex: 'GSI1', entityFilter: 'User' });
    expect(read({ selectedPattern: 'x'.repeat(10) + ' <b>', gridIndex: 42, entityFilter: '' })).toMatchObject({ selectedPattern: undefined, gridIndex: 'table', entityFilter: undefined });
    expect(read({ theme: 'neon', activePanel: 'secrets' })).toMatchObject({ theme: 'system', activePanel: 'design' });
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
    expect(readSavedWork(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, params: { edge } }) }))?.params).toEqual({ edge });
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
    const full = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    const stop2 = autosave(store, full, (e) => errors.push(e));
    store.getState().setSource('model "B"');
    stop2();
    store.getState().setSource('model "C"');
    expect(errors).toHaveLength(1);
  });
});
