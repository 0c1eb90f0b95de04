import { describe, expect, it } from 'vitest';
import { centredTop, rowWindow, sameWindow, totalHeight } from './rowWindow.ts';

const geometry = { rowHeight: 28, headerHeight: 30, overscan: 6 };

describe('rowWindow', () => {
  it('draws the rows in view and the overscan after them at the top', () => {
    // 280 px shows the header and rows 0..9 (row 8 spans 254–282, cut at the bottom; row 9 starts below the view).
    expect(rowWindow(1_000, 0, 280, geometry)).toEqual({ start: 0, end: 9 + 6 });
  });

  it('draws the overscan either side in the middle', () => {
    // top 2,830: content 2,830..3,110, rows (2,830-30)/28 = 100 to (3,110-30)/28 = 110.
    expect(rowWindow(1_000, 2_830, 280, geometry)).toEqual({ start: 94, end: 116 });
  });

  it('never runs past the rows there are', () => {
    expect(rowWindow(12, 0, 900, geometry)).toEqual({ start: 0, end: 12 });
    expect(rowWindow(100, totalHeight(100, geometry) - 280, 280, geometry)).toEqual({ start: 100 - 10 - 6, end: 100 });
    expect(rowWindow(0, 0, 280, geometry)).toEqual({ start: 0, end: 0 });
  });

  it('assumes a tall screen before the scroller is measured', () => {
    const window = rowWindow(10_000, 0, 0, geometry);
    expect(window.start).toBe(0);
    expect(window.end).toBeGreaterThan(40);
  });
});

describe('centredTop', () => {
  it('centres a row below the sticky header', () => {
    const height = 310;
    const top = centredTop(500, 10_000, height, geometry);
    // The row's middle, in the view below the header, sits in the middle of what the header leaves.
    const rowMiddle = 30 + 500 * 28 + 14 - top;
    expect(rowMiddle).toBe(30 + (height - 30) / 2);
  });

  it('stays within the content at either end', () => {
    expect(centredTop(0, 10_000, 310, geometry)).toBe(0);
    expect(centredTop(9_999, 10_000, 310, geometry)).toBe(totalHeight(10_000, geometry) - 310);
    expect(centredTop(3, 5, 900, geometry)).toBe(0);
  });

  it('puts the row inside the window drawn for that top', () => {
    for (const row of [0, 7, 500, 9_999]) {
      const top = centredTop(row, 10_000, 400, geometry);
      const window = rowWindow(10_000, top, 400, geometry);
      expect(row).toBeGreaterThanOrEqual(window.start);
      expect(row).toBeLessThan(window.end);
    }
  });
});

describe('sameWindow', () => {
  it('compares both ends', () => {
    expect(sameWindow({ start: 1, end: 5 }, { start: 1, end: 5 })).toBe(true);
    expect(sameWindow({ start: 1, end: 5 }, { start: 1, end: 6 })).toBe(false);
  });
});
