// The design as stable, indented JSON: design.json, which the CLI writes beside
// the module. Its form is versioned and documented in DESIGN-FORMAT.md;
// parseDesignJson reads the layout back.
import type { Design, DesignLayout, IndexLayout, Segment } from './types.ts';
import { keySchemaOf } from './indexKeys.ts';
import { tableDefinition } from './tableDefinition.ts';

/** The `format` of design.json (DESIGN-FORMAT.md). */
export const DESIGN_FORMAT = 'tablewright-design/1';

/** The key layout of a derived design: what design.json states and parseDesignJson gives back. */
export function designLayout(design: Design): DesignLayout {
  return {
    tableName: design.tableName,
    entityAttribute: design.entityAttribute,
    indexes: design.indexes.map((i) => ({ ...keySchemaOf(i), projection: 'ALL' })),
    entities: design.entities.map((e) => ({ entity: e.entity, label: e.label, keys: e.keys })),
  };
}

/**
 * The layout part of design.json, as a document: the format, the model's name and the layout's fields in
 * their fixed order, each index's key schema alone and each entity's templates copied in index order, so
 * one layout always writes the same document. The app keeps a layout in the user's work this way.
 */
export function layoutDocument(layout: DesignLayout, modelName: string) {
  const copy = (s: Segment): Segment =>
    s.kind === 'literal'
      ? { kind: 'literal', text: s.text }
      : s.kind === 'shard'
        ? { kind: 'shard', count: s.count, of: [...s.of] }
        : { kind: 'attribute', name: s.name };
  return {
    format: DESIGN_FORMAT,
    model: modelName,
    tableName: layout.tableName,
    entityAttribute: layout.entityAttribute,
    indexes: layout.indexes.map((i): IndexLayout => ({ ...keySchemaOf(i), projection: i.projection })),
    entities: layout.entities.map((e) => ({
      entity: e.entity,
      label: e.label,
      keys: Object.fromEntries(
        layout.indexes.flatMap((i) => {
          const template = Object.hasOwn(e.keys, i.name) ? e.keys[i.name] : undefined;
          return template ? [[i.name, { pk: template.pk.map(copy), sk: template.sk.map(copy) }] as const] : [];
        }),
      ),
    })),
  };
}

export function designJson(design: Design): string {
  const file = {
    ...layoutDocument(designLayout(design), design.model.name),
    // Written for readers; loading reads the layout above and derives these again.
    patterns: design.patterns,
    diagnostics: design.diagnostics,
    // Only when derived from a previous design: what differs from it, and why.
    ...(design.changes ? { changes: design.changes } : {}),
    tableDefinition: tableDefinition(design),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
