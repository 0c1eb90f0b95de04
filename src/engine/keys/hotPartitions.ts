// Hot partitions, read off a layout and its plans: a template whose partition
// key is a constant, or is built only from attributes with few values, crowds
// an entity's items (and their writes) into one or a few partitions. Works on
// any layout (derived, kept from a previous design, or loaded), so the warning
// always describes the keys the design really has.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Entity, Model } from '../model/types.ts';
import type { DesignLayout, PatternPlan } from '../design/types.ts';
import { keysDiagnostic } from './keysDiagnostic.ts';

export function hotPartitions(model: Model, layout: DesignLayout, plans: readonly PatternPlan[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const patternIndex = new Map(model.patterns.map((p, i) => [p.name, i]));
  // Index → entity → the patterns that read the entity's items through it, in model order (the plans'): one pass over the plans.
  const readers = new Map<string, Map<string, string[]>>();
  for (const plan of plans) {
    const met = new Set<string>();
    for (const step of plan.steps) {
      for (const name of step.entities) {
        const key = `${step.index}\u0000${name}`;
        if (met.has(key)) continue;
        met.add(key);
        let byEntity = readers.get(step.index);
        if (byEntity === undefined) readers.set(step.index, (byEntity = new Map()));
        const list = byEntity.get(name);
        if (list === undefined) byEntity.set(name, [plan.pattern]);
        else list.push(plan.pattern);
      }
    }
  }
  for (const index of layout.indexes) {
    for (const design of layout.entities) {
      const template = design.keys[index.name];
      const entity = entities.get(design.entity);
      if (!template || !entity) continue;
      // The patterns that read this entity's items through this template, in model order.
      const patterns = readers.get(index.name)?.get(entity.name) ?? [];
      const first = patterns[0];
      if (first === undefined) continue;
      const pk = template.pk.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
      // The first pattern names it (as the path does); the entity and index name the partition.
      const where = { path: `patterns[${patternIndex.get(first) ?? -1}]`, subject: { pattern: first, entity: entity.name, index: index.name } };
      if (pk.length === 0) {
        out.push(
          keysDiagnostic(
            'keys.hotPartition',
            `${patterns.join(', ')}: every ${entity.name} is in one partition of ${index.name} (a constant partition key), which holds about ${entity.count ?? 'all'} items and takes all their writes; DynamoDB serves one partition at up to 3,000 reads and 1,000 writes per second. Shard the key if writes are heavy.`,
            where,
            'warning',
          ),
        );
        continue;
      }
      const counts = pk.map((a) => valueCount(model, entity, a));
      if (!counts.every((n) => n !== undefined && n <= 10)) continue;
      const values = counts.reduce<number>((n, c) => n * (c ?? 1), 1);
      out.push(
        keysDiagnostic(
          'keys.hotPartition',
          `${patterns.join(', ')}: the partition key of ${index.name} for ${entity.name} is ${pk.join(', ')}, which takes only ${values} value${values === 1 ? '' : 's'}, so ${entity.name} items crowd into ${values} partition${values === 1 ? '' : 's'}.`,
          where,
          'warning',
        ),
      );
    }
  }
  return out;
}

/**
 * How many values an attribute takes, when few are declared: its enumeration, two for a boolean; for a `via`
 * attribute declared without them, those of the parent key attribute it holds. Undefined: any number.
 */
function valueCount(model: Model, entity: Entity, attribute: string, seen: ReadonlySet<string> = new Set()): number | undefined {
  const def = entity.attributes.find((x) => x.name === attribute);
  if (def?.values !== undefined) return def.values.length;
  if (def?.type === 'boolean') return 2;
  for (const relation of entity.belongsTo) {
    const at = relation.via.indexOf(attribute);
    const parent = model.entities.find((e) => e.name === relation.entity);
    const held = parent?.key[at];
    // Relations may form cycles: each entity is asked once.
    if (at < 0 || !parent || held === undefined || parent === entity || seen.has(parent.name)) continue;
    const count = valueCount(model, parent, held, new Set([...seen, entity.name]));
    if (count !== undefined) return count;
  }
  return undefined;
}
