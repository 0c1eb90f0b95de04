// The workload a design is priced and linted at: each pattern's calls per second and each
// entity's writes per second (FORMAT.md `rate`, `writes`), or the defaults where the model is
// silent, said to be defaults wherever they are shown. The one owner of those defaults.
import type { Entity, Pattern, Rate } from '../model/types.ts';

/** A rate per second with its peak filled in, and whether the model gave it or the default did. */
export interface WorkloadRate {
  avg: number;
  peak: number;
  /** True when the model gives no rate and this is the default. */
  isDefault: boolean;
}

/** Calls per second of a pattern the model gives no `rate`: a light, steady load with bursts of ten. */
export const DEFAULT_PATTERN_RATE: Readonly<Required<Rate>> = { avg: 1, peak: 10 };
/** Writes per second of an entity the model gives no `writes`. */
export const DEFAULT_ENTITY_WRITES: Readonly<Required<Rate>> = { avg: 1, peak: 10 };

function workloadRate(rate: Rate | undefined, fallback: Readonly<Required<Rate>>): WorkloadRate {
  if (rate === undefined) return { ...fallback, isDefault: true };
  // FORMAT.md: the peak is the average when not given.
  return { avg: rate.avg, peak: rate.peak ?? rate.avg, isDefault: false };
}

/** A pattern's calls per second. */
export function patternRate(pattern: Pattern): WorkloadRate {
  return workloadRate(pattern.rate, DEFAULT_PATTERN_RATE);
}

/** An entity's writes per second (creates, updates and removes together). */
export function entityWrites(entity: Entity): WorkloadRate {
  return workloadRate(entity.writes, DEFAULT_ENTITY_WRITES);
}
