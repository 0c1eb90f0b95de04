// Test helper: a design's table on the DynamoDB Local the test set-up starts,
// created and loaded before the file's tests, and deleted after them with every
// other table the tests list in `made`.
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Design, Item } from '../../engine/index.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { loadItems } from '../loadItems.ts';
import { uniqueTableName } from './exampleDesign.ts';
import { testClients } from './testClients.ts';

export function loadedTable(prefix: string, design: Design, items: Item[]) {
  const { client, doc, destroy } = testClients();
  const tableName = uniqueTableName(prefix);
  const made = [tableName];
  beforeAll(async () => {
    expect((await createDesignTable({ client, design, tableName, pollMs: 50 })).status).toBe('created');
    expect((await loadItems({ client: doc, tableName, items })).status).toBe('done');
  });
  afterAll(async () => {
    for (const name of made) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
    destroy();
  });
  return { client, doc, tableName, made };
}
