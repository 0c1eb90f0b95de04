// Executes a migration plan (the engine's MigrationPlan) on a live table, step by
// step, resumable: before anything is touched the table must be the one the plan
// starts from (its tag and its key schema and indexes, or, on a resume, what the
// steps done so far left: tableIdentity.ts) and the checkpoint must be this plan's
// on this very table; each step is announced before it runs (`onStep`) and its
// state kept in the checkpoint (started, done; the backfill's segments as it goes),
// so a crash or a cancel resumes where it stopped. Last, the design stored in the
// table (storedDesign.ts) becomes `to`, then the table's tag the plan's `to`.
//
// Steps: backfill (backfillTable.ts), createIndex one at a time and dropIndex
// (indexSteps.ts), verify (verifyTable.ts; skipped unless a module is given). A
// verify that finds a difference stops the migration before any index is dropped
// and marks the backfill to run again: a resume backfills what an older writer
// left behind, then verifies again.
import type { DynamoDBClient, TableDescription } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Design, MigrationPlan, MigrationStep } from '../../engine/index.ts';
import { findTable } from '../findTable.ts';
import { backfillTable, type BackfillProgress, type BackfillStats } from './backfillTable.ts';
import { checkpointMismatch, newCheckpoint, type CheckpointStore, type MigrationCheckpoint } from './checkpoint.ts';
import { createIndex, dropIndex } from './indexSteps.ts';
import { readStoredLayout } from './readDeployedDesign.ts';
import { storeDesign } from './storedDesign.ts';
import { checkMigrationTable, readDesignTag, writeDesignTag } from './tableIdentity.ts';
import { verifyTable, type VerifiedModule, type VerifyTableResult } from './verifyTable.ts';

/** How a step is announced: about to run, already done by an earlier run (a resume), or left out (verify without a module). */
export type StepEvent = 'start' | 'doneBefore' | 'skipped' | 'done';

export interface RunMigrationOptions {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  from: Design;
  to: Design;
  plan: MigrationPlan;
  store: CheckpointStore;
  /** The new design's generated module, loaded: the verify step runs through it. Absent: verify is skipped. */
  verifyWith?: VerifiedModule;
  /** Backfill: items a second at most (default no limit), Scan segments (default 4), page size, updates in flight per segment. */
  rate?: number;
  totalSegments?: number;
  pageSize?: number;
  concurrency?: number;
  /** Between two DescribeTable calls while an index is created or deleted (default 1 s). */
  pollMs?: number;
  /** Stops cleanly: no new work, the checkpoint saved. */
  signal?: AbortSignal;
  onStep?: (step: MigrationStep, index: number, event: StepEvent) => void;
  onProgress?: (progress: BackfillProgress) => void;
  onIndexWait?: (index: string, state: { indexStatus: string; backfilling: boolean }) => void;
  onVerifyProgress?: (state: { round: number; scanned: number; checked: number }) => void;
  /** Things worth saying that are not steps (an endpoint without tags). */
  onNote?: (text: string) => void;
  /** The least time between two checkpoint saves during the backfill (default 500 ms); every step's end is saved. */
  saveEveryMs?: number;
}

export type RunMigrationResult =
  /**
   * Every step done, `to` stored in the table (`stored` false when its key cannot hold it) and the table tagged
   * with `to` (`tagged` false on an endpoint without tags).
   */
  | { status: 'done'; tagged: boolean; stored: boolean; backfill?: BackfillStats; verify?: VerifyTableResult }
  /** Nothing was touched: the plan has impossible changes, or the table or the checkpoint is not this plan's. */
  | { status: 'refused'; reasons: string[] }
  /** Stopped by the signal; the checkpoint holds where. */
  | { status: 'cancelled'; step: number }
  | { status: 'failed'; step: number; error: unknown }
  /** The verify found differences: nothing dropped, the table keeps the tag `from`; the backfill runs again on resume. */
  | { status: 'verifyFailed'; step: number; verify: VerifyTableResult };

/** Runs the plan; throws only what DynamoDB answered before anything was touched (no table to read, no credentials...). */
export async function runMigration(options: RunMigrationOptions): Promise<RunMigrationResult> {
  try {
    return await migrate(options);
  } catch (e) {
    if (options.signal?.aborted) return { status: 'cancelled', step: 0 };
    throw e;
  }
}

async function migrate(options: RunMigrationOptions): Promise<RunMigrationResult> {
  const { client, doc, tableName, from, to, plan, store, signal } = options;
  if (plan.impossible.length > 0) return { status: 'refused', reasons: plan.impossible.map((d) => d.message) };

  const description = await findTable(client, tableName, signal);
  if (!description) return { status: 'refused', reasons: [`There is no table ${tableName}.`] };
  const table: MigrationCheckpoint['table'] = {
    name: tableName,
    ...(description.CreationDateTime ? { createdAt: new Date(description.CreationDateTime).toISOString() } : {}),
    ...(description.TableId ? { tableId: description.TableId } : {}),
  };
  const kept = await store.load();
  if (kept) {
    const mismatch = checkpointMismatch(kept, plan, table);
    if (mismatch)
      return {
        status: 'refused',
        reasons: [`The checkpoint ${store.where} is not this migration's: ${mismatch}. Give another --checkpoint file, or delete this one to start over.`],
      };
  }
  const arn = description.TableArn ?? '';
  const tag = await readDesignTag(client, arn, signal);
  const read = await readStoredLayout({ client, tableName, table: description, ...(signal ? { signal } : {}) });
  const stored =
    read.status === 'found' ? { identity: read.identity } : read.reason === 'damaged' ? { problem: [read.message, ...read.details].join(' ') } : undefined;
  const check = checkMigrationTable({ description, tag, from, plan, tableName, ...(kept ? { checkpoint: kept } : {}), ...(stored ? { stored } : {}) });
  if (check.refusals.length > 0) return { status: 'refused', reasons: check.refusals };
  if (check.note) options.onNote?.(check.note);

  const checkpoint = kept ?? newCheckpoint(plan, table);
  await store.save(checkpoint);
  let backfill: BackfillStats | undefined;
  let verify: VerifyTableResult | undefined;

  for (const [i, step] of plan.steps.entries()) {
    const state = checkpoint.steps[i];
    if (!state) continue;
    if (state.state === 'done') {
      options.onStep?.(step, i, 'doneBefore');
      continue;
    }
    if (signal?.aborted) return { status: 'cancelled', step: i };
    if (step.kind === 'verify' && !options.verifyWith) {
      options.onStep?.(step, i, 'skipped');
      state.state = 'done';
      await store.save(checkpoint);
      continue;
    }
    options.onStep?.(step, i, 'start');
    state.state = 'started';
    await store.save(checkpoint);
    try {
      switch (step.kind) {
        case 'backfill': {
          const result = await runBackfill(options, checkpoint, description);
          backfill = result.stats;
          if (result.status === 'cancelled') return { status: 'cancelled', step: i };
          if (result.status === 'failed') return { status: 'failed', step: i, error: result.error };
          break;
        }
        case 'createIndex':
          await createIndex({ client, tableName, creation: step.creation, ...waitOptions(options, step.index) });
          break;
        case 'dropIndex':
          await dropIndex({ client, tableName, index: step.index, ...waitOptions(options, step.index) });
          break;
        case 'verify': {
          verify = await verifyTable({
            doc,
            tableName,
            design: to,
            module: options.verifyWith as VerifiedModule,
            ...(signal ? { signal } : {}),
            ...(options.onVerifyProgress ? { onProgress: options.onVerifyProgress } : {}),
          });
          if (!verify.ok) {
            // Back to the backfill on resume: it puts right what a writer of the old design left, then verify again.
            state.state = 'pending';
            for (const [j, s] of plan.steps.entries()) {
              if (s.kind === 'backfill' && checkpoint.steps[j]) (checkpoint.steps[j] as { state: string }).state = 'pending';
            }
            delete checkpoint.segments;
            await store.save(checkpoint);
            return { status: 'verifyFailed', step: i, verify };
          }
          break;
        }
      }
    } catch (e) {
      await store.save(checkpoint);
      if (signal?.aborted) return { status: 'cancelled', step: i };
      return { status: 'failed', step: i, error: e };
    }
    state.state = 'done';
    await store.save(checkpoint);
    options.onStep?.(step, i, 'done');
  }

  if (signal?.aborted) return { status: 'cancelled', step: plan.steps.length };
  let tagged = checkpoint.tagged;
  let storedTo = read.status === 'found' && read.identity === plan.to;
  if (!checkpoint.tagged) {
    try {
      // The design the table now has, in the table (written again on a resume: it is one or a few items).
      storedTo = (await storeDesign({ client, tableName, design: to, table: description, ...(signal ? { signal } : {}) })).stored;
      tagged = await writeDesignTag(client, arn, plan.to, signal);
    } catch (e) {
      return { status: 'failed', step: plan.steps.length, error: e };
    }
    checkpoint.tagged = true;
    await store.save(checkpoint);
  }
  return { status: 'done', tagged: tagged && check.checkedBy === 'tag', stored: storedTo, ...(backfill ? { backfill } : {}), ...(verify ? { verify } : {}) };
}

function waitOptions(options: RunMigrationOptions, index: string) {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.onIndexWait ? { onWait: (s: { indexStatus: string; backfilling: boolean }) => options.onIndexWait?.(index, s) } : {}),
  };
}

/** The backfill from the checkpoint's segments, saving them as pages finish (at most every `saveEveryMs`) and at the end. */
async function runBackfill(options: RunMigrationOptions, checkpoint: MigrationCheckpoint, description: TableDescription) {
  const { doc, tableName, from, to, store, signal } = options;
  const saveEveryMs = options.saveEveryMs ?? 500;
  let lastSave = 0;
  let saving: Promise<void> = Promise.resolve();
  const result = await backfillTable({
    doc,
    tableName,
    from,
    to,
    ...(checkpoint.segments ? { segments: checkpoint.segments } : {}),
    ...(options.totalSegments !== undefined ? { totalSegments: options.totalSegments } : {}),
    ...(options.rate !== undefined ? { rate: options.rate } : {}),
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(description.ItemCount !== undefined ? { total: description.ItemCount } : {}),
    ...(signal ? { signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onCheckpoint: (segments) => {
      checkpoint.segments = segments;
      const now = performance.now();
      if (now - lastSave < saveEveryMs) return;
      lastSave = now;
      saving = saving.then(() => store.save(checkpoint));
      return saving;
    },
  });
  await saving;
  checkpoint.segments = result.segments;
  await store.save(checkpoint);
  return result;
}
