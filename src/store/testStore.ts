// Test helper: a store with the inline analyzer and a clock the test moves, and
// a way to wait until the analysis of the current source has been applied.
import { createAppStore, type AppStore } from './createAppStore.ts';

export interface TestStore {
  store: AppStore;
  clock: { now: number };
  settled: () => Promise<void>;
}

export function createTestStore(): TestStore {
  const clock = { now: 1_000_000 };
  const store = createAppStore({ now: () => clock.now });
  const settled = () =>
    new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('the analysis never settled')), 5_000);
      const check = () => {
        if (!store.getState().analyzing) {
          clearTimeout(deadline);
          resolve();
        } else setTimeout(check, 5);
      };
      setTimeout(check, 0);
    });
  return { store, clock, settled };
}
