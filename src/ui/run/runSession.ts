// The Run panel's session: endpoint settings, credentials (in memory; in
// sessionStorage only when "Remember for this tab" is ticked), the table made
// or chosen, the load, the pattern runs and the write sent. A store of its own, outside the
// app store, so credentials never reach the autosave, share links or exports,
// and the session survives switching tabs (which unmounts the panel).
import { createStore } from 'zustand/vanilla';
import {
  applyWrite,
  designTable,
  patternReadUnits,
  tableDefinition,
  tableNameProblem,
  writeCapacity,
  type Design,
  type Item,
  type PatternParams,
  type WriteCall,
} from '../../engine/index.ts';
import {
  createClients,
  createDesignTable,
  dataFingerprint,
  DEFAULT_TIMEOUT_MS,
  deleteDesignTable,
  describeError,
  isLocalEndpoint,
  loadItems,
  patternCapacityRow,
  RunnerError,
  runPattern,
  runWrite,
  testConnection,
  verification,
  writeCapacityRow,
  type CapacityRow,
  type Clients,
  type ConnectionInfo,
  type CreatedTable,
  type DataFingerprint,
  type DescribedError,
  type StalePart,
  type PatternRun,
  type TableDifference,
  type WriteRun,
} from '../../runner/index.ts';
import {
  DEFAULT_LOCAL_ENDPOINT,
  EMPTY_CREDENTIALS,
  resolveTarget,
  secretsOf,
  type CredentialFields,
  type EndpointSettings,
  type Target,
  type TargetField,
} from './endpointSettings.ts';
import { probeEndpoint } from './probeEndpoint.ts';
import { forgetRemembered, readRemembered, tabStorage, writeRemembered } from './rememberedSession.ts';

export type ConnectionState =
  { status: 'idle' } | { status: 'testing' } | { status: 'ok'; info: ConnectionInfo; label: string } | { status: 'failed'; error: DescribedError };

export type TableState =
  | { status: 'none' }
  | { status: 'creating'; tableName: string }
  | { status: 'ready'; tableName: string; target: Target; created: CreatedTable | undefined; definition: string; error?: DescribedError }
  | { status: 'refused'; tableName: string; target: Target; reason: 'notConfirmed' | 'incompatible'; difference: TableDifference }
  | { status: 'deleting'; tableName: string; target: Target; created: CreatedTable | undefined; definition: string }
  | { status: 'failed'; tableName: string; error: DescribedError };

export type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; written: number; total: number; itemsPerSecond: number; items: readonly Item[] }
  | { status: 'done'; written: number; total: number; itemsPerSecond: number; seconds: number; items: readonly Item[] }
  | {
      status: 'stopped';
      why: 'cancelled' | 'failed';
      written: number;
      total: number;
      resumeAt: number;
      itemsPerSecond: number;
      error?: DescribedError;
      items: readonly Item[];
    };

/**
 * A pattern's run; `capacity`: its predicted read units (on the items compared with) beside the measured ones.
 * `unverified`: the table was not created and loaded under the current design and sample items, so the
 * answer was not compared (no capacity prediction either). `plan` and `fingerprint`: the pattern's plan
 * (JSON) and the design and items it ran under, to tell a result of an older design.
 */
export type PatternRunState =
  | { status: 'running' }
  | {
      status: 'done';
      run: PatternRun;
      params: PatternParams;
      capacity?: CapacityRow;
      unverified?: { stale: StalePart[]; remedy: 'recreate' | 'reload' };
      plan: string;
      fingerprint: DataFingerprint;
    }
  | { status: 'failed'; error: DescribedError };

/** The Writes view's write sent to the table: running, its recorded requests and outcome, or why it could not be sent. */
export type WriteRunState =
  | { status: 'idle' }
  | { status: 'running'; call: WriteCall }
  | {
      status: 'done';
      call: WriteCall;
      run: WriteRun;
      /** Predicted beside measured units; absent when the page does not know the table's items. */ capacity?: CapacityRow;
    }
  | { status: 'failed'; call: WriteCall; error: DescribedError };

export interface RunSessionState {
  settings: EndpointSettings;
  credentials: CredentialFields;
  remember: boolean;
  /** The field the last attempt complained about, and why. */
  invalid: { field: TargetField; message: string } | undefined;
  connection: ConnectionState;
  tableName: string;
  table: TableState;
  load: LoadState;
  runs: Record<string, PatternRunState>;
  runningAll: boolean;
  write: WriteRunState;
  /**
   * The items the table holds, as far as this page knows: those it loaded, then changed by each
   * write it sent (the same write applied in memory). Undefined before a complete load. Writes are
   * predicted on them.
   */
  tableItems: readonly Item[] | undefined;
  /** The design and items of the last complete load (dataFingerprint): answers are compared only when they are the current ones. */
  loaded: DataFingerprint | undefined;
}

const envEndpoint = (import.meta.env as { VITE_TABLEWRIGHT_LOCAL_ENDPOINT?: string } | undefined)?.VITE_TABLEWRIGHT_LOCAL_ENDPOINT;

function initialState(): RunSessionState {
  const remembered = readRemembered(tabStorage());
  return {
    settings: {
      profile: remembered?.settings.profile ?? 'local',
      localEndpoint: envEndpoint || DEFAULT_LOCAL_ENDPOINT,
      customUrl: remembered?.settings.customUrl ?? '',
      region: remembered?.settings.region ?? 'us-east-1',
    },
    credentials: remembered?.credentials ?? EMPTY_CREDENTIALS,
    remember: remembered !== undefined,
    invalid: undefined,
    connection: { status: 'idle' },
    tableName: '',
    table: { status: 'none' },
    load: { status: 'idle' },
    runs: {},
    runningAll: false,
    write: { status: 'idle' },
    tableItems: undefined,
    loaded: undefined,
  };
}

export const runSession = createStore<RunSessionState>()(initialState);

// ---- clients: one per target, rebuilt when the target changes ----------------

let clientCache: { key: string; clients: Clients } | undefined;

/** New clients for a target: every request times out (DEFAULT_TIMEOUT_MS per attempt, two attempts), so "Connecting…" ends. */
export function newClients(target: Target): Clients {
  return createClients({
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    region: target.region,
    credentials: target.credentials,
    maxAttempts: 2,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  });
}

/** The clients of a target: one set at a time (the last target's, rebuilt when it changes). */
function clientsFor(target: Target): Clients {
  const key = JSON.stringify([
    target.endpoint ?? '',
    target.region,
    target.credentials.accessKeyId,
    target.credentials.secretAccessKey,
    target.credentials.sessionToken ?? '',
  ]);
  if (clientCache?.key !== key) {
    clientCache?.clients.destroy();
    clientCache = { key, clients: newClients(target) };
  }
  return clientCache.clients;
}

/** Words for a failure; in the browser, first asks whether the endpoint answers at all. */
export async function explain(error: unknown, target: Target | undefined, operation: string, request?: unknown): Promise<DescribedError> {
  const failedFetch = error instanceof TypeError && target?.endpoint !== undefined;
  const reachable = failedFetch && target.endpoint !== undefined ? await probeEndpoint(target.endpoint) : undefined;
  return describeError(error, {
    ...(target?.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    ...(target ? { region: target.region } : {}),
    ...(typeof location !== 'undefined' ? { origin: location.origin } : {}),
    ...(reachable !== undefined ? { reachable } : {}),
    operation,
    ...(request !== undefined ? { request } : {}),
    secrets: secretsOf(target),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  });
}

/** The target the settings and credentials name, or undefined after saying which field is wrong (`invalid`). */
export function currentTarget(): Target | undefined {
  const { settings, credentials } = runSession.getState();
  const resolved = resolveTarget(settings, credentials);
  if (!resolved.ok) {
    runSession.setState({ invalid: { field: resolved.field, message: resolved.message } });
    return undefined;
  }
  runSession.setState({ invalid: undefined });
  return resolved.target;
}

function persist(): void {
  const { remember, settings, credentials } = runSession.getState();
  if (remember) writeRemembered(tabStorage(), { settings: { profile: settings.profile, customUrl: settings.customUrl, region: settings.region }, credentials });
}

// ---- actions -----------------------------------------------------------------

export function updateSettings(change: Partial<EndpointSettings>): void {
  runSession.setState((s) => ({ settings: { ...s.settings, ...change }, connection: { status: 'idle' }, invalid: undefined }));
  persist();
}

export function updateCredentials(change: Partial<CredentialFields>): void {
  runSession.setState((s) => ({ credentials: { ...s.credentials, ...change }, connection: { status: 'idle' }, invalid: undefined }));
  persist();
}

export function setRemember(remember: boolean): void {
  runSession.setState({ remember });
  if (remember) persist();
  else forgetRemembered(tabStorage());
}

/** Forgets the typed credentials (memory and this tab's storage). */
export function clearCredentials(): void {
  runSession.setState({ credentials: EMPTY_CREDENTIALS, remember: false, connection: { status: 'idle' } });
  forgetRemembered(tabStorage());
  clientCache?.clients.destroy();
  clientCache = undefined;
}

export function setTableName(tableName: string): void {
  runSession.setState({ tableName });
}

/** Why the typed table name cannot be used (the engine's words), or undefined; empty means the design's name. */
export function tableNameInputProblem(input: string): string | undefined {
  const name = input.trim();
  return name === '' ? undefined : tableNameProblem(name);
}

export async function checkConnection(): Promise<void> {
  const target = currentTarget();
  if (!target) return;
  runSession.setState({ connection: { status: 'testing' } });
  try {
    const info = await testConnection({ client: clientsFor(target).client });
    runSession.setState({ connection: { status: 'ok', info, label: target.label } });
  } catch (e) {
    runSession.setState({ connection: { status: 'failed', error: await explain(e, target, 'ListTables') } });
  }
}

/** Creates the design's table, or (with `confirmExisting`) uses an existing one of the same shape. */
export async function createTable(design: Design, confirmExisting?: string): Promise<void> {
  const input = runSession.getState().tableName;
  // The panel disables Create while the name is invalid; nothing is sent with one.
  if (tableNameInputProblem(input) !== undefined) return;
  const target = currentTarget();
  const tableName = input.trim() || design.tableName;
  if (!target) return;
  runSession.setState({
    table: { status: 'creating', tableName },
    load: { status: 'idle' },
    runs: {},
    write: { status: 'idle' },
    tableItems: undefined,
    loaded: undefined,
  });
  try {
    const result = await createDesignTable({
      client: clientsFor(target).client,
      design,
      tableName,
      target: target.label,
      ...(confirmExisting !== undefined ? { confirmExistingTableName: confirmExisting } : {}),
      pollMs: target.endpoint ? 200 : 1_000,
    });
    const definition = JSON.stringify(tableDefinition(design, tableName));
    switch (result.status) {
      case 'created':
        runSession.setState({ table: { status: 'ready', tableName, target, created: result.table, definition } });
        break;
      case 'existing':
        runSession.setState({ table: { status: 'ready', tableName, target, created: undefined, definition } });
        break;
      case 'refused':
        runSession.setState({ table: { status: 'refused', tableName, target, reason: result.reason, difference: result.difference } });
        break;
      default: {
        const never: never = result;
        return never;
      }
    }
  } catch (e) {
    runSession.setState({ table: { status: 'failed', tableName, error: await explain(e, target, 'CreateTable', tableDefinition(design, tableName)) } });
  }
}

let loadController: AbortController | undefined;

/** Loads the design's items into the ready table; `resume` continues from the last stop's exact index. */
export async function loadSampleItems(design: Design, items: readonly Item[], resume = false): Promise<void> {
  const { table, load } = runSession.getState();
  if (table.status !== 'ready' || load.status === 'loading') return;
  const startAt = resume && load.status === 'stopped' && load.items === items ? load.resumeAt : 0;
  const controller = new AbortController();
  loadController = controller;
  // What the table holds once every item is in: answers are compared only while that is the current design's.
  const fingerprint = dataFingerprint(design, table.tableName, items);
  runSession.setState({
    load: { status: 'loading', written: startAt, total: items.length, itemsPerSecond: 0, items },
    runs: {},
    tableItems: undefined,
    loaded: undefined,
  });
  const result = await loadItems({
    client: clientsFor(table.target).doc,
    tableName: table.tableName,
    items,
    startAt,
    concurrency: 6,
    signal: controller.signal,
    onProgress: (p) => runSession.setState({ load: { status: 'loading', written: p.written, total: p.total, itemsPerSecond: p.itemsPerSecond, items } }),
  });
  loadController = undefined;
  switch (result.status) {
    case 'done':
      runSession.setState({
        load: { status: 'done', written: result.written, total: result.total, itemsPerSecond: result.itemsPerSecond, seconds: result.ms / 1000, items },
        tableItems: items,
        loaded: fingerprint,
      });
      break;
    case 'cancelled':
      runSession.setState({
        load: {
          status: 'stopped',
          why: 'cancelled',
          written: result.written,
          total: result.total,
          resumeAt: result.resumeAt,
          itemsPerSecond: result.itemsPerSecond,
          items,
        },
      });
      break;
    case 'failed': {
      const error = await explain(result.error.cause, table.target, 'BatchWriteItem');
      runSession.setState({
        load: {
          status: 'stopped',
          why: 'failed',
          written: result.written,
          total: result.total,
          resumeAt: result.resumeAt,
          itemsPerSecond: result.itemsPerSecond,
          error,
          items,
        },
      });
      break;
    }
    default: {
      const never: never = result;
      return never;
    }
  }
}

export function cancelLoad(): void {
  loadController?.abort();
}

/**
 * Runs one pattern on the table. `sampleItems`: the current design's items (guard items included). The
 * answer is compared with the engine's only when the table was created and loaded under this design and
 * these items; otherwise it is shown unverified, with what changed.
 */
export async function runOnePattern(args: { design: Design; patternName: string; params: PatternParams; sampleItems: readonly Item[] }): Promise<void> {
  const { table, loaded, tableItems } = runSession.getState();
  if (table.status !== 'ready') return;
  const { design, patternName, params, sampleItems } = args;
  runSession.setState((s) => ({ runs: { ...s.runs, [patternName]: { status: 'running' } } }));
  let state: PatternRunState;
  try {
    const check = verification(design, table.tableName, { created: table.definition, loaded, items: tableItems }, sampleItems);
    const run = await runPattern({
      client: clientsFor(table.target).doc,
      design,
      tableName: table.tableName,
      patternName,
      params,
      ...(check.verified ? { sampleItems: check.items } : {}),
    });
    const ranUnder = { plan: runPlanText(design, patternName), fingerprint: dataFingerprint(design, table.tableName, sampleItems) };
    if (check.verified) {
      // The units predicted on the items compared with, beside what DynamoDB reported (Local's known deviations applied on a local endpoint).
      const predicted = patternReadUnits({ design, items: check.items, pattern: patternName, params });
      state = {
        status: 'done',
        run,
        params,
        capacity: patternCapacityRow(patternName, [predicted], [run], isLocalEndpoint(table.target.endpoint)),
        ...ranUnder,
      };
    } else {
      state = { status: 'done', run, params, unverified: { stale: check.stale, remedy: check.remedy }, ...ranUnder };
    }
  } catch (e) {
    state = { status: 'failed', error: await explain(e, table.target, 'Query', params) };
  }
  runSession.setState((s) => ({ runs: { ...s.runs, [patternName]: state } }));
}

/** A pattern's plan as text: a run whose plan differs from the current one ran under an older design. */
export function runPlanText(design: Design, patternName: string): string {
  return JSON.stringify(design.patterns.find((p) => p.pattern === patternName) ?? null);
}

export async function runAllPatterns(args: { design: Design; paramsOf: (pattern: string) => PatternParams; sampleItems: readonly Item[] }): Promise<void> {
  if (runSession.getState().runningAll) return;
  runSession.setState({ runningAll: true, runs: {} });
  try {
    for (const plan of args.design.patterns) {
      if (plan.steps.length === 0) continue;
      await runOnePattern({ design: args.design, patternName: plan.pattern, params: args.paramsOf(plan.pattern), sampleItems: args.sampleItems });
    }
  } finally {
    runSession.setState({ runningAll: false });
  }
}

/** Deletes the table this session created, after the name was typed back. */
export async function deleteTable(confirmTableName: string): Promise<void> {
  const { table } = runSession.getState();
  if (table.status !== 'ready' || !table.created) return;
  const { error: _previous, ...rest } = table;
  runSession.setState({ table: { ...rest, status: 'deleting' } });
  try {
    await deleteDesignTable({ client: clientsFor(table.target).client, table: table.created, confirmTableName, pollMs: table.target.endpoint ? 200 : 1_000 });
    runSession.setState({ table: { status: 'none' }, load: { status: 'idle' }, runs: {}, write: { status: 'idle' }, tableItems: undefined, loaded: undefined });
  } catch (e) {
    const error = await explain(e, table.target, 'DeleteTable');
    // Ours is gone and the table of that name is someone else's: nothing here to use or delete.
    if (e instanceof RunnerError && e.code === 'table.replaced')
      runSession.setState({ table: { status: 'failed', tableName: table.tableName, error }, load: { status: 'idle' }, runs: {} });
    else runSession.setState({ table: { ...table, status: 'ready', error } });
  }
}

/** Back to a fresh session (keeps endpoint settings and credentials). */
export function forgetTable(): void {
  runSession.setState({ table: { status: 'none' }, load: { status: 'idle' }, runs: {}, write: { status: 'idle' }, tableItems: undefined, loaded: undefined });
}

/** Sends one write to the table this session created (never to one it did not: runWrite refuses it too). */
export async function sendWrite(design: Design, call: WriteCall): Promise<void> {
  const { table, write } = runSession.getState();
  if (table.status !== 'ready' || table.created === undefined || write.status === 'running') return;
  runSession.setState({ write: { status: 'running', call } });
  try {
    const before = runSession.getState().tableItems;
    const run = await runWrite({ client: clientsFor(table.target).doc, design, table: table.created, write: call });
    const predicted = before && (await predictWrite(design, call, before));
    const capacity =
      predicted &&
      writeCapacityRow(
        { entity: call.entity, label: call.operation, applied: predicted.applied, capacity: predicted.capacity },
        run,
        isLocalEndpoint(table.target.endpoint),
      );
    // The page's picture of the table follows the write when the endpoint did what the memory table did.
    const after = predicted && predicted.applied.outcome.ok === run.outcome.ok ? predicted.items : undefined;
    runSession.setState({ write: { status: 'done', call, run, ...(capacity ? { capacity } : {}) }, tableItems: after });
  } catch (e) {
    // What the table holds now is not known.
    runSession.setState({ write: { status: 'failed', call, error: await explain(e, table.target, 'write', call) }, tableItems: undefined });
  }
}

/** The write applied in memory to the items the table holds: what it sends, its predicted units and the items after. */
async function predictWrite(design: Design, call: WriteCall, items: readonly Item[]) {
  const table = designTable(design, items);
  const before = table.items();
  const applied = await applyWrite({ design, table, write: call });
  return { applied, capacity: writeCapacity({ design, before, applied }), items: table.items() as Item[] };
}
