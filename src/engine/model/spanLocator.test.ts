import { describe, expect, it } from 'vitest';
import { spanLocator } from './spanLocator.ts';

describe('spanLocator', () => {
  it('gives 1-based lines and columns with an exclusive end', () => {
    const locate = spanLocator('ab\ncdef\n');
    expect(locate(0, 2)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(locate(4, 6)).toEqual({ line: 2, column: 2, endLine: 2, endColumn: 4 });
  });

  it('treats \\r\\n, \\n and \\r as line breaks, as the editor does', () => {
    const locate = spanLocator('a\r\nb\rc\nd');
    expect(locate(3).line).toBe(2);
    expect(locate(5).line).toBe(3);
    expect(locate(7)).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 1 });
  });

  it('keeps columns inside the line when an offset falls inside a line break', () => {
    const locate = spanLocator('ab\r\ncd');
    expect(locate(3)).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 3 });
  });

  it('clamps offsets outside the text', () => {
    const locate = spanLocator('abc');
    expect(locate(-5, 99)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 4 });
    expect(spanLocator('')(0)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
