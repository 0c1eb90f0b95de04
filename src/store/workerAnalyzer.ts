// The analyzer the app uses: one Web Worker (bundled by Vite's `?worker`), so a
// 5,000-line model never blocks typing. A request sent while the worker is busy
// waits; only the newest waiting one is sent (older ones are answered with it).
import AnalysisWorker from './analysis.worker.ts?worker';
import type { AnalysisRequest, AnalysisResult } from './analyzeSource.ts';
import { inlineAnalyzer, type Analyzer } from './analyzer.ts';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

export function createWorkerAnalyzer(): Analyzer {
  let worker: Worker;
  try {
    worker = new AnalysisWorker();
  } catch {
    return inlineAnalyzer;
  }
  return { analyze: latestOnlyWorker<AnalysisRequest, AnalysisResult>(worker, inlineAnalyzer.analyze) };
}
