// Builds the one app store from its slices. The app uses the instance in
// appStore.ts; tests build their own with an inline analyzer and a fake clock.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnalysisSlice } from './analysisSlice.ts';
import { createInlineAnalyzer, type Analyzer } from './analyzer.ts';
import { inlineCostEstimator, type CostEstimator } from './costEstimator.ts';
import { createCostSlice } from './costSlice.ts';
import { createDeploySlice } from './deploySlice.ts';
import { createChangesSlice } from './changesSlice.ts';
import { inlineChangesComputer, type ChangesComputer } from './changesComputer.ts';
import { createItemsViewSlice } from './itemsViewSlice.ts';
import { createPatternsSlice } from './patternsSlice.ts';
import { createSourceSlice } from './sourceSlice.ts';
import type { AppState } from './types.ts';
import { createUiSlice } from './uiSlice.ts';
import { createWritesSlice } from './writesSlice.ts';

export interface AppStoreOptions {
  analyzer?: Analyzer;
  costEstimator?: CostEstimator;
  changesComputer?: ChangesComputer;
  now?: () => number;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore({
  analyzer = createInlineAnalyzer(),
  costEstimator = inlineCostEstimator,
  changesComputer = inlineChangesComputer,
  now = Date.now,
}: AppStoreOptions = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSourceSlice({ now })(...a),
    ...createAnalysisSlice({ analyzer })(...a),
    ...createPatternsSlice(...a),
    ...createWritesSlice(...a),
    ...createItemsViewSlice(...a),
    ...createUiSlice(...a),
    ...createCostSlice({ estimator: costEstimator })(...a),
    ...createDeploySlice()(...a),
    ...createChangesSlice({ computer: changesComputer })(...a),
  }));
}
