// Short tokens that look random but never repeat: the n-th call returns a
// bijective scramble of (offset + n) on 24 bits, as six hex digits. So ids
// need no uniqueness check for the first 16,777,216 calls, and a key
// attribute of 100,000 records costs no retries.
import type { Random } from './createRandom.ts';

const MASK = 0xffffff;

/** A bijection on 24-bit integers (xorshifts and odd multiplications are each invertible mod 2^24). */
function scramble(x: number): number {
  let v = x & MASK;
  v ^= v >>> 13;
  v = Math.imul(v, 0x9e3779) & MASK; // odd
  v ^= v >>> 11;
  v = Math.imul(v, 0x85ebcb) & MASK; // odd
  v ^= v >>> 12;
  return v;
}

export function createIdSequence(random: Random): () => string {
  const offset = random.int(0, MASK);
  let n = 0;
  return () => {
    const token = scramble(offset + n)
      .toString(16)
      .padStart(6, '0');
    // Past 2^24 calls, widen rather than repeat.
    const lap = Math.floor(n / (MASK + 1));
    n++;
    return lap === 0 ? token : `${token}${lap.toString(16)}`;
  };
}
