// What the items grid shows: which index, and which entity's items.
import type { StateCreator } from 'zustand';
import type { AppState, ItemsViewSlice } from './types.ts';

export const createItemsViewSlice: StateCreator<AppState, [], [], ItemsViewSlice> = (set) => ({
  gridIndex: 'table',
  entityFilter: undefined,
  setGridIndex: (index) => set({ gridIndex: index }),
  setEntityFilter: (entity) => set({ entityFilter: entity }),
});
