// The user's work and its undo history. Typing bursts coalesce into one step;
// opening, converting and restoring are steps of their own. Owns no derived data.
import type { StateCreator } from 'zustand';
import { formatDiagnostic } from '../engine/index.ts';
import { convertSource } from './convertSource.ts';
import type { AppState, Source, SourceSlice } from './types.ts';

/** Edits closer together than this belong to one undo step. */
export const TYPING_BURST_MS = 1000;
const MAX_HISTORY = 200;

export interface SourceSliceOptions {
  now: () => number;
}

export function createSourceSlice({ now }: SourceSliceOptions): StateCreator<AppState, [], [], SourceSlice> {
  return (set, get) => {
    /** When the last typed edit happened, while a burst is open. */
    let burstAt: number | undefined;

    const step = (next: Source, coalesce: boolean) => {
      const { source, past } = get();
      const kept = coalesce ? past : [...past, source].slice(-MAX_HISTORY);
      set({ source: next, past: kept, future: [], canUndo: kept.length > 0, canRedo: false });
    };

    return {
      source: { text: '', format: 'text' },
      past: [],
      future: [],
      canUndo: false,
      canRedo: false,

      setSource: (text, format) => {
        const { source } = get();
        const nextFormat = format ?? source.format;
        if (text === source.text && nextFormat === source.format) return;
        const at = now();
        const coalesce = burstAt !== undefined && at - burstAt < TYPING_BURST_MS && nextFormat === source.format;
        burstAt = at;
        step({ text, format: nextFormat }, coalesce);
      },

      openSource: (next) => {
        burstAt = undefined;
        const { source } = get();
        if (next.text === source.text && next.format === source.format) return;
        step({ text: next.text, format: next.format }, false);
      },

      setFormat: (format) => {
        const { source, openSource, showNotice } = get();
        if (format === source.format) return;
        const converted = convertSource(source, format);
        if (!converted.ok) {
          showNotice({
            kind: 'error',
            title: `The model has errors, so it cannot be shown as ${format === 'json' ? 'problem JSON' : 'text'} yet. Fix them first:`,
            details: converted.errors.map(formatDiagnostic),
          });
          return;
        }
        openSource(converted.source);
      },

      undo: () => {
        const { past, future, source } = get();
        const previous = past[past.length - 1];
        if (!previous) return;
        burstAt = undefined;
        const rest = past.slice(0, -1);
        set({ source: previous, past: rest, future: [source, ...future], canUndo: rest.length > 0, canRedo: true });
      },

      redo: () => {
        const { past, future, source } = get();
        const next = future[0];
        if (!next) return;
        burstAt = undefined;
        const rest = future.slice(1);
        set({ source: next, past: [...past, source], future: rest, canUndo: true, canRedo: rest.length > 0 });
      },
    };
  };
}
