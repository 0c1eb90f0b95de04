// The backfill step: a parallel segmented Scan of the table (developer guide,
// "Parallel scan": https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.ParallelScan),
// each item given the key attributes the new design needs by the engine's
// conditional UpdateItem (backfillUpdate). A refused condition means someone wrote
// the item since it was read: it is read again (strongly consistent) and asked
// anew, so the backfill never undoes a newer write; an item gone meanwhile stays
// gone. At most `rate` items a second (a token bucket); throttling is retried with
// exponential backoff and full jitter. Each segment's LastEvaluatedKey is handed to
// `onCheckpoint` once every item of its page is done, so a resume redoes at most a
// page per segment (and the updates are idempotent: a done item needs none).
//
// On cancel (the signal) no new item starts; the updates in flight finish, so the
// counts are what the table holds. Requests are never aborted mid-way.
import { GetCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { backfillUpdate, indexKeyAttributes, isDesignMetadataKey, type Design, type Item } from '../../engine/index.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../backoffDelay.ts';
import { isThrottlingError } from '../isThrottlingError.ts';
import { sleep } from '../sleep.ts';
import type { SegmentCheckpoint } from './checkpoint.ts';
import { tokenBucket, type TokenBucket } from './tokenBucket.ts';

export interface BackfillProgress {
  /** Items read so far (earlier runs of a resumed backfill included). */
  scanned: number;
  /** Items updated so far (earlier runs included). */
  updated: number;
  /** Items in the table, as DescribeTable last counted them (AWS updates it about every six hours); undefined when unknown. */
  total: number | undefined;
  /** Items read per second in this run. */
  itemsPerSecond: number;
  /** Seconds left at this run's rate, when the total is known. */
  etaSeconds: number | undefined;
}

export interface BackfillTableOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  from: Design;
  to: Design;
  /** Where each segment is (a resume), or undefined to start: `totalSegments` fresh segments. */
  segments?: SegmentCheckpoint[];
  /** Scan segments read in parallel (default 4); ignored on a resume (the checkpoint's count stands). */
  totalSegments?: number;
  /** Items a second at most (default: no limit). */
  rate?: number;
  bucket?: TokenBucket;
  /** Items per Scan page (default 100). */
  pageSize?: number;
  /** Items of one page updated at once, per segment (default 4). */
  concurrency?: number;
  total?: number;
  signal?: AbortSignal;
  /** Called with every segment's state whenever a page is done (the caller saves it). */
  onCheckpoint?: (segments: SegmentCheckpoint[]) => void | Promise<void>;
  /** Called at most every `progressMs` (default 250) and at the end. */
  onProgress?: (progress: BackfillProgress) => void;
  progressMs?: number;
  backoff?: BackoffOptions;
  /** Throttled attempts of one request in a row before the backfill stops (default 20). */
  maxThrottleRetries?: number;
  /** Conflicts (the item changed again) on one item in a row before the backfill stops (default 20). */
  maxConflicts?: number;
  random?: () => number;
}

export interface BackfillStats {
  scanned: number;
  updated: number;
  /** Updates refused because the item changed since it was read (each read again). */
  conflicts: number;
  /** Items deleted between the Scan and their update (left deleted). */
  gone: number;
  /** Requests sent again after throttling. */
  throttled: number;
}

export type BackfillTableResult =
  | { status: 'done'; segments: SegmentCheckpoint[]; stats: BackfillStats; ms: number }
  | { status: 'cancelled'; segments: SegmentCheckpoint[]; stats: BackfillStats; ms: number }
  | { status: 'failed'; segments: SegmentCheckpoint[]; stats: BackfillStats; ms: number; error: unknown };

const DEFAULT_SEGMENTS = 4;

const errorName = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name) : '');

export async function backfillTable(options: BackfillTableOptions): Promise<BackfillTableResult> {
  const { doc, tableName, from, to, signal } = options;
  const segments: SegmentCheckpoint[] =
    options.segments?.map((s) => ({ ...s })) ??
    Array.from({ length: Math.max(1, Math.floor(options.totalSegments ?? DEFAULT_SEGMENTS)) }, () => ({ done: false, scanned: 0, updated: 0 }));
  const totalSegments = segments.length;
  const bucket = options.bucket ?? tokenBucket(options.rate);
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 100));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const maxThrottle = options.maxThrottleRetries ?? 20;
  const maxConflicts = options.maxConflicts ?? 20;
  const random = options.random ?? Math.random;
  const progressMs = options.progressMs ?? 250;
  const pkName = (from.indexes[0] ? indexKeyAttributes(from.indexes[0]).pk[0] : undefined) ?? '';

  const stats: BackfillStats = { scanned: 0, updated: 0, conflicts: 0, gone: 0, throttled: 0 };
  const before = { scanned: segments.reduce((n, s) => n + s.scanned, 0), updated: segments.reduce((n, s) => n + s.updated, 0) };
  const started = performance.now();
  let failure: { error: unknown } | undefined;
  let lastProgress = 0;

  const stopped = () => failure !== undefined || signal?.aborted === true;
  const progress = (force: boolean) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < progressMs) return;
    lastProgress = now;
    const seconds = (now - started) / 1000;
    const itemsPerSecond = seconds > 0 ? stats.scanned / seconds : 0;
    const scanned = before.scanned + stats.scanned;
    const total = options.total === undefined ? undefined : Math.max(options.total, scanned);
    const etaSeconds = total !== undefined && itemsPerSecond > 0 ? (total - scanned) / itemsPerSecond : undefined;
    options.onProgress({ scanned, updated: before.updated + stats.updated, total, itemsPerSecond, etaSeconds });
  };

  /** Sends again while DynamoDB throttles, with backoff; rethrows anything else. */
  async function patiently<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (e) {
        if (!isThrottlingError(e) || attempt >= maxThrottle) throw e;
        stats.throttled++;
        await sleep(backoffDelay(attempt, random, backoff));
      }
    }
  }

  /** One item: its update sent (true), or read again and asked anew after a conflict; false when it needed none. */
  async function migrateItem(first: Item): Promise<boolean> {
    let item: Item | undefined = first;
    for (let conflicts = 0; item; conflicts++) {
      const update = backfillUpdate(from, to, item, { tableName });
      if (!update) return false;
      try {
        await patiently(() => doc.send(new UpdateCommand(update)));
        stats.updated++;
        return true;
      } catch (e) {
        if (errorName(e) !== 'ConditionalCheckFailedException') throw e;
        stats.conflicts++;
        if (conflicts >= maxConflicts)
          throw new Error(`item ${JSON.stringify(update.Key)} changed ${conflicts + 1} times while the backfill updated it`, { cause: e });
        const read = await patiently(() => doc.send(new GetCommand({ TableName: tableName, Key: update.Key, ConsistentRead: true })));
        item = read.Item as Item | undefined;
        if (!item) stats.gone++;
      }
    }
    return false;
  }

  async function runSegment(index: number): Promise<void> {
    const segment = segments[index] as SegmentCheckpoint;
    while (!segment.done && !stopped()) {
      const page: ScanCommandOutput = await patiently(() =>
        doc.send(
          new ScanCommand({
            TableName: tableName,
            Segment: index,
            TotalSegments: totalSegments,
            Limit: pageSize,
            ...(segment.lastKey ? { ExclusiveStartKey: segment.lastKey } : {}),
          }),
        ),
      );
      // The design-metadata items hold no record: not read as items, not counted (readDeployedDesign.ts).
      const items = ((page.Items ?? []) as Item[]).filter((item) => !isDesignMetadataKey(item[pkName]));
      let next = 0;
      let pageUpdated = 0;
      let finished = 0;
      const worker = async () => {
        while (next < items.length && !stopped()) {
          const item = items[next++] as Item;
          try {
            await bucket.take(signal);
          } catch {
            return; // cancelled while waiting for a token
          }
          if (await migrateItem(item)) pageUpdated++;
          stats.scanned++;
          finished++;
          progress(false);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
      } catch (e) {
        failure ??= { error: e };
        return;
      }
      // Only a page whose every item is done moves the segment on; an unfinished one is read again on resume.
      if (finished < items.length) return;
      segment.scanned += items.length;
      segment.updated += pageUpdated;
      if (page.LastEvaluatedKey) segment.lastKey = page.LastEvaluatedKey as Record<string, string | number>;
      else {
        delete segment.lastKey;
        segment.done = true;
      }
      await options.onCheckpoint?.(segments.map((s) => ({ ...s })));
    }
  }

  await Promise.all(
    segments.map((_, i) =>
      runSegment(i).catch((e: unknown) => {
        failure ??= { error: e };
      }),
    ),
  );
  progress(true);
  const ms = performance.now() - started;
  const result = { segments: segments.map((s) => ({ ...s })), stats, ms };
  if (failure) return { status: 'failed', ...result, error: failure.error };
  if (segments.some((s) => !s.done)) return { status: 'cancelled', ...result };
  return { status: 'done', ...result };
}
