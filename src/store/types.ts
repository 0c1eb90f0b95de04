// The app state's shape: the contract between the store (src/store) and the
// panels (src/ui). Derived engine output has exactly one writer: the analysis
// slice, which runs parse → derive → samples off the typing path.
import type { Design, Diagnostic, Item, Model, PatternParams, RecordValue, Request, SourceMap } from '../engine/index.ts';

export type SourceFormat = 'text' | 'json';

export interface SourceSlice {
  /** What the editor shows; the user's work (autosaved, undoable). */
  source: { text: string; format: SourceFormat };
  setSource: (text: string, format?: SourceFormat) => void;
  /** Switch the editor between the text form and problem JSON (converting the last good model). */
  setFormat: (format: SourceFormat) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

export interface AnalysisSlice {
  /** Diagnostics of the current source (errors and warnings), located. */
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  /** The last model and design that had no errors; kept while the source has errors. */
  model: Model | undefined;
  design: Design | undefined;
  /** True while the source has errors and `design` is the last good one. */
  stale: boolean;
  /** Sample records (entity → records) and the items they become under `design`. */
  records: Map<string, RecordValue[]>;
  items: Item[];
  /** How many records per entity: a multiplier of each entity's count. */
  sampleScale: number;
  setSampleScale: (scale: number) => void;
}

export interface PatternsSlice {
  selectedPattern: string | undefined;
  /** Parameter values per pattern (defaults come from the sample records). */
  params: Record<string, PatternParams>;
  selectPattern: (name: string | undefined) => void;
  setParams: (pattern: string, params: PatternParams) => void;
  /** The selected pattern's requests and the items they return (evaluated in memory). */
  requests: Request[];
  resultItems: Item[];
  requestError: string | undefined;
}

export interface ItemsViewSlice {
  /** `table` or a GSI name: which index the grid shows. */
  gridIndex: string;
  entityFilter: string | undefined;
  setGridIndex: (index: string) => void;
  setEntityFilter: (entity: string | undefined) => void;
}

export type AppState = SourceSlice & AnalysisSlice & PatternsSlice & ItemsViewSlice;
