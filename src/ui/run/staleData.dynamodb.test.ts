// The Run panel's session never shows a match it did not verify (issue 12, "Honest verification"),
// against the test run's DynamoDB Local: the e-commerce table is created and loaded, a pattern is
// added to the model, and the new pattern's answer is shown "not verified" with what changed, not
// "✓ Matches (0 items)" as when it was compared with the items of the older design. Recreated or
// reloaded under the new design, the same run is compared and matches.
import { describe, expect, it } from 'vitest';
import {
  deriveDesign,
  generateSampleRecords,
  loadProblem,
  runRequests,
  buildRequest,
  sampleParams,
  toItem,
  withGuardItems,
  type Design,
  type Item,
  type Model,
} from '../../engine/index.ts';
import { runPattern, verification } from '../../runner/index.ts';
import { problemText } from '../../runner/testing/exampleDesign.ts';
import { runSessionTest } from './testing/runSessionTest.ts';
import { createTable, deleteTable, loadSampleItems, runOnePattern, runSession, setTableName } from './runSession.ts';

const { clients, made } = runSessionTest();
const { doc } = clients;

/** The model's design and loadable items (guard items included), as the panel computes them. */
function analysed(model: Model): { model: Model; design: Design; items: Item[] } {
  const design = deriveDesign(model);
  const records = generateSampleRecords(model, { seed: 'stale-data', scale: 1 });
  const items: Item[] = [];
  for (const [entity, list] of records) for (const record of list) items.push(toItem(design, entity, record));
  return { model, design, items: withGuardItems(design, items).items };
}

const base = loadProblem(problemText('ecommerce.problem.json')).model;
if (!base) throw new Error('ecommerce does not load');
const before = analysed(base);
// The pattern added in the editor: products by name.
const added = { name: 'getProductsByName', entity: 'Product', equals: ['name'], returns: 'many' as const };
const after = analysed({ ...base, patterns: [...base.patterns, added] });
const product = after.items.find((i) => i[after.design.entityAttribute] === 'Product');
if (!product) throw new Error('no product');
const params = { name: product['name'] as string };

function runState(pattern: string) {
  const state = runSession.getState().runs[pattern];
  if (state?.status !== 'done') throw new Error(`${pattern}: ${JSON.stringify(state)}`);
  return state;
}

describe('run session: answers are compared only with data loaded under the current design', () => {
  it('shows a pattern added after the load as not verified, then compares it once the table is the new design’s', async () => {
    const name = `panel-stale-${Date.now()}`;
    made(name);
    setTableName(name);
    await createTable(before.design);
    await loadSampleItems(before.design, before.items);
    expect(runSession.getState().load.status).toBe('done');

    // Under the design it was loaded with, an answer is compared (and matches).
    await runOnePattern({
      design: before.design,
      patternName: 'getProductById',
      params: sampleParams(base, new Map(), 'getProductById'),
      sampleItems: before.items,
    });
    expect(runState('getProductById')).toMatchObject({ run: { ok: true } });
    expect(runState('getProductById').unverified).toBeUndefined();

    // The in-browser answer holds the product; DynamoDB, loaded under the older design, holds nothing for it.
    const inBrowser = runRequests({ design: after.design, items: after.items, requests: buildRequest(after.design, added.name, params) });
    expect(inBrowser.length).toBeGreaterThanOrEqual(1);
    // What the panel did before: comparing with the items loaded under the older design "matched" an empty answer.
    const oldWay = await runPattern({ client: doc, design: after.design, tableName: name, patternName: added.name, params, sampleItems: before.items });
    expect(oldWay.items).toHaveLength(0);
    expect(oldWay.ok).toBe(true);

    await runOnePattern({ design: after.design, patternName: added.name, params, sampleItems: after.items });
    const stale = runState(added.name);
    expect(stale.run.items).toHaveLength(0);
    expect(stale.run.ok).toBeUndefined();
    expect(stale.run.requests.every((r) => r.comparison === undefined)).toBe(true);
    expect(stale.capacity).toBeUndefined();
    expect(stale.unverified?.stale).toEqual(expect.arrayContaining(['layout', 'items']));
    const table = runSession.getState().table;
    if (table.status !== 'ready') throw new Error('no table');
    const remedy = verification(
      after.design,
      name,
      { created: table.definition, loaded: runSession.getState().loaded, items: runSession.getState().tableItems },
      after.items,
    );
    expect(remedy.verified).toBe(false);
    expect(stale.unverified?.remedy).toBe(remedy.verified ? undefined : remedy.remedy);

    // Brought in line with the new design (recreated when its indexes differ, else reloaded), the run is compared and matches.
    if (stale.unverified?.remedy === 'recreate') {
      expect(stale.unverified.stale).toContain('table');
      await deleteTable(name);
      setTableName(name);
      await createTable(after.design);
    }
    await loadSampleItems(after.design, after.items);
    await runOnePattern({ design: after.design, patternName: added.name, params, sampleItems: after.items });
    const fresh = runState(added.name);
    expect(fresh.unverified).toBeUndefined();
    expect(fresh.run.ok).toBe(true);
    expect(fresh.run.items).toHaveLength(inBrowser.length);
  });

  it('compares nothing before a complete load, and nothing with items other than the current ones', async () => {
    const name = `panel-unloaded-${Date.now()}`;
    made(name);
    setTableName(name);
    await createTable(before.design);
    await runOnePattern({
      design: before.design,
      patternName: 'getProductById',
      params: sampleParams(base, new Map(), 'getProductById'),
      sampleItems: before.items,
    });
    expect(runState('getProductById')).toMatchObject({ run: { ok: undefined }, unverified: { stale: ['layout', 'items'], remedy: 'reload' } });

    await loadSampleItems(before.design, before.items);
    // The same design with other sample items (another sample size): reload, not verified meanwhile.
    const fewer = before.items.slice(1);
    await runOnePattern({ design: before.design, patternName: 'getProductById', params: sampleParams(base, new Map(), 'getProductById'), sampleItems: fewer });
    expect(runState('getProductById')).toMatchObject({ run: { ok: undefined }, unverified: { stale: ['items'], remedy: 'reload' } });
  });
});
