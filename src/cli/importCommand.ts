// `import FILE --out DIR [--table NAME]`: a NoSQL Workbench data model as a
// Tablewright problem (DIR/NAME.problem.json and its text form NAME.model.txt),
// the design it pins (DIR/design.json, for --previous) and its sample records
// (DIR/samples.json). Prints what could not be mapped, each at its place in the
// file; exit 0 imported, 2 refused (the located reason printed) or bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { deriveDesign, designJson, importWorkbench, printModelText, problemToJson, withLint, type Diagnostic } from '../engine/index.ts';
import { located, readText, type CliIo } from './runCli.ts';

/** The files' base name: the Workbench file's, in plain characters. */
function baseName(file: string): string {
  const stem = path.basename(file).replace(/\.json$/i, '');
  const plain = stem.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '');
  return plain === '' ? 'model' : plain;
}

export function importCommand({ file, out, table, io }: { file: string; out: string | true | undefined; table?: string | undefined; io: CliIo }): number {
  if (typeof out !== 'string') {
    io.err('import needs --out DIR\n');
    return 2;
  }
  const text = readText(file, io);
  if (text === undefined) return 2;
  const result = importWorkbench(text, table === undefined ? {} : { table });
  const print = (d: Diagnostic) => io.err(`${file}:${located(d)}\n`);
  if (!result.ok) {
    for (const d of result.diagnostics) print(d);
    io.err(`${file}: not imported (${String(result.diagnostics.filter((d) => d.severity === 'error').length)} error(s))\n`);
    return 2;
  }
  for (const d of result.diagnostics) print(d);
  const design = withLint(deriveDesign(result.model, { previous: result.layout }));
  const name = baseName(file);
  fs.mkdirSync(out, { recursive: true });
  const files = {
    [`${name}.problem.json`]: problemToJson(result.model),
    [`${name}.model.txt`]: printModelText(result.model),
    'design.json': designJson(design),
    'samples.json': `${JSON.stringify(result.samples, null, 2)}\n`,
  };
  for (const [f, content] of Object.entries(files)) fs.writeFileSync(path.join(out, f), content);
  const records = result.samples.reduce((n, s) => n + s.records.length, 0);
  io.out(
    `imported table ${JSON.stringify(result.table)}${result.tables.length > 1 ? ` (of ${String(result.tables.length)}: --table picks another)` : ''} from a NoSQL Workbench model (format ${result.version ?? 'without a version'}): ` +
      `${String(result.model.entities.length)} entities, ${String(design.indexes.length - 1)} GSIs, ${String(records)} sample records; ${String(result.diagnostics.length)} thing(s) not mapped exactly (above)\n`,
  );
  if (result.proposed.length > 0)
    io.out(`proposed patterns (the file holds none; accept or edit them in ${name}.problem.json): ${result.proposed.join(', ')}\n`);
  io.out(
    `wrote ${Object.keys(files)
      .map((f) => path.join(out, f))
      .join(', ')}\n`,
  );
  io.out(`next: npm run cli -- check ${path.join(out, `${name}.problem.json`)} --previous ${path.join(out, 'design.json')}\n`);
  return 0;
}
