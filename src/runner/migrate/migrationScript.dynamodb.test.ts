// The migration as a standalone script (engine's migrationScript), run as a user
// would (node with tsx) against DynamoDB Local: it refuses a table of another
// design (by its key schema, its indexes or the design stored in it), migrates
// FROM's table to TO (every item stored as TO's module stores it, TO's indexes,
// every TO pattern equal to the brute force, TO's design stored in the table as
// readDeployedDesign reads it, the chunks of FROM's longer one gone), and run again
// does nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { designIdentity, designJson, designLayout, isDesignMetadataKey, migrationScript, tableDefinition, type Design } from '../../engine/index.ts';
import { compareTableWithDesign } from '../compareTableWithDesign.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH } from '../../testing/typeCheckModules.ts';
import { testTables } from '../testing/testTables.ts';
import { designPair, migrationFixture } from '../testing/migrationFixture.ts';
import { createForeignTable } from '../testing/tableContents.ts';
import { readStream } from '../testing/tableStream.ts';
import { readDeployedDesign } from './readDeployedDesign.ts';
import { LOCAL_CREDENTIALS } from '../createClients.ts';
import { designPayload, storeDesign } from './storedDesign.ts';
import { verifyTable } from './verifyTable.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const endpoint = inject('dynamodbEndpoint');
const { clients, tableName: newTable, keep } = testTables();
const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-script-run-'));
const streams = new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
afterAll(() => {
  streams.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(file: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Every item of the table, in key order (the design-metadata items with the others). */
async function scanAll(tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await clients.doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => JSON.stringify([a.PK, a.SK]).localeCompare(JSON.stringify([b.PK, b.SK])));
}

/** The design-metadata items of a table, chunk 0 first. */
async function storedChunks(tableName: string): Promise<Record<string, unknown>[]> {
  return (await scanAll(tableName)).filter((item) => isDesignMetadataKey(item.PK)).sort((a, b) => Number(a.$chunk) - Number(b.$chunk));
}

/** Stores `design` in the table as storeDesign does, in items of `chunkBytes`. */
async function store(tableName: string, design: Design, chunkBytes: number): Promise<void> {
  const { Table } = await clients.client.send(new DescribeTableCommand({ TableName: tableName }));
  const stored = await storeDesign({ client: clients.client, tableName, design, table: Table ?? {}, chunkBytes });
  expect(stored.stored).toBe(true);
}

/**
 * The changes to design-metadata items in the table's stream (DynamoDB Local implements Streams), in the order they
 * were made (sequence numbers): `put 2`, `remove 5`... Polls until there are `atLeast`.
 */
async function metadataWrites(tableName: string, atLeast: number): Promise<string[]> {
  const { Table } = await clients.client.send(new DescribeTableCommand({ TableName: tableName }));
  const records = await readStream(streams, Table?.LatestStreamArn ?? '', atLeast, (r) => isDesignMetadataKey(r.dynamodb?.Keys?.PK?.S));
  return records
    .map((r) => ({
      seq: BigInt(r.dynamodb?.SequenceNumber ?? '0'),
      text: `${r.eventName === 'REMOVE' ? 'remove' : 'put'} ${String(r.dynamodb?.Keys?.PK?.S).split('#').pop()}`,
    }))
    .sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0))
    .map((r) => r.text);
}

describe('the migration script on DynamoDB Local', () => {
  it('refuses another design’s table, migrates FROM’s, and a second run finds nothing to do', async () => {
    const removed = ['getUserWithOrders', 'getUserByUserId', 'getOrdersByStatus'];
    const tableName = newTable('script');
    const f = keep(await migrationFixture({ clients, model: exampleModel('ecommerce'), removed, tableName, seed: 'script', maxPerEntity: 40 }));
    const file = path.join(dir, 'migrate.ts');
    // TO's design in items of 1,000 bytes (several), FROM's stored before in items of 300 (more): the script deletes the rest.
    fs.writeFileSync(file, migrationScript(f.plan, f.from, f.to, await designPayload(f.to), 1000));
    await store(tableName, f.from, 300);
    const fromChunks = (await storedChunks(tableName)).length;
    // A stream on the table shows the order the script writes the design's items in.
    await clients.client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));

    // A table of another design is refused, untouched: one keyed otherwise, and one that lacks FROM's GSI1.
    const foreign = newTable('script-foreign');
    await createForeignTable(clients.client, foreign);
    const refused = await run(file, ['--endpoint', endpoint, '--table', foreign]);
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out).toMatch(/refused: table \S+ was not touched: its key is id \(HASH\); design [0-9a-f]+ has PK \(HASH\), SK \(RANGE\)/);
    const other = newTable('script-other');
    const model = exampleModel('ecommerce');
    const tableOnly = designPair(
      model,
      model.patterns.slice(1).map((p) => p.name),
      other,
    ).from;
    expect(tableOnly.indexes.length).toBe(1);
    await createDesignTable({ client: clients.client, design: tableOnly, tableName: other, pollMs: 50 });
    const refused2 = await run(file, ['--endpoint', endpoint, '--table', other]);
    expect(refused2.code, refused2.out).toBe(2);
    expect(refused2.out).toMatch(/refused: table \S+ was not touched: index GSI1 of design [0-9a-f]+ is missing/);
    // FROM's key schema and indexes, but another design stored in it (FROM less an entity): refused, nothing written.
    const storedOther = newTable('script-stored');
    await createDesignTable({ client: clients.client, design: { ...f.from, tableName: storedOther }, tableName: storedOther, pollMs: 50 });
    const otherDesign: Design = { ...f.from, tableName: storedOther, entities: f.from.entities.slice(1) };
    await store(storedOther, otherDesign, 300);
    const untouched = await scanAll(storedOther);
    const refused3 = await run(file, ['--endpoint', endpoint, '--table', storedOther]);
    expect(refused3.code, refused3.out).toBe(2);
    expect(refused3.out).toMatch(
      new RegExp(
        `refused: table \\S+ was not touched: it holds design ${designIdentity(designLayout(otherDesign))} \\(item PK = \\$tablewright#design#0, SK = \\$tablewright\\); the migration starts from design ${f.plan.from}`,
      ),
    );
    expect(await scanAll(storedOther)).toEqual(untouched);

    const dry = await run(file, ['--endpoint', endpoint, '--table', tableName, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/1\. backfill: /);

    const ran = await run(file, ['--endpoint', endpoint, '--table', tableName, '--rate', '1000']);
    expect(ran.code, ran.out).toBe(0);
    expect(ran.out).toMatch(
      /note: this endpoint keeps no tags \(DynamoDB Local\): the table is checked by the design stored in it, its key schema and indexes/,
    );
    expect(ran.out).toMatch(/stored design [0-9a-f]{16} in the table \([2-9] items,/);
    expect(ran.out).toMatch(
      /step 1\/4 backfill: [\s\S]*backfill: \d+ items read, [1-9]\d* updated[\s\S]*step 2\/4 createIndex GSI2[\s\S]*GSI2 is ACTIVE[\s\S]*step 4\/4 verify[\s\S]*verify: \d+ items read, 0 not stored as the new design stores them, 3 indexes counted: all as expected/,
    );

    const { Table } = await clients.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(compareTableWithDesign(Table ?? {}, tableDefinition(f.to, tableName)).entries).toEqual([]);
    const scan = await clients.doc.send(new ScanCommand({ TableName: tableName }));
    for (const item of scan.Items ?? []) {
      const decoded = f.toModule.fromItem(item);
      if (decoded) expect(item).toEqual(f.toModule.toItem(decoded.entity, decoded.record));
    }
    expect((await verifyTable({ doc: clients.doc, tableName, design: f.to, module: f.toModule, rounds: 1 })).ok).toBe(true);

    // TO's design is the table's now, as the runner reads it; none of FROM's longer one is left.
    const deployed = await readDeployedDesign({ client: clients.client, tableName });
    expect(deployed.status, JSON.stringify(deployed)).toBe('found');
    if (deployed.status !== 'found') return;
    expect(deployed.identity).toBe(f.plan.to);
    expect(deployed.text).toBe(designJson(f.to));
    const { modelName, ...layout } = deployed.layout;
    expect(modelName).toBe(f.to.model.name);
    expect(layout).toEqual(designLayout(f.to));
    const chunks = await storedChunks(tableName);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(fromChunks);
    expect(chunks.map((c) => [c.$chunk, c.$chunks, c.$identity])).toEqual(chunks.map((_, i) => [i, chunks.length, f.plan.to]));
    // As storeDesign: the chunks after the first, chunk 0 last (a reader that finds chunk 0 finds the rest), then FROM's leftover chunks deleted.
    const order = [
      ...chunks.map((_, i) => `put ${(i + 1) % chunks.length}`),
      ...Array.from({ length: fromChunks - chunks.length }, (_, i) => `remove ${chunks.length + i}`),
    ];
    expect(await metadataWrites(tableName, order.length)).toEqual(order);
    const migrated = await scanAll(tableName);

    const again = await run(file, ['--endpoint', endpoint, '--table', tableName]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/backfill: \d+ items read, 0 updated/);
    expect(again.out).toMatch(/design [0-9a-f]{16} is stored in the table already/);
    expect(await scanAll(tableName)).toEqual(migrated);
  });
});
