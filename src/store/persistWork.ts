// Autosave of the user's work to localStorage (debounced, flushed when the page
// hides) and its restoration on the next visit. What is read back is checked
// field by field: a damaged entry is ignored, never half-applied.
import {
  DEFAULT_PRICES,
  DEFAULT_TARGET_UTILIZATION,
  numberProblem,
  type DesignLayout,
  type PriceTable,
  type KeysMode,
  type PatternParams,
  type Scalar,
} from '../engine/index.ts';
import { isIdentifier } from '../engine/model/isIdentifier.ts';
import { isSampleScale } from './analysisSlice.ts';
import type { AppStore } from './createAppStore.ts';
import { isTargetUtilization, pricesProblems } from './costSlice.ts';
import { DEFAULT_KEYS_MODE, isKeysMode, layoutFitsKeysMode } from './keysMode.ts';
import { layoutDocument, readLayoutDocument } from './layoutDocument.ts';
import { PANEL_IDS, clampEditorShare, type AppState, type PanelId, type ThemeChoice } from './types.ts';

export const STORAGE_KEY = 'tablewright.work.v1';
export const AUTOSAVE_DELAY_MS = 250;
/**
 * The longest parameter text restored: DynamoDB's largest key value is 2,048 bytes,
 * so a longer one can match nothing (and at least as many bytes as characters).
 */
export const MAX_SAVED_PARAM_CHARS = 2048;

export interface SavedWork {
  source: AppState['source'];
  /** The layout the design keeps (its GSI names and keys), or undefined: derived afresh. */
  layout: DesignLayout | undefined;
  /** How the design keys its GSIs (the layout is one of this mode). */
  keysMode: KeysMode;
  /** The design pinned as deployed (the analysis derives against it), or undefined: none. */
  deployed: DesignLayout | undefined;
  /** True when a deployed design was saved but did not read back whole: it was dropped, and the user is told. */
  deployedDropped?: true;
  sampleScale: number;
  selectedPattern: string | undefined;
  /** Only the parameters the user set; the others come from the sample records again. */
  params: Record<string, PatternParams>;
  gridIndex: string;
  entityFilter: string | undefined;
  theme: ThemeChoice;
  activePanel: PanelId;
  /** Where the splitter between the editor and the panels is (percent). */
  editorShare: number;
  /** The Cost panel's price table and target utilisation. */
  prices: PriceTable;
  targetUtilization: number;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function savedWorkOf(state: AppState): SavedWork {
  const params = Object.fromEntries(state.editedParams.filter((name) => Object.hasOwn(state.params, name)).map((name) => [name, state.params[name] ?? {}]));
  return {
    source: state.source,
    layout: state.keptLayout,
    keysMode: state.keysMode,
    deployed: state.deployed,
    sampleScale: state.sampleScale,
    selectedPattern: state.selectedPattern,
    params,
    gridIndex: state.gridIndex,
    entityFilter: state.entityFilter,
    theme: state.theme,
    activePanel: state.activePanel,
    editorShare: state.editorShare,
    prices: state.prices,
    targetUtilization: state.targetUtilization,
  };
}

export function readSavedWork(storage: KeyValueStorage): SavedWork | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const {
    source,
    design,
    deployed,
    keysMode,
    sampleScale,
    selectedPattern,
    params,
    gridIndex,
    entityFilter,
    theme,
    activePanel,
    editorShare,
    prices,
    targetUtilization,
  } = value;
  if (!isObject(source) || typeof source['text'] !== 'string' || (source['format'] !== 'text' && source['format'] !== 'json')) return undefined;
  // Each setting is what the app itself could have set, or its default: names are model names
  // (identifiers), the scale one the items panel offers, the key mode one of the engine's.
  const keys = isKeysMode(keysMode) ? keysMode : DEFAULT_KEYS_MODE;
  // Checked by the engine's design.json reader: anything but a whole layout is dropped (derived afresh),
  // and so is a layout the key mode could not have made (native GSIs in composite mode).
  const layout = readLayoutDocument(design);
  // The deployed design the same way (in any key mode: the live table's GSIs are what they are).
  const pinned = deployed === undefined ? undefined : readLayoutDocument(deployed);
  return {
    source: {
      text: source['text'],
      format: source['format'],
      ...(source['format'] === 'json' && typeof source['textForm'] === 'string' ? { textForm: source['textForm'] } : {}),
    },
    layout: layout && layoutFitsKeysMode(layout, keys) ? layout : undefined,
    keysMode: keys,
    deployed: pinned,
    ...(deployed !== undefined && pinned === undefined ? { deployedDropped: true as const } : {}),
    sampleScale: isSampleScale(sampleScale) ? sampleScale : 1,
    selectedPattern: isName(selectedPattern) ? selectedPattern : undefined,
    params: readParams(params),
    gridIndex: isName(gridIndex) ? gridIndex : 'table',
    entityFilter: isName(entityFilter) ? entityFilter : undefined,
    theme: theme === 'light' || theme === 'dark' ? theme : 'system',
    activePanel: PANEL_IDS.find((id) => id === activePanel) ?? 'design',
    editorShare: clampEditorShare(editorShare),
    prices: readPrices(prices),
    targetUtilization: isTargetUtilization(targetUtilization) ? targetUtilization : DEFAULT_TARGET_UTILIZATION,
  };
}

/** A whole price table the Cost panel could have set, else the list prices. */
function readPrices(value: unknown): PriceTable {
  if (!isObject(value)) return { ...DEFAULT_PRICES };
  const prices = Object.fromEntries(Object.keys(DEFAULT_PRICES).map((field) => [field, value[field]])) as unknown as PriceTable;
  return pricesProblems(prices).length === 0 ? prices : { ...DEFAULT_PRICES };
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && isIdentifier(value);
}

/** Puts saved work into the store as the starting point (no undo step before it). */
export function restoreWork(store: AppStore, saved: SavedWork): void {
  store.setState({
    source: saved.source,
    // The analysis starts the design from it, in the mode saved, so the GSI names and keys are the ones saved.
    workStart: { layout: saved.layout, keys: saved.keysMode, ...(saved.deployed ? { deployed: saved.deployed } : {}) },
    keysMode: saved.keysMode,
    deployed: saved.deployed,
    past: [],
    future: [],
    canUndo: false,
    canRedo: false,
    sampleScale: saved.sampleScale,
    selectedPattern: saved.selectedPattern,
    params: saved.params,
    editedParams: Object.keys(saved.params),
    gridIndex: saved.gridIndex,
    entityFilter: saved.entityFilter,
    theme: saved.theme,
    activePanel: saved.activePanel,
    editorShare: saved.editorShare,
    prices: saved.prices,
    targetUtilization: saved.targetUtilization,
    ...(saved.deployedDropped
      ? {
          notice: {
            kind: 'error' as const,
            title:
              'The deployed design saved with your work was damaged and could not be read back, so nothing is pinned now. Pin it again (Changes view) before you compare or migrate.',
            details: [],
          },
        }
      : {}),
  });
}

/**
 * Saves the work a moment after each change and at once when the page hides.
 * Returns a function that stops autosaving. `onError` hears of a failed save once.
 */
export function autosave(store: AppStore, storage: KeyValueStorage, onError: (error: unknown) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported = false;
  let last = '';
  const save = () => {
    timer = undefined;
    const json = savedWorkJson(savedWorkOf(store.getState()));
    if (json === last) return;
    try {
      storage.setItem(STORAGE_KEY, json);
      last = json;
    } catch (error) {
      if (!reported) onError(error);
      reported = true;
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.source !== previous.source ||
      state.keptLayout !== previous.keptLayout ||
      state.keysMode !== previous.keysMode ||
      state.deployed !== previous.deployed ||
      state.sampleScale !== previous.sampleScale ||
      state.selectedPattern !== previous.selectedPattern ||
      state.params !== previous.params ||
      state.gridIndex !== previous.gridIndex ||
      state.entityFilter !== previous.entityFilter ||
      state.theme !== previous.theme ||
      state.activePanel !== previous.activePanel ||
      state.editorShare !== previous.editorShare ||
      state.prices !== previous.prices ||
      state.targetUtilization !== previous.targetUtilization;
    if (!changed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  const target = typeof window === 'undefined' ? undefined : window;
  target?.addEventListener('pagehide', flush);
  target?.addEventListener('beforeunload', flush);
  return () => {
    flush();
    unsubscribe();
    target?.removeEventListener('pagehide', flush);
    target?.removeEventListener('beforeunload', flush);
  };
}

/** What autosave writes: the work, its layout as a design.json document under `design`, the deployed one under `deployed`. */
export function savedWorkJson(work: SavedWork): string {
  const { layout, deployed, deployedDropped: _dropped, ...rest } = work;
  return JSON.stringify({ ...rest, ...(layout ? { design: layoutDocument(layout) } : {}), ...(deployed ? { deployed: layoutDocument(deployed) } : {}) });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value a parameter input accepts: text up to MAX_SAVED_PARAM_CHARS, a boolean, or a number DynamoDB stores. */
function isScalar(value: unknown): value is Scalar {
  if (typeof value === 'string') return value.length <= MAX_SAVED_PARAM_CHARS;
  if (typeof value === 'number') return Number.isFinite(value) && numberProblem(value) === undefined;
  return typeof value === 'boolean';
}

// Built with Object.fromEntries: a pattern or attribute named `__proto__` stays data.
// A pattern whose parameters are not all valid is left out: it gets the sample defaults again.
function readParams(value: unknown): Record<string, PatternParams> {
  if (!isObject(value)) return {};
  const patterns: [string, PatternParams][] = [];
  for (const [pattern, params] of Object.entries(value)) {
    if (!isIdentifier(pattern) || !isObject(params)) continue;
    const read: [string, PatternParams[string]][] = [];
    for (const [name, v] of Object.entries(params)) {
      if (!isIdentifier(name)) continue;
      if (isScalar(v)) read.push([name, v]);
      else if (Array.isArray(v) && v.length === 2 && isScalar(v[0]) && isScalar(v[1])) read.push([name, [v[0], v[1]]]);
    }
    if (read.length === Object.keys(params).length) patterns.push([pattern, Object.fromEntries(read)]);
  }
  return Object.fromEntries(patterns);
}
