// The messages between the page (analysisWorkerClient.ts) and the analysis worker
// (analysisWorkerHost.ts). Each analysis request is sent at once; the worker keeps only the newest
// and stops an older run between its phases. Sample records cross as parts: each entity's records
// array has an id, and a list the page already holds (it says which with each request: `held`)
// crosses as its id alone, so an edit that changes one entity clones only that one; a list that crosses
// goes as columns when its records share one shape (recordsWire.ts), and a long one in parts while it is
// made. Items do not cross: the page makes them from the records (analysisItems.ts), keeping those of
// unchanged entities, and those of a long list's parts as they come.
import type { Design, Diagnostic, SampleBudget } from '../engine/index.ts';
import type { AnalysisRequest, CodeResult, LintPhase } from './analyzeSource.ts';
import type { WireDesignPhase } from './designWire.ts';
import type { WireRecords } from './recordsWire.ts';

/**
 * An entity's records by id: with the records themselves unless the page holds them already. A long list
 * the worker sent ahead in parts while it made it (the `records` replies of this run) has `after`: how many
 * came so, and `wire` holds the rest.
 */
export interface RecordsPart {
  id: number;
  wire?: WireRecords;
  after?: number;
}

/** The samples phase as it crosses: per entity, in model order, its records as a part. */
export interface WireSamplesPhase {
  phase: 'samples';
  samples: SampleBudget;
  entities: { name: string; records: RecordsPart }[];
  error?: Diagnostic;
}

export type WirePhase = WireDesignPhase | WireSamplesPhase | LintPhase;

export type AnalysisMessage =
  /**
   * Analyse `request` (any older run stops); `held`: the ids of the lists the page holds now; `base`: the
   * version of the design phase it holds (none: the design phase comes whole). `previousIsBase`: the request's
   * `previous` is the layout of that design (layoutOf), left out: the worker has it. The 1,000-pattern model's
   * layout took the page 8-10 ms to write on every keystroke.
   */
  | { kind: 'analyze'; id: number; request: AnalysisRequest; held: number[]; base?: number; previousIsBase?: true }
  /**
   * The generated module of `design`, or of the design phase `version` the worker sent when that is the design
   * asked for (the page holds it: a structured clone of the 1,000-pattern design took 31-46 ms in Node). Only the newest
   * such request is answered.
   */
  | { kind: 'code'; id: number; design: Design }
  | { kind: 'code'; id: number; version: number }
  /**
   * The page has drawn the samples of request `id`: the worker's review of them (their items, the lint) starts only
   * now, so that it does not take a core from the page while the page draws them (SHOWN_WAIT_MS at most).
   */
  | { kind: 'shown'; id: number };

export type AnalysisReply =
  | { kind: 'phase'; id: number; phase: WirePhase }
  /**
   * Records of a long list (id `list`, of `entity`) sent ahead while the worker makes the rest: its records from
   * `from` on, so far. The page makes their items meanwhile; the samples phase then names the list with `after`.
   */
  | { kind: 'records'; id: number; list: number; entity: string; from: number; wire: WireRecords }
  /** The run of request `id` is over: finished, or stopped by a newer one. */
  | { kind: 'done'; id: number }
  /** Request `id` named a base the worker does not have for its `previous` (never expected): the page asks again with nothing held. */
  | { kind: 'askAgain'; id: number }
  /** The worker could not finish request `id` (a bug outside the engine's own checks): the page does it itself. */
  | { kind: 'failed'; id: number; error: string }
  /** `result` absent: the code request named a version the worker no longer has (never expected); the page sends the design. */
  | { kind: 'code'; id: number; result?: CodeResult };
