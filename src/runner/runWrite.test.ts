import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyWrite,
  designTable,
  isDesignMetadataKey,
  withGuardItems,
  type Item,
  type MemoryTable,
  type SentRequest,
  type WriteCall,
} from '../engine/index.ts';
import { createDesignTable } from './createDesignTable.ts';
import type { CreatedTable } from './createdTables.ts';
import { loadItems } from './loadItems.ts';
import { RunnerError } from './runnerError.ts';
import { runWrite } from './runWrite.ts';
import { exampleDesign, uniqueTableName } from './testing/exampleDesign.ts';
import { dropTable } from './testing/tableContents.ts';
import { testClients } from './testing/testClients.ts';

const { design, items } = exampleDesign();
const { client, doc, destroy } = testClients();
const tableName = uniqueTableName('write');
const stored = withGuardItems(design, items).items;
let table: CreatedTable;
let memory: MemoryTable;

beforeAll(async () => {
  const created = await createDesignTable({ client, design, tableName, pollMs: 50 });
  if (created.status !== 'created') throw new Error(`no table: ${created.status}`);
  table = created.table;
  expect((await loadItems({ client: doc, tableName, items: stored })).status).toBe('done');
  memory = designTable(design, stored);
});

afterAll(async () => {
  await dropTable(client, tableName);
  destroy();
});

/** The requests with the memory table's name, to compare with the ones sent in memory. */
const named = (requests: SentRequest[]) =>
  JSON.parse(JSON.stringify(requests.map((r) => r.request)).replaceAll(`"TableName":"${tableName}"`, `"TableName":"${design.tableName}"`)) as unknown;
const answers = (requests: SentRequest[]) => requests.map((r) => (r.answer.ok ? ['ok', r.answer.item !== undefined] : [r.answer.name, r.answer.reasons ?? []]));

async function scan(): Promise<Item[]> {
  const out: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    // The design-metadata item createDesignTable wrote is the table's own, not a write's.
    out.push(...((page.Items ?? []) as Item[]).filter((i) => !isDesignMetadataKey(i['PK'])));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (i: Item) => `${String(i.PK)}\u0000${String(i.SK)}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const order = items.find((i) => i._type === 'Order') as Item;
const review = items.find((i) => i._type === 'Review') as Item;
const product = items.find((i) => i._type === 'Product') as Item;
const WRITES: [string, WriteCall, string][] = [
  [
    'an update of a GSI key attribute (read, then put)',
    { operation: 'update', entity: 'Order', key: { orderId: order.orderId }, changes: { status: order.status === 'paid' ? 'shipped' : 'paid' } },
    'ok',
  ],
  [
    'an update that moves the record in the table (one transaction)',
    { operation: 'update', entity: 'Order', key: { orderId: order.orderId }, changes: { createdAt: '2031-02-03T04:05:06.000Z' } },
    'ok',
  ],
  [
    'a create of an existing key (RecordExistsError)',
    { operation: 'create', entity: 'Product', record: { ...product, PK: undefined, SK: undefined, GSI1PK: undefined, GSI1SK: undefined, _type: undefined } },
    'RecordExistsError',
  ],
  [
    'a create behind an identity guard',
    {
      operation: 'create',
      entity: 'Order',
      record: { orderId: 'o-written', userEmail: order.userEmail, status: 'pending', createdAt: '2030-01-01T00:00:00.000Z', total: 3 },
    },
    'ok',
  ],
  ['an add to a number in a GSI key', { operation: 'add', entity: 'Product', key: { productId: product.productId }, amounts: { views: 5 } }, 'ok'],
  [
    'an add refused by its condition',
    { operation: 'add', entity: 'Order', key: { orderId: 'o-written' }, amounts: { total: -10 }, if: { total: { ge: 10 } } },
    'ConditionFailedError',
  ],
  ['a remove through an identity guard', { operation: 'remove', entity: 'Review', key: { productId: review.productId, userId: review.userId } }, 'ok'],
  [
    'an update of a record that does not exist',
    { operation: 'update', entity: 'Order', key: { orderId: 'nobody' }, changes: { status: 'paid' } },
    'RecordNotFoundError',
  ],
];

describe('runWrite', () => {
  it.each(WRITES)('%s: sends DynamoDB the requests the app runs in memory, with the same answers and outcome', async (_name, write, outcome) => {
    const clean =
      write.operation === 'create' ? { ...write, record: Object.fromEntries(Object.entries(write.record).filter(([, v]) => v !== undefined)) } : write;
    const run = await runWrite({ client: doc, design, table, write: clean });
    const local = await applyWrite({ design, table: memory, write: clean });
    expect(named(run.requests)).toEqual(named(local.requests));
    expect(answers(run.requests)).toEqual(answers(local.requests));
    expect(run.outcome.ok ? run.outcome : { ok: false, name: run.outcome.error.name, code: run.outcome.error.code }).toEqual(
      local.outcome.ok ? local.outcome : { ok: false, name: local.outcome.error.name, code: local.outcome.error.code },
    );
    expect(run.outcome.ok ? 'ok' : run.outcome.error.name).toBe(outcome);
    expect(run.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('leaves the table holding what the memory table holds after the same writes', async () => {
    expect(await scan()).toEqual(memory.items());
  });

  it('refuses a table it did not create, sending nothing', async () => {
    const foreign = { tableName, target: 'elsewhere' } as CreatedTable;
    const before = await scan();
    await expect(runWrite({ client: doc, design, table: foreign, write: WRITES[0]![1] })).rejects.toSatisfy(
      (e) => e instanceof RunnerError && e.code === 'write.notCreatedHere',
    );
    expect(await scan()).toEqual(before);
  });
});
