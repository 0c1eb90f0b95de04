// The page's side of analysisProtocol.ts: an Analyzer that sends every request at once (the worker
// keeps the newest and stops an older run between phases), hands on the phases of the newest request
// only, rebuilds the design phase from its delta and the one it holds (designWire.ts), and the samples
// from the record lists it holds (only the changed ones cross; a long one in parts while the worker
// makes it) and their items, made here under the run's design (those of unchanged entities kept, those
// of a long list's parts made as the parts come). If the worker cannot start, crashes or fails a
// request, the work is done inline from then on.
import { internalDiagnostic, toItems, type Design, type Item, type RecordValue } from '../engine/index.ts';
import { createItemsCache, itemsOf, keepItems } from './analysisItems.ts';
import type { AnalysisPhase, AnalysisRequest, CodeResult, SamplesPhase } from './analyzeSource.ts';
import { locate } from './locateDiagnostic.ts';
import type { AnalysisMessage, AnalysisReply, WireSamplesPhase } from './analysisProtocol.ts';
import { layoutOf, unpackDesignPhase, type HeldDesign } from './designWire.ts';
import { unpackRecords } from './recordsWire.ts';
import type { Analyzer } from './analyzer.ts';

/** The page's end of the channel: a Worker in the app, a fake in tests. */
export interface ClientPort {
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage: (message: AnalysisMessage) => void;
  terminate: () => void;
}

/** After the next frame is drawn (at once where nothing draws frames: tests, a worker). */
function afterFrame(then: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then, 0));
  else setTimeout(then, 0);
}

/** A long list sent ahead in parts: its records so far (undefined once a part came out of order), and their items under `design`. */
interface Stream {
  records: RecordValue[] | undefined;
  items: Item[] | undefined;
  design: Design | undefined;
}

interface Run {
  id: number;
  request: AnalysisRequest;
  onPhase: (phase: AnalysisPhase) => void;
  resolve: () => void;
  /** The run's design phase, as it came: its items are made under its design. */
  design?: Extract<AnalysisPhase, { phase: 'design' }>;
}

export function analysisWorkerClient(worker: ClientPort, fallback: () => Analyzer): Analyzer {
  let lastId = 0;
  let run: Run | undefined;
  let code: { id: number; design: Design; resolve: (result: CodeResult | undefined) => void } | undefined;
  /** The record lists of the last samples phase handed on, by id: the worker sends only the others. */
  let held = new Map<number, RecordValue[]>();
  /** The last design phase handed on (its version): the worker sends the next as a delta against it. */
  let heldDesign: HeldDesign | undefined;
  const items = createItemsCache();
  /** The long lists the current run sent ahead in parts, by id: the records so far, and their items (made under the run's design as they came). */
  let streams = new Map<number, Stream>();
  let inline: Analyzer | undefined;

  const send = (current: Run) => {
    streams = new Map();
    const { previous, ...rest } = current.request;
    // The layout of the design both sides hold stays here: the worker has that design.
    const previousIsBase = previous !== undefined && heldDesign?.derived !== undefined && previous === layoutOf(heldDesign.derived.design);
    worker.postMessage({
      kind: 'analyze',
      id: current.id,
      request: previousIsBase ? rest : current.request,
      held: [...held.keys()],
      ...(heldDesign ? { base: heldDesign.version } : {}),
      ...(previousIsBase ? { previousIsBase } : {}),
    });
  };
  /** What the worker sent was made against something the page does not hold (never expected): ask again with nothing held. */
  const askAgain = (current: Run) => {
    held = new Map();
    heldDesign = undefined;
    current.id = ++lastId;
    send(current);
  };

  /** The samples from the lists that crossed and those held, with their items; undefined if one held is missing (never expected). */
  const assemble = (wire: WireSamplesPhase, current: Run): SamplesPhase | undefined => {
    const next = new Map<number, RecordValue[]>();
    const records = new Map<string, RecordValue[]>();
    const ahead = new Map<string, Stream>();
    for (const entity of wire.entities) {
      const part = entity.records;
      let list: RecordValue[] | undefined;
      if (part.after !== undefined) {
        // Sent ahead in parts: those, then the rest here.
        const stream = streams.get(part.id);
        if (stream?.records === undefined || stream.records.length !== part.after || part.wire === undefined) return undefined;
        for (const record of unpackRecords(part.wire)) stream.records.push(record);
        list = stream.records;
        ahead.set(entity.name, stream);
      } else list = part.wire !== undefined ? unpackRecords(part.wire) : held.get(part.id);
      if (list === undefined) return undefined;
      next.set(part.id, list);
      records.set(entity.name, list);
    }
    held = next;
    streams = new Map();
    const phase = { phase: 'samples' as const, records, samples: wire.samples };
    if (wire.error !== undefined) return { ...phase, items: [], error: wire.error };
    const design = current.design?.derived?.design;
    // Samples come only after a design; without one (never expected) there is nothing to key them in.
    if (design === undefined) return { ...phase, items: [] };
    try {
      // The items of the parts sent ahead were made as they came: only the rest's are made now.
      for (const [entity, stream] of ahead) {
        if (stream.items === undefined || stream.design !== design || stream.records === undefined) continue;
        for (const item of toItems(design, entity, stream.records.slice(stream.items.length))) stream.items.push(item);
        keepItems(items, design, entity, stream.records, stream.items);
      }
      return { ...phase, items: itemsOf(design, records, items) };
    } catch (error) {
      const bug = internalDiagnostic('making the sample items', error, { subject: {} });
      return { ...phase, records: new Map(), items: [], error: locate(bug, current.design?.sourceMap ?? new Map()) };
    }
  };

  /** From now on the work is done inline: the run on its way is done again there, and the code asked. */
  const breakDown = () => {
    if (inline !== undefined) return;
    inline = fallback();
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    const [current, asked] = [run, code];
    run = undefined;
    code = undefined;
    if (current !== undefined) void inline.analyze(current.request, current.onPhase).then(current.resolve);
    if (asked !== undefined) void inline.generateCode(asked.design).then(asked.resolve);
  };

  worker.onmessage = (event) => {
    const reply = event.data;
    switch (reply.kind) {
      case 'phase': {
        const current = run;
        if (current === undefined || current.id !== reply.id) return;
        if (reply.phase.phase === 'design') {
          const unpacked = unpackDesignPhase(reply.phase, heldDesign);
          if (unpacked === undefined) {
            askAgain(current);
            return;
          }
          heldDesign = unpacked.held;
          current.design = unpacked.phase;
          current.onPhase(unpacked.phase);
          return;
        }
        if (reply.phase.phase === 'lint') {
          current.onPhase(reply.phase);
          return;
        }
        const samples = assemble(reply.phase, current);
        if (samples !== undefined) {
          current.onPhase(samples);
          // Once they are drawn, the worker may review them (the items and the lint): not while the page draws.
          afterFrame(() => {
            if (inline === undefined) worker.postMessage({ kind: 'shown', id: current.id });
          });
          return;
        }
        // A list the worker thought the page held is gone.
        askAgain(current);
        return;
      }
      case 'records': {
        // A part of a long list while the worker makes the rest: its items are made now, while the page waits.
        const current = run;
        if (current === undefined || current.id !== reply.id) return;
        const design = current.design?.derived?.design;
        const stream = streams.get(reply.list) ?? { records: [], items: design === undefined ? undefined : [], design };
        streams.set(reply.list, stream);
        // A part out of order (never expected): the samples phase will find the list short and ask again.
        if (stream.records === undefined || stream.records.length !== reply.from) {
          stream.records = undefined;
          return;
        }
        const records = unpackRecords(reply.wire);
        for (const record of records) stream.records.push(record);
        if (stream.items === undefined || stream.design === undefined) return;
        try {
          for (const item of toItems(stream.design, reply.entity, records)) stream.items.push(item);
        } catch {
          // An engine bug: the samples phase makes them again and reports it.
          stream.items = undefined;
        }
        return;
      }
      case 'done':
        if (run !== undefined && run.id === reply.id) {
          const current = run;
          run = undefined;
          current.resolve();
        }
        return;
      case 'askAgain':
        if (run !== undefined && run.id === reply.id) askAgain(run);
        return;
      case 'failed':
        if (run !== undefined && run.id === reply.id) breakDown();
        return;
      case 'code':
        if (code !== undefined && code.id === reply.id) {
          // The worker no longer has the design named: it goes whole.
          if (reply.result === undefined) {
            worker.postMessage({ kind: 'code', id: code.id, design: code.design });
            return;
          }
          const asked = code;
          code = undefined;
          asked.resolve(reply.result);
        }
        return;
      default: {
        const never: never = reply;
        return never;
      }
    }
  };
  worker.onerror = (event) => {
    // The worker could not start or crashed: finish the work inline from now on.
    event.preventDefault();
    breakDown();
  };

  return {
    analyze: (request, onPhase) => {
      if (inline !== undefined) return inline.analyze(request, onPhase);
      // The run before is superseded: its caller hears no more of it.
      run?.resolve();
      return new Promise((resolve) => {
        run = { id: ++lastId, request, onPhase, resolve };
        send(run);
      });
    },
    generateCode: (design) => {
      if (inline !== undefined) return inline.generateCode(design);
      code?.resolve(undefined);
      return new Promise((resolve) => {
        code = { id: ++lastId, design, resolve };
        // The design the page holds from the worker (the store asks for the design phase's own) is named, not sent.
        const held = heldDesign?.derived?.design === design ? heldDesign.version : undefined;
        worker.postMessage(held === undefined ? { kind: 'code', id: code.id, design } : { kind: 'code', id: code.id, version: held });
      });
    },
  };
}
