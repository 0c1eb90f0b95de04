// The Run panel's migration: the Changes view's plan (the pinned deployed design → the current
// one) executed on a live table by the runner's runMigration, against the endpoint configured
// above. The runner refuses a table that is not the deployed design's (its tag where the endpoint
// keeps tags, its key schema and GSIs everywhere) before touching anything; this page asks in
// addition for the table's name typed back unless this page created it. Every step is shown before
// it runs, with the backfill's progress (items/s, time left), each index's wait and the verify's.
// Cancel stops cleanly; the checkpoint stays in this tab (migrationCheckpoint.ts) so Run resumes
// where it stopped. The verify reads the table back through the engine's requests
// (engineVerifiedModule); "verified" is said only when it ran and passed. A store of its own
// beside the run session, outside the app store: nothing of it is autosaved or shared.
import { createStore } from 'zustand/vanilla';
import {
  designIdentity,
  designLayout,
  tableDefinition,
  withoutIndexes,
  type Design,
  type DesignLayout,
  type MigrationPlan,
  type MigrationStep,
} from '../../engine/index.ts';
import {
  checkpointMismatch,
  engineVerifiedModule,
  formatDescribedError,
  isLocalEndpoint,
  readDeployedDesign,
  runMigration,
  type BackfillProgress,
  type BackfillStats,
  type DescribedError,
  type PatternDifference,
  type StepEvent,
  type VerifyTableResult,
} from '../../runner/index.ts';
import { appStore } from '../../store/appStore.ts';
import { resolveTarget, type Target } from './endpointSettings.ts';
import { checkpointKey, forgetCheckpoint, keptCheckpoint, tabCheckpointStore } from './migrationCheckpoint.ts';
import { currentTarget, explain, newClients, runSession, type RunSessionState } from './runSession.ts';

/** A step as the panel shows it: not reached, running now, done (now or in an earlier run), or left out (verify not asked for). */
export type StepState = 'pending' | 'running' | 'done' | 'doneBefore' | 'skipped';

export interface MigrationProgress {
  backfill?: BackfillProgress;
  index?: { index: string; indexStatus: string; backfilling: boolean };
  verify?: { round: number; scanned: number; checked: number };
}

/** How a run ended, in what the panel says. */
export type MigrationOutcome =
  /** Every step done; `verify` only when the verify step ran (and then it passed). */
  | { status: 'done'; tagged: boolean; backfill?: BackfillStats; verify?: VerifyTableResult; deployedAfter: DesignLayout | undefined }
  /** Nothing was touched. */
  | { status: 'refused'; reasons: string[] }
  | { status: 'cancelled'; step: number }
  | { status: 'failed'; step: number; error: DescribedError }
  | { status: 'verifyFailed'; step: number; verify: VerifyTableResult };

export type MigrationRun =
  | { status: 'idle' }
  | {
      status: 'running';
      tableName: string;
      target: string;
      plan: MigrationPlan;
      steps: StepState[];
      progress: MigrationProgress;
      notes: string[];
      cancelling: boolean;
    }
  | { status: 'finished'; tableName: string; target: string; plan: MigrationPlan; steps: StepState[]; notes: string[]; outcome: MigrationOutcome };

export interface MigrationSessionState {
  run: MigrationRun;
}

export const migrationSession = createStore<MigrationSessionState>()(() => ({ run: { status: 'idle' } }));

/** Where a target is, for the checkpoint's key: its URL, or AWS's region. */
export function targetPlace(target: Target): string {
  return target.endpoint ?? `aws:${target.region}`;
}

/** The table the panel migrates: the one this page created there (no confirmation needed), else a name typed back. */
export interface MigrationTarget {
  tableName: string;
  target: Target;
  /** True when this page created the table (the run session's handle). */
  createdHere: boolean;
}

/** The target of a migration of `tableName` as the session stands (pure: for showing): the session's table when it is that one, else the endpoint configured. */
export function migrationTargetOf(state: RunSessionState, tableName: string): MigrationTarget | undefined {
  const { table, settings, credentials } = state;
  if (table.status === 'ready' && table.tableName === tableName) return { tableName, target: table.target, createdHere: table.created !== undefined };
  const resolved = resolveTarget(settings, credentials);
  return resolved.ok ? { tableName, target: resolved.target, createdHere: false } : undefined;
}

/** The target to run on: as migrationTargetOf, and when the settings do not resolve, the field at fault is marked (`invalid`). */
export function migrationTarget(tableName: string): MigrationTarget | undefined {
  const state = runSession.getState();
  if (state.table.status === 'ready' && state.table.tableName === tableName) return migrationTargetOf(state, tableName);
  const target = currentTarget();
  return target ? { tableName, target, createdHere: false } : undefined;
}

/** What the checkpoint kept in this tab for a table says about a plan: none, this plan's (a resume), another's, or damaged. */
export type KeptMigration = { kind: 'none' } | { kind: 'resume'; doneSteps: number } | { kind: 'other'; why: string } | { kind: 'damaged'; why: string };

export function keptMigration(place: string, tableName: string, plan: MigrationPlan): KeptMigration {
  const kept = keptCheckpoint(checkpointKey(place, tableName));
  if (kept.damaged !== undefined) return { kind: 'damaged', why: kept.damaged };
  if (!kept.checkpoint) return { kind: 'none' };
  // The table's creation time is checked by the runner against the live table.
  const why = checkpointMismatch(kept.checkpoint, { ...plan, tableName }, { name: tableName });
  if (why !== undefined) return { kind: 'other', why };
  return { kind: 'resume', doneSteps: kept.checkpoint.steps.filter((s) => s.state === 'done').length };
}

export function discardKeptMigration(place: string, tableName: string): void {
  forgetCheckpoint(checkpointKey(place, tableName));
  migrationSession.setState({ run: { status: 'idle' } });
}

/** The layout the table has once every step of the plan is done: `to`'s, without the GSIs the plan deletes (identity: `plan.to`). */
export function layoutAfter(to: Design, plan: MigrationPlan): DesignLayout | undefined {
  const dropped = plan.steps.flatMap((s) => (s.kind === 'dropIndex' ? [s.index] : []));
  const layout = withoutIndexes(designLayout(to), dropped);
  return designIdentity(layout) === plan.to ? layout : undefined;
}

/**
 * "Load the deployed design from this table": the design Tablewright stored in the table when it created or
 * last migrated it (the runner's readDeployedDesign: checked against the table's key schema, indexes and tag),
 * pinned through the deploy slice's design.json reader (loadDeployed), so the same checks and notices apply.
 * A table whose design cannot be read back, or a failure to reach it, is a notice and nothing is pinned.
 */
export async function loadDeployedFromTable(tableName: string): Promise<boolean> {
  const where = migrationTarget(tableName);
  if (!where) return false;
  const { showNotice } = appStore.getState();
  const clients = newClients(where.target);
  try {
    const read = await readDeployedDesign({ client: clients.client, tableName });
    if (read.status === 'refused') {
      showNotice({ kind: 'error', title: `${read.message} Nothing was pinned.`, details: read.details });
      return false;
    }
    return appStore.getState().loadDeployed(read.text, `The design stored in table ${tableName}`);
  } catch (e) {
    const described = await explain(e, where.target, 'GetItem');
    showNotice({ kind: 'error', title: `The design of table ${tableName} could not be read; nothing was pinned.`, details: [formatDescribedError(described)] });
    return false;
  } finally {
    clients.destroy();
  }
}

let controller: AbortController | undefined;

export interface StartMigration {
  from: Design;
  to: Design;
  plan: MigrationPlan;
  where: MigrationTarget;
  /** Items a second the backfill takes at most. */
  rate: number;
  /** Read the table back and check every pattern (the verify step); else it is skipped and said so. */
  verify: boolean;
}

/** `createIndex GSI3`: what a failure names as the operation (the tag's TagResource comes after the last step). */
const stepLabel = (step: MigrationStep | undefined) =>
  step === undefined ? 'TagResource' : `${step.kind}${step.kind === 'createIndex' || step.kind === 'dropIndex' ? ` ${step.index}` : ''}`;

/** Runs (or resumes) the migration; the outcome lands in the session. */
export async function startMigration({ from: fromDesign, to: toDesign, plan: planned, where, rate, verify }: StartMigration): Promise<void> {
  if (migrationSession.getState().run.status === 'running') return;
  const { tableName, target } = where;
  // The table's own name everywhere: the requests, the plan, the checkpoint.
  const from: Design = { ...fromDesign, tableName };
  const to: Design = { ...toDesign, tableName };
  const plan: MigrationPlan = { ...planned, tableName };
  const run = { tableName, target: target.label, plan, notes: [] as string[] };
  const steps: StepState[] = plan.steps.map(() => 'pending');
  controller = new AbortController();
  const progress: MigrationProgress = {};
  const set = (extra: Partial<Extract<MigrationRun, { status: 'running' }>> = {}) =>
    migrationSession.setState((s) => ({
      run: {
        status: 'running',
        ...run,
        steps: [...steps],
        progress: { ...progress },
        cancelling: s.run.status === 'running' ? s.run.cancelling : false,
        ...extra,
      },
    }));
  set({ cancelling: false });
  const finish = (outcome: MigrationOutcome) => migrationSession.setState({ run: { status: 'finished', ...run, steps: [...steps], outcome } });
  const onStep = (_step: MigrationStep, i: number, event: StepEvent) => {
    steps[i] = event === 'start' ? 'running' : event;
    set();
  };
  // Clients of its own, for as long as it runs: the panel's may be rebuilt for another endpoint meanwhile.
  const clients = newClients(target);
  const { client, doc } = clients;
  try {
    const result = await runMigration({
      client,
      doc,
      tableName,
      from,
      to,
      plan,
      store: tabCheckpointStore(checkpointKey(targetPlace(target), tableName)),
      ...(verify ? { verifyWith: engineVerifiedModule(to, tableName) } : {}),
      rate,
      pollMs: isLocalEndpoint(target.endpoint) ? 200 : 2_000,
      signal: controller.signal,
      onStep,
      onProgress: (p) => {
        progress.backfill = p;
        set();
      },
      onIndexWait: (index, s) => {
        progress.index = { index, ...s };
        set();
      },
      onVerifyProgress: (s) => {
        progress.verify = s;
        set();
      },
      onNote: (note) => {
        run.notes.push(note);
        set();
      },
    });
    switch (result.status) {
      case 'done':
        finish({
          status: 'done',
          tagged: result.tagged,
          ...(result.backfill ? { backfill: result.backfill } : {}),
          ...(result.verify ? { verify: result.verify } : {}),
          deployedAfter: layoutAfter(to, plan),
        });
        followTable(to, tableName, target);
        break;
      case 'refused':
        finish({ status: 'refused', reasons: result.reasons });
        break;
      case 'cancelled':
        finish({ status: 'cancelled', step: result.step });
        break;
      case 'failed':
        finish({ status: 'failed', step: result.step, error: await explain(result.error, target, stepLabel(plan.steps[result.step])) });
        break;
      case 'verifyFailed':
        finish({ status: 'verifyFailed', step: result.step, verify: result.verify });
        break;
      default: {
        const never: never = result;
        return never;
      }
    }
  } catch (e) {
    // Thrown before anything was touched (no answer from the endpoint, no access, a checkpoint that does not read).
    finish({ status: 'failed', step: 0, error: await explain(e, target, 'DescribeTable') });
  } finally {
    controller = undefined;
    clients.destroy();
  }
}

/** Stops after the updates in flight: the checkpoint keeps where. */
export function cancelMigration(): void {
  const { run } = migrationSession.getState();
  if (run.status !== 'running' || !controller) return;
  migrationSession.setState({ run: { ...run, cancelling: true } });
  controller.abort();
}

/**
 * The run session's table, when it is the one migrated: it now has `to`'s key schema and indexes. What it holds
 * is no longer the load's items (the backfill changed them): pattern runs say "not verified" until a reload.
 */
function followTable(to: Design, tableName: string, target: Target): void {
  const { table } = runSession.getState();
  if (table.status !== 'ready' || table.tableName !== tableName || targetPlace(table.target) !== targetPlace(target)) return;
  runSession.setState({ table: { ...table, definition: JSON.stringify(tableDefinition(to, tableName)) }, loaded: undefined, tableItems: undefined, runs: {} });
}

/** The differences a failed verify found, in words: `getOrdersByStatus {"status":"paid"}: expected 3 records, got 1`. */
export function differenceText(d: PatternDifference): string {
  return `${d.pattern} ${JSON.stringify(d.params)}: ${d.problem}`;
}
