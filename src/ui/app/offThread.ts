// One job on a text the user brings (a file, a drop, a paste), off the page's thread when the text is
// big: in a Web Worker of its own, ended once it answers. A small text, or a browser where the worker
// cannot start or fails, is served on the page by the same code.

/** Texts longer than this are read in a worker (a 50,000-character model parses in about 20 ms). */
export const OFF_THREAD_CHARS = 50_000;

/** `now(text)` in a worker made by `make` when `text` is big (the worker answers with its result), else on the page. */
export function offThread<T>(text: string, make: () => Worker, now: (text: string) => T | Promise<T>): Promise<T> {
  if (text.length <= OFF_THREAD_CHARS || typeof Worker === 'undefined') return Promise.resolve(now(text));
  let worker: Worker;
  try {
    worker = make();
  } catch {
    return Promise.resolve(now(text));
  }
  return new Promise((resolve) => {
    const done = (result: T | Promise<T>) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<T>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done(now(text));
    };
    worker.postMessage(text);
  });
}
