// runMigration against DynamoDB Local: a table FROM created and loaded, migrated to
// TO (backfill, each new GSI created and waited on, verify through TO's generated
// module), then the refusals: a table of another design, a migrated table taken for
// FROM again, a checkpoint of another table; and a resume of a finished migration.
import { describe, expect, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../engine/index.ts';
import { compareTableWithDesign } from '../compareTableWithDesign.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { testTables } from '../testing/testTables.ts';
import { designPair, migrationFixture, type MigrationFixture } from '../testing/migrationFixture.ts';
import { memoryCheckpointStore } from './checkpoint.ts';
import { runMigration, type StepEvent } from './runMigration.ts';
import { verifyTable } from './verifyTable.ts';

const { clients, tableName: newTable, keep } = testTables();

async function fixture(removed: string[], prefix: string): Promise<MigrationFixture> {
  return keep(await migrationFixture({ clients, model: exampleModel('ecommerce'), removed, tableName: newTable(prefix), seed: prefix }));
}

describe('runMigration on DynamoDB Local', () => {
  it('backfills, creates each new GSI, verifies through the new module, and a resume of the finished migration does nothing', async () => {
    const removed = ['getUserWithOrders', 'getUserByUserId'];
    const f = await fixture(removed, 'migrate-basic');
    expect(f.plan.impossible).toEqual([]);
    expect(f.plan.steps.map((s) => s.kind)).toContain('createIndex');
    // Before the migration, TO's patterns on the new keys find nothing: verify says so.
    const early = await verifyTable({ doc: clients.doc, tableName: f.tableName, design: f.to, module: f.toModule, rounds: 1 });
    expect(early.ok).toBe(false);
    expect(new Set(early.differences.map((d) => d.pattern))).toEqual(new Set(['getUserWithOrders', 'getUserByUserId']));
    const store = memoryCheckpointStore();
    const events: string[] = [];
    const notes: string[] = [];
    const result = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store,
      verifyWith: f.toModule,
      pollMs: 50,
      onStep: (step, i, event) => events.push(`${i}:${step.kind}:${event}`),
      onNote: (n) => notes.push(n),
    });
    expect(result).toMatchObject({ status: 'done', tagged: false });
    if (result.status !== 'done') return;
    expect(result.verify?.ok).toBe(true);
    expect(result.verify?.differences).toEqual([]);
    expect(result.verify?.checked).toBeGreaterThanOrEqual(f.to.patterns.length);
    // Each step announced before it runs, then done.
    expect(events).toEqual(f.plan.steps.flatMap((s, i) => [`${i}:${s.kind}:start`, `${i}:${s.kind}:done`]));
    // No tags on Local: the design stored in the table (createDesignTable wrote FROM's) is checked with the structure.
    expect(notes.join(' ')).toMatch(/Tagging is not currently supported in DynamoDB Local.*checked by the design stored in it, its key schema and indexes\./);
    expect(result.stored).toBe(true);
    const { Table } = await clients.client.send(new DescribeTableCommand({ TableName: f.tableName }));
    const difference = compareTableWithDesign(Table ?? {}, tableDefinition(f.to, f.tableName));
    expect(difference.entries).toEqual([]);
    expect(store.current?.steps.every((s) => s.state === 'done')).toBe(true);

    const again: StepEvent[] = [];
    const resumed = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store,
      pollMs: 50,
      onStep: (_s, _i, e) => again.push(e),
    });
    expect(resumed.status).toBe('done');
    expect(new Set(again)).toEqual(new Set(['doneBefore']));

    // Without the checkpoint the migrated table is no longer FROM's: refused, nothing touched.
    const fresh = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store: memoryCheckpointStore(),
      pollMs: 50,
    });
    expect(fresh.status).toBe('refused');
    if (fresh.status === 'refused') expect(fresh.reasons.join('\n')).toMatch(/not part of the design the migration starts from/);
  });

  it('refuses a table of another design and a checkpoint of another table, before touching anything', async () => {
    const model = exampleModel('ecommerce');
    const removed = ['getUserWithOrders', 'getUserByUserId'];
    const f = await fixture(removed, 'migrate-refuse');
    // A table made for TO is not FROM's: missing nothing, but with extra indexes.
    const other = newTable('migrate-other');
    const { to: otherTo, from: otherFrom } = designPair(model, removed, other);
    await createDesignTable({ client: clients.client, design: otherTo, tableName: other, pollMs: 50 });
    const before = await clients.client.send(new DescribeTableCommand({ TableName: other }));
    const refused = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: other,
      from: otherFrom,
      to: otherTo,
      plan: { ...f.plan, tableName: other },
      store: memoryCheckpointStore(),
      pollMs: 50,
    });
    expect(refused.status).toBe('refused');
    const after = await clients.client.send(new DescribeTableCommand({ TableName: other }));
    expect(after.Table?.GlobalSecondaryIndexes?.length).toBe(before.Table?.GlobalSecondaryIndexes?.length);

    // A checkpoint written for the other table.
    const store = memoryCheckpointStore();
    const stop = new AbortController();
    const cancelled = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store,
      pollMs: 50,
      signal: stop.signal,
      onStep: () => stop.abort(),
    });
    expect(cancelled).toEqual({ status: 'cancelled', step: 0 });
    expect(store.current?.steps[0]?.state).toBe('started');
    const written = store.current;
    expect(written?.table.name).toBe(f.tableName);
    if (!written) return;
    const foreign = memoryCheckpointStore({ ...written, table: { ...written.table, name: other } });
    const result = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store: foreign,
      pollMs: 50,
    });
    expect(result.status).toBe('refused');
    if (result.status === 'refused') expect(result.reasons[0]).toMatch(/not this migration's: it is for table/);
    // One of another plan.
    const otherPlan = memoryCheckpointStore({ ...written, to: '0000000000000000' });
    const result2 = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName: f.tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store: otherPlan,
      pollMs: 50,
    });
    expect(result2.status).toBe('refused');
  });
});
