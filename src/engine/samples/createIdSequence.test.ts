import { describe, expect, it } from 'vitest';
import { createIdSequence } from './createIdSequence.ts';
import { createRandom } from './createRandom.ts';

describe('createIdSequence', () => {
  it('gives 200,000 distinct six-hex-digit tokens', () => {
    const next = createIdSequence(createRandom('ids'));
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const t = next();
      expect(t).toMatch(/^[0-9a-f]{6}$/);
      seen.add(t);
    }
    expect(seen.size).toBe(200_000);
  });

  it('does not look sequential and depends on the seed', () => {
    const a = createIdSequence(createRandom('a'));
    const b = createIdSequence(createRandom('b'));
    const xs = [a(), a(), a()];
    expect(new Set(xs.map((x) => x.slice(0, 3))).size).toBeGreaterThan(1);
    expect([b(), b(), b()]).not.toEqual(xs);
  });
});
