// Test servers on 127.0.0.1 that misbehave the way a hostile or broken endpoint
// does: one that accepts connections and never answers, one that sends headers
// (or headers and part of a body) and stalls, and one that answers every request
// with an error after writing down its headers. Each answers a browser's CORS
// preflight, so the Run panel's tests can use them too.
import { createServer as createHttpServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Requests (or, for the black hole, connections) received so far. */
  readonly count: number;
  close: () => Promise<void>;
}

export interface RecordingServer extends TestServer {
  /** Headers of every request, in order of arrival. */
  readonly requests: readonly IncomingHttpHeaders[];
}

export type StallMode =
  /** Accepts the TCP connection and never reads or writes a byte. */
  | 'blackHole'
  /** Answers 200 with its headers (promising a body), then nothing. */
  | 'headers'
  /** Answers 200, headers and the first bytes of a JSON body, then nothing. */
  | 'partialBody';

const CORS = {
  'access-control-allow-origin': '*',
  // A wildcard does not cover Authorization: it must be named.
  'access-control-allow-headers': '*, authorization',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-expose-headers': 'x-amzn-requestid, x-amz-crc32',
};

function preflight(method: string | undefined, res: ServerResponse): boolean {
  if (method !== 'OPTIONS') return false;
  res.writeHead(204, CORS).end();
  return true;
}

async function listen(server: Server, sockets: Set<Socket>, counter: () => number): Promise<TestServer> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get count() {
      return counter();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A server that stalls in the given way on every request. */
export async function startStallingServer(mode: StallMode): Promise<TestServer> {
  const sockets = new Set<Socket>();
  let count = 0;
  if (mode === 'blackHole') {
    const server = createNetServer(() => void count++);
    return listen(server, sockets, () => count);
  }
  const server = createHttpServer((req, res) => {
    if (preflight(req.method, res)) return;
    count++;
    res.writeHead(200, { ...CORS, 'content-type': 'application/x-amz-json-1.0', 'content-length': '4096' });
    if (mode === 'partialBody') res.write('{"TableNames":["half-a-na');
    else res.flushHeaders();
  });
  return listen(server, sockets, () => count);
}

/**
 * A server that writes down each request's headers and refuses it as DynamoDB
 * refuses unknown credentials (HTTP 400, UnrecognizedClientException).
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const sockets = new Set<Socket>();
  const requests: IncomingHttpHeaders[] = [];
  const server = createHttpServer((req, res) => {
    if (preflight(req.method, res)) return;
    requests.push(req.headers);
    req.resume();
    req.on('end', () => {
      res
        .writeHead(400, { ...CORS, 'content-type': 'application/x-amz-json-1.0' })
        .end(
          JSON.stringify({ __type: 'com.amazon.coral.service#UnrecognizedClientException', message: 'The security token included in the request is invalid.' }),
        );
    });
  });
  const base = await listen(server, sockets, () => requests.length);
  return Object.assign(base, { requests });
}

/** The access key id a SigV4 Authorization header was signed with. */
export function signedAccessKeyId(authorization: string | undefined): string | undefined {
  return /Credential=([^/]+)\//.exec(authorization ?? '')?.[1];
}
