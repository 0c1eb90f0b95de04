// What differs between a deployed design and the next one, as plain data for the
// CLI's `diff`, the app's Changes view and anyone who reads JSON: the indexes added,
// dropped and kept unused; per entity the key templates added, rewritten or removed
// (before and after, as templateText prints them); per pattern its requests before
// and after; and what the migration costs (migrationPlan's backfill: items at the
// declared counts, write units by cost/writeUnits.ts's rules, time at a rate).
import { DEFAULT_PRICES, type PriceTable } from '../cost/prices.ts';
import { designLayout } from '../design/designJson.ts';
import { indexKeyText } from '../design/indexKeys.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import type { Design, PlanStep } from '../design/types.ts';
import type { Direction } from '../model/types.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import { unusedWarnings } from './deployedProblems.ts';
import { migrationPlan } from './migrationPlan.ts';
import { templateChanges } from './templateChanges.ts';
import type { MigrationPlan } from './types.ts';

/** Items per second the cost of a backfill is timed at when no rate is given. */
export const DEFAULT_BACKFILL_RATE = 100;

export interface IndexSummary {
  name: string;
  /** Its key attributes, as indexKeyText prints them (`GSI2PK, GSI2SK`; native `_type + status / total`). */
  keys: string;
  native: boolean;
  /** The patterns of the new design it serves. */
  patterns: string[];
}

export interface TemplateDiff {
  index: string;
  kind: 'added' | 'rewritten' | 'removed';
  /** The template as people read it (`GSI1PK = ORDER#{status}, GSI1SK = ...`). */
  before?: string;
  after?: string;
  /** Item attributes that hold it (a composite index's two; none for a native index or the table). */
  attributes: string[];
}

export interface EntityDiff {
  entity: string;
  /** `added`: new in the model (no items yet); `removed`: gone from it (its items stay in the table); `changed`: key templates differ. */
  status: 'added' | 'removed' | 'changed';
  templates: TemplateDiff[];
}

/** One request of a pattern's plan, as explain prints it. */
export interface RequestSummary {
  operation: PlanStep['operation'];
  index: string;
  keyCondition: string;
  order?: Direction;
  filter?: string;
}

export interface PatternDiff {
  pattern: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  before?: RequestSummary[];
  after?: RequestSummary[];
  /** In the old model but its design could not serve it (a design.json planned with the new model). */
  notServedBefore?: true;
  /** In the new model but not served by the new design (its errors say why). */
  notServedAfter?: true;
}

export interface EntityMigrationCost {
  entity: string;
  /** Items scanned and brought up to date, at the declared count. */
  items: number;
  writeUnitsPerItem: number;
  writeUnits: number;
  /** At the rate, in seconds. */
  seconds: number;
}

export interface MigrationCost {
  /** Items per second the time is computed at. */
  rate: number;
  entities: EntityMigrationCost[];
  items: number;
  writeUnits: number;
  /** The write units on-demand, at `prices`. */
  dollars: number;
  seconds: number;
  /** GSIs created after the backfill (each fills from the table while it is created). */
  createdIndexes: string[];
}

export interface DesignDiff {
  tableName: string;
  /** designIdentity of each layout (`to` as the table ends, see MigrationPlan). */
  from: string;
  to: string;
  indexes: {
    added: IndexSummary[];
    /** GSIs of the old design the new one no longer has. */
    dropped: string[];
    /** GSIs both have that no pattern of the new design reads (kept until dropped). */
    unused: string[];
    /** Entities' templates in GSIs others still read, which no pattern reads for that entity any more (kept and written). */
    unusedTemplates: { entity: string; index: string }[];
  };
  entities: EntityDiff[];
  patterns: PatternDiff[];
  migration: MigrationCost;
  /** What the live table cannot take (`evolve.*` errors); non-empty: the change needs another way (see each message). */
  impossible: Diagnostic[];
}

export interface DesignDiffOptions {
  /** Items per second the backfill is timed at (default DEFAULT_BACKFILL_RATE). */
  rate?: number;
  prices?: PriceTable;
  /** A plan already made for these designs (migrationPlan(from, to)). */
  plan?: MigrationPlan;
}

export function designDiff(from: Design, to: Design, options: DesignDiffOptions = {}): DesignDiff {
  const rate = options.rate ?? DEFAULT_BACKFILL_RATE;
  if (!(rate > 0)) throw new RangeError(`rate ${rate} is not a positive number of items per second`);
  const prices = options.prices ?? DEFAULT_PRICES;
  const plan = options.plan ?? migrationPlan(from, to);
  const fromLayout = designLayout(from);
  const toLayout = designLayout(to);
  const has = (design: Design, name: string) => design.indexes.some((i) => i.name === name);

  const added = to.indexes
    .filter((i) => i.kind === 'gsi' && !has(from, i.name))
    .map((i) => ({ name: i.name, keys: indexKeyText(i), native: i.keys === 'native', patterns: i.patterns }));
  const dropped = from.indexes.filter((i) => i.kind === 'gsi' && !has(to, i.name)).map((i) => i.name);
  const unused = plan.unusedIndexes.filter((name) => !dropped.includes(name));
  const unusedTemplates = unusedWarnings(fromLayout, to).flatMap((d) =>
    d.code === 'evolve.unusedTemplate' && d.subject?.entity !== undefined && d.subject.index !== undefined
      ? [{ entity: d.subject.entity, index: d.subject.index }]
      : [],
  );

  const entities: EntityDiff[] = [];
  const names = [...to.entities.map((e) => e.entity), ...from.entities.map((e) => e.entity).filter((e) => !to.entities.some((t) => t.entity === e))];
  for (const entity of names) {
    const before = from.entities.some((e) => e.entity === entity);
    const after = to.entities.some((e) => e.entity === entity);
    const templates: TemplateDiff[] = templateChanges(fromLayout, toLayout, entity).map((c) => ({
      index: c.index,
      kind: c.kind,
      ...(c.before ? { before: keyTemplateLine(c.schema, c.before) } : {}),
      ...(c.after ? { after: keyTemplateLine(c.schema, c.after) } : {}),
      attributes: c.index === 'table' ? [] : c.attributes,
    }));
    if (before && after && templates.length === 0) continue;
    entities.push({ entity, status: !before ? 'added' : !after ? 'removed' : 'changed', templates });
  }

  const patterns: PatternDiff[] = [];
  const patternNames = [
    ...to.model.patterns.map((p) => p.name),
    ...from.model.patterns.map((p) => p.name).filter((n) => !to.model.patterns.some((p) => p.name === n)),
  ];
  for (const name of patternNames) {
    const a = from.patterns.find((p) => p.pattern === name);
    const b = to.patterns.find((p) => p.pattern === name);
    const status = a && b ? (JSON.stringify(a.steps) === JSON.stringify(b.steps) ? 'unchanged' : 'changed') : b ? 'added' : 'removed';
    patterns.push({
      pattern: name,
      status,
      ...(a ? { before: a.steps.map(requestSummary) } : {}),
      ...(b ? { after: b.steps.map(requestSummary) } : {}),
      ...(!a && from.model.patterns.some((p) => p.name === name) ? { notServedBefore: true as const } : {}),
      ...(!b && to.model.patterns.some((p) => p.name === name) ? { notServedAfter: true as const } : {}),
    });
  }

  const backfill = plan.steps.find((s) => s.kind === 'backfill');
  const costs: EntityMigrationCost[] = (backfill?.entities ?? []).map((e) => ({
    entity: e.entity,
    items: e.items,
    writeUnitsPerItem: e.writeUnitsPerItem,
    writeUnits: Math.ceil(e.items * e.writeUnitsPerItem),
    seconds: e.items / rate,
  }));
  const writeUnits = costs.reduce((n, e) => n + e.writeUnits, 0);
  const items = costs.reduce((n, e) => n + e.items, 0);
  return {
    tableName: plan.tableName,
    from: plan.from,
    to: plan.to,
    indexes: { added, dropped, unused, unusedTemplates },
    entities,
    patterns,
    migration: {
      rate,
      entities: costs,
      items,
      writeUnits,
      dollars: (writeUnits * prices.perMillionWriteRequestUnits) / 1e6,
      seconds: items / rate,
      createdIndexes: plan.steps.flatMap((s) => (s.kind === 'createIndex' ? [s.index] : [])),
    },
    impossible: plan.impossible,
  };
}

/** A plan step as the diff shows it: its operation, index, key condition (the plan's own text), order and filter. */
function requestSummary(step: PlanStep): RequestSummary {
  return {
    operation: step.operation,
    index: step.index,
    keyCondition: step.keyConditionText,
    ...(step.direction && step.operation === 'Query' ? { order: step.direction } : {}),
    ...(step.filter ? { filter: `${step.filter.attribute} ${step.filter.op}` } : {}),
  };
}
