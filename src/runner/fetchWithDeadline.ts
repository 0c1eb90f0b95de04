// The browser's fetch with a deadline over the whole response, body included.
// The SDK's FetchHttpHandler stops its requestTimeout once the headers arrive
// and never aborts the fetch it gave up on, so an endpoint that sends headers
// (or part of a body) and then stalls would hold the request — and one of the
// browser's few connections to that host — forever. Here the response is read
// to its end before the deadline, or the fetch is aborted and a TimeoutError
// (which the SDK retries like its own) is thrown. DynamoDB's answers are small
// JSON documents (at most about 1 MB), so reading them whole costs nothing.

/** An Error named TimeoutError, the name the SDK gives its own timeouts. */
export function timeoutError(ms: number, what: string): Error {
  const error = new Error(`${what} within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

export function fetchWithDeadline(ms: number, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    try {
      const response = await fetchImpl(input, { ...init, signal: controller.signal });
      const body = await response.arrayBuffer();
      return new Response(response.status === 204 || response.status === 304 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (e) {
      if (timedOut) throw timeoutError(ms, 'No complete answer');
      throw e;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  };
}
