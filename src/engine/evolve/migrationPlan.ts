// The ordered steps that carry a live table from the design `from` to the design
// `to` (types.ts: the contract the runner executes). DynamoDB's rules decide the
// order (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html):
// a new GSI is filled, when it is created, from the items that already carry its
// key attributes, so the backfill comes first; one index is created or deleted per
// UpdateTable, so each is a step of its own; then everything is verified; GSIs no
// pattern reads are deleted last and only when the user asks.
import { units } from '../cost/costText.ts';
import { designLayout } from '../design/designJson.ts';
import { indexKeyText } from '../design/indexKeys.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import type { Design, DesignLayout } from '../design/types.ts';
import { backfillEntities } from './backfillEntities.ts';
import { deployedProblems } from './deployedProblems.ts';
import { designIdentity } from './designIdentity.ts';
import { evolveSamples } from './evolveSamples.ts';
import type { IndexCreation, MigrationPlan, MigrationStep } from './types.ts';

export interface MigrationPlanOptions {
  /** Delete the GSIs that no pattern of `to` reads (last, after the verify). Default: keep them. */
  dropUnused?: boolean;
}

export function migrationPlan(from: Design, to: Design, options: MigrationPlanOptions = {}): MigrationPlan {
  const fromLayout = designLayout(from);
  const toLayout = designLayout(to);
  const samples = evolveSamples(to);
  const impossible = deployedProblems(fromLayout, to, { samples });
  const steps: MigrationStep[] = [];

  const entities = backfillEntities(from, to, samples);
  if (entities.length > 0) {
    const items = entities.reduce((n, e) => n + e.items, 0);
    const writeUnits = entities.reduce((n, e) => n + Math.ceil(e.items * e.writeUnitsPerItem), 0);
    const sets = entities.filter((e) => e.set.length > 0).map((e) => `${e.set.join(', ')} on ${units(e.items)} ${e.entity} items`);
    const removes = entities.filter((e) => e.remove.length > 0).map((e) => `${e.remove.join(', ')} from ${units(e.items)} ${e.entity} items`);
    const created = to.indexes.filter((i) => i.kind === 'gsi' && !from.indexes.some((f) => f.name === i.name)).map((i) => i.name);
    steps.push({
      kind: 'backfill',
      entities,
      items,
      writeUnits,
      description: `${[sets.length ? `Write ${sets.join('; ')}` : '', removes.length ? `${sets.length ? 'remove' : 'Remove'} ${removes.join('; ')}` : ''].filter(Boolean).join(', and ')} (${units(items)} items scanned, about ${units(writeUnits)} write units), with conditional UpdateItems that skip an item a newer write already carries${created.length ? `, so that ${created.join(', ')} ${created.length > 1 ? 'fill' : 'fills'} from the items when created` : ''}.`,
    });
  }

  const definition = tableDefinition(to);
  for (const index of to.indexes) {
    if (index.kind !== 'gsi' || from.indexes.some((f) => f.name === index.name)) continue;
    const gsi = definition.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.name);
    if (!gsi) continue;
    const names = new Set(gsi.KeySchema.map((k) => k.AttributeName));
    const creation: IndexCreation = { index: gsi, attributeDefinitions: definition.AttributeDefinitions.filter((d) => names.has(d.AttributeName)) };
    const keyed = index.entities.join(', ');
    steps.push({
      kind: 'createIndex',
      index: index.name,
      creation,
      description: `Create ${index.name} (${indexKeyText(index)}${index.keys === 'native' ? ', native keys' : ''}, projection ALL) and wait until it is ACTIVE; it fills from the ${keyed} items that carry its keys${index.patterns.length ? `, for ${index.patterns.join(', ')}` : ''}.`,
    });
  }

  steps.push({
    kind: 'verify',
    description: `Read the table back and check the answer of every pattern of the new design (${to.patterns.length}) against the brute-force answer on the records read.`,
  });

  // GSIs no pattern of `to` reads: those `to` no longer has are dropped with it (its writes stop keeping them); the ones it keeps, on request.
  const unusedIndexes = from.indexes.filter((i) => i.kind === 'gsi' && !to.indexes.find((t) => t.name === i.name)?.patterns.length).map((i) => i.name);
  const dropped = unusedIndexes.filter((name) => options.dropUnused === true || !to.indexes.some((i) => i.name === name));
  for (const name of dropped) {
    const kept = to.indexes.some((i) => i.name === name);
    steps.push({
      kind: 'dropIndex',
      index: name,
      description: `Delete ${name}, which no pattern of the new design reads${kept ? ' (asked for: --drop-unused); its key attributes stay on the items' : ' and the new design no longer keeps (the backfill took its keys off the items)'}.`,
    });
  }

  return { from: designIdentity(fromLayout), to: designIdentity(withoutIndexes(toLayout, dropped)), tableName: to.tableName, impossible, steps, unusedIndexes };
}

/** The layout without these GSIs (and every entity's template in them): what the table holds after they are dropped. */
export function withoutIndexes(layout: DesignLayout, names: readonly string[]): DesignLayout {
  if (names.length === 0) return layout;
  const gone = new Set(names);
  return {
    ...layout,
    indexes: layout.indexes.filter((i) => !gone.has(i.name)),
    entities: layout.entities.map((e) => ({ ...e, keys: Object.fromEntries(Object.entries(e.keys).filter(([index]) => !gone.has(index))) })),
  };
}
