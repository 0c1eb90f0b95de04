// Test helpers that reach past the runner: what a table holds, raw tables.
import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export async function tableKeys(doc: DynamoDBDocumentClient, tableName: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ProjectionExpression: 'PK, SK', ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of out.Items ?? []) keys.add(`${String(item['PK'])} | ${String(item['SK'])}`);
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}

export const keyOf = (item: Record<string, unknown>): string => `${String(item['PK'])} | ${String(item['SK'])}`;

/** Deletes a table by name, for test clean-up only (the app deletes through deleteDesignTable). */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
}

/** Creates a table keyed by `id` alone: someone else's table, for tests. */
export async function createForeignTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}
