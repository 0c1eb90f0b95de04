import { CreateTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients, LOCAL_CREDENTIALS } from './createClients.ts';
import { describeError } from './describeError.ts';
import { testClients } from './testing/testClients.ts';

const { client, doc, destroy } = testClients();
afterAll(() => destroy());

const caught = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('describeError', () => {
  it('says an endpoint is unreachable when nothing listens on its port, and how to get one', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const dead = createClients({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    const e = await caught(dead.client.send(new ListTablesCommand({})));
    dead.destroy();
    const d = describeError(e, { endpoint });
    expect(d.kind).toBe('unreachable');
    expect(d.message).toBe(`Cannot reach ${endpoint} (ECONNREFUSED).`);
    expect(d.hint).toContain('npm start');
  });

  it('passes DynamoDB’s own words and the request on for a ValidationException', async () => {
    const TableName = 'validation-table';
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      }),
    );
    const request = { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':other': 'x' } };
    const e = await caught(doc.send(new QueryCommand(request)));
    const d = describeError(e, { operation: 'Query', request });
    expect(d.kind).toBe('validation');
    expect(d.message).toMatch(/^Query: DynamoDB refused the request: .*:pk/);
    expect(d.hint).toContain('"KeyConditionExpression":"PK = :pk"');
  });

  it('explains a table that does not exist', async () => {
    const e = await caught(client.send(new DescribeTableCommand({ TableName: 'no-such-table' })));
    expect(describeError(e, { endpoint: 'http://localhost:8000' }).kind).toBe('tableMissing');
  });

  it('explains a table being created', async () => {
    const def = {
      TableName: 'busy-table',
      BillingMode: 'PAY_PER_REQUEST' as const,
      AttributeDefinitions: [{ AttributeName: 'k', AttributeType: 'S' as const }],
      KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' as const }],
    };
    await client.send(new CreateTableCommand(def));
    const e = await caught(client.send(new CreateTableCommand(def)));
    expect(describeError(e).kind).toBe('tableBusy');
  });

  it('names the action a permission error denies', () => {
    const e = named(
      'AccessDeniedException',
      'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: dynamodb:CreateTable on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/T because no identity-based policy allows the dynamodb:CreateTable action',
    );
    const d = describeError(e, { operation: 'CreateTable' });
    expect(d).toMatchObject({
      kind: 'permissions',
      message: 'These credentials may not perform dynamodb:CreateTable on arn:aws:dynamodb:eu-west-1:123456789012:table/T.',
    });
  });

  it('words wrong credentials without repeating them', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ';
    const e = named(
      'InvalidSignatureException',
      `The request signature we calculated does not match. The Canonical String for this request should have been 'POST / x-amz-security-token:${token} ...' secret ${secret}`,
    );
    const d = describeError(e, { secrets: ['AKIAIOSFODNN7EXAMPLE', secret, token] });
    expect(d.kind).toBe('credentials');
    const all = `${d.message} ${d.hint ?? ''}`;
    expect(all).not.toContain(secret);
    expect(all).not.toContain(token);
    const unknown = describeError(named('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    expect(unknown.message).toContain('access key id is not recognised');
  });

  it('strips credentials from messages it passes through', () => {
    const d = describeError(named('SomethingOdd', 'key AKIAIOSFODNN7EXAMPLE with secret hunter2-secret failed'), { secrets: ['hunter2-secret'] });
    expect(d.message).toBe('SomethingOdd: key [access key id] with secret [redacted] failed');
  });

  it('tells a browser CORS refusal from a closed port when the no-cors probe says which', () => {
    const failed = new TypeError('Failed to fetch');
    const blocked = describeError(failed, { endpoint: 'http://localhost:8000', origin: 'http://localhost:5173', reachable: true });
    expect(blocked.kind).toBe('browserBlocked');
    expect(blocked.hint).toContain('-cors http://localhost:5173');
    const closed = describeError(failed, { endpoint: 'http://localhost:8001', origin: 'http://localhost:5173', reachable: false });
    expect(closed).toMatchObject({ kind: 'unreachable', message: 'Cannot reach http://localhost:8001: nothing answered there.' });
    expect(closed.hint).toContain('-cors http://localhost:5173');
  });

  it('suspects the region when AWS has no endpoint for it', () => {
    const e = Object.assign(new Error('getaddrinfo ENOTFOUND dynamodb.mars-north-1.amazonaws.com'), { code: 'ENOTFOUND' });
    expect(describeError(e, { region: 'mars-north-1' })).toMatchObject({ kind: 'region' });
  });
});
