import { createServer } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pingDynamoDB } from '../devtools/dynamodbLocal.mjs';
import { deriveDesign, loadProblem, type Model } from '../engine/index.ts';
import { testConnection } from '../runner/index.ts';
import { createForeignTable, dropTable, tableKeys } from '../runner/testing/tableContents.ts';
import { testClients } from '../runner/testing/testClients.ts';
import { problemText } from '../runner/testing/exampleDesign.ts';
import { formatRunTable, paramSets, runCommand, sampleData } from './runCommand.ts';
import { cli } from './testing/spawnCli.ts';

const endpoint = inject('dynamodbEndpoint');
const ecommerce = new URL('../examples/ecommerce.problem.json', import.meta.url).pathname;
const { client, doc, destroy } = testClients();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await dropTable(client, name);
  destroy();
});

const patterns = deriveDesign(loadProblem(problemText('ecommerce.problem.json')).model!).patterns.map((p) => p.pattern);

describe('cli run', () => {
  it('runs every pattern against an endpoint, prints ok for each, exits 0 and deletes its table', async () => {
    const ran = await cli([ecommerce, '--endpoint', endpoint]);
    expect(ran.err).not.toMatch(/MISMATCH|run:/);
    expect(ran.code).toBe(0);
    expect(ran.out).toMatch(/pattern\s+index\s+runs\s+items\s+scanned\s+RCU\s+ms\s+result/);
    for (const p of patterns) expect(ran.out).toMatch(new RegExp(`^  ${p}\\s.*\\sok$`, 'm'));
    const name = /created table (\S+)/.exec(ran.out)?.[1];
    expect(name).toMatch(/^ECommerce-run-[0-9a-f]{8}$/);
    expect(ran.out).toContain(`deleted table ${name}`);
    expect((await testConnection({ client })).tableNames).not.toContain(name);
  });

  it('keeps a named table with --keep, holding exactly the items it reports: the records and their guard items', async () => {
    const name = `cli-keep-${Date.now()}`;
    made.push(name);
    const ran = await cli([ecommerce, '--endpoint', endpoint, '--table', name, '--records', '5', '--keep']);
    expect(ran.code).toBe(0);
    const loaded = Number(/loaded (\d+) items/.exec(ran.out)?.[1]);
    // 5 records of each of the 4 entities, and an identity guard for each Order and Review (their table
    // keys hold more than their keys), so that the module's update and remove find them in the kept table.
    expect(loaded).toBe(30);
    expect(ran.out).toContain(': 20 records and 10 guard items');
    const keys = await tableKeys(doc, name);
    expect(keys.size).toBe(loaded);
    expect([...keys].filter((k) => k.includes('$id#')).length).toBe(10);
    expect(ran.out).toContain(`kept table ${name}`);
  });

  it('leaves an existing table alone, says how it differs and exits 2', async () => {
    const name = `cli-foreign-${Date.now()}`;
    made.push(name);
    await createForeignTable(client, name);
    const ran = await cli([ecommerce, '--endpoint', endpoint, '--table', name]);
    expect(ran.code).toBe(2);
    expect(ran.err).toContain(`table ${name} already exists`);
    expect(ran.err).toContain('Table key is id (HASH); the design needs PK (HASH), SK (RANGE).');
    expect((await testConnection({ client })).tableNames).toContain(name);
  });

  it('says an endpoint nobody listens on is unreachable, and exits 2', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
      });
    });
    const ran = await cli([ecommerce, '--endpoint', `http://127.0.0.1:${port}`]);
    expect(ran.code).toBe(2);
    expect(ran.err).toContain(`Cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('starts its own DynamoDB Local without --endpoint and stops it at the end', async () => {
    const ran = await cli([ecommerce, '--records', '10']);
    expect(ran.code).toBe(0);
    const port = Number(/DynamoDB Local ready at http:\/\/localhost:(\d+)/.exec(ran.out)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(ran.out).toContain('all 11 patterns match the engine');
    expect(await pingDynamoDB(port)).toBe(false);
  });

  it('stops its DynamoDB Local on Ctrl-C', async () => {
    let port = 0;
    const ran = await cli([ecommerce], {
      onOutput: (out, _err, child) => {
        const m = /DynamoDB Local ready at http:\/\/localhost:(\d+)/.exec(out);
        if (m && !port) {
          port = Number(m[1]);
          child.kill('SIGINT');
        }
      },
    });
    expect(port).toBeGreaterThan(0);
    expect(ran.code).toBe(130);
    expect(await pingDynamoDB(port)).toBe(false);
  });
});

describe('cli run with the model’s table settings', () => {
  it('creates the table with them, says which settings DynamoDB Local left out, and deletes it despite its deletion protection', async () => {
    const shop = loadProblem(problemText('ecommerce.problem.json')).model!;
    const model: Model = {
      ...shop,
      table: { billing: 'provisioned', read: 5, write: 5, stream: 'NEW_IMAGE', deletionProtection: true, pitr: true },
      entities: shop.entities.map((e, i) =>
        i === 0 ? { ...e, attributes: [...e.attributes, { name: 'expiresAt', type: 'number' as const, optional: true as const }], ttl: 'expiresAt' } : e,
      ),
    };
    let out = '';
    let err = '';
    const code = await runCommand({
      design: deriveDesign(model),
      options: new Map<string, string | true>([
        ['--endpoint', endpoint],
        ['--records', '5'],
      ]),
      io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    });
    expect(err).not.toMatch(/MISMATCH|run:|not deleting|left table/);
    expect(code).toBe(0);
    expect(out).toContain('table settings: provisioned (read 5, write 5 units); stream NEW_IMAGE; deletion protection on; time to live on expiresAt\n');
    expect(err).toContain(
      'warning: table setting point-in-time recovery NOT applied: the endpoint does not support UpdateContinuousBackups (UnknownOperationException; DynamoDB Local has no point-in-time recovery)\n',
    );
    const name = /created table (\S+)/.exec(out)?.[1] ?? '';
    expect(out).toContain(`turned off deletion protection of table ${name} (it was created with it) to delete it\n`);
    expect(out).toContain(`deleted table ${name}`);
    expect((await testConnection({ client })).tableNames).not.toContain(name);
  });
});

describe('run helpers', () => {
  const design = deriveDesign(loadProblem(problemText('ecommerce.problem.json')).model!);

  it('takes distinct parameter sets from records spread over the sample', () => {
    const { records } = sampleData(design, undefined);
    const sets = paramSets(design, records, 'getUserByEmail');
    expect(sets).toHaveLength(4);
    expect(new Set(sets.map((s) => s['email'])).size).toBe(4);
  });

  it('marks a pattern whose run differs from the engine as MISMATCH', () => {
    const req = {
      request: { operation: 'GetItem', index: 'table', input: { TableName: 't', Key: {} } },
      items: [],
      count: 0,
      scannedCount: 0,
      consumedCapacity: [],
      capacityUnits: 0.5,
      latencyMs: 3,
      pages: 1,
    } as const;
    const text = formatRunTable([
      {
        pattern: 'good',
        index: 'table',
        runs: [{ pattern: 'good', requests: [{ ...req, request: { ...req.request }, items: [], consumedCapacity: [] }], items: [], ok: true }],
      },
      {
        pattern: 'bad',
        index: 'GSI1',
        runs: [{ pattern: 'bad', requests: [{ ...req, request: { ...req.request }, items: [], consumedCapacity: [] }], items: [], ok: false }],
      },
    ]);
    expect(text).toMatch(/^ {2}good\s+table\s+1\s+0\s+0\s+0\.5\s+3\s+ok$/m);
    expect(text).toMatch(/^ {2}bad\s+GSI1\s+.*MISMATCH$/m);
  });

  it('says why a pattern whose answer is always empty sent no request', () => {
    const text = formatRunTable([{ pattern: 'byDay', index: '-', runs: [{ pattern: 'byDay', requests: [], items: [], ok: true }], alwaysEmpty: 'day' }]);
    expect(text).toMatch(/^ {2}byDay\s+-\s+1\s+0\s+0\s+0\.0\s+0\s+ok \(always empty\)$/m);
    expect(text).toContain('\n  byDay: No request: the answer is always empty (day is compared with a pair).\n');
  });
});
