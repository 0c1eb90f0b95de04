// How many sample records a model gets at a scale, within a budget: the app and the CLI never
// generate more than MAX_SAMPLE_RECORDS records in all, whatever the counts say (`count 100000000`
// from a link or a typo must not stall the page). Over the budget every entity is scaled down by
// the same factor (at least one record where it asked for any, so children keep their parents).
import type { Model } from '../model/types.ts';
import { sampleCount } from './generateSampleRecords.ts';

/** The most sample records generated in all (about 3 s of generation in a browser). */
export const MAX_SAMPLE_RECORDS = 100_000;

export interface SampleBudget {
  /** Records the counts and the scale ask for, in all. */
  requested: number;
  /** Records that will be generated, in all (at most the budget; an entity whose key space is smaller may get fewer). */
  records: number;
  /** True when the budget cut the counts down. */
  capped: boolean;
  /** Entity → records, when capped: generateSampleRecords' `counts`. */
  counts?: Record<string, number>;
}

export function sampleBudget(model: Model, { scale = 1, maxRecords = MAX_SAMPLE_RECORDS }: { scale?: number; maxRecords?: number } = {}): SampleBudget {
  const wanted = model.entities.map((entity) => [entity.name, sampleCount(entity, { seed: 0, scale })] as const);
  const requested = wanted.reduce((sum, [, n]) => sum + n, 0);
  if (requested <= maxRecords) return { requested, records: requested, capped: false };
  const factor = maxRecords / requested;
  // fromEntries defines own properties: an entity named __proto__ stays data.
  const counts = Object.fromEntries(wanted.map(([name, n]) => [name, n === 0 ? 0 : Math.max(1, Math.floor(n * factor))]));
  const records = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { requested, records, capped: true, counts };
}
