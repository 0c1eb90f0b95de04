// The app state's shape: the contract between the store (src/store) and the
// panels (src/ui). Derived engine output has exactly one writer: the analysis
// slice, which runs parse → derive, samples, lint (and the code, on demand) off the typing path.
import type {
  CostReport,
  Design,
  DesignDiff,
  DesignLayout,
  Diagnostic,
  IndexChanges,
  Item,
  KeysMode,
  MigrationPlan,
  Model,
  PatternParams,
  PriceTable,
  RecordValue,
  Request,
  SampleBudget,
  SentRequest,
  ReadonlySourceMap,
  WriteCall,
  WriteChange,
  WriteOperation,
  WriteOutcome,
} from '../engine/index.ts';

export type SourceFormat = 'text' | 'json';

/** The user's work: what the editor shows and in which form. */
export interface Source {
  text: string;
  format: SourceFormat;
  /**
   * Problem JSON converted from the text form: that text, whose `#` comments and blank lines
   * (which JSON cannot hold) come back when it is converted to text again (engine carryComments).
   * Kept while the JSON is edited, autosaved with the source; the JSON itself stays plain FORMAT.md.
   */
  textForm?: string;
}

/**
 * Where a work's design starts: the layout it brought (a share link's, the autosaved one) or none
 * (derived afresh). A new object whenever another work is opened, or undo/redo goes back across an
 * opening (then with the layout that work had when it was left); the analysis starts from it.
 */
export interface WorkStart {
  layout: DesignLayout | undefined;
  /** The key mode the work brought (a share link's, the autosaved one, the one it was left in); absent: the current mode stays. */
  keys?: KeysMode;
  /** The deployed design the work has pinned (a share link's, the autosaved one, the one it had when left); absent: none. */
  deployed?: DesignLayout;
}

export interface SourceSlice {
  /** What the editor shows; the user's work (autosaved, undoable). */
  source: Source;
  workStart: WorkStart;
  /**
   * Typing: replaces the text. Edits less than a moment apart coalesce into one undo step;
   * a changed format always starts a new one.
   */
  setSource: (text: string, format?: SourceFormat) => void;
  /**
   * Opens another work (example, opened file, share link) as one undo step of its own: its design
   * is derived afresh, or keeps `layout` when the work brings one (a share link's), in the key mode
   * `keys` when it brings one (else the current mode stays), against the deployed design `deployed`
   * when it brings one (else none is pinned). Opening the source already shown does nothing, unless it
   * brings another layout, key mode or deployed design.
   */
  openSource: (source: Source, layout?: DesignLayout, keys?: KeysMode, deployed?: DesignLayout) => void;
  /**
   * Switch the editor between the text form and problem JSON (converting the model of the
   * current source). Refused, with a notice, while the source has errors.
   */
  setFormat: (format: SourceFormat) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Earlier and later sources (most recent last in `past`, next first in `future`). */
  past: Source[];
  future: Source[];
}

export interface AnalysisSlice {
  /** Diagnostics of the current source (errors and warnings), located. */
  diagnostics: Diagnostic[];
  sourceMap: ReadonlySourceMap;
  /** The last model and design that had no errors; kept while the source has errors. */
  model: Model | undefined;
  design: Design | undefined;
  /** True while the source has errors and `design` is the last good one. */
  stale: boolean;
  /** True from a change of the source until its design (or its errors) has arrived: `diagnostics` are this source's. */
  analyzing: boolean;
  /**
   * True from a change until the sample records and items of its design have arrived; meanwhile
   * `records`, `items`, `sampleBudget`, the parameters and the pattern's answer are the last design's.
   */
  sampling: boolean;
  /** True from a change until the lint's findings on those samples have joined `design.diagnostics` and `diagnostics`. */
  linting: boolean;
  /**
   * While `linting`: the last review's findings, placed in this design's model (carryFindings.ts), and also at the end
   * of `diagnostics`; the Design panel lists them after `design.diagnostics`. The review's own findings replace them.
   */
  carriedFindings: readonly Diagnostic[];
  /** Sample records (entity → records) and the items they become under `design`. */
  records: Map<string, RecordValue[]>;
  items: Item[];
  /** How many sample records the counts and scale asked for, and how many were made (capped at MAX_SAMPLE_RECORDS). */
  sampleBudget: SampleBudget | undefined;
  /**
   * The generated AccessPatterns module of `codeDesign`: made only while the Code view is shown, again
   * whenever the design changes there ('' until first made).
   */
  code: string;
  /** The design `code` was generated from: `design` once the code is current. */
  codeDesign: Design | undefined;
  /** How many records per entity: a multiplier of each entity's count. */
  sampleScale: number;
  setSampleScale: (scale: number) => void;
  /**
   * The layout the next analysis keeps (`deriveDesign(model, { previous })`): the last good design's,
   * or the one its work started from. Undefined derives afresh (fewest GSIs). Part of the user's
   * work: autosaved and carried in share links, so GSI names survive edits, reloads and links.
   */
  keptLayout: DesignLayout | undefined;
  /** Derives the design again without keeping the previous one: fewest GSIs, but GSI names and keys may change. */
  deriveAfresh: () => void;
  /**
   * How the design keys its GSIs (`deriveDesign(model, { keys })`): one composite string attribute per
   * key, or the items' own attributes wherever DynamoDB allows. Part of the user's work: autosaved and
   * carried in share links.
   */
  keysMode: KeysMode;
  /** Switches the key mode and derives afresh: a kept layout of the other mode is not kept (its GSI keys change kind). */
  setKeysMode: (mode: KeysMode) => void;
}

export interface PatternsSlice {
  selectedPattern: string | undefined;
  /** Parameter values per pattern (defaults come from the sample records). */
  params: Record<string, PatternParams>;
  /** Patterns whose parameters the user set (the others follow the sample records). */
  editedParams: string[];
  selectPattern: (name: string | undefined) => void;
  setParams: (pattern: string, params: PatternParams) => void;
  /** Back to the sample-record defaults. */
  resetParams: (pattern: string) => void;
  /** The selected pattern's requests and the items they return (evaluated in memory). */
  requests: Request[];
  resultItems: Item[];
  requestError: string | undefined;
}

/** How an update treats one attribute: leaves it, sets it to the value typed, or removes it (optional attributes). */
export type UpdateMode = 'keep' | 'set' | 'remove';

/** The tests a write's condition may state on one attribute (the runtime's `if`). */
export const CONDITION_TESTS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'beginsWith', 'exists', 'notExists'] as const;
export type ConditionTest = (typeof CONDITION_TESTS)[number];

/** One test of a write's condition as the user set it. */
export interface ConditionDraft {
  attribute: string;
  test: ConditionTest;
  /** The value typed (none for exists / notExists). */
  text: string;
}

/** The Writes view's form for one entity, as typed: parsed only when the write runs. */
export interface WriteDraft {
  operation: WriteOperation;
  /** What the user typed, by field: `key.<name>`, `record.<name>`, `set.<name>`, `add.<name>`, `version`. */
  texts: Record<string, string>;
  /** update: per attribute (`set.<name>`), what happens to it; absent: keep. */
  modes: Record<string, UpdateMode>;
  conditions: ConditionDraft[];
}

/** A write run in memory and everything it did. */
export interface LastWrite {
  call: WriteCall;
  requests: SentRequest[];
  outcome: WriteOutcome;
  /** Every item it changed (records' items and guard items), before and after. */
  changes: WriteChange[];
  /** What that did to each index's entries. */
  indexes: IndexChanges[];
}

export interface WritesSlice {
  /** The entity the Writes view writes. */
  writeEntity: string | undefined;
  /** The form per entity (kept while the user looks elsewhere). */
  writeDrafts: Record<string, WriteDraft>;
  setWriteEntity: (entity: string | undefined) => void;
  setWriteDraft: (entity: string, draft: WriteDraft) => void;
  /**
   * Every item of the sample table as the writes left it, guard items included; undefined while no
   * write changed anything (the sample items as generated).
   */
  writeTable: Item[] | undefined;
  /** The records' items of `writeTable`: what the items grid and the patterns read instead of `items`. */
  writtenItems: Item[] | undefined;
  lastWrite: LastWrite | undefined;
  /** True while a write runs. */
  writing: boolean;
  /** True when a new analysis replaced the sample items the writes had changed (they are gone). */
  writesDropped: boolean;
  /** Runs one write on the sample table in memory (through the write runtime). */
  runWrite: (call: WriteCall) => Promise<void>;
  /** Back to the sample items as generated: every write undone. */
  resetSampleData: () => void;
}

export interface ItemsViewSlice {
  /** `table` or a GSI name: which index the grid shows. */
  gridIndex: string;
  entityFilter: string | undefined;
  setGridIndex: (index: string) => void;
  setEntityFilter: (entity: string | undefined) => void;
  /** Show only the entries the last write changed (before and after). */
  onlyWriteChanges: boolean;
  setOnlyWriteChanges: (only: boolean) => void;
}

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The panels beside the editor. */
export type PanelId = 'design' | 'items' | 'patterns' | 'writes' | 'cost' | 'code' | 'changes' | 'run';
export const PANEL_IDS: readonly PanelId[] = ['design', 'items', 'patterns', 'writes', 'cost', 'code', 'changes', 'run'];

/**
 * What the design costs a month (the engine's costReport) at the user's prices: computed off the
 * typing path (in a worker) while the Cost panel is shown, again whenever the design, the prices or
 * the target utilisation change; a computation a newer one supersedes is dropped.
 */
export interface CostSlice {
  /** The price table the design is costed at (autosaved with the work). */
  prices: PriceTable;
  /** Of provisioned capacity, above 0 and at most 1 (autosaved with the work). */
  targetUtilization: number;
  /** Takes a price table priceTableProblems finds nothing wrong with; returns its problems (then nothing changes). */
  setPrices: (prices: PriceTable) => string[];
  /** Back to DEFAULT_PRICES. */
  resetPrices: () => void;
  /** Takes a utilisation above 0 and at most 1; anything else is ignored. */
  setTargetUtilization: (utilization: number) => void;
  /** The last report computed (kept while a newer one is computed or when it fails). */
  costReport: CostReport | undefined;
  /** Why the last computation failed (cleared by the next that succeeds). */
  costError: string | undefined;
  /** True from a change of what the report depends on (while the Cost panel is shown) until its report has arrived. */
  costing: boolean;
}

/** A message for the user about something the app did or refused to do. */
export interface Notice {
  kind: 'info' | 'error';
  title: string;
  /** Further lines, e.g. located errors (`line 3, col 7: ...`). */
  details: string[];
}

export interface UiSlice {
  notice: Notice | undefined;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
  /** Which panel is shown beside the editor. */
  activePanel: PanelId;
  setActivePanel: (panel: PanelId) => void;
  /** The editor's share of the workspace in percent (its width beside the panels, or its height above them on a narrow screen). */
  editorShare: number;
  setEditorShare: (share: number) => void;
}

export const DEFAULT_EDITOR_SHARE = 40;
export const MIN_EDITOR_SHARE = 20;
export const MAX_EDITOR_SHARE = 70;

/** A whole percentage the splitter can take; anything else (NaN, a string) is the default. */
export function clampEditorShare(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_EDITOR_SHARE;
  return Math.round(Math.min(MAX_EDITOR_SHARE, Math.max(MIN_EDITOR_SHARE, value)));
}

/**
 * The deployed design (deploySlice.ts): a layout pinned as the one the live table has. While pinned,
 * every analysis derives against it as deployed. Part of the work: autosaved and carried in share links.
 */
export interface DeploySlice {
  deployed: DesignLayout | undefined;
  /**
   * Pins `layout` (a migrated design's), or the current design's layout; refused with a notice when there is
   * none (the model has errors). True when it pinned.
   */
  markDeployed: (layout?: DesignLayout) => boolean;
  /** Pins the layout of a design.json's text; when it is not one, a notice with its located errors and nothing changes. */
  loadDeployed: (text: string, fileName: string) => boolean;
  unpinDeployed: () => void;
}

/** The figures of the Changes view, for the design `design` (the migration's TO) against the deployed `deployed`. */
export interface DeployedChanges {
  design: Design;
  deployed: DesignLayout;
  rate: number;
  dropUnused: boolean;
  prices: PriceTable;
  /** The deployed layout planned with the current model: the migration's FROM. */
  from: Design;
  plan: MigrationPlan;
  diff: DesignDiff;
}

/**
 * What differs from the deployed design and the migration plan (changesSlice.ts), computed off the
 * typing path while a design is pinned and the Changes view or the Run panel is shown.
 */
export interface ChangesSlice {
  /** Items per second: the backfill's time in the Changes view, and its limit when the Run panel runs it. */
  migrationRate: number;
  /** Takes a rate above 0 (isMigrationRate); anything else is ignored. */
  setMigrationRate: (rate: number) => void;
  /** Whether the plan deletes the GSIs no pattern reads any more (last, after the verify). */
  dropUnused: boolean;
  setDropUnused: (drop: boolean) => void;
  /** The last figures computed (kept while newer ones are computed or when they fail). */
  changes: DeployedChanges | undefined;
  changesError: string | undefined;
  computingChanges: boolean;
}

export type AppState = SourceSlice & AnalysisSlice & PatternsSlice & WritesSlice & ItemsViewSlice & UiSlice & CostSlice & DeploySlice & ChangesSlice;
