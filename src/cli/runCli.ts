// The command line: argv → engine (and runner) → files, text and exit codes.
// 0 ok, 1 the design has errors (or a run found mismatches), 2 bad usage or input.
import fs from 'node:fs';
import path from 'node:path';
import {
  deriveDesign,
  describeChange,
  designJson,
  describeWrites,
  designMarkdown,
  formatDiagnostic,
  generateModule,
  hasKeyLayout,
  indexKeyAttributes,
  indexKeyText,
  isNotServedCode,
  keyTemplateText,
  loadProblem,
  parseDesignJson,
  tableNameProblem,
  TABLE_NAME_RULE,
  KEYS_MODES,
  EXPORT_FORMATS,
  type DeriveOptions,
  type Design,
  type DesignLayout,
  type Diagnostic,
  withLint,
} from '../engine/index.ts';
import { textTable } from './textTable.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  generate PROBLEM --out DIR [--table NAME] [--keys MODE] [--previous DESIGN]
           [--deployed DESIGN]
      Write DIR/accessPatterns.ts (the generated module), DIR/design.json and
      DIR/design.md (entity chart and pattern table).
  check PROBLEM [--keys MODE] [--previous DESIGN] [--deployed DESIGN]
      Validate the problem and print its errors and the design's warnings,
      the design review's (lint) findings among them.
  explain PROBLEM [--keys MODE] [--previous DESIGN] [--deployed DESIGN]
      Print the key layout and the pattern → request table.
  cost PROBLEM [--json] [--keys MODE] [--previous DESIGN] [--deployed DESIGN]
      Print what the design costs a month, on-demand and provisioned: per
      pattern and per write operation the capacity units and dollars, per
      index the provisioned capacity and storage, the totals, the cheaper
      mode, the break-even traffic, the naive Scan beside each pattern and
      every assumption (README.md "Cost model"). --json prints the report
      as JSON.
  run PROBLEM [--endpoint URL] [--region R] [--table NAME] [--records N] [--keep]
              [--keys MODE] [--previous DESIGN] [--deployed DESIGN]
              [--aws-credentials] [--timeout S]
      Create a table, load sample items, run every pattern, compare each
      answer with the engine's and delete the table (unless --keep); starts
      its own DynamoDB Local when no --endpoint is given. Requests to
      --endpoint are signed with fake local credentials unless
      --aws-credentials is given (then the AWS SDK's own: environment,
      AWS_PROFILE, ~/.aws). Each request waits at most S seconds for an
      answer (default 10). Ctrl-C cancels and deletes the table.
  export FORMAT PROBLEM --out DIR [--table NAME] [--keys MODE] [--previous DESIGN]
      Write the design in one of these formats into DIR (README.md "Exports"):
${EXPORT_FORMATS.map((f) => `        ${f.id.padEnd(16)}${f.label}`).join('\n')}
  import FILE --out DIR [--table NAME]
      Import a NoSQL Workbench data model (any format version): write
      DIR/NAME.problem.json and NAME.model.txt (the model, with proposed
      patterns to accept or edit), DIR/design.json (the layout it pins: give
      it as --previous) and DIR/samples.json (its sample items as records).
      Prints what could not be mapped, each at its place in FILE; exit 2 when
      FILE is refused, with the reason at its line and column. --table picks
      one table of a model with several (the first by default).
  diff FROM TO [--keys MODE] [--rate N] [--json]
      What changes when the deployed design FROM becomes TO (derived
      against FROM as --deployed): indexes added, dropped and unused, key
      templates before and after, each pattern's request before and after,
      and what the migration costs (items, write units, time at N items/s,
      default 100). FROM and TO are problem files or design.json files (a
      design.json has no model: the other file's is planned on it). Exit 1
      when the live table cannot take the change.
  migrate FROM TO --endpoint URL --table NAME [--rate N] [--verify]
          [--drop-unused] [--checkpoint FILE] [--keys MODE] [--region R]
          [--aws-credentials] [--timeout S]
  migrate FROM TO [--table NAME] --dry-run | --script FILE
  migrate TO --endpoint URL --table NAME [options as above, --dry-run, --script]
      Carry the live table NAME (one FROM created, e.g. by run FROM --table
      NAME --keep) to TO, derived against FROM as diff does: add the new key
      attributes to its items (a parallel Scan and conditional UpdateItems
      that never overwrite a newer write, at most N items/s, default 100,
      the rate diff's time is at), create each
      new GSI and wait until it is ACTIVE, read the table back and check
      every pattern (--verify), delete the GSIs no pattern reads
      (--drop-unused), tag the table. Every step is printed before it runs.
      Refuses a table whose design is not FROM, before touching anything.
      Ctrl-C stops cleanly; the checkpoint FILE (default NAME.migration.json)
      lets the same command resume. --dry-run prints the plan and touches
      nothing; --script FILE writes it as a standalone TypeScript script
      (needs only the two AWS SDK packages) and touches nothing. Without
      FROM, FROM is the design stored in the table NAME (as deployed reads it).
  deployed --endpoint URL --table NAME [--out FILE] [--region R]
           [--aws-credentials] [--timeout S]
      Read back the design of a table Tablewright created (run, the app's
      Run panel) or migrated: the design.json stored in the table, checked
      against its key schema, indexes and tag. Writes it to FILE (for
      --deployed, diff and migrate), else prints it. Exit 2 when the table
      holds no design, a damaged one or another design's indexes.

--table NAME: ${TABLE_NAME_RULE}.
--keys MODE: how GSIs are keyed. composite (the default): one string attribute
each, built from the item's attributes (GSI1PK = ORDER#{status}). native: the
items' own attributes, up to 4 for the partition and 4 for the sort key, typed
(DynamoDB's multi-attribute GSI keys), wherever DynamoDB's rules allow; the
others keep composite keys and the design says why. The table's own key is
composite in both.
--previous DESIGN: a design.json written by generate (DESIGN-FORMAT.md), the
design a deployed table already has. Every index, key attribute, label and
template that still fits the problem is kept (and the table name, unless
--table is given); whatever has to change is printed with its reason.
--deployed DESIGN: like --previous, for a design whose table holds data: every
index and template is kept, even those no pattern reads any more (warnings name
them), and a change the live table cannot take (a table key, a GSI's keys) is
an error that says what the alternatives cost.

PROBLEM is a problem JSON file (*.problem.json, see FORMAT.md) or a file in
Tablewright's text form.

Exit codes: 0 ok, 1 the design has errors or a run found a mismatch,
2 bad usage or unreadable input, 130 run interrupted (Ctrl-C).
`;

export class UsageError extends Error {}

interface Parsed {
  command: string;
  file: string;
  /** Positional arguments after the file (commands that take two files, such as FROM TO). */
  rest: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set([
  '--out',
  '--table',
  '--keys',
  '--previous',
  '--deployed',
  '--endpoint',
  '--region',
  '--records',
  '--timeout',
  '--rate',
  '--checkpoint',
  '--script',
]);
const FLAG_OPTIONS = new Set(['--keep', '--aws-credentials', '--json', '--help', '-h', '--dry-run', '--verify', '--drop-unused']);

export function parseArgs(argv: readonly string[]): Parsed {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUE_OPTIONS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      options.set(a, v);
      i++;
    } else if (a.includes('=') && VALUE_OPTIONS.has(a.slice(0, a.indexOf('=')))) {
      options.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    } else if (FLAG_OPTIONS.has(a)) {
      options.set(a, true);
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else positional.push(a);
  }
  const [command = '', file = '', ...rest] = positional;
  return { command, file, rest, options };
}

/** A file's text, or undefined after saying why it cannot be read. */
export function readText(file: string, io: CliIo): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return undefined;
  }
}

/** Reads a design.json (--previous); located errors are printed with the file name. */
export function readPreviousDesign(file: string, io: CliIo): DesignLayout | undefined {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const parsed = parseDesignJson(text);
  for (const d of parsed.diagnostics) io.err(`${file}:${located(d)}\n`);
  if (!parsed.design) io.err(`${file}: not loaded (${parsed.diagnostics.filter((d) => d.severity === 'error').length} error(s))\n`);
  return parsed.design;
}

/** Reads and parses a problem file; located errors are printed with the file name. `tableName` must be valid (tableNameProblem). */
export function readProblem(file: string, io: CliIo, options: DeriveOptions = {}): { design: Design; diagnostics: Diagnostic[] } | undefined {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const parsed = loadProblem(text);
  for (const d of parsed.diagnostics) io.err(`${file}:${located(d)}\n`);
  if (!parsed.model) {
    io.err(`${file}: not loaded (${parsed.diagnostics.filter((d) => d.severity === 'error').length} error(s))\n`);
    return undefined;
  }
  return { design: deriveDesign(parsed.model, options), diagnostics: parsed.diagnostics };
}

/** `12:5: error: message (path)`: where a diagnostic is in its file, as every command prints it after the file name. */
export function located(d: Diagnostic): string {
  const where = d.span ? `${d.span.line}:${d.span.column}` : (d.path ?? '');
  return `${where}${where ? ': ' : ' '}${d.severity}: ${d.message}${d.path && d.span ? ` (${d.path})` : ''}`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  // export FORMAT PROBLEM: the format is taken off here (unknown: exit 2 with the list), then PROBLEM goes the way every command's file goes.
  const exporting = parsed.command === 'export' && !parsed.options.has('--help') && !parsed.options.has('-h') ? parsed.file : undefined;
  if (exporting !== undefined) {
    const { exportFormatProblem } = await import('./exportCommand.ts');
    const problem = exportFormatProblem(exporting);
    if (problem) {
      io.err(`${problem}\n\n${USAGE}`);
      return 2;
    }
    parsed = { ...parsed, file: parsed.rest[0] ?? '', rest: parsed.rest.slice(1) };
  }
  const { command, file, rest, options } = parsed;
  if (options.has('--help') || options.has('-h') || command === 'help' || command === '') {
    (command === '' && !options.has('--help') && !options.has('-h') ? io.err : io.out)(USAGE);
    return command === '' && !options.has('--help') && !options.has('-h') ? 2 : 0;
  }
  if (!['generate', 'check', 'explain', 'cost', 'run', 'export', 'diff', 'migrate', 'import', 'deployed'].includes(command)) {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (command === 'deployed' && file) {
    io.err(`unexpected argument ${file}: deployed reads the design from --table NAME at --endpoint URL\n\n${USAGE}`);
    return 2;
  }
  // diff and migrate take two files, FROM and TO; migrate TO alone reads FROM from the table.
  const fromTable = command === 'migrate' && file !== '' && rest.length === 0;
  const twoFiles = (command === 'diff' || command === 'migrate') && !fromTable;
  if (!file && command !== 'deployed') {
    io.err(`${twoFiles ? `${command} needs FROM and TO` : `${command} needs a PROBLEM file`}\n\n${USAGE}`);
    return 2;
  }
  if (rest.length > (twoFiles ? 1 : 0) || (twoFiles && rest.length === 0)) {
    io.err(`${rest.length ? `unexpected argument ${rest[twoFiles ? 1 : 0] ?? ''}` : `${command} needs FROM and TO`}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'import') {
    const { importCommand } = await import('./importCommand.ts');
    const name = options.get('--table');
    return importCommand({ file, out: options.get('--out'), table: typeof name === 'string' ? name : undefined, io });
  }
  // Checked before anything is read, written or created: the name goes into code, files and requests.
  const table = options.get('--table');
  if (typeof table === 'string') {
    const problem = tableNameProblem(table);
    if (problem) {
      io.err(`--table: ${problem}\n`);
      return 2;
    }
  }
  const keys = options.get('--keys') ?? 'composite';
  const mode = KEYS_MODES.find((m) => m === keys);
  if (mode === undefined) {
    io.err(`--keys: ${keys === true ? 'needs a value' : `"${keys}" is not a key mode`}: ${KEYS_MODES.join(' or ')}\n`);
    return 2;
  }
  if (command === 'diff') {
    const rate = options.get('--rate');
    if (rate !== undefined && !(typeof rate === 'string' && Number(rate) > 0 && Number.isFinite(Number(rate)))) {
      io.err(`--rate: "${String(rate)}" is not a positive number of items per second\n`);
      return 2;
    }
    const { diffCommand } = await import('./diffCommand.ts');
    return diffCommand({
      fromFile: file,
      toFile: rest[0] ?? '',
      keys: mode,
      ...(typeof rate === 'string' ? { rate: Number(rate) } : {}),
      json: options.has('--json'),
      io,
    });
  }
  if (command === 'migrate') {
    const { migrateCommand } = await import('./migrateCommand.ts');
    return migrateCommand({
      fromFile: fromTable ? undefined : file,
      toFile: fromTable ? file : (rest[0] ?? ''),
      keys: mode,
      options,
      io,
      tty: process.stdout.isTTY === true,
    });
  }
  if (command === 'deployed') {
    const { deployedCommand } = await import('./deployedCommand.ts');
    return deployedCommand({ options, io });
  }
  if (options.has('--previous') && options.has('--deployed')) {
    io.err(`--previous and --deployed: give one (--deployed is --previous for a design whose table holds data)\n`);
    return 2;
  }
  const deployed = options.has('--deployed');
  const previousFile = options.get('--previous') ?? options.get('--deployed');
  const previous = typeof previousFile === 'string' ? readPreviousDesign(previousFile, io) : undefined;
  if (typeof previousFile === 'string' && !previous) return 2;
  const loaded = readProblem(file, io, { keys: mode, ...(typeof table === 'string' ? { tableName: table } : {}), ...(previous ? { previous, deployed } : {}) });
  if (!loaded) return 2;
  // The lint's findings (hot partitions under load, read amplification, sizes...) are the design's warnings too.
  const design = withLint(loaded.design);
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  if (!hasKeyLayout(design)) {
    // A Tablewright bug left no key layout: nothing to write, explain or run.
    for (const d of design.diagnostics) io.err(`${file}: ${d.severity}: ${formatDiagnostic(d)}\n`);
    return 1;
  }
  switch (command) {
    case 'generate': {
      const out = options.get('--out');
      if (typeof out !== 'string') {
        io.err(`generate needs --out DIR\n\n${USAGE}`);
        return 2;
      }
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'accessPatterns.ts'), generateModule(design));
      fs.writeFileSync(path.join(out, 'design.json'), designJson(design));
      fs.writeFileSync(path.join(out, 'design.md'), designMarkdown(design, describeWrites(design)));
      for (const d of design.diagnostics) io.err(`${file}: ${d.severity}: ${formatDiagnostic(d)}\n`);
      io.out(changesText(design));
      io.out(`wrote ${path.join(out, 'accessPatterns.ts')}, design.json, design.md (${design.indexes.length - 1} GSIs, ${design.patterns.length} patterns)\n`);
      return errors.length ? 1 : 0;
    }
    case 'check': {
      for (const d of design.diagnostics) io.out(`${d.severity}: ${formatDiagnostic(d)}\n`);
      io.out(changesText(design));
      io.out(`${checkSummary(design)}\n`);
      return errors.length ? 1 : 0;
    }
    case 'explain': {
      io.out(explain(design));
      return errors.length ? 1 : 0;
    }
    case 'cost': {
      const { costCommand } = await import('./costCommand.ts');
      await costCommand({ design, json: options.has('--json'), io });
      return errors.length ? 1 : 0;
    }
    case 'run': {
      const { runCommand } = await import('./runCommand.ts');
      return runCommand({ design, options, io });
    }
    case 'export': {
      const { exportCommand } = await import('./exportCommand.ts');
      return exportCommand({ design, format: exporting ?? '', out: options.get('--out'), file, io });
    }
    default:
      return 2;
  }
}

/**
 * The last line of `check`: the errors by kind, from their codes and subjects
 * (a Tablewright bug is counted as one, never as a pattern that cannot be served).
 */
export function checkSummary(design: Design): string {
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) {
    return `ok: ${design.model.entities.length} entities, ${design.patterns.length} patterns, ${design.indexes.length - 1} GSIs, ${design.diagnostics.length} warning(s)`;
  }
  const unserved = new Set(errors.flatMap((d) => (isNotServedCode(d.code) && d.subject?.pattern !== undefined ? [d.subject.pattern] : [])));
  const bugs = errors.filter((d) => d.code === 'engine.internal').length;
  const kinds = [
    ...(unserved.size ? [`${unserved.size} pattern(s) cannot be served`] : []),
    ...(bugs ? [`${bugs} Tablewright bug(s), not limits of the design (please report them)`] : []),
  ];
  return `${errors.length} error(s)${kinds.length ? `: ${kinds.join('; ')}` : ''}`;
}

/** With --previous: what differs from the previous design, a line each, or that nothing does. */
export function changesText(design: Design): string {
  if (!design.changes) return '';
  if (design.changes.length === 0) return 'unchanged from the previous design: every index and key template kept\n';
  return `changed from the previous design (${design.changes.length}):\n${design.changes.map((c) => `  ${describeChange(c)}\n`).join('')}`;
}

/**
 * The key layout and the pattern → request table as plain text. A key is its attributes = the
 * template (`PK = USER#{email}`; native: `_type + status = "Order" + {status}`).
 */
export function explain(design: Design): string {
  const key = (names: string[], text: string) => (names.length === 0 ? '' : `${names.join(' + ')} = ${text}`);
  const rows: string[][] = [];
  for (const e of design.entities) {
    for (const i of design.indexes) {
      const t = e.keys[i.name];
      if (!t) continue;
      const names = indexKeyAttributes(i);
      rows.push([e.entity, i.name, key(names.pk, keyTemplateText(t.pk, i)), key(names.sk, keyTemplateText(t.sk, i))]);
    }
  }
  const out: string[] = [
    `${design.model.name}: table ${design.tableName}, ${design.indexes.length - 1} GSI(s)`,
    '',
    'Key layout',
    table(['entity', 'index', 'partition key', 'sort key'], rows),
    '',
  ];
  out.push('Indexes');
  for (const i of design.indexes)
    out.push(`  ${i.name} (${indexKeyText(i)}${i.keys === 'native' ? ', native keys' : ''}): ${i.patterns.join(', ') || '(keys only)'}`);
  out.push('', 'Patterns');
  const prow: string[][] = [];
  for (const p of design.patterns)
    for (const s of p.steps)
      prow.push([p.pattern, s.operation, s.index, s.keyConditionText + (s.filter ? ` FILTER ${s.filter.attribute} ${s.filter.op}` : ''), s.direction ?? '']);
  out.push(table(['pattern', 'request', 'index', 'key condition', 'order'], prow), '');
  for (const p of design.patterns) out.push(`  ${p.pattern}: ${p.reason}`);
  if (design.changes) out.push('', changesText(design).trimEnd());
  if (design.diagnostics.length) {
    out.push('', 'Warnings and errors');
    for (const d of design.diagnostics) out.push(`  ${d.severity}: ${formatDiagnostic(d)}`);
  }
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string {
  return textTable(header, rows);
}
