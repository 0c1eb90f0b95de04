import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { inject, describe, expect, it } from 'vitest';
import { createClients } from './createClients.ts';
import { testConnection } from './testConnection.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';

const endpoint = inject('dynamodbEndpoint');

describe('createClients', () => {
  it('signs with the credentials given: DynamoDB Local keeps one database per access key id', async () => {
    const ana = createClients({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'ana', secretAccessKey: 'x' } });
    const bo = createClients({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bo', secretAccessKey: 'y', sessionToken: 'z' } });
    try {
      const tableName = uniqueTableName('ana-only');
      await ana.client.send(new CreateTableCommand({ TableName: tableName, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }] }));
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
});
