// The page and the analysis worker, in process: messages cross by structured clone a task later, as
// between threads. Only the newest request's phases are handed on; record lists the page holds do not
// cross again, and the page makes the items (keeping those of unchanged entities); a worker that fails
// hands the work to the inline analyzer.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { analyzeSource, type AnalysisPhase } from './analyzeSource.ts';
import type { AnalysisMessage, AnalysisReply, WireSamplesPhase } from './analysisProtocol.ts';
import { analysisWorkerClient, type ClientPort } from './analysisWorkerClient.ts';
import { serveAnalysis, type HostPort } from './analysisWorkerHost.ts';
import { createInlineAnalyzer } from './analyzer.ts';
import { createTestStore } from './testStore.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const ecommerce = exampleText(DEFAULT_EXAMPLE);

/** A worker in process; `replies` records what it sent, `messages` what the page sent. */
function inProcessWorker({ failing = false } = {}) {
  const replies: AnalysisReply[] = [];
  const messages: AnalysisMessage[] = [];
  let terminated = false;
  const page: ClientPort = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      messages.push(message);
      const copy = structuredClone(message);
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
      const copy = structuredClone(sent);
      setTimeout(() => page.onmessage?.({ data: copy } as MessageEvent<AnalysisReply>), 0);
    },
  };
  serveAnalysis(host, nextTask);
  return { page, replies, messages, terminated: () => terminated };
}

const samplesOf = (replies: AnalysisReply[]): WireSamplesPhase[] =>
  replies.flatMap((r) => (r.kind === 'phase' && r.phase.phase === 'samples' ? [r.phase] : []));
const crossed = (phase: WireSamplesPhase | undefined) => (phase?.entities ?? []).flatMap((e) => (e.records.list ? [e.name] : []));

describe('the analysis worker and its client', () => {
  it('gives the store what the inline analysis gives, and sends again only the record lists an edit changed', async () => {
    const worker = inProcessWorker();
    const { store, settled } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    const whole = analyzeSource({ text: ecommerce, format: 'text', scale: 1, keys: 'composite' }).derived;
    expect(store.getState().items).toEqual(whole?.items);
    expect(store.getState().records).toEqual(whole?.records);
    expect(store.getState().design?.diagnostics).toEqual(whole?.design.diagnostics);
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

  it('makes the code of a design on demand', async () => {
    const worker = inProcessWorker();
    const { store, settled, codeShown } = createTestStore({ analyzer: analysisWorkerClient(worker.page, createInlineAnalyzer) });
    store.getState().openSource({ text: ecommerce, format: 'text' });
    await settled();
    expect(worker.messages.some((m) => m.kind === 'code')).toBe(false);
    expect(await codeShown()).toBe(analyzeSource({ text: ecommerce, format: 'text', scale: 1, keys: 'composite' }).derived?.code);
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
