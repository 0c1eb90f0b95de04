// Test helper: a store with the inline analyzer and a clock the test moves, a way
// to wait until every phase of the analysis of the current source has been applied,
// and one to see the generated code (made only while the Code view is shown).
import type { ReadonlySourceMap, SourceMap } from '../engine/index.ts';
import type { Analyzer } from './analyzer.ts';
import { createAppStore, type AppStore } from './createAppStore.ts';

export interface TestStore {
  store: AppStore;
  clock: { now: number };
  settled: () => Promise<void>;
  /** Shows the Code view and waits for the code of the current design. */
  codeShown: () => Promise<string>;
}

/** Waits (polling, at most 5 s) until `check` holds. */
export function until(check: () => boolean, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${what} never happened`)), 5_000);
    const poll = () => {
      if (check()) {
        clearTimeout(deadline);
        resolve();
      } else setTimeout(poll, 5);
    };
    setTimeout(poll, 0);
  });
}

export function createTestStore(options: { analyzer?: Analyzer } = {}): TestStore {
  const clock = { now: 1_000_000 };
  const store = createAppStore({ now: () => clock.now, ...options });
  const settled = () =>
    until(() => {
      const { analyzing, sampling, linting } = store.getState();
      return !analyzing && !sampling && !linting;
    }, 'the analysis settling');
  const codeShown = async () => {
    store.getState().setActivePanel('code');
    await until(() => store.getState().codeDesign !== undefined && store.getState().codeDesign === store.getState().design, 'the code');
    return store.getState().code;
  };
  return { store, clock, settled, codeShown };
}

/** A phase with its source map as a Map, to compare with one made in process (on the page it is read as it crossed). */
export function plain<T extends { sourceMap: ReadonlySourceMap }>(phase: T | undefined): (T & { sourceMap: SourceMap }) | undefined {
  return phase === undefined ? undefined : { ...phase, sourceMap: new Map(phase.sourceMap) };
}
