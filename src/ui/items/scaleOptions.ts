// The choices of the sample size control: multipliers of each entity's `count`, each with
// the number of items it gives: the engine's sample budget (sampleCount per entity; an
// entity without `count` gets 20 records), capped at MAX_SAMPLE_RECORDS in all. An entity
// whose key space is smaller may get fewer, so the figure is an upper bound.
import { sampleBudget, type Model } from '../../engine/index.ts';

export const SCALES: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

export function expectedItemCount(model: Model, scale: number): number {
  return sampleBudget(model, { scale }).records;
}

export interface ScaleOption {
  scale: number;
  items: number;
  /** The counts ask for more records than the sample budget: `items` is the budget's. */
  capped: boolean;
}

/** The preset scales up to `max`, plus `current` when it is not one of them, in increasing order. */
export function scaleOptions(model: Model, current: number, max = Infinity): ScaleOption[] {
  const presets = SCALES.filter((scale) => scale <= max);
  const scales = presets.includes(current) || !(current > 0) ? presets : [...presets, current].sort((a, b) => a - b);
  return scales.map((scale) => {
    const budget = sampleBudget(model, { scale });
    return { scale, items: budget.records, capped: budget.capped };
  });
}

export function formatScale(scale: number): string {
  return `${scale}×`;
}
