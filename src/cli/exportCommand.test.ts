// `cli export FORMAT PROBLEM --out DIR`: every format of EXPORT_FORMATS writes exactly the engine's
// files for the design the options ask for (--keys, --table); an unknown or missing format, a
// missing PROBLEM or --out, or an extra argument exits 2 before anything is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveDesign, EXPORT_FORMATS, withLint } from '../engine/index.ts';
import { EXAMPLES_DIR, exampleModel } from '../testing/exampleModels.ts';
import { runCli } from './runCli.ts';
import { capture } from './testing/captureIo.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tw-export-'));
const ecommerce = path.join(EXAMPLES_DIR, 'ecommerce.problem.json');

describe('cli export', () => {
  it.each(EXPORT_FORMATS.map((f) => ({ id: f.id, format: f })))("writes $id's files for the design --keys and --table ask for", async ({ id, format }) => {
    const dir = path.join(tmp(), 'out');
    const run = capture();
    expect(await runCli(['export', id, ecommerce, '--out', dir, '--keys', 'native', '--table', 'Shop.v2'], run.io)).toBe(0);
    const design = withLint(deriveDesign(exampleModel('ecommerce'), { keys: 'native', tableName: 'Shop.v2' }));
    const expected = await format.files(design);
    expect(fs.readdirSync(dir).sort()).toEqual(expected.map((f) => f.name).sort());
    for (const f of expected) expect(fs.readFileSync(path.join(dir, f.name), 'utf8'), f.name).toBe(f.text);
    expect(run.out.join('')).toBe(`wrote ${expected.map((f) => path.join(dir, f.name)).join(', ')} (${format.label})\n`);
  });

  it('refuses an unknown or missing FORMAT with the list of formats, and writes nothing', async () => {
    const dir = path.join(tmp(), 'out');
    const list = EXPORT_FORMATS.map((f) => f.id);
    const unknown = capture();
    expect(await runCli(['export', 'pulumi', ecommerce, '--out', dir], unknown.io)).toBe(2);
    expect(unknown.err.join('')).toContain(`unknown export format "pulumi": ${list.slice(0, -1).join(', ')} or ${list.at(-1)}\n`);
    const missing = capture();
    expect(await runCli(['export', '--out', dir], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('export needs a FORMAT: cloudformation');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses a missing PROBLEM, a missing --out and an extra argument', async () => {
    const dir = path.join(tmp(), 'out');
    const noProblem = capture();
    expect(await runCli(['export', 'cdk', '--out', dir], noProblem.io)).toBe(2);
    expect(noProblem.err.join('')).toContain('export needs a PROBLEM file');
    const noOut = capture();
    expect(await runCli(['export', 'cdk', ecommerce], noOut.io)).toBe(2);
    expect(noOut.err.join('')).toContain('export needs --out DIR');
    const extra = capture();
    expect(await runCli(['export', 'cdk', ecommerce, ecommerce, '--out', dir], extra.io)).toBe(2);
    expect(extra.err.join('')).toContain(`unexpected argument ${ecommerce}`);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
