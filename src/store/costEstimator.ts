// Where the cost report is computed: behind this interface, in a Web Worker in the app
// (workerCostEstimator.ts; costReport prices a design's sample writes and reads, up to a second on
// a large model) or inline in tests and where Worker is missing.
import type { CostReport, Design, PriceTable } from '../engine/index.ts';

export interface CostRequest {
  design: Design;
  prices: PriceTable;
  targetUtilization: number;
}

/** The report, or why it could not be computed (a sentence). */
export type CostResult = { ok: true; report: CostReport } | { ok: false; error: string };

export interface CostEstimator {
  estimate: (request: CostRequest) => Promise<CostResult>;
}

/** On the calling thread, after the current task; the engine's cost half is imported on first use. */
export const inlineCostEstimator: CostEstimator = {
  estimate: async (request) => {
    const { estimateCost } = await import('./estimateCost.ts');
    return estimateCost(request);
  },
};
