// The index steps of a migration: create one GSI (UpdateTable, one index change
// per call) and wait until it is ACTIVE and no longer backfilling; delete one and
// wait until it is gone. DynamoDB's rules (developer guide, "Managing global
// secondary indexes": https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html):
// one index is created or deleted per UpdateTable; a new index is CREATING while
// DynamoDB fills it from the table (`Backfilling` true), then ACTIVE; the table must
// be ACTIVE for an UpdateTable. A resumed step whose index already exists (the
// process stopped after UpdateTable) only waits; one whose key schema differs is refused.
import {
  DescribeTableCommand,
  UpdateTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { IndexCreation } from '../../engine/index.ts';
import { formatKeySchema } from '../compareTableWithDesign.ts';
import { RunnerError } from '../runnerError.ts';
import { sleep } from '../sleep.ts';

export interface IndexStepOptions {
  client: DynamoDBClient;
  tableName: string;
  signal?: AbortSignal;
  /** Between two DescribeTable calls (default 1 s). */
  pollMs?: number;
  /** Give up waiting after this long (default 6 hours: a GSI on a big table fills for a long time). */
  timeoutMs?: number;
  /** Called at each poll while the index is not ready, with its state. */
  onWait?: (state: { indexStatus: string; backfilling: boolean; table: TableDescription }) => void;
}

const DEFAULT_INDEX_TIMEOUT_MS = 6 * 3600_000;

async function describe(client: DynamoDBClient, tableName: string, signal?: AbortSignal): Promise<TableDescription> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }), signal ? { abortSignal: signal } : {});
  if (!Table) throw new RunnerError('table.notActive', `DescribeTable of ${tableName} answered no table.`);
  return Table;
}

const indexOf = (table: TableDescription, name: string): GlobalSecondaryIndexDescription | undefined =>
  table.GlobalSecondaryIndexes?.find((g) => g.IndexName === name);

/** Polls until `ready` holds for the table's description; returns that description. */
async function waitUntil(options: IndexStepOptions, index: string, ready: (table: TableDescription) => boolean): Promise<TableDescription> {
  const { client, tableName, signal, pollMs = 1000, timeoutMs = DEFAULT_INDEX_TIMEOUT_MS } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const table = await describe(client, tableName, signal);
    if (ready(table)) return table;
    const gsi = indexOf(table, index);
    options.onWait?.({ indexStatus: gsi?.IndexStatus ?? 'absent', backfilling: gsi?.Backfilling === true, table });
    if (Date.now() > deadline)
      throw new RunnerError(
        'table.notActive',
        `Index ${index} of ${tableName} is still ${gsi?.IndexStatus ?? 'absent'} after ${Math.round(timeoutMs / 60_000)} minutes.`,
      );
    await sleep(pollMs, signal);
  }
}

const tableActive = (t: TableDescription) => t.TableStatus === 'ACTIVE';

/** Creates the index (unless it exists with the same keys) and waits until it is ACTIVE and not backfilling. */
export async function createIndex(options: IndexStepOptions & { creation: IndexCreation }): Promise<TableDescription> {
  const { client, tableName, signal, creation } = options;
  const name = creation.index.IndexName;
  let table = await waitUntil(options, name, tableActive);
  const existing = indexOf(table, name);
  if (existing) {
    const have = formatKeySchema(existing.KeySchema);
    const want = formatKeySchema(creation.index.KeySchema);
    if (have !== want)
      throw new RunnerError('migrate.indexMismatch', `Index ${name} of ${tableName} exists with key ${have}; the plan creates it with ${want}.`);
  } else {
    signal?.throwIfAborted();
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: creation.attributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: creation.index }],
      }),
    );
  }
  table = await waitUntil(options, name, (t) => tableActive(t) && indexOf(t, name)?.IndexStatus === 'ACTIVE' && indexOf(t, name)?.Backfilling !== true);
  return table;
}

/** Deletes the index (unless it is gone already) and waits until the table no longer lists it. */
export async function dropIndex(options: IndexStepOptions & { index: string }): Promise<TableDescription> {
  const { client, tableName, signal, index } = options;
  const table = await waitUntil(options, index, tableActive);
  const existing = indexOf(table, index);
  if (existing && existing.IndexStatus !== 'DELETING') {
    signal?.throwIfAborted();
    await client.send(new UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index } }] }));
  }
  return waitUntil(options, index, (t) => tableActive(t) && indexOf(t, index) === undefined);
}
