import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.ts';

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt and never passes the cap', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, top, { baseMs: 100, capMs: 10_000 }))).toEqual([99, 199, 399, 799]);
    expect(backoffDelay(20, top, { baseMs: 100, capMs: 5_000 })).toBe(4999);
  });

  it('draws the whole range down to zero (full jitter)', () => {
    expect(backoffDelay(5, () => 0, { baseMs: 100, capMs: 10_000 })).toBe(0);
    expect(backoffDelay(5, () => 0.5, { baseMs: 100, capMs: 10_000 })).toBe(1600);
  });
});
