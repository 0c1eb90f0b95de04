// Stable names and templates: a model derived again with its previous design
// keeps every index, key attribute, label and template, or lists the change
// with its reason; and what it adds answers by the pattern's meaning.
import { describe, expect, it } from 'vitest';
import { keySchemaOf } from './indexKeys.ts';
import { allModels, exampleModel } from '../../testing/exampleModels.ts';
import { prng, randomModel } from '../../testing/randomModel.ts';
import { validateModel } from '../model/validateModel.ts';
import type { Model, Pattern, RangeOp } from '../model/types.ts';
import { answerPattern } from '../queries/answerPattern.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { runRequests } from '../queries/runRequests.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { createRandom, type Random } from '../samples/createRandom.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designLayout } from './designJson.ts';
import { fromItem, toItem } from './items.ts';
import type { Design } from './types.ts';

const RANGE_OPS: Record<string, RangeOp[]> = {
  string: ['=', '<', '>=', 'between', 'begins_with'],
  number: ['=', '<=', '>', 'between'],
  boolean: ['='],
  date: ['>=', '<', 'between'],
  datetime: ['>', '<=', 'between'],
};

/** A random valid pattern for the model: any entity, equalities, maybe a range, an order, an include. */
function randomPattern(model: Model, random: Random, name: string): Pattern | undefined {
  const entity = random.pick(model.entities);
  const attributes = entity.attributes.map((a) => a.name);
  const children = model.entities.filter((e) => e.belongsTo.some((b) => b.entity === entity.name)).map((e) => e.name);
  if (children.length > 0 && random.chance(0.15)) {
    return { name, entity: entity.name, equals: [...entity.key], include: random.shuffle(children).slice(0, random.int(1, children.length)), returns: 'many' };
  }
  const equals = random.shuffle(attributes).slice(0, random.int(0, 2));
  const pattern: Pattern = { name, entity: entity.name, equals, returns: 'many' };
  if (random.chance(0.4)) {
    const attribute = random.pick(entity.attributes);
    pattern.range = { attribute: attribute.name, op: random.pick(RANGE_OPS[attribute.type] ?? ['=']) };
  }
  if (random.chance(0.5)) pattern.order = { attribute: random.pick(attributes), direction: random.chance(0.5) ? 'asc' : 'desc' };
  const errors = validateModel({ ...model, patterns: [...model.patterns, pattern] }).filter((d) => d.severity === 'error');
  return errors.length === 0 ? pattern : undefined;
}

/** Every template and index of `before` is in `after` unchanged, or `after.changes` names it. */
function unexplainedChanges(before: Design, after: Design): string[] {
  const out: string[] = [];
  const changes = after.changes ?? [];
  const listed = (index?: string, entity?: string) =>
    changes.some(
      (c) =>
        (c.index === index && c.entity === entity) ||
        (entity !== undefined && c.entity === entity && c.index === undefined) ||
        (index !== undefined && c.index === index && c.entity === undefined),
    );
  for (const index of before.indexes) {
    const now = after.indexes.find((i) => i.name === index.name);
    if ((!now || JSON.stringify(keySchemaOf(now)) !== JSON.stringify(keySchemaOf(index))) && !listed(index.name)) out.push(`index ${index.name}`);
  }
  for (const entity of before.entities) {
    const now = after.entities.find((e) => e.entity === entity.entity);
    if (now && now.label !== entity.label) out.push(`label of ${entity.entity}`);
    for (const [index, template] of Object.entries(entity.keys)) {
      if (JSON.stringify(now?.keys[index]) !== JSON.stringify(template) && !listed(index, entity.entity)) out.push(`${entity.entity} in ${index}`);
    }
  }
  if (before.entityAttribute !== after.entityAttribute && !listed()) out.push('entity attribute');
  return out;
}

/** The patterns' answers on sample items, run in memory, against their meaning. */
function wrongAnswers(design: Design, patterns: readonly string[], seed: string): string[] {
  const records = generateSampleRecords(design.model, { seed, maxPerEntity: 60 });
  const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
  const canon = (x: unknown) =>
    JSON.stringify(x, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
  const out: string[] = [];
  for (const name of patterns) {
    for (let pick = 0; pick < 4; pick++) {
      const params = sampleParams(design.model, records, name, pick * 5);
      const got = runRequests({ design, items, requests: buildRequest(design, name, params) })
        .map((i) => canon(fromItem(design, i)))
        .sort();
      const expected = answerPattern(design.model, records, name, params)
        .map((a) => canon(a))
        .sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) out.push(`${name} ${JSON.stringify(params)}`);
    }
  }
  return out;
}

const served = (d: Design) => new Set(d.patterns.map((p) => p.pattern));

describe('deriveDesign with a previous design', () => {
  it.each(allModels().map((x) => [x.slug, x.model] as const))('%s: derived again from itself, changes nothing', (_slug, model) => {
    const fresh = deriveDesign(model);
    const again = deriveDesign(model, { previous: designLayout(fresh) });
    expect(again.changes).toEqual([]);
    expect({ ...again, changes: undefined }).toEqual({ ...fresh, changes: undefined });
  });

  it.each(allModels().map((x) => [x.slug, x.model] as const))(
    '%s: adding any one pattern keeps every index and template, or lists the change with its reason',
    (slug, model) => {
      const before = deriveDesign(model);
      let tried = 0;
      for (let seed = 0; tried < 25 && seed < 200; seed++) {
        const random = createRandom(`${slug}:${seed}`);
        const pattern = randomPattern(model, random, `added${seed}`);
        if (!pattern) continue;
        tried++;
        const grown: Model = { ...model, patterns: [...model.patterns, pattern] };
        const after = deriveDesign(grown, { previous: designLayout(before) });
        const context = `${slug} + ${JSON.stringify(pattern)}`;
        expect(unexplainedChanges(before, after), context).toEqual([]);
        expect(
          after.diagnostics.filter((d) => d.code === 'engine.internal'),
          context,
        ).toEqual([]);
        // It serves whatever a fresh derivation serves, the old patterns exactly as before.
        expect([...served(after)], context).toEqual([...served(deriveDesign(grown))]);
        for (const plan of before.patterns)
          expect(
            after.patterns.find((p) => p.pattern === plan.pattern),
            context,
          ).toEqual(plan);
        for (const change of after.changes ?? []) expect(change.reason.length, context).toBeGreaterThan(10);
        if (served(after).has(pattern.name)) expect(wrongAnswers(after, [pattern.name], `${slug}:${seed}`), context).toEqual([]);
      }
      expect(tried).toBeGreaterThanOrEqual(20);
    },
  );

  it.each(allModels().map((x) => [x.slug, x.model] as const))('%s: removing any one pattern leaves the others’ templates and plans alone', (slug, model) => {
    const before = deriveDesign(model);
    for (const removed of model.patterns) {
      const shrunk: Model = { ...model, patterns: model.patterns.filter((p) => p !== removed) };
      const after = deriveDesign(shrunk, { previous: designLayout(before) });
      const context = `${slug} - ${removed.name}`;
      expect(
        after.diagnostics.filter((d) => d.severity === 'error'),
        context,
      ).toEqual(before.diagnostics.filter((d) => d.severity === 'error' && d.subject?.pattern !== removed.name));
      for (const change of after.changes ?? []) expect(change.kind, `${context}: ${JSON.stringify(change)}`).toBe('removed');
      expect(unexplainedChanges(before, after), context).toEqual([]);
      // The others read what they read before (a collection's label range may shrink with its members).
      for (const plan of after.patterns)
        expect(
          plan.steps.map((s) => [s.index, s.operation, s.entities]),
          context,
        ).toEqual(before.patterns.find((p) => p.pattern === plan.pattern)?.steps.map((s) => [s.index, s.operation, s.entities]));
    }
  });
});

describe('deriveDesign with a previous design, on random models', () => {
  it('keeps every index and template of 300 random models when a random pattern is added, or lists why, and serves what a fresh derivation serves', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const model = randomModel(prng(seed));
      if (validateModel(model).some((d) => d.severity === 'error')) continue;
      const before = deriveDesign(model);
      const random = createRandom(`random:${seed}`);
      for (let k = 0; k < 3; k++) {
        const pattern = randomPattern(model, random, `added_${k}`);
        if (!pattern) continue;
        const grown: Model = { ...model, patterns: [...model.patterns, pattern] };
        const after = deriveDesign(grown, { previous: designLayout(before) });
        const context = `seed ${seed}: ${JSON.stringify(pattern)}`;
        expect(unexplainedChanges(before, after), context).toEqual([]);
        expect(
          after.diagnostics.filter((d) => d.code === 'engine.internal'),
          context,
        ).toEqual([]);
        expect([...served(after)], context).toEqual([...served(deriveDesign(grown))]);
        for (const plan of before.patterns)
          expect(
            after.patterns.find((p) => p.pattern === plan.pattern),
            context,
          ).toEqual(plan);
        if (served(after).has(pattern.name) && checked % 5 === 0) expect(wrongAnswers(after, [pattern.name], `random:${seed}`), context).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('what a kept design says changed', () => {
  const model = exampleModel('ecommerce');
  const before = deriveDesign(model);

  it('adds a pattern no index serves in a GSI of its own or a free place, names it, and leaves GSI names alone', () => {
    const grown: Model = { ...model, patterns: [{ name: 'getOrdersByTotal', entity: 'Order', equals: ['total'], returns: 'many' }, ...model.patterns] };
    const after = deriveDesign(grown, { previous: designLayout(before) });
    expect(after.indexes.slice(0, before.indexes.length).map((i) => i.name)).toEqual(before.indexes.map((i) => i.name));
    const added = after.changes?.filter((c) => c.kind === 'added') ?? [];
    expect(added.length).toBeGreaterThan(0);
    // One row for the new GSI, naming what it keys; no second row for Order's template in it.
    expect(added).toEqual([
      {
        kind: 'added',
        index: expect.stringMatching(/^GSI\d$/) as string,
        reason: expect.stringMatching(
          /^keys Order, for getOrdersByTotal, which the previous design did not serve \(getOrdersByTotal: no index has Order partitioned by total/,
        ) as string,
      },
    ]);
    expect(
      wrongAnswers(
        after,
        grown.patterns.map((p) => p.name),
        'ecommerce-grown',
      ),
    ).toEqual([]);
    // A fresh derivation is free to renumber: this is what the previous design prevents.
    expect(after.changes?.every((c) => c.kind === 'added')).toBe(true);
  });

  it('lists a template whose attribute left the model, and re-keys only that', () => {
    const shrunk: Model = {
      ...model,
      entities: model.entities.map((e) => (e.name === 'Order' ? { ...e, attributes: e.attributes.filter((a) => a.name !== 'status') } : e)),
      patterns: model.patterns.filter((p) => p.name !== 'getOrdersByStatus'),
    };
    const after = deriveDesign(shrunk, { previous: designLayout(before) });
    const statusIndex = before.patterns.find((p) => p.pattern === 'getOrdersByStatus')?.steps[0]?.index ?? '';
    expect(after.changes).toContainEqual({
      kind: 'removed',
      index: statusIndex,
      entity: 'Order',
      reason: `Order's key in ${statusIndex} was built from "status", which Order no longer has`,
    });
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a renamed table and new entities apart from the old labels', () => {
    const grown: Model = {
      ...model,
      entities: [
        ...model.entities,
        {
          name: 'UserProfile',
          attributes: [
            { name: 'email', type: 'string' },
            { name: 'bio', type: 'string' },
          ],
          key: ['email'],
          belongsTo: [],
        },
      ],
      patterns: [...model.patterns, { name: 'getProfile', entity: 'UserProfile', equals: ['email'], returns: 'one' }],
    };
    const after = deriveDesign(grown, {
      previous: {
        ...designLayout(before),
        tableName: 'Shop',
        entities: designLayout(before).entities.map((e) => (e.entity === 'User' ? { ...e, label: 'USER_PROFILE' } : e)),
      },
    });
    expect(after.tableName).toBe('Shop');
    expect(after.entities.find((e) => e.entity === 'User')?.label).toBe('USER_PROFILE');
    expect(after.entities.find((e) => e.entity === 'UserProfile')?.label).not.toBe('USER_PROFILE');
    expect(after.changes).toContainEqual({ kind: 'added', entity: 'UserProfile', reason: 'UserProfile is new in the model' });
    expect(wrongAnswers(after, ['getProfile', 'getUserByEmail', 'getUserWithOrders'], 'profiles')).toEqual([]);
  });
});
