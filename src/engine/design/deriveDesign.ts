// The engine's main stage: model → design (key layout, query plans, reasons,
// warnings). Pure and deterministic. An exception inside a stage is a
// Tablewright bug: it is caught here, at the stage boundary, and reported as an
// `engine.internal` error, never as a limit of the design.
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import type { Design, PatternPlan } from './types.ts';
import { deriveKeyLayout, type KeyLayout } from '../keys/deriveKeyLayout.ts';
import { planPatterns } from '../queries/planPattern.ts';
import { tableNameOf, tableNameProblem } from './tableNameOf.ts';

export interface DeriveOptions {
  /** Table name; by default derived from the model's name. */
  tableName?: string;
}

/**
 * Throws a RangeError when `options.tableName` is not a DynamoDB table name (callers check it first with `tableNameProblem`).
 * Otherwise never throws: when the key layout itself cannot be derived (a bug), the design has no indexes,
 * no entities and no plans, and one `engine.internal` error (see `hasKeyLayout`).
 */
export function deriveDesign(model: Model, options: DeriveOptions = {}): Design {
  const badName = options.tableName === undefined ? undefined : tableNameProblem(options.tableName);
  if (badName) throw new RangeError(`table name ${badName}`);
  const tableName = options.tableName ?? tableNameOf(model.name);
  let layout: KeyLayout;
  try {
    layout = deriveKeyLayout(model);
  } catch (error) {
    return { model, tableName, entityAttribute: '_type', indexes: [], entities: [], patterns: [], diagnostics: [internalDiagnostic('deriving the key layout', error, { subject: {} })] };
  }
  let planned: { plans: PatternPlan[]; diagnostics: Diagnostic[] };
  try {
    planned = planPatterns(model, layout);
  } catch (error) {
    for (const index of layout.indexes) index.patterns = [];
    planned = { plans: [], diagnostics: [internalDiagnostic('planning the access patterns', error, { subject: {} })] };
  }
  return {
    model,
    tableName,
    entityAttribute: layout.entityAttribute,
    indexes: layout.indexes,
    entities: layout.entities,
    patterns: planned.plans,
    diagnostics: [...layout.diagnostics, ...planned.diagnostics],
  };
}

/** False only for the design of a failed derivation (an `engine.internal` error says why): it has no table to key items in. */
export function hasKeyLayout(design: Design): boolean {
  return design.indexes.length > 0;
}
