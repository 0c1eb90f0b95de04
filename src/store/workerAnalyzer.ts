// The analyzer the app uses: one Web Worker (bundled by Vite's `?worker`), so a
// 5,000-line model never blocks typing. A request sent while the worker is busy
// waits; only the newest waiting one is sent (older ones are answered with it).
import AnalysisWorker from './analysis.worker.ts?worker';
import type { AnalysisMessage, AnalysisReply } from './analysis.worker.ts';
import type { AnalysisRequest, AnalysisResult } from './analyzeSource.ts';
import { inlineAnalyzer, type Analyzer } from './analyzer.ts';

interface Waiting {
  request: AnalysisRequest;
  resolvers: ((result: AnalysisResult) => void)[];
}

export function createWorkerAnalyzer(): Analyzer {
  let worker: Worker;
  try {
    worker = new AnalysisWorker();
  } catch {
    return inlineAnalyzer;
  }
  let nextId = 1;
  let running: { id: number; resolvers: ((result: AnalysisResult) => void)[] } | undefined;
  let waiting: Waiting | undefined;
  let broken = false;

  const send = () => {
    if (running || !waiting) return;
    const { request, resolvers } = waiting;
    waiting = undefined;
    if (broken) {
      void inlineAnalyzer.analyze(request).then((result) => resolvers.forEach((resolve) => resolve(result)));
      return;
    }
    running = { id: nextId++, resolvers };
    const message: AnalysisMessage = { id: running.id, request };
    worker.postMessage(message);
  };

  worker.onmessage = (event: MessageEvent<AnalysisReply>) => {
    if (!running || event.data.id !== running.id) return;
    const { resolvers } = running;
    running = undefined;
    resolvers.forEach((resolve) => resolve(event.data.result));
    send();
  };
  worker.onerror = (event) => {
    // The worker could not start or crashed: finish the work inline from now on.
    event.preventDefault();
    broken = true;
    if (running) {
      waiting = { request: waiting?.request ?? lastRequest, resolvers: [...running.resolvers, ...(waiting?.resolvers ?? [])] };
      running = undefined;
    }
    send();
  };

  let lastRequest: AnalysisRequest = { text: '', format: 'text', scale: 1 };
  return {
    analyze: (request) =>
      new Promise((resolve) => {
        lastRequest = request;
        waiting = { request, resolvers: [...(waiting?.resolvers ?? []), resolve] };
        send();
      }),
  };
}
