// The Run panel's migration against the test run's DynamoDB Local: the deployed e-commerce design's
// table created and loaded by the run session, a pattern added (a new GSI), the Changes view's plan
// run by startMigration. A cancel before the first step leaves the checkpoint in this tab and a
// second run resumes it to the end, verified through the engine's requests; the session's table
// follows (its definition is the new design's, the old load no longer counts). A table of another
// design is refused with the reasons and left as it was. The checkpoint holds no credentials.
import { describe, expect, it } from 'vitest';
import {
  deriveDesign,
  designIdentity,
  designLayout,
  generateSampleRecords,
  loadProblem,
  migrationPlan,
  planDesign,
  tableDefinition,
  toItem,
  withGuardItems,
  type Design,
  type Item,
} from '../../engine/index.ts';
import { problemText } from '../../runner/testing/exampleDesign.ts';
import { tableDescription } from '../../runner/testing/tableContents.ts';
import { checkpointKey, keptCheckpoint } from './migrationCheckpoint.ts';
import { cancelMigration, keptMigration, layoutAfter, migrationSession, migrationTarget, startMigration, targetPlace } from './migrationSession.ts';
import { runSessionTest } from './testing/runSessionTest.ts';
import { createTable, loadSampleItems, runSession, setTableName } from './runSession.ts';

const ACCESS_KEY_ID = 'AKIAMIGRATESESSION01';
const SECRET = 'migrate-session-secret';
// The panel's credentials: DynamoDB Local keeps the tables of each access key apart.
const { clients, made } = runSessionTest({
  credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET },
  reset: () => migrationSession.setState({ run: { status: 'idle' } }),
});
const { client } = clients;

const model = loadProblem(problemText('ecommerce.problem.json')).model;
if (!model) throw new Error('ecommerce does not load');
const deployed = deriveDesign(model);
const added = {
  name: 'getOrdersByTotal',
  entity: 'Order',
  equals: ['status'],
  order: { attribute: 'total', direction: 'desc' as const },
  returns: 'many' as const,
};
const next = { ...model, patterns: [...model.patterns, added] };
// As the store makes them: TO derived against the deployed layout, FROM that layout planned with the model.
const to = deriveDesign(next, { previous: designLayout(deployed), deployed: true });
const from = planDesign(next, designLayout(deployed));
const plan = migrationPlan(from, to);

function loadable(design: Design): Item[] {
  const items: Item[] = [];
  for (const [entity, list] of generateSampleRecords(model!, { seed: 'migration-session' }))
    for (const record of list) items.push(toItem(design, entity, record));
  return withGuardItems(design, items).items;
}

async function finished() {
  const end = Date.now() + 60_000;
  while (migrationSession.getState().run.status === 'running' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  const { run } = migrationSession.getState();
  if (run.status !== 'finished') throw new Error(`still ${run.status}`);
  return run;
}

describe('the Run panel’s migration', () => {
  it('stops when cancelled, resumes from the checkpoint kept in the tab, and ends verified; the session’s table follows', async () => {
    expect(plan.steps.map((s) => s.kind)).toEqual(['backfill', 'createIndex', 'verify']);
    const name = `panel-migrate-${Date.now()}`;
    made(name);
    setTableName(name);
    await createTable(deployed);
    await loadSampleItems(deployed, loadable(deployed));
    expect(runSession.getState().load.status).toBe('done');
    const where = migrationTarget(name);
    expect(where).toMatchObject({ tableName: name, createdHere: true });
    if (!where) return;

    // Cancelled once the backfill has updated some items (slowly: 50 a second).
    const stop = migrationSession.subscribe(({ run }) => {
      if (run.status === 'running' && !run.cancelling && (run.progress.backfill?.updated ?? 0) > 0) cancelMigration();
    });
    await startMigration({ from, to, plan, where, rate: 50, verify: true });
    stop();
    const stopped = await finished();
    expect(stopped.outcome).toEqual({ status: 'cancelled', step: 0 });
    const place = targetPlace(where.target);
    expect(keptMigration(place, name, plan)).toEqual({ kind: 'resume', doneSteps: 0 });
    // What the tab keeps: table, designs, steps; no credentials.
    const kept = JSON.stringify(keptCheckpoint(checkpointKey(place, name)).checkpoint);
    expect(kept).toContain(plan.to);
    expect(kept).not.toContain(ACCESS_KEY_ID);
    expect(kept).not.toContain(SECRET);

    await startMigration({ from, to, plan, where, rate: 1000, verify: true });
    const done = await finished();
    expect(done.outcome.status).toBe('done');
    if (done.outcome.status !== 'done') return;
    expect(done.steps).toEqual(['done', 'done', 'done']);
    expect(done.outcome.verify).toMatchObject({ ok: true, differences: [] });
    // This run's updates: the cancelled one did the others (each item once).
    expect(done.outcome.backfill?.updated).toBeGreaterThan(0);
    expect(done.outcome.backfill?.updated).toBeLessThan(150);
    expect(done.notes.join(' ')).toMatch(/Tagging is not currently supported in DynamoDB Local/);
    expect(done.outcome.deployedAfter && designIdentity(done.outcome.deployedAfter)).toBe(plan.to);
    const table = runSession.getState().table;
    expect(table.status === 'ready' && table.definition).toBe(JSON.stringify(tableDefinition(to, name)));
    expect(runSession.getState().loaded).toBeUndefined();
    expect((await tableDescription(client, name))?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['GSI1', 'GSI2', 'GSI3']);
  });

  it('refuses a table of another design, touching nothing', async () => {
    const name = `panel-migrate-other-${Date.now()}`;
    made(name);
    setTableName(name);
    // A table of the new design already: not the deployed one's.
    await createTable(to);
    expect(runSession.getState().table).toMatchObject({ status: 'ready', tableName: name });
    const where = migrationTarget(name);
    if (!where) throw new Error('no target');
    await startMigration({ from, to, plan, where, rate: 1000, verify: true });
    const run = await finished();
    expect(run.outcome.status).toBe('refused');
    if (run.outcome.status === 'refused') expect(run.outcome.reasons.join('\n')).toMatch(/Index GSI3 .* is not part of the design the migration starts from/);
    expect(run.steps).toEqual(['pending', 'pending', 'pending']);
    expect((await tableDescription(client, name))?.GlobalSecondaryIndexes).toHaveLength(3);
  });

  it('knows the layout the table has once every step is done, with the dropped GSIs gone', () => {
    expect(designIdentity(layoutAfter(to, plan)!)).toBe(plan.to);
    const fewer = {
      ...model,
      patterns: model.patterns.filter((p) => p.name !== 'getOrdersByStatus' && p.name !== 'getUsersByPlan' && p.name !== 'getTrendingProducts'),
    };
    const unusedTo = deriveDesign(fewer, { previous: designLayout(deployed), deployed: true });
    const unusedFrom = planDesign(fewer, designLayout(deployed));
    const dropping = migrationPlan(unusedFrom, unusedTo, { dropUnused: true });
    expect(dropping.steps.map((s) => s.kind)).toContain('dropIndex');
    const after = layoutAfter(unusedTo, dropping);
    expect(after && designIdentity(after)).toBe(dropping.to);
    expect(after?.indexes.length).toBeLessThan(unusedTo.indexes.length);
  });
});
