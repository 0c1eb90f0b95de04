// The one writer of derived engine output. Watches the source and the sample
// scale and analyses at once (in the analyzer: a worker in the app), the newest
// request only; the analysis answers in phases (the design, then the samples,
// then the lint's findings), and each is applied only while its request is the
// newest and still matches what the store holds. While the source has errors it
// keeps the last good design and marks it stale. Each analysis keeps the last
// good design's layout (GSI names stay put across edits); opening another work
// starts from the layout it brings, or afresh. The key mode (composite or native
// GSI keys) goes with every analysis; switching it derives afresh. The generated
// code is made only while the Code view is shown.
import type { StateCreator, StoreApi } from 'zustand';
import type { Design, DesignLayout, Diagnostic } from '../engine/index.ts';
import type { AnalysisPhase, AnalysisRequest } from './analyzeSource.ts';
import { layoutOf } from './designWire.ts';
import { carryFindings } from './carryFindings.ts';
import { locate } from './locateDiagnostic.ts';
import type { Analyzer } from './analyzer.ts';
import { DEFAULT_KEYS_MODE, layoutFitsKeysMode } from './keysMode.ts';
import { patternResults, refreshParams } from './patternResults.ts';
import type { AnalysisSlice, AppState } from './types.ts';

/** The sample scales the app takes: the items panel offers presets from 0.1× to 50×. */
export const MIN_SAMPLE_SCALE = 0.1;
export const MAX_SAMPLE_SCALE = 50;

/** True for a scale the app takes as it is (setSampleScale clamps others; a restored one is dropped). */
export function isSampleScale(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_SAMPLE_SCALE && value <= MAX_SAMPLE_SCALE;
}

export interface AnalysisSliceOptions {
  analyzer: Analyzer;
}

export function createAnalysisSlice({ analyzer }: AnalysisSliceOptions): StateCreator<AppState, [], [], AnalysisSlice> {
  return (set, get, api) => {
    const { runNow } = watchSource(api, analyzer);
    watchCode(api, analyzer);
    return {
      diagnostics: [],
      sourceMap: new Map(),
      model: undefined,
      design: undefined,
      stale: false,
      analyzing: false,
      sampling: false,
      linting: false,
      carriedFindings: [],
      records: new Map(),
      items: [],
      code: '',
      codeDesign: undefined,
      sampleBudget: undefined,
      sampleScale: 1,
      setSampleScale: (scale) => {
        if (!Number.isFinite(scale)) return;
        const clamped = Math.min(MAX_SAMPLE_SCALE, Math.max(MIN_SAMPLE_SCALE, scale));
        if (clamped !== get().sampleScale) set({ sampleScale: clamped });
      },
      keptLayout: undefined,
      deriveAfresh: () => {
        set({ keptLayout: undefined, ...BUSY });
        runNow();
      },
      keysMode: DEFAULT_KEYS_MODE,
      setKeysMode: (mode) => {
        if (mode === get().keysMode) return;
        // The kept layout's GSI keys are of the other kind: derive afresh in the new mode.
        set({ keysMode: mode, keptLayout: undefined, ...BUSY });
        runNow();
      },
    };
  };
}

/** Every phase of an analysis on its way. */
const BUSY = { analyzing: true, sampling: true, linting: true } as const;

/** A design the lint phase replaced (its findings added) → the design it was made from: the code of one is the other's. */
const lintedFrom = new WeakMap<Design, Design>();
const baseOf = (design: Design): Design => lintedFrom.get(design) ?? design;

/** The design the store shows, the request it came from, and whether its samples and its findings have been applied. */
interface Shown {
  request: AnalysisRequest;
  design: Design;
  samples: boolean;
  lint: boolean;
}

function watchSource(api: StoreApi<AppState>, analyzer: Analyzer): { runNow: () => void } {
  let scheduled = false;
  /** The newest run: the phases of an older one are never applied. */
  let newest = 0;
  let shown: Shown | undefined;

  /** Applies a phase of `request`'s analysis, and notes what the design shown has got. */
  const apply = (now: AppState, request: AnalysisRequest, phase: AnalysisPhase): Partial<AppState> => {
    const next = applyPhase(now, phase);
    if (phase.phase === 'design' && phase.derived !== undefined) shown = { request, design: phase.derived.design, samples: false, lint: false };
    else if (shown !== undefined && phase.phase === 'samples') shown.samples = true;
    else if (shown !== undefined && phase.phase === 'lint') shown.lint = true;
    api.setState(next);
    return next;
  };

  const run = () => {
    scheduled = false;
    const { source, sampleScale, keptLayout, keysMode, deployed } = api.getState();
    // A layout no derivation in this mode makes (a native one in composite mode) is not kept.
    const previous = keptLayout && layoutFitsKeysMode(keptLayout, keysMode) ? keptLayout : undefined;
    // A pinned deployed design is derived against (deployed: true): it replaces the kept layout.
    const request: AnalysisRequest = {
      text: source.text,
      format: source.format,
      scale: sampleScale,
      keys: keysMode,
      ...(deployed ? { deployed } : previous ? { previous } : {}),
    };
    const id = ++newest;
    // The layout the store keeps while this run applies: the one it was asked with, then its own design's.
    let layout: DesignLayout | undefined = keptLayout;
    void analyzer.analyze(request, (phase) => {
      const now = api.getState();
      // A newer source is on its way, or the layout to keep or the key mode changed (another work, derive afresh); its own run will apply.
      if (
        id !== newest ||
        now.source.text !== request.text ||
        now.source.format !== request.format ||
        now.sampleScale !== request.scale ||
        now.keptLayout !== layout ||
        now.keysMode !== request.keys ||
        now.deployed !== request.deployed
      ) {
        return;
      }
      const kept = shown;
      if (phase.phase === 'design' && phase.derived === undefined && kept !== undefined && now.design !== undefined && baseOf(now.design) === kept.design) {
        // Errors: the design shown stays (stale). If newer edits stopped its samples or its findings, they are fetched now.
        api.setState({
          diagnostics: phase.diagnostics,
          carriedFindings: [],
          sourceMap: phase.sourceMap,
          analyzing: false,
          stale: true,
          sampling: !kept.samples,
          linting: !kept.lint,
        });
        if (!kept.samples || !kept.lint) finish(kept);
        return;
      }
      const next = apply(now, request, phase);
      if (next.keptLayout !== undefined) layout = next.keptLayout;
    });
  };

  /** The samples and findings the design shown lacks, from its own request, while the source (with errors) stays as it is. */
  const finish = (kept: Shown) => {
    const id = ++newest;
    void analyzer.analyze(kept.request, (phase) => {
      const now = api.getState();
      if (id !== newest || shown !== kept || now.design === undefined || baseOf(now.design) !== kept.design) return;
      if ((phase.phase === 'samples' && !kept.samples) || (phase.phase === 'lint' && !kept.lint)) apply(now, kept.request, phase);
    });
  };

  // At once, but once for the changes of one task (opening a work sets the source and then the layout it brings).
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(run);
  };

  api.subscribe((state, previous) => {
    // Another work: its design starts from the layout it brought, or afresh, in the key mode it brought (else the current one).
    if (state.workStart !== previous.workStart) api.setState({ keptLayout: state.workStart.layout, keysMode: state.workStart.keys ?? state.keysMode });
    const sourceChanged = state.source !== previous.source;
    if (!sourceChanged && state.sampleScale === previous.sampleScale && state.keysMode === previous.keysMode && state.deployed === previous.deployed) return;
    schedule();
    if (!state.analyzing || !state.sampling || !state.linting) api.setState(BUSY);
  });

  return { runNow: schedule };
}

/** While the Code view is shown, the generated module of the current design, made in the analyzer when the design changed. */
function watchCode(api: StoreApi<AppState>, analyzer: Analyzer): void {
  /** The design whose code was asked for last. */
  let asked: Design | undefined;
  api.subscribe((state) => {
    const design = state.design;
    if (state.activePanel !== 'code' || design === undefined || state.codeDesign === design) return;
    const base = baseOf(design);
    if (asked === base) return;
    asked = base;
    void analyzer.generateCode(base).then((result) => {
      const now = api.getState();
      if (result === undefined || now.design === undefined || baseOf(now.design) !== base) return;
      api.setState(
        result.ok
          ? { code: result.code, codeDesign: now.design }
          : { code: '', codeDesign: now.design, diagnostics: [...now.diagnostics, locate(result.error, now.sourceMap)] },
      );
    });
  });
}

/** The review is done (or none comes): nothing carried from the last one. */
const REVIEWED = { linting: false, carriedFindings: [] } as const;

/** The diagnostics without the findings carried from the last review. */
function withoutCarried({ diagnostics, carriedFindings }: AppState): Diagnostic[] {
  if (carriedFindings.length === 0) return diagnostics;
  const carried = new Set(carriedFindings);
  return diagnostics.filter((d) => !carried.has(d));
}

/** The findings of the last review the store shows: those carried, or the lint's of the design shown. */
function lastFindings({ carriedFindings, design }: AppState): readonly Diagnostic[] {
  if (carriedFindings.length > 0 || design === undefined) return carriedFindings;
  return design.diagnostics.slice(baseOf(design).diagnostics.length);
}

/** The state after one phase of an analysis: the new design (or the old one marked stale), its samples, its lint's findings. */
export function applyPhase(state: AppState, phase: AnalysisPhase): Partial<AppState> {
  switch (phase.phase) {
    case 'design': {
      const base = { diagnostics: phase.diagnostics, sourceMap: phase.sourceMap, analyzing: false, carriedFindings: [] };
      // Errors: the last good design, its samples and findings stay, marked stale; nothing more comes.
      if (!phase.derived) return { ...base, stale: true, sampling: false, linting: false };
      const { model, design } = phase.derived;
      // The last review's findings stay in view, placed in this model, until this design's review replaces them.
      const carriedFindings = carryFindings(lastFindings(state), model, phase.sourceMap);
      const selectedPattern =
        state.selectedPattern !== undefined && model.patterns.some((p) => p.name === state.selectedPattern) ? state.selectedPattern : model.patterns[0]?.name;
      const gridIndex = design.indexes.some((i) => i.name === state.gridIndex) ? state.gridIndex : 'table';
      const entityFilter = state.entityFilter !== undefined && model.entities.some((e) => e.name === state.entityFilter) ? state.entityFilter : undefined;
      // The items, parameters and answers stay the last design's until this one's samples arrive (`sampling`).
      return {
        ...base,
        diagnostics: carriedFindings.length === 0 ? phase.diagnostics : [...phase.diagnostics, ...carriedFindings],
        carriedFindings,
        stale: false,
        model,
        design,
        keptLayout: layoutOf(design),
        selectedPattern,
        gridIndex,
        entityFilter,
      };
    }
    case 'samples': {
      const { records, items, samples, error } = phase;
      const { model, design } = state;
      if (error !== undefined || model === undefined) {
        // Nothing to key: no samples under this design, and no lint (so no findings carried for it either).
        const diagnostics = withoutCarried(state);
        return { records, items, sampleBudget: samples, sampling: false, ...REVIEWED, diagnostics: error ? [...diagnostics, error] : diagnostics };
      }
      const { params, editedParams } = refreshParams({ model, records, params: state.params, edited: state.editedParams });
      const pattern = state.selectedPattern;
      return {
        records,
        items,
        sampleBudget: samples,
        sampling: false,
        params,
        editedParams,
        ...patternResults({ design, items, pattern, params: pattern === undefined ? undefined : params[pattern] }),
      };
    }
    case 'lint': {
      const { design } = state;
      const diagnostics = withoutCarried(state);
      if (design === undefined || phase.findings.length === 0) return { ...REVIEWED, diagnostics };
      const linted = { ...design, diagnostics: [...design.diagnostics, ...phase.findings] };
      lintedFrom.set(linted, baseOf(design));
      return {
        ...REVIEWED,
        design: linted,
        diagnostics: [...diagnostics, ...phase.located],
        ...(state.codeDesign === design ? { codeDesign: linted } : {}),
      };
    }
    default: {
      const never: never = phase;
      return never;
    }
  }
}
