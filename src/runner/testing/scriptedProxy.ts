// A proxy on 127.0.0.1 in front of the test run's DynamoDB Local that forwards
// every request unchanged, except the operations a test scripts: those it
// answers itself, the way AWS answers what DynamoDB Local cannot (an
// UpdateContinuousBackups that says "not yet", then "enabled").
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** A scripted answer: the HTTP status and the JSON body DynamoDB would send. */
export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

export interface ScriptedProxy {
  url: string;
  /** Scripted requests answered so far, by operation (`UpdateContinuousBackups`). */
  readonly answered: ReadonlyMap<string, number>;
  close: () => Promise<void>;
}

/** `answer(operation, n)` (n counts from 0 per operation) scripts a reply, or returns undefined to forward the request. */
export async function startScriptedProxy(target: string, answer: (operation: string, n: number) => ScriptedAnswer | undefined): Promise<ScriptedProxy> {
  const to = new URL(target);
  const answered = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, '');
      const n = answered.get(operation) ?? 0;
      const scripted = answer(operation, n);
      if (scripted) {
        answered.set(operation, n + 1);
        res.writeHead(scripted.status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(scripted.body));
        return;
      }
      const forward = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
