// Test helper: a design with no model, a table (PK, SK) and one composite GSI (GSI1PK, GSI1SK),
// for tests that hand-write items and requests to the in-memory evaluator.
import type { Design } from '../engine/index.ts';

export function bareDesign(): Design {
  return {
    model: { name: 'test', entities: [], patterns: [] },
    tableName: 'App',
    entityAttribute: 'entity',
    indexes: [
      { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK', patterns: [], entities: [] },
      { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK', patterns: [], entities: [] },
    ],
    entities: [],
    patterns: [],
    diagnostics: [],
  };
}
