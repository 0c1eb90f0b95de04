// The ElectroDB export run against DynamoDB Local: for every problem of ../shared/problems (its
// extensions too) and the engine's test problems, in both key modes, the file type-checks under
// tsc --strict with electrodb 3, the design's sample items (toItem, loaded by loadItems) are read by
// every exported pattern query with seeded parameters (paramSets), and each answer is the brute-force
// one (answerProblem). A pattern ElectroDB cannot express is not exported and its comment says why.
// One record written through ElectroDB's put is read back by Tablewright's fromItem as that record.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProblem, deriveDesign, fromItem, generateSampleRecords, tableDefinition, toItem, type AnsweredRecord, type Design, type Item, type RecordValue } from '../engine/index.ts';
import { electrodbEntities, electroUnsupported } from '../engine/interop/electrodb.ts';
import { KEYS_MODES } from '../engine/keys/nativeKeys.ts';
import { exportProblemFiles, SHARED_PROBLEMS_DIR } from '../testing/exportCases.ts';
import { HOSTILE_TEXTS } from '../testing/hostileInputs.ts';
import { loadModel } from '../testing/exampleModels.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../testing/typeCheckModules.ts';
import { loadItems } from './loadItems.ts';
import { paramSets } from './paramSets.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { testClients } from './testing/testClients.ts';

type Pattern = (params: unknown) => Promise<unknown>;
interface ElectroFile {
  createElectroDb(client: unknown, table: string): { put: Record<string, (record: unknown) => { go(): Promise<unknown> }>; patterns: Record<string, Pattern> };
}

const cases = exportProblemFiles().flatMap((file) => {
  const model = loadModel(file);
  return KEYS_MODES.map((keys) => ({ name: `${path.basename(file, '.problem.json')}-${keys}`, design: deriveDesign(model, { keys }) }));
});

/** E-commerce with `text` as its name, its table's name, every pattern's description and an enumerated value. */
function hostileDesign(text: string): Design {
  const model = structuredClone(loadModel(path.join(SHARED_PROBLEMS_DIR, 'ecommerce.problem.json')));
  model.name = text;
  for (const p of model.patterns) p.text = text;
  model.entities.flatMap((e) => e.attributes).find((a) => a.type === 'string' && a.values?.length)?.values?.push(text);
  return { ...deriveDesign(model), tableName: text };
}
const hostile = HOSTILE_TEXTS.map((text, i) => ({ name: `hostile-${String(i)}`, design: hostileDesign(text) }));

let dir: string;
const files = new Map<string, string>();
const clients = testClients();
const tables: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-electrodb-'));
  for (const c of [...cases, ...hostile]) {
    const file = path.join(dir, `${c.name}.ts`);
    fs.writeFileSync(file, electrodbEntities(c.design));
    files.set(c.name, file);
  }
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const t of tables) await clients.client.send(new DeleteTableCommand({ TableName: t })).catch(() => undefined);
  clients.destroy();
});

it('type-checks under tsc --strict with electrodb, hostile names included, which stay data', async () => {
  expect(typeCheckModules([...files.values()])).toEqual([]);
  for (const c of hostile) {
    const mod = (await import(pathToFileURL(files.get(c.name) ?? '').href)) as ElectroFile;
    mod.createElectroDb(clients.doc, 'T');
    expect(fs.readFileSync(files.get(c.name) ?? '', 'utf8')).toContain('createElectroDb');
  }
  expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
});

/** What a pattern query answered, as records with their entity. */
function answered(design: Design, pattern: string, got: unknown): AnsweredRecord[] {
  const p = design.model.patterns.find((x) => x.name === pattern);
  if (p?.include?.length) return Object.entries(got as Record<string, RecordValue[]>).flatMap(([entity, list]) => list.map((record) => ({ entity, record })));
  const list = Array.isArray(got) ? (got as RecordValue[]) : got === undefined ? [] : [got as RecordValue];
  return list.map((record) => ({ entity: p?.entity ?? '', record }));
}

describe.each(cases)('the ElectroDB entities of $name', ({ name, design }) => {
  it('answer every exported pattern like the brute force, and say why a pattern is not exported', async () => {
    const text = fs.readFileSync(files.get(name) ?? '', 'utf8');
    const model = design.model;
    const exported = design.patterns.filter((plan) => electroUnsupported(design, plan) === undefined);
    for (const plan of design.patterns) {
      if (electroUnsupported(design, plan) !== undefined) expect(text, plan.pattern).toContain(`NOT EXPORTED: ${electroUnsupported(design, plan) ?? ''}`);
    }
    // Not exported: two steps, shards, a native GSI key; nothing else.
    const expressible = design.patterns.filter((p) => p.steps.length === 1 && p.steps[0]?.shards === undefined && design.indexes.find((i) => i.name === p.steps[0]?.index)?.keys !== 'native');
    expect(exported.map((p) => p.pattern)).toEqual(expressible.map((p) => p.pattern));
    const tableName = uniqueTableName('electro');
    tables.push(tableName);
    await clients.client.send(new CreateTableCommand(tableDefinition(design, tableName)));
    const records = generateSampleRecords(model, { seed: name, scale: 0.5, maxPerEntity: 60 });
    const items: Item[] = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
    expect((await loadItems({ client: clients.doc, tableName, items })).status).toBe('done');
    const mod = (await import(pathToFileURL(files.get(name) ?? '').href)) as ElectroFile;
    const { put, patterns } = mod.createElectroDb(clients.doc, tableName);
    let found = 0;
    for (const plan of exported) {
      for (const params of paramSets(design, records, plan.pattern, 2)) {
        const got = await patterns[plan.pattern]?.(structuredClone(params));
        found += answered(design, plan.pattern, got).length;
        expect(answerProblem(model, records, plan.pattern, params, answered(design, plan.pattern, got)), `${name}.${plan.pattern} ${JSON.stringify(params)}`).toBeUndefined();
      }
    }
    // The answers are not all empty: the keys ElectroDB queries are the items' own.
    if (exported.length > 0) expect(found).toBeGreaterThan(0);
    // A write through ElectroDB: the item toItem makes, read back by fromItem as the record.
    const [entity, list] = [...records].find(([, l]) => l.length > 0) ?? ['', []];
    const record = list[0];
    if (record) {
      const item = toItem(design, entity, record);
      const table = design.indexes[0];
      if (!table || table.keys === 'native') throw new Error('no composite table key');
      const key = { [table.pkAttribute]: item[table.pkAttribute], [table.skAttribute]: item[table.skAttribute] };
      await clients.doc.send(new DeleteCommand({ TableName: tableName, Key: key }));
      await put[entity]?.(structuredClone(record)).go();
      const stored = (await clients.doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
      expect(stored).toEqual(item);
      expect(fromItem(design, stored as Item)).toEqual({ entity, record });
    }
  });
});
