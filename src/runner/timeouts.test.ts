// An endpoint that accepts and never answers, or answers halfway and stalls,
// fails every request with a timeout in words — it never holds the runner forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, DEFAULT_TIMEOUT_MS } from './createClients.ts';
import { describeError } from './describeError.ts';
import { fetchWithDeadline } from './fetchWithDeadline.ts';
import { startStallingServer, type StallMode, type TestServer } from './testing/hostileServers.ts';
import { testConnection } from './testConnection.ts';

const caught = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

const modes: StallMode[] = ['blackHole', 'headers', 'partialBody'];
const servers = new Map<StallMode, TestServer>();
beforeAll(async () => {
  for (const mode of modes) servers.set(mode, await startStallingServer(mode));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});
const urlOf = (mode: StallMode) => servers.get(mode)?.url ?? '';

describe('request timeouts (Node)', () => {
  it('gives every attempt ten seconds unless told otherwise', () => {
    const clients = createClients({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1' });
    expect(clients.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    clients.destroy();
  });

  for (const mode of modes) {
    it(`fails with a timeout in words when the endpoint ${mode === 'blackHole' ? 'accepts and never answers' : mode === 'headers' ? 'sends headers and stalls' : 'sends part of a body and stalls'}`, async () => {
      const endpoint = urlOf(mode);
      const clients = createClients({ endpoint, region: 'us-east-1', timeoutMs: 1_000, maxAttempts: 2 });
      const before = servers.get(mode)?.count ?? 0;
      const e = await caught(testConnection({ client: clients.client }));
      clients.destroy();
      expect((e as Error).name).toBe('TimeoutError');
      // Retried once, as the SDK retries any transient failure, then given up.
      expect((servers.get(mode)?.count ?? 0) - before).toBe(2);
      const d = describeError(e, { endpoint, timeoutMs: clients.timeoutMs, operation: 'ListTables' });
      expect(d.kind).toBe('timeout');
      expect(d.message).toBe(`No answer from ${endpoint} within 1 s (2 attempts, ListTables).`);
      expect(d.hint).toContain('did not answer, or stopped midway');
    });
  }

  it('a cancel ends a request the endpoint never answers, as a cancel', async () => {
    const endpoint = urlOf('headers');
    const clients = createClients({ endpoint, region: 'us-east-1', timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = caught(testConnection({ client: clients.client, signal: controller.signal }));
    const seen = servers.get('headers')?.count ?? 0;
    while ((servers.get('headers')?.count ?? 0) === seen) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const e = await pending;
    clients.destroy();
    expect(describeError(e, { endpoint, operation: 'ListTables' })).toMatchObject({ kind: 'aborted' });
  });
});

describe('fetchWithDeadline (the browser transport)', () => {
  it('bounds the whole response, body included, and aborts the fetch it gives up on', async () => {
    for (const mode of modes) {
      const e = await caught(fetchWithDeadline(1_000)(urlOf(mode), { method: 'POST', body: '{}' }));
      expect((e as Error).name, mode).toBe('TimeoutError');
    }
  });

  it('returns a complete answer as it came, and a caller’s abort as an abort', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) =>
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r1' }).end('{"__type":"x#ValidationException"}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const response = await fetchWithDeadline(5_000)(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-requestid')).toBe('r1');
    expect(await response.text()).toBe('{"__type":"x#ValidationException"}');
    server.close();

    const controller = new AbortController();
    const pending = caught(fetchWithDeadline(60_000)(urlOf('headers'), { method: 'POST', body: '{}', signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(((await pending) as Error).name).toBe('AbortError');
  });
});
