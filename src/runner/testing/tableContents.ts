// Test helpers that reach past the runner: what a table holds, raw tables.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { isDesignMetadataKey, tableDefinition, type Design } from '../../engine/index.ts';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The keys of the items a table holds, less the design-metadata items createDesignTable writes (the table's own, not loaded). */
export async function tableKeys(doc: DynamoDBDocumentClient, tableName: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: tableName, ProjectionExpression: 'PK, SK', ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of out.Items ?? []) if (!isDesignMetadataKey(item['PK'])) keys.add(`${String(item['PK'])} | ${String(item['SK'])}`);
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}

export const keyOf = (item: Record<string, unknown>): string => `${String(item['PK'])} | ${String(item['SK'])}`;

/** Deletes a table by name, deletion protection and all, for test clean-up only (the app deletes through deleteDesignTable). */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const drop = () =>
    client.send(new DeleteTableCommand({ TableName: tableName })).then(
      () => true,
      () => false,
    );
  if (await drop()) return;
  await client.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: false })).catch(() => undefined);
  await drop();
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

/** The table's description, or undefined when there is none of that name. */
export async function tableDescription(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  return client.send(new DescribeTableCommand({ TableName: tableName })).then(
    (out) => out.Table,
    (e: Error) => (e.name === 'ResourceNotFoundException' ? undefined : Promise.reject(e)),
  );
}

/** What someone else might do: delete the table and create another of the same name and shape. Returns the new one's creation time. */
export async function replaceTable(client: DynamoDBClient, design: Design, tableName: string): Promise<Date | undefined> {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  const out = await client.send(new CreateTableCommand(tableDefinition(design, tableName)));
  return out.TableDescription?.CreationDateTime;
}
