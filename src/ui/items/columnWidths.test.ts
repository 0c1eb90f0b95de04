import { describe, expect, it } from 'vitest';
import { columnWidths, columnWindow, fitPinned, MAX_WIDTH, MIN_WIDTH } from './columnWidths.ts';

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

describe('columnWindow', () => {
  // Two pinned columns of 100 px, then twenty of 200 px: the unpinned ones start at 200.
  const widths = [100, 100, ...Array.from({ length: 20 }, () => 200)];

  it('draws the pinned columns and those within 480 px of the view, and says how wide the ones left out are', () => {
    const start = columnWindow(widths, 2, 0, 800);
    // The view shows 200–800; drawn up to 1,280: the columns starting at 200, 400, …, 1,200.
    expect(start.columns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(start.before).toBe(0);
    expect(start.after).toBe(200 * 20 - 200 * 6);
    const middle = columnWindow(widths, 2, 2000, 800);
    // Unpinned view 2,200–2,800 (pinned columns cover 2,000–2,200): drawn from 1,720 to 3,280.
    expect(middle.columns).toEqual([0, 1, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(middle.before).toBe(7 * 200);
    expect(middle.before + middle.after + 9 * 200).toBe(20 * 200);
  });

  it('keeps every pinned column at the far end', () => {
    const end = columnWindow(widths, 2, 3400, 800);
    expect(end.columns.slice(0, 2)).toEqual([0, 1]);
    expect(end.columns[end.columns.length - 1]).toBe(21);
    expect(end.after).toBe(0);
  });
});
