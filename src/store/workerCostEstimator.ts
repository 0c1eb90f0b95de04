// The cost estimator the app uses: one Web Worker (bundled by Vite's `?worker`), so costing a large
// design never blocks typing; only the newest waiting request is computed.
import CostWorker from './cost.worker.ts?worker';
import { inlineCostEstimator, type CostEstimator, type CostRequest, type CostResult } from './costEstimator.ts';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

export function createWorkerCostEstimator(): CostEstimator {
  let worker: Worker;
  try {
    worker = new CostWorker();
  } catch {
    return inlineCostEstimator;
  }
  return { estimate: latestOnlyWorker<CostRequest, CostResult>(worker, inlineCostEstimator.estimate) };
}
