// The changes computer the app uses: one Web Worker (bundled by Vite's `?worker`), so planning a
// large design's migration never blocks typing; only the newest waiting request is computed.
import ChangesWorker from './changes.worker.ts?worker';
import { inlineChangesComputer, type ChangesComputer, type ChangesRequest, type ChangesResult } from './changesComputer.ts';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

export function createWorkerChangesComputer(): ChangesComputer {
  let worker: Worker;
  try {
    worker = new ChangesWorker();
  } catch {
    return inlineChangesComputer;
  }
  return { compute: latestOnlyWorker<ChangesRequest, ChangesResult>(worker, inlineChangesComputer.compute) };
}
