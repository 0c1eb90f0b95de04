// `cli migrate` against DynamoDB Local: --dry-run prints the plan and --script
// writes it as a script, touching nothing; a table `run FROM --keep` left is migrated (every step printed before it
// runs, --verify); the migrated table is refused as FROM's without its checkpoint and
// resumed as done with it; Ctrl-C mid-backfill exits 130 keeping the checkpoint, and
// the same command resumes; bad usage exits 2. `deployed` writes the design of a table run
// made, `migrate TO` (FROM omitted) starts from it, the table then gives back TO; a table
// Tablewright did not make is refused.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  deriveDesign,
  designIdentity,
  designLayout,
  loadProblem,
  migrationPlan,
  migrationPlanText,
  migrationScript,
  parseDesignJson,
  problemToJson,
} from '../engine/index.ts';
import { createForeignTable, dropTable } from '../runner/testing/tableContents.ts';
import { testClients } from '../runner/testing/testClients.ts';
import { problemText } from '../runner/testing/exampleDesign.ts';
import { designPair } from '../runner/testing/migrationFixture.ts';
import { designPayload } from '../runner/migrate/storedDesign.ts';
import { TABLE_KEY_CHANGE } from '../testing/evolveModels.ts';
import { runCli } from './runCli.ts';
import { ROOT } from './testing/spawnCli.ts';

const endpoint = inject('dynamodbEndpoint');
const { client, destroy } = testClients();
const made: string[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-migrate-cli-'));
afterAll(async () => {
  for (const name of made) await dropTable(client, name);
  destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const model = loadProblem(problemText('ecommerce.problem.json')).model;
if (!model) throw new Error('ecommerce does not load');
const REMOVED = ['getUserWithOrders', 'getUserByUserId', 'getOrdersByStatus'];
const fromFile = path.join(dir, 'shop-v1.problem.json');
fs.writeFileSync(fromFile, problemToJson({ ...model, patterns: model.patterns.filter((p) => !REMOVED.includes(p.name)) }));
const toFile = new URL('../examples/ecommerce.problem.json', import.meta.url).pathname;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function keptTable(prefix: string, records = 20): Promise<string> {
  const name = `${prefix}-${Date.now()}`;
  made.push(name);
  const ran = await cli(['run', fromFile, '--endpoint', endpoint, '--table', name, '--records', String(records), '--keep']);
  expect(ran.code, ran.err).toBe(0);
  return name;
}

describe('cli migrate', () => {
  it('--dry-run prints the plan, as the engine words it, and touches nothing', async () => {
    const ran = await cli(['migrate', fromFile, toFile, '--table', 'shop-dry', '--dry-run']);
    expect(ran.code).toBe(0);
    const { from, to } = designPair(model, REMOVED, 'shop-dry');
    expect(ran.out).toBe(migrationPlanText(migrationPlan(from, to)));
    expect(ran.out).toMatch(/1\. backfill: .*\n[\s\S]*2\. createIndex GSI2[\s\S]*3\. createIndex GSI3[\s\S]*4\. verify/);
  });

  it('--script FILE writes the plan as a standalone script and touches nothing', async () => {
    const file = path.join(dir, 'migrate-shop.ts');
    const ran = await cli(['migrate', fromFile, toFile, '--table', 'shop-script', '--script', file]);
    expect(ran.code).toBe(0);
    expect(ran.out).toContain(`wrote ${file}`);
    const { from, to } = designPair(model, REMOVED, 'shop-script');
    // The same script, but for the write id a new script gets (it stores TO's design under it).
    const text = fs.readFileSync(file, 'utf8');
    const write = /\$write: '([^']+)'/.exec(text)?.[1] ?? '';
    expect(write).not.toBe('');
    expect(text).toBe(migrationScript(migrationPlan(from, to), from, to, { ...(await designPayload(to)), write }));
  });

  it('a change the live table cannot take: the plan says why, exit 1, nothing done', async () => {
    const before = path.join(dir, 'before.model.txt');
    const after = path.join(dir, 'after.model.txt');
    fs.writeFileSync(before, TABLE_KEY_CHANGE.before);
    fs.writeFileSync(after, TABLE_KEY_CHANGE.after);
    const dry = await cli(['migrate', before, after, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/Impossible on the live table/);
    const run = await cli(['migrate', before, after, '--endpoint', endpoint, '--table', 'never-made']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('nothing done: the live table cannot take this change');
  });

  it('bad usage exits 2 before anything is sent', async () => {
    // One file is TO; FROM is then read from the table, which needs --table and --endpoint.
    expect((await cli(['migrate', fromFile])).err).toMatch(/^migrate needs --table NAME: the table whose design is read back\n/);
    expect((await cli(['migrate', fromFile, '--table', 'x-table'])).err).toMatch(/^migrate needs --endpoint URL to read the design from table x-table/);
    expect((await cli(['migrate'])).err).toMatch(/migrate needs FROM and TO/);
    expect((await cli(['migrate', fromFile, toFile, '--endpoint', endpoint])).err).toMatch(/migrate needs --table NAME/);
    expect((await cli(['migrate', fromFile, toFile, '--table', 'x-table'])).err).toMatch(/migrate needs --endpoint URL/);
    const rate = await cli(['migrate', fromFile, toFile, '--table', 'x-table', '--endpoint', endpoint, '--rate', '0']);
    expect(rate.code).toBe(2);
    expect(rate.err).toMatch(/--rate takes/);
    expect((await cli(['migrate', fromFile, toFile, '--table', 'x', '--dry-run'])).code).toBe(2);
  });

  it('migrates a table run --keep left, printing every step before it runs; refuses it as FROM’s afterwards; resumes as done from its checkpoint', async () => {
    const name = await keptTable('cli-migrate');
    const checkpoint = path.join(dir, `${name}.json`);
    const ran = await cli(['migrate', fromFile, toFile, '--endpoint', endpoint, '--table', name, '--verify', '--checkpoint', checkpoint, '--rate', '500']);
    expect(ran.code, ran.err).toBe(0);
    const steps = [...ran.out.matchAll(/^step (\d)\/4 (\S+)(?: (GSI\d))?: (.*)$/gm)].map(
      (m) => `${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''} ${m[4]?.startsWith('done') ? 'done' : 'start'}`,
    );
    expect(steps).toEqual([
      '1 backfill start',
      '1 backfill done',
      '2 createIndex GSI2 start',
      '2 createIndex GSI2 done',
      '3 createIndex GSI3 start',
      '3 createIndex GSI3 done',
      '4 verify start',
      '4 verify done',
    ]);
    expect(ran.out).toMatch(/verify: 80 records read \(\d+ guard items\), \d+ pattern calls: every answer equals the brute-force answer/);
    expect(ran.out).toContain(`table ${name} is at design`);
    expect(ran.err).toMatch(/note: Tagging is not currently supported in DynamoDB Local/);
    expect(JSON.parse(fs.readFileSync(checkpoint, 'utf8')).steps.every((s: { state: string }) => s.state === 'done')).toBe(true);

    const refused = await cli(['migrate', fromFile, toFile, '--endpoint', endpoint, '--table', name, '--checkpoint', path.join(dir, 'fresh.json')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/refused: table \S+ was not touched:\n {2}Index GSI2 .* is not part of the design the migration starts from/);
    expect(fs.existsSync(path.join(dir, 'fresh.json'))).toBe(false);

    const again = await cli(['migrate', fromFile, toFile, '--endpoint', endpoint, '--table', name, '--checkpoint', checkpoint]);
    expect(again.code).toBe(0);
    expect(again.out.match(/done in an earlier run/g)?.length).toBe(4);
  });

  it('Ctrl-C mid-backfill stops cleanly, exit 130, keeping the checkpoint; the same command resumes and finishes', async () => {
    const name = await keptTable('cli-migrate-int', 150);
    const checkpoint = path.join(dir, `${name}.json`);
    const args = ['migrate', fromFile, toFile, '--endpoint', endpoint, '--table', name, '--checkpoint', checkpoint, '--rate', '200'];
    const first = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
      let out = '';
      let err = '';
      let sent = false;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!sent && /step 1\/4 backfill: Write/.test(out)) {
          sent = true;
          // Some pages into the backfill (200 items a second; a segment's page is 100 items), then Ctrl-C.
          setTimeout(() => child.kill('SIGINT'), 3000);
        }
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => resolve({ code, out, err }));
    });
    expect(first.code, first.err).toBe(130);
    expect(first.err).toMatch(/interrupted: stopping: the updates in flight finish, then saving the checkpoint/);
    expect(first.err).toMatch(/stopped at step 1; the checkpoint .* keeps where it stopped: run the same command again to resume/);
    const kept = JSON.parse(fs.readFileSync(checkpoint, 'utf8'));
    expect(kept.steps[0].state).toBe('started');
    const scanned = kept.segments.reduce((n: number, s: { scanned: number }) => n + s.scanned, 0);
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThan(900);

    const resumed = await cli([...args.slice(0, -2), '--verify']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).toMatch(/every answer equals the brute-force answer/);
  });
});

describe('cli deployed, and migrate TO with FROM read from the table', () => {
  it('writes the design of a table run made; migrate TO starts from it; the table then gives back TO', async () => {
    const name = await keptTable('cli-deployed');
    const { from, to } = designPair(model, REMOVED, name);

    const file = path.join(dir, 'deployed.design.json');
    const read = await cli(['deployed', '--endpoint', endpoint, '--table', name, '--out', file]);
    expect(read.code, read.err).toBe(0);
    expect(read.out).toBe(
      `wrote ${file}: design ${designIdentity(designLayout(from))} of table ${name} (the endpoint keeps no tags); give it as --deployed, or as FROM to diff and migrate\n`,
    );
    const parsed = parseDesignJson(fs.readFileSync(file, 'utf8'));
    expect(parsed.design && designIdentity(parsed.design)).toBe(designIdentity(designLayout(from)));
    expect(parsed.design?.tableName).toBe(name);
    // Printed without --out, the same text.
    expect((await cli(['deployed', '--endpoint', endpoint, '--table', name])).out).toBe(fs.readFileSync(file, 'utf8'));
    // The file is a FROM like any design.json.
    const dry = await cli(['migrate', file, toFile, '--table', name, '--dry-run']);
    expect(dry.code, dry.err).toBe(0);

    const dryFromTable = await cli(['migrate', toFile, '--endpoint', endpoint, '--table', name, '--dry-run']);
    expect(dryFromTable.code, dryFromTable.err).toBe(0);
    expect(dryFromTable.out).toMatch(new RegExp(`^FROM: design ${designIdentity(designLayout(from))}, read from table ${name}\\n`));
    expect(dryFromTable.out).toContain(`design ${designIdentity(designLayout(from))} → ${designIdentity(designLayout(to))}`);

    const migrated = await cli([
      'migrate',
      toFile,
      '--endpoint',
      endpoint,
      '--table',
      name,
      '--verify',
      '--checkpoint',
      path.join(dir, `${name}.json`),
      '--rate',
      '500',
    ]);
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.out).toContain(
      `table ${name} is at design ${designIdentity(designLayout(to))} (the endpoint keeps no tags: the design stored in it and its indexes say so`,
    );
    const after = await cli(['deployed', '--endpoint', endpoint, '--table', name]);
    expect(after.code, after.err).toBe(0);
    const back = parseDesignJson(after.out).design;
    expect(back && designIdentity(back)).toBe(designIdentity(designLayout(to)));
    expect(back && designIdentity(back)).toBe(designIdentity(designLayout(deriveDesign(model, { previous: designLayout(from), deployed: true }))));
  });

  it('refuses a table Tablewright did not make, and bad usage, with exit 2', async () => {
    const foreign = `cli-foreign-${Date.now()}`;
    made.push(foreign);
    await createForeignTable(client, foreign);
    const refused = await cli(['deployed', '--endpoint', endpoint, '--table', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `deployed: Table ${foreign} holds no design (no item id = $tablewright#design#0): it was not created by Tablewright, or was created before Tablewright stored designs in their tables.\n`,
    );
    const migrate = await cli(['migrate', toFile, '--endpoint', endpoint, '--table', foreign]);
    expect(migrate.code).toBe(2);
    expect(migrate.err).toMatch(/^migrate: Table \S+ holds no design/);
    expect((await cli(['deployed', '--table', foreign])).err).toMatch(/^deployed needs --endpoint URL/);
    expect((await cli(['deployed', '--endpoint', endpoint])).err).toMatch(/^deployed needs --table NAME/);
    expect((await cli(['deployed', 'x.json', '--endpoint', endpoint, '--table', foreign])).err).toMatch(/^unexpected argument x\.json/);
    expect((await cli(['deployed', '--endpoint', endpoint, '--table', 'a'])).code).toBe(2);
  });
});
