import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesignDiff } from '../engine/index.ts';
import { EXAMPLES_DIR } from '../testing/exampleModels.ts';
import { TABLE_KEY_CHANGE } from '../testing/evolveModels.ts';
import { runCli } from './runCli.ts';
import { capture } from './testing/captureIo.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tw-diff-'));
const ecommerce = path.join(EXAMPLES_DIR, 'ecommerce.problem.json');
const removed = ['getOrdersByStatus', 'getTrendingProducts'];

/** The e-commerce problem without some patterns, as a file: the deployed design of an earlier version. */
function earlier(dir: string): string {
  const problem = JSON.parse(fs.readFileSync(ecommerce, 'utf8')) as { patterns: { name: string }[] };
  problem.patterns = problem.patterns.filter((p) => !removed.includes(p.name));
  const file = path.join(dir, 'earlier.problem.json');
  fs.writeFileSync(file, JSON.stringify(problem, null, 2));
  return file;
}

describe('cli diff', () => {
  it('prints the indexes, templates, patterns and migration cost of a problem grown by two patterns, and exits 0', async () => {
    const dir = tmp();
    const c = capture();
    expect(await runCli(['diff', earlier(dir), ecommerce], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/^Changes to table ECommerce: design [0-9a-f]{16} → [0-9a-f]{16}\n/);
    expect(text).toContain('added getOrdersByStatus\n      after:  Query GSI');
    expect(text).toMatch(/ {2}Order\n {4}GSI\d added: GSI\dPK = ORDER#\{status\}, .* \[existing items: write GSI\dPK, GSI\dSK\]/);
    expect(text).toMatch(/Migration \(items at the declared counts, at 100 items\/s\)\n {2}Order: 150 items × \d+ write units = \d+ write units, 2 s\n/);
    expect(text).toContain('unchanged: getUserByEmail');
    expect(c.err.join('')).toBe('');
  });

  it('plans TO’s model on a design.json FROM, marks what it could not serve, and times the backfill at --rate', async () => {
    const dir = tmp();
    expect(await runCli(['generate', earlier(dir), '--out', path.join(dir, 'v1')], capture().io)).toBe(0);
    const c = capture();
    expect(await runCli(['diff', path.join(dir, 'v1', 'design.json'), ecommerce, '--rate', '25'], c.io)).toBe(0);
    const text = c.out.join('');
    for (const name of removed) expect(text).toContain(`added ${name} (not served before)`);
    expect(text).toContain('at 25 items/s');
    expect(text).toContain('Order: 150 items');
  });

  it('prints the diff as JSON with --json', async () => {
    const dir = tmp();
    const c = capture();
    expect(await runCli(['diff', earlier(dir), ecommerce, '--json'], c.io)).toBe(0);
    const diff = JSON.parse(c.out.join('')) as DesignDiff;
    expect(diff.patterns.filter((p) => p.status === 'added').map((p) => p.pattern)).toEqual(removed);
    expect(diff.migration.entities.map((e) => e.entity)).toEqual(['Order', 'Product']);
    expect(diff.impossible).toEqual([]);
  });

  it('exits 1 when the live table cannot take the change, naming the alternatives', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.tw'), TABLE_KEY_CHANGE.before);
    fs.writeFileSync(path.join(dir, 'b.tw'), TABLE_KEY_CHANGE.after);
    const c = capture();
    expect(await runCli(['diff', path.join(dir, 'a.tw'), path.join(dir, 'b.tw')], c.io)).toBe(1);
    expect(c.out.join('')).toMatch(
      /Impossible on the live table \(1\):\n {2}error: entities\[0\]: Order's table key would change .*keep "customerId" required \(no cost\), or pay for a new table with a full copy \(5,000 items/,
    );
  });

  it('refuses bad input with exit 2', async () => {
    const dir = tmp();
    const file = earlier(dir);
    expect(await runCli(['generate', file, '--out', path.join(dir, 'v1')], capture().io)).toBe(0);
    const design = path.join(dir, 'v1', 'design.json');
    const cases: [string[], RegExp][] = [
      [['diff', file], /^diff needs FROM and TO\n/],
      [['diff'], /^diff needs FROM and TO\n/],
      [['diff', file, ecommerce, ecommerce], /^unexpected argument .*ecommerce\.problem\.json\n/],
      [['diff', design, design], /both design\.json files, which hold no model: give FROM or TO as a problem file\n$/],
      [['diff', file, ecommerce, '--rate', '0'], /^--rate: "0" is not a positive number of items per second\n$/],
      [['diff', file, ecommerce, '--rate', 'fast'], /^--rate: "fast" is not a positive number/],
      [['diff', file, path.join(dir, 'missing.json')], /missing\.json: cannot read: ENOENT\n$/],
      [['diff', file, ecommerce, '--keys', 'natural'], /^--keys: "natural" is not a key mode/],
    ];
    for (const [argv, message] of cases) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err.join(''), argv.join(' ')).toMatch(message);
    }
  });
});

describe('cli --deployed', () => {
  it('keeps the GSI a removed pattern leaves unused and says so; refuses a table key change with exit 1', async () => {
    const dir = tmp();
    expect(await runCli(['generate', ecommerce, '--out', path.join(dir, 'v1')], capture().io)).toBe(0);
    const design = path.join(dir, 'v1', 'design.json');
    const shrunk = capture();
    expect(await runCli(['check', earlier(dir), '--deployed', design], shrunk.io)).toBe(0);
    expect(shrunk.out.join('')).toMatch(
      /warning: Order's key in GSI\d is kept as the deployed table has it, though no pattern reads Order through GSI\d any more/,
    );
    const previous = capture();
    expect(await runCli(['check', earlier(dir), '--previous', design], previous.io)).toBe(0);
    expect(previous.out.join('')).toContain('removed Order');

    fs.writeFileSync(path.join(dir, 'a.tw'), TABLE_KEY_CHANGE.before);
    fs.writeFileSync(path.join(dir, 'b.tw'), TABLE_KEY_CHANGE.after);
    expect(await runCli(['generate', path.join(dir, 'a.tw'), '--out', path.join(dir, 'a')], capture().io)).toBe(0);
    const refused = capture();
    expect(await runCli(['check', path.join(dir, 'b.tw'), '--deployed', path.join(dir, 'a', 'design.json')], refused.io)).toBe(1);
    expect(refused.out.join('')).toContain("error: entities[0]: Order's table key would change");

    const both = capture();
    expect(await runCli(['check', earlier(dir), '--previous', design, '--deployed', design], both.io)).toBe(2);
    expect(both.err.join('')).toMatch(/^--previous and --deployed: give one/);
  });
});
