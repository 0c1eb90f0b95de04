// Test helper: the clients of one DynamoDB Local test file, and the tables and
// fixtures its tests make, all deleted (or disposed of) after the file's tests.
import { afterAll } from 'vitest';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { Clients } from '../createClients.ts';
import { uniqueTableName } from './exampleDesign.ts';
import { testClients } from './testClients.ts';

export interface TestTables {
  clients: Clients;
  /** A table name no other test uses, deleted after the file's tests. */
  tableName(prefix: string): string;
  /** Disposes of the fixture after the file's tests. */
  keep<T extends { dispose(): void }>(fixture: T): T;
}

export function testTables(): TestTables {
  const clients = testClients();
  const tables: string[] = [];
  const fixtures: { dispose(): void }[] = [];
  afterAll(async () => {
    for (const f of fixtures) f.dispose();
    for (const t of tables) await clients.client.send(new DeleteTableCommand({ TableName: t })).catch(() => undefined);
    clients.destroy();
  });
  return {
    clients,
    tableName(prefix) {
      const name = uniqueTableName(prefix);
      tables.push(name);
      return name;
    },
    keep(fixture) {
      fixtures.push(fixture);
      return fixture;
    },
  };
}
