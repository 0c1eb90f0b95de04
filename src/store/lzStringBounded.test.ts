import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressFromEncodedURIComponent } from './lzStringBounded.ts';
import { lzBomb } from '../testing/lzBomb.ts';

function randomText(next: () => number, length: number): string {
  const pieces = ['a', 'b', 'entity ', 'User', ' key ', '\n', '"', 'é', '✓', '\u{1F600}', '#', ' ', '\\', '\u0000', '\uffff'];
  let text = '';
  for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
  return text;
}

describe('bounded lz-string decompression', () => {
  it('reads back exactly what lz-string wrote', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const text = randomText(next, next() % 400);
      const encoded = LZString.compressToEncodedURIComponent(text);
      expect(decompressFromEncodedURIComponent(encoded, Infinity), JSON.stringify(text)).toEqual(text === '' ? { kind: 'damaged' } : { kind: 'ok', text });
    }
  });

  it('reads a cut-short text as damaged or as what lz-string reads, never as something else', () => {
    const encoded = LZString.compressToEncodedURIComponent('model "Shop"\n\nentity User key email\n  email: string\n'.repeat(5));
    for (let cut = 1; cut < encoded.length; cut++) {
      const bounded = decompressFromEncodedURIComponent(encoded.slice(0, cut), Infinity);
      const stock = LZString.decompressFromEncodedURIComponent(encoded.slice(0, cut));
      if (bounded.kind === 'ok') expect(bounded.text, `cut at ${cut}`).toBe(stock);
      else expect([null, ''], `cut at ${cut}`).toContain(stock);
    }
  });

  it('stops at the bound, exactly', () => {
    const encoded = LZString.compressToEncodedURIComponent('x'.repeat(1000));
    expect(decompressFromEncodedURIComponent(encoded, 1000)).toEqual({ kind: 'ok', text: 'x'.repeat(1000) });
    expect(decompressFromEncodedURIComponent(encoded, 999)).toEqual({ kind: 'tooLarge' });
  });

  it('refuses a crafted text that lz-string would expand quadratically', () => {
    const bomb = lzBomb(2000);
    const expanded = LZString.decompressFromEncodedURIComponent(bomb.encoded);
    expect(expanded?.length).toBe(bomb.expandedLength);
    expect(bomb.expandedLength).toBeGreaterThan(2_000_000);
    expect(decompressFromEncodedURIComponent(bomb.encoded, 1_000_000)).toEqual({ kind: 'tooLarge' });
    expect(decompressFromEncodedURIComponent(bomb.encoded, Infinity)).toEqual({ kind: 'ok', text: expanded });
  });

  it('refuses what lz-string never writes', () => {
    expect(decompressFromEncodedURIComponent('', 100)).toEqual({ kind: 'damaged' });
    expect(decompressFromEncodedURIComponent('$$$$', 100)).toEqual({ kind: 'damaged' });
  });
});
