// Test helper for the library exports (ElectroDB, DynamoDB-Toolbox) run against DynamoDB Local, on the
// designs of src/testing/libraryExportCases.ts. One file's tests: the files type-check under tsc --strict with
// the library (hostile names stay data), and per design the table on DynamoDB Local, loaded with the
// design's sample items (toItem, loadItems), answers every exported pattern query with seeded parameters
// (paramSets) as the brute force does (answerProblem), every pattern the design serves exported (two steps,
// write-sharded and native-key patterns too); one record written by the library's put is toItem's item,
// read back by fromItem as that record.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerProblem,
  fromItem,
  generateSampleRecords,
  tableDefinition,
  toItem,
  type AnsweredRecord,
  type Design,
  type Item,
  type RecordValue,
} from '../../engine/index.ts';
import { loadItems } from '../loadItems.ts';
import { paramSets } from '../paramSets.ts';
import { uniqueTableName } from './exampleDesign.ts';
import { testClients } from './testClients.ts';

/** What a test reads of a generated library file: puts by entity and queries by pattern. */
export interface LibraryApi {
  put: Record<string, (record: RecordValue) => Promise<unknown>>;
  patterns: Record<string, (params: unknown) => Promise<unknown>>;
}

/** The designs and the type checker a test file hands in (src/testing's, which runner code does not import). */
export interface LibraryExportFixture {
  cases: { name: string; design: Design }[];
  /** Designs with hostile names: type-checked and opened only. */
  hostile: { name: string; design: Design }[];
  /** A folder whose files resolve this repository's packages. */
  scratch: string;
  /** tsc --strict's diagnostics for the files. */
  typeCheck(files: readonly string[]): string[];
}

export interface LibraryExport {
  name: string;
  /** The file's text for a design. */
  generate(design: Design): string;
  /** The imported file's API on a document client and a table. */
  open(module: unknown, doc: DynamoDBDocumentClient, tableName: string): LibraryApi;
}

/** What a pattern query answered, as records with their entity. */
function answered(design: Design, pattern: string, got: unknown): AnsweredRecord[] {
  const p = design.model.patterns.find((x) => x.name === pattern);
  if (p?.include?.length) return Object.entries(got as Record<string, RecordValue[]>).flatMap(([entity, list]) => list.map((record) => ({ entity, record })));
  const list = Array.isArray(got) ? (got as RecordValue[]) : got === undefined || got === null ? [] : [got as RecordValue];
  return list.map((record) => ({ entity: p?.entity ?? '', record }));
}

export function libraryExportTests(library: LibraryExport, fixture: LibraryExportFixture): void {
  const { cases, hostile } = fixture;
  let dir = '';
  const files = new Map<string, string>();
  const clients = testClients();
  const tables: string[] = [];
  const fileOf = (name: string) => files.get(name) ?? '';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(fixture.scratch, `.tw-${library.name}-`));
    for (const c of [...cases, ...hostile]) {
      const file = path.join(dir, `${c.name}.ts`);
      fs.writeFileSync(file, library.generate(c.design));
      files.set(c.name, file);
    }
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const t of tables) await clients.client.send(new DeleteTableCommand({ TableName: t })).catch(() => undefined);
    clients.destroy();
  });

  it(`type-checks under tsc --strict with ${library.name}, hostile names included, which stay data`, async () => {
    expect(fixture.typeCheck([...files.values()])).toEqual([]);
    for (const c of hostile) library.open(await import(pathToFileURL(fileOf(c.name)).href), clients.doc, 'T');
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
  });

  describe.each(cases)(`the ${library.name} export of $name`, ({ name, design }) => {
    it("answers every pattern the design serves like the brute force, and writes toItem's item", async () => {
      const model = design.model;
      const exported = design.patterns;
      const tableName = uniqueTableName(library.name);
      tables.push(tableName);
      await clients.client.send(new CreateTableCommand(tableDefinition(design, tableName)));
      const records = generateSampleRecords(model, { seed: name, scale: 0.5, maxPerEntity: 60 });
      const items: Item[] = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
      expect((await loadItems({ client: clients.doc, tableName, items })).status).toBe('done');
      const api = library.open(await import(pathToFileURL(fileOf(name)).href), clients.doc, tableName);
      // Every served pattern is a query of the file: none is left to the generated module.
      expect(Object.keys(api.patterns).sort()).toEqual(exported.map((p) => p.pattern).sort());
      let found = 0;
      for (const plan of exported) {
        for (const params of paramSets(design, records, plan.pattern, 2)) {
          const got = answered(design, plan.pattern, await api.patterns[plan.pattern]?.(structuredClone(params)));
          found += got.length;
          expect(answerProblem(model, records, plan.pattern, params, got), `${name}.${plan.pattern} ${JSON.stringify(params)}`).toBeUndefined();
        }
      }
      // The answers are not all empty: the keys the library queries are the items' own.
      if (exported.length > 0) expect(found).toBeGreaterThan(0);
      // A write through the library: the item toItem makes, read back by fromItem as the record.
      const [entity, list] = [...records].find(([, l]) => l.length > 0) ?? ['', []];
      const record = list[0];
      const table = design.indexes[0];
      if (!record || !table || table.keys === 'native') throw new Error(`${name}: no record or no composite table key`);
      const item = toItem(design, entity, record);
      const key = { [table.pkAttribute]: item[table.pkAttribute], [table.skAttribute]: item[table.skAttribute] };
      await clients.doc.send(new DeleteCommand({ TableName: tableName, Key: key }));
      await api.put[entity]?.(structuredClone(record));
      const stored = (await clients.doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
      expect(stored).toEqual(item);
      expect(fromItem(design, stored as Item)).toEqual({ entity, record });
    });
  });
}
