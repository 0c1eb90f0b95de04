// The generated module for a design with native (multi-attribute) GSIs beside
// composite ones (testing/nativeKeysDesign.ts): the key layout is printed by
// the engine's one template printer, toItem writes composite keys only (a
// native GSI keys the record's own attributes), fromItem drops only those, and
// every builder gives exactly buildRequest's inputs: the same
// KeyConditionExpression and `#k…` names, the parameters' own values (numbers
// as numbers), and no input at all for a BETWEEN whose low is above its high.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allModels } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../../testing/typeCheckModules.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import type { Design, Item } from '../design/types.ts';
import type { PatternParams } from '../model/types.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { generateModule } from './generateModule.ts';
import { nativeDesign, nativeModel } from './testing/nativeKeysDesign.ts';

const model = nativeModel();
const design = nativeDesign(model);
const code = generateModule(design);
const records = generateSampleRecords(model, { seed: 'native-keys', scale: 0.3 });

/** The same design, with byStatusTotal planned as two requests (its step twice): a native BETWEEN among several inputs. */
const twoSteps: Design = { ...design, patterns: design.patterns.map((p) => (p.pattern === 'byStatusTotal' ? { ...p, steps: [...p.steps, ...p.steps] } : p)) };

interface Module {
  tableDefinition: unknown;
  toItem: (entity: string, record: unknown) => Item;
  fromItem: (item: unknown) => unknown;
  AccessPatterns: Record<string, (params: unknown) => unknown>;
}

let dir: string;
let mod: Module;
let twoStepMod: Module;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-native-'));
  fs.writeFileSync(path.join(dir, 'native.ts'), code);
  fs.writeFileSync(path.join(dir, 'twoSteps.ts'), generateModule(twoSteps));
  mod = (await import(pathToFileURL(path.join(dir, 'native.ts')).href)) as Module;
  twoStepMod = (await import(pathToFileURL(path.join(dir, 'twoSteps.ts')).href)) as Module;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One AccessPatterns member, from its doc comment to its end. */
function member(name: string): string {
  const body = code.slice(code.indexOf('export const AccessPatterns = {'));
  const at = body.indexOf(`  ${name}(`);
  return body.slice(body.lastIndexOf('  /**', at), body.indexOf('\n  },', at));
}

/** A builder's inputs, as a list (one input, or the array it returns). */
const inputsOf = (built: unknown): unknown[] => (Array.isArray(built) ? built : [built]);

describe('generateModule: native GSIs', () => {
  it('prints the key layout with the engine’s template text, composite and native', () => {
    expect(code).toContain(' *   Order          GSI7   _type + status = "Order" + {status}, total + placed = {total} + {placed}\n');
    expect(code).toContain(' *   Order          GSI8   _type + coupon = "Order" + {coupon}, total = {total}\n');
    expect(code).toMatch(/ \* {3}Order {10}GSI1 {3}GSI1PK = ORDER#\{customerId\}, GSI1SK = ORDER#\{placed\}#\{orderId\}\n/);
    expect(code).toContain(' *   GSI7   _type + status / total + placed\n');
    expect(code).toContain(" * Native keys: these GSIs are keyed on the items' own attributes");
  });

  it('writes composite keys only: a native GSI gets a comment (sparse on optional attributes), no key attributes', () => {
    const indexKeys = code.slice(code.indexOf('const INDEX_KEYS'), code.indexOf('\n};', code.indexOf('const INDEX_KEYS')));
    expect(indexKeys).toContain(
      "    // GSI8: _type + coupon = \"Order\" + {coupon}, total = {total}\n    // Sparse: only records that have coupon are in GSI8.\n    // Native keys: the record's own attributes, nothing to write; a record lacking one is not in GSI8.\n    { index: 'GSI8', attributes: ['coupon', 'total'], written: [], keys: () => ({}) },\n",
    );
    expect(indexKeys).toContain("    // Native keys: the record's own attributes, nothing to write; a record lacking one is not in GSI7.\n");
    expect(indexKeys).not.toMatch(/^ {8}(status|total|managerId|level|coupon|_type): /m);
    expect(code).toMatch(/const KEY_ATTRIBUTES: ReadonlySet<string> = new Set\(\["PK","SK","GSI1PK","GSI1SK","_type"\]\);/);
    // The write runtime reads the table's (composite) key.
    expect(code).toContain("const WRITE_TARGET: WriteTarget = { tableName: TABLE_NAME, tableKey: { pk: 'PK', sk: 'SK' } };");
  });

  it('gives a native BETWEEN builder [] or [input], typed so, and executes it as the array it is', () => {
    const between = member('byStatusTotal');
    expect(between).toContain('byStatusTotal(params: ByStatusTotalParams): [] | [QueryCommandInput] {');
    expect(between).toContain(
      "    const [low, high] = pair(params.total, 'total');\n    const bounds = { low: checkNumber(low, 'total'), high: checkNumber(high, 'total') };",
    );
    expect(between).toContain("    const input: QueryCommandInput = {\n      TableName: TABLE_NAME,\n      IndexName: 'GSI7',");
    expect(between).toContain('    return bounds.low > bounds.high ? [] : [input];');
    expect(member('placedSpan')).toContain('    return compareUtf8(bounds.low, bounds.high) > 0 ? [] : [input];');
    expect(code).toContain('for (const input of AccessPatterns.byStatusTotal(params))');
    // Values as they are: the entity name as text, a number checked and sent as a number.
    expect(member('byStatusMin')).toContain(
      "        ':k0': 'Order',\n        ':k1': checkString(params.status, 'status'),\n        ':r': checkNumber(params.total, 'total'),",
    );
    expect(member('byStatus')).toContain('byStatus(params: ByStatusParams): QueryCommandInput {');
    // A filter beside a native key condition, as for composite keys.
    expect(member('filtered')).toContain(
      "      FilterExpression: '#f < :f',\n      ExpressionAttributeNames: { '#k0': '_type', '#k1': 'status', '#f': 'customerId' },",
    );
  });

  it('executes a reversed BETWEEN without sending anything, and the other bounds with one request', async () => {
    const { execute, executeAll } = mod as unknown as Record<'execute' | 'executeAll', Record<string, (client: unknown, params: unknown) => Promise<unknown>>>;
    const sent: unknown[] = [];
    const client = {
      send: (command: { input: unknown }) => {
        sent.push(command.input);
        return Promise.resolve({ Items: [] });
      },
    };
    await expect(executeAll['byStatusTotal']?.(client, { status: 'open', total: [10, 9] })).resolves.toEqual([]);
    await expect(execute['byStatusTotal']?.(client, { status: 'open', total: [10, 9] })).resolves.toEqual({ items: [] });
    expect(sent).toEqual([]);
    await executeAll['byStatusTotal']?.(client, { status: 'open', total: [9, 10] });
    expect(sent).toEqual(buildRequest(design, 'byStatusTotal', { status: 'open', total: [9, 10] }).map((r) => r.input));
  });

  it('type-checks under tsc --strict, with callers of each kind of builder', () => {
    const caller = path.join(dir, 'caller.ts');
    fs.writeFileSync(
      caller,
      [
        "import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';",
        "import { AccessPatterns } from './native';",
        "import { AccessPatterns as TwoSteps } from './twoSteps';",
        "export const some: [] | [QueryCommandInput] = AccessPatterns.byStatusTotal({ status: 'open', total: [9, 10] });",
        "export const one: QueryCommandInput = AccessPatterns.byStatusMin({ status: 'open', total: 9 });",
        "export const many: unknown[] = TwoSteps.byStatusTotal({ status: 'open', total: [9, 10] });",
        '// @ts-expect-error: total is a [low, high] pair of numbers',
        "export const wrong = AccessPatterns.byStatusTotal({ status: 'open', total: ['9', '10'] });",
        '',
      ].join('\n'),
    );
    expect(typeCheckModules([path.join(dir, 'native.ts'), path.join(dir, 'twoSteps.ts'), caller])).toEqual([]);
  }, 60_000);

  it('has the engine’s table definition, items and records', () => {
    expect(mod.tableDefinition).toEqual(tableDefinition(design));
    let withoutCoupon = 0;
    for (const [entity, list] of records) {
      for (const record of list) {
        const item = toItem(design, entity, record);
        expect(mod.toItem(entity, record)).toEqual(item);
        expect(mod.fromItem(item)).toEqual(fromItem(design, item));
        expect(mod.fromItem(item)).toEqual({ entity, record });
        if (entity === 'Order' && !Object.hasOwn(record, 'coupon')) withoutCoupon++;
      }
    }
    // The sparse GSIs are exercised: some orders lack the optional attribute.
    expect(withoutCoupon).toBeGreaterThan(0);
  });

  it('builds buildRequest’s inputs for every pattern, none for a reversed BETWEEN', () => {
    const cases: [string, PatternParams][] = [];
    for (const plan of design.patterns) for (let pick = 0; pick < 6; pick++) cases.push([plan.pattern, sampleParams(model, records, plan.pattern, pick * 5)]);
    cases.push(
      ['byStatusTotal', { status: 'open', total: [10, 9] }],
      ['byStatusTotal', { status: 'open', total: [9, 9] }],
      ['byStatusTotal', { status: 'a#b c', total: [-1.5, 1e6] }],
      ['placedSpan', { status: 'open', total: 10, placed: ['2024-03-02', '2024-03-01'] }],
      ['placedSpan', { status: 'open', total: 10, placed: ['2024-03-01', '2024-03-01'] }],
      ['couponPrefix', { status: 'é', coupon: 'SAVE#' }],
      ['byStatusAbove', { status: 'open', total: 0 }],
    );
    for (const [name, params] of cases) {
      const expected = buildRequest(design, name, params).map((r) => r.input);
      expect(inputsOf(mod.AccessPatterns[name]?.(structuredClone(params))), `${name} ${JSON.stringify(params)}`).toEqual(expected);
      expect(inputsOf(twoStepMod.AccessPatterns[name]?.(structuredClone(params))), `two steps: ${name} ${JSON.stringify(params)}`).toEqual(
        buildRequest(twoSteps, name, params).map((r) => r.input),
      );
    }
    expect(mod.AccessPatterns['byStatusTotal']?.({ status: 'open', total: [10, 9] })).toEqual([]);
    expect(mod.AccessPatterns['placedSpan']?.({ status: 'open', total: 10, placed: ['2024-03-02', '2024-03-01'] })).toEqual([]);
    expect(twoStepMod.AccessPatterns['byStatusTotal']?.({ status: 'open', total: [10, 9] })).toEqual([]);
    expect(twoStepMod.AccessPatterns['byStatusTotal']?.({ status: 'open', total: [9, 10] })).toHaveLength(2);
    // Numbers stay numbers, in the key condition and in the values.
    const [input] = inputsOf(mod.AccessPatterns['byStatusTotal']?.({ status: 'open', total: [9, 10] })) as {
      ExpressionAttributeValues: Record<string, unknown>;
    }[];
    expect(input?.ExpressionAttributeValues).toEqual({ ':k0': 'Order', ':k1': 'open', ':lo': 9, ':hi': 10 });
  });

  it('refuses parameters of the wrong type where buildRequest does', () => {
    const wrong: [string, unknown][] = [
      ['byStatus', { status: 7 }],
      ['byStatusMin', { status: 'open', total: '9' }],
      ['byStatusMin', { status: 'open', total: Number.NaN }],
      ['byStatusTotal', { status: 'open', total: 9 }],
      ['byStatusTotal', { status: 'open', total: ['9', '10'] }],
      ['couponPrefix', { status: 'open', coupon: 5 }],
      ['team', { employeeId: false }],
      // A reversed pair sends nothing, but the other key values are still checked first (as buildRequest checks them).
      ['byStatusTotal', { status: 1, total: [10, 9] }],
      ['placedSpan', { status: 'open', total: '10', placed: ['2024-03-02', '2024-03-01'] }],
    ];
    for (const [name, params] of wrong) {
      expect(() => buildRequest(design, name, params as PatternParams), `engine ${name} ${JSON.stringify(params)}`).toThrow(TypeError);
      expect(() => mod.AccessPatterns[name]?.(params), `module ${name} ${JSON.stringify(params)}`).toThrow(TypeError);
    }
  });
});

describe('generateModule: every example and test model derived with native keys', () => {
  const derived = allModels().map(({ slug, model: m }) => ({ slug, model: m, design: deriveDesign(m, { keys: 'native' }) }));

  it('derives native GSIs for them (so this is not the composite test again)', () => {
    expect(derived.filter(({ design: d }) => d.indexes.some((i) => i.keys === 'native')).length).toBeGreaterThan(derived.length / 2);
  });

  it('type-checks under tsc --strict', () => {
    const files = derived.map(({ slug, design: d }) => {
      const file = path.join(dir, `native-${slug}.ts`);
      fs.writeFileSync(file, generateModule(d));
      return file;
    });
    expect(typeCheckModules(files)).toEqual([]);
  }, 60_000);

  it('builds the engine’s requests, items and table definition', async () => {
    for (const { slug, model: m, design: d } of derived) {
      const file = path.join(dir, `native-run-${slug}.ts`);
      fs.writeFileSync(file, generateModule(d));
      const generated = (await import(pathToFileURL(file).href)) as Module;
      expect(generated.tableDefinition, slug).toEqual(tableDefinition(d));
      const sample = generateSampleRecords(m, { seed: slug, scale: 0.2 });
      for (const [entity, list] of sample) {
        for (const record of list.slice(0, 20)) {
          const item = toItem(d, entity, record);
          expect(generated.toItem(entity, record), `${slug} ${entity}`).toEqual(item);
          expect(generated.fromItem(item), `${slug} ${entity}`).toEqual(fromItem(d, item));
        }
      }
      for (const plan of d.patterns) {
        for (let pick = 0; pick < 5; pick++) {
          const params = sampleParams(m, sample, plan.pattern, pick * 7);
          expect(inputsOf(generated.AccessPatterns[plan.pattern]?.(structuredClone(params))), `${slug}.${plan.pattern} ${JSON.stringify(params)}`).toEqual(
            buildRequest(d, plan.pattern, params).map((r) => r.input),
          );
        }
      }
    }
  }, 60_000);
});
