// `run PROBLEM`: create a table for the design, load seeded sample items, run
// every access pattern (default parameters plus a few more sets from other
// sample records), compare each answer with the engine's in-memory answer,
// print a result table, delete the table unless --keep. Without --endpoint it
// starts its own DynamoDB Local and stops it at the end (and on Ctrl-C).
// Exit codes: 0 all match; 1 a mismatch or a pattern the design cannot serve;
// 2 bad options, an existing table in the way, or DynamoDB could not be used.
import { randomUUID } from 'node:crypto';
import { generateSampleRecords, sampleParams, toItem, type Design, type Item, type PatternParams, type RecordValue } from '../engine/index.ts';
import {
  createClients,
  createDesignTable,
  deleteDesignTable,
  describeError,
  describeTableDifference,
  formatDescribedError,
  loadItems,
  LOCAL_CREDENTIALS,
  runPattern,
  type Clients,
  type CreatedTable,
  type PatternRun,
} from '../runner/index.ts';
import { startDynamoDBLocal } from '../devtools/dynamodbLocal.mjs';
import type { CliIo } from './runCli.ts';

/** The seed of the CLI's sample data (the app uses its own; both are fixed). */
export const RUN_SEED = 'tablewright';
/** Parameter sets per pattern: the defaults plus this many more from other records. */
const EXTRA_PARAM_SETS = 3;

export interface PatternRunRow {
  pattern: string;
  /** Indexes of its requests, `table` or GSI names joined with `+`. */
  index: string;
  runs: PatternRun[];
  /** Set when the design cannot serve the pattern (no requests to send). */
  notServed?: boolean;
}

const isLocalHost = (url: string): boolean => {
  try {
    return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Sample items of the design: `records` records per entity, or each entity's count. */
export function sampleData(design: Design, records: number | undefined): { records: Map<string, RecordValue[]>; items: Item[] } {
  const counts = records === undefined ? undefined : Object.fromEntries(design.model.entities.map((e) => [e.name, records]));
  const byEntity = generateSampleRecords(design.model, { seed: RUN_SEED, ...(counts ? { counts } : {}) });
  const items: Item[] = [];
  for (const [entity, list] of byEntity) for (const record of list) items.push(toItem(design, entity, record));
  return { records: byEntity, items };
}

/** The default parameters of a pattern and a few more from records spread over the sample. */
export function paramSets(design: Design, records: Map<string, RecordValue[]>, pattern: string): PatternParams[] {
  const entity = design.model.patterns.find((p) => p.name === pattern)?.entity ?? '';
  const n = records.get(entity)?.length ?? 0;
  const picks = [0, ...Array.from({ length: EXTRA_PARAM_SETS }, (_, i) => Math.floor(((i + 1) * n) / (EXTRA_PARAM_SETS + 1)))];
  const seen = new Set<string>();
  const out: PatternParams[] = [];
  for (const pick of picks) {
    const params = sampleParams(design.model, records, pattern, pick);
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(params);
  }
  return out;
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
      row.notServed ? 'NOT SERVED' : ok ? 'ok' : 'MISMATCH',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([2, 3, 4, 5, 6]);
  const line = (r: string[]) => `  ${r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/** What differs, for each mismatched run: parameters, then missing / unexpected / changed keys or the order. */
export function formatMismatches(design: Design, rows: readonly PatternRunRow[]): string {
  const pk = design.indexes[0]?.pkAttribute ?? 'PK';
  const sk = design.indexes[0]?.skAttribute ?? 'SK';
  const keys = (items: Item[]) => items.map((i) => `${String(i[pk] ?? '')} | ${String(i[sk] ?? '')}`).join(', ');
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
  const endpointOption = options.get('--endpoint');
  const regionOption = options.get('--region');
  const tableOption = options.get('--table');
  const keep = options.get('--keep') === true;
  if (typeof endpointOption === 'string') {
    try {
      new URL(endpointOption);
    } catch {
      io.err(`--endpoint must be a URL such as http://localhost:8000, got "${endpointOption}"\n`);
      return 2;
    }
  }
  const region = typeof regionOption === 'string' ? regionOption : process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  const tableName = typeof tableOption === 'string' ? tableOption : `${design.tableName}-run-${randomUUID().slice(0, 8)}`;

  const controller = new AbortController();
  const onSignal = () => {
    io.err('\ninterrupted: cleaning up\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let local: { endpoint: string; stop: () => Promise<void> } | undefined;
  let clients: Clients | undefined;
  let created: CreatedTable | undefined;
  let endpoint: string | undefined;
  const context = () => ({ ...(endpoint ? { endpoint } : {}), region });
  try {
    if (typeof endpointOption === 'string') {
      endpoint = endpointOption;
    } else {
      io.out('starting DynamoDB Local...\n');
      local = await startDynamoDBLocal({ port: 0, inMemory: true });
      endpoint = local.endpoint;
      io.out(`DynamoDB Local ready at ${endpoint}\n`);
      if (controller.signal.aborted) return 130;
    }
    const useLocalCredentials = endpoint !== undefined && isLocalHost(endpoint) && !process.env['AWS_ACCESS_KEY_ID'];
    clients = createClients({ ...(endpoint ? { endpoint } : {}), region, ...(useLocalCredentials ? { credentials: LOCAL_CREDENTIALS } : {}) });

    const table = await createDesignTable({ client: clients.client, design, tableName, target: clients.target, signal: controller.signal, pollMs: isLocalHost(endpoint ?? '') ? 50 : 1000 });
    if (table.status !== 'created') {
      io.err(`table ${tableName} already exists at ${clients.target}; it is left alone.\n`);
      for (const entry of table.difference.entries) io.err(`  ${describeTableDifference(entry)}\n`);
      if (table.difference.entries.length === 0) io.err('  (it has the design’s keys and indexes; run without --table to use a new table)\n');
      return 2;
    }
    created = table.table;
    io.out(`created table ${tableName} at ${clients.target} (${design.indexes.length - 1} GSI(s))\n`);

    const sample = sampleData(design, records);
    const load = await loadItems({ client: clients.doc, tableName, items: sample.items, concurrency: 8, signal: controller.signal });
    if (load.status === 'cancelled') return 130;
    if (load.status === 'failed') {
      io.err(`loading items failed after ${load.written} of ${load.total}: ${formatDescribedError(describeError(load.error.cause, { ...context(), operation: 'BatchWriteItem' }))}\n`);
      return 2;
    }
    io.out(`loaded ${load.written} items in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.itemsPerSecond)} items/s)\n\n`);

    const rows: PatternRunRow[] = [];
    for (const plan of design.patterns) {
      if (controller.signal.aborted) return 130;
      const row: PatternRunRow = { pattern: plan.pattern, index: [...new Set(plan.steps.map((s) => s.index))].join('+') || '-', runs: [] };
      if (plan.steps.length === 0) row.notServed = true;
      else {
        for (const params of paramSets(design, sample.records, plan.pattern)) {
          row.runs.push(await runPattern({ client: clients.doc, design, tableName, patternName: plan.pattern, params, sampleItems: sample.items, signal: controller.signal }));
        }
      }
      rows.push(row);
    }
    io.out(formatRunTable(rows));
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
    return mismatches.length || notServed.length ? 1 : 0;
  } catch (e) {
    if (controller.signal.aborted) return 130;
    io.err(`run: ${formatDescribedError(describeError(e, context()))}\n`);
    return 2;
  } finally {
    if (created && clients) {
      if (keep) io.out(`kept table ${created.tableName} at ${clients.target}\n`);
      else if (!local || !controller.signal.aborted) {
        try {
          await deleteDesignTable({ client: clients.client, table: created, confirmTableName: created.tableName, pollMs: isLocalHost(endpoint ?? '') ? 50 : 1000 });
          io.out(`deleted table ${created.tableName}\n`);
        } catch (e) {
          io.err(`could not delete table ${created.tableName}: ${formatDescribedError(describeError(e, context()))}\n`);
        }
      }
    }
    clients?.destroy();
    await local?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
