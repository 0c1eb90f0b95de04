// A new sample record for the create form: drawn like the sample data (from
// another seed, so its key is new), its belongsTo attributes pointing at a
// record that exists, and a key no current record has. Pure: no React.
import { generateSampleRecords, type Model, type RecordValue, type Scalar } from '../../engine/index.ts';

/** Seeds tried before giving up (each draws a few records per entity). */
const ATTEMPTS = 8;
const PER_SEED = 4;

export interface FreshRecordOptions {
  model: Model;
  entity: string;
  /** The records the sample data holds now, by entity. */
  records: (entity: string) => readonly RecordValue[];
  /** Which fresh record: the same number, the same record. */
  draw: number;
}

export function freshRecord({ model, entity: name, records, draw }: FreshRecordOptions): RecordValue | undefined {
  const entity = model.entities.find((e) => e.name === name);
  if (entity === undefined) return undefined;
  const keyOf = (r: RecordValue) => JSON.stringify(entity.key.map((k) => (Object.hasOwn(r, k) ? r[k] : null)));
  const taken = new Set(records(name).map(keyOf));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seed = `fresh-${name}-${draw}-${attempt}`;
    const drawn = generateSampleRecords(model, { seed, maxPerEntity: PER_SEED }).get(name) ?? [];
    for (const [i, candidate] of drawn.entries()) {
      const record: RecordValue = { ...candidate };
      for (const relation of entity.belongsTo) {
        const parents = records(relation.entity);
        const parent = parents[(draw + i) % Math.max(1, parents.length)];
        const parentEntity = model.entities.find((e) => e.name === relation.entity);
        if (parent === undefined || parentEntity === undefined) continue;
        relation.via.forEach((attribute, at) => {
          const from = parentEntity.key[at];
          const value: Scalar | undefined = from !== undefined && Object.hasOwn(parent, from) ? parent[from] : undefined;
          if (value !== undefined) record[attribute] = value;
        });
      }
      if (!taken.has(keyOf(record))) return record;
    }
  }
  return undefined;
}
