// The engine's main stage: model → design (key layout, query plans, reasons,
// warnings). Pure and deterministic. An exception inside a stage is a
// Tablewright bug: it is caught here, at the stage boundary, and reported as an
// `engine.internal` error, never as a limit of the design.
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import type { Design, DesignChange, DesignLayout } from './types.ts';
import { deriveKeyLayout, MAX_GSIS } from '../keys/deriveKeyLayout.ts';
import { hotPartitions } from '../keys/hotPartitions.ts';
import { isNotServedCode, keysDiagnostic } from '../keys/keysDiagnostic.ts';
import { keySchemaOf } from './indexKeys.ts';
import { keepPrevious } from './keepPrevious.ts';
import { deployedProblems, unusedWarnings } from '../evolve/deployedProblems.ts';
import type { KeysMode } from '../keys/nativeKeys.ts';
import { indexDesigns, planDesign } from './planDesign.ts';
import { planPatterns, type PlanCache, type PlannedPatterns } from '../queries/planPattern.ts';
import { tableNameOf, tableNameProblem } from './tableNameOf.ts';

export interface DeriveOptions {
  /** Table name; by default the model's `table.name`, else the previous design's, else derived from the model's name. */
  tableName?: string;
  /**
   * The design this model's table already has (the last derivation, or a design.json read back):
   * every index, key attribute, label and template that still fits is kept as it is, and the
   * design lists every difference from it with its reason (`changes`).
   */
  previous?: DesignLayout;
  /**
   * How GSIs are keyed: `composite` (default: one string attribute each, `GSI1PK = ORDER#{status}`) or
   * `native` (the items' own attributes, up to 4 + 4, typed; where DynamoDB's rules allow). The table's key is always composite.
   */
  keys?: KeysMode;
  /**
   * With `previous`: that design is deployed (the CLI's `--deployed`). Every GSI and template it has is kept,
   * even those no pattern reads any more (`evolve.unusedIndex`, `evolve.unusedTemplate` warnings), and a change
   * the live table cannot take (a table key template, a GSI's key schema, the entity attribute) is an
   * `evolve.*` error naming what the alternatives cost.
   */
  deployed?: boolean;
  /**
   * Plans of the last derivation with this cache (createPlanCache), taken again for the patterns an edit did
   * not touch (the app derives on every keystroke). The design is the same with or without it.
   */
  plans?: PlanCache;
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
  const previous = options.previous && options.previous.indexes.length > 0 ? options.previous : undefined;
  // The model's own table name (FORMAT.md `table.name`) wins over the previous design's; one DynamoDB would refuse is left to the model's checks.
  const stated = model.table?.name;
  const modelTableName = stated !== undefined && tableNameProblem(stated) === undefined ? stated : undefined;
  const tableName = options.tableName ?? modelTableName ?? previous?.tableName ?? tableNameOf(model.name);
  let layout: DesignLayout;
  let keysDiagnostics: Diagnostic[];
  let changes: DesignChange[] | undefined;
  let planned: PlannedPatterns | undefined;
  try {
    if (previous) {
      const kept = keepPrevious(model, previous, tableName, options.keys ?? 'composite', {
        deployed: options.deployed === true,
        ...(options.plans ? { plans: options.plans } : {}),
      });
      ({ layout, keysDiagnostics, changes, planned } = kept);
    } else {
      const keys = deriveKeyLayout(model, { keys: options.keys ?? 'composite' });
      keysDiagnostics = keys.diagnostics;
      layout = {
        tableName,
        entityAttribute: keys.entityAttribute,
        indexes: keys.indexes.map((i) => ({ ...keySchemaOf(i), projection: 'ALL' })),
        entities: keys.entities,
      };
    }
  } catch (error) {
    return {
      model,
      tableName,
      entityAttribute: '_type',
      indexes: [],
      entities: [],
      patterns: [],
      diagnostics: [internalDiagnostic('deriving the key layout', error, { subject: {} })],
    };
  }
  const tooMany = tooManyIndexes(layout);
  const withChanges = (d: Design): Design => (changes ? { ...d, changes } : d);
  let design: Design;
  try {
    design = planDesign(model, layout, planned ?? planPatterns(model, layout, options.plans));
  } catch (error) {
    return withChanges({
      model,
      tableName,
      entityAttribute: layout.entityAttribute,
      indexes: indexDesigns(layout, []),
      entities: layout.entities,
      patterns: [],
      diagnostics: [...keysDiagnostics, ...tooMany, internalDiagnostic('planning the access patterns', error, { subject: {} })],
    });
  }
  const derived = withChanges({
    ...design,
    diagnostics: [
      ...keysDiagnostics,
      ...tooMany,
      ...hotPartitions(model, layout, design.patterns),
      ...derivedPlanDiagnostics(design.diagnostics, keysDiagnostics),
    ],
  });
  // A deployed design: what the live table cannot take, and what it keeps that nothing reads.
  if (!previous || options.deployed !== true) return derived;
  return { ...derived, diagnostics: [...deployedProblems(previous, derived), ...derived.diagnostics, ...unusedWarnings(previous, derived)] };
}

function tooManyIndexes(layout: DesignLayout): Diagnostic[] {
  const gsis = layout.indexes.filter((i) => i.kind === 'gsi').length;
  if (gsis <= MAX_GSIS) return [];
  // About the whole design: no one pattern, entity or index is to blame.
  return [
    keysDiagnostic(
      'keys.tooManyIndexes',
      `these patterns need ${gsis} GSIs and DynamoDB allows ${MAX_GSIS} per table; merge patterns that differ only in order or filter, or split the table.`,
      {
        subject: {},
      },
    ),
  ];
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
    return [
      internalDiagnostic(`planning ${d.subject?.pattern ?? 'a pattern'} on the layout derived for it`, new Error(d.message), {
        path: d.path,
        subject: d.subject,
      }),
    ];
  });
}

/** False only for the design of a failed derivation (an `engine.internal` error says why): it has no table to key items in. */
export function hasKeyLayout(design: Design): boolean {
  return design.indexes.length > 0;
}
