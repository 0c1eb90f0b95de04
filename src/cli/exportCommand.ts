// `export FORMAT PROBLEM --out DIR`: the design's files in one format of the engine's
// EXPORT_FORMATS (the table the app's Code panel reads too), written into DIR. A format is one
// entry there; nothing here names one.
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, exportFormat, formatDiagnostic, type Design } from '../engine/index.ts';
import type { CliIo } from './runCli.ts';

/** `cloudformation, cdk, … or markdown`: the formats `export` takes. */
export function exportFormatList(): string {
  const ids = EXPORT_FORMATS.map((f) => f.id);
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}` : ids.join('');
}

/** Why `id` is no export format (naming the ones there are), or undefined when it is one. */
export function exportFormatProblem(id: string): string | undefined {
  if (exportFormat(id)) return undefined;
  return `${id === '' ? 'export needs a FORMAT' : `unknown export format "${id}"`}: ${exportFormatList()}`;
}

/** Writes the format's files into `out`; 1 when the design has errors (the files are written all the same, as generate does). */
export async function exportCommand({
  design,
  format,
  out,
  file,
  io,
}: {
  design: Design;
  format: string;
  out: string | true | undefined;
  file: string;
  io: CliIo;
}): Promise<number> {
  const entry = exportFormat(format);
  if (!entry) {
    io.err(`${exportFormatProblem(format) ?? ''}\n`);
    return 2;
  }
  if (typeof out !== 'string') {
    io.err('export needs --out DIR\n');
    return 2;
  }
  const files = await entry.files(design);
  fs.mkdirSync(out, { recursive: true });
  for (const f of files) {
    // The engine names files plainly; a name that could leave DIR is a bug, never written.
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(f.name)) throw new Error(`export file name ${JSON.stringify(f.name)} is not a plain file name`);
    fs.writeFileSync(path.join(out, f.name), f.text);
  }
  for (const d of design.diagnostics) io.err(`${file}: ${d.severity}: ${formatDiagnostic(d)}\n`);
  io.out(`wrote ${files.map((f) => path.join(out, f.name)).join(', ')} (${entry.label})\n`);
  return design.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
