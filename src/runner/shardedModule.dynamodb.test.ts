// The generated module of the game lobby (../shared/problems/extensions), whose
// getOpenGames (4 shards) and getHighScores (2 shards) are sharded, run against
// the DynamoDB Local the test set-up starts: records are written through the
// module's create/update/remove (the embedded write runtime), every stored item
// is in the shard of its key, the builders return one input per shard, and
// executeAll (the shards queried in parallel, merged in order, cut to the limit)
// gives the brute-force answer before and after the writes.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { ScanCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  deriveDesign,
  encodeKeyValue,
  generateModule,
  generateSampleRecords,
  parseProblemJson,
  sampleParams,
  shardOf,
  type RecordValue,
} from '../engine/index.ts';
import { limitedAnswerProblem } from '../testing/limitedAnswer.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { testClients } from './testing/testClients.ts';
import { waitForTableActive } from './waitForTable.ts';

type Writer = Record<string, (client: DynamoDBDocumentClient, ...args: unknown[]) => Promise<unknown>>;
interface ShardedModule {
  tableDefinition: CreateTableCommandInput;
  fromItem: (item: unknown) => { entity: string; record: RecordValue } | undefined;
  AccessPatterns: Record<string, (params: unknown) => QueryCommandInput | QueryCommandInput[]>;
  executeAll: Record<string, (client: DynamoDBDocumentClient, params: unknown) => Promise<RecordValue | RecordValue[] | undefined>>;
  create: Writer;
  update: Writer;
  remove: Writer;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const parsed = parseProblemJson(fs.readFileSync(path.join(root, '..', 'shared', 'problems', 'extensions', 'game-lobby.problem.json'), 'utf8'));
if (!parsed.model) throw new Error('game-lobby does not parse');
const table = uniqueTableName('sharded-module');
// The module's TABLE_NAME is the design's: this run's own table.
const model = { ...parsed.model, table: { ...parsed.model.table, name: table } };
const design = deriveDesign(model);
const records = generateSampleRecords(model, { seed: 'sharded-module' });
const { client, doc, destroy } = testClients();

let mod: ShardedModule;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-sharded-module-'));
  const file = path.join(dir, 'accessPatterns.ts');
  fs.writeFileSync(file, generateModule(design));
  mod = (await import(pathToFileURL(file).href)) as ShardedModule;
  await client.send(new CreateTableCommand(mod.tableDefinition));
  await waitForTableActive({ client, tableName: table, pollMs: 50 });
  for (const [entity, list] of records) for (const record of list) await mod.create[entity]?.(doc, record);
});
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function scan(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
}

async function expectAnswers(): Promise<number> {
  let checked = 0;
  for (const name of ['getOpenGames', 'getHighScores']) {
    for (let pick = 0; pick < 12; pick++) {
      const params = sampleParams(model, records, name, pick);
      const got = (await mod.executeAll[name]?.(doc, params)) as RecordValue[];
      const answered = got.map((record) => ({ entity: 'Game', record }));
      expect(limitedAnswerProblem(model, records, name, params, answered), `${name} ${JSON.stringify(params)}`).toBeUndefined();
      checked++;
    }
  }
  return checked;
}

describe('a sharded generated module on DynamoDB Local', () => {
  it('builds one input per shard, each with the limit', () => {
    const inputs = mod.AccessPatterns.getOpenGames?.({});
    expect(Array.isArray(inputs) && inputs.map((i) => [i.ExpressionAttributeValues?.[':pk'], i.Limit])).toEqual(
      [0, 1, 2, 3].map((s) => [`GAME#open#${String(s)}`, 10]),
    );
  });

  it('stores each Game item in the shard of its key, and executeAll answers as brute force does', async () => {
    for (const item of await scan()) {
      if (item._type !== 'Game') continue;
      const key = encodeKeyValue('string', item.gameId as string, 'gameId');
      const enc = (name: string) => encodeKeyValue('string', item[name] as string, name);
      expect(item.GSI1PK).toBe(`GAME#${enc('status')}#${String(shardOf(key, 4))}`);
      // GSI2 is sparse on mode and score (both optional).
      if (item.mode !== undefined && item.score !== undefined) expect(item.GSI2PK).toBe(`GAME#${enc('mode')}#${String(shardOf(key, 2))}`);
      else expect(item.GSI2PK).toBeUndefined();
    }
    expect(await expectAnswers()).toBe(24);
  });

  it('keeps the answers after updates (the shard never moves) and removes', async () => {
    const games = [...(records.get('Game') ?? [])];
    for (const [i, game] of games.slice(0, 20).entries()) {
      const changes = { status: i % 2 ? 'open' : 'done', score: (i % 5) * 10, createdAt: `2026-01-${String(10 + i)}T00:00:00Z` };
      const updated = (await mod.update.Game?.(doc, { gameId: game.gameId }, changes)) as RecordValue;
      games[i] = updated;
    }
    for (const game of games.slice(20, 25)) await mod.remove.Game?.(doc, { gameId: game.gameId });
    records.set('Game', [...games.slice(0, 20), ...games.slice(25)]);
    const stored = (await scan()).filter((x) => x._type === 'Game');
    expect(stored.length).toBe(games.length - 5);
    expect(await expectAnswers()).toBe(24);
  });
});
