import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deriveDesign, generateModule, parseModelText, printModelText, tableNameProblem, type Model, type RangeOp } from '../engine/index.ts';
import { EXAMPLES_DIR, exampleModel } from '../testing/exampleModels.ts';
import { checkSummary, runCli } from './runCli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tw-cli-'));
const ecommerce = path.join(EXAMPLES_DIR, 'ecommerce.problem.json');

describe('cli --keys', () => {
  it('derives native GSI keys with --keys native, says where a key stays composite and why, and refuses another mode', async () => {
    const invoices = path.join(EXAMPLES_DIR, 'aws-labs-invoices-bills.problem.json');
    const native = capture();
    expect(await runCli(['check', invoices, '--keys', 'native'], native.io)).toBe(0);
    expect(native.out.join('')).toMatch(
      /warning: .*getBillWithInvoices: Bill's key on GSI1 is a composite string built from its attributes, not the attributes themselves \(native keys\): it is an item collection/,
    );
    const composite = capture();
    expect(await runCli(['check', invoices], composite.io)).toBe(0);
    expect(composite.out.join('')).not.toContain('native keys');
    const bad = capture();
    expect(await runCli(['check', invoices, '--keys', 'natural'], bad.io)).toBe(2);
    expect(bad.err.join('')).toBe('--keys: "natural" is not a key mode: composite or native\n');
  });
});

describe('cli --previous', () => {
  it('keeps the previous design.json: a problem grown by a pattern gets a new GSI after the old ones, printed with its reason', async () => {
    const dir = tmp();
    const first = path.join(dir, 'v1');
    expect(await runCli(['generate', ecommerce, '--out', first], capture().io)).toBe(0);
    const grown = path.join(dir, 'grown.problem.json');
    const problem = JSON.parse(fs.readFileSync(ecommerce, 'utf8')) as { name: string; patterns: unknown[] };
    // First in the file: a fresh derivation would renumber the GSIs around it.
    problem.patterns.unshift({ name: 'getOrdersByTotal', entity: 'Order', equals: ['total'], returns: 'many' });
    problem.name = 'Shop v2';
    fs.writeFileSync(grown, JSON.stringify(problem));
    const c = capture();
    expect(await runCli(['generate', grown, '--out', path.join(dir, 'v2'), '--previous', path.join(first, 'design.json')], c.io)).toBe(0);
    const before = JSON.parse(fs.readFileSync(path.join(first, 'design.json'), 'utf8')) as { indexes: unknown[]; entities: unknown[]; tableName: string };
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'v2', 'design.json'), 'utf8')) as {
      indexes: unknown[];
      entities: { keys: Record<string, unknown> }[];
      tableName: string;
      changes: unknown[];
    };
    expect(after.tableName).toBe(before.tableName);
    expect(after.indexes.slice(0, before.indexes.length)).toEqual(before.indexes);
    expect(c.out.join('')).toMatch(
      /changed from the previous design \(\d+\):\n {2}added GSI\d: keys Order, for getOrdersByTotal, which the previous design did not serve \(getOrdersByTotal: no index has Order partitioned by total/,
    );
    expect(after.changes.length).toBeGreaterThan(0);
    // Derived again from its own design: nothing moves.
    const again = capture();
    expect(await runCli(['check', grown, '--previous', path.join(dir, 'v2', 'design.json')], again.io)).toBe(0);
    expect(again.out.join('')).toContain('unchanged from the previous design: every index and key template kept\n');
    // A fresh derivation of the grown problem moves templates of the deployed table: the reason --previous exists.
    expect(await runCli(['generate', grown, '--out', path.join(dir, 'fresh')], capture().io)).toBe(0);
    const fresh = JSON.parse(fs.readFileSync(path.join(dir, 'fresh', 'design.json'), 'utf8')) as { entities: unknown[] };
    expect(fresh.entities).not.toEqual(before.entities);
    before.entities.forEach((entity, i) => expect(after.entities[i]).toMatchObject(entity as object));
  });

  it('exits 2 with located errors for a previous design that does not load', async () => {
    const dir = tmp();
    const bad = path.join(dir, 'design.json');
    fs.writeFileSync(bad, '{ "format": "tablewright-design/1",\n  "tableName": 7 }');
    const c = capture();
    expect(await runCli(['explain', ecommerce, '--previous', bad], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/design\.json:2:\d+: error: /);
    expect(await runCli(['explain', ecommerce, '--previous', path.join(dir, 'missing.json')], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/missing\.json: cannot read: ENOENT/);
  });
});

describe('cli generate', () => {
  it('writes the module the app exports, the design as JSON and as Markdown', async () => {
    const out = tmp();
    const c = capture();
    expect(await runCli(['generate', ecommerce, '--out', out], c.io)).toBe(0);
    expect(fs.readFileSync(path.join(out, 'accessPatterns.ts'), 'utf8')).toBe(generateModule(deriveDesign(exampleModel('ecommerce'))));
    expect(JSON.parse(fs.readFileSync(path.join(out, 'design.json'), 'utf8'))).toMatchObject({ tableName: 'ECommerce' });
    expect(fs.readFileSync(path.join(out, 'design.md'), 'utf8')).toContain('| User | `USER#{email}` | `USER` |');
  });

  it('reads the text form as well as JSON', async () => {
    const dir = tmp();
    const file = path.join(dir, 'shop.tw');
    fs.writeFileSync(file, printModelText(exampleModel('ecommerce')));
    const out = path.join(dir, 'out');
    expect(await runCli(['generate', file, '--out', out], capture().io)).toBe(0);
    expect(fs.readFileSync(path.join(out, 'accessPatterns.ts'), 'utf8')).toBe(generateModule(deriveDesign(exampleModel('ecommerce'))));
  });

  it('exits 2 with located errors for a problem that does not load, and writes nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.problem.json');
    fs.writeFileSync(file, fs.readFileSync(ecommerce, 'utf8').replace('"entity": "Order", "equals": ["userEmail"]', '"entity": "Order", "equals": ["state"]'));
    const c = capture();
    expect(await runCli(['generate', file, '--out', path.join(dir, 'out')], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/bad\.problem\.json:\d+:\d+: error: Order has no attribute "state"/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('exits 1 when a pattern cannot be served, naming the pattern', async () => {
    const dir = tmp();
    const file = path.join(dir, 'x.tw');
    fs.writeFileSync(
      file,
      `model "X"\nentity User key email\n  email: string\n  plan: string\nentity Order key orderId belongsTo User via userEmail\n  orderId: string\n  userEmail: string\nbyPlan: User by plan with Order\n`,
    );
    const c = capture();
    expect(await runCli(['check', file], c.io)).toBe(1);
    expect(c.out.join('')).toMatch(/error: .*byPlan: include gathers the children/);
    expect(c.out.join('')).toContain('1 error(s): 1 pattern(s) cannot be served\n');
  });
});

describe('cli check summary', () => {
  const text = `model "X"\nentity User key email\n  email: string\n  plan: string\n  createdAt: datetime\nentity Order key orderId belongsTo User via userEmail\n  orderId: string\n  userEmail: string\nbyPlan: User by plan with Order\nrecent: User by email where createdAt >= ?\n`;
  const model = (): Model => {
    const parsed = parseModelText(text);
    if (!parsed.model) throw new Error('does not load');
    return parsed.model;
  };

  it('counts patterns that cannot be served by the subjects of their errors', () => {
    expect(checkSummary(deriveDesign(model()))).toBe('1 error(s): 1 pattern(s) cannot be served');
  });

  it('counts a Tablewright bug as one, never as a pattern that cannot be served', () => {
    const m = model();
    // An operator no stage knows: planning throws on it (engine.internal).
    const crafted = { ...m, patterns: m.patterns.map((p) => (p.name === 'recent' ? { ...p, range: { attribute: 'createdAt', op: 'like' as RangeOp } } : p)) };
    expect(checkSummary(deriveDesign(crafted))).toBe(
      '2 error(s): 1 pattern(s) cannot be served; 1 Tablewright bug(s), not limits of the design (please report them)',
    );
    const onlyBug = { ...crafted, patterns: crafted.patterns.filter((p) => p.name === 'recent') };
    expect(checkSummary(deriveDesign(onlyBug))).toBe('1 error(s): 1 Tablewright bug(s), not limits of the design (please report them)');
  });
});

describe('cli usage', () => {
  it('exits 2 on unknown commands, options and missing arguments, with the usage', async () => {
    for (const argv of [
      ['frobnicate', ecommerce],
      ['generate', ecommerce],
      ['generate', ecommerce, '--out'],
      ['explain'],
      ['explain', ecommerce, '--bogus'],
      [],
    ]) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err.join('')).toContain('Usage: npm run cli');
    }
  });

  it('exits 2 when the file cannot be read', async () => {
    const c = capture();
    expect(await runCli(['check', '/no/such/file.json'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('/no/such/file.json: cannot read: ENOENT');
  });

  it('prints help with exit 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('generate PROBLEM --out DIR');
  });

  it('explains the key layout and the pattern → request table', async () => {
    const c = capture();
    expect(await runCli(['explain', ecommerce], c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('ECommerce');
    expect(text).toMatch(/getUserByEmail\s+GetItem\s+table\s+PK = USER#\{email\} AND SK = USER/);
    expect(text).toMatch(/getUserOrders\s+Query\s+table\s+.*desc/);
  });

  it('check lists the design warnings and says ok', async () => {
    const c = capture();
    expect(await runCli(['check', ecommerce], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/warning: .*getUsersByPlan/);
    expect(c.out.join('')).toMatch(/^ok: 4 entities, 11 patterns, 2 GSIs/m);
  });

  it('works as `npm run cli` with the exit code of the command', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'check', ecommerce], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..', '..') });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok: 4 entities');
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'nope'], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..', '..') });
    expect(bad.status).toBe(2);
  });

  it('refuses a --table that is not a DynamoDB table name on every command, with the engine’s words, before anything is written', async () => {
    for (const bad of ['my table', 'ab', 'x'.repeat(256), 'name/../../etc', 'naïve', '']) {
      for (const command of ['generate', 'check', 'explain', 'run']) {
        const out = path.join(tmp(), 'out');
        const c = capture();
        const argv = [
          command,
          ecommerce,
          `--table=${bad}`,
          ...(command === 'generate' ? ['--out', out] : []),
          ...(command === 'run' ? ['--endpoint', 'http://127.0.0.1:9'] : []),
        ];
        expect(await runCli(argv, c.io), `${command} ${bad}`).toBe(2);
        expect(c.err.join('')).toBe(`--table: ${tableNameProblem(bad) ?? '(valid?)'}\n`);
        expect(c.out.join('')).toBe('');
        expect(fs.existsSync(out)).toBe(false);
      }
    }
  });

  it('takes a valid --table into the design', async () => {
    const out = tmp();
    expect(await runCli(['generate', ecommerce, '--out', out, '--table', 'Shop_2026.v1'], capture().io)).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'design.json'), 'utf8'))).toMatchObject({ tableName: 'Shop_2026.v1' });
  });

  it('usage names run’s --aws-credentials and --timeout, and refuses --aws-credentials without --endpoint', async () => {
    const help = capture();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toContain('[--aws-credentials] [--timeout S]');
    const c = capture();
    expect(await runCli(['run', ecommerce, '--aws-credentials'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('--aws-credentials needs --endpoint');
    const t = capture();
    expect(await runCli(['run', ecommerce, '--endpoint', 'http://127.0.0.1:9', '--timeout', '0'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--timeout takes the seconds');
  });
});
