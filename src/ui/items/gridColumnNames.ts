// Which attributes the items grid shows for one index, in order: the index's
// key attributes (a composite index's partition and sort key; a native one's
// partition attributes, the entity attribute first, then its sort attributes)
// and the entity attribute (these are pinned), then the union of the shown
// entities' own attributes (model order), then the key attributes of the other
// indexes those entities are in.
import { indexKeyNames } from '../../engine/index.ts';
import type { Design } from '../../engine/index.ts';

export interface GridColumnNames {
  pinned: string[];
  others: string[];
}

export function gridColumnNames({
  design,
  indexName,
  entity,
  entities,
}: {
  design: Design;
  indexName: string;
  /** Only this entity's items are shown (undefined: every entity the index holds). */
  entity?: string | undefined;
  /**
   * The entities whose items the index holds, when known from the items (undefined: those keyed in
   * it). A native index also holds the items of an entity not keyed in it that have its key attributes.
   */
  entities?: readonly string[] | undefined;
}): GridColumnNames {
  const index = design.indexes.find((i) => i.name === indexName) ?? design.indexes[0];
  if (index === undefined) return { pinned: [], others: [] };
  const pinned = [...new Set([...indexKeyNames(index), design.entityAttribute])];
  const shown = entity !== undefined ? [entity] : (entities ?? index.entities);
  const seen = new Set(pinned);
  const others: string[] = [];
  const add = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    others.push(name);
  };
  for (const e of design.model.entities) {
    if (!shown.includes(e.name)) continue;
    for (const a of e.attributes) add(a.name);
  }
  for (const other of design.indexes) {
    if (other.name === index.name) continue;
    if (!other.entities.some((e) => shown.includes(e))) continue;
    for (const name of indexKeyNames(other)) add(name);
  }
  return { pinned, others };
}
