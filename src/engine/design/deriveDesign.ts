// The engine's main stage: model → design (key layout, query plans, reasons,
// warnings). Pure and deterministic. An exception inside a stage is a
// Tablewright bug: it is caught here, at the stage boundary, and reported as an
// `engine.internal` error, never as a limit of the design.
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import type { Design, DesignLayout } from './types.ts';
import { deriveKeyLayout, type KeyLayout } from '../keys/deriveKeyLayout.ts';
import { isNotServedCode } from '../keys/keysDiagnostic.ts';
import { indexDesigns, planDesign } from './planDesign.ts';
import { tableNameOf, tableNameProblem } from './tableNameOf.ts';

export interface DeriveOptions {
  /** Table name; by default derived from the model's name. */
  tableName?: string;
}

/**
 * Throws a RangeError when `options.tableName` is not a DynamoDB table name (callers check it first with `tableNameProblem`).
 * Otherwise never throws: when the key layout itself cannot be derived (a bug), the design has no indexes,
 * no entities and no plans, and one `engine.internal` error (see `hasKeyLayout`).
 * The plans are made on the derived layout alone, exactly as for a layout loaded from design.json (`planDesign`).
 */
export function deriveDesign(model: Model, options: DeriveOptions = {}): Design {
  const badName = options.tableName === undefined ? undefined : tableNameProblem(options.tableName);
  if (badName) throw new RangeError(`table name ${badName}`);
  const tableName = options.tableName ?? tableNameOf(model.name);
  let keys: KeyLayout;
  try {
    keys = deriveKeyLayout(model);
  } catch (error) {
    return { model, tableName, entityAttribute: '_type', indexes: [], entities: [], patterns: [], diagnostics: [internalDiagnostic('deriving the key layout', error, { subject: {} })] };
  }
  const layout: DesignLayout = {
    tableName,
    entityAttribute: keys.entityAttribute,
    indexes: keys.indexes.map((i) => ({ name: i.name, kind: i.kind, pkAttribute: i.pkAttribute, skAttribute: i.skAttribute, projection: 'ALL' })),
    entities: keys.entities,
  };
  let design: Design;
  try {
    design = planDesign(model, layout);
  } catch (error) {
    return { model, tableName, entityAttribute: layout.entityAttribute, indexes: indexDesigns(layout, []), entities: layout.entities, patterns: [], diagnostics: [...keys.diagnostics, internalDiagnostic('planning the access patterns', error, { subject: {} })] };
  }
  return { ...design, diagnostics: [...keys.diagnostics, ...derivedPlanDiagnostics(design.diagnostics, keys.diagnostics)] };
}

/**
 * The planner's diagnostics on a layout the derivation made for this very model: a pattern the keys stage
 * refused is already explained there; any other pattern the layout does not serve is a Tablewright bug.
 */
function derivedPlanDiagnostics(planned: readonly Diagnostic[], keys: readonly Diagnostic[]): Diagnostic[] {
  const refused = new Set(keys.flatMap((d) => (isNotServedCode(d.code) && d.subject?.pattern !== undefined ? [d.subject.pattern] : [])));
  return planned.flatMap((d) => {
    if (d.code !== 'queries.notServed') return [d];
    if (d.subject?.pattern !== undefined && refused.has(d.subject.pattern)) return [];
    return [internalDiagnostic(`planning ${d.subject?.pattern ?? 'a pattern'} on the layout derived for it`, new Error(d.message), { path: d.path, subject: d.subject })];
  });
}

/** False only for the design of a failed derivation (an `engine.internal` error says why): it has no table to key items in. */
export function hasKeyLayout(design: Design): boolean {
  return design.indexes.length > 0;
}
