// The cost report of the current design at the user's prices. While the Cost panel is shown, a
// change of the design (a new analysis), the prices or the target utilisation computes it again in
// the estimator (a worker in the app), a moment after the last change; only a result for what the
// store holds now is applied (a superseded one is dropped). The last report stays while a newer one
// is computed (`costing`) and when one fails (`costError`).
import type { StateCreator, StoreApi } from 'zustand';
import { DEFAULT_PRICES, DEFAULT_TARGET_UTILIZATION, priceTableProblems, type PriceTable } from '../engine/index.ts';
import type { CostEstimator, CostRequest } from './costEstimator.ts';
import type { AppState, CostSlice } from './types.ts';

/** Quiet time after a change (a price typed, mostly) before the report is computed. */
export const COST_DEBOUNCE_MS = 150;

/** A target utilisation the cost model takes: above 0 and at most 1. */
export function isTargetUtilization(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1;
}

/** The longest region or date text kept (a price table's labels, not data). */
export const MAX_PRICE_LABEL_CHARS = 100;

/** What is wrong with a price table the user edited: priceTableProblems, and its labels. */
export function pricesProblems(prices: PriceTable): string[] {
  const problems = priceTableProblems(prices);
  for (const field of ['region', 'date', 'source'] as const) {
    const value: unknown = prices[field];
    if (typeof value !== 'string' || value.length > MAX_PRICE_LABEL_CHARS)
      problems.push(`${field} must be text of at most ${MAX_PRICE_LABEL_CHARS} characters`);
  }
  return problems;
}

export interface CostSliceOptions {
  estimator: CostEstimator;
}

export function createCostSlice({ estimator }: CostSliceOptions): StateCreator<AppState, [], [], CostSlice> {
  return (set, _get, api) => {
    watchCostInputs(api, estimator);
    return {
      prices: { ...DEFAULT_PRICES },
      targetUtilization: DEFAULT_TARGET_UTILIZATION,
      setPrices: (prices) => {
        const problems = pricesProblems(prices);
        if (problems.length === 0) set({ prices: { ...prices } });
        return problems;
      },
      resetPrices: () => set({ prices: { ...DEFAULT_PRICES } }),
      setTargetUtilization: (utilization) => {
        if (isTargetUtilization(utilization)) set({ targetUtilization: utilization });
      },
      costReport: undefined,
      costError: undefined,
      costing: false,
    };
  };
}

const sameInputs = (state: AppState, request: CostRequest | undefined): boolean =>
  request !== undefined && state.design === request.design && state.prices === request.prices && state.targetUtilization === request.targetUtilization;

function watchCostInputs(api: StoreApi<AppState>, estimator: CostEstimator): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The inputs of the report shown (or of the failure said), and of the computation on its way.
  let done: CostRequest | undefined;
  let scheduled: CostRequest | undefined;

  const run = async () => {
    timer = undefined;
    const { design, prices, targetUtilization } = api.getState();
    if (design === undefined) return;
    const request: CostRequest = { design, prices, targetUtilization };
    scheduled = request;
    const result = await estimator.estimate(request);
    // Superseded: what the report depends on changed meanwhile; the newer run applies.
    if (!sameInputs(api.getState(), request)) return;
    done = request;
    api.setState(result.ok ? { costReport: result.report, costError: undefined, costing: false } : { costError: result.error, costing: false });
  };

  api.subscribe((state) => {
    if (state.activePanel !== 'cost' || state.design === undefined || sameInputs(state, scheduled)) return;
    if (sameInputs(state, done)) {
      // Back to what the report shows (a change undone before its report arrived).
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      scheduled = done;
      if (state.costing) api.setState({ costing: false });
      return;
    }
    scheduled = { design: state.design, prices: state.prices, targetUtilization: state.targetUtilization };
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), COST_DEBOUNCE_MS);
    if (!state.costing) api.setState({ costing: true });
  });
}
