// The whole derivation the app shows, in phases (runAnalysis): the design and its diagnostics first
// (parse → derive), then the sample records and their items, then the lint's findings; the generated
// code only on demand (generateCode, for the Code view). Each phase is emitted as soon as it is made,
// and a newer request stops the rest of an older run between phases and between lint steps (a rule, or one hot key). What an
// edit did not change is not made again: each entity's records (the engine's sample cache) and items
// are reused from the last run when their inputs are the same. Runs in the analysis worker (or
// inline where there is no Worker); never touches the store.
import {
  createParseCache,
  createPlanCache,
  createSampleCache,
  deriveDesign,
  generateModule,
  generateSampleRecords,
  hasKeyLayout,
  internalDiagnostic,
  lintSteps,
  sampleBudget,
  tableNameOf,
  type Design,
  type DesignLayout,
  type Diagnostic,
  type Item,
  type KeysMode,
  type Model,
  type ParseCache,
  type PlanCache,
  type RecordValue,
  type SampleBudget,
  type SampleCache,
  type SampleOptions,
  type ReadonlySourceMap,
} from '../engine/index.ts';
import { createItemsCache, itemsOf, type ItemsCache } from './analysisItems.ts';
import { locate } from './locateDiagnostic.ts';
import { parseSource } from './parseSource.ts';
import type { SourceFormat } from './types.ts';

/** The seed of the app's sample data: the same model always shows the same items. */
export const SAMPLE_SEED = 'tablewright';

export interface AnalysisRequest {
  text: string;
  format: SourceFormat;
  scale: number;
  /**
   * The design to keep (the last good one's layout): its index names, key attributes, labels and
   * templates stay wherever they still fit, and `design.changes` lists what differs. Absent: derived afresh.
   */
  previous?: DesignLayout;
  /** How GSIs are keyed (`deriveDesign`'s `keys`); absent: composite. */
  keys?: KeysMode;
  /**
   * The deployed design (pinned by the user): derived with `{ previous: deployed, deployed: true }`, so every
   * GSI and template it has is kept and what the live table cannot take is an `evolve.*` error. Wins over `previous`.
   */
  deployed?: DesignLayout;
}

/** First: the source's diagnostics and, when it has no errors, its model and design (without the lint's findings). */
export interface DesignPhase {
  phase: 'design';
  diagnostics: Diagnostic[];
  /** Read only: on the page, the map as it crossed (sourceMapWire.ts). */
  sourceMap: ReadonlySourceMap;
  /** Present only when the source has no errors; then the samples and the lint follow. */
  derived?: { model: Model; design: Design };
}

/** The sample records (entity → records, in model order), as made; the worker sends these. */
export interface RecordsPhase {
  phase: 'samples';
  records: Map<string, RecordValue[]>;
  /** How many sample records the counts asked for and how many were made (at most MAX_SAMPLE_RECORDS). */
  samples: SampleBudget;
  /** An engine bug made the samples fail (located): records and items are empty, and no lint follows. */
  error?: Diagnostic;
}

/** Second: the sample records and their items under the design (every entity's, in model order). */
export interface SamplesPhase extends RecordsPhase {
  items: Item[];
}

/** Last: the design review's findings on those samples. */
export interface LintPhase {
  phase: 'lint';
  /** As the engine gives them: they join `design.diagnostics`. */
  findings: Diagnostic[];
  /** The same, placed in the source (by their model path): they join the editor's diagnostics. */
  located: Diagnostic[];
}

export type AnalysisPhase = DesignPhase | SamplesPhase | LintPhase;

/** The generated AccessPatterns module of a design, or the engine bug that stopped it (on the model line). */
export type CodeResult = { ok: true; code: string } | { ok: false; error: Diagnostic };

/** What a run keeps for the next one: the text's chunks as read, the patterns' plans and each entity's records (the engine's caches), and the items made of them. */
export interface AnalysisCache {
  parse: ParseCache;
  plans: PlanCache;
  samples: SampleCache;
  items: ItemsCache;
}

export function createAnalysisCache(): AnalysisCache {
  return { parse: createParseCache(), plans: createPlanCache(), samples: createSampleCache(), items: createItemsCache() };
}

/** How a run hears of a newer request, and hands on its phases. */
export interface RunControl {
  /** Lets a newer request arrive (a worker's message): awaited between phases and between lint steps. */
  pause: () => Promise<void>;
  /** True once a newer request came: the run stops at once. */
  superseded: () => boolean;
  emit: (phase: AnalysisPhase) => void;
  /**
   * Where the receiver makes the items itself (the page, from the worker's records): the samples phase
   * goes here as soon as the records are made, without items; the run makes its own for the lint.
   */
  emitRecords?: (phase: RecordsPhase) => void;
  /** Told of a long records list while it is made (SampleOptions.progress), to send it on in parts. */
  progress?: SampleOptions['progress'];
  /** Awaited once the records went out (emitRecords), before the run makes its own items and the lint: until the receiver has shown them. */
  shown?: () => Promise<void>;
}

/** Runs the analysis of `request` phase by phase (see the top of this file); ends early when superseded. */
export async function runAnalysis(request: AnalysisRequest, cache: AnalysisCache, control: RunControl): Promise<void> {
  if (control.superseded()) return;
  const first = designPhase(request, cache);
  control.emit(first);
  const derived = first.derived;
  if (derived === undefined) return;
  const { model, design } = derived;
  const { sourceMap } = first;

  await control.pause();
  if (control.superseded()) return;
  const records = recordsPhase(model, request.scale, cache, sourceMap, control.progress);
  await control.pause();
  if (control.superseded()) return;
  if (control.emitRecords !== undefined) {
    control.emitRecords(records);
    if (control.shown !== undefined) await control.shown();
    if (control.superseded()) return;
  }
  const made = records.error === undefined ? withItems(records, design, cache, sourceMap) : { ...records, items: [] };
  if (control.emitRecords === undefined) {
    await control.pause();
    if (control.superseded()) return;
    control.emit(made);
  }
  if (made.error !== undefined) return;

  const findings: Diagnostic[] = [];
  for (const step of lintSteps(design, { records: made.records, items: made.items })) {
    await control.pause();
    if (control.superseded()) return;
    findings.push(...step());
  }
  control.emit({ phase: 'lint', findings, located: findings.map((d) => locate(d, sourceMap)) });
}

/** Parse and derive: the design phase; with `cache`, the last run's reading of the text and plans are taken again where an edit left them. */
export function designPhase(
  { text, format, previous, deployed, keys = 'composite' }: AnalysisRequest,
  cache?: Pick<AnalysisCache, 'parse' | 'plans'>,
): DesignPhase {
  const parsed = parseSource(text, format, cache?.parse);
  const { sourceMap } = parsed;
  if (!parsed.model) return { phase: 'design', diagnostics: parsed.diagnostics, sourceMap };
  const model = parsed.model;
  try {
    // The table is the model's table.name, else named after the model, as the app always has
    // (it has no table name of its own to keep): never the kept layout's name.
    const kept = deployed ?? previous;
    const plans = cache ? { plans: cache.plans } : {};
    const design = deriveDesign(
      model,
      kept
        ? { previous: kept, ...(deployed ? { deployed: true } : {}), tableName: model.table?.name ?? tableNameOf(model.name), keys, ...plans }
        : { keys, ...plans },
    );
    const diagnostics = [...parsed.diagnostics, ...design.diagnostics.map((d) => locate(d, sourceMap))];
    // No key layout (a bug, reported as engine.internal): nothing to key items in; keep the last design.
    if (!hasKeyLayout(design)) return { phase: 'design', diagnostics, sourceMap };
    return { phase: 'design', diagnostics, sourceMap, derived: { model, design } };
  } catch (error) {
    // An engine bug must not take the app down: report it as one, on the model line, and keep the last design.
    return {
      phase: 'design',
      diagnostics: [...parsed.diagnostics, locate(internalDiagnostic('deriving the design', error, { subject: {} }), sourceMap)],
      sourceMap,
    };
  }
}

/**
 * The sample records, within the budget whatever the counts and the scale (`count 100000000` must not
 * stall the page); an entity's records are the last run's when nothing they are made from changed.
 */
export function recordsPhase(
  model: Model,
  scale: number,
  cache: AnalysisCache,
  sourceMap: ReadonlySourceMap,
  progress?: SampleOptions['progress'],
): RecordsPhase {
  const samples = sampleBudget(model, { scale });
  try {
    const records = generateSampleRecords(model, {
      seed: SAMPLE_SEED,
      scale,
      ...(samples.counts ? { counts: samples.counts } : {}),
      cache: cache.samples,
      ...(progress ? { progress } : {}),
    });
    return { phase: 'samples', records, samples };
  } catch (error) {
    return { phase: 'samples', records: new Map(), samples, error: samplesBug(error, sourceMap) };
  }
}

/** The records' items under the design (itemsOf: an entity's kept when its records and templates are); an engine bug empties them. */
export function withItems(phase: RecordsPhase, design: Design, cache: { items: ItemsCache }, sourceMap: ReadonlySourceMap): SamplesPhase {
  try {
    return { ...phase, items: itemsOf(design, phase.records, cache.items) };
  } catch (error) {
    return { ...phase, records: new Map(), items: [], error: samplesBug(error, sourceMap) };
  }
}

/** An engine bug in the sample data or its items must not take the app down: reported on the model line. */
function samplesBug(error: unknown, sourceMap: ReadonlySourceMap): Diagnostic {
  return locate(internalDiagnostic('making the sample records and their items', error, { subject: {} }), sourceMap);
}

/** The generated module of a design (the Code view's), or the engine bug that stopped it. */
export function generateCode(design: Design): CodeResult {
  try {
    return { ok: true, code: generateModule(design) };
  } catch (error) {
    return { ok: false, error: internalDiagnostic('generating the code', error, { subject: {} }) };
  }
}

/** Every phase of one request at once, with the code: for tests and callers that want the whole result. */
export interface AnalysisResult {
  diagnostics: Diagnostic[];
  sourceMap: ReadonlySourceMap;
  /** Present only when the source has no errors. */
  derived?: {
    model: Model;
    /** With the lint's findings after its own diagnostics. */
    design: Design;
    records: Map<string, RecordValue[]>;
    items: Item[];
    code: string;
    samples: SampleBudget;
  };
}

export function analyzeSource(request: AnalysisRequest): AnalysisResult {
  const first = designPhase(request);
  const { sourceMap } = first;
  if (first.derived === undefined) return { diagnostics: first.diagnostics, sourceMap };
  const { model, design } = first.derived;
  const cache = createAnalysisCache();
  const made = withItems(recordsPhase(model, request.scale, cache, sourceMap), design, cache, sourceMap);
  if (made.error !== undefined) return { diagnostics: [...first.diagnostics, made.error], sourceMap };
  const findings = lintSteps(design, { records: made.records, items: made.items }).flatMap((step) => step());
  const code = generateCode(design);
  if (!code.ok) return { diagnostics: [...first.diagnostics, locate(code.error, sourceMap)], sourceMap };
  return {
    diagnostics: [...first.diagnostics, ...findings.map((d) => locate(d, sourceMap))],
    sourceMap,
    derived: {
      model,
      design: findings.length ? { ...design, diagnostics: [...design.diagnostics, ...findings] } : design,
      records: made.records,
      items: made.items,
      code: code.code,
      samples: made.samples,
    },
  };
}
