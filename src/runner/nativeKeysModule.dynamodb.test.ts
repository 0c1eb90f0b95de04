// The generated module of a design with native (multi-attribute) GSIs beside
// composite ones (engine/codegen/testing/nativeKeysDesign.ts), run against the
// DynamoDB Local the test set-up starts: the table is created from the
// module's tableDefinition, sample records are put through its toItem, and
// every pattern's answer through its AccessPatterns builders equals the brute
// force (answerPattern) and the engine's in-memory evaluation. Beside the
// sample parameters: numbers in numeric order on an N sort attribute (9 before
// 10), a reversed BETWEEN that sends nothing, and sparse native GSIs holding
// exactly the records that have the optional attribute. Then the module of
// every example and test model derived with native keys, the same way.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, QueryCommand, ScanCommand, type GetCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  answerPattern,
  buildRequest,
  compareUtf8,
  deriveDesign,
  generateModule,
  generateSampleRecords,
  parseModelText,
  runRequests,
  sampleParams,
  toItem,
  type Design,
  type Item,
  type PatternParams,
  type RecordValue,
} from '../engine/index.ts';
import { NATIVE_MODEL_TEXT, nativeDesign, nativeModel } from '../engine/codegen/testing/nativeKeysDesign.ts';
import { allModels } from '../testing/exampleModels.ts';
import { limitedAnswerProblem } from '../testing/limitedAnswer.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { testClients } from './testing/testClients.ts';
import { waitForTableActive } from './waitForTable.ts';

type Input = GetCommandInput | QueryCommandInput;

interface GeneratedModule {
  tableDefinition: CreateTableCommandInput;
  toItem: (entity: string, record: unknown) => Record<string, unknown>;
  fromItem: (item: unknown) => { entity: string; record: RecordValue };
  AccessPatterns: Record<string, (params: unknown) => Input | Input[]>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const model = nativeModel();
const design = nativeDesign(model);
const { client, doc, destroy } = testClients();
const table = uniqueTableName('native-module');

/** Sample records, and orders of one status whose totals sort differently as numbers and as text (9, 10, 100, 1000). */
const records = generateSampleRecords(model, { seed: 'native-keys-module', scale: 0.5, maxPerEntity: 80 });
const NUMERIC: RecordValue[] = [
  { orderId: 'num-1000', customerId: 'c-num', status: 'numeric', total: 1000, placed: '2024-05-01' },
  { orderId: 'num-9', customerId: 'c-num', status: 'numeric', total: 9, coupon: 'N#1 é', placed: '2024-05-04' },
  { orderId: 'num-100', customerId: 'c-num', status: 'numeric', total: 100, placed: '2024-05-03' },
  { orderId: 'num-10', customerId: 'c-num', status: 'numeric', total: 10, coupon: 'N#1 é', placed: '2024-05-02' },
];
records.set('Order', [...(records.get('Order') ?? []), ...NUMERIC]);

let mod: GeneratedModule;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-native-module-'));
  const file = path.join(dir, 'accessPatterns.ts');
  fs.writeFileSync(file, generateModule(design));
  mod = (await import(pathToFileURL(file).href)) as GeneratedModule;
  await client.send(new CreateTableCommand({ ...mod.tableDefinition, TableName: table }));
  await waitForTableActive({ client, tableName: table, pollMs: 50 });
  const items = [...records].flatMap(([entity, list]) => list.map((record) => mod.toItem(entity, record)));
  for (let i = 0; i < items.length; i += 25) {
    let batch: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (batch && Object.keys(batch).length) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: batch }));
      batch = r.UnprocessedItems as typeof batch;
    }
  }
});
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** One input's items, every page, read from `tableName`. */
async function send(input: Input, tableName = table): Promise<Item[]> {
  if ('Key' in input && input.Key) {
    const r = await doc.send(new GetCommand({ ...(input as GetCommandInput), TableName: tableName }));
    return r.Item ? [r.Item as Item] : [];
  }
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...(input as QueryCommandInput), TableName: tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((r.Items ?? []) as Item[]));
    // A Query with Limit (a pattern's first N records) is one page.
    start = (input as QueryCommandInput).Limit === undefined ? r.LastEvaluatedKey : undefined;
  } while (start);
  return items;
}

/** The builder's inputs (one, or the array it returns) and each one's items. */
async function run(pattern: string, params: PatternParams): Promise<{ inputs: Input[]; items: Item[][] }> {
  const built = mod.AccessPatterns[pattern]?.(structuredClone(params));
  if (built === undefined) throw new Error(`no builder for ${pattern}`);
  const inputs = Array.isArray(built) ? built : [built];
  const items: Item[][] = [];
  for (const input of inputs) items.push(await send(input));
  return { inputs, items };
}

async function scanCount(indexName: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new ScanCommand({ TableName: table, IndexName: indexName, Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}) }));
    count += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return count;
}

const canon = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareUtf8(a, b))) : v,
  );
const totals = (items: Item[]) => items.map((i) => i['total']);

describe('the generated module of a design with native GSIs, on DynamoDB Local', () => {
  it('stores records with no string a native key cannot hold', () => {
    // DynamoDB refuses an empty string in a GSI key attribute (the whole put): the sample data has none.
    for (const list of records.values()) for (const r of list) expect(Object.values(r)).not.toContain('');
  });

  it('answers every pattern like the brute force (in the declared order) and like the in-memory evaluation', async () => {
    const items = [...records].flatMap(([entity, list]) => list.map((record) => toItem(design, entity, record)));
    let answered = 0;
    for (const plan of design.patterns) {
      const pattern = model.patterns.find((p) => p.name === plan.pattern);
      const cases = Array.from({ length: 8 }, (_, pick) => sampleParams(model, records, plan.pattern, pick * 7));
      for (const params of cases) {
        const label = `${plan.pattern} ${JSON.stringify(params)}`;
        const got = await run(plan.pattern, params);
        const all = got.items.flat();
        const expected = answerPattern(model, records, plan.pattern, params);
        expect(all.map((i) => canon(mod.fromItem(i))).sort(), label).toEqual(expected.map((a) => canon({ entity: a.entity, record: a.record })).sort());
        // The order attribute's values come as the pattern declares (ties in any order).
        const order = pattern?.order;
        if (order && got.inputs.length === 1)
          expect(
            all.map((i) => i[order.attribute]),
            label,
          ).toEqual(expected.map((a) => a.record[order.attribute]));
        const memory = runRequests({ design, items, requests: buildRequest(design, plan.pattern, params) });
        expect(all.map(canon).sort(), label).toEqual(memory.map(canon).sort());
        if (expected.length > 0) answered++;
      }
    }
    // Hits, not only empty answers.
    expect(answered).toBeGreaterThan(design.patterns.length * 4);
  });

  it('orders an N sort attribute numerically, both ways, and ranges over it as numbers', async () => {
    expect(totals((await run('byStatus', { status: 'numeric' })).items.flat())).toEqual([9, 10, 100, 1000]);
    expect(totals((await run('byStatusMin', { status: 'numeric', total: 10 })).items.flat())).toEqual([1000, 100, 10]);
    expect(totals((await run('byStatusUpTo', { status: 'numeric', total: 100 })).items.flat())).toEqual([100, 10, 9]);
    expect(totals((await run('byStatusBelow', { status: 'numeric', total: 100 })).items.flat())).toEqual([9, 10]);
    expect(totals((await run('byStatusAbove', { status: 'numeric', total: 9 })).items.flat())).toEqual([10, 100, 1000]);
    expect(totals((await run('byStatusTotal', { status: 'numeric', total: [9, 100] })).items.flat())).toEqual([9, 10, 100]);
  });

  it('sends nothing for a reversed BETWEEN, whose answer is empty', async () => {
    for (const [pattern, params] of [
      ['byStatusTotal', { status: 'numeric', total: [100, 9] }],
      ['placedSpan', { status: 'numeric', total: 10, placed: ['2024-05-03', '2024-05-01'] }],
    ] as const) {
      const got = await run(pattern, params as unknown as PatternParams);
      expect(got.inputs, pattern).toEqual([]);
      expect(answerPattern(model, records, pattern, params as unknown as PatternParams), pattern).toEqual([]);
    }
    expect(totals((await run('placedSpan', { status: 'numeric', total: 10, placed: ['2024-05-01', '2024-05-03'] })).items.flat())).toEqual([10]);
  });

  it('keeps records that lack an optional key attribute out of the sparse native GSIs, and only those', async () => {
    const orders = records.get('Order') ?? [];
    const withCoupon = orders.filter((r) => Object.hasOwn(r, 'coupon')).length;
    expect(withCoupon).toBeGreaterThan(2);
    expect(withCoupon).toBeLessThan(orders.length);
    expect(await scanCount('GSI8')).toBe(withCoupon);
    expect(await scanCount('GSI9')).toBe(withCoupon);
    expect(await scanCount('GSI7')).toBe(orders.length);
    const coupon = await run('byCoupon', { coupon: 'N#1 é' });
    expect(coupon.items.flat().map((i) => i['orderId'])).toEqual(['num-10', 'num-9']);
    expect(
      (await run('couponPrefix', { status: 'numeric', coupon: 'N#' })).items
        .flat()
        .map((i) => String(i['orderId']))
        .sort(),
    ).toEqual(['num-10', 'num-9']);
  });
});

/** Writes the module of `design`, creates its table, puts the records through its toItem; `check` runs, then the table goes. */
async function withModuleTable(
  name: string,
  design: Design,
  records: Map<string, RecordValue[]>,
  check: (module: GeneratedModule, tableName: string) => Promise<void>,
): Promise<void> {
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, generateModule(design));
  const module = (await import(pathToFileURL(file).href)) as GeneratedModule;
  const tableName = uniqueTableName(`native-${name}`.slice(0, 40));
  await client.send(new CreateTableCommand({ ...module.tableDefinition, TableName: tableName }));
  try {
    await waitForTableActive({ client, tableName, pollMs: 50 });
    const items = [...records].flatMap(([entity, list]) => list.map((record) => module.toItem(entity, record)));
    for (let i = 0; i < items.length; i += 25) {
      let batch: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      while (batch && Object.keys(batch).length) {
        const r = await doc.send(new BatchWriteCommand({ RequestItems: batch }));
        batch = r.UnprocessedItems as typeof batch;
      }
    }
    await check(module, tableName);
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  }
}

/** A builder's inputs run on `tableName`, every page: the items of all of them. */
async function answer(module: GeneratedModule, tableName: string, pattern: string, params: PatternParams): Promise<Item[]> {
  const built = module.AccessPatterns[pattern]?.(structuredClone(params));
  if (built === undefined) throw new Error(`no builder for ${pattern}`);
  const items: Item[] = [];
  for (const input of Array.isArray(built) ? built : [built]) items.push(...(await send(input, tableName)));
  return items;
}

describe.each(allModels())('the generated module of $slug derived with native keys, on DynamoDB Local', ({ slug, model: m }) => {
  it('answers every pattern like the brute force and like the in-memory evaluation', async () => {
    const d = deriveDesign(m, { keys: 'native' });
    const sample = generateSampleRecords(m, { seed: slug, scale: 0.5, maxPerEntity: 120 });
    await withModuleTable(slug, d, sample, async (module, tableName) => {
      const items = [...sample].flatMap(([entity, list]) => list.map((record) => toItem(d, entity, record)));
      for (const plan of d.patterns) {
        for (let pick = 0; pick < 6; pick++) {
          const params = sampleParams(m, sample, plan.pattern, pick * 11);
          const label = `${slug}.${plan.pattern} ${JSON.stringify(params)}`;
          const got = await answer(module, tableName, plan.pattern, params);
          const memory = runRequests({ design: d, items, requests: buildRequest(d, plan.pattern, params) });
          // A native GSI's sort keys need not be unique: with a Limit, DynamoDB and the evaluator may cut
          // through the items tied at the boundary differently, and both are answers.
          if (m.patterns.find((p) => p.name === plan.pattern)?.limit === undefined) expect(got.map(canon).sort(), label).toEqual(memory.map(canon).sort());
          else
            expect(
              limitedAnswerProblem(
                m,
                sample,
                plan.pattern,
                params,
                memory.map((i) => module.fromItem(i)),
              ),
              `memory: ${label}`,
            ).toBeUndefined();
          expect(
            limitedAnswerProblem(
              m,
              sample,
              plan.pattern,
              params,
              got.map((i) => module.fromItem(i)),
            ),
            label,
          ).toBeUndefined();
        }
      }
    });
  });
});

describe('a filter on an attribute a native GSI would key on', () => {
  // DynamoDB refuses a filter on a key attribute of the index it queries ("Filter Expression can only
  // contain non-primary key attributes: Primary key attribute: placed"). `filtered: Order by status where
  // placed < ? order by total` shares a chain with patterns that key on placed: native keys would put
  // placed in the GSI's key, so that chain keeps a composite key (keys.compositeKey says why).
  it('answers it like the brute force', async () => {
    const parsed = parseModelText(
      NATIVE_MODEL_TEXT.replace('filtered: Order by status where customerId < ? order by total', 'filtered: Order by status where placed < ? order by total'),
    );
    if (!parsed.model) throw new Error('the variant model does not parse');
    const m = parsed.model;
    const d = deriveDesign(m, { keys: 'native' });
    const sample = generateSampleRecords(m, { seed: 'filter-on-native-key', scale: 0.3 });
    await withModuleTable('filter-on-key', d, sample, async (module, tableName) => {
      const params = sampleParams(m, sample, 'filtered', 0);
      const got = await answer(module, tableName, 'filtered', params);
      expect(got.map((i) => canon(module.fromItem(i))).sort()).toEqual(
        answerPattern(m, sample, 'filtered', params)
          .map((a) => canon({ entity: a.entity, record: a.record }))
          .sort(),
      );
    });
  });
});
