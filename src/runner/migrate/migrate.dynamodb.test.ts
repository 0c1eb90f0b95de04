// The migration's acceptance test (issue 10), on DynamoDB Local: for every example
// problem and for several pairs made by removing 1–3 patterns (seeded) from a shared
// problem, FROM's table is created and loaded; a writer keeps creating, updating and
// removing records through FROM's module and, deployed before the migration starts,
// TO's; the migration runs (backfill at a bounded rate, each new GSI, no verify while
// the writer writes); the writer stops. Then the table holds exactly the records the
// writer's log says (no acknowledged write lost or rolled back, no removed record
// back), each stored as TO stores it, and every TO pattern answers, through TO's
// module, what the brute force answers on those records (verify). Once, the migration
// is stopped mid-backfill after N updates and resumed from its checkpoint: same result.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createRandom, migrationPlan, type Model, type RecordValue } from '../../engine/index.ts';
import { allModels, loadModel, problemFiles, READS_ONLY_PROBLEMS_DIR } from '../../testing/exampleModels.ts';
import { testClients } from '../testing/testClients.ts';
import { testTables } from '../testing/testTables.ts';
import { designPair, migrationFixture, type MigrationFixture } from '../testing/migrationFixture.ts';
import { keyText, startWriter, type WriterLog } from '../testing/migrationWriter.ts';
import { memoryCheckpointStore } from './checkpoint.ts';
import { runMigration } from './runMigration.ts';
import { verifyTable } from './verifyTable.ts';

const SHARED_PROBLEMS = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'problems');
/** Items a second the backfill may update: slow enough that the writer's writes land during it. */
const RATE = 300;

const { clients, tableName: newTable } = testTables();

/** 1–3 patterns to remove (seeded), preferring a choice whose migration has work to do. */
function removal(model: Model, seed: string): string[] {
  let fallback: string[] | undefined;
  for (let attempt = 0; attempt < 30; attempt++) {
    const random = createRandom(`${seed}:${attempt}`);
    const count = Math.min(random.int(1, 3), model.patterns.length - 1);
    const removed = random.shuffle(model.patterns.map((p) => p.name)).slice(0, count);
    const { from, to } = designPair(model, removed, 'Probe');
    const plan = migrationPlan(from, to);
    if (plan.impossible.length > 0 || from.diagnostics.some((d) => d.severity === 'error')) continue;
    fallback ??= removed;
    if (plan.steps.some((s) => s.kind === 'backfill')) return removed;
  }
  return fallback ?? [];
}

const readsOnly = new Set(problemFiles(READS_ONLY_PROBLEMS_DIR));
const shared = problemFiles(SHARED_PROBLEMS).map((file) => ({ slug: path.basename(file, '.problem.json'), model: loadModel(file) }));
const engineProblems = allModels().filter((m) => m.file.includes(`${path.sep}engine${path.sep}testing${path.sep}`) && !readsOnly.has(m.file));
const ecommerce = shared.find((s) => s.slug === 'ecommerce');
const cases: { name: string; model: Model; removed: string[]; kill?: number }[] = [
  ...[...shared, ...engineProblems].map(({ slug, model }) => ({ name: slug, model, removed: removal(model, slug) })),
  ...(ecommerce
    ? ['pair-1', 'pair-2', 'pair-3'].map((seed) => ({ name: `ecommerce ${seed}`, model: ecommerce.model, removed: removal(ecommerce.model, seed) }))
    : []),
  // Stopped after 12 updates, then resumed from the checkpoint. The whole backfill makes about 35 updates (34-35
  // measured; the writer's records made through FROM's module vary it), so 12 stops it mid-way; 40 once let it finish.
  ...(ecommerce
    ? [{ name: 'ecommerce killed mid-backfill', model: ecommerce.model, removed: ['getUserWithOrders', 'getUserByUserId', 'getOrdersByStatus'], kill: 12 }]
    : []),
];

/** The table's records by entity and key (TO's module decodes), and every item not as TO stores its record. */
async function tableRecords(f: MigrationFixture): Promise<{ records: Map<string, Map<string, RecordValue>>; misstored: string[] }> {
  const records = new Map<string, Map<string, RecordValue>>();
  const misstored: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await clients.doc.send(new ScanCommand({ TableName: f.tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of page.Items ?? []) {
      const decoded = f.toModule.fromItem(item);
      if (!decoded) continue;
      const record = decoded.record as RecordValue;
      const byKey = records.get(decoded.entity) ?? new Map<string, RecordValue>();
      records.set(decoded.entity, byKey);
      byKey.set(keyText(f.to.model, decoded.entity, record), record);
      if (JSON.stringify(sorted(f.toModule.toItem(decoded.entity, record))) !== JSON.stringify(sorted(item)))
        misstored.push(`${decoded.entity} ${JSON.stringify(sorted(item))}`);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { records, misstored };
}

const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Where the table and the writer's log disagree: a record lost, rolled back, changed or back from removal. */
function lostWrites(log: WriterLog, table: Map<string, Map<string, RecordValue>>): string[] {
  const out: string[] = [];
  for (const [entity, byKey] of log.records) {
    const stored = table.get(entity) ?? new Map<string, RecordValue>();
    for (const [key, expected] of byKey) {
      const got = stored.get(key);
      if (expected === null && got !== undefined) out.push(`${entity} ${key}: removed, but the table holds it`);
      else if (expected !== null && got === undefined) out.push(`${entity} ${key}: lost`);
      else if (expected !== null && JSON.stringify(sorted(expected)) !== JSON.stringify(sorted(got ?? {})))
        out.push(`${entity} ${key}: the table holds ${JSON.stringify(got)}, the last write acknowledged ${JSON.stringify(expected)}`);
    }
    for (const key of stored.keys()) if (!byKey.has(key)) out.push(`${entity} ${key}: in the table, never written`);
  }
  return out;
}

describe('migrate a live table while the application writes', () => {
  it('has a case for every example and several pairs of one shared problem, most with a backfill', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
    expect(cases.filter((c) => c.removed.length > 0).length).toBe(cases.length);
  });

  it.each(cases)('$name (without $removed)', async ({ name, model, removed, kill }) => {
    const tableName = newTable('migrate');
    const f = await migrationFixture({ clients, model, removed, tableName, seed: name, maxPerEntity: 30 });
    try {
      expect(f.plan.impossible).toEqual([]);
      const writer = startWriter({ doc: clients.doc, model: f.from.model, initial: f.records, module: f.fromModule, seed: name });
      // FROM's application writes for a while, then TO's is deployed, then the migration starts.
      while (writer.written() < 15) await new Promise((r) => setTimeout(r, 10));
      writer.use(f.toModule);
      while (writer.written() < 30) await new Promise((r) => setTimeout(r, 10));

      // The migration's own clients: its requests are counted apart from the writer's.
      const m = testClients();
      const store = memoryCheckpointStore();
      const base = {
        client: m.client,
        doc: m.doc,
        tableName,
        from: f.from,
        to: f.to,
        plan: f.plan,
        store,
        rate: RATE,
        pollMs: 50,
        pageSize: 10,
        totalSegments: 3,
      };
      if (kill !== undefined) {
        // Stopped after `kill` updates: the checkpoint holds the backfill mid-way.
        const stop = new AbortController();
        let updates = 0;
        m.doc.middlewareStack.add(
          (next, context) => async (args) => {
            if (/^Update(Item)?Command$/.test(String(context.commandName)) && ++updates >= kill) stop.abort();
            return next(args);
          },
          { step: 'initialize', name: 'countUpdates' },
        );
        const first = await runMigration({ ...base, signal: stop.signal });
        m.doc.middlewareStack.remove('countUpdates');
        expect(first).toEqual({ status: 'cancelled', step: 0 });
        expect(store.current?.steps[0]?.state).toBe('started');
        expect(store.current?.segments?.some((s) => s.scanned > 0 || s.done)).toBe(true);
        expect(store.current?.segments?.every((s) => s.done)).toBe(false);
      }
      const result = await runMigration(base);
      m.destroy();
      const log = await writer.stop();
      expect(result.status, JSON.stringify(result)).toBe('done');
      expect(log.unexpected).toEqual([]);
      expect(log.counts.update).toBeGreaterThan(10);

      const { records, misstored } = await tableRecords(f);
      expect(lostWrites(log, records)).toEqual([]);
      expect(misstored).toEqual([]);
      const verify = await verifyTable({ doc: clients.doc, tableName, design: f.to, module: f.toModule, rounds: 1 });
      expect(verify.differences).toEqual([]);
      expect(verify.undecodable).toEqual([]);
      expect(verify.ok).toBe(true);
    } finally {
      f.dispose();
      await clients.client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
    }
  });
});
