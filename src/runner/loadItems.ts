// Writes items with BatchWriteItem: chunks of 25, several in flight,
// UnprocessedItems and throttling retried with exponential backoff and full
// jitter. Any other failure stops the load and reports exactly how many items
// DynamoDB accepted and from which index a resume rewrites nothing it lacks.
//
// Counting: a chunk's items count as written only once a response accepted
// them (sent minus UnprocessedItems). Requests in flight are never aborted —
// on cancel or failure they finish first — so the count is what the table holds.
// Unless the caller asks for `abortInFlight` (the CLI on Ctrl-C, which deletes the
// table anyway): then a cancel aborts them too, and `written` may be less than
// the table holds (never more).
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../engine/index.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoffDelay.ts';
import { isThrottlingError } from './isThrottlingError.ts';
import { sleep } from './sleep.ts';

/** BatchWriteItem's limit of requests per call. */
export const BATCH_SIZE = 25;

export interface LoadProgress {
  /** Items known to be in the table: `startAt` plus those accepted in this run. */
  written: number;
  total: number;
  /** Items accepted per second in this run. */
  itemsPerSecond: number;
}

export type BatchWriteSend = (input: BatchWriteCommandInput, options?: { abortSignal?: AbortSignal }) => Promise<BatchWriteCommandOutput>;

export interface LoadItemsOptions {
  /** The document client (lib-dynamodb) to send through; or pass `send`. */
  client?: DynamoDBDocumentClient;
  tableName: string;
  items: readonly Item[];
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Cancels: no new requests; those in flight finish (unless `abortInFlight`), backoff waits end at once. */
  signal?: AbortSignal;
  /** On cancel, abort the requests in flight as well: `written` may then undercount what the table holds. */
  abortInFlight?: boolean;
  /** Index of the first item to write: every item before it is already in the table (a resume). */
  startAt?: number;
  /** How a BatchWriteItem is sent; defaults to `client.send(new BatchWriteCommand(input))`. */
  send?: BatchWriteSend;
  backoff?: BackoffOptions;
  /** Retries of one chunk in a row that make no progress before the load gives up (default 12). */
  maxRetriesWithoutProgress?: number;
  random?: () => number;
}

export type LoadItemsErrorCode =
  /** DynamoDB (or the network) refused a request for a reason retrying does not fix. */
  | 'load.requestFailed'
  /** Throttled or left unprocessed too many times in a row. */
  | 'load.retriesExhausted';

export interface LoadItemsError {
  code: LoadItemsErrorCode;
  /** The error the SDK threw (or the last throttling error). */
  cause: unknown;
  /** The first item of the chunk that failed. */
  itemIndex: number;
}

interface LoadSummary {
  /** Items in the table after this run, counted exactly (see `written` in LoadProgress). */
  written: number;
  total: number;
  /** Every item before this index is in the table: pass it as `startAt` to resume. */
  resumeAt: number;
  /** Items accepted in this run per second. */
  itemsPerSecond: number;
  /** Requests sent again after throttling or UnprocessedItems. */
  retries: number;
  ms: number;
}

export type LoadItemsResult =
  ({ status: 'done' } & LoadSummary) | ({ status: 'cancelled' } & LoadSummary) | ({ status: 'failed'; error: LoadItemsError } & LoadSummary);

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

export async function loadItems(options: LoadItemsOptions): Promise<LoadItemsResult> {
  const { tableName, items, onProgress, signal } = options;
  const total = items.length;
  const startAt = Math.max(0, Math.min(total, Math.floor(options.startAt ?? 0)));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 6));
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const maxRetries = options.maxRetriesWithoutProgress ?? 12;
  const random = options.random ?? Math.random;
  const send: BatchWriteSend =
    options.send ??
    ((input, opts) => {
      if (!options.client) throw new TypeError('loadItems needs a client or a send function');
      return options.client.send(new BatchWriteCommand(input), opts ?? {});
    });
  const sendOptions = options.abortInFlight && signal ? { abortSignal: signal } : undefined;

  const chunkCount = Math.ceil((total - startAt) / BATCH_SIZE);
  const chunkDone: boolean[] = new Array<boolean>(chunkCount).fill(false);
  const started = performance.now();
  let accepted = 0;
  let retries = 0;
  let nextChunk = 0;
  let failure: LoadItemsError | undefined;

  const rate = () => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? accepted / seconds : 0;
  };
  const stopped = () => failure !== undefined || signal?.aborted === true;

  async function writeChunk(chunk: number): Promise<void> {
    const first = startAt + chunk * BATCH_SIZE;
    let pending: WriteRequest[] = items.slice(first, Math.min(total, first + BATCH_SIZE)).map((item) => ({ PutRequest: { Item: item } }));
    let attempt = 0;
    while (pending.length > 0) {
      let output: BatchWriteCommandOutput;
      try {
        output = await send({ RequestItems: { [tableName]: pending } }, sendOptions);
      } catch (e) {
        // Aborted on cancel (abortInFlight): a cancel, not a failure.
        if (sendOptions && signal?.aborted) return;
        if (!isThrottlingError(e)) {
          failure ??= { code: 'load.requestFailed', cause: e, itemIndex: first };
          return;
        }
        if (attempt >= maxRetries) {
          failure ??= { code: 'load.retriesExhausted', cause: e, itemIndex: first };
          return;
        }
        if (!(await wait(attempt++))) return;
        continue;
      }
      const unprocessed = output.UnprocessedItems?.[tableName] ?? [];
      const done = pending.length - unprocessed.length;
      if (done > 0) {
        accepted += done;
        attempt = 0;
        onProgress?.({ written: startAt + accepted, total, itemsPerSecond: rate() });
      }
      pending = unprocessed;
      if (pending.length === 0) break;
      if (attempt >= maxRetries) {
        failure ??= { code: 'load.retriesExhausted', cause: new Error(`${pending.length} item(s) still unprocessed`), itemIndex: first };
        return;
      }
      if (!(await wait(attempt++))) return;
    }
    chunkDone[chunk] = true;
  }

  /** Backs off; false when the load was cancelled or failed meanwhile. */
  async function wait(attempt: number): Promise<boolean> {
    retries++;
    try {
      await sleep(backoffDelay(attempt, random, backoff), signal);
    } catch {
      return false;
    }
    return !stopped();
  }

  async function worker(): Promise<void> {
    while (!stopped() && nextChunk < chunkCount) {
      await writeChunk(nextChunk++);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, chunkCount) }, worker));

  const firstUndone = chunkDone.indexOf(false);
  const resumeAt = firstUndone === -1 ? total : startAt + firstUndone * BATCH_SIZE;
  const summary: LoadSummary = { written: startAt + accepted, total, resumeAt, itemsPerSecond: rate(), retries, ms: performance.now() - started };
  if (failure) return { status: 'failed', error: failure, ...summary };
  if (resumeAt < total) return { status: 'cancelled', ...summary };
  return { status: 'done', ...summary };
}
