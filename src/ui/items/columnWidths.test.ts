import { describe, expect, it } from 'vitest';
import { columnWidths, fitPinned, MAX_WIDTH, MIN_WIDTH } from './columnWidths.ts';

describe('columnWidths', () => {
  it('makes a column with longer values wider', () => {
    const widths = columnWidths([{ a: 'x', b: 'a much longer value' }], ['a', 'b']);
    expect(widths['b']).toBeGreaterThan(widths['a']!);
  });

  it('keeps every width between the minimum and the maximum', () => {
    const widths = columnWidths([{ a: 'x'.repeat(500), b: 1 }], ['a', 'b']);
    expect(widths['a']).toBe(MAX_WIDTH);
    expect(widths['b']).toBe(MIN_WIDTH);
  });

  it('is at least as wide as the header for a column no item has', () => {
    const widths = columnWidths([], ['aVeryLongAttributeName']);
    expect(widths['aVeryLongAttributeName']).toBeGreaterThan(MIN_WIDTH);
  });
});

describe('fitPinned', () => {
  it('narrows the pinned columns in proportion to fit the limit and leaves the others', () => {
    const fitted = fitPinned({ PK: 300, SK: 300, _type: 100, name: 200 }, ['PK', 'SK', '_type'], 350);
    expect(fitted['PK']).toBe(150);
    expect(fitted['_type']).toBe(MIN_WIDTH);
    expect(fitted['name']).toBe(200);
  });

  it('changes nothing when the pinned columns already fit', () => {
    const widths = { PK: 100, SK: 100 };
    expect(fitPinned(widths, ['PK', 'SK'], 500)).toBe(widths);
  });
});
