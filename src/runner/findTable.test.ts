import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClients } from './createClients.ts';
import { findTable } from './findTable.ts';

// An access key of its own: DynamoDB Local keeps a separate database per key, so the count is known.
const { client, destroy } = createClients({
  endpoint: inject('dynamodbEndpoint'),
  region: 'eu-west-1',
  credentials: { accessKeyId: 'findTable', secretAccessKey: 'x' },
});
afterAll(() => destroy());

const create = (TableName: string) =>
  client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
    }),
  );

describe('findTable', () => {
  it('finds a table listed past the first page of ListTables, and says when there is none', async () => {
    const names = Array.from({ length: 104 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    for (const name of names) await create(name);
    expect(await findTable(client, 'nope')).toBeUndefined();
    expect((await findTable(client, 't103'))?.TableName).toBe('t103');
    expect((await findTable(client, 't000'))?.KeySchema).toEqual([{ AttributeName: 'k', KeyType: 'HASH' }]);
  });
});
