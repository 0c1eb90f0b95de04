// App-wide UI state that is not the model: the current notice, the theme choice and the panel shown.
import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from './types.ts';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notice: undefined,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: undefined }),
  theme: 'system',
  setTheme: (theme) => set({ theme }),
  activePanel: 'design',
  setActivePanel: (activePanel) => set({ activePanel }),
});
