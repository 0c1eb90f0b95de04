// The whole derivation the app shows, as one pure function: source → diagnostics,
// model, design (with the lint's findings), sample records, items and generated code. Runs in the analysis
// worker (or inline where there is no Worker); never touches the store.
import {
  deriveDesign,
  generateModule,
  generateSampleRecords,
  hasKeyLayout,
  sampleBudget,
  internalDiagnostic,
  tableNameOf,
  toItem,
  type Design,
  type DesignLayout,
  type Diagnostic,
  type Item,
  type KeysMode,
  type Model,
  type RecordValue,
  type SampleBudget,
  type SourceMap,
  withLint,
} from '../engine/index.ts';
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

export interface AnalysisResult {
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  /** Present only when the source has no errors. */
  derived?: {
    model: Model;
    design: Design;
    records: Map<string, RecordValue[]>;
    items: Item[];
    code: string;
    /** How many sample records the counts asked for and how many were made (at most MAX_SAMPLE_RECORDS). */
    samples: SampleBudget;
  };
}

export function analyzeSource({ text, format, scale, previous, deployed, keys = 'composite' }: AnalysisRequest): AnalysisResult {
  const parsed = parseSource(text, format);
  const { sourceMap } = parsed;
  if (!parsed.model) return { diagnostics: parsed.diagnostics, sourceMap };
  const model = parsed.model;
  try {
    // The table is the model's table.name, else named after the model, as the app always has
    // (it has no table name of its own to keep): never the kept layout's name.
    const kept = deployed ?? previous;
    const design = deriveDesign(model, kept ? { previous: kept, ...(deployed ? { deployed: true } : {}), tableName: model.table?.name ?? tableNameOf(model.name), keys } : { keys });
    const designDiagnostics = design.diagnostics.map((d) => locate(d, sourceMap));
    // No key layout (a bug, reported as engine.internal): nothing to key items in; keep the last design.
    if (!hasKeyLayout(design)) return { diagnostics: [...parsed.diagnostics, ...designDiagnostics], sourceMap };
    // Within the budget whatever the counts and the scale: `count 100000000` must not stall the page.
    const samples = sampleBudget(model, { scale });
    const records = generateSampleRecords(model, { seed: SAMPLE_SEED, scale, ...(samples.counts ? { counts: samples.counts } : {}) });
    const items: Item[] = [];
    for (const [entity, list] of records) for (const record of list) items.push(toItem(design, entity, record));
    // The design review (lint) measures these very samples; its findings join the design's warnings, so the
    // Design panel lists them and the editor marks them, placed by their model path like the others.
    const linted = withLint(design, { records, items });
    const diagnostics = [...parsed.diagnostics, ...linted.diagnostics.map((d) => locate(d, sourceMap))];
    return { diagnostics, sourceMap, derived: { model, design: linted, records, items, code: generateModule(design), samples } };
  } catch (error) {
    // An engine bug (sample data, items, the module) must not take the app down:
    // report it as one, on the model line, and keep the last design.
    return { diagnostics: [...parsed.diagnostics, locate(internalDiagnostic('deriving the design, its sample items and its code', error, { subject: {} }), sourceMap)], sourceMap };
  }
}

/**
 * Design diagnostics name a path (`patterns[2]`); give them the span of that path in the source.
 * Those about the whole design (no path) go on the model line.
 */
function locate(d: Diagnostic, sourceMap: SourceMap): Diagnostic {
  if (d.span) return d;
  const span = d.path === undefined ? (sourceMap.get('name') ?? { line: 1, column: 1, endLine: 1, endColumn: 2 }) : sourceMap.get(d.path);
  return span ? { ...d, span } : d;
}
