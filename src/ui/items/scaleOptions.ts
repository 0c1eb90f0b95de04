// The choices of the sample size control: multipliers of each entity's
// `count`, each with the number of items it gives. Mirrors the engine's
// sampleCount (an entity without `count` gets 20 records); an entity whose key
// space is smaller may get fewer, so the figure is an upper bound.
import type { Model } from '../../engine/index.ts';

export const SCALES: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

/** Above this many items a scale is offered but disabled: the browser would stall generating them. */
export const MAX_ITEMS = 250_000;

const DEFAULT_RECORD_COUNT = 20;

export function expectedItemCount(model: Model, scale: number): number {
  let total = 0;
  for (const entity of model.entities) total += Math.max(0, Math.round((entity.count ?? DEFAULT_RECORD_COUNT) * scale));
  return total;
}

export interface ScaleOption {
  scale: number;
  items: number;
  disabled: boolean;
}

/** The preset scales up to `max`, plus `current` when it is not one of them, in increasing order. */
export function scaleOptions(model: Model, current: number, max = Infinity): ScaleOption[] {
  const presets = SCALES.filter((scale) => scale <= max);
  const scales = presets.includes(current) || !(current > 0) ? presets : [...presets, current].sort((a, b) => a - b);
  return scales.map((scale) => {
    const items = expectedItemCount(model, scale);
    return { scale, items, disabled: items > MAX_ITEMS && scale !== current };
  });
}

export function formatScale(scale: number): string {
  return `${scale}×`;
}
