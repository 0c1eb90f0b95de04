// A worker that answers one request at a time: a request sent while it is busy waits, and only the
// newest waiting one is sent (the older ones are answered with its result, so their callers can see
// they were superseded). If the worker cannot start or crashes, the work is finished `inline` from
// then on. Messages are { id, request } in and { id, result } out.

export function latestOnlyWorker<Request, Result>(worker: Worker, inline: (request: Request) => Promise<Result>): (request: Request) => Promise<Result> {
  type Resolve = (result: Result) => void;
  let nextId = 1;
  let running: { id: number; request: Request; resolvers: Resolve[] } | undefined;
  let waiting: { request: Request; resolvers: Resolve[] } | undefined;
  let broken = false;

  const send = () => {
    if (running || !waiting) return;
    const { request, resolvers } = waiting;
    waiting = undefined;
    if (broken) {
      void inline(request).then((result) => resolvers.forEach((resolve) => resolve(result)));
      return;
    }
    running = { id: nextId++, request, resolvers };
    worker.postMessage({ id: running.id, request });
  };

  worker.onmessage = (event: MessageEvent<{ id: number; result: Result }>) => {
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
      waiting = { request: waiting?.request ?? running.request, resolvers: [...running.resolvers, ...(waiting?.resolvers ?? [])] };
      running = undefined;
    }
    send();
  };

  return (request) =>
    new Promise((resolve) => {
      waiting = { request, resolvers: [...(waiting?.resolvers ?? []), resolve] };
      send();
    });
}
