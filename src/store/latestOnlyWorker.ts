// A worker that answers one request at a time: a request sent while it is busy waits, and only the
// newest waiting one is sent (the older ones are answered with its result, so their callers can see
// they were superseded). The worker is started (`start`) at the first request: a page that never asks
// starts no thread, and one that asks later does not start it beside the page's own loading. If the worker
// cannot start or crashes (then its thread is ended), the work is finished `inline` from then on. Messages
// are { id, request } in and { id, result } out.

export function latestOnlyWorker<Request, Result>(start: () => Worker, inline: (request: Request) => Promise<Result>): (request: Request) => Promise<Result> {
  type Resolve = (result: Result) => void;
  let nextId = 1;
  let running: { id: number; request: Request; resolvers: Resolve[] } | undefined;
  let waiting: { request: Request; resolvers: Resolve[] } | undefined;
  let broken = false;
  let worker: Worker | undefined;

  /** The worker, started now if it is not yet; undefined once it could not start or crashed. */
  const started = (): Worker | undefined => {
    if (worker !== undefined || broken) return worker;
    try {
      worker = start();
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<{ id: number; result: Result }>) => {
      if (!running || event.data.id !== running.id) return;
      const { resolvers } = running;
      running = undefined;
      resolvers.forEach((resolve) => resolve(event.data.result));
      send();
    };
    worker.onerror = (event) => {
      // The worker could not start or crashed: finish the work inline from now on. An uncaught error does not end
      // a worker's thread, so it is ended here (whatever it might still answer would be ignored anyway).
      event.preventDefault();
      broken = true;
      worker?.terminate();
      worker = undefined;
      if (running) {
        waiting = { request: waiting?.request ?? running.request, resolvers: [...running.resolvers, ...(waiting?.resolvers ?? [])] };
        running = undefined;
      }
      send();
    };
    return worker;
  };

  const send = () => {
    if (running || !waiting) return;
    const { request, resolvers } = waiting;
    waiting = undefined;
    const target = started();
    if (target === undefined) {
      void inline(request).then((result) => resolvers.forEach((resolve) => resolve(result)));
      return;
    }
    running = { id: nextId++, request, resolvers };
    target.postMessage({ id: running.id, request });
  };

  return (request) =>
    new Promise((resolve) => {
      waiting = { request, resolvers: [...(waiting?.resolvers ?? []), resolve] };
      send();
    });
}
