// The page and the analysis worker, in process: messages cross by structured clone a task later, as
// between threads. Only the newest request's phases are handed on; record lists the page holds do not
// cross again, and the page makes the items (keeping those of unchanged entities); a worker that fails
// hands the work to the inline analyzer.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { analyzeSource, designPhase, type AnalysisPhase, type DesignPhase } from './analyzeSource.ts';
import type { AnalysisMessage, AnalysisReply, WireSamplesPhase } from './analysisProtocol.ts';
import type { WireDesignPhase } from './designWire.ts';
import { analysisWorkerClient, type ClientPort } from './analysisWorkerClient.ts';
import { serveAnalysis, type HostPort } from './analysisWorkerHost.ts';
import { createInlineAnalyzer } from './analyzer.ts';
import { createTestStore, plain } from './testStore.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const ecommerce = exampleText(DEFAULT_EXAMPLE);

/** A worker in process; `replies` records what it sent, `messages` what the page sent. */
function inProcessWorker({
  failing = false,
  tamper = (reply: AnalysisReply) => reply,
  tamperMessage = (message: AnalysisMessage) => message,
  streamEvery = undefined as number | undefined,
  // Long enough that a test finishes only if the page says it has shown the samples.
  shownWaitMs = 60_000,
} = {}) {
  const replies: AnalysisReply[] = [];
  const messages: AnalysisMessage[] = [];
  let terminated = false;
  const page: ClientPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      messages.push(message);
      const copy = structuredClone(tamperMessage(message));
      setTimeout(() => {
        if (!terminated) host.onmessage?.({ data: copy } as MessageEvent<AnalysisMessage>);
      }, 0);
    },
    terminate: () => {
      terminated = true;
    },
  };
  const host: HostPort = {
    onmessage: null,
    postMessage: (reply) => {
      const sent: AnalysisReply =
        failing && reply.kind === 'phase' && reply.phase.phase === 'samples' ? { kind: 'failed', id: reply.id, error: 'boom' } : reply;
      replies.push(sent);
      const copy = structuredClone(tamper(sent));
      setTimeout(() => page.onmessage?.({ data: copy } as MessageEvent<AnalysisReply>), 0);
    },
  };
  serveAnalysis(host, nextTask, { shownWaitMs, ...(streamEvery === undefined ? {} : { streamEvery }) });
  return { page, replies, messages, terminated: () => terminated };
}

const samplesOf = (replies: AnalysisReply[]): WireSamplesPhase[] =>
  replies.flatMap((r) => (r.kind === 'phase' && r.phase.phase === 'samples' ? [r.phase] : []));
const designsOf = (replies: AnalysisReply[]): { id: number; phase: WireDesignPhase }[] =>
  replies.flatMap((r) => (r.kind === 'phase' && r.phase.phase === 'design' ? [{ id: r.id, phase: r.phase }] : []));
/** The model text with `line` as its first pattern. */
const withPatternFirst = (text: string, line: string): string => {
  const lines = text.split('\n');
  lines.splice(
    lines.findIndex((l) => /^\w+: /.test(l)),
    0,
    line,
  );
  return lines.join('\n');
};
const crossed = (phase: WireSamplesPhase | undefined) => (phase?.entities ?? []).flatMap((e) => (e.records.wire ? [e.name] : []));

describe('the analysis worker and its client', () => {
  it('a long list of records crosses as columns and the page has the same records and items as the inline analysis', async () => {
    const worker = inProcessWorker();
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    const text = ecommerce.replace(/^(entity User .*count )\d+/m, '$1 2000');
    store.getState().openSource({ text, format: 'text' });
    await settled();
    const user = samplesOf(worker.replies)[0]?.entities.find((e) => e.name === 'User')?.records.wire;
    expect(user !== undefined && 'columns' in user).toBe(true);
    const whole = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite' }).derived;
    expect(store.getState().records.get('User')).toHaveLength(2000);
    expect(JSON.stringify([...store.getState().records])).toBe(JSON.stringify([...(whole?.records ?? [])]));
    expect(store.getState().items).toEqual(whole?.items);
  });

  it('a long list crosses in parts while the worker makes it, and the page has the same records and items as the inline analysis', async () => {
    const worker = inProcessWorker({ streamEvery: 500 });
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    const text = ecommerce.replace(/^(entity User .*count )\d+/m, '$1 1700');
    store.getState().openSource({ text, format: 'text' });
    await settled();
    const parts = worker.replies.flatMap((r) => (r.kind === 'records' ? [r] : []));
    expect(parts.filter((p) => p.entity === 'User').map((p) => p.from)).toEqual([0, 500, 1000]);
    const user = samplesOf(worker.replies)[0]?.entities.find((e) => e.name === 'User')?.records;
    expect(user?.after).toBe(1500);
    expect(user?.id).toBe(parts[0]?.list);
    const whole = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite' }).derived;
    expect(store.getState().records.get('User')).toHaveLength(1700);
    expect(JSON.stringify([...store.getState().records])).toBe(JSON.stringify([...(whole?.records ?? [])]));
    expect(store.getState().items).toEqual(whole?.items);

    // The list is held now: an edit elsewhere sends it as its id alone.
    const before = store.getState().records.get('User');
    store.getState().setSource(text.replace(/^(entity Product .*count )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`));
    await settled();
    expect(samplesOf(worker.replies)[1]?.entities.find((e) => e.name === 'User')?.records).toEqual({ id: user?.id });
    expect(store.getState().records.get('User')).toBe(before);
  });

  it('asks again with nothing held when a part of a long list is missing, and gets the records right', async () => {
    let dropped = false;
    const worker = inProcessWorker({
      streamEvery: 500,
      // The second part's records never reach the page.
      tamper: (reply) => {
        if (reply.kind !== 'records' || reply.from !== 500 || dropped) return reply;
        dropped = true;
        return { ...reply, wire: { list: [] } };
      },
    });
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    const text = ecommerce.replace(/^(entity User .*count )\d+/m, '$1 1200');
    store.getState().openSource({ text, format: 'text' });
    await settled();
    expect(dropped).toBe(true);
    expect(worker.messages.filter((m) => m.kind === 'analyze')).toHaveLength(2);
    const whole = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite' }).derived;
    expect(JSON.stringify([...store.getState().records])).toBe(JSON.stringify([...(whole?.records ?? [])]));
    expect(store.getState().items).toEqual(whole?.items);
  });

  it('gives the store what the inline analysis gives, and sends again only the record lists an edit changed', async () => {
    const worker = inProcessWorker();
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const whole = analyzeSource({ text: ecommerce, format: 'text', scale: 1, keys: 'composite' }).derived;
    expect(store.getState().items).toEqual(whole?.items);
    expect(store.getState().records).toEqual(whole?.records);
    expect(store.getState().design?.diagnostics).toEqual(whole?.design.diagnostics);
    expect([...store.getState().sourceMap]).toEqual([...analyzeSource({ text: ecommerce, format: 'text', scale: 1 }).sourceMap]);
    expect(crossed(samplesOf(worker.replies)[0])).toEqual(['User', 'Order', 'Product', 'Review']);

    // A new pattern served by the table: every list is held, none crosses, and the page keeps every item.
    const before = store.getState();
    store.getState().setSource(ecommerce + 'getUserAgain: User by email returns one\n');
    await settled();
    expect(crossed(samplesOf(worker.replies)[1])).toEqual([]);
    expect(store.getState().records.get('User')).toBe(before.records.get('User'));
    store.getState().items.forEach((item, i) => expect(item).toBe(before.items[i]));

    // More products: Product's records cross, and Review's (it draws its productId from them).
    store.getState().setSource(ecommerce.replace(/^(entity Product .*count )\d+/m, '$1 61'));
    await settled();
    expect(crossed(samplesOf(worker.replies)[2])).toEqual(['Product', 'Review']);
    expect(store.getState().records.get('Product')).toHaveLength(61);
    expect(store.getState().records.get('User')).toBe(before.records.get('User'));
    expect(store.getState().items).toEqual(analyzeSource({ text: store.getState().source.text, format: 'text', scale: 1, keys: 'composite' }).derived?.items);
  });

  it('sends the design as a delta against the one the page holds; the page keeps what did not change', async () => {
    const worker = inProcessWorker();
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const before = store.getState();
    const text = ecommerce.replace(/^(entity Product .*count )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
    store.getState().setSource(text);
    await settled();
    const inline = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite', ...(before.keptLayout ? { previous: before.keptLayout } : {}) });
    const [first, second] = designsOf(worker.replies).map((d) => d.phase);
    expect(first?.base).toBeUndefined();
    expect(second?.base).toBe(first?.version);
    expect(second?.derived?.design.patterns.fresh).toEqual([]);
    expect(second?.sourceMap.paths).toBeUndefined();
    expect(JSON.stringify(store.getState().design)).toBe(JSON.stringify(inline.derived?.design));
    expect(store.getState().model).toEqual(inline.derived?.model);
    expect([...store.getState().sourceMap]).toEqual([...inline.sourceMap]);
    expect(store.getState().items).toEqual(inline.derived?.items);
    store.getState().design?.patterns.forEach((plan, i) => expect(plan).toBe(before.design?.patterns[i]));
  });

  it('leaves out the layout of the design both sides hold, and the worker derives against it as the page would', async () => {
    const worker = inProcessWorker();
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const previous = store.getState().keptLayout;
    expect(previous).toBeDefined();
    // A pattern on a new GSI placed first: derived afresh, the GSIs would be numbered otherwise.
    const text = withPatternFirst(ecommerce, 'productsByPrice: Product by price');
    store.getState().setSource(text);
    await settled();
    const kept = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite', ...(previous ? { previous } : {}) });
    const fresh = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite' });
    expect(JSON.stringify(kept.derived?.design.indexes)).not.toBe(JSON.stringify(fresh.derived?.design.indexes));
    const [, second] = worker.messages.filter((m) => m.kind === 'analyze');
    expect(second).toMatchObject({ previousIsBase: true, base: 1 });
    expect(second?.kind === 'analyze' && 'previous' in second.request).toBe(false);
    expect(JSON.stringify(store.getState().design)).toBe(JSON.stringify(kept.derived?.design));
  });

  it('asks again with nothing held when the worker lacks the design whose layout the page left out, and derives against that layout', async () => {
    // The page names a base the worker does not have (never expected: a bug).
    const worker = inProcessWorker({ tamperMessage: (m) => (m.kind === 'analyze' && m.previousIsBase ? { ...m, base: 99 } : m) });
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const previous = store.getState().keptLayout;
    const text = withPatternFirst(ecommerce, 'productsByPrice: Product by price');
    store.getState().setSource(text);
    await settled();
    expect(worker.replies.filter((r) => r.kind === 'askAgain')).toHaveLength(1);
    const asked = worker.messages.flatMap((m) => (m.kind === 'analyze' ? [[m.base, m.previousIsBase, m.request.previous !== undefined]] : []));
    expect(asked).toEqual([
      [undefined, undefined, false],
      [1, true, false],
      [undefined, undefined, true],
    ]);
    const kept = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite', ...(previous ? { previous } : {}) });
    expect(JSON.stringify(store.getState().design)).toBe(JSON.stringify(kept.derived?.design));
  });

  it('packs against what the page holds when it dropped a superseded design, and again after', async () => {
    const worker = inProcessWorker();
    const client = analysisWorkerClient(worker.page, createInlineAnalyzer);
    const designs: DesignPhase[] = [];
    const keep = (phase: AnalysisPhase) => {
      if (phase.phase === 'design') designs.push(phase);
    };
    await client.analyze({ text: ecommerce, format: 'text', scale: 1 }, keep);
    const texts = ['# a\n', '# b\n', '# c\n'].map((comment) => ecommerce + comment);
    // The first begins (its design is sent, against the one held) before the second comes: the page drops it.
    await Promise.all([
      client.analyze({ text: texts[0] ?? '', format: 'text', scale: 1 }, keep),
      client.analyze({ text: texts[1] ?? '', format: 'text', scale: 1 }, keep),
    ]);
    await client.analyze({ text: texts[2] ?? '', format: 'text', scale: 1 }, keep);
    const sent = designsOf(worker.replies).map(({ id, phase }) => [id, phase.version, phase.base]);
    expect(sent).toEqual([
      [1, 1, undefined],
      [2, 2, 1],
      [3, 3, 1],
      [4, 4, 3],
    ]);
    expect(designs.map(plain)).toEqual([ecommerce, texts[1], texts[2]].map((text) => designPhase({ text: text ?? '', format: 'text', scale: 1 })));
  });

  it('asks again with nothing held when a delta is not against the design the page holds, and gets it whole', async () => {
    let tampered = false;
    // The second design phase names a base the page never had (never expected: a bug).
    const worker = inProcessWorker({
      tamper: (reply) => {
        if (reply.kind !== 'phase' || reply.phase.phase !== 'design' || reply.phase.base === undefined || tampered) return reply;
        tampered = true;
        return { ...reply, phase: { ...reply.phase, base: 99 } };
      },
    });
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const previous = store.getState().keptLayout;
    const text = ecommerce + 'getUserAgain: User by email returns one\n';
    store.getState().setSource(text);
    await settled();
    expect(tampered).toBe(true);
    const asked = worker.messages.flatMap((m) => (m.kind === 'analyze' ? [m.base] : []));
    expect(asked).toEqual([undefined, 1, undefined]);
    expect(designsOf(worker.replies).map(({ phase }) => phase.base)).toEqual([undefined, 1, undefined]);
    const inline = analyzeSource({ text, format: 'text', scale: 1, keys: 'composite', ...(previous ? { previous } : {}) });
    expect(store.getState().design).toEqual(inline.derived?.design);
    expect([...store.getState().sourceMap]).toEqual([...inline.sourceMap]);
  });

  it('sends the design whole when the page names a base the worker does not have', async () => {
    const replies: AnalysisReply[] = [];
    const host: HostPort = { onmessage: null, postMessage: (reply) => replies.push(reply) };
    serveAnalysis(host, nextTask);
    const message: AnalysisMessage = { kind: 'analyze', id: 1, request: { text: ecommerce, format: 'text', scale: 1 }, held: [], base: 42 };
    host.onmessage?.({ data: message } as MessageEvent<AnalysisMessage>);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [design] = designsOf(replies);
    expect(design?.phase.base).toBeUndefined();
    expect(design?.phase.sourceMap.paths).toHaveLength(designPhase({ text: ecommerce, format: 'text', scale: 1 }).sourceMap.size);
  });

  it("hands on only the newest request's phases; the older run stops", async () => {
    const worker = inProcessWorker();
    const client = analysisWorkerClient(worker.page, createInlineAnalyzer);
    const seen: [string, AnalysisPhase['phase']][] = [];
    const first = client.analyze({ text: ecommerce, format: 'text', scale: 1 }, (phase) => seen.push(['first', phase.phase]));
    const second = client.analyze({ text: ecommerce + '# again\n', format: 'text', scale: 1 }, (phase) => seen.push(['second', phase.phase]));
    await Promise.all([first, second]);
    expect(seen).toEqual([
      ['second', 'design'],
      ['second', 'samples'],
      ['second', 'lint'],
    ]);
    // The first run began before the second request came, and stopped at its first pause: after its design.
    const phasesOf = (id: number) => worker.replies.flatMap((r) => (r.kind === 'phase' && r.id === id ? [r.phase.phase] : []));
    expect(phasesOf(1)).toEqual(['design']);
    expect(phasesOf(2)).toEqual(['design', 'samples', 'lint']);
    expect(worker.replies.filter((r) => r.kind === 'done').map((r) => r.id)).toEqual([1, 2]);
  });

  it('reviews the samples (items, lint) only once the page says it has shown them, or after a while, and not for a run a newer request stopped', async () => {
    const replies: AnalysisReply[] = [];
    const host: HostPort = { onmessage: null, postMessage: (reply) => replies.push(reply) };
    serveAnalysis(host, nextTask, { shownWaitMs: 300 });
    const send = (message: AnalysisMessage) => host.onmessage?.({ data: message } as MessageEvent<AnalysisMessage>);
    const phases = (id: number) => replies.flatMap((r) => (r.kind === 'phase' && r.id === id ? [r.phase.phase] : []));
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const request = (id: number, text: string): AnalysisMessage => ({ kind: 'analyze', id, request: { text, format: 'text', scale: 1 }, held: [] });

    send(request(1, ecommerce));
    await until(() => phases(1).includes('samples'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(phases(1)).toEqual(['design', 'samples']);
    send({ kind: 'shown', id: 1 });
    await until(() => replies.some((r) => r.kind === 'done' && r.id === 1));
    expect(phases(1)).toEqual(['design', 'samples', 'lint']);

    // A newer request while waiting: the older run stops there, without its lint.
    send(request(2, ecommerce + '# two\n'));
    await until(() => phases(2).includes('samples'));
    send(request(3, ecommerce + '# three\n'));
    await until(() => replies.some((r) => r.kind === 'done' && r.id === 3));
    expect(phases(2)).toEqual(['design', 'samples']);
    // Never told: the review comes after the wait.
    expect(phases(3)).toEqual(['design', 'samples', 'lint']);
  });

  it('makes the code of a design on demand', async () => {
    const worker = inProcessWorker();
    const { store, settled, codeShown } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    expect(worker.messages.some((m) => m.kind === 'code')).toBe(false);
    expect(await codeShown()).toBe(analyzeSource({ text: ecommerce, format: 'text', scale: 1, keys: 'composite' }).derived?.code);
    // The design the page holds from the worker is named by its version, not sent.
    expect(worker.messages.filter((m) => m.kind === 'code')).toEqual([{ kind: 'code', id: 2, version: 1 }]);
  });

  it('sends the design for its code when the worker no longer has the version named', async () => {
    // The page names a version the worker never sent (never expected: a bug).
    const worker = inProcessWorker({ tamperMessage: (m) => (m.kind === 'code' && 'version' in m ? { ...m, version: 99 } : m) });
    const { store, settled, codeShown } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    expect(await codeShown()).toBe(analyzeSource({ text: ecommerce, format: 'text', scale: 1, keys: 'composite' }).derived?.code);
    expect(worker.messages.filter((m) => m.kind === 'code').map((m) => ('version' in m ? 'version' : 'design'))).toEqual(['version', 'design']);
  });

  it('finishes inline when the worker fails a request, and from then on', async () => {
    const worker = inProcessWorker({ failing: true });
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    expect(worker.terminated()).toBe(true);
    expect(store.getState().items).toHaveLength(analyzeSource({ text: ecommerce, format: 'text', scale: 1 }).derived?.items.length ?? -1);
    const sent = worker.messages.length;
    store.getState().setSource(ecommerce + '# inline now\n');
    await settled();
    expect(worker.messages).toHaveLength(sent);
    expect(store.getState().stale).toBe(false);
  });
});
