// The one writer of derived engine output. Watches the source and the sample
// scale, runs the analysis off the typing path (debounced, in the analyzer),
// and applies only the result that matches what the store holds now. While the
// source has errors it keeps the last good design and marks it stale. Each
// analysis keeps the last good design's layout (GSI names stay put across
// edits); opening another work starts from the layout it brings, or afresh. The
// key mode (composite or native GSI keys) goes with every analysis; switching it
// derives afresh.
import type { StateCreator, StoreApi } from 'zustand';
import { designLayout } from '../engine/index.ts';
import type { AnalysisRequest, AnalysisResult } from './analyzeSource.ts';
import type { Analyzer } from './analyzer.ts';
import { DEFAULT_KEYS_MODE, layoutFitsKeysMode } from './keysMode.ts';
import { patternResults, refreshParams } from './patternResults.ts';
import type { AnalysisSlice, AppState } from './types.ts';

/** Quiet time after a change (a keystroke, mostly) before the source is analysed. */
export const ANALYSIS_DEBOUNCE_MS = 150;
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
    return {
      diagnostics: [],
      sourceMap: new Map(),
      model: undefined,
      design: undefined,
      stale: false,
      analyzing: false,
      records: new Map(),
      items: [],
      code: '',
      sampleBudget: undefined,
      sampleScale: 1,
      setSampleScale: (scale) => {
        if (!Number.isFinite(scale)) return;
        const clamped = Math.min(MAX_SAMPLE_SCALE, Math.max(MIN_SAMPLE_SCALE, scale));
        if (clamped !== get().sampleScale) set({ sampleScale: clamped });
      },
      keptLayout: undefined,
      deriveAfresh: () => {
        set({ keptLayout: undefined, analyzing: true });
        runNow();
      },
      keysMode: DEFAULT_KEYS_MODE,
      setKeysMode: (mode) => {
        if (mode === get().keysMode) return;
        // The kept layout's GSI keys are of the other kind: derive afresh in the new mode.
        set({ keysMode: mode, keptLayout: undefined, analyzing: true });
        runNow();
      },
    };
  };
}

function watchSource(api: StoreApi<AppState>, analyzer: Analyzer): { runNow: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    timer = undefined;
    const { source, sampleScale, keptLayout, keysMode, deployed } = api.getState();
    // A layout no derivation in this mode makes (a native one in composite mode) is not kept.
    const previous = keptLayout && layoutFitsKeysMode(keptLayout, keysMode) ? keptLayout : undefined;
    // A pinned deployed design is derived against (deployed: true): it replaces the kept layout.
    const request: AnalysisRequest = { text: source.text, format: source.format, scale: sampleScale, keys: keysMode, ...(deployed ? { deployed } : previous ? { previous } : {}) };
    const result = await analyzer.analyze(request);
    const now = api.getState();
    // A newer source is on its way, or the layout to keep or the key mode changed (another work, derive afresh); its own run will apply.
    if (
      now.source.text !== request.text ||
      now.source.format !== request.format ||
      now.sampleScale !== request.scale ||
      now.keptLayout !== keptLayout ||
      now.keysMode !== request.keys ||
      now.deployed !== request.deployed
    ) {
      return;
    }
    api.setState(applyResult(now, result));
  };

  api.subscribe((state, previous) => {
    // Another work: its design starts from the layout it brought, or afresh, in the key mode it brought (else the current one).
    if (state.workStart !== previous.workStart) api.setState({ keptLayout: state.workStart.layout, keysMode: state.workStart.keys ?? state.keysMode });
    const sourceChanged = state.source !== previous.source;
    if (!sourceChanged && state.sampleScale === previous.sampleScale && state.keysMode === previous.keysMode && state.deployed === previous.deployed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), ANALYSIS_DEBOUNCE_MS);
    if (!state.analyzing) api.setState({ analyzing: true });
  });

  return {
    runNow: () => {
      if (timer !== undefined) clearTimeout(timer);
      void run();
    },
  };
}

/** The state after an analysis result: new design, or the old one marked stale. */
export function applyResult(state: AppState, result: AnalysisResult): Partial<AppState> {
  const base = { diagnostics: result.diagnostics, sourceMap: result.sourceMap, analyzing: false };
  const derived = result.derived;
  if (!derived) return { ...base, stale: true };
  const { model, design, records, items, code, samples } = derived;
  const { params, editedParams } = refreshParams({ model, records, params: state.params, edited: state.editedParams });
  const selectedPattern =
    state.selectedPattern !== undefined && model.patterns.some((p) => p.name === state.selectedPattern)
      ? state.selectedPattern
      : model.patterns[0]?.name;
  const gridIndex = design.indexes.some((i) => i.name === state.gridIndex) ? state.gridIndex : 'table';
  const entityFilter =
    state.entityFilter !== undefined && model.entities.some((e) => e.name === state.entityFilter) ? state.entityFilter : undefined;
  return {
    ...base,
    stale: false,
    model,
    design,
    records,
    items,
    code,
    sampleBudget: samples,
    keptLayout: designLayout(design),
    params,
    editedParams,
    selectedPattern,
    gridIndex,
    entityFilter,
    ...patternResults({ design, items, pattern: selectedPattern, params: selectedPattern === undefined ? undefined : params[selectedPattern] }),
  };
}
