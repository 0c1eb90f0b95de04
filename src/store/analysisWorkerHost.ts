// The analysis worker's side of analysisProtocol.ts: runs the newest request's phases
// (analyzeSource.ts runAnalysis) with one cache for all of them, yielding between phases and between
// lint steps (a rule, or one hot key) so that a newer request (or a code request) can arrive; a newer request stops the older
// run there. The design phase crosses as a delta against the one the page holds (designWire.ts); the
// samples as records (the page makes the items; columns when they share one shape: recordsWire.ts), a list the
// page already holds as its id alone, and a long one in parts while it is made (STREAM_EVERY).
import type { Design, RecordValue } from '../engine/index.ts';
import { createAnalysisCache, generateCode, runAnalysis, type RecordsPhase } from './analyzeSource.ts';
import type { AnalysisMessage, AnalysisReply, RecordsPart, WireSamplesPhase } from './analysisProtocol.ts';
import { layoutOf, packDesignPhase, type HeldDesign } from './designWire.ts';
import { packRecords } from './recordsWire.ts';

/** The worker's end of the channel: its global scope in the app, a fake in tests. */
export interface HostPort {
  onmessage: ((event: MessageEvent<AnalysisMessage>) => void) | null;
  postMessage: (reply: AnalysisReply) => void;
}

/**
 * A list this long or longer crosses in parts of this many records while it is made: the page makes their items
 * while the worker makes the rest (100,000 records took the worker about half a second, and the page as long again
 * to make their items once they had come).
 */
export const STREAM_EVERY = 20_000;

/**
 * How long the worker waits, once the samples went out, for the page to say it has shown them (a `shown` message)
 * before it reviews them anyway (a hidden tab draws no frames). The review makes every sample item again and runs the
 * lint: run while the page drew 100,000 items, it put the first rows about 0.2 s later (1,930 against 1,722 ms; the machine's cores are shared).
 */
export const SHOWN_WAIT_MS = 1000;

/** Answers the page's messages on `port`; `nextTask` lets the messages that came meanwhile be delivered. */
export function serveAnalysis(
  port: HostPort,
  nextTask: () => Promise<void>,
  { streamEvery = STREAM_EVERY, shownWaitMs = SHOWN_WAIT_MS }: { streamEvery?: number; shownWaitMs?: number } = {},
): void {
  const cache = createAnalysisCache();
  const ids = new WeakMap<object, number>();
  let lastId = 0;
  const idOf = (list: object): number => {
    let id = ids.get(list);
    if (id === undefined) {
      id = ++lastId;
      ids.set(list, id);
    }
    return id;
  };
  /** The design phases sent that the page may hold, by version: only the one it says it holds, and those sent since. */
  const sent = new Map<number, HeldDesign>();
  let lastVersion = 0;
  let pending: Extract<AnalysisMessage, { kind: 'analyze' }> | undefined;
  let newest = 0;
  let code: Extract<AnalysisMessage, { kind: 'code' }> | undefined;
  let busy = false;
  /** The run waiting for the page to show its samples: its id, and what ends the wait. */
  let waiting: { id: number; done: () => void } | undefined;
  const endWait = (id?: number) => {
    if (waiting === undefined || (id !== undefined && waiting.id !== id)) return;
    const { done } = waiting;
    waiting = undefined;
    done();
  };

  /** The design of a design phase sent, by version, while the worker keeps it (see `sent`). */
  const sentDesign = (version: number | undefined): Design | undefined => (version === undefined ? undefined : sent.get(version)?.derived?.design);

  const serveCode = () => {
    const asked = code;
    if (asked === undefined) return;
    code = undefined;
    const design = 'design' in asked ? asked.design : sentDesign(asked.version);
    port.postMessage(design === undefined ? { kind: 'code', id: asked.id } : { kind: 'code', id: asked.id, result: generateCode(design) });
  };

  /** `streamed`: list id → how many of its records this run sent ahead. */
  const wire = (phase: RecordsPhase, held: ReadonlySet<number>, streamed: ReadonlyMap<number, number>): WireSamplesPhase => {
    const part = (list: RecordValue[]): RecordsPart => {
      const id = idOf(list);
      const after = streamed.get(id);
      if (after !== undefined) return { id, wire: packRecords(list.slice(after)), after };
      return held.has(id) ? { id } : { id, wire: packRecords(list) };
    };
    const entities = [...phase.records].map(([name, records]) => ({ name, records: part(records) }));
    return { phase: 'samples', samples: phase.samples, entities, ...(phase.error ? { error: phase.error } : {}) };
  };

  const pump = async () => {
    busy = true;
    while (pending !== undefined || code !== undefined) {
      serveCode();
      const asked = pending;
      if (asked === undefined) continue;
      pending = undefined;
      const held = new Set(asked.held);
      const streamed = new Map<number, number>();
      try {
        await runAnalysis(asked.request, cache, {
          pause: async () => {
            await nextTask();
            serveCode();
          },
          superseded: () => newest !== asked.id,
          shown: () =>
            new Promise<void>((done) => {
              waiting = { id: asked.id, done };
              setTimeout(() => endWait(asked.id), shownWaitMs);
            }),
          // The design as a delta against the one the page holds; the samples as records (emitRecords); the lint as it is.
          emit: (phase) => {
            if (phase.phase === 'design') {
              const version = ++lastVersion;
              const { wire, held: next } = packDesignPhase(phase, version, asked.base === undefined ? undefined : sent.get(asked.base));
              sent.set(version, next);
              port.postMessage({ kind: 'phase', id: asked.id, phase: wire });
            } else if (phase.phase === 'lint') port.postMessage({ kind: 'phase', id: asked.id, phase });
          },
          emitRecords: (phase) => port.postMessage({ kind: 'phase', id: asked.id, phase: wire(phase, held, streamed) }),
          // A long list's records so far, while the rest are made: those not sent yet.
          progress: {
            every: streamEvery,
            made: (entity, records) => {
              const list = idOf(records);
              const from = streamed.get(list) ?? 0;
              port.postMessage({ kind: 'records', id: asked.id, list, entity, from, wire: packRecords(records.slice(from)) });
              streamed.set(list, records.length);
            },
          },
        });
        port.postMessage({ kind: 'done', id: asked.id });
      } catch (error) {
        port.postMessage({ kind: 'failed', id: asked.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    busy = false;
  };

  port.onmessage = (event) => {
    const message = event.data;
    if (message.kind === 'shown') {
      endWait(message.id);
      return;
    }
    if (message.kind === 'analyze') {
      newest = message.id;
      const base = message.previousIsBase ? sentDesign(message.base) : undefined;
      pending = !message.previousIsBase ? message : base && { ...message, request: { ...message.request, previous: layoutOf(base) } };
      // The page holds a design this worker no longer has (never expected): it asks again with nothing held.
      if (pending === undefined) port.postMessage({ kind: 'askAgain', id: message.id });
      // The page holds `base` and will take only the phases of this request or later ones: the others are of no use.
      for (const version of sent.keys()) if (version !== message.base) sent.delete(version);
      // A run waiting for its samples to be shown stops now.
      endWait();
    } else {
      code = message;
      // A run waiting for its samples to be shown is not working: the code is made now.
      serveCode();
    }
    if (!busy) void pump();
  };
}
