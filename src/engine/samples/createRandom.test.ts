import { describe, expect, it } from 'vitest';
import { createRandom } from './createRandom.ts';

const draw = (seed: string | number, n = 50): number[] => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw('shop')).toEqual(draw('shop'));
    expect(draw(7)).toEqual(draw('7'));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw('shop')).not.toEqual(draw('shop2'));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps next() in [0, 1) and spreads it over the interval', () => {
    const xs = draw('spread', 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('draws int(lo, hi) inclusive at both ends', () => {
    const r = createRandom('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 6);
      expect(Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks only elements of the list and refuses an empty one', () => {
    const r = createRandom('pick');
    const list = ['a', 'b', 'c'] as const;
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) seen.add(r.pick(list));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('chance(0) is never true and chance(1) always', () => {
    const r = createRandom('chance');
    for (let i = 0; i < 200; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
    }
  });

  it('shuffles a copy holding the same elements, leaving the input alone', () => {
    const r = createRandom('shuffle');
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = r.shuffle(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it('forks independent streams: drawing from one fork does not move another', () => {
    const a = createRandom('root');
    const b = createRandom('root');
    a.fork('x').next();
    a.fork('x').next();
    expect(a.fork('y').next()).toBe(b.fork('y').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});
