// The engine's main stage: model → design (key layout, query plans, reasons,
// warnings). Pure and deterministic.
import type { Model } from '../model/types.ts';
import type { Design } from './types.ts';
import { deriveKeyLayout } from '../keys/deriveKeyLayout.ts';
import { planPatterns } from '../queries/planPattern.ts';
import { tableNameOf, tableNameProblem } from './tableNameOf.ts';

export interface DeriveOptions {
  /** Table name; by default derived from the model's name. */
  tableName?: string;
}

/** Throws a RangeError when `options.tableName` is not a DynamoDB table name (callers check it first with `tableNameProblem`). */
export function deriveDesign(model: Model, options: DeriveOptions = {}): Design {
  const badName = options.tableName === undefined ? undefined : tableNameProblem(options.tableName);
  if (badName) throw new RangeError(`table name ${badName}`);
  const layout = deriveKeyLayout(model);
  const { plans, diagnostics } = planPatterns(model, layout);
  return {
    model,
    tableName: options.tableName ?? tableNameOf(model.name),
    entityAttribute: layout.entityAttribute,
    indexes: layout.indexes,
    entities: layout.entities,
    patterns: plans,
    diagnostics: [...layout.diagnostics, ...diagnostics],
  };
}
