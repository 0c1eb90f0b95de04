// Planning reads the public layout alone: a design.json read back plans every
// model exactly as its derivation did, and a layout that lacks what a pattern
// needs says which pattern and which index, never a bug.
import { describe, expect, it } from 'vitest';
import { allModels, exampleModel } from '../../testing/exampleModels.ts';
import type { Model } from '../model/types.ts';
import { PLANNING_DIAGNOSTIC_CODES } from '../queries/queriesDiagnostic.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designJson, designLayout } from './designJson.ts';
import { parseDesignJson } from './parseDesignJson.ts';
import { planDesign } from './planDesign.ts';
import type { DesignLayout } from './types.ts';

function loaded(model: Model): DesignLayout {
  const parsed = parseDesignJson(designJson(deriveDesign(model)));
  if (!parsed.design) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.design;
}

const withPattern = (m: Model, pattern: Model['patterns'][number]): Model => ({ ...m, patterns: [...m.patterns, pattern] });

describe('planDesign on a layout read back from design.json', () => {
  it.each(allModels().map((x) => [x.slug, x.model] as const))('%s: gives the derivation’s plans, index use and errors', (_slug, model) => {
    const derived = deriveDesign(model);
    const planned = planDesign(model, loaded(model));
    expect(planned.patterns).toEqual(derived.patterns);
    expect(planned.indexes).toEqual(derived.indexes);
    expect(planned.entities).toEqual(derived.entities);
    // The derivation's errors are about patterns no layout serves; on its own layout the planner finds the same ones unserved.
    const unserved = (d: { diagnostics: { severity: string; subject?: { pattern?: string } }[] }) =>
      d.diagnostics.filter((x) => x.severity === 'error').map((x) => x.subject?.pattern);
    expect(unserved(planned)).toEqual(unserved(derived));
  });

  it('follows the layout, not the names the derivation would give: a GSI renamed by hand is planned under its new name', () => {
    const model = exampleModel('ecommerce');
    const layout = loaded(model);
    const renamed: DesignLayout = {
      ...layout,
      indexes: layout.indexes.map((i) => (i.name === 'GSI1' ? { ...i, name: 'ByUserId' } : i)),
      entities: layout.entities.map((e) => ({ ...e, keys: Object.fromEntries(Object.entries(e.keys).map(([k, t]) => [k === 'GSI1' ? 'ByUserId' : k, t])) })),
    };
    const design = planDesign(model, renamed);
    const before = deriveDesign(model)
      .patterns.filter((p) => p.steps.some((s) => s.index === 'GSI1'))
      .map((p) => p.pattern);
    expect(before.length).toBeGreaterThan(0);
    expect(design.indexes.find((i) => i.name === 'ByUserId')?.patterns).toEqual(before);
    expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a layout that cannot serve a pattern', () => {
  const model = exampleModel('ecommerce');
  const layout = loaded(model);

  it('names the pattern and the index it lacks, and still plans the others', () => {
    const m = withPattern(model, { name: 'getOrdersByTotal', entity: 'Order', equals: ['total'], returns: 'many' });
    const design = planDesign(m, layout);
    const errors = design.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      {
        code: 'queries.notServed',
        severity: 'error',
        path: `patterns[${m.patterns.length - 1}]`,
        subject: { pattern: 'getOrdersByTotal', entity: 'Order' },
        message: 'getOrdersByTotal: no index has Order partitioned by total; it needs an index with Order partitioned by total.',
      },
    ]);
    expect(design.patterns.map((p) => p.pattern)).toEqual(model.patterns.map((p) => p.name));
  });

  it('says what is missing when the partition is there but the sort key is not', () => {
    const sorted = planDesign(
      withPattern(model, { name: 'byStatusTotal', entity: 'Order', equals: ['status'], order: { attribute: 'total', direction: 'desc' }, returns: 'many' }),
      layout,
    );
    expect(sorted.diagnostics.find((d) => d.subject?.pattern === 'byStatusTotal')?.message).toMatch(
      /^byStatusTotal: GSI\d has Order keyed by status, but "createdAt" follows in its sort key where the order needs "total"; it needs an index with Order partitioned by status and sorted by total in the sort key\.$/,
    );
    const prefixed = planDesign(withPattern(model, { name: 'byEmailAndStatus', entity: 'Order', equals: ['userEmail', 'status'], returns: 'many' }), layout);
    expect(prefixed.diagnostics.find((d) => d.subject?.pattern === 'byEmailAndStatus')?.message).toMatch(
      /has Order partitioned by userEmail, but its sort key does not start with status/,
    );
  });

  it('names the item collection an include needs', () => {
    const m = withPattern(model, { name: 'productWithReviews', entity: 'Product', equals: ['productId'], include: ['Review'], returns: 'many' });
    const derived = deriveDesign(m);
    expect(derived.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const message = planDesign(m, layout).diagnostics.find((d) => d.subject?.pattern === 'productWithReviews')?.message;
    expect(message).toMatch(/^productWithReviews: no index holds Product and Review in one partition \(an item collection keyed by Product's productId\)/);
  });

  it.each(PLANNING_DIAGNOSTIC_CODES.map((code) => [code]))('%s: is reachable and about its pattern or entity', (code) => {
    const cases = {
      'queries.notServed': () => planDesign(withPattern(model, { name: 'byTotal', entity: 'Order', equals: ['total'], returns: 'many' }), layout),
      'queries.entityNotInDesign': () =>
        planDesign(
          { ...model, entities: [...model.entities, { name: 'Coupon', attributes: [{ name: 'code', type: 'string' }], key: ['code'], belongsTo: [] }] },
          layout,
        ),
      'queries.keyTypeMismatch': () => {
        const native = deriveDesign(model, { keys: 'native' });
        return planDesign(
          {
            ...model,
            entities: model.entities.map((e) =>
              e.name === 'Product' ? { ...e, attributes: e.attributes.map((a) => (a.name === 'views' ? { ...a, type: 'string' as const } : a)) } : e,
            ),
          },
          designLayout(native),
        );
      },
      'queries.attributeNotInModel': () =>
        planDesign(
          { ...model, entities: model.entities.map((e) => (e.name === 'Order' ? { ...e, attributes: e.attributes.filter((a) => a.name !== 'status') } : e)) },
          layout,
        ),
    } satisfies Record<(typeof PLANNING_DIAGNOSTIC_CODES)[number], () => unknown>;
    const design = cases[code]();
    const found = design.diagnostics.filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe('error');
      expect(d.subject?.pattern ?? d.subject?.entity).toBeDefined();
      expect(d.path).toMatch(/^(patterns|entities)\[\d+\]$/);
    }
  });

  it('is never an engine bug: every diagnostic of a foreign layout is a limit with its own code', () => {
    const other = designLayout(deriveDesign(exampleModel('aws-game-scores-leaderboard')));
    const design = planDesign(model, { ...other, entities: [...other.entities, ...layout.entities] });
    expect(design.diagnostics.map((d) => d.code)).not.toContain('engine.internal');
  });
});
