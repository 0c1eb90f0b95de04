import { describe, expect, it } from 'vitest';
import { linearScale, logScale, logTicks, niceTicks } from './chartScale.ts';

describe('chart scales', () => {
  it('maps linearly, a y axis upside down', () => {
    const y = linearScale([0, 200], [300, 100]);
    expect([0, 100, 200].map(y)).toEqual([300, 200, 100]);
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });

  it('gives round ticks from 0 past the largest value', () => {
    expect(niceTicks(119.67)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(28.81)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('gives the powers of ten around a range, and maps by logarithm', () => {
    expect(logTicks(0.5, 11.5)).toEqual([0.1, 1, 10, 100]);
    expect(logTicks(1, 1)).toEqual([1, 10]);
    const x = logScale([0.1, 100], [0, 300]);
    expect([0.1, 1, 10, 100].map(x)).toEqual([0, 100, 200, 300]);
    expect(x(0)).toBe(0);
  });
});
