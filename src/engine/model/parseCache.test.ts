import { describe, expect, it } from 'vitest';
import { createParseCache } from './parseCache.ts';
import { parseModelText } from './parseModelText.ts';

const TEXT = `model "Shop"

entity User key email count 5
  email: string
  plan: "free" | "premium"

entity Order key orderId count 10 belongsTo User via email
  orderId: string
  email: string
  status: string

getUser: User by email returns one
byPlan: User by plan
byStatus: Order by status
`;

describe('the parse cache', () => {
  it('takes every entity and pattern an edit within a line left alone as it was read, and reads the edited chunk again', () => {
    const cache = createParseCache();
    const first = parseModelText(TEXT, { cache }).model;
    const second = parseModelText(TEXT.replace('count 10', 'count 100'), { cache }).model;
    if (!first || !second) throw new Error('no model');
    expect(second.entities[1]?.count).toBe(100);
    expect(second.entities.map((e, i) => e === first.entities[i])).toEqual([true, false]);
    expect(second.patterns.map((p, i) => p === first.patterns[i])).toEqual([true, true, true]);
  });

  it('reads the chunks below an added line again (their lines moved), and keeps those above', () => {
    const cache = createParseCache();
    const first = parseModelText(TEXT, { cache });
    const second = parseModelText(TEXT.replace('getUser:', 'byEmail: User by email\ngetUser:'), { cache });
    if (!first.model || !second.model) throw new Error('no model');
    expect(second.model.entities.map((e, i) => e === first.model?.entities[i])).toEqual([true, true]);
    expect(second.model.patterns.map((p) => p.name)).toEqual(['byEmail', 'getUser', 'byPlan', 'byStatus']);
    expect(second.sourceMap.get('patterns[1].name')).toEqual({ ...first.sourceMap.get('patterns[0].name'), line: 13, endLine: 13 });
  });

  it('keeps only the last parse: a chunk read two parses ago is read again', () => {
    const cache = createParseCache();
    const first = parseModelText(TEXT, { cache }).model;
    parseModelText(TEXT.replace('byPlan: User by plan', 'byPlan: User by plan returns one'), { cache });
    const third = parseModelText(TEXT, { cache }).model;
    expect(third?.patterns.map((p, i) => p === first?.patterns[i])).toEqual([true, false, true]);
    expect(cache.last.size).toBe(5);
  });

  it('takes a chunk of 200,000 lines again (a big model within the size limit), as the first parse read it', () => {
    // Unindented attribute lines under a pattern: one chunk, a pattern and two findings per line.
    const text = `model "m"\nentity A key a\n  a: string\np: A by a\n${'x: string\n'.repeat(199_000)}`;
    const cache = createParseCache();
    const first = parseModelText(text, { cache });
    const again = parseModelText(text, { cache });
    expect(again.diagnostics.length).toBeGreaterThan(390_000);
    expect(again.diagnostics).toHaveLength(first.diagnostics.length);
    expect(again.model).toBeUndefined();
  });
});
