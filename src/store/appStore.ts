// The app's store instance and the hook panels read it through (always with a
// selector from selectors.ts). The analysis, the cost report and the Changes view's figures run in Web Workers.
import { useStore } from 'zustand';
import { createAppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';
import { createWorkerAnalyzer } from './workerAnalyzer.ts';
import { createWorkerChangesComputer } from './workerChangesComputer.ts';
import { createWorkerCostEstimator } from './workerCostEstimator.ts';

export const appStore = createAppStore({
  analyzer: createWorkerAnalyzer(),
  costEstimator: createWorkerCostEstimator(),
  changesComputer: createWorkerChangesComputer(),
});

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
