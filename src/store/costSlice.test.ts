import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, type CostReport } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import type { CostEstimator, CostRequest, CostResult } from './costEstimator.ts';
import { createAppStore } from './createAppStore.ts';
import { readSavedWork, restoreWork, savedWorkOf, STORAGE_KEY } from './persistWork.ts';

/** An estimator the test answers: each request waits until the test resolves it. */
function heldEstimator() {
  const calls: { request: CostRequest; resolve: (result: CostResult) => void }[] = [];
  const estimator: CostEstimator = { estimate: (request) => new Promise((resolve) => calls.push({ request, resolve })) };
  return { estimator, calls };
}

const report = (total: number) => ({ totals: { onDemand: { total } } }) as unknown as CostReport;

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function storeWithDesign(estimator: CostEstimator) {
  const store = createAppStore({ costEstimator: estimator });
  store.getState().openSource({ text: exampleText(DEFAULT_EXAMPLE), format: 'text' });
  await until(() => store.getState().design !== undefined && !store.getState().analyzing, 'the design');
  return store;
}

describe('the cost slice', () => {
  it('computes nothing until the Cost panel is shown, then the report of the design at the prices', async () => {
    const { estimator, calls } = heldEstimator();
    const store = await storeWithDesign(estimator);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toHaveLength(0);
    store.getState().setActivePanel('cost');
    expect(store.getState().costing).toBe(true);
    await until(() => calls.length === 1, 'a request');
    expect(calls[0]?.request).toEqual({ design: store.getState().design, prices: DEFAULT_PRICES, targetUtilization: 0.7 });
    calls[0]?.resolve({ ok: true, report: report(1) });
    await until(() => !store.getState().costing, 'the report');
    expect(store.getState().costReport).toEqual(report(1));
  });

  it('keeps the last report while a newer one is computed, drops a superseded one, and says an error beside the last report', async () => {
    const { estimator, calls } = heldEstimator();
    const store = await storeWithDesign(estimator);
    store.getState().setActivePanel('cost');
    await until(() => calls.length === 1, 'the first request');
    calls[0]?.resolve({ ok: true, report: report(1) });
    await until(() => !store.getState().costing, 'the first report');

    expect(store.getState().setPrices({ ...DEFAULT_PRICES, perRcuHour: 0.001 })).toEqual([]);
    await until(() => calls.length === 2, 'the second request');
    expect(store.getState().costing).toBe(true);
    store.getState().setTargetUtilization(0.5);
    await until(() => calls.length === 3, 'the third request');
    // The second arrives after the third was asked: dropped.
    calls[1]?.resolve({ ok: true, report: report(2) });
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().costReport).toEqual(report(1));
    expect(store.getState().costing).toBe(true);
    calls[2]?.resolve({ ok: false, error: 'no luck' });
    await until(() => !store.getState().costing, 'the third answer');
    expect(store.getState()).toMatchObject({ costReport: report(1), costError: 'no luck' });
  });

  it('refuses a price table with problems, and a utilisation outside (0, 1]', async () => {
    const { estimator } = heldEstimator();
    const store = createAppStore({ costEstimator: estimator });
    expect(store.getState().setPrices({ ...DEFAULT_PRICES, perGbMonth: -1 })).toEqual(['perGbMonth (storage, per GB-month) must be a number of 0 or more']);
    expect(store.getState().setPrices({ ...DEFAULT_PRICES, region: 'x'.repeat(101) })).toHaveLength(1);
    expect(store.getState().prices).toEqual(DEFAULT_PRICES);
    for (const u of [0, -0.1, 1.5, Number.NaN]) store.getState().setTargetUtilization(u);
    expect(store.getState().targetUtilization).toBe(0.7);
    store.getState().setTargetUtilization(1);
    expect(store.getState().targetUtilization).toBe(1);
  });

  it('is computed by the engine inline by default', async () => {
    const store = createAppStore();
    store.getState().openSource({ text: exampleText(DEFAULT_EXAMPLE), format: 'text' });
    store.getState().setActivePanel('cost');
    await until(() => store.getState().costReport !== undefined, 'the report');
    const { costReport } = store.getState();
    expect(costReport?.patterns.map((p) => p.pattern)).toEqual(store.getState().model?.patterns.map((p) => p.name));
    expect(costReport?.cheaper).toMatch(/^(on-demand|provisioned)$/);
  });
});

describe('the prices and utilisation saved with the work', () => {
  const storageOf = (data: Record<string, string>) => ({ getItem: (k: string) => data[k] ?? null, setItem: (k: string, v: string) => void (data[k] = v) });

  it('are restored as set', () => {
    const store = createAppStore({ costEstimator: heldEstimator().estimator });
    store.getState().setPrices({ ...DEFAULT_PRICES, region: 'eu-west-1', perMillionReadRequestUnits: 0.1415 });
    store.getState().setTargetUtilization(0.5);
    const saved = readSavedWork(storageOf({ [STORAGE_KEY]: JSON.stringify(savedWorkOf(store.getState())) }));
    const next = createAppStore({ costEstimator: heldEstimator().estimator });
    restoreWork(next, saved!);
    expect(next.getState().prices).toEqual({ ...DEFAULT_PRICES, region: 'eu-west-1', perMillionReadRequestUnits: 0.1415 });
    expect(next.getState().targetUtilization).toBe(0.5);
  });

  it('are the list prices and 70% when what was saved is not a table the panel could have set', () => {
    const read = (work: Record<string, unknown>) =>
      readSavedWork(storageOf({ [STORAGE_KEY]: JSON.stringify({ source: { text: '', format: 'text' }, ...work }) }));
    for (const prices of [
      null,
      'cheap',
      { ...DEFAULT_PRICES, perWcuHour: -1 },
      { ...DEFAULT_PRICES, hoursPerMonth: 0 },
      { ...DEFAULT_PRICES, region: 7 },
      { perRcuHour: 1 },
    ]) {
      expect(read({ prices })?.prices, JSON.stringify(prices)).toEqual(DEFAULT_PRICES);
    }
    expect(read({ prices: { ...DEFAULT_PRICES, extra: 'x', perGbMonth: 0.3 } })?.prices).toEqual({ ...DEFAULT_PRICES, perGbMonth: 0.3 });
    for (const targetUtilization of [0, 2, '0.5', null]) expect(read({ targetUtilization })?.targetUtilization).toBe(0.7);
    expect(read({ targetUtilization: 0.9 })?.targetUtilization).toBe(0.9);
  });
});
