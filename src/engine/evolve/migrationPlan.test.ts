import { describe, expect, it } from 'vitest';
import { TABLE_KEY_CHANGE } from '../../testing/evolveModels.ts';
import { exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import type { Model } from '../model/types.ts';
import { designIdentity } from './designIdentity.ts';
import { migrationPlan, withoutIndexes } from './migrationPlan.ts';
import { migrationPlanText } from './migrationPlanText.ts';

const without = (model: Model, names: readonly string[]): Model => ({ ...model, patterns: model.patterns.filter((p) => !names.includes(p.name)) });

describe('migrationPlan', () => {
  const ecommerce = exampleModel('ecommerce');
  const removed = ['getUsersByPlan', 'getOrdersByStatus', 'getTrendingProducts'];

  it('backfills the new GSI keys first, then creates the GSI from the new design’s definition, then verifies', () => {
    const from = deriveDesign(without(ecommerce, removed));
    const to = deriveDesign(ecommerce, { previous: designLayout(from), deployed: true });
    const plan = migrationPlan(from, to);
    expect(plan.impossible).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['backfill', 'createIndex', 'verify']);
    const [backfill, create] = plan.steps;
    if (backfill?.kind !== 'backfill' || create?.kind !== 'createIndex') throw new Error('steps out of order');
    const added = to.indexes.filter((i) => !from.indexes.some((f) => f.name === i.name));
    expect(added.map((i) => i.name)).toEqual([create.index]);
    expect(create.creation.index).toEqual(tableDefinition(to).GlobalSecondaryIndexes?.find((g) => g.IndexName === create.index));
    expect(create.creation.attributeDefinitions.map((d) => d.AttributeName).sort()).toEqual(create.creation.index.KeySchema.map((k) => k.AttributeName).sort());
    // Every entity the new GSI keys gets its key attributes, at its declared count.
    const gsi = added[0];
    if (!gsi || gsi.keys === 'native') throw new Error('expected a composite GSI');
    expect(backfill.entities.map((e) => e.entity)).toEqual(gsi.entities);
    for (const e of backfill.entities) {
      expect(e.set).toEqual([gsi.pkAttribute, gsi.skAttribute]);
      expect(e.items).toBe(ecommerce.entities.find((x) => x.name === e.entity)?.count);
      expect(e.writeUnitsPerItem).toBeGreaterThanOrEqual(1);
    }
    expect(backfill.items).toBe(backfill.entities.reduce((n, e) => n + e.items, 0));
    expect(plan.from).toBe(designIdentity(designLayout(from)));
    expect(plan.to).toBe(designIdentity(designLayout(to)));
    expect(plan.unusedIndexes).toEqual([]);
    expect(migrationPlanText(plan)).toContain(`2. createIndex ${create.index}:`);
  });

  it('keeps the GSIs no pattern reads any more, and drops them last only when asked', () => {
    const full = deriveDesign(ecommerce);
    const to = deriveDesign(without(ecommerce, removed), { previous: designLayout(full), deployed: true });
    const unused = full.indexes.filter((i) => i.kind === 'gsi' && i.patterns.every((p) => removed.includes(p))).map((i) => i.name);
    expect(unused.length).toBeGreaterThan(0);
    expect(to.indexes.map((i) => i.name)).toEqual(full.indexes.map((i) => i.name));
    expect(to.diagnostics.filter((d) => d.code === 'evolve.unusedIndex').map((d) => d.subject?.index)).toEqual(unused);

    const kept = migrationPlan(full, to);
    expect(kept.steps.map((s) => s.kind)).toEqual(['verify']);
    expect(kept.unusedIndexes).toEqual(unused);
    expect(kept.to).toBe(kept.from);
    expect(migrationPlanText(kept)).toContain('drop with --drop-unused');

    const dropped = migrationPlan(full, to, { dropUnused: true });
    expect(dropped.steps.map((s) => (s.kind === 'dropIndex' ? s.index : s.kind))).toEqual(['verify', ...unused]);
    // After the drop the table holds the layout without them (and without every template in them).
    const after = withoutIndexes(designLayout(to), unused);
    expect(after.entities.every((e) => unused.every((i) => e.keys[i] === undefined))).toBe(true);
    expect(dropped.to).toBe(designIdentity(after));
  });

  it('needs no backfill for a native GSI keyed on attributes the items already hold', () => {
    const text = `model "Shop"
entity Order key orderId count 5000
  orderId: string
  status: "open" | "paid"
  total: number
getOrder: Order by orderId returns one
byTotal: Order by total order by orderId
`;
    const from = deriveDesign(modelFromText(text), { keys: 'native' });
    const to = deriveDesign(modelFromText(`${text}byStatus: Order by status order by total desc\n`), {
      keys: 'native',
      previous: designLayout(from),
      deployed: true,
    });
    const created = to.indexes.filter((i) => !from.indexes.some((f) => f.name === i.name));
    expect(created.map((i) => i.keys)).toEqual(['native']);
    expect(migrationPlan(from, to).steps.map((s) => s.kind)).toEqual(['createIndex', 'verify']);
  });

  it('says a table key change is impossible on the live table, with what the alternatives cost', () => {
    const from = deriveDesign(modelFromText(TABLE_KEY_CHANGE.before));
    const to = deriveDesign(modelFromText(TABLE_KEY_CHANGE.after), { previous: designLayout(from), deployed: true });
    const plan = migrationPlan(from, to);
    expect(plan.impossible.map((d) => [d.code, d.subject])).toEqual([['evolve.tableKeyChanged', { entity: 'Order', index: 'table' }]]);
    expect(plan.impossible[0]?.message).toMatch(
      /keep "customerId" required.*a new table with a full copy \(5,000 items at the declared counts, 5,000 write units, \$0\.0031 on-demand\)/,
    );
    expect(to.diagnostics.filter((d) => d.code === 'evolve.tableKeyChanged')).toEqual(plan.impossible);
    expect(migrationPlanText(plan)).toContain('no step runs');
  });
});
