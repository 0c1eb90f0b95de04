import { createServer, type Server } from 'node:net';
import { inject, describe, expect, it } from 'vitest';
import { DynamoDBLocalError, pingDynamoDB, startDynamoDBLocal } from './dynamodbLocal.mjs';

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0 }, () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return address.port;
}

describe('startDynamoDBLocal', () => {
  it('answers ListTables on the chosen free port until stopped, then leaves no process behind', async () => {
    const ddb = await startDynamoDBLocal({ port: 0, inMemory: true, cors: ['http://localhost:5173'] });
    try {
      expect(ddb.port).toBeGreaterThan(0);
      expect(ddb.endpoint).toBe(`http://localhost:${ddb.port}`);
      expect(await pingDynamoDB(ddb.port)).toBe(true);
    } finally {
      await ddb.stop();
    }
    expect(await pingDynamoDB(ddb.port)).toBe(false);
  });

  it('sends the listed origin back in Access-Control-Allow-Origin for a CORS preflight', async () => {
    const origin = 'http://127.0.0.1:4999';
    const ddb = await startDynamoDBLocal({ port: 0, inMemory: true, cors: [origin] });
    try {
      const response = await fetch(`http://127.0.0.1:${ddb.port}/`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-amz-target,authorization,x-amz-date',
        },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    } finally {
      await ddb.stop();
    }
  });

  it('rejects with a portInUse error naming the port when something already listens there', async () => {
    const blocker = await listenOnFreePort();
    const port = portOf(blocker);
    try {
      const failure = await startDynamoDBLocal({ port, inMemory: true }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DynamoDBLocalError);
      expect((failure as DynamoDBLocalError).code).toBe('portInUse');
      expect((failure as DynamoDBLocalError).message).toContain(`port ${port}`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('rejects with a javaMissing error that says how to install Java when java is not on PATH', async () => {
    const savedPath = process.env['PATH'];
    const savedJavaHome = process.env['JAVA_HOME'];
    process.env['PATH'] = '/nonexistent';
    delete process.env['JAVA_HOME'];
    try {
      const failure = await startDynamoDBLocal({ inMemory: true }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((failure as DynamoDBLocalError).code).toBe('javaMissing');
      expect((failure as DynamoDBLocalError).message).toContain('apt-get install -y default-jre-headless');
    } finally {
      process.env['PATH'] = savedPath;
      if (savedJavaHome !== undefined) process.env['JAVA_HOME'] = savedJavaHome;
    }
  });
});

describe('vitest global set-up', () => {
  it('provides a DynamoDB endpoint that answers ListTables', async () => {
    const endpoint = inject('dynamodbEndpoint');
    expect(await pingDynamoDB(Number(new URL(endpoint).port))).toBe(true);
  });
});
