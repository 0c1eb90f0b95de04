// The changes computer the app uses: one Web Worker (bundled by Vite's `?worker`), so planning a
// large design's migration never blocks typing; only the newest waiting request is computed. It starts
// at the first request (a pinned design's changes shown), not beside the page's own loading.
import ChangesWorker from './changes.worker.ts?worker';
import { inlineChangesComputer, type ChangesComputer, type ChangesRequest, type ChangesResult } from './changesComputer.ts';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

export function createWorkerChangesComputer(): ChangesComputer {
  return { compute: latestOnlyWorker<ChangesRequest, ChangesResult>(() => new ChangesWorker(), inlineChangesComputer.compute) };
}
