// The generated module of every example and test model, run against DynamoDB
// Local: the test writes it (generateModule, as `cli generate` does), imports it, creates the table from
// its tableDefinition, writes sample records through its toItem and runs every
// AccessPatterns builder. DynamoDB's answers must equal the brute-force answer
// on records (FORMAT.md's meaning; with a limit, any records tied at the
// boundary) and the engine's in-memory evaluation (same items, same order).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, type GetCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  buildRequest,
  compareUtf8,
  deriveDesign,
  generateModule,
  generateSampleRecords,
  runRequests,
  sampleParams,
  toItem,
  type Item,
  type Scalar,
} from '../engine/index.ts';
import { allModels } from '../testing/exampleModels.ts';
import { limitedAnswerProblem } from '../testing/limitedAnswer.ts';

interface GeneratedModule {
  tableDefinition: CreateTableCommandInput;
  toItem: (entity: string, record: unknown) => Record<string, unknown>;
  fromItem: (item: unknown) => { entity: string; record: Record<string, Scalar> };
  AccessPatterns: Record<string, (params: unknown) => GetCommandInput | QueryCommandInput | (GetCommandInput | QueryCommandInput)[]>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let doc: DynamoDBDocumentClient;
let raw: DynamoDBClient;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-modules-'));
  raw = new DynamoDBClient({ endpoint: inject('dynamodbEndpoint'), region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  doc = DynamoDBDocumentClient.from(raw);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  raw.destroy();
});

async function send(input: GetCommandInput | QueryCommandInput): Promise<Item[]> {
  if ('Key' in input && input.Key) {
    const r = await doc.send(new GetCommand(input as GetCommandInput));
    return r.Item ? [r.Item as Item] : [];
  }
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...(input as QueryCommandInput), ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((r.Items ?? []) as Item[]));
    // A Query with Limit (a pattern's first N records) is one page.
    start = (input as QueryCommandInput).Limit === undefined ? r.LastEvaluatedKey : undefined;
  } while (start);
  return items;
}

const canon = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareUtf8(a, b))) : v,
  );

describe.each(allModels())('the generated module of $slug on DynamoDB Local', ({ slug, model }) => {
  it('answers every pattern like the brute force and like the in-memory evaluation', async () => {
    const design = deriveDesign(model);
    const file = path.join(dir, `${slug}.ts`);
    fs.writeFileSync(file, generateModule(design));
    const mod = (await import(pathToFileURL(file).href)) as GeneratedModule;
    const table = `${mod.tableDefinition.TableName}-${Date.now()}`;
    await raw.send(new CreateTableCommand({ ...mod.tableDefinition, TableName: table }));
    try {
      const records = generateSampleRecords(model, { seed: slug, scale: 0.5, maxPerEntity: 120 });
      const items: Item[] = [];
      for (const [entity, list] of records) for (const r of list) items.push(toItem(design, entity, r));
      for (let i = 0; i < items.length; i += 25) {
        let batch: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
          [table]: items
            .slice(i, i + 25)
            .map((item) => ({ PutRequest: { Item: mod.toItem(String(item[design.entityAttribute]), Object.fromEntries(Object.entries(item))) } })),
        };
        while (batch && Object.keys(batch).length) {
          const r = await doc.send(new BatchWriteCommand({ RequestItems: batch }));
          batch = r.UnprocessedItems as typeof batch;
        }
      }
      for (const plan of design.patterns) {
        for (let pick = 0; pick < 6; pick++) {
          const params = sampleParams(model, records, plan.pattern, pick * 11);
          const built = mod.AccessPatterns[plan.pattern]?.(structuredClone(params));
          const inputs = (Array.isArray(built) ? built : [built]).map((x) => ({ ...x, TableName: table }) as GetCommandInput | QueryCommandInput);
          const got: Item[] = [];
          for (const input of inputs) got.push(...(await send(input)));
          const label = `${slug}.${plan.pattern} ${JSON.stringify(params)}`;
          // DynamoDB and the in-memory evaluator: same items in the same order.
          const memory = runRequests({ design, items, requests: buildRequest(design, plan.pattern, params) });
          expect(got.map(canon), label).toEqual(memory.map(canon));
          // DynamoDB and the meaning of the pattern on records: same records (with a limit, any tied at the boundary).
          expect(
            limitedAnswerProblem(
              model,
              records,
              plan.pattern,
              params,
              got.map((i) => mod.fromItem(i)),
            ),
            label,
          ).toBeUndefined();
        }
      }
    } finally {
      await raw.send(new DeleteTableCommand({ TableName: table }));
    }
  });
});
