// The kept layout as it travels in the user's work (autosave, share links): a
// design.json document (DESIGN-FORMAT.md) that holds the layout alone, so the
// engine's own reader checks every field when it comes back. What is not
// exactly a layout the app could have written is refused whole.
import { DESIGN_FORMAT, parseDesignJson, type DesignLayout, type IndexLayout, type NativeKeyAttribute, type Segment } from '../engine/index.ts';

/**
 * The layout as a design.json document: the format, the layout's fields in a fixed order, and
 * each entity's templates in index order (so one layout always writes the same document).
 * Its `model` is left empty: the model is the work's own source.
 */
export function layoutDocument(layout: DesignLayout): Record<string, unknown> {
  return {
    format: DESIGN_FORMAT,
    model: '',
    tableName: layout.tableName,
    entityAttribute: layout.entityAttribute,
    indexes: layout.indexes.map(indexDocument),
    entities: layout.entities.map((e) => ({
      entity: e.entity,
      label: e.label,
      keys: Object.fromEntries(
        layout.indexes.flatMap((i) => {
          const template = Object.hasOwn(e.keys, i.name) ? e.keys[i.name] : undefined;
          return template ? [[i.name, { pk: template.pk.map(segment), sk: template.sk.map(segment) }]] : [];
        }),
      ),
    })),
  };
}

/** An index as design.json states it: composite keys by their two attribute names, native ones by their typed attributes in key order. */
function indexDocument(i: IndexLayout): IndexLayout {
  if (i.keys === 'native') return { name: i.name, kind: i.kind, keys: 'native', pk: i.pk.map(keyAttribute), sk: i.sk.map(keyAttribute), projection: i.projection };
  return { name: i.name, kind: i.kind, pkAttribute: i.pkAttribute, skAttribute: i.skAttribute, projection: i.projection };
}

function keyAttribute(a: NativeKeyAttribute): NativeKeyAttribute {
  return { name: a.name, type: a.type };
}

function segment(s: Segment): Segment {
  return s.kind === 'literal' ? { kind: s.kind, text: s.text } : { kind: s.kind, name: s.name };
}

/**
 * The layout a document read back holds, or undefined when it is not one: anything the engine's
 * reader reports (an error, or even a warning such as an unknown field) means it is not what
 * layoutDocument wrote, and the whole value is dropped.
 */
export function readLayoutDocument(value: unknown): DesignLayout | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return undefined;
  }
  const parsed = parseDesignJson(text);
  if (!parsed.design || parsed.diagnostics.length > 0) return undefined;
  const { tableName, entityAttribute, indexes, entities } = parsed.design;
  return { tableName, entityAttribute, indexes, entities };
}
