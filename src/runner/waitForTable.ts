// Polls DescribeTable until a table and every one of its GSIs are ACTIVE
// (CreateTable returns while they are still CREATING on AWS), or until the
// table is gone (after DeleteTable).
import { DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { findTable } from './findTable.ts';
import { RunnerError } from './runnerError.ts';
import { sleep } from './sleep.ts';

interface WaitOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Give up after this long (default 5 minutes: a GSI on AWS can take a while). */
  timeoutMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
}

export function isActive(table: TableDescription): boolean {
  return table.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
}

export async function waitForTableActive({ client, tableName, timeoutMs = 300_000, pollMs = 500, signal }: WaitOptions): Promise<TableDescription> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }), signal ? { abortSignal: signal } : {});
    if (Table && isActive(Table)) return Table;
    if (Date.now() > deadline) {
      throw new RunnerError(
        'table.notActive',
        `Table ${tableName} is still ${Table?.TableStatus ?? 'unknown'} (or one of its indexes is not ACTIVE) after ${Math.round(timeoutMs / 1000)} s.`,
      );
    }
    await sleep(pollMs, signal);
  }
}

export async function waitForTableGone({ client, tableName, timeoutMs = 300_000, pollMs = 500, signal }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!(await findTable(client, tableName, signal))) return;
    if (Date.now() > deadline)
      throw new RunnerError('table.notDeleted', `Table ${tableName} still exists ${Math.round(timeoutMs / 1000)} s after DeleteTable.`);
    await sleep(pollMs, signal);
  }
}
