// Which attributes the items grid shows for one index, in order: the index's
// partition and sort key, then the entity attribute (these three are pinned),
// then the union of the shown entities' own attributes (model order), then the
// key attributes of the other indexes those entities are in.
import type { Design } from '../../engine/index.ts';

export interface GridColumnNames {
  pinned: string[];
  others: string[];
}

export function gridColumnNames({
  design,
  indexName,
  entity,
}: {
  design: Design;
  indexName: string;
  /** Only this entity's items are shown (undefined: every entity the index holds). */
  entity?: string | undefined;
}): GridColumnNames {
  const index = design.indexes.find((i) => i.name === indexName) ?? design.indexes[0];
  if (index === undefined) return { pinned: [], others: [] };
  const pinned = [index.pkAttribute, index.skAttribute, design.entityAttribute];
  const shown = entity !== undefined ? [entity] : index.entities;
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
    add(other.pkAttribute);
    add(other.skAttribute);
  }
  return { pinned, others };
}
