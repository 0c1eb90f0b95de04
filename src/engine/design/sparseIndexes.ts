// Which key templates of a design are sparse: those built from an attribute a
// record may lack (an optional one), so that an index holds an entity's items
// only when their record has it. Reads the public layout (every entity's
// templates per index, as a derived design or a loaded design.json has them)
// and the model; the UI, the Markdown and the generated module explain it.
import type { Model } from '../model/types.ts';
import type { EntityDesign, IndexKeySchema } from './types.ts';

export interface SparseTemplate {
  /** Index name (`GSI1`, ...). */
  index: string;
  entity: string;
  /** The template's optional attributes, in key order: an item is in the index only when its record has every one. */
  attributes: string[];
}

/** The sparse templates, in index order, then entity order. */
export function sparseIndexes(
  layout: { readonly indexes: readonly IndexKeySchema[]; readonly entities: readonly EntityDesign[] },
  model: Model,
): SparseTemplate[] {
  const optional = new Map(model.entities.map((e) => [e.name, new Set(e.attributes.filter((a) => a.optional).map((a) => a.name))]));
  const out: SparseTemplate[] = [];
  for (const index of layout.indexes) {
    for (const design of layout.entities) {
      const template = Object.hasOwn(design.keys, index.name) ? design.keys[index.name] : undefined;
      const own = optional.get(design.entity);
      if (!template || !own || own.size === 0) continue;
      const attributes: string[] = [];
      for (const s of [...template.pk, ...template.sk]) if (s.kind === 'attribute' && own.has(s.name) && !attributes.includes(s.name)) attributes.push(s.name);
      if (attributes.length > 0) out.push({ index: index.name, entity: design.entity, attributes });
    }
  }
  return out;
}
