// The analyzer the app uses: one Web Worker (bundled by Vite's `?worker`), so a
// 5,000-line model never blocks typing. Every request is sent at once; the worker
// answers the newest in phases (analysisWorkerClient.ts, analysisWorkerHost.ts).
import AnalysisWorker from './analysis.worker.ts?worker';
import { createInlineAnalyzer, type Analyzer } from './analyzer.ts';
import { analysisWorkerClient } from './analysisWorkerClient.ts';

export function createWorkerAnalyzer(): Analyzer {
  let worker: Worker;
  try {
    worker = new AnalysisWorker();
  } catch {
    return createInlineAnalyzer();
  }
  return analysisWorkerClient(worker, createInlineAnalyzer);
}
