import { describe, expect, it } from 'vitest';
import { tokenizeModelLine } from './tokenizeModelLine.ts';

const kinds = (line: string) => tokenizeModelLine(line).tokens.map((t) => [t.kind, t.kind === 'string' ? t.value : t.text]);

describe('tokenizeModelLine', () => {
  it('splits words, punctuation, operators and strings', () => {
    expect(kinds('get: Order by a, b where createdAt>=? "Since a date"')).toEqual([
      ['word', 'get'],
      ['punct', ':'],
      ['word', 'Order'],
      ['word', 'by'],
      ['word', 'a'],
      ['punct', ','],
      ['word', 'b'],
      ['word', 'where'],
      ['word', 'createdAt'],
      ['op', '>='],
      ['punct', '?'],
      ['string', 'Since a date'],
    ]);
  });

  it('keeps numbers and odd names as single words', () => {
    expect(kinds('level: -1.5e+3 | Café | 9x')).toEqual([
      ['word', 'level'],
      ['punct', ':'],
      ['word', '-1.5e+3'],
      ['punct', '|'],
      ['word', 'Café'],
      ['punct', '|'],
      ['word', '9x'],
    ]);
  });

  it('ends the line at # outside strings only', () => {
    expect(kinds('model "a # b" # comment "x"')).toEqual([
      ['word', 'model'],
      ['string', 'a # b'],
    ]);
  });

  it('decodes JSON escapes in strings', () => {
    expect(tokenizeModelLine('"q\\" \\\\ \\n \\u00e9"').tokens[0]?.value).toBe('q" \\ \n é');
  });

  it('reports an unterminated string and keeps what it read', () => {
    const { tokens, errors } = tokenizeModelLine('x "abc');
    expect(errors).toEqual([{ code: 'model.unterminatedString', message: expect.stringContaining('unterminated'), start: 2, end: 6 }]);
    expect(tokens[1]).toMatchObject({ kind: 'string', value: 'abc', start: 2, end: 6 });
  });

  it('reports a bad escape and single quotes', () => {
    expect(tokenizeModelLine('"a\\qb"').errors).toEqual([expect.objectContaining({ code: 'model.syntax', start: 2, end: 4 })]);
    expect(tokenizeModelLine("'a'").errors[0]?.message).toContain('double quotes');
  });

  it('gives 0-based columns', () => {
    expect(tokenizeModelLine('  email: string').tokens.map((t) => [t.start, t.end])).toEqual([
      [2, 7],
      [7, 8],
      [9, 15],
    ]);
  });
});
