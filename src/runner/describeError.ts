// Turns whatever the SDK, the network or the runner threw into words a person
// can act on: what went wrong, and what to do about it. Never repeats
// credentials: DynamoDB's own text is passed through redactSecrets, and
// signature errors (whose text can echo signed headers) get our own words.
import { RunnerError } from './runnerError.ts';
import { redactSecrets } from './redactSecrets.ts';

export type ErrorKind =
  | 'browserBlocked'
  | 'unreachable'
  | 'credentials'
  | 'region'
  | 'permissions'
  | 'tableBusy'
  | 'tableMissing'
  | 'validation'
  | 'throttled'
  | 'limit'
  | 'aborted'
  | 'timeout'
  | 'runner'
  | 'unknown';

export interface DescribedError {
  kind: ErrorKind;
  /** One sentence: what happened. */
  message: string;
  /** What to do about it, when we know. */
  hint?: string;
}

export interface ErrorContext {
  /** Where requests went (endpoint URL), when not AWS's regional endpoint. */
  endpoint?: string;
  region?: string;
  /** The page's origin (browser only), for the `-cors` advice. */
  origin?: string;
  /**
   * In the browser, whether the endpoint answered a plain `no-cors` request:
   * true → the server is up and CORS refused us; false → nothing answered.
   */
  reachable?: boolean;
  /** The operation that failed (`CreateTable`), for messages and permissions. */
  operation?: string;
  /** The request that failed, shown with a ValidationException (holds no credentials). */
  request?: unknown;
  /** Values to strip from any text: the credentials in use. */
  secrets?: readonly (string | undefined)[];
  /** The clients' timeout per attempt (Clients.timeoutMs), for "No answer ... within 10 s". */
  timeoutMs?: number;
}

const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** `10 s`, `1.5 s`, `250 ms`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const BROWSER_FETCH_FAILURES = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|fetch failed)$/;
const CREDENTIAL_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'CredentialsProviderError',
  'SignatureDoesNotMatch',
]);
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

export const HOW_TO_GET_AN_ENDPOINT =
  'To get an endpoint: `npm start` runs the app with DynamoDB Local on http://localhost:8000; ' +
  'or run DynamoDB Local yourself with Java 17+ (`java -jar DynamoDBLocal.jar -inMemory -cors <page origin>`) ' +
  'or Docker (`docker run -p 8000:8000 amazon/dynamodb-local -jar DynamoDBLocal.jar -inMemory -cors <page origin>`); ' +
  'or use an AWS account (choose AWS and a region, and give an access key).';

function networkCode(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  const walk = (x: unknown): string | undefined => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return undefined;
    seen.add(x);
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    for (const inner of (x as { errors?: unknown[] }).errors ?? []) {
      const c = walk(inner);
      if (c) return c;
    }
    return walk((x as { cause?: unknown }).cause);
  };
  return walk(e);
}

function summariseRequest(request: unknown, secrets: ErrorContext['secrets']): string {
  if (request === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(request);
  } catch {
    return '';
  }
  if (text.length > 600) text = `${text.slice(0, 600)}…`;
  return redactSecrets(text, secrets);
}

export function describeError(error: unknown, context: ErrorContext = {}): DescribedError {
  const secrets = context.secrets ?? [];
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = redactSecrets(raw, secrets);
  const where = context.endpoint ?? (context.region ? `DynamoDB in ${context.region}` : 'DynamoDB');
  const origin = context.origin ?? (typeof location !== 'undefined' ? location.origin : undefined);
  const op = context.operation ? `${context.operation}: ` : '';

  if (error instanceof RunnerError) return { kind: 'runner', message: redactSecrets(error.message, secrets) };

  if (name === 'AbortError' || (error instanceof DOMException && error.name === 'AbortError')) {
    return { kind: 'aborted', message: `${op}cancelled.` };
  }

  // Browsers say only "Failed to fetch" both when nothing listens and when CORS refuses.
  if (error instanceof TypeError && BROWSER_FETCH_FAILURES.test(raw.trim())) {
    const cors = origin ? `-cors ${origin}` : '-cors <this page’s origin>';
    if (context.reachable === true) {
      return {
        kind: 'browserBlocked',
        message: `${where} answers, but does not allow requests from this page (CORS).`,
        hint: `Start DynamoDB Local with \`${cors}\` (an exact origin: \`-cors *\` sends no Access-Control-Allow-Origin and browsers refuse it). \`npm start\` does this for you.`,
      };
    }
    return {
      kind: context.reachable === false ? 'unreachable' : 'browserBlocked',
      message:
        context.reachable === false
          ? `Cannot reach ${where}: nothing answered there.`
          : `Cannot reach ${where}: nothing answered, or it does not allow requests from this page (CORS).`,
      hint: `Check the URL and that DynamoDB Local is running, started with \`${cors}\`. ${HOW_TO_GET_AN_ENDPOINT}`,
    };
  }

  const code = networkCode(error);
  // The SDK names refused and reset connections TimeoutError too; only a timer's TimeoutError is a timeout.
  if (TIMEOUT_NAMES.has(name) && (code === undefined || code === 'ETIMEDOUT')) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    const within = context.timeoutMs !== undefined ? `within ${formatDuration(context.timeoutMs)}` : 'in time';
    const notes = [...(attempts > 1 ? [`${attempts} attempts`] : []), ...(context.operation ? [context.operation] : [])];
    const connecting = /did not establish a connection/i.test(raw);
    return {
      kind: 'timeout',
      message: `${connecting ? `Could not connect to ${where}` : `No answer from ${where}`} ${within}${notes.length ? ` (${notes.join(', ')})` : ''}.`,
      hint: connecting
        ? 'Nothing accepted the connection: check the host, the port and the network.'
        : 'It accepted the connection but did not answer, or stopped midway: check that the URL points at DynamoDB or DynamoDB Local and that the server is not stuck.',
    };
  }
  if (code) {
    if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && !context.endpoint && context.region) {
      return {
        kind: 'region',
        message: `No DynamoDB endpoint found for region "${context.region}" (${code}).`,
        hint: 'Check the region name (e.g. eu-west-1) and your network.',
      };
    }
    return {
      kind: 'unreachable',
      message: `Cannot reach ${where} (${code}).`,
      hint: code === 'ECONNREFUSED' ? `Nothing listens there. ${HOW_TO_GET_AN_ENDPOINT}` : 'Check the URL, the network, and that the server is running.',
    };
  }

  if (CREDENTIAL_ERRORS.has(name)) {
    if (/scoped to a valid region|region/i.test(raw) && name === 'InvalidSignatureException') {
      return {
        kind: 'region',
        message: `${op}the region "${context.region ?? ''}" does not match the endpoint or the credentials.`,
        hint: 'Choose the region the endpoint belongs to.',
      };
    }
    const what =
      name === 'ExpiredTokenException'
        ? 'the session token has expired'
        : name === 'CredentialsProviderError'
          ? 'no credentials were given'
          : name === 'InvalidSignatureException' || name === 'SignatureDoesNotMatch'
            ? 'the secret access key does not match the access key id (or the region is wrong)'
            : 'the access key id is not recognised (or the session token is invalid)';
    return {
      kind: 'credentials',
      message: `${op}DynamoDB refused the credentials: ${what}.`,
      hint: 'Check the access key id, the secret access key, the session token (if any) and the region.',
    };
  }

  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    const action = /perform:\s*(\S+)/.exec(raw)?.[1] ?? (context.operation ? `dynamodb:${context.operation}` : 'this action');
    const resource = /on resource:\s*(\S+)/.exec(raw)?.[1];
    return {
      kind: 'permissions',
      message: `These credentials may not perform ${action}${resource ? ` on ${redactSecrets(resource, secrets)}` : ''}.`,
      hint: `Allow ${action} in the IAM policy of the user or role, or use other credentials.`,
    };
  }

  if (name === 'ResourceInUseException') {
    return {
      kind: 'tableBusy',
      message: `${op}the table is being created, updated or deleted (or already exists): ${text}`,
      hint: 'Wait a few seconds and try again.',
    };
  }
  if (name === 'ResourceNotFoundException') {
    return {
      kind: 'tableMissing',
      message: `${op}the table (or index) does not exist at ${where}.`,
      hint: 'Create the table first. Tables belong to one region (and, in DynamoDB Local, to one access key id unless it runs with -sharedDb).',
    };
  }
  if (name === 'ValidationException') {
    const request = summariseRequest(context.request, secrets);
    return { kind: 'validation', message: `${op}DynamoDB refused the request: ${text}`, ...(request ? { hint: `The request: ${request}` } : {}) };
  }
  if (THROTTLING.has(name)) {
    return {
      kind: 'throttled',
      message: `${op}DynamoDB is throttling requests (${name}).`,
      hint: 'Wait and retry, or raise the table’s capacity (on-demand tables adapt within minutes).',
    };
  }
  if (name === 'LimitExceededException') {
    return { kind: 'limit', message: `${op}${text}`, hint: 'Too many tables are being created or deleted at once; wait and retry.' };
  }

  return { kind: 'unknown', message: `${op}${name && name !== 'Error' ? `${name}: ` : ''}${text || 'unknown error'}` };
}

/** The message and hint as one paragraph. */
export function formatDescribedError(d: DescribedError): string {
  return d.hint ? `${d.message} ${d.hint}` : d.message;
}
