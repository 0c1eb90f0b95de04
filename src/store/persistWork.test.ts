import { describe, expect, it } from 'vitest';
import { autosave, readSavedWork, restoreWork, savedWorkOf, STORAGE_KEY } from './persistWork.ts';
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
