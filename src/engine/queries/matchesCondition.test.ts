import { describe, expect, it } from 'vitest';
import { matchesCondition } from './matchesCondition.ts';

describe('matchesCondition', () => {
  it('compares numbers numerically, not as text', () => {
    expect(matchesCondition(10, '>', 9)).toBe(true);
    expect(matchesCondition('10', '>', '9')).toBe(false);
    expect(matchesCondition(2.5, '<=', 2.5)).toBe(true);
    expect(matchesCondition(-1, '<', 0)).toBe(true);
  });

  it('compares strings by UTF-8 bytes', () => {
    expect(matchesCondition('\u{1F600}', '>', '\uFFFD')).toBe(true);
    expect(matchesCondition('é', '>', 'z')).toBe(true);
    expect(matchesCondition('2024-05-01', '>=', '2024-04-30')).toBe(true);
  });

  it('treats between as inclusive at both ends and needs a pair', () => {
    expect(matchesCondition(5, 'between', [5, 7])).toBe(true);
    expect(matchesCondition(7, 'between', [5, 7])).toBe(true);
    expect(matchesCondition(8, 'between', [5, 7])).toBe(false);
    expect(matchesCondition('b', 'between', ['a', 'c'])).toBe(true);
    expect(matchesCondition(5, 'between', 5)).toBe(false);
  });

  it('matches begins_with on strings only', () => {
    expect(matchesCondition('naïve café', 'begins_with', 'naï')).toBe(true);
    expect(matchesCondition('naive', 'begins_with', 'naï')).toBe(false);
    expect(matchesCondition(123, 'begins_with', '12')).toBe(false);
  });

  it('never matches across types or on a missing value', () => {
    expect(matchesCondition(1, '=', '1')).toBe(false);
    expect(matchesCondition(true, '=', 'true')).toBe(false);
    expect(matchesCondition(undefined, '=', 'x')).toBe(false);
    expect(matchesCondition(true, '=', true)).toBe(true);
    expect(matchesCondition(true, '>', false)).toBe(true);
  });
});
