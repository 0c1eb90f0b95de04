// The cost estimator the app uses: one Web Worker (bundled by Vite's `?worker`), so costing a large
// design never blocks typing; only the newest waiting request is computed. It starts at the first
// request (the Cost panel shown), not beside the page's own loading.
import CostWorker from './cost.worker.ts?worker';
import { inlineCostEstimator, type CostEstimator, type CostRequest, type CostResult } from './costEstimator.ts';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

export function createWorkerCostEstimator(): CostEstimator {
  return { estimate: latestOnlyWorker<CostRequest, CostResult>(() => new CostWorker(), inlineCostEstimator.estimate) };
}
