// Where the analysis runs: behind this interface, in a Web Worker in the app
// (workerAnalyzer.ts, analysisWorkerClient.ts) or inline in tests and where Worker is missing.
import type { Design } from '../engine/index.ts';
import type { AnalysisPhase, AnalysisRequest, CodeResult } from './analyzeSource.ts';

export interface Analyzer {
  /**
   * Starts analysing `request` and hands each phase to `onPhase` as it is made (design, samples, lint:
   * analyzeSource.ts). A newer call supersedes this run: it stops at its next phase or lint step, and
   * `onPhase` is never called for it again. Resolves once the run is over (finished or superseded).
   */
  analyze: (request: AnalysisRequest, onPhase: (phase: AnalysisPhase) => void) => Promise<void>;
  /** The generated module of a design (asked while the Code view is shown); undefined when a newer call superseded it. */
  generateCode: (design: Design) => Promise<CodeResult | undefined>;
}

/** Lets other tasks run (a newer analyze call, a timer) before the run goes on. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the analysis on the calling thread, a phase per task, like the worker does. The engine's
 * heavy half is imported on first use, so the page's initial JS does not carry it when the worker
 * does the work. Each analyzer keeps its own cache of sample records and items.
 */
export function createInlineAnalyzer(): Analyzer {
  let engine: Promise<typeof import('./analyzeSource.ts')> | undefined;
  const load = () => (engine ??= import('./analyzeSource.ts'));
  let cache: import('./analyzeSource.ts').AnalysisCache | undefined;
  let newest = 0;
  let newestCode = 0;
  return {
    analyze: async (request, onPhase) => {
      const id = ++newest;
      const { runAnalysis, createAnalysisCache } = await load();
      cache ??= createAnalysisCache();
      const superseded = () => id !== newest;
      const emit = (phase: AnalysisPhase) => {
        if (!superseded()) onPhase(phase);
      };
      await runAnalysis(request, cache, { pause: nextTask, superseded, emit });
    },
    generateCode: async (design) => {
      const id = ++newestCode;
      const { generateCode } = await load();
      await nextTask();
      return id === newestCode ? generateCode(design) : undefined;
    },
  };
}
