// App-wide UI state that is not the model: the current notice, the theme choice, the panel shown
// and the splitter's place.
import type { StateCreator } from 'zustand';
import { DEFAULT_EDITOR_SHARE, clampEditorShare, type AppState, type UiSlice } from './types.ts';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notice: undefined,
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: undefined }),
  theme: 'system',
  setTheme: (theme) => set({ theme }),
  activePanel: 'design',
  setActivePanel: (activePanel) => set({ activePanel }),
  editorShare: DEFAULT_EDITOR_SHARE,
  setEditorShare: (share) => set({ editorShare: clampEditorShare(share) }),
});
