// Test helper for the Run panel's session against the test run's DynamoDB Local: before each
// test the session forgets its table and points at the endpoint (with `credentials` when given:
// DynamoDB Local keeps each access key's tables apart); after the file's tests every table a test
// handed to `made` is dropped and the clients are destroyed.
import { afterAll, beforeEach, inject } from 'vitest';
import type { Clients } from '../../../runner/index.ts';
import { dropTable } from '../../../runner/testing/tableContents.ts';
import { testClients } from '../../../runner/testing/testClients.ts';
import { forgetTable, newClients, setTableName, updateCredentials, updateSettings } from '../runSession.ts';

export interface RunSessionTest {
  endpoint: string;
  clients: Clients;
  /** Drops the table `name` after the file's tests. */
  made(name: string): void;
}

export function runSessionTest(options: { credentials?: { accessKeyId: string; secretAccessKey: string }; reset?: () => void } = {}): RunSessionTest {
  const endpoint = inject('dynamodbEndpoint');
  const { credentials } = options;
  const clients = credentials ? newClients({ endpoint, region: 'us-east-1', credentials, label: endpoint }) : testClients(endpoint);
  const tables: string[] = [];
  afterAll(async () => {
    for (const name of tables) await dropTable(clients.client, name);
    clients.destroy();
  });
  beforeEach(() => {
    forgetTable();
    setTableName('');
    options.reset?.();
    updateSettings({ profile: 'custom', customUrl: endpoint, region: 'us-east-1' });
    if (credentials) updateCredentials(credentials);
  });
  return { endpoint, clients, made: (name) => void tables.push(name) };
}
