// The cost report of a request, or the error that stopped it as a sentence (what the worker and the
// inline estimator both run).
import { costReport } from '../engine/index.ts';
import type { CostRequest, CostResult } from './costEstimator.ts';

export async function estimateCost({ design, prices, targetUtilization }: CostRequest): Promise<CostResult> {
  try {
    return { ok: true, report: await costReport(design, { prices, targetUtilization }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
