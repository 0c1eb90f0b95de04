// The Writes view's state: the form per entity, and the sample table the writes
// change. A write runs on an in-memory table (the sample items with the guard
// items their creates would have written) through the write runtime; the
// records' items it leaves are what the items grid and the patterns read until
// "Reset sample data", or until a new analysis brings new sample items (then the
// writes are dropped, and the view says so).
import type { StateCreator } from 'zustand';
import { applyWrite, designTable, indexChanges, isGuardKey, withGuardItems, type Design, type Item, type MemoryTable } from '../engine/index.ts';
import { patternResults } from './patternResults.ts';
import type { AppState, WritesSlice } from './types.ts';

/** The items the grid and the patterns read: the written ones once a write changed the sample table. */
export const sampleItemsOf = (state: AppState): Item[] => state.writtenItems ?? state.items;

const CLEARED = { writeTable: undefined, writtenItems: undefined, lastWrite: undefined } as const;

export const createWritesSlice: StateCreator<AppState, [], [], WritesSlice> = (set, get, api) => {
  // The memory table that holds `writeTable` now (rebuilt only when that changed some other way).
  let cache: { design: Design; items: Item[]; table: MemoryTable } | undefined;

  const results = (state: AppState, items: Item[]) => {
    const pattern = state.selectedPattern;
    return patternResults({ design: state.design, items, pattern, params: pattern === undefined ? undefined : state.params[pattern] });
  };

  api.subscribe((state, previous) => {
    if (state.items === previous.items) return;
    cache = undefined;
    if (state.writeTable !== undefined || state.lastWrite !== undefined) api.setState({ ...CLEARED, writesDropped: true });
  });

  return {
    writeEntity: undefined,
    writeDrafts: {},
    setWriteEntity: (entity) => set({ writeEntity: entity }),
    setWriteDraft: (entity, draft) => set({ writeDrafts: { ...get().writeDrafts, [entity]: draft } }),
    ...CLEARED,
    writing: false,
    writesDropped: false,

    runWrite: async (call) => {
      const state = get();
      const design = state.design;
      if (state.writing || design === undefined) return;
      const base = state.writeTable ?? withGuardItems(design, state.items).items;
      const table = cache !== undefined && cache.design === design && cache.items === base ? cache.table : designTable(design, base);
      set({ writing: true });
      const result = await applyWrite({ design, table, write: call });
      const now = get();
      if (now.design !== design) {
        // A new analysis replaced the sample items meanwhile: this write was on the old ones.
        set({ writing: false });
        return;
      }
      const changed = result.changes.length > 0;
      const items = changed ? (table.items() as Item[]) : base;
      cache = { design, items, table };
      const lastWrite = { call, ...result, indexes: indexChanges(design, result.changes) };
      if (!changed && now.writeTable === undefined) {
        set({ writing: false, lastWrite, writesDropped: false });
        return;
      }
      const pk = table.tableKey.pk;
      const writtenItems = changed ? items.filter((item) => !isGuardKey(item[pk])) : (now.writtenItems ?? now.items);
      set({ writing: false, writeTable: items, writtenItems, lastWrite, writesDropped: false, ...results(now, writtenItems) });
    },

    resetSampleData: () => {
      const state = get();
      cache = undefined;
      set({ ...CLEARED, writesDropped: false, ...results(state, state.items) });
    },
  };
};
