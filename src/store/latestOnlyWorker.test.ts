// latestOnlyWorker with a worker in process: it starts at the first request (never beside the page's own
// loading), one request at a time with only the newest waiting one sent, and the inline path when the
// worker cannot start or crashes.
import { describe, expect, it } from 'vitest';
import { latestOnlyWorker } from './latestOnlyWorker.ts';

type Message = { id: number; request: number };

/** A worker that answers `request * 10` when `answer()` is called; counts how often it was started. */
function fakeWorker() {
  const sent: Message[] = [];
  let starts = 0;
  let terminated = 0;
  const worker = {
    onmessage: null as ((event: MessageEvent<{ id: number; result: number }>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (message: Message) => sent.push(message),
    terminate: () => {
      terminated++;
    },
  };
  return {
    start: () => {
      starts++;
      return worker as unknown as Worker;
    },
    starts: () => starts,
    terminated: () => terminated,
    sent,
    answer: () => {
      const message = sent.at(-1);
      if (message === undefined) throw new Error('nothing sent');
      worker.onmessage?.({ data: { id: message.id, result: message.request * 10 } } as MessageEvent<{ id: number; result: number }>);
    },
    crash: () => worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent),
  };
}

const inline = (request: number) => Promise.resolve(-request);

describe('latestOnlyWorker', () => {
  it('starts the worker at the first request, not before, and only once', async () => {
    const fake = fakeWorker();
    const ask = latestOnlyWorker<number, number>(fake.start, inline);
    expect(fake.starts()).toBe(0);
    const first = ask(1);
    expect(fake.starts()).toBe(1);
    fake.answer();
    expect(await first).toBe(10);
    const second = ask(2);
    fake.answer();
    expect(await second).toBe(20);
    expect(fake.starts()).toBe(1);
  });

  it('sends one request at a time: of those asked meanwhile only the newest, whose result all of them get', async () => {
    const fake = fakeWorker();
    const ask = latestOnlyWorker<number, number>(fake.start, inline);
    const first = ask(1);
    const [second, third] = [ask(2), ask(3)];
    expect(fake.sent.map((m) => m.request)).toEqual([1]);
    fake.answer();
    expect(await first).toBe(10);
    expect(fake.sent.map((m) => m.request)).toEqual([1, 3]);
    fake.answer();
    expect([await second, await third]).toEqual([30, 30]);
  });

  it('works inline when the worker cannot start', async () => {
    const ask = latestOnlyWorker<number, number>(() => {
      throw new Error('no workers here');
    }, inline);
    expect(await ask(4)).toBe(-4);
    expect(await ask(5)).toBe(-5);
  });

  it('finishes the request on its way inline when the worker crashes, ends its thread, and stays inline', async () => {
    const fake = fakeWorker();
    const ask = latestOnlyWorker<number, number>(fake.start, inline);
    const first = ask(6);
    expect(fake.terminated()).toBe(0);
    fake.crash();
    expect(fake.terminated()).toBe(1);
    expect(await first).toBe(-6);
    expect(await ask(7)).toBe(-7);
    expect(fake.sent.map((m) => m.request)).toEqual([6]);
    expect(fake.starts()).toBe(1);
    expect(fake.terminated()).toBe(1);
  });
});
