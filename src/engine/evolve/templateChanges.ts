// What changes in how one entity's items are keyed between two designs: per index,
// the template before and after and the item attributes that carry it. The diff
// shows these; the backfill writes (or removes) the attributes of the GSI ones.
import { syntheticKeyAttributes } from '../design/indexKeys.ts';
import type { DesignLayout, IndexKeySchema, KeyTemplate } from '../design/types.ts';

export interface TemplateChange {
  index: string;
  /** `added`: the entity had no template in this index; `removed`: it has none any more; `rewritten`: another one. */
  kind: 'added' | 'rewritten' | 'removed';
  before?: KeyTemplate;
  after?: KeyTemplate;
  /** The index's key schema (the new design's, else the old one's): how the template's text reads. */
  schema: IndexKeySchema;
  /** The item attributes that hold this index's key (a composite index's two; none for a native one: its keys are the items' own attributes). */
  attributes: string[];
}

/** The templates of `entity` that differ between the layouts, in the new layout's index order, then the indexes it no longer has. */
export function templateChanges(from: DesignLayout, to: DesignLayout, entity: string): TemplateChange[] {
  const before = from.entities.find((e) => e.entity === entity)?.keys ?? {};
  const after = to.entities.find((e) => e.entity === entity)?.keys ?? {};
  const indexes = [...to.indexes, ...from.indexes.filter((i) => !to.indexes.some((t) => t.name === i.name))];
  const out: TemplateChange[] = [];
  for (const schema of indexes) {
    const b = Object.hasOwn(before, schema.name) ? before[schema.name] : undefined;
    const a = Object.hasOwn(after, schema.name) ? after[schema.name] : undefined;
    if (!a && !b) continue;
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) continue;
    const kind = !b ? 'added' : !a ? 'removed' : 'rewritten';
    out.push({ index: schema.name, kind, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}), schema, attributes: syntheticKeyAttributes(schema) });
  }
  return out;
}
