// The plans' requests, evaluated in memory with DynamoDB's semantics on sample
// items, against the meaning of each pattern computed by brute force on the
// records (FORMAT.md), over many parameter values.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import type { KeysMode } from '../keys/nativeKeys.ts';
import { parseProblemJson } from '../model/parseProblemJson.ts';
import type { Model, PatternParams, RecordValue, Scalar } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { answerPattern } from './answerPattern.ts';
import { buildRequest } from './buildRequest.ts';
import { compareScalars } from './compareScalars.ts';
import { compareUtf8 } from './compareUtf8.ts';
import { evaluateRequest } from './evaluateRequest.ts';
import { sampleParams } from './sampleParams.ts';
import { allModels, modelFromText } from '../../testing/exampleModels.ts';

function problem(file: string): Model {
  const parsed = parseProblemJson(fs.readFileSync(new URL(`../testing/problems/${file}`, import.meta.url), 'utf8'));
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
}

const model = modelFromText;

const canon = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareUtf8(a, b))) : v));

/**
 * Parameter sets of a pattern: values of sample records (hits), a miss, and for
 * a range on a boolean every value (every pair for between, reversed included);
 * for between on other types the reversed pair too.
 */
function paramSets(m: Model, records: Map<string, RecordValue[]>, name: string, count: number): PatternParams[] {
  const pattern = m.patterns.find((p) => p.name === name);
  const entity = m.entities.find((e) => e.name === pattern?.entity);
  const range = pattern?.range;
  const type = entity?.attributes.find((a) => a.name === range?.attribute)?.type;
  const sets: PatternParams[] = [];
  for (let pick = 0; pick < count; pick++) {
    const base = sampleParams(m, records, name, pick * 7);
    if (pick === count - 1) {
      for (const a of pattern?.equals ?? []) if (typeof base[a] === 'string') base[a] = `${String(base[a])}#nobody`;
    }
    if (!range) {
      sets.push(base);
      continue;
    }
    const a = range.attribute;
    const value = base[a];
    if (type === 'boolean' && !pattern?.equals.includes(a)) {
      const bools = [false, true];
      const values: PatternParams[string][] = range.op === 'between' ? bools.flatMap((lo) => bools.map((hi): [Scalar, Scalar] => [lo, hi])) : bools;
      for (const v of values) sets.push({ ...base, [a]: v });
    } else {
      sets.push(base);
      if (range.op === 'between' && Array.isArray(value) && compareScalars(value[0], value[1]) !== 0) sets.push({ ...base, [a]: [value[1], value[0]] });
    }
  }
  return sets;
}

/** Runs every request of a pattern in memory (failing on any request DynamoDB would refuse), each in its declared order. */
function answerInMemory(design: Design, items: Item[], name: string, params: PatternParams): Item[] {
  const out: Item[] = [];
  const pattern = design.model.patterns.find((p) => p.name === name);
  for (const request of buildRequest(design, name, params)) {
    if (request.operation === 'Query' && request.filter && typeof [request.filter.value].flat()[0] === 'boolean') {
      // DynamoDB defines no order on BOOL: only =, <> and IN may take a boolean.
      expect(request.input.FilterExpression, `${name} ${JSON.stringify(params)}`).not.toMatch(/<(?!>)|(?<!<)>|BETWEEN/);
    }
    const page = evaluateRequest({ design, items, request });
    expect(page.error, `${name} ${JSON.stringify(params)}`).toBeUndefined();
    expect(page.lastEvaluatedKey).toBeUndefined();
    const order = pattern?.order;
    if (order && !pattern.include?.length) {
      const sign = order.direction === 'desc' ? -1 : 1;
      const values = page.items.map((i) => i[order.attribute] as Scalar);
      values.slice(1).forEach((v, i) => expect(sign * (compareScalars(values[i] as Scalar, v) ?? 0), `${name} sorted by ${order.attribute}`).toBeLessThanOrEqual(0));
    }
    out.push(...page.items);
  }
  return out;
}

/** For every pattern and parameter set: the requests' records, in memory, are the brute-force answer. */
function expectAnswersMatch(m: Model, options: { seed: string; sets?: number; patterns?: string[]; keys?: KeysMode }): number {
  const design = deriveDesign(m, { keys: options.keys ?? 'composite' });
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  const records = generateSampleRecords(m, { seed: options.seed });
  const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
  let nonEmpty = 0;
  for (const pattern of m.patterns) {
    if (options.patterns && !options.patterns.includes(pattern.name)) continue;
    expect(design.patterns.some((p) => p.pattern === pattern.name), `${pattern.name} is served`).toBe(true);
    for (const params of paramSets(m, records, pattern.name, options.sets ?? 12)) {
      const got = answerInMemory(design, items, pattern.name, params).map((i) => canon(fromItem(design, i)));
      const expected = answerPattern(m, records, pattern.name, params).map((a) => canon(a));
      expect(got.sort(), `${pattern.name} ${JSON.stringify(params)}`).toEqual(expected.sort());
      if (expected.length > 0) nonEmpty++;
    }
  }
  return nonEmpty;
}

describe('the in-memory oracle', () => {
  it.each(allModels().map((x) => [x.slug, x.model] as const))('%s: every pattern’s requests, run on the sample items, give the brute-force answer', (slug, m) => {
    expect(expectAnswersMatch(m, { seed: `oracle:${slug}`, sets: 10 })).toBeGreaterThan(0);
  });

  it.each(allModels().map((x) => [x.slug, x.model] as const))('%s, native GSI keys: the same, with typed comparisons on the items’ own attributes', (slug, m) => {
    expect(expectAnswersMatch(m, { seed: `oracle-native:${slug}`, sets: 10, keys: 'native' })).toBeGreaterThan(0);
  });
});

describe('ranges served by a FilterExpression', () => {
  it('answers every range on a boolean (=, <, <=, >, >=, between) by its meaning, false < true, with only equalities sent', () => {
    const m = problem('boolean-ranges.problem.json');
    const design = deriveDesign(m);
    const filtered = design.patterns.filter((p) => p.steps.some((s) => s.filter?.type === 'boolean')).map((p) => p.pattern);
    expect(filtered).toEqual(['ownerDoneEq', 'ownerDoneLt', 'ownerDoneLe', 'ownerDoneGt', 'ownerDoneGe', 'ownerDoneBetween', 'ownerDoneAtMost']);
    expect(expectAnswersMatch(m, { seed: 'boolean-ranges', sets: 16 })).toBeGreaterThan(100);
  });

  it('answers a boolean range that is also an equality attribute, and ranges in every layout of one model', () => {
    const m = model(`model "Flags"
entity Item key id
  id: string
  group: "a" | "b" | "c"
  on: boolean
  at: datetime
byGroupOnLt: Item by group where on < ? order by at desc
byGroupOnGe: Item by group where on >= ? order by at asc
byGroupOnBetween: Item by group where on between ? and ? order by at desc
byOnAtMost: Item by on where on <= ?
byOnAbove: Item by on where on > ?
byGroupOnGt: Item by group where on > ?
`);
    expect(expectAnswersMatch(m, { seed: 'flags' })).toBeGreaterThan(50);
  });

  it('answers a between whose low end is above its high end with nothing (DynamoDB refuses such a BETWEEN)', () => {
    const m = problem('ranges.problem.json');
    expect(expectAnswersMatch(m, { seed: 'ranges', patterns: ['rangeAndOtherOrder', 'bySensorValueBetween', 'byDayBetween'] })).toBeGreaterThan(0);
    const design = deriveDesign(model(`model "Span"
entity Reading key (sensor, seq)
  sensor: string
  seq: number
  value: number
  at: datetime
span: Reading by sensor where value between ? and ? order by at asc
`));
    const [request] = buildRequest(design, 'span', { sensor: 's', value: [9, 1] });
    expect(request?.operation === 'Query' && request.input.FilterExpression).toBe('#f >= :f0 AND #f <= :f1');
  });

  it('queries (never GetItem, which takes no filter) a lookup by the whole key whose range is on a key attribute', () => {
    const m = problem('boolean-ranges.problem.json');
    const plan = deriveDesign(m).patterns.find((p) => p.pattern === 'taskBelow');
    expect(plan?.steps.map((s) => [s.operation, s.keyConditionText, s.filter?.op])).toEqual([['Query', 'PK = TASK#{taskId} AND SK = TASK', '<']]);
    expectAnswersMatch(m, { seed: 'lookups', patterns: ['taskBelow', 'taskUpTo', 'getTask'] });
  });
});

describe('include patterns', () => {
  const ORG = `model "Org"
entity Employee key empId belongsTo Employee via managerId
  empId: string
  managerId: string
entity Review key (employeeId, reviewId) belongsTo Employee via employeeId
  employeeId: string
  reviewId: number
  score: number
withReportsAndReviews: Employee by empId with Employee, Review
`;

  it('serves an include of the entity itself beside another child in two requests, and warns why', () => {
    const design = deriveDesign(model(ORG));
    expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = design.patterns.find((p) => p.pattern === 'withReportsAndReviews');
    // The Employee and its Reviews share a partition; its reports are in their managers' partitions.
    expect(plan?.steps.map((s) => [s.operation, s.index, s.entities])).toEqual([
      ['Query', 'table', ['Employee', 'Review']],
      ['Query', 'GSI1', ['Employee']],
    ]);
    expect(plan?.steps[0]?.keyConditionText).toBe('PK = EMPLOYEE#{empId}');
    expect(plan?.steps[1]?.keyConditionText).toBe('GSI1PK = EMPLOYEE#{empId→managerId} AND begins_with(GSI1SK, EMPLOYEE#)');
    const warning = design.diagnostics.find((d) => d.code === 'keys.multipleRequests');
    expect(warning).toMatchObject({ severity: 'warning', path: 'patterns[0].include' });
    expect(warning?.message).toMatch(/keyed by different attributes \(empId vs managerId\).*two requests: one Query for the Employee with its Review records \(their item collection\), one for the Employee records whose managerId holds its empId/);
    expect(expectAnswersMatch(model(ORG), { seed: 'org', sets: 20 })).toBeGreaterThan(10);
  });

  it('answers self includes, alone and beside other children (sharing the collection of other includes), by their meaning', () => {
    const m = problem('self-include-mixed.problem.json');
    const design = deriveDesign(m);
    expect(design.patterns.find((p) => p.pattern === 'employeeWithEverything')?.steps.map((s) => s.entities)).toEqual([['Employee', 'Review', 'Badge'], ['Employee']]);
    expect(design.patterns.find((p) => p.pattern === 'employeeWithReports')?.steps.map((s) => s.operation)).toEqual(['GetItem', 'Query']);
    expect(expectAnswersMatch(m, { seed: 'self-include-mixed', sets: 20 })).toBeGreaterThan(50);
  });
});

describe('optional attributes', () => {
  it('answers every pattern by its meaning when records lack optional attributes: sparse indexes for the patterns that name them, the whole entity for the others', () => {
    const m = problem('optional.problem.json');
    const records = generateSampleRecords(m, { seed: 'optional' });
    // The samples do lack them, so the answers below are about sparse items.
    for (const [entity, attribute] of [['Player', 'rating'], ['Game', 'mode'], ['Game', 'score']] as const) {
      expect((records.get(entity) ?? []).some((r) => !Object.hasOwn(r, attribute)), `${entity}.${attribute}`).toBe(true);
    }
    const design = deriveDesign(m);
    // No pattern that does not name an optional attribute reads an index keyed on one.
    const optional = new Set(m.entities.flatMap((e) => e.attributes.filter((a) => a.optional).map((a) => `${e.name}.${a.name}`)));
    for (const plan of design.patterns) {
      const pattern = m.patterns.find((p) => p.name === plan.pattern);
      const named = new Set([...(pattern?.equals ?? []), pattern?.range?.attribute, pattern?.order?.attribute]);
      for (const step of plan.steps) {
        for (const entity of step.entities) {
          const template = design.entities.find((e) => e.entity === entity)?.keys[step.index];
          const keyed = [...(template?.pk ?? []), ...(template?.sk ?? [])].flatMap((s) => (s.kind === 'attribute' && optional.has(`${entity}.${s.name}`) ? [s.name] : []));
          expect(keyed.filter((a) => entity !== plan.entity || !named.has(a)), `${plan.pattern} on ${step.index}`).toEqual([]);
        }
      }
    }
    expect(expectAnswersMatch(m, { seed: 'optional', sets: 16 })).toBeGreaterThan(100);
  });
});
