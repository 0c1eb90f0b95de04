// The sample items an evolution is priced on: seeded records of the new design's
// model (at the sizes its `itemBytes` declare, as the cost report pads them) and
// each entity's count of stored records (its declared `count`, else the samples'
// default), so a migration's items and write units read like the cost report's.
import { assumedItems } from '../cost/assumedItems.ts';
import type { Design } from '../design/types.ts';
import type { Entity, RecordValue } from '../model/types.ts';
import { DEFAULT_RECORD_COUNT, generateSampleRecords } from '../samples/generateSampleRecords.ts';

/** Sample records per entity: enough to average an item's writes, few enough to plan in a blink. */
const MAX_SAMPLES = 200;
const SEED = 'tablewright';

export interface EntitySamples {
  entity: Entity;
  /** Records stored: the declared `count`, else the sample default (20). */
  count: number;
  /** Seeded sample records, padded to the declared `itemBytes`. */
  records: RecordValue[];
}

/** Every entity of the design's model with its count and sample records. */
export function evolveSamples(design: Design): EntitySamples[] {
  const records = assumedItems(design, generateSampleRecords(design.model, { seed: SEED, maxPerEntity: MAX_SAMPLES })).records;
  return design.model.entities.map((entity) => ({ entity, count: entity.count ?? DEFAULT_RECORD_COUNT, records: records.get(entity.name) ?? [] }));
}

/** The mean of values (0 for none). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
