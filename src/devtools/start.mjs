// `npm start`: DynamoDB Local (in memory, CORS for the app's origins) plus the
// Vite dev server, with the DynamoDB endpoint handed to the app through
// VITE_TABLEWRIGHT_LOCAL_ENDPOINT. Ctrl-C stops both.
//
//   npm start -- [--port 5173] [--dynamodb-port 8000]
//   env: TABLEWRIGHT_PORT, TABLEWRIGHT_DYNAMODB_PORT

import { createServer as createNetServer } from 'node:net';
import { createServer as createViteServer } from 'vite';
import { DynamoDBLocalError, startDynamoDBLocal } from './dynamodbLocal.mjs';

const USAGE = 'Usage: npm start -- [--port <app port, default 5173>] [--dynamodb-port <port, default 8000>]';

/**
 * @param {string[]} argv
 * @returns {{ appPort: number, dynamodbPort: number }}
 */
function parseArgs(argv) {
  /** @type {Record<string, string | undefined>} */
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const match = /^--(port|dynamodb-port)(?:=(.*))?$/.exec(arg);
    if (match === null) fail(`Unknown argument: ${arg}\n${USAGE}`);
    const name = match[1] ?? '';
    const value = match[2] ?? argv[++i];
    if (value === undefined) fail(`--${name} needs a value\n${USAGE}`);
    flags[name] = value;
  }
  return {
    appPort: toPort('--port / TABLEWRIGHT_PORT', flags['port'] ?? process.env['TABLEWRIGHT_PORT'] ?? '5173'),
    dynamodbPort: toPort('--dynamodb-port / TABLEWRIGHT_DYNAMODB_PORT', flags['dynamodb-port'] ?? process.env['TABLEWRIGHT_DYNAMODB_PORT'] ?? '8000'),
  };
}

/** @param {string} what @param {string} text */
function toPort(what, text) {
  const port = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port < 1 || port > 65_535) {
    fail(`${what} must be a port number from 1 to 65535, got "${text}"`);
  }
  return port;
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

/** @param {number} port @returns {Promise<boolean>} */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const { appPort, dynamodbPort } = parseArgs(process.argv.slice(2));
if (appPort === dynamodbPort) fail(`The app and DynamoDB Local cannot share port ${appPort}.`);
if (!(await isPortFree(appPort))) {
  fail(`Port ${appPort} (the app) is already in use. Stop what uses it or pick another: npm start -- --port <n>`);
}

const appOrigins = [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`];

/** @type {import('./dynamodbLocal.mjs').DynamoDBLocal | undefined} */
let dynamodb;
try {
  console.log('Starting DynamoDB Local…');
  dynamodb = await startDynamoDBLocal({ port: dynamodbPort, cors: appOrigins, inMemory: true, sharedDb: true });
} catch (error) {
  if (error instanceof DynamoDBLocalError && error.code === 'portInUse') {
    fail(`Port ${dynamodbPort} (DynamoDB Local) is already in use. Stop what uses it or pick another: ` + 'npm start -- --dynamodb-port <n>');
  }
  if (error instanceof DynamoDBLocalError && (error.code === 'javaMissing' || error.code === 'javaTooOld')) {
    console.warn(
      [
        '',
        `DynamoDB Local not started: ${error.message}`,
        'The app runs anyway; to run designs against DynamoDB, get an endpoint in one of these ways:',
        '  • install Java 17+ and run `npm start` again;',
        `  • Docker: docker run --rm -p ${dynamodbPort}:8000 amazon/dynamodb-local -jar DynamoDBLocal.jar -inMemory ` + `-cors ${appOrigins.join(',')}`,
        `    then use http://localhost:${dynamodbPort} as the endpoint in the app;`,
        '  • or an AWS account (endpoint and credentials in the app).',
        '',
      ].join('\n'),
    );
  } else {
    fail(error instanceof Error ? error.message : String(error));
  }
}

if (dynamodb !== undefined) process.env['VITE_TABLEWRIGHT_LOCAL_ENDPOINT'] = dynamodb.endpoint;

/** @type {import('vite').ViteDevServer} */
let vite;
try {
  vite = await createViteServer({ server: { port: appPort, strictPort: true } });
  await vite.listen();
} catch (error) {
  await dynamodb?.stop();
  const message = error instanceof Error ? error.message : String(error);
  fail(
    /already in use|EADDRINUSE/.test(message)
      ? `Port ${appPort} (the app) is already in use. Stop what uses it or pick another: npm start -- --port <n>`
      : `The Vite dev server did not start: ${message}`,
  );
}

const appUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${appPort}/`;
console.log('');
console.log(`  Tablewright      ${appUrl}`);
if (dynamodb !== undefined) {
  console.log(`  DynamoDB Local   ${dynamodb.endpoint}`);
  console.log('  Note: DynamoDB Local listens on every network interface and keeps data in memory only (lost on exit).');
}
console.log('  Press Ctrl-C to stop.');
console.log('');

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) process.exit(1); // second Ctrl-C: give up waiting
  stopping = true;
  console.log(`\n${signal}: stopping the app and DynamoDB Local…`);
  await Promise.allSettled([vite.close(), dynamodb?.stop()]);
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGHUP', (signal) => void shutdown(signal));
