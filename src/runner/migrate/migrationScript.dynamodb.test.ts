// The migration as a standalone script (engine's migrationScript), run as a user
// would (node with tsx) against DynamoDB Local: it refuses a table of another
// design, migrates FROM's table to TO (every item stored as TO's module stores it,
// TO's indexes, every TO pattern equal to the brute force), and run again does nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { migrationScript, tableDefinition } from '../../engine/index.ts';
import { compareTableWithDesign } from '../compareTableWithDesign.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH } from '../../testing/typeCheckModules.ts';
import { testTables } from '../testing/testTables.ts';
import { designPair, migrationFixture } from '../testing/migrationFixture.ts';
import { createForeignTable } from '../testing/tableContents.ts';
import { verifyTable } from './verifyTable.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const endpoint = inject('dynamodbEndpoint');
const { clients, tableName: newTable, keep } = testTables();
const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-script-run-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(file: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the migration script on DynamoDB Local', () => {
  it('refuses another design’s table, migrates FROM’s, and a second run finds nothing to do', async () => {
    const removed = ['getUserWithOrders', 'getUserByUserId', 'getOrdersByStatus'];
    const tableName = newTable('script');
    const f = keep(await migrationFixture({ clients, model: exampleModel('ecommerce'), removed, tableName, seed: 'script', maxPerEntity: 40 }));
    const file = path.join(dir, 'migrate.ts');
    fs.writeFileSync(file, migrationScript(f.plan, f.from, f.to));

    // A table of another design is refused, untouched: one keyed otherwise, and one that lacks FROM's GSI1.
    const foreign = newTable('script-foreign');
    await createForeignTable(clients.client, foreign);
    const refused = await run(file, ['--endpoint', endpoint, '--table', foreign]);
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out).toMatch(/refused: table \S+ was not touched: its key is id \(HASH\); design [0-9a-f]+ has PK \(HASH\), SK \(RANGE\)/);
    const other = newTable('script-other');
    const model = exampleModel('ecommerce');
    const tableOnly = designPair(
      model,
      model.patterns.slice(1).map((p) => p.name),
      other,
    ).from;
    expect(tableOnly.indexes.length).toBe(1);
    await createDesignTable({ client: clients.client, design: tableOnly, tableName: other, pollMs: 50 });
    const refused2 = await run(file, ['--endpoint', endpoint, '--table', other]);
    expect(refused2.code, refused2.out).toBe(2);
    expect(refused2.out).toMatch(/refused: table \S+ was not touched: index GSI1 of design [0-9a-f]+ is missing/);

    const dry = await run(file, ['--endpoint', endpoint, '--table', tableName, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/1\. backfill: /);

    const ran = await run(file, ['--endpoint', endpoint, '--table', tableName, '--rate', '1000']);
    expect(ran.code, ran.out).toBe(0);
    expect(ran.out).toMatch(/note: this endpoint keeps no tags/);
    expect(ran.out).toMatch(
      /step 1\/4 backfill: [\s\S]*backfill: \d+ items read, [1-9]\d* updated[\s\S]*step 2\/4 createIndex GSI2[\s\S]*GSI2 is ACTIVE[\s\S]*step 4\/4 verify[\s\S]*verify: \d+ items read, 0 not stored as the new design stores them, 3 indexes counted: all as expected/,
    );

    const { Table } = await clients.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(compareTableWithDesign(Table ?? {}, tableDefinition(f.to, tableName)).entries).toEqual([]);
    const scan = await clients.doc.send(new ScanCommand({ TableName: tableName }));
    for (const item of scan.Items ?? []) {
      const decoded = f.toModule.fromItem(item);
      if (decoded) expect(item).toEqual(f.toModule.toItem(decoded.entity, decoded.record));
    }
    expect((await verifyTable({ doc: clients.doc, tableName, design: f.to, module: f.toModule, rounds: 1 })).ok).toBe(true);

    const again = await run(file, ['--endpoint', endpoint, '--table', tableName]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/backfill: \d+ items read, 0 updated/);
  });
});
