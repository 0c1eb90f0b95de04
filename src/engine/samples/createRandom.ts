// A seeded pseudo-random source (sfc32 seeded by a cyrb128 hash of the seed's
// text). The engine never reads Math.random: every stage that needs chance
// takes one of these, so the same seed always gives the same output.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy of the list (Fisher–Yates); the list itself is left alone. */
  shuffle<T>(list: readonly T[]): T[];
  /**
   * An independent source derived from this one's seed and a label, so that
   * one consumer drawing more numbers does not shift another's.
   */
  fork(label: string): Random;
}

/** cyrb128: four 32-bit words from a string, well mixed. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRandom(seed: string | number): Random {
  // 42 and '42' are the same seed: a seed typed in a form equals one passed in code.
  const seedText = String(seed);
  let [a, b, c, d] = hashSeed(seedText);

  // sfc32
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 still show the seed's structure.
  for (let i = 0; i < 12; i++) next();

  const int = (lo: number, hi: number): number => {
    const low = Math.ceil(Math.min(lo, hi));
    const high = Math.floor(Math.max(lo, hi));
    return low + Math.floor(next() * (high - low + 1));
  };

  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new RangeError('createRandom: pick() from an empty list');
    return list[Math.floor(next() * list.length)] as T;
  };

  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    shuffle,
    fork: (label) => createRandom(`${seedText}/${label}`),
  };
}
