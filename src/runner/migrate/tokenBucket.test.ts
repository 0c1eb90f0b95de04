import { describe, expect, it } from 'vitest';
import { tokenBucket, type TokenBucketClock } from './tokenBucket.ts';

/** A clock that only moves when a taker sleeps: every wait is recorded, none is slept. */
function fakeClock(): TokenBucketClock & { t: number; waits: number[] } {
  const clock = {
    t: 0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
    },
  };
  return clock;
}

describe('tokenBucket', () => {
  it('lets a tenth of a second’s worth through at once, then one token per 1/N s, in order for concurrent takers', async () => {
    const clock = fakeClock();
    const bucket = tokenBucket(100, clock);
    await Promise.all(Array.from({ length: 30 }, () => bucket.take()));
    // 100/s: a burst of 10, then the 11th waits 10 ms, the 12th 20 ms, ... (all reserved at t = 0).
    expect(clock.waits.length).toBe(20);
    expect(clock.waits.map((w) => Math.round(w))).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 10));
  });

  it('holds the rate over time: 1,000 takes at 200/s span 4.9 s of the clock (the first 20 a burst)', async () => {
    const clock = fakeClock();
    const bucket = tokenBucket(200, clock);
    for (let i = 0; i < 1000; i++) {
      const before = clock.waits.length;
      await bucket.take();
      // The taker slept until its slot: move the clock there.
      if (clock.waits.length > before) clock.t += clock.waits[clock.waits.length - 1] ?? 0;
    }
    expect(Math.round(clock.t)).toBe(4900);
  });

  it('an idle bucket saves up no more than its burst', async () => {
    const clock = fakeClock();
    const bucket = tokenBucket(50, clock);
    clock.t = 60_000;
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.waits).toEqual([]);
    await bucket.take();
    expect(clock.waits.map(Math.round)).toEqual([20]);
  });

  it('without a rate never waits; an aborted signal rejects', async () => {
    const bucket = tokenBucket(undefined);
    await bucket.take();
    const abort = new AbortController();
    abort.abort(new Error('stop'));
    await expect(bucket.take(abort.signal)).rejects.toThrow('stop');
    await expect(tokenBucket(1).take(abort.signal)).rejects.toThrow('stop');
    expect(() => tokenBucket(0)).toThrow(RangeError);
  });
});
