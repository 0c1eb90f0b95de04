// The user's work and its undo history. Typing bursts coalesce into one step;
// opening, converting and restoring are steps of their own. Owns no derived data:
// it says which work the source belongs to (workStart), and the analysis starts
// that work's design from the layout (and key mode) it brought, or afresh, against
// the deployed design it pinned, if any.
import type { StateCreator } from 'zustand';
import { formatDiagnostic } from '../engine/index.ts';
import { convertSource } from './convertSource.ts';
import { sameDeployed } from './deploySlice.ts';
import { layoutDocument } from './layoutDocument.ts';
import { editSizeProblem, sourceSizeProblem } from './sourceLimit.ts';
import type { AppState, Source, SourceSlice, WorkStart } from './types.ts';

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

    // Which work each source of the history belongs to (one token per opened work; a source
    // not seen yet belongs to the current one), and the layout and key mode a work had when it was left.
    const workOf = new WeakMap<Source, object>();
    const whenLeft = new WeakMap<object, WorkStart>();
    const leave = () => {
      const { keptLayout, keysMode, deployed } = get();
      whenLeft.set(work, { layout: keptLayout, keys: keysMode, ...(deployed ? { deployed } : {}) });
    };
    let work: object = {};
    const belongs = (source: Source) => {
      if (!workOf.has(source)) workOf.set(source, work);
    };
    /** The state that moves into `target`'s work: a new workStart when it is another work than the current one. */
    const enterWorkOf = (target: Source): { workStart?: WorkStart } => {
      const next = workOf.get(target) ?? work;
      if (next === work) return {};
      leave();
      work = next;
      return { workStart: whenLeft.get(next) ?? { layout: undefined } };
    };

    const step = (next: Source, coalesce: boolean, extra: { workStart?: WorkStart } = {}) => {
      const { source, past } = get();
      belongs(source);
      workOf.set(next, work);
      const kept = coalesce ? past : [...past, source].slice(-MAX_HISTORY);
      set({ source: next, past: kept, future: [], canUndo: kept.length > 0, canRedo: false, ...extra });
    };

    /** One undo step of its own that stays in the current work (a converted form). */
    const replace = (next: Source) => {
      burstAt = undefined;
      const { source } = get();
      if (next.text === source.text && next.format === source.format) return;
      step({ text: next.text, format: next.format, ...(next.textForm !== undefined ? { textForm: next.textForm } : {}) }, false);
    };

    return {
      source: { text: '', format: 'text' },
      workStart: { layout: undefined },
      past: [],
      future: [],
      canUndo: false,
      canRedo: false,

      setSource: (text, format) => {
        const { source } = get();
        const nextFormat = format ?? source.format;
        if (text === source.text && nextFormat === source.format) return;
        // Past the size limit the edit is refused and the text stays as it was (the editor puts it back).
        const tooBig = editSizeProblem(text.length);
        if (tooBig !== undefined) {
          get().showNotice({ kind: 'error', title: tooBig, details: [] });
          return;
        }
        const at = now();
        const coalesce = burstAt !== undefined && at - burstAt < TYPING_BURST_MS && nextFormat === source.format;
        burstAt = at;
        // Edited JSON keeps the text form it came from, so its comments come back with the text form.
        const keep = nextFormat === 'json' && source.format === 'json' && source.textForm !== undefined ? { textForm: source.textForm } : {};
        step({ text, format: nextFormat, ...keep }, coalesce);
      },

      openSource: (next, layout, keys, deployed) => {
        // Every opening checks the size here too (its callers say which input it was, before reading it).
        const tooBig = sourceSizeProblem(next.text.length, 'The model');
        if (tooBig !== undefined) {
          get().showNotice({ kind: 'error', title: tooBig, details: [] });
          return;
        }
        burstAt = undefined;
        const { source, keptLayout, keysMode, deployed: pinned } = get();
        const sameLayout =
          layout === undefined || (keptLayout !== undefined && JSON.stringify(layoutDocument(layout)) === JSON.stringify(layoutDocument(keptLayout)));
        const sameKeys = keys === undefined || keys === keysMode;
        if (next.text === source.text && next.format === source.format && sameLayout && sameKeys && sameDeployed(deployed, pinned)) return;
        belongs(source);
        leave();
        work = {};
        step({ text: next.text, format: next.format }, false, { workStart: { layout, ...(keys ? { keys } : {}), ...(deployed ? { deployed } : {}) } });
      },

      setFormat: (format) => {
        const { source, showNotice } = get();
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
        replace(converted.source);
      },

      undo: () => {
        const { past, future, source } = get();
        const previous = past[past.length - 1];
        if (!previous) return;
        burstAt = undefined;
        belongs(source);
        const rest = past.slice(0, -1);
        set({ source: previous, past: rest, future: [source, ...future], canUndo: rest.length > 0, canRedo: true, ...enterWorkOf(previous) });
      },

      redo: () => {
        const { past, future, source } = get();
        const next = future[0];
        if (!next) return;
        burstAt = undefined;
        belongs(source);
        const rest = future.slice(1);
        set({ source: next, past: [...past, source], future: rest, canUndo: true, canRedo: rest.length > 0, ...enterWorkOf(next) });
      },
    };
  };
}
