import { describe, expect, it } from 'vitest';
import { designLayout, type Design } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { createAnalysisCache, generateCode, runAnalysis, type AnalysisPhase } from './analyzeSource.ts';
import { createInlineAnalyzer, type Analyzer } from './analyzer.ts';
import { readShareHash, shareHash } from './shareLink.ts';
import { createTestStore, until } from './testStore.ts';

const MODEL = [
  'model "Shop"',
  '',
  'entity User key email count 5',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'getUser: User by email returns one',
  '',
].join('\n');

describe('the analysis slice', () => {
  it('derives the design, sample items and code of the source', async () => {
    const { store, settled, codeShown } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(false);
    expect(state.design?.indexes.map((i) => i.name)).toEqual(['table']);
    expect(state.items).toHaveLength(5);
    expect(state.items.every((item) => String(item['PK']).startsWith('USER#'))).toBe(true);
    // The code is made only for the Code view.
    expect(state.code).toBe('');
    expect(await codeShown()).toContain('getUser');
  });

  it('keeps the last good design and marks it stale while the source has errors', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    const good = store.getState().design;
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plann\n', format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(true);
    expect(state.design).toBe(good);
    expect(state.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'model.unknownAttribute', span: expect.objectContaining({ line: 8 }) }),
    ]);
  });

  it('adds a GSI when a new pattern needs one, and selects the first pattern with sample parameters', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.design?.indexes.map((i) => i.name)).toEqual(['table', 'GSI1']);
    expect(state.selectedPattern).toBe('getUser');
    expect(state.resultItems).toHaveLength(1);
    expect(state.requestError).toBeUndefined();
  });

  it('reports a parameter value of the wrong type as a request error, not a crash', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    store.getState().setParams('getUser', { email: 42 });
    expect(store.getState().requestError).toMatch(/email/);
    expect(store.getState().resultItems).toEqual([]);
  });

  it('locates design warnings on the pattern line they are about', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await settled();
    const warning = store.getState().diagnostics.find((d) => d.code === 'keys.hotPartition');
    expect(warning?.span?.line).toBe(8);
  });

  it('regenerates the sample items when the scale changes', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    await settled();
    store.getState().setSampleScale(2);
    await settled();
    expect(store.getState().items).toHaveLength(10);
  });
});

describe('the analysis keeps the last design', () => {
  const ecommerce = exampleText(DEFAULT_EXAMPLE);
  /** The model with `line` as its first access pattern. */
  const withFirstPattern = (text: string, line: string) => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => /^\w+:/.test(l));
    return [...lines.slice(0, first), line, ...lines.slice(first)].join('\n');
  };
  const indexOf = (design: Design | undefined, pattern: string) => design?.patterns.find((p) => p.pattern === pattern)?.steps.map((s) => s.index);
  const gsis = (design: Design | undefined) => design?.indexes.map((i) => i.name);

  async function addedAtTheTop() {
    const test = createTestStore();
    test.store.getState().openSource({ text: ecommerce, format: 'text' });
    await test.settled();
    const opened = test.store.getState().design;
    test.store.getState().setSource(withFirstPattern(ecommerce, 'getOrdersByTotal: Order by total'));
    await test.settled();
    return { ...test, opened };
  }

  it('opens a work afresh, then keeps its GSI names when a pattern is added at the top of the model text', async () => {
    const { store, opened } = await addedAtTheTop();
    expect(opened?.changes).toBeUndefined();
    expect(gsis(opened)).toEqual(['table', 'GSI1', 'GSI2']);
    expect(indexOf(opened, 'getOrdersByStatus')).toEqual(['GSI2']);

    const { design, keptLayout } = store.getState();
    expect(gsis(design)).toEqual(['table', 'GSI1', 'GSI2', 'GSI3']);
    // Derived afresh, the new pattern would take GSI2 and move getOrdersByStatus to GSI3.
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI3']);
    expect(design?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'added', index: 'GSI3', reason: expect.stringContaining('getOrdersByTotal') })]),
    );
    expect(design?.changes?.every((c) => c.kind === 'added')).toBe(true);
    expect(design && keptLayout).toEqual(design && designLayout(design));
    expect(design?.tableName).toBe('ECommerce');
  });

  it('lists no changes once nothing moves, and keeps the layout through a change of form', async () => {
    const { store, settled, clock } = await addedAtTheTop();
    clock.now += 5_000;
    store.getState().setSource(store.getState().source.text + '# a comment\n');
    await settled();
    expect(store.getState().design?.changes).toEqual([]);
    store.getState().setFormat('json');
    await settled();
    expect(store.getState().source.format).toBe('json');
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(store.getState().design?.changes).toEqual([]);
  });

  it('derives afresh on demand: fewest GSIs, renumbered, with no changes listed', async () => {
    const { store, settled } = await addedAtTheTop();
    store.getState().deriveAfresh();
    expect(store.getState().analyzing).toBe(true);
    await settled();
    const { design, keptLayout } = store.getState();
    expect(design?.changes).toBeUndefined();
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI3']);
    expect(design && keptLayout).toEqual(design && designLayout(design));
    // The next edit keeps the fresh design.
    store.getState().setSource(store.getState().source.text + '# a comment\n');
    await settled();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
    expect(store.getState().design?.changes).toEqual([]);
  });

  it('starts another work afresh, and undo goes back to the layout the first work had', async () => {
    const { store, settled } = await addedAtTheTop();
    const kept = store.getState().keptLayout;
    store.getState().openSource({ text: withFirstPattern(ecommerce, 'getOrdersByTotal: Order by total').replace('E-commerce', 'Shop'), format: 'text' });
    await settled();
    expect(store.getState().design?.changes).toBeUndefined();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);

    store.getState().undo();
    await settled();
    expect(store.getState().keptLayout).toEqual(kept);
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(store.getState().design?.changes).toEqual([]);
    store.getState().redo();
    await settled();
    expect(indexOf(store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
  });

  it('opens a work with the layout it brings (a share link), keeping its GSI names', async () => {
    const { store } = await addedAtTheTop();
    const source = store.getState().source;
    const link = readShareHash(shareHash(source, store.getState().keptLayout));
    if (link.kind !== 'ok') throw new Error('the link did not open');

    const other = createTestStore();
    other.store.getState().openSource({ text: 'model "Elsewhere"\n', format: 'text' });
    await other.settled();
    other.store.getState().openSource(link.source, link.layout);
    await other.settled();
    const { design } = other.store.getState();
    expect(indexOf(design, 'getOrdersByStatus')).toEqual(['GSI2']);
    expect(indexOf(design, 'getOrdersByTotal')).toEqual(['GSI3']);
    expect(design?.changes).toEqual([]);
    // The same text with another layout is another work too; undo brings back the one before.
    other.store.getState().deriveAfresh();
    await other.settled();
    other.store.getState().openSource(link.source, link.layout);
    await other.settled();
    expect(indexOf(other.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI2']);
    other.store.getState().undo();
    await other.settled();
    expect(indexOf(other.store.getState().design, 'getOrdersByStatus')).toEqual(['GSI3']);
  });
});

describe('the key mode', () => {
  const ecommerce = exampleText(DEFAULT_EXAMPLE);
  const gsiKeys = (design: Design | undefined) => design?.indexes.filter((i) => i.kind === 'gsi').map((i) => i.keys ?? 'composite');
  const byStatus = (design: Design | undefined) =>
    design?.patterns.find((p) => p.pattern === 'getOrdersByStatus')?.steps.map((s) => `${s.index}: ${s.keyConditionText}`);

  async function opened() {
    const test = createTestStore();
    test.store.getState().openSource({ text: ecommerce, format: 'text' });
    await test.settled();
    return test;
  }

  it("is composite by default, and native keys the GSIs on the items' own attributes", async () => {
    const { store, settled } = await opened();
    expect(store.getState().keysMode).toBe('composite');
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(byStatus(store.getState().design)).toEqual(['GSI2: GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)']);

    store.getState().setKeysMode('native');
    expect(store.getState()).toMatchObject({ keysMode: 'native', analyzing: true, keptLayout: undefined });
    await settled();
    const { design, keptLayout, items } = store.getState();
    expect(gsiKeys(design)).toContain('native');
    expect(byStatus(design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);
    // Derived afresh in the new mode, and the next analysis keeps that layout.
    expect(design?.changes).toBeUndefined();
    expect(keptLayout).toEqual(design && designLayout(design));
    // The items have no composite keys for a native GSI: its keys are their own attributes.
    expect(items.some((item) => 'GSI4PK' in item)).toBe(false);
    store.getState().setSource(ecommerce + '# a comment\n');
    await settled();
    expect(store.getState().design?.changes).toEqual([]);
    expect(byStatus(store.getState().design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);

    store.getState().setKeysMode('composite');
    await settled();
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(byStatus(store.getState().design)).toEqual(['GSI2: GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)']);
    expect(store.getState().design?.changes).toBeUndefined();
  });

  it('switching derives afresh: a kept composite layout is not kept in native mode', async () => {
    const { store, settled } = await opened();
    store.getState().setSource(ecommerce.replace('getUserByEmail:', 'getOrdersByTotal: Order by total\ngetUserByEmail:'));
    await settled();
    expect(store.getState().design?.changes?.length).toBeGreaterThan(0);
    store.getState().setKeysMode('native');
    await settled();
    expect(store.getState().design?.changes).toBeUndefined();
    expect(gsiKeys(store.getState().design)).toContain('native');
    // Setting the mode it has changes nothing.
    const design = store.getState().design;
    store.getState().setKeysMode('native');
    expect(store.getState().analyzing).toBe(false);
    expect(store.getState().design).toBe(design);
  });

  it('never keeps a native layout in composite mode', async () => {
    const { store, settled } = await opened();
    store.getState().setKeysMode('native');
    await settled();
    const native = store.getState().keptLayout;
    store.getState().setKeysMode('composite');
    await settled();
    store.setState({ keptLayout: native });
    store.getState().setSource(ecommerce + '# a comment\n');
    await settled();
    expect(gsiKeys(store.getState().design)).toEqual(['composite', 'composite']);
    expect(store.getState().design?.changes).toBeUndefined();
  });

  it('opens a work in the mode it brings (a share link), and undo goes back to the mode the work before had', async () => {
    const { store, settled } = await opened();
    store.getState().setKeysMode('native');
    await settled();
    const link = readShareHash(shareHash(store.getState().source, store.getState().keptLayout, store.getState().keysMode));
    if (link.kind !== 'ok') throw new Error('the link did not open');
    expect(link.keys).toBe('native');

    const other = createTestStore();
    other.store.getState().openSource({ text: 'model "Elsewhere"\n', format: 'text' });
    await other.settled();
    other.store.getState().openSource(link.source, link.layout, link.keys);
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(byStatus(other.store.getState().design)).toEqual(['GSI4: _type = "Order" AND status = {status}']);
    expect(other.store.getState().design?.changes).toEqual([]);
    other.store.getState().undo();
    await other.settled();
    expect(other.store.getState().keysMode).toBe('composite');
    other.store.getState().redo();
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(other.store.getState().design?.changes).toEqual([]);

    // The same source in another mode is another work; an example opens in the current mode.
    other.store.getState().openSource(link.source, undefined, 'composite');
    await other.settled();
    expect(gsiKeys(other.store.getState().design)).toEqual(['composite', 'composite']);
    other.store.getState().setKeysMode('native');
    await other.settled();
    other.store.getState().openSource({ text: MODEL + 'getByPlan: User by plan\n', format: 'text' });
    await other.settled();
    expect(other.store.getState().keysMode).toBe('native');
    expect(gsiKeys(other.store.getState().design)).toEqual(['native']);
  });
});

describe('the analysis in phases', () => {
  /** byEmail reads a GSI consistently: the lint says so (lint.consistentGsiRead). */
  const LINTED = MODEL + 'byPlan: User by plan returns one consistent\n';
  const HUGE = [
    'model "Huge"',
    '',
    'entity User key userId count 100000000',
    '  userId: string',
    '  plan: "free" | "paid"',
    '',
    'getUser: User by userId returns one',
    '',
  ].join('\n');
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  /**
   * The inline analysis with a gate: every run waits at its first pause (after its design) until the
   * test opens the gate. Records each phase each run emitted, by the request's text.
   */
  function gated() {
    const cache = createAnalysisCache();
    let newest = 0;
    let open = () => {};
    let gate = new Promise<void>((resolve) => (open = resolve));
    /** Runs from now on wait again at their first pause, until the test opens the gate. */
    const close = () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    };
    const emitted: [string, AnalysisPhase['phase']][] = [];
    let codeCalls = 0;
    const analyzer: Analyzer = {
      analyze: async (request, onPhase) => {
        const id = ++newest;
        const superseded = () => id !== newest;
        await runAnalysis(request, cache, {
          pause: async () => {
            await gate;
            await nextTask();
          },
          superseded,
          emit: (phase) => {
            emitted.push([request.text, phase.phase]);
            if (!superseded()) onPhase(phase);
          },
        });
      },
      generateCode: async (design) => {
        codeCalls++;
        await nextTask();
        return generateCode(design);
      },
    };
    return { analyzer, emitted, open: () => open(), close, codeCalls: () => codeCalls };
  }

  it("shows the design at once, then the samples, then the lint's findings", async () => {
    const { analyzer, open } = gated();
    const { store, settled } = createTestStore({ analyzer });
    store.getState().openSource({ text: LINTED, format: 'text' });
    expect(store.getState()).toMatchObject({ analyzing: true, sampling: true, linting: true });
    await until(() => !store.getState().analyzing, 'the design');
    let state = store.getState();
    expect(state.design?.indexes.map((i) => i.name)).toEqual(['table', 'GSI1']);
    expect(state).toMatchObject({ sampling: true, linting: true, items: [], sampleBudget: undefined });
    expect(state.design?.diagnostics.some((d) => d.code === 'lint.consistentGsiRead')).toBe(false);
    const design = state.design;
    open();
    await until(() => !store.getState().sampling, 'the samples');
    expect(store.getState().items).toHaveLength(5);
    expect(store.getState().design).toBe(design);
    await settled();
    state = store.getState();
    // The findings join the design's diagnostics (a new design object) and the editor's, placed on their line.
    expect(state.design?.diagnostics.find((d) => d.code === 'lint.consistentGsiRead')).toMatchObject({ path: 'patterns[1].consistent' });
    expect(state.diagnostics.find((d) => d.code === 'lint.consistentGsiRead')?.span?.line).toBe(8);
    expect(state.design?.indexes).toBe(design?.indexes);
  });

  it("keeps the last review's findings in view, placed in the new text, until the new review replaces them", async () => {
    const { analyzer, open, close } = gated();
    const { store, settled } = createTestStore({ analyzer });
    const findings = () => store.getState().diagnostics.filter((d) => d.code === 'lint.consistentGsiRead');
    store.getState().openSource({ text: LINTED, format: 'text' });
    open();
    await settled();
    expect(findings().map((d) => d.span?.line)).toEqual([8]);

    // Two comment lines on top: the design phase keeps the finding, two lines down, while the review runs.
    close();
    store.getState().setSource('# a shop\n# two lines\n' + LINTED);
    await until(() => !store.getState().analyzing, 'the design');
    let state = store.getState();
    expect(state.linting).toBe(true);
    expect(findings().map((d) => d.span?.line)).toEqual([10]);
    expect(state.carriedFindings.map((d) => [d.code, d.path])).toEqual([['lint.consistentGsiRead', 'patterns[1].consistent']]);
    // The design itself has only its own diagnostics: the carried finding is not its review's.
    expect(state.design?.diagnostics.some((d) => d.code === 'lint.consistentGsiRead')).toBe(false);
    open();
    await settled();
    state = store.getState();
    // The review's own finding replaces the carried one: one, not two.
    expect(findings().map((d) => d.span?.line)).toEqual([10]);
    expect(state.carriedFindings).toEqual([]);
    expect(state.design?.diagnostics.filter((d) => d.code === 'lint.consistentGsiRead')).toHaveLength(1);

    // The word the finding is on goes: the finding goes with the design phase, not with the review.
    close();
    store.getState().setSource('# a shop\n# two lines\n' + LINTED.replace(' returns one consistent', ' returns one'));
    await until(() => !store.getState().analyzing, 'the design');
    expect(store.getState()).toMatchObject({ linting: true, carriedFindings: [] });
    expect(findings()).toEqual([]);
    open();
    await settled();
    expect(findings()).toEqual([]);
  });

  it('shows the design of a count of 100,000,000 at once, and a newer source stops its samples', async () => {
    const { analyzer, emitted, open } = gated();
    const { store, settled } = createTestStore({ analyzer });
    store.getState().openSource({ text: HUGE, format: 'text' });
    await until(() => !store.getState().analyzing, 'the design');
    expect(store.getState().design?.model.entities[0]?.count).toBe(100_000_000);
    expect(store.getState().sampling).toBe(true);
    store.getState().setSource(MODEL);
    open();
    await settled();
    expect(store.getState().items).toHaveLength(5);
    // The huge model's run stopped after its design: no samples were made for it.
    expect(emitted.filter(([text]) => text === HUGE).map(([, phase]) => phase)).toEqual(['design']);
    expect(emitted.filter(([text]) => text === MODEL).map(([, phase]) => phase)).toEqual(['design', 'samples', 'lint']);
  });

  it("analyses a burst of changes in one task once, and applies only the newest request's phases", async () => {
    const calls: string[] = [];
    const inline = createInlineAnalyzer();
    const analyzer: Analyzer = { ...inline, analyze: (request, onPhase) => (calls.push(request.text), inline.analyze(request, onPhase)) };
    const { store, settled } = createTestStore({ analyzer });
    store.getState().openSource({ text: MODEL, format: 'text' });
    store.getState().setSource(MODEL + '# one\n');
    store.getState().setSource(MODEL + '# two\n');
    await settled();
    expect(calls).toEqual([MODEL + '# two\n']);
    // Each change of its own task starts a run at once; the older ones stop, the newest applies.
    store.getState().setSource(LINTED);
    await nextTask();
    store.getState().setSource(LINTED + '# three\n');
    await settled();
    expect(calls.slice(1)).toEqual([LINTED, LINTED + '# three\n']);
    expect(store.getState().design?.patterns.map((p) => p.pattern)).toEqual(['getUser', 'byPlan']);
    expect(store.getState().sourceMap.get('patterns[1]')?.line).toBe(8);
  });

  it('reuses the records and items an edit did not touch', async () => {
    const { store, settled } = createTestStore();
    store.getState().openSource({ text: exampleText(DEFAULT_EXAMPLE), format: 'text' });
    await settled();
    const before = store.getState();
    // A pattern of its own (no GSI, no fixed literal): every entity's records and items stay as they were.
    store.getState().setSource(before.source.text + 'getUserAgain: User by email returns one\n');
    await settled();
    const after = store.getState();
    expect(after.design).not.toBe(before.design);
    for (const [entity, records] of before.records) expect(after.records.get(entity)).toBe(records);
    expect(after.items).not.toBe(before.items);
    after.items.forEach((item, i) => expect(item).toBe(before.items[i]));
    // Products counted anew: their records and items are made again, the users' are kept.
    store.getState().setSource(after.source.text.replace(/^(entity Product .*count )\d+/m, '$1 61'));
    await settled();
    const third = store.getState();
    expect(third.records.get('Product')).not.toBe(after.records.get('Product'));
    expect(third.records.get('Product')).toHaveLength(61);
    expect(third.records.get('User')).toBe(after.records.get('User'));
    const firstUser = after.items.find((item) => item['_type'] === 'User');
    expect(third.items.find((item) => item['_type'] === 'User')).toBe(firstUser);
  });

  it('makes the code only while the Code view is shown, once per design', async () => {
    const { analyzer, open, codeCalls } = gated();
    open();
    const { store, settled, codeShown } = createTestStore({ analyzer });
    store.getState().openSource({ text: LINTED, format: 'text' });
    await settled();
    expect(codeCalls()).toBe(0);
    expect(store.getState().code).toBe('');
    expect(await codeShown()).toContain('byPlan');
    await settled();
    expect(codeCalls()).toBe(1);
    // An edit while the Code view is shown: the new design's code, asked once although the lint's findings replace the design.
    store.getState().setSource(LINTED + 'byPlanToo: User by plan\n');
    await settled();
    await until(() => store.getState().codeDesign === store.getState().design, 'the new code');
    expect(store.getState().code).toContain('byPlanToo');
    expect(codeCalls()).toBe(2);
    // Elsewhere, an edit makes no code.
    store.getState().setActivePanel('items');
    store.getState().setSource(LINTED);
    await settled();
    expect(codeCalls()).toBe(2);
    expect(store.getState().codeDesign).not.toBe(store.getState().design);
  });

  it('when newer edits stopped the samples and then the source has errors, fetches the samples of the design kept', async () => {
    const { analyzer, open } = gated();
    const { store, settled } = createTestStore({ analyzer });
    store.getState().openSource({ text: LINTED, format: 'text' });
    await until(() => !store.getState().analyzing, 'the design');
    const design = store.getState().design;
    store.getState().setSource(LINTED + 'broken: User by plann\n');
    await until(() => !store.getState().analyzing, 'the errors');
    expect(store.getState()).toMatchObject({ stale: true, sampling: true, linting: true });
    expect(store.getState().design).toBe(design);
    open();
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(true);
    expect(state.items).toHaveLength(5);
    expect(state.items.every((item) => typeof item['GSI1PK'] === 'string')).toBe(true);
    expect(state.design?.diagnostics.some((d) => d.code === 'lint.consistentGsiRead')).toBe(true);
    expect(state.diagnostics.some((d) => d.code === 'model.unknownAttribute')).toBe(true);
  });
});
