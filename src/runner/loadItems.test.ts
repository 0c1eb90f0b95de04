import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDBLocal } from '../devtools/dynamodbLocal.mjs';
import { tableDefinition, type Item } from '../engine/index.ts';
import { createDesignTable } from './createDesignTable.ts';
import { loadItems, type BatchWriteSend, type LoadProgress } from './loadItems.ts';
import { exampleDesign, uniqueTableName } from './testing/exampleDesign.ts';
import { keyOf, tableKeys } from './testing/tableContents.ts';
import { testClients } from './testing/testClients.ts';

const { client, doc, destroy } = testClients();
const { design, items } = exampleDesign();
const fast = { baseMs: 1, capMs: 20 };
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
  destroy();
});

async function freshTable(prefix: string): Promise<string> {
  const tableName = uniqueTableName(prefix);
  made.push(tableName);
  const result = await createDesignTable({ client, design, tableName, pollMs: 50 });
  expect(result.status).toBe('created');
  return tableName;
}

const realSend: BatchWriteSend = (input) => doc.send(new BatchWriteCommand(input));

describe('loadItems', () => {
  it('writes every item, reporting progress up to the exact total', async () => {
    const tableName = await freshTable('load');
    const progress: LoadProgress[] = [];
    const result = await loadItems({ client: doc, tableName, items, concurrency: 6, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ status: 'done', written: items.length, total: items.length, resumeAt: items.length });
    expect(progress.at(-1)?.written).toBe(items.length);
    expect(progress.map((p) => p.written)).toEqual([...progress.map((p) => p.written)].sort((a, b) => a - b));
    expect(await tableKeys(doc, tableName)).toEqual(new Set(items.map(keyOf)));
  });

  it('backs off on throttling errors and still lands every item in a 1 WCU provisioned table', async () => {
    const tableName = uniqueTableName('throttle');
    made.push(tableName);
    const { BillingMode: _billing, GlobalSecondaryIndexes, ...def } = tableDefinition(design, tableName);
    const throughput = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 };
    await client.send(
      new CreateTableCommand({
        ...def,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: throughput,
        ...(GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: GlobalSecondaryIndexes.map((g) => ({ ...g, ProvisionedThroughput: throughput })) } : {}),
      }),
    );
    // DynamoDB Local never throttles, so the first calls are refused here as DynamoDB would.
    const names = ['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'ThrottlingException'];
    let refused = 0;
    const send: BatchWriteSend = async (input) => {
      const name = names[refused];
      if (name !== undefined) {
        refused++;
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name });
      }
      return realSend(input);
    };
    const result = await loadItems({ send, tableName, items, concurrency: 4, backoff: fast });
    expect(refused).toBe(4);
    expect(result).toMatchObject({ status: 'done', written: items.length });
    expect(result.retries).toBeGreaterThanOrEqual(4);
    expect(await tableKeys(doc, tableName)).toEqual(new Set(items.map(keyOf)));
  });

  it('sends UnprocessedItems again until DynamoDB has accepted them all', async () => {
    const tableName = await freshTable('unprocessed');
    // Pass only the first 10 requests of each call on; report the rest unprocessed.
    const send: BatchWriteSend = async (input: BatchWriteCommandInput) => {
      const requests = input.RequestItems?.[tableName] ?? [];
      const out = await realSend({ RequestItems: { [tableName]: requests.slice(0, 10) } });
      const rest = requests.slice(10);
      return rest.length ? { ...out, UnprocessedItems: { [tableName]: rest } } : out;
    };
    const progress: number[] = [];
    const result = await loadItems({ send, tableName, items, concurrency: 3, backoff: fast, onProgress: (p) => progress.push(p.written) });
    expect(result).toMatchObject({ status: 'done', written: items.length });
    expect(progress).toContain(10);
    expect(await tableKeys(doc, tableName)).toEqual(new Set(items.map(keyOf)));
  });

  it('stops at a request DynamoDB refuses, with the exact number of items written and where to resume', async () => {
    const tableName = await freshTable('refused');
    const bad: Item[] = items.slice(0, 300).map((item, i) => (i === 160 ? { ...item, PK: '' } : item));
    const result = await loadItems({ client: doc, tableName, items: bad, concurrency: 4 });
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.error.code).toBe('load.requestFailed');
    expect((result.error.cause as Error).name).toBe('ValidationException');
    expect(result.error.itemIndex).toBe(150);
    const inTable = await tableKeys(doc, tableName);
    expect(result.written).toBe(inTable.size);
    expect(result.resumeAt).toBeLessThanOrEqual(150);
    for (const item of bad.slice(0, result.resumeAt)) expect(inTable.has(keyOf(item))).toBe(true);
  });

  it('cancels, then resumes from the reported index and writes the rest', async () => {
    const tableName = await freshTable('cancel');
    const controller = new AbortController();
    const first = await loadItems({
      client: doc,
      tableName,
      items,
      concurrency: 4,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.written >= 100) controller.abort();
      },
    });
    expect(first.status).toBe('cancelled');
    expect(first.written).toBe((await tableKeys(doc, tableName)).size);
    expect(first.written).toBeLessThan(items.length);

    const rest = await loadItems({ client: doc, tableName, items, startAt: first.resumeAt });
    expect(rest).toMatchObject({ status: 'done', written: items.length });
    expect(await tableKeys(doc, tableName)).toEqual(new Set(items.map(keyOf)));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('loadItems when the endpoint dies mid-load', () => {
  it('reports exactly what the table held, and a resume against the restarted endpoint writes the remaining items', async () => {
    const port = await freePort();
    let ddb = await startDynamoDBLocal({ port, inMemory: true });
    const own = testClients(ddb.endpoint);
    try {
      const tableName = 'resume-after-restart';
      expect((await createDesignTable({ client: own.client, design, tableName, pollMs: 50 })).status).toBe('created');

      // After 120 accepted items: hold new requests, let those in flight finish, count the table, kill the endpoint.
      let accepted = 0;
      let inFlight = 0;
      let heldInTable: Set<string> | undefined;
      let killed: Promise<void> | undefined;
      const settle = async () => {
        while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
        heldInTable = await tableKeys(own.doc, tableName);
        await ddb.stop();
      };
      const send: BatchWriteSend = async (input) => {
        if (accepted >= 120) {
          killed ??= settle();
          await killed;
        }
        inFlight++;
        try {
          const out = await own.doc.send(new BatchWriteCommand(input));
          accepted += (input.RequestItems?.[tableName]?.length ?? 0) - (out.UnprocessedItems?.[tableName]?.length ?? 0);
          return out;
        } finally {
          inFlight--;
        }
      };
      const failed = await loadItems({ send, tableName, items, concurrency: 4 });
      expect(failed.status).toBe('failed');
      if (failed.status !== 'failed') return;
      expect(failed.error.code).toBe('load.requestFailed');
      expect((failed.error.cause as { code?: string }).code).toBe('ECONNREFUSED');
      expect(heldInTable).toBeDefined();
      expect(failed.written).toBe(heldInTable?.size);
      expect(failed.resumeAt).toBeLessThanOrEqual(failed.written);
      for (const item of items.slice(0, failed.resumeAt)) expect(heldInTable?.has(keyOf(item))).toBe(true);

      // DynamoDB Local keeps data in memory: the restarted one starts empty, so recreate the table.
      ddb = await startDynamoDBLocal({ port, inMemory: true });
      expect((await createDesignTable({ client: own.client, design, tableName, pollMs: 50 })).status).toBe('created');
      const resumed = await loadItems({ client: own.doc, tableName, items, startAt: failed.resumeAt, concurrency: 4 });
      expect(resumed).toMatchObject({ status: 'done', written: items.length });
      expect(await tableKeys(own.doc, tableName)).toEqual(new Set(items.slice(failed.resumeAt).map(keyOf)));
    } finally {
      own.destroy();
      await ddb.stop();
    }
  });
});
