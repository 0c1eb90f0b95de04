import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { costReport, deriveDesign, dollars, units } from '../engine/index.ts';
import { EXAMPLES_DIR, exampleModel } from '../testing/exampleModels.ts';
import { runCli } from './runCli.ts';
import { ROOT } from './testing/spawnCli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}
const ecommerce = path.join(EXAMPLES_DIR, 'ecommerce.problem.json');

describe('cli cost', () => {
  it('prints per pattern and per write operation the units and a month in both modes, the indexes, the totals with the cheaper one marked, the break-even, the naive Scan and the assumptions', async () => {
    const c = capture();
    expect(await runCli(['cost', ecommerce], c.io)).toBe(0);
    const text = c.out.join('');
    const report = await costReport(deriveDesign(exampleModel('ecommerce')));
    expect(text).toMatch(/^E-commerce.*: table \S+, monthly cost at us-east-1 prices of 2026-11-30 \(https:\/\/aws\.amazon\.com\/dynamodb\/pricing\/\)\n/);
    expect(text).toMatch(/\n {2}pattern +requests +RRU avg +RRU worst +calls\/s +on-demand +provisioned +Scan RRU +Scan a month +Scan ÷ this\n/);
    for (const p of report.patterns) {
      const row = text.split('\n').find((line) => line.startsWith(`  ${p.pattern} `));
      expect(row, p.pattern).toBeDefined();
      expect(row).toContain(`${units(p.rate.avg)}/${units(p.rate.peak)}${p.rate.isDefault ? ' (default)' : ''}`);
      expect(row).toContain(dollars(p.monthly.onDemand));
      expect(row).toContain(dollars(p.naive.monthly));
    }
    for (const e of report.entities) for (const o of e.operations) expect(text).toMatch(new RegExp(`\\n {2}${e.entity} +${o.label.replace(/[()]/g, '\\$&')} `));
    const mark = `* cheaper, by ${dollars(report.savings)} a month`;
    const cheaperLine = text.split('\n').find((line) => line.includes(mark));
    expect(cheaperLine?.trim().startsWith(report.cheaper)).toBe(true);
    expect(text).toContain(`= ${dollars(report.totals.onDemand.total)}`);
    expect(text).toContain(`= ${dollars(report.totals.provisioned.total)}`);
    expect(text).toMatch(/\nBreak-even: with provisioned capacity set for the peaks, on-demand costs the same at [\d.,]+ calls\/s on average/);
    expect(text).toMatch(/\nNaive design \(every pattern a Scan of the whole table\): \$[\d.,]+ a month on-demand/);
    expect(text).toContain('\nAssumptions\n  - Prices: us-east-1 as of 2026-11-30');
  });

  it('--json prints the report itself, in both key modes', async () => {
    const c = capture();
    expect(await runCli(['cost', ecommerce, '--json'], c.io)).toBe(0);
    const json = JSON.parse(c.out.join('')) as unknown;
    expect(json).toEqual(JSON.parse(JSON.stringify(await costReport(deriveDesign(exampleModel('ecommerce'))))));
    const native = capture();
    expect(await runCli(['cost', ecommerce, '--json', '--keys', 'native'], native.io)).toBe(0);
    expect(JSON.parse(native.out.join(''))).toEqual(JSON.parse(JSON.stringify(await costReport(deriveDesign(exampleModel('ecommerce'), { keys: 'native' })))));
  });

  it('exits 2 with located errors for a problem that does not load', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-cost-'));
    const file = path.join(dir, 'bad.problem.json');
    fs.writeFileSync(file, fs.readFileSync(ecommerce, 'utf8').replace('"entity": "Order", "equals": ["userEmail"]', '"entity": "Order", "equals": ["state"]'));
    const c = capture();
    expect(await runCli(['cost', file], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/bad\.problem\.json:\d+:\d+: error: Order has no attribute "state"/);
    expect(c.out.join('')).toBe('');
  });

  it('runs as `npm run cli -- cost PROBLEM --json` in its own process', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'cost', ecommerce, '--json'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ prices: { region: 'us-east-1' }, cheaper: expect.stringMatching(/^(on-demand|provisioned)$/) as string });
  });
});

describe('money and units for people', () => {
  it('prints cents from $1, four decimals below, and says when less', () => {
    expect([dollars(0), dollars(1234.567), dollars(3.285), dollars(0.16425), dollars(0.00004)]).toEqual(['$0', '$1,234.57', '$3.29', '$0.1643', '<$0.0001']);
    expect([units(0.5), units(1210), units(0.5238)]).toEqual(['0.5', '1,210', '0.52']);
  });
});
