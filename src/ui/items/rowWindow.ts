// The grid's rows are all ROW_HEIGHT high below a HEADER_HEIGHT sticky header, so which rows are in view,
// and where to scroll to centre one, are arithmetic: no measuring, no layout read. The grid draws the
// window for the offset it is about to scroll to, in the same commit, so a scroll to a row is laid out once.

/** A range of row positions, `start` included, `end` excluded. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface RowGeometry {
  rowHeight: number;
  headerHeight: number;
  /** Rows drawn beyond the view either side. */
  overscan: number;
}

/** The rows to draw when the scroller's top is at `top` and it shows `height` pixels (0: not yet measured, the screen's height is assumed). */
export function rowWindow(count: number, top: number, height: number, geometry: RowGeometry): RowWindow {
  const shown = height > 0 ? height : FALLBACK_HEIGHT;
  const { rowHeight, headerHeight, overscan } = geometry;
  // Row i spans [headerHeight + i·rowHeight, headerHeight + (i+1)·rowHeight) of the content; the view spans [top, top + shown).
  const first = Math.floor((top - headerHeight) / rowHeight);
  const last = Math.ceil((top + shown - headerHeight) / rowHeight);
  return { start: clamp(first - overscan, 0, count), end: clamp(last + overscan, 0, count) };
}

/** The scroller's top that centres row `row` in the view below the sticky header, within the content's bounds. */
export function centredTop(row: number, count: number, height: number, geometry: RowGeometry): number {
  const { rowHeight, headerHeight } = geometry;
  const centred = headerHeight + row * rowHeight + rowHeight / 2 - (headerHeight + height) / 2;
  return Math.round(clamp(centred, 0, Math.max(0, totalHeight(count, geometry) - height)));
}

/** The content's height: the header and every row. */
export function totalHeight(count: number, geometry: RowGeometry): number {
  return geometry.headerHeight + count * geometry.rowHeight;
}

export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Before the scroller is measured (its first drawing), a tall screen's worth of rows. */
const FALLBACK_HEIGHT = 1_200;

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}
