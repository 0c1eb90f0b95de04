// Test helpers for `cli run` as a process: spawn it, watch its output, signal it;
// and a proxy in front of DynamoDB Local that can hold requests unanswered.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const ROOT = new URL('../../../', import.meta.url).pathname;

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface CliOptions {
  /** Added to (or, with '', blanking) the environment. */
  env?: Record<string, string>;
  /** Called on every chunk of output, with everything so far. */
  onOutput?: (out: string, err: string, child: ChildProcess) => void;
}

/**
 * Runs `cli run ARGS` in one Node process (`node --import tsx`), so a signal sent
 * to it is the signal a terminal's Ctrl-C delivers. (The `tsx` command runs the
 * script in a child process and SIGKILLs it when it does not acknowledge a
 * relayed signal within about 60 ms, which a busy shared machine can miss.)
 * The machine's AWS credentials are blanked unless `env` sets them.
 */
export function cli(args: readonly string[], { env = {}, onOutput }: CliOptions = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_SESSION_TOKEN: '',
        AWS_PROFILE: '',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      onOutput?.(out, err, child);
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      onOutput?.(out, err, child);
    });
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** Resolves once `check` holds, polling every 10 ms. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

export interface HeldRequest {
  /** X-Amz-Target without the API version: `BatchWriteItem`, `DescribeTable`... */
  operation: string;
  /** True once the client gave up on it (closed the connection) while it was held. */
  abandoned: boolean;
}

export interface HoldingProxy {
  url: string;
  /** While true, requests are held unanswered instead of forwarded. */
  hold: boolean;
  readonly held: readonly HeldRequest[];
  close: () => Promise<void>;
}

/** An HTTP proxy on 127.0.0.1 to `target` that forwards requests, or holds them while `hold` is set. */
export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const held: HeldRequest[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest({ hostname: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    if (!proxy.hold) return forward(req, res);
    const entry: HeldRequest = { operation: String(req.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, ''), abandoned: false };
    held.push(entry);
    req.resume();
    res.on('close', () => (entry.abandoned = !res.writableEnded));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxy: HoldingProxy = {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    hold: false,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
