// `cli deployed` and `cli migrate TO` (FROM read from the table) against DynamoDB Local: a table
// `run --keep` made gives back its design, which `migrate` then starts from; after the migration the
// table gives back TO's design; a table Tablewright did not make is refused with exit 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deriveDesign, designIdentity, designLayout, loadProblem, parseDesignJson, problemToJson } from '../engine/index.ts';
import { problemText } from '../runner/testing/exampleDesign.ts';
import { createForeignTable, dropTable } from '../runner/testing/tableContents.ts';
import { testClients } from '../runner/testing/testClients.ts';
import { designPair } from '../runner/testing/migrationFixture.ts';
import { runCli } from './runCli.ts';

const endpoint = inject('dynamodbEndpoint');
const { client, destroy } = testClients();
const made: string[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-deployed-cli-'));
afterAll(async () => {
  for (const name of made) await dropTable(client, name);
  destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const model = loadProblem(problemText('ecommerce.problem.json')).model;
if (!model) throw new Error('ecommerce does not load');
const REMOVED = ['getUsersByPlan', 'getOrdersByStatus'];
const fromFile = path.join(dir, 'shop-v1.problem.json');
fs.writeFileSync(fromFile, problemToJson({ ...model, patterns: model.patterns.filter((p) => !REMOVED.includes(p.name)) }));
const toFile = new URL('../examples/ecommerce.problem.json', import.meta.url).pathname;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cli deployed', () => {
  it('writes the design of a table run made; migrate TO starts from it; the table then gives back TO', async () => {
    const name = `cli-deployed-${Date.now()}`;
    made.push(name);
    const ran = await cli(['run', fromFile, '--endpoint', endpoint, '--table', name, '--records', '20', '--keep']);
    expect(ran.code, ran.err).toBe(0);
    const { from, to } = designPair(model, REMOVED, name);

    const file = path.join(dir, 'deployed.design.json');
    const read = await cli(['deployed', '--endpoint', endpoint, '--table', name, '--out', file]);
    expect(read.code, read.err).toBe(0);
    expect(read.out).toBe(`wrote ${file}: design ${designIdentity(designLayout(from))} of table ${name} (the endpoint keeps no tags); give it as --deployed, or as FROM to diff and migrate\n`);
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

    const migrated = await cli(['migrate', toFile, '--endpoint', endpoint, '--table', name, '--verify', '--checkpoint', path.join(dir, `${name}.json`), '--rate', '500']);
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.out).toContain(`table ${name} is at design ${designIdentity(designLayout(to))} (the endpoint keeps no tags: the design stored in it and its indexes say so`);
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
    expect(refused.err).toBe(`deployed: Table ${foreign} holds no design (no item id = $tablewright#design#0): it was not created by Tablewright, or was created before Tablewright stored designs in their tables.\n`);
    const migrate = await cli(['migrate', toFile, '--endpoint', endpoint, '--table', foreign]);
    expect(migrate.code).toBe(2);
    expect(migrate.err).toMatch(/^migrate: Table \S+ holds no design/);
    expect((await cli(['deployed', '--table', foreign])).err).toMatch(/^deployed needs --endpoint URL/);
    expect((await cli(['deployed', '--endpoint', endpoint])).err).toMatch(/^deployed needs --table NAME/);
    expect((await cli(['deployed', 'x.json', '--endpoint', endpoint, '--table', foreign])).err).toMatch(/^unexpected argument x\.json/);
    expect((await cli(['deployed', '--endpoint', endpoint, '--table', 'a'])).code).toBe(2);
  });
});
