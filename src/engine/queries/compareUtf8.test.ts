import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { compareUtf8 } from './compareUtf8.ts';

const byBytes = (a: string, b: string): number => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('compareUtf8', () => {
  it('orders an emoji (above U+FFFF) after U+FFFD, unlike JavaScript string order', () => {
    const emoji = '\u{1F600}';
    const replacement = '\uFFFD';
    expect(emoji < replacement).toBe(true); // UTF-16 order: surrogate 0xD83D < 0xFFFD
    expect(compareUtf8(emoji, replacement)).toBe(1);
    expect(compareUtf8(replacement, emoji)).toBe(-1);
    expect(compareUtf8('a\u{10000}', 'a\uE000')).toBe(1);
  });

  it('orders ASCII before Latin-1 before Greek before CJK', () => {
    const sorted = ['日本', 'β', 'é', 'z', 'Z', 'a'].sort(compareUtf8);
    expect(sorted).toEqual(['Z', 'a', 'z', 'é', 'β', '日本']);
  });

  it('puts a prefix before the longer string and equal strings at zero', () => {
    expect(compareUtf8('USER#', 'USER#a')).toBe(-1);
    expect(compareUtf8('USER#a', 'USER#')).toBe(1);
    expect(compareUtf8('', '')).toBe(0);
    expect(compareUtf8('é\u{1F600}', 'é\u{1F600}')).toBe(0);
  });

  it('agrees with comparing the UTF-8 bytes on a mixed list', () => {
    const words = [
      '',
      'a',
      'a#b',
      'a$',
      'Zoë',
      'zoe',
      'naïve café',
      'β',
      'Ωmega',
      '\uFFFD',
      '\uE000x',
      '\u{1F600}',
      '\u{1F601}',
      '𝔘',
      '日',
      'ab',
      'A',
      '~',
      '\u007F',
      '\u0080',
    ];
    for (const x of words) for (const y of words) expect(Math.sign(compareUtf8(x, y))).toBe(byBytes(x, y));
  });
});
