import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { inject, describe, expect, it } from 'vitest';
import { createClients } from './createClients.ts';
import { signedAccessKeyId, startRecordingServer } from './testing/hostileServers.ts';
import { testConnection } from './testConnection.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';

const endpoint = inject('dynamodbEndpoint');

describe('createClients', () => {
  it('signs with the credentials given: DynamoDB Local keeps one database per access key id', async () => {
    const ana = createClients({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'ana', secretAccessKey: 'x' } });
    const bo = createClients({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bo', secretAccessKey: 'y', sessionToken: 'z' } });
    try {
      const tableName = uniqueTableName('ana-only');
      await ana.client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
        }),
      );
      expect((await ana.client.send(new ListTablesCommand({}))).TableNames).toContain(tableName);
      expect((await bo.client.send(new ListTablesCommand({}))).TableNames ?? []).not.toContain(tableName);
      expect((await testConnection({ client: ana.client })).tableNames).toContain(tableName);
    } finally {
      ana.destroy();
      bo.destroy();
    }
  });

  it('names where it sends, for messages', () => {
    const local = createClients({ endpoint, region: 'eu-west-1' });
    const aws = createClients({ region: 'eu-west-1' });
    expect(local.target).toBe(endpoint);
    expect(aws.target).toBe('AWS eu-west-1');
    local.destroy();
    aws.destroy();
  });

  it('signs requests to an endpoint with the fake local key, never the machine’s, unless the default chain is asked for', async () => {
    const server = await startRecordingServer();
    const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'] };
    // Fake "real" credentials in the environment, where the SDK's default chain looks first.
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIAENVIRONMENT00001';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'environment-secret';
    try {
      for (const credentials of [undefined, 'defaultChain'] as const) {
        const clients = createClients({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1, ...(credentials ? { credentials } : {}) });
        await testConnection({ client: clients.client }).catch(() => undefined);
        clients.destroy();
      }
      expect(server.requests.map((h) => signedAccessKeyId(h.authorization))).toEqual(['local', 'AKIAENVIRONMENT00001']);
    } finally {
      if (saved.id === undefined) delete process.env['AWS_ACCESS_KEY_ID'];
      else process.env['AWS_ACCESS_KEY_ID'] = saved.id;
      if (saved.secret === undefined) delete process.env['AWS_SECRET_ACCESS_KEY'];
      else process.env['AWS_SECRET_ACCESS_KEY'] = saved.secret;
      await server.close();
    }
  });

  it('refuses an endpoint URL that holds credentials', () => {
    expect(() => createClients({ endpoint: 'http://user:pass@127.0.0.1:8000', region: 'us-east-1' })).toThrow(/user:password@/);
  });
});
