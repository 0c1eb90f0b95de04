// Whether a table exists, and its description. Asks ListTables first because
// a browser logs every HTTP 400 — and DescribeTable answers "no such table"
// with a 400 — so the normal path (the table does not exist yet) stays quiet.
// Falls back to DescribeTable when the credentials may not list tables.
import { DescribeTableCommand, ListTablesCommand, ResourceNotFoundException, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';

const name = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name) : '');

async function listed(client: DynamoDBClient, tableName: string, signal?: AbortSignal): Promise<boolean | undefined> {
  let start: string | undefined;
  try {
    do {
      const out = await client.send(
        new ListTablesCommand({ Limit: 100, ...(start ? { ExclusiveStartTableName: start } : {}) }),
        signal ? { abortSignal: signal } : {},
      );
      if (out.TableNames?.includes(tableName)) return true;
      start = out.LastEvaluatedTableName;
    } while (start);
    return false;
  } catch (e) {
    if (name(e) === 'AccessDeniedException') return undefined;
    throw e;
  }
}

/** The table's description, or undefined when there is no table of that name. */
export async function findTable(client: DynamoDBClient, tableName: string, signal?: AbortSignal): Promise<TableDescription | undefined> {
  if ((await listed(client, tableName, signal)) === false) return undefined;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }), signal ? { abortSignal: signal } : {});
    return Table;
  } catch (e) {
    if (e instanceof ResourceNotFoundException || name(e) === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}
