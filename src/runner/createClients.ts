// The DynamoDB clients the runner sends through: the low-level client (tables)
// and the document client (items as plain JS values). The one place clients
// are built, for the CLI and the Run panel alike, so every request has the same
// timeouts and the same rule for credentials. Credentials stay in the objects
// built here, in memory; nothing in the runner writes them anywhere.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fetchWithDeadline } from './fetchWithDeadline.ts';
import { RunnerError } from './runnerError.ts';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  /** A custom endpoint (DynamoDB Local, a proxy); omitted for AWS's regional endpoint. */
  endpoint?: string;
  region: string;
  /**
   * Static credentials, or `'defaultChain'`: the SDK's default chain (Node: environment,
   * profiles, instance roles...), which must be asked for explicitly. Omitted: the fake
   * local credentials with an endpoint — the machine's real credentials never sign
   * requests to an endpoint nobody chose them for — and the default chain without one.
   */
  credentials?: Credentials | 'defaultChain';
  /** Attempts per request, SDK retries included (default 3). */
  maxAttempts?: number;
  /**
   * How long one attempt may take, in milliseconds (default DEFAULT_TIMEOUT_MS): to
   * connect, to get the response's headers, and between two chunks of its body (in a
   * browser: the whole response). An endpoint that accepts and never answers, or stalls
   * midway, fails with a TimeoutError instead of waiting forever.
   */
  timeoutMs?: number;
}

export interface Clients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** Where requests go, for messages: the endpoint or `AWS <region>`. */
  target: string;
  region: string;
  /** The timeout of one attempt, for messages (`No answer ... within 10 s`). */
  timeoutMs: number;
  destroy: () => void;
}

/** Fake credentials for DynamoDB Local, which accepts any; the same key keeps one database per region. */
export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The time one attempt of a request may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export function createClients({ endpoint, region, credentials, maxAttempts, timeoutMs = DEFAULT_TIMEOUT_MS }: ClientOptions): Clients {
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new RunnerError('endpoint.invalid', `"${endpoint}" is not a URL such as http://localhost:8000.`);
    }
    // The SDK would send user:password as HTTP basic auth to whoever runs that endpoint.
    if (url.username || url.password)
      throw new RunnerError('endpoint.invalid', 'The endpoint URL holds credentials (user:password@); they are refused: give credentials separately.');
  }
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  const signWith = credentials ?? (endpoint !== undefined ? LOCAL_CREDENTIALS : 'defaultChain');
  const client = new DynamoDBClient({
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(signWith !== 'defaultChain'
      ? {
          credentials: {
            accessKeyId: signWith.accessKeyId,
            secretAccessKey: signWith.secretAccessKey,
            ...(signWith.sessionToken ? { sessionToken: signWith.sessionToken } : {}),
          },
        }
      : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    // Options, not a handler: the SDK builds its runtime's own handler from them —
    // NodeHttpHandler in Node (connect, request and socket-idle timeouts; requestTimeout
    // only throws with throwOnRequestTimeout), FetchHttpHandler in a browser (its
    // requestTimeout ends at the headers, so customFetch bounds the body too and
    // aborts the fetch instead of leaving it open).
    requestHandler: {
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeoutMs,
      customFetch: fetchWithDeadline(timeoutMs),
    },
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    doc,
    target: endpoint ?? `AWS ${region}`,
    region,
    timeoutMs,
    destroy: () => {
      doc.destroy();
      client.destroy();
    },
  };
}
