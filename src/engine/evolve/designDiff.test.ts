import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import { planDesign } from '../design/planDesign.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import type { Model } from '../model/types.ts';
import { designDiff } from './designDiff.ts';
import { diffText, durationText } from './diffText.ts';
import { migrationPlan } from './migrationPlan.ts';

const without = (model: Model, names: readonly string[]): Model => ({ ...model, patterns: model.patterns.filter((p) => !names.includes(p.name)) });

describe('designDiff', () => {
  const ecommerce = exampleModel('ecommerce');
  const removed = ['getUsersByPlan', 'getOrdersByStatus', 'getTrendingProducts'];
  const from = deriveDesign(without(ecommerce, removed));
  const to = deriveDesign(ecommerce, { previous: designLayout(from), deployed: true });

  it('names the GSI added, each entity’s new template with its text, and each pattern’s request before and after', () => {
    const diff = designDiff(from, to);
    const added = to.indexes.filter((i) => !from.indexes.some((f) => f.name === i.name));
    expect(diff.indexes.added.map((i) => i.name)).toEqual(added.map((i) => i.name));
    expect(diff.indexes.dropped).toEqual([]);
    const gsi = added[0];
    if (!gsi) throw new Error('no GSI added');
    expect(diff.entities.map((e) => e.entity)).toEqual(gsi.entities);
    for (const e of diff.entities) {
      const template = to.entities.find((x) => x.entity === e.entity)?.keys[gsi.name];
      expect(e.templates).toEqual([
        {
          index: gsi.name,
          kind: 'added',
          after: template && keyTemplateLine(gsi, template),
          attributes: gsi.keys === 'native' ? [] : [gsi.pkAttribute, gsi.skAttribute],
        },
      ]);
    }
    expect(diff.patterns.filter((p) => p.status === 'added').map((p) => p.pattern)).toEqual(removed);
    expect(diff.patterns.filter((p) => p.status !== 'added').every((p) => p.status === 'unchanged')).toBe(true);
    const status = diff.patterns.find((p) => p.pattern === 'getOrdersByStatus');
    expect(status?.after?.[0]?.keyCondition).toBe(to.patterns.find((p) => p.pattern === 'getOrdersByStatus')?.steps[0]?.keyConditionText);
  });

  it('prices the migration from the plan’s backfill: items at the declared counts, write units, time at the rate', () => {
    const plan = migrationPlan(from, to);
    const diff = designDiff(from, to, { rate: 50, plan });
    const backfill = plan.steps.find((s) => s.kind === 'backfill');
    if (backfill?.kind !== 'backfill') throw new Error('no backfill');
    expect(diff.migration.items).toBe(backfill.items);
    expect(diff.migration.writeUnits).toBe(backfill.writeUnits);
    expect(diff.migration.seconds).toBe(backfill.items / 50);
    expect(diff.migration.dollars).toBeCloseTo((backfill.writeUnits * 0.625) / 1e6, 12);
    expect(diff.migration.createdIndexes).toEqual(diff.indexes.added.map((i) => i.name));
    const text = diffText(diff);
    expect(text).toContain('at 50 items/s');
    expect(text).toContain(`added ${diff.indexes.added[0]?.name ?? '?'} (`);
  });

  it('marks the patterns a design.json could not serve (planned with the new model) as not served before', () => {
    const before = planDesign(ecommerce, designLayout(from));
    const diff = designDiff(before, to);
    const notBefore = diff.patterns.filter((p) => p.notServedBefore).map((p) => p.pattern);
    expect(notBefore).toEqual(removed);
    expect(diff.patterns.filter((p) => p.status === 'added').map((p) => p.pattern)).toEqual(removed);
    expect(diffText(diff)).toContain('added getUsersByPlan (not served before)');
  });

  it('lists a removed pattern and the GSI it leaves unused', () => {
    const after = deriveDesign(without(ecommerce, removed), { previous: designLayout(to), deployed: true });
    const diff = designDiff(to, after);
    expect(diff.patterns.filter((p) => p.status === 'removed').map((p) => p.pattern)).toEqual(removed);
    expect(diff.indexes.unused).toEqual(
      diff.indexes.unused.length ? to.indexes.filter((i) => i.kind === 'gsi' && i.patterns.every((p) => removed.includes(p))).map((i) => i.name) : [],
    );
    expect(diff.indexes.unused.length).toBeGreaterThan(0);
    expect(diff.indexes.unusedTemplates).toEqual(
      after.diagnostics.filter((d) => d.code === 'evolve.unusedTemplate').map((d) => ({ entity: d.subject?.entity, index: d.subject?.index })),
    );
    expect(diff.migration.entities).toEqual([]);
    expect(diffText(diff)).toContain('no existing item needs new key attributes');
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => designDiff(from, to, { rate: 0 })).toThrow(RangeError);
  });
});

describe('durationText', () => {
  it('reads seconds, minutes and hours', () => {
    expect([durationText(0.2), durationText(59), durationText(150), durationText(3600), durationText(3599.5), durationText(7 * 3600 + 1790)]).toEqual([
      '1 s',
      '59 s',
      '2 min 30 s',
      '1 h',
      '1 h',
      '7 h 30 min',
    ]);
  });
});
