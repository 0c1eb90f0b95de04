// `migrate [FROM] TO --endpoint URL --table NAME [--rate N] [--dry-run] [--verify]
// [--drop-unused] [--checkpoint FILE] [--script FILE] [--keys MODE]`: carries the
// live table NAME from the deployed design FROM to TO (derived against FROM as
// deployed, as `diff` does: evolveInputs.ts) by the engine's migration plan,
// executed by the runner (runMigration): every step printed before it runs, the
// backfill's progress drawn on one line, resumable from the checkpoint file after
// a crash or Ctrl-C (run the same command again). `--dry-run` prints the plan and
// touches nothing; `--script FILE` writes the plan as a standalone TypeScript
// script and touches nothing. Without FROM, FROM is the design stored in the table
// itself (deployedCommand.ts readTableDesign: needs --endpoint and --table, even with
// --dry-run or --script).
//
// Exit codes: 0 migrated; 1 the live table cannot take the change (the plan's
// impossible changes), TO has errors, or --verify found a difference; 2 bad usage,
// a table that is not FROM's (refused before anything is touched), or DynamoDB
// could not be used; 130 interrupted (the checkpoint keeps where).
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import {
  formatDiagnostic,
  generateModule,
  isEvolveError,
  migrationPlan,
  migrationPlanText,
  migrationScript,
  units,
  type Design,
  type KeysMode,
  type MigrationPlan,
  type MigrationStep,
  DEFAULT_BACKFILL_RATE,
} from '../engine/index.ts';
import {
  createClients,
  describeError,
  formatDescribedError,
  isLocalEndpoint,
  LOCAL_CREDENTIALS,
  runMigration,
  type BackfillProgress,
  type RunMigrationResult,
  type StepEvent,
  type VerifiedModule,
  type VerifyTableResult,
} from '../runner/index.ts';
import { fileCheckpointStore } from '../runner/migrate/checkpointFile.ts';
import { loadGeneratedModule } from '../runner/migrate/generatedModule.ts';
import { designPayload } from '../runner/migrate/storedDesign.ts';
import { readTableDesign } from './deployedCommand.ts';
import { catchInterrupts, readEndpointOptions, withCliHint } from './endpointOptions.ts';
import { readEvolution, type DesignText } from './evolveInputs.ts';
import type { CliIo } from './runCli.ts';

export interface MigrateCommandOptions {
  /** Undefined: read FROM from the table (`--endpoint`, `--table`). */
  fromFile: string | undefined;
  toFile: string;
  keys: KeysMode;
  options: Map<string, string | true>;
  io: CliIo;
  /** Draw the progress on one line rewritten in place (a terminal); else a line every few seconds. */
  tty?: boolean;
}

/** The checkpoint file when --checkpoint is not given: beside the command, named after the table. */
export function defaultCheckpointFile(tableName: string): string {
  return `${tableName}.migration.json`;
}

/** The backfill's items per second: --rate, else the rate diff estimates its time at (a migration is always bounded). */
function parseRate(value: string | true | undefined): number | Error {
  if (value === undefined) return DEFAULT_BACKFILL_RATE;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value) || !(Number(value) > 0))
    return new Error('--rate takes the items a second the backfill may update at most: a number above 0');
  return Number(value);
}

export async function migrateCommand({ fromFile, toFile, keys, options, io, tty = false }: MigrateCommandOptions): Promise<number> {
  const rate = parseRate(options.get('--rate'));
  if (rate instanceof Error) {
    io.err(`${rate.message}\n`);
    return 2;
  }
  let fromSource: string | DesignText;
  if (fromFile === undefined) {
    const read = await readTableDesign(options, io, 'migrate');
    if (!read) return 2;
    fromSource = { text: read.text, label: `table ${read.tableName}` };
    io.out(`FROM: design ${read.identity}, read from table ${read.tableName}\n`);
  } else fromSource = fromFile;
  const designs = readEvolution(fromSource, toFile, { keys }, io);
  if (!designs) return 2;
  const tableOption = options.get('--table');
  const tableName = typeof tableOption === 'string' ? tableOption : designs.to.tableName;
  // The table's own name everywhere: the generated module's TABLE_NAME, the plan, the requests.
  const from: Design = { ...designs.from, tableName };
  const to: Design = { ...designs.to, tableName };
  const plan = migrationPlan(from, to, { dropUnused: options.has('--drop-unused') });
  // TO's own errors (a pattern it cannot serve): no migration to a design that does not work.
  const toErrors = to.diagnostics.filter((d) => d.severity === 'error' && !isEvolveError(d));
  for (const d of toErrors) io.err(`${toFile}: error: ${formatDiagnostic(d)}\n`);

  const script = options.get('--script');
  if (typeof script === 'string') {
    // TO's design as the table is to hold it, compressed here (the engine compresses nothing), written by the script last.
    fs.writeFileSync(script, migrationScript(plan, from, to, await designPayload(to)));
    io.out(
      `wrote ${script}: the migration of table ${tableName} (${plan.steps.length} steps) as a standalone TypeScript script that needs only @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb; run it with \`npx tsx ${script} --endpoint URL\` (its header says more)\n`,
    );
    return plan.impossible.length > 0 || toErrors.length > 0 ? 1 : 0;
  }
  if (options.has('--dry-run')) {
    io.out(migrationPlanText(plan));
    return plan.impossible.length > 0 || toErrors.length > 0 ? 1 : 0;
  }
  if (plan.impossible.length > 0 || toErrors.length > 0) {
    io.out(migrationPlanText(plan));
    io.err(plan.impossible.length > 0 ? 'nothing done: the live table cannot take this change\n' : `nothing done: ${toFile} has errors\n`);
    return 1;
  }
  if (typeof tableOption !== 'string') {
    io.err('migrate needs --table NAME: the live table to migrate (one FROM created, e.g. by `npm run cli -- run FROM --table NAME --keep`)\n');
    return 2;
  }
  const target = readEndpointOptions(options, io, 'the table is at the endpoint you give');
  if (!target) return 2;
  if (target.endpointUrl === undefined) {
    io.err(
      'migrate needs --endpoint URL: where the table is (DynamoDB Local, or e.g. https://dynamodb.eu-west-1.amazonaws.com with --region eu-west-1 --aws-credentials)\n',
    );
    return 2;
  }
  const { endpointUrl, region, timeoutMs, awsCredentials } = target;
  const checkpointOption = options.get('--checkpoint');
  const checkpointFile = typeof checkpointOption === 'string' ? checkpointOption : defaultCheckpointFile(tableName);
  const store = fileCheckpointStore(checkpointFile);

  const explain = (e: unknown, operation?: string) =>
    formatDescribedError(withCliHint(describeError(e, { endpoint: endpointUrl, region, timeoutMs, ...(operation ? { operation } : {}) }), awsCredentials));
  let verifyModule: { module: VerifiedModule; dispose: () => void } | undefined;
  if (options.has('--verify')) verifyModule = await loadGeneratedModule<VerifiedModule>(generateModule(to), 'accessPatterns');
  const clients = createClients({ endpoint: endpointUrl, region, timeoutMs, credentials: awsCredentials ? 'defaultChain' : LOCAL_CREDENTIALS });
  const interrupts = catchInterrupts(io, () => `saving the checkpoint ${checkpointFile}`, 'stopping: the updates in flight finish');
  // Every backfill worker waiting for a token listens to the signal (4 segments × 4 updates in flight by default).
  setMaxListeners(64, interrupts.work.signal);
  const progress = progressLine(io, tty);
  io.out(
    `migrating table ${tableName} at ${clients.target} from design ${plan.from} to ${plan.to}, signed with ${awsCredentials ? 'your AWS credentials' : 'fake local credentials'}; checkpoint ${path.resolve(checkpointFile)}\n`,
  );
  try {
    const result = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName,
      from,
      to,
      plan,
      store,
      ...(verifyModule ? { verifyWith: verifyModule.module } : {}),
      rate,
      pollMs: isLocalEndpoint(endpointUrl) ? 100 : 2000,
      signal: interrupts.work.signal,
      onStep: (step, i, event) => {
        progress.end();
        io.out(stepLine(plan, step, i, event));
      },
      onProgress: (p) => progress.draw(backfillLine(p)),
      onIndexWait: (index, s) => progress.draw(`  ${index}: ${s.indexStatus}${s.backfilling ? ', filling from the table' : ''}`),
      onVerifyProgress: (s) =>
        progress.draw(`  verify${s.round > 1 ? ` (again, round ${s.round})` : ''}: ${units(s.scanned)} items read, ${s.checked} pattern calls checked`),
      onNote: (note) => io.err(`note: ${note}\n`),
    });
    progress.end();
    return report(result);
  } catch (e) {
    progress.end();
    if (interrupts.work.signal.aborted) return 130;
    io.err(`migrate: ${explain(e)}\n`);
    return 2;
  } finally {
    clients.destroy();
    verifyModule?.dispose();
    interrupts.detach();
  }

  function report(result: RunMigrationResult): number {
    const resume = `the checkpoint ${checkpointFile} keeps where it stopped: run the same command again to resume`;
    switch (result.status) {
      case 'done': {
        if (result.backfill) {
          const b = result.backfill;
          io.out(
            `backfill: ${units(b.scanned)} items read, ${units(b.updated)} updated, ${b.conflicts} written meanwhile (read again), ${b.gone} deleted meanwhile, ${b.throttled} throttled requests retried\n`,
          );
        }
        if (result.verify) io.out(verifyText(result.verify));
        const stored = result.stored ? `; the design is stored in the table: \`deployed --table ${tableName}\` reads it back` : '';
        io.out(
          result.tagged
            ? `table ${tableName} is at design ${plan.to} (tag tablewright:design${stored})\n`
            : `table ${tableName} is at design ${plan.to} (the endpoint keeps no tags: ${result.stored ? `the design stored in it and its indexes say so${stored}` : 'its indexes say so'})\n`,
        );
        return 0;
      }
      case 'refused':
        io.err(`refused: table ${tableName} was not touched:\n${result.reasons.map((r) => `  ${r}\n`).join('')}`);
        return 2;
      case 'cancelled':
        io.err(`stopped at step ${result.step + 1}; ${resume}\n`);
        return 130;
      case 'failed':
        io.err(`step ${result.step + 1} failed: ${explain(result.error)}\n${resume}\n`);
        return 2;
      case 'verifyFailed':
        io.out(verifyText(result.verify));
        io.err(`verify found differences: nothing was dropped and the table keeps design ${plan.from}; ${resume} (the backfill runs again, then the verify)\n`);
        return 1;
      default: {
        const never: never = result;
        return never;
      }
    }
  }
}

/** `step 2/4 createIndex GSI3: Create GSI3 ...` before it runs; `(done before)` on a resume. */
function stepLine(plan: MigrationPlan, step: MigrationStep, i: number, event: StepEvent): string {
  const head = `step ${i + 1}/${plan.steps.length} ${step.kind}${step.kind === 'createIndex' || step.kind === 'dropIndex' ? ` ${step.index}` : ''}`;
  switch (event) {
    case 'start':
      return `${head}: ${step.description}\n`;
    case 'doneBefore':
      return `${head}: done in an earlier run\n`;
    case 'skipped':
      return `${head}: skipped (give --verify to read the table back and check every pattern)\n`;
    case 'done':
      return `${head}: done\n`;
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** `  backfill: 1,200 / 5,000 items (24%), 300 updated, 612 items/s, about 6 s left` */
export function backfillLine(p: BackfillProgress): string {
  const of = p.total !== undefined ? ` / ${units(p.total)} items (${Math.min(100, Math.floor((100 * p.scanned) / Math.max(1, p.total)))}%)` : ' items';
  const eta = p.etaSeconds !== undefined ? `, about ${durationText(p.etaSeconds)} left` : '';
  return `  backfill: ${units(p.scanned)}${of}, ${units(p.updated)} updated, ${units(Math.round(p.itemsPerSecond))} items/s${eta}`;
}

/** `45 s`, `12 min 5 s`, `3 h 20 min`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function verifyText(v: VerifyTableResult): string {
  const head = `verify: ${units(v.records)} records read (${units(v.guards)} guard items), ${v.checked} pattern calls`;
  if (v.ok) return `${head}: every answer equals the brute-force answer\n`;
  const lines = [
    `${head}: ${v.differences.length} differ${v.undecodable.length ? `, ${v.undecodable.length} items do not decode` : ''} (after ${v.rounds} reads of the table)`,
    ...v.differences.slice(0, 20).map((d) => `  ${d.pattern} ${JSON.stringify(d.params)}: ${d.problem}`),
    ...v.undecodable.slice(0, 5).map((u) => `  item ${JSON.stringify(u.key)}: ${u.problem}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** One progress line: rewritten in place on a terminal, else printed at most every 5 s. */
function progressLine(io: CliIo, tty: boolean): { draw: (text: string) => void; end: () => void } {
  let shown = false;
  let last = 0;
  return {
    draw(text) {
      if (tty) {
        io.out(`\r${text}\u001b[K`);
        shown = true;
        return;
      }
      const now = performance.now();
      if (now - last < 5000) return;
      last = now;
      io.out(`${text}\n`);
    },
    end() {
      if (shown) io.out('\n');
      shown = false;
    },
  };
}
