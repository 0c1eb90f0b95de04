// Items per second of the runner's loader (BatchWriteItem, 25 per call,
// several in flight) against a sequential PutItem loop, for 10,000 e-commerce
// items on a DynamoDB Local this script starts (in memory). No assertions.
//   npx tsx src/bench/loadItems.bench.ts [items]      (also part of `npm run bench`)
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDBLocal } from '../devtools/dynamodbLocal.mjs';
import { deriveDesign, loadProblem, type Design, type Item } from '../engine/index.ts';
import { sampleData } from '../cli/runCommand.ts';
import { createClients, createDesignTable, deleteDesignTable, loadItems, LOCAL_CREDENTIALS, type Clients } from '../runner/index.ts';
import { readFileSync } from 'node:fs';

function itemsFor(design: Design, wanted: number): Item[] {
  const perEntity = Math.ceil(wanted / design.model.entities.length);
  return sampleData(design, perEntity).items.slice(0, wanted);
}

async function freshTable(clients: Clients, design: Design, name: string) {
  const created = await createDesignTable({ client: clients.client, design, tableName: name, pollMs: 50 });
  if (created.status !== 'created') throw new Error(`table ${name}: ${created.status}`);
  return created.table;
}

export default async function loadItemsBench(): Promise<void> {
  const wanted = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
  const model = loadProblem(readFileSync(new URL('../examples/ecommerce.problem.json', import.meta.url), 'utf8')).model;
  if (!model) throw new Error('ecommerce.problem.json does not load');
  const design = deriveDesign(model);
  const items = itemsFor(design, wanted);
  const ddb = await startDynamoDBLocal({ port: 0, inMemory: true });
  const clients = createClients({ endpoint: ddb.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  try {
    // DynamoDB Local is 2–3× slower for its first few thousand requests (JIT): warm it up first.
    const warm = await freshTable(clients, design, 'warm-up');
    await loadItems({ client: clients.doc, tableName: 'warm-up', items: items.slice(0, 3_000), concurrency: 4 });
    for (let i = 0; i < 1_000; i++) await clients.doc.send(new PutCommand({ TableName: 'warm-up', Item: items[i % items.length]! }));
    await deleteDesignTable({ client: clients.client, table: warm, confirmTableName: 'warm-up', pollMs: 50 });

    const rows: [string, number, number][] = [];
    {
      const table = await freshTable(clients, design, 'sequential');
      const started = performance.now();
      for (const Item of items) await clients.doc.send(new PutCommand({ TableName: 'sequential', Item }));
      const seconds = (performance.now() - started) / 1000;
      rows.push(['PutItem, one at a time', seconds, items.length / seconds]);
      await deleteDesignTable({ client: clients.client, table, confirmTableName: 'sequential', pollMs: 50 });
    }
    for (const concurrency of [1, 4, 16]) {
      const name = `batch-${concurrency}`;
      const table = await freshTable(clients, design, name);
      const result = await loadItems({ client: clients.doc, tableName: name, items, concurrency });
      if (result.status !== 'done') throw new Error(`${name}: ${result.status}`);
      rows.push([`loadItems, concurrency ${concurrency}`, result.ms / 1000, result.itemsPerSecond]);
      await deleteDesignTable({ client: clients.client, table, confirmTableName: name, pollMs: 50 });
    }
    console.log(`\nloadItems: ${items.length} items on DynamoDB Local (in memory, warmed up)\n`);
    console.log('  method                       seconds   items/s');
    for (const [name, seconds, rate] of rows)
      console.log(`  ${name.padEnd(27)}  ${seconds.toFixed(2).padStart(7)}  ${Math.round(rate).toString().padStart(8)}`);
  } finally {
    clients.destroy();
    await ddb.stop();
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await loadItemsBench();
