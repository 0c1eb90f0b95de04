// Where the analysis runs: behind this interface, in a Web Worker in the app
// (see workerAnalyzer.ts) or inline in tests and where Worker is missing.
import type { AnalysisRequest, AnalysisResult } from './analyzeSource.ts';

export interface Analyzer {
  analyze: (request: AnalysisRequest) => Promise<AnalysisResult>;
}

/**
 * Runs the analysis on the calling thread, after the current task like a worker
 * would. The engine's heavy half is imported on first use, so the page's initial
 * JS does not carry it when the worker does the work.
 */
export const inlineAnalyzer: Analyzer = {
  analyze: async (request) => {
    const { analyzeSource } = await import('./analyzeSource.ts');
    return analyzeSource(request);
  },
};
