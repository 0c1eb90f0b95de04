// Which existing items a change of design must rewrite before its new GSIs are
// created: per entity, the GSI key attributes its items need (templates added or
// rewritten in a composite GSI) or must lose (templates it drops), how many items
// it has and what one item's update costs. A new GSI is filled from the items that
// already carry its key attributes when it is created, so these come first
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html#GSI.OnlineOps.Creating).
// A native GSI keyed on attributes the items already hold needs no backfill.
//
// Write units per item, by cost/writeUnits.ts's rules: the item's update (the larger
// of before and after, in 1 KB units) plus each entry it adds, moves or removes in
// the GSIs the table has while the backfill runs (the old design's); averaged over
// the entity's sample items, an item the backfill leaves as it is costing nothing.
import { writeUnitsOf, indexEntryWrite } from '../cost/writeUnits.ts';
import { itemBytes } from '../cost/itemSize.ts';
import { designLayout } from '../design/designJson.ts';
import { toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import type { RecordValue } from '../model/types.ts';
import type { EntitySamples } from './evolveSamples.ts';
import { mean } from './evolveSamples.ts';
import { templateChanges } from './templateChanges.ts';
import type { BackfillEntity } from './types.ts';

/** Entities of both designs whose existing items need new key attributes or must lose some, in the new model's order. */
export function backfillEntities(from: Design, to: Design, samples: readonly EntitySamples[]): BackfillEntity[] {
  const fromLayout = designLayout(from);
  const toLayout = designLayout(to);
  const out: BackfillEntity[] = [];
  for (const { entity, count, records } of samples) {
    const existed = from.entities.some((e) => e.entity === entity.name) && from.model.entities.some((e) => e.name === entity.name);
    if (!existed || !to.entities.some((e) => e.entity === entity.name)) continue;
    // The table's key never changes on a live table (that is an evolve error, not a backfill).
    const changes = templateChanges(fromLayout, toLayout, entity.name).filter((c) => c.index !== 'table' && c.attributes.length > 0);
    const set = [...new Set(changes.filter((c) => c.kind !== 'removed').flatMap((c) => c.attributes))];
    const remove = [...new Set(changes.filter((c) => c.kind === 'removed').flatMap((c) => c.attributes))].filter((a) => !set.includes(a));
    if (set.length === 0 && remove.length === 0) continue;
    const perItem = records.flatMap((record) => {
      const units = itemUpdateUnits(from, to, entity.name, record, set, remove);
      return units === undefined ? [] : [units];
    });
    out.push({
      entity: entity.name,
      set,
      remove,
      templates: changes.map((c) => ({ index: c.index, ...(c.before ? { before: c.before } : {}), ...(c.after ? { after: c.after } : {}) })),
      items: count,
      writeUnitsPerItem: mean(perItem),
    });
  }
  return out;
}

/** The item of `record` as the backfill leaves it: the old item with the new key attributes set and the dropped ones removed. */
export function backfilledItem(before: Item, after: Item, set: readonly string[], remove: readonly string[]): Item {
  const item: Item = { ...before };
  for (const name of [...set, ...remove]) delete item[name];
  // A sparse template whose attribute the record lacks gives the item no key there: nothing to set.
  for (const name of set) if (Object.hasOwn(after, name) && after[name] !== undefined) item[name] = after[name];
  return item;
}

/** Write units of one record's backfill update; 0 when its item already is as it should be; undefined when the old design cannot key it. */
function itemUpdateUnits(from: Design, to: Design, entity: string, record: RecordValue, set: readonly string[], remove: readonly string[]): number | undefined {
  let before: Item;
  let target: Item;
  try {
    before = toItem(from, entity, record);
    target = toItem(to, entity, record);
  } catch {
    return undefined;
  }
  const after = backfilledItem(before, target, set, remove);
  if ([...set, ...remove].every((name) => before[name] === after[name])) return 0;
  let units = writeUnitsOf(Math.max(itemBytes(before), itemBytes(after)));
  for (const index of from.indexes) if (index.kind === 'gsi') units += indexEntryWrite(index, before, after)?.units ?? 0;
  return units;
}
