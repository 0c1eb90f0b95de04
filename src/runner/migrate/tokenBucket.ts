// A token bucket for the backfill's rate (`--rate N` items a second): each item
// takes a token before it is read into an update; tokens come at N a second, and
// at most a tenth of a second's worth (at least one) may be saved up, so the rate
// holds over any short window. Concurrent takers are served in order: each
// reserves the next free slot before it waits.
import { sleep } from '../sleep.ts';

export interface TokenBucket {
  /** Resolves when the caller may go on; rejects with the signal's reason when it aborts first. */
  take(signal?: AbortSignal): Promise<void>;
}

/** No limit: every take resolves at once. */
const UNLIMITED: TokenBucket = { take: (signal) => (signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve()) };

export interface TokenBucketClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const REAL_CLOCK: TokenBucketClock = { now: () => performance.now(), sleep };

export function tokenBucket(ratePerSecond: number | undefined, { now, sleep: wait }: TokenBucketClock = REAL_CLOCK): TokenBucket {
  if (ratePerSecond === undefined || !Number.isFinite(ratePerSecond)) return UNLIMITED;
  if (!(ratePerSecond > 0)) throw new RangeError(`a rate must be above 0 items a second, got ${ratePerSecond}`);
  const interval = 1000 / ratePerSecond;
  const burst = Math.max(1, Math.floor(ratePerSecond / 10));
  // A new bucket is full.
  let next = Number.NEGATIVE_INFINITY;
  return {
    async take(signal) {
      signal?.throwIfAborted();
      const t = now();
      // A slot no earlier than `burst` intervals before now: an idle bucket holds at most `burst` tokens.
      const slot = Math.max(next, t - (burst - 1) * interval);
      next = slot + interval;
      if (slot > t) await wait(slot - t, signal);
    },
  };
}
