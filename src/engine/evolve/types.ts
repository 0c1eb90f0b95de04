// The evolution of a deployed design, as data: what differs between two designs
// (`DesignDiff`) and the ordered steps that carry a live table from one to the
// other (`MigrationPlan`). Pure and structured-cloneable: the CLI prints them, the
// app shows them, the runner executes the plan; nothing here sends.
//
// DynamoDB's rules a plan follows (developer guide, "Managing global secondary
// indexes": https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html):
// the table's key schema never changes; a GSI's key schema and projection never
// change; one index is created or deleted per UpdateTable; a new GSI is filled
// from the items that already carry its key attributes (so the backfill runs first).
import type { Diagnostic } from '../model/diagnostics.ts';
import type { TableDefinition } from '../design/tableDefinition.ts';
import type { KeyTemplate } from '../design/types.ts';

/** One GSI as UpdateTable creates it: the CreateTable GSI entry plus the attribute definitions its keys need. */
export interface IndexCreation {
  index: NonNullable<TableDefinition['GlobalSecondaryIndexes']>[number];
  attributeDefinitions: TableDefinition['AttributeDefinitions'];
}

/** An entity whose existing items need attributes they do not have yet (or must lose), with the templates behind them. */
export interface BackfillEntity {
  entity: string;
  /** Item attributes the backfill writes (new key attributes), in index order. */
  set: string[];
  /** Item attributes the backfill removes (keys of templates the change drops). */
  remove: string[];
  /** Index name → the template before (absent: none) and after (absent: dropped). */
  templates: { index: string; before?: KeyTemplate; after?: KeyTemplate }[];
  /** Items of this entity at the model's declared count. */
  items: number;
  /** Write units one item's update costs (the item after, in 1 KB units, plus each GSI entry it adds, changes or removes). */
  writeUnitsPerItem: number;
}

export type MigrationStep =
  /** Add the new key attributes to existing items (conditional UpdateItems, never over a newer write). */
  | { kind: 'backfill'; entities: BackfillEntity[]; items: number; writeUnits: number; description: string }
  /** Create one GSI and wait until it is ACTIVE (one at a time: DynamoDB takes one index change per UpdateTable). */
  | { kind: 'createIndex'; index: string; creation: IndexCreation; description: string }
  /** Read the table back and check every pattern of the new design against the brute-force answer. */
  | { kind: 'verify'; description: string }
  /** Delete a GSI no pattern of the new design reads: only when the user asks (`--drop-unused`). */
  | { kind: 'dropIndex'; index: string; description: string };

export interface MigrationPlan {
  /** `designIdentity` of the layouts: the table must carry `from` (or, after the last step, `to`). */
  from: string;
  to: string;
  tableName: string;
  /**
   * Changes a deployed table cannot take (a table key template that changes, a GSI whose key schema
   * changes): `evolve.*` errors, each naming its subject and the alternatives. Non-empty: no step runs.
   */
  impossible: Diagnostic[];
  /** In the order they run: backfill, each createIndex, verify, then dropIndex when asked. */
  steps: MigrationStep[];
  /** GSIs of `from` that no pattern of `to` reads (kept until the user asks to drop them). */
  unusedIndexes: string[];
}
