// The design as stable, indented JSON: design.json, which the CLI writes beside
// the module. Its form is versioned and documented in DESIGN-FORMAT.md;
// parseDesignJson reads the layout back.
import type { Design, DesignLayout } from './types.ts';
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

export function designJson(design: Design): string {
  const layout = designLayout(design);
  const file = {
    format: DESIGN_FORMAT,
    model: design.model.name,
    tableName: layout.tableName,
    entityAttribute: layout.entityAttribute,
    indexes: layout.indexes,
    entities: layout.entities,
    // Written for readers; loading reads the layout above and derives these again.
    patterns: design.patterns,
    diagnostics: design.diagnostics,
    // Only when derived from a previous design: what differs from it, and why.
    ...(design.changes ? { changes: design.changes } : {}),
    tableDefinition: tableDefinition(design),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
