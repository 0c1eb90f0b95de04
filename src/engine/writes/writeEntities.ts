// The write runtime's entities built in memory from a design (the generated
// module prints the same from writePlan.ts): so that the app, the runner and
// tests run the very runtime a pasted module runs.
import { fromItem, renderKey, toItem } from '../design/items.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import type { Design, Item, KeyTemplate } from '../design/types.ts';
import type { Entity, RecordValue } from '../model/types.ts';
import { segmentAttributes } from '../keys/shards.ts';
import { isGuardKey, planWrites, type EntityWritePlan } from './writePlan.ts';
import type { TableKey, WriteEntity, WriteItem, WriteTarget } from './writeRuntime.ts';

/** The table and its key attribute names, for the runtime. */
export function writeTarget(design: Design, tableName = design.tableName): WriteTarget {
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const keys = compositeIndex(table);
  return { tableName, tableKey: { pk: keys.pkAttribute, sk: keys.skAttribute } };
}

/** Every entity of the design as the write runtime sees it, by name. */
export function writeEntities(design: Design): Map<string, WriteEntity> {
  const target = writeTarget(design);
  const out = new Map<string, WriteEntity>();
  for (const plan of planWrites(design)) {
    const entity = design.model.entities.find((e) => e.name === plan.entity);
    if (entity) out.set(plan.entity, writeEntity(design, entity, plan, target));
  }
  return out;
}

function writeEntity(design: Design, entity: Entity, plan: EntityWritePlan, target: WriteTarget): WriteEntity {
  const value = (segments: KeyTemplate['pk'], record: WriteItem): string => {
    const text = renderKey(segments, record as RecordValue, entity.attributes);
    if (text === undefined) throw new TypeError(`${entity.name}: a key needs ${segments.flatMap(segmentAttributes).join(', ')}`);
    return text;
  };
  const tableKey = (t: KeyTemplate, record: WriteItem): TableKey => ({ [target.tableKey.pk]: value(t.pk, record), [target.tableKey.sk]: value(t.sk, record) });
  const holds = (record: WriteItem, name: string) => record[name] !== undefined && record[name] !== null;
  const result: WriteEntity = {
    name: entity.name,
    keyNames: plan.key,
    attributes: entity.attributes.map((a) => a.name),
    optional: entity.attributes.filter((a) => a.optional).map((a) => a.name),
    numbers: entity.attributes.filter((a) => a.type === 'number').map((a) => a.name),
    itemKey: (key) => (plan.itemKey ? tableKey(plan.itemKey, key) : undefined),
    owner: (key) => value(plan.owner, key),
    uniqueSets: plan.unique.map((u) => u.set),
    uniqueKeys: (record) => plan.unique.filter((u) => u.set.every((n) => holds(record, n))).map((u) => ({ set: u.set, key: tableKey(u.template, record) })),
    indexes: plan.indexes.map((ix) => {
      const index = design.indexes.find((i) => i.name === ix.index);
      const names = index && index.keys !== 'native' ? compositeIndex(index) : undefined;
      return {
        index: ix.index,
        attributes: ix.attributes,
        written: ix.written,
        keys: (record: WriteItem) => (names ? { [names.pkAttribute]: value(ix.template.pk, record), [names.skAttribute]: value(ix.template.sk, record) } : {}),
      };
    }),
    toItem: (record) => toItem(design, entity.name, record as RecordValue),
    fromItem: (item) => {
      if (isGuardKey(item[target.tableKey.pk])) return undefined;
      const back = fromItem(design, item as Item);
      return back.entity === entity.name ? back.record : undefined;
    },
  };
  if (plan.version !== undefined) result.version = plan.version;
  if (plan.ttl !== undefined) result.ttl = plan.ttl;
  if (plan.identityGuard) {
    const guard = plan.identityGuard;
    result.identityKey = (key) => tableKey(guard, key);
  }
  return result;
}
