import { describe, expect, it } from 'vitest';
import { splitWords } from './splitWords.ts';

// The two-step form the engine used before (quadratic on a long run of capitals):
// splitWords must give the same words on every name.
function previousForm(name: string): string {
  const lowerThenUpper = new RegExp('([a-z0-9])([A-Z])', 'g');
  const acronymThenWord = new RegExp('([A-Z]+)([A-Z][a-z])', 'g');
  return name.replace(lowerThenUpper, '$1\u0000$2').replace(acronymThenWord, '$1\u0000$2');
}

describe('splitWords', () => {
  it('splits camelCase, digits before a capital and acronyms', () => {
    expect(splitWords('topScoreDateTime')).toEqual(['top', 'Score', 'Date', 'Time']);
    expect(splitWords('imageURLPath')).toEqual(['image', 'URL', 'Path']);
    expect(splitWords('userID')).toEqual(['user', 'ID']);
    expect(splitWords('GameScore')).toEqual(['Game', 'Score']);
    expect(splitWords('item2Id')).toEqual(['item2', 'Id']);
    expect(splitWords('zip_code')).toEqual(['zip_code']);
    expect(splitWords('ABC')).toEqual(['ABC']);
    expect(splitWords('')).toEqual([]);
  });

  it('agrees with the previous two-regex form on every short name', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'aAbBzZ09_- .é';
    for (let n = 0; n < 20_000; n++) {
      const length = next() % 12;
      let name = '';
      for (let i = 0; i < length; i++) name += alphabet[next() % alphabet.length];
      expect(splitWords(name).join('\u0000'), JSON.stringify(name)).toBe(previousForm(name));
    }
  });
});
