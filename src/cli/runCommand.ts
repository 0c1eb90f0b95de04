// `run PROBLEM`: create a table for the design, load seeded sample items, run
// every access pattern (default parameters plus a few more sets from other
// sample records), compare each answer with the engine's in-memory answer,
// print a result table, delete the table unless --keep (turning off the deletion
// protection the model gave it first). The model's table settings are applied
// with the table; any the endpoint left out (DynamoDB Local has no point-in-time
// recovery) is a warning, not a failure. Without --endpoint it
// starts its own DynamoDB Local and stops it at the end (and on Ctrl-C).
// Exit codes: 0 all match; 1 a mismatch, a pattern the design cannot serve, or
// capacity (read or write) other than expected (runner/capacityComparison.ts);
// 2 bad options, an existing table in the way, or DynamoDB could not be used;
// 130 interrupted.
//
// Never waits forever, never leaves a mess unannounced:
// - the sample items are generated before anything is started or created, and
//   before the Ctrl-C handler is installed, so Ctrl-C during that (long, for
//   large --records) synchronous work ends the process at once with nothing to
//   clean up; afterwards no synchronous step is long;
// - every request has the clients' timeout and the run's AbortSignal: the first
//   Ctrl-C aborts the requests in flight and deletes the table; a second one says
//   which table is still being deleted; a third stops waiting and names the
//   table left behind;
// - the table is deleted only if it is still the one this run created;
// - requests to --endpoint are signed with fake local credentials unless
//   --aws-credentials asks for the machine's own.
import { randomUUID } from 'node:crypto';
import {
  alwaysEmptyParameter,
  alwaysEmptyText,
  generateSampleRecords,
  indexKeyNames,
  patternParameters,
  patternReadUnits,
  toItem,
  withGuardItems,
  writeOperationCosts,
  type Design,
  type Item,
  type PatternCallReadUnits,
  type PatternParams,
  type RecordValue,
  type WriteOperationCost,
} from '../engine/index.ts';
import {
  createClients,
  createDesignTable,
  deleteDesignTable,
  describeError,
  expectedAnswers,
  describeTableDifference,
  describeTableSetting,
  formatDescribedError,
  formatDuration,
  loadItems,
  LOCAL_CREDENTIALS,
  RunnerError,
  runPattern,
  runWrite,
  type Clients,
  type CreatedTable,
  type ErrorContext,
  type PatternRun,
  differingRows,
  isLocalEndpoint,
  paramSets,
  patternCapacityRow,
  writeCapacityRow,
  type CapacityRow,
} from '../runner/index.ts';
import { startDynamoDBLocal } from '../devtools/dynamodbLocal.mjs';
import { formatCapacityTable } from './capacityReport.ts';
import { textTable } from './textTable.ts';
import { catchInterrupts, readEndpointOptions, withCliHint } from './endpointOptions.ts';
import type { CliIo } from './runCli.ts';

// The parameter sets of each pattern (the runner's, shared with a migration's verify).
export { paramSets };

/** The seed of the CLI's sample data (the app uses its own; both are fixed). */
export const RUN_SEED = 'tablewright';

export interface PatternRunRow {
  pattern: string;
  /** Indexes of its requests, `table` or GSI names joined with `+`. */
  index: string;
  runs: PatternRun[];
  /** Set when the design cannot serve the pattern (no requests to send). */
  notServed?: boolean;
  /** Set when the answer is always empty (no request is sent): the parameter compared with a pair. */
  alwaysEmpty?: string;
}

/** Sample items of the design: `records` records per entity, or each entity's count. */
export function sampleData(design: Design, records: number | undefined): { records: Map<string, RecordValue[]>; items: Item[] } {
  const counts = records === undefined ? undefined : Object.fromEntries(design.model.entities.map((e) => [e.name, records]));
  const byEntity = generateSampleRecords(design.model, { seed: RUN_SEED, ...(counts ? { counts } : {}) });
  const items: Item[] = [];
  for (const [entity, list] of byEntity) for (const record of list) items.push(toItem(design, entity, record));
  return { records: byEntity, items };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The result table: one row per pattern, totals over its parameter sets. */
export function formatRunTable(rows: readonly PatternRunRow[]): string {
  const header = ['pattern', 'index', 'runs', 'items', 'scanned', 'RCU', 'ms', 'result'];
  const body = rows.map((row) => {
    const requests = row.runs.flatMap((r) => r.requests);
    const ok = row.runs.every((r) => r.ok === true);
    return [
      row.pattern,
      row.index,
      String(row.runs.length),
      String(sum(requests.map((r) => r.count))),
      String(sum(requests.map((r) => r.scannedCount))),
      sum(requests.map((r) => r.capacityUnits)).toFixed(1),
      sum(requests.map((r) => r.latencyMs)).toFixed(0),
      row.notServed ? 'NOT SERVED' : !ok ? 'MISMATCH' : row.alwaysEmpty !== undefined ? 'ok (always empty)' : 'ok',
    ];
  });
  // Why a pattern sent nothing, under the table.
  const notes = rows.flatMap((row) => (row.alwaysEmpty !== undefined ? [`  ${row.pattern}: ${alwaysEmptyText(row.alwaysEmpty)}`] : []));
  return [textTable(header, body, new Set([2, 3, 4, 5, 6])), ...(notes.length ? ['', ...notes] : [])].join('\n') + '\n';
}

/** What differs, for each mismatched run: parameters, then missing / unexpected / changed keys or the order. */
export function formatMismatches(design: Design, rows: readonly PatternRunRow[]): string {
  const table = design.indexes[0];
  const names = table ? indexKeyNames(table) : ['PK', 'SK'];
  const keys = (items: Item[]) => items.map((i) => names.map((name) => String(i[name] ?? '')).join(' | ')).join(', ');
  const out: string[] = [];
  for (const row of rows) {
    for (const run of row.runs) {
      if (run.ok !== false) continue;
      out.push(`${row.pattern} ${JSON.stringify(run.requests[0]?.request.input ?? {})}`);
      for (const r of run.requests) {
        const c = r.comparison;
        if (!c || c.ok) continue;
        if (c.missing.length) out.push(`  missing (the engine returns, DynamoDB did not): ${keys(c.missing)}`);
        if (c.unexpected.length) out.push(`  unexpected (DynamoDB returned, the engine does not): ${keys(c.unexpected)}`);
        for (const ch of c.changed) out.push(`  changed: ${ch.key}: expected ${JSON.stringify(ch.expected)}, got ${JSON.stringify(ch.actual)}`);
        if (c.orderDiffers) out.push(`  order: expected ${c.expectedOrder.join(', ')}; got ${c.actualOrder.join(', ')}`);
      }
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

interface PlannedPattern {
  pattern: string;
  index: string;
  notServed: boolean;
  alwaysEmpty: string | undefined;
  runs: { params: PatternParams; expected: Item[][]; capacity: PatternCallReadUnits }[];
}

/** Every run of the table: each pattern's parameter sets, the engine's answer to each and its predicted read units on the loaded items (`stored`: with the guard items). */
function planRuns(
  design: Design,
  tableName: string,
  sample: { records: Map<string, RecordValue[]>; items: Item[] },
  stored: readonly Item[],
): PlannedPattern[] {
  return design.patterns.map((p) => {
    const alwaysEmpty = alwaysEmptyParameter(p, patternParameters(design.model, p.pattern));
    return {
      pattern: p.pattern,
      // An always-empty pattern reads no index.
      index: alwaysEmpty !== undefined ? '-' : [...new Set(p.steps.map((s) => s.index))].join('+') || '-',
      notServed: p.steps.length === 0,
      alwaysEmpty,
      runs:
        p.steps.length === 0
          ? []
          : paramSets(design, sample.records, p.pattern).map((params) => ({
              params,
              expected: expectedAnswers({ design, tableName, patternName: p.pattern, params, sampleItems: sample.items }),
              capacity: patternReadUnits({ design, items: stored, pattern: p.pattern, params }),
            })),
    };
  });
}

function parseRecords(value: string | true | undefined): number | undefined | Error {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100_000) {
    return new Error('--records takes a whole number from 1 to 100000 (records per entity)');
  }
  return Number(value);
}

export async function runCommand({ design, options, io }: { design: Design; options: Map<string, string | true>; io: CliIo }): Promise<number> {
  const records = parseRecords(options.get('--records'));
  if (records instanceof Error) {
    io.err(`${records.message}\n`);
    return 2;
  }
  const target = readEndpointOptions(options, io, 'without one, run uses a DynamoDB Local of its own');
  if (!target) return 2;
  const { endpointUrl, region, timeoutMs, awsCredentials } = target;
  const tableOption = options.get('--table');
  const keep = options.get('--keep') === true;
  const tableName = typeof tableOption === 'string' ? tableOption : `${design.tableName}-run-${randomUUID().slice(0, 8)}`;

  // The long synchronous work — sample items, every run's parameters and the engine's answers —
  // comes first, before anything exists to clean up and before Ctrl-C is caught: Ctrl-C here
  // simply ends the process. Once a table exists, nothing holds the event loop for long, so
  // Ctrl-C is always heard (under `tsx`, whose parent SIGKILLs a child that does not
  // acknowledge a signal within about 60 ms, that is what keeps the clean-up alive).
  io.out(`generating sample items (${records === undefined ? 'each entity’s count' : `${records} per entity`}) and the engine's answers...\n`);
  const sample = sampleData(design, records);
  // The records' items and the guard items their creates write, so that a kept table takes the module's writes.
  const stored = withGuardItems(design, sample.items);
  let plan: PlannedPattern[];
  // Each entity's write operations (remove, create, each kind of update) on one sample record, run in memory and priced.
  let writes: WriteOperationCost[];
  try {
    plan = planRuns(design, tableName, sample, stored.items);
    writes = await writeOperationCosts({ design, records: sample.records, items: stored.items });
  } catch (e) {
    io.err(`run: ${formatDescribedError(describeError(e))}\n`);
    return 2;
  }
  io.out(`generated ${sample.items.length} items, ${sum(plan.map((p) => p.runs.length))} runs\n`);

  let local: { endpoint: string; stop: () => Promise<void> } | undefined;
  let clients: Clients | undefined;
  let created: CreatedTable | undefined;
  let deleteAccepted = false;
  let endpoint: string | undefined = endpointUrl;
  /** Whether the table is deleted at the end: a DynamoDB Local of our own goes, tables and all, when it stops. */
  const deletesTable = () => created !== undefined && !keep && !local;
  const interrupts = catchInterrupts(io, () =>
    deletesTable() && created
      ? `deleting table ${created.tableName} at ${created.target}${deleteAccepted ? ' (DeleteTable accepted, waiting until it is gone)' : ''}`
      : undefined,
  );
  const { work, cleanup } = interrupts;
  const context = (): ErrorContext => ({ ...(endpoint ? { endpoint } : {}), region, timeoutMs });
  const explain = (e: unknown, operation?: string): string =>
    formatDescribedError(withCliHint(describeError(e, { ...context(), ...(operation ? { operation } : {}) }), awsCredentials));
  const code = await (async (): Promise<number> => {
    try {
      if (endpoint === undefined) {
        io.out('starting DynamoDB Local...\n');
        local = await startDynamoDBLocal({ port: 0, inMemory: true });
        endpoint = local.endpoint;
        io.out(`DynamoDB Local ready at ${endpoint}\n`);
        if (work.signal.aborted) return 130;
      }
      // Two attempts, as in the Run panel: an endpoint that never answers is reported after two
      // timeouts, not the SDK's default four. (loadItems retries throttling with its own backoff.)
      clients = createClients({ endpoint, region, timeoutMs, maxAttempts: 2, credentials: awsCredentials ? 'defaultChain' : LOCAL_CREDENTIALS });
      io.out(
        `sending to ${clients.target}, signed with ${awsCredentials ? 'your AWS credentials (the AWS SDK’s default chain)' : 'fake local credentials'}; ${formatDuration(timeoutMs)} per request\n`,
      );

      const table = await createDesignTable({
        client: clients.client,
        design,
        tableName,
        target: clients.target,
        signal: work.signal,
        onCreated: (t) => (created = t),
        pollMs: isLocalEndpoint(endpoint) ? 50 : 1000,
      });
      if (table.status !== 'created') {
        io.err(`table ${tableName} already exists at ${clients.target}; it is left alone.\n`);
        for (const entry of table.difference.entries) io.err(`  ${describeTableDifference(entry)}\n`);
        if (table.difference.entries.length === 0) io.err('  (it has the design’s keys and indexes; run without --table to use a new table)\n');
        return 2;
      }
      io.out(`created table ${tableName} at ${clients.target} (${design.indexes.length - 1} GSI(s))\n`);
      // Every table setting the model states: applied ones on one line, each one left out with why.
      const applied = table.settings.filter((s) => s.applied);
      if (applied.length) io.out(`table settings: ${applied.map(describeTableSetting).join('; ')}\n`);
      for (const missed of table.settings.filter((s) => !s.applied)) io.err(`warning: table setting ${describeTableSetting(missed)}\n`);

      const load = await loadItems({ client: clients.doc, tableName, items: stored.items, concurrency: 8, signal: work.signal, abortInFlight: true });
      if (load.status === 'cancelled' || work.signal.aborted) return 130;
      if (load.status === 'failed') {
        io.err(`loading items failed after ${load.written} of ${load.total}: ${explain(load.error.cause, 'BatchWriteItem')}\n`);
        return 2;
      }
      const guards = stored.items.length - sample.items.length;
      io.out(
        `loaded ${load.written} items in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.itemsPerSecond)} items/s)${guards ? `: ${sample.items.length} records and ${guards} guard items` : ''}\n`,
      );
      if (stored.skipped) io.err(`warning: ${stored.skipped} guard item(s) left out: sample records repeat a unique set's values\n`);
      io.out('\n');

      const rows: PatternRunRow[] = [];
      for (const planned of plan) {
        if (work.signal.aborted) return 130;
        const row: PatternRunRow = {
          pattern: planned.pattern,
          index: planned.index,
          runs: [],
          ...(planned.notServed ? { notServed: true } : {}),
          ...(planned.alwaysEmpty !== undefined ? { alwaysEmpty: planned.alwaysEmpty } : {}),
        };
        for (const { params, expected } of planned.runs) {
          row.runs.push(await runPattern({ client: clients.doc, design, tableName, patternName: planned.pattern, params, expected, signal: work.signal }));
        }
        rows.push(row);
      }
      io.out(formatRunTable(rows));
      // Capacity: every pattern's calls, then every write operation in sequence (the same sequence the engine priced in memory).
      const onLocal = local !== undefined || isLocalEndpoint(endpoint);
      const capacityRows: CapacityRow[] = [];
      for (const [i, planned] of plan.entries()) {
        const runs = rows[i]?.runs ?? [];
        if (runs.length)
          capacityRows.push(
            patternCapacityRow(
              planned.pattern,
              planned.runs.map((r) => r.capacity),
              runs,
              onLocal,
            ),
          );
      }
      for (const cost of writes) {
        if (work.signal.aborted) return 130;
        const run = await runWrite({ client: clients.doc, design, table: table.table, write: cost.call, signal: work.signal });
        capacityRows.push(writeCapacityRow(cost, run, onLocal));
      }
      io.out(`\n${formatCapacityTable(capacityRows)}`);
      // Any difference in capacity, read or write, fails the run.
      const differing = differingRows(capacityRows);
      const mismatches = rows.filter((r) => r.runs.some((run) => run.ok === false));
      const notServed = rows.filter((r) => r.notServed);
      const details = formatMismatches(design, rows);
      if (details) io.err(`\n${details}`);
      const runs = sum(rows.map((r) => r.runs.length));
      io.out(
        mismatches.length || notServed.length
          ? `\n${mismatches.length} pattern(s) with a MISMATCH, ${notServed.length} not served (${runs} runs)\n`
          : `\nall ${rows.length} patterns match the engine (${runs} runs)\n`,
      );
      if (differing.length) io.out(`${differing.length} row(s) consumed other capacity than expected: ${differing.join(', ')}\n`);
      return mismatches.length || notServed.length || differing.length ? 1 : 0;
    } catch (e) {
      if (work.signal.aborted) return 130;
      io.err(`run: ${explain(e)}\n`);
      return 2;
    } finally {
      if (created && clients) {
        if (keep) io.out(`kept table ${created.tableName} at ${clients.target}\n`);
        else if (!local) await deleteCreatedTable();
      }
      clients?.destroy();
      await local?.stop();
      interrupts.detach();
    }
  })();
  // Interrupted at any point, clean-up included: say so in the exit code.
  return work.signal.aborted ? 130 : code;

  async function deleteCreatedTable(): Promise<void> {
    if (!created || !clients) return;
    const { tableName: name, target } = created;
    const leftBehind = (why: string) =>
      io.err(
        `left table ${name} behind at ${target}${deleteAccepted ? ' (DynamoDB accepted its DeleteTable, so it may still go)' : ''}: ${why}. ` +
          `Delete it yourself, e.g. \`aws dynamodb delete-table --table-name ${name}${endpoint ? ` --endpoint-url ${endpoint}` : ''} --region ${region}\`.\n`,
      );
    try {
      const result = await deleteDesignTable({
        client: clients.client,
        table: created,
        confirmTableName: name,
        signal: cleanup.signal,
        onDeleteAccepted: () => (deleteAccepted = true),
        onDeletionProtectionDisabled: () => io.out(`turned off deletion protection of table ${name} (it was created with it) to delete it\n`),
        pollMs: isLocalEndpoint(endpoint ?? '') ? 50 : 1000,
      });
      io.out(result === 'deleted' ? `deleted table ${name}\n` : `table ${name} was already gone\n`);
    } catch (e) {
      if (cleanup.signal.aborted) leftBehind('stopped waiting (Ctrl-C)');
      else if (e instanceof RunnerError && (e.code === 'table.replaced' || e.code === 'table.protected')) io.err(`not deleting: ${e.message}\n`);
      else leftBehind(`could not delete it: ${explain(e, 'DeleteTable')}`);
    }
  }
}
