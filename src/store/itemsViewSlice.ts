// What the items grid shows: which index, which entity's items, and whether only the last write's changes.
import type { StateCreator } from 'zustand';
import type { AppState, ItemsViewSlice } from './types.ts';

export const createItemsViewSlice: StateCreator<AppState, [], [], ItemsViewSlice> = (set) => ({
  gridIndex: 'table',
  entityFilter: undefined,
  setGridIndex: (index) => set({ gridIndex: index }),
  setEntityFilter: (entity) => set({ entityFilter: entity }),
  onlyWriteChanges: false,
  setOnlyWriteChanges: (only) => set({ onlyWriteChanges: only }),
});
