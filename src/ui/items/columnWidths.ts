// Pixel widths of the grid's columns, from the header and the longest values
// of a sample of the items (all of them would cost too much at 100,000 items):
// a fixed table layout keeps row heights fixed and pinned offsets exact. And
// which columns are near the view (the others are not drawn).
import type { Item } from '../../engine/index.ts';

/** Approximate width of one character of the grid's 13px font, and padding. */
const CHAR_PX = 7.6;
const HEADER_CHAR_PX = 8.4;
const PADDING_PX = 22;
export const MIN_WIDTH = 64;
export const MAX_WIDTH = 340;
/** Items sampled, evenly spread over the list. */
const SAMPLE = 400;

export function columnWidths(items: readonly Item[], names: readonly string[]): Record<string, number> {
  const step = Math.max(1, Math.floor(items.length / SAMPLE));
  // By each item's own attributes, not every column's: a wide grid's items hold few of its columns.
  const longest = new Map<string, number>(names.map((name) => [name, 0]));
  for (let i = 0; i < items.length; i += step) {
    const item = items[i] as Item;
    for (const name of Object.keys(item)) {
      const seen = longest.get(name);
      if (seen === undefined) continue;
      const value = item[name];
      const length = typeof value === 'string' ? value.length : String(value).length;
      if (length > seen) longest.set(name, length);
    }
  }
  const widths: Record<string, number> = {};
  for (const name of names) {
    // Headers are bold: a little wider per character.
    const px = Math.round(Math.max((longest.get(name) ?? 0) * CHAR_PX, name.length * HEADER_CHAR_PX) + PADDING_PX);
    widths[name] = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, px));
  }
  return widths;
}

/**
 * Narrows the pinned columns, in proportion, so together they take at most
 * `limit` pixels (never below MIN_WIDTH each): in a narrow panel the pinned
 * keys must leave room for the columns that scroll past them.
 */
export function fitPinned(widths: Record<string, number>, pinned: readonly string[], limit: number): Record<string, number> {
  const total = pinned.reduce((sum, name) => sum + (widths[name] ?? 0), 0);
  if (total <= limit || total === 0) return widths;
  const ratio = limit / total;
  const fitted = { ...widths };
  for (const name of pinned) fitted[name] = Math.max(MIN_WIDTH, Math.floor((widths[name] ?? 0) * ratio));
  return fitted;
}

/** Columns drawn beyond either side of the view. */
const OVERSCAN_PX = 480;

/**
 * The columns to draw at this sideways scroll: every pinned one (they stay in view), then
 * those within OVERSCAN_PX of the view; `before` and `after`: the widths of the columns left out.
 */
export function columnWindow(
  widths: readonly number[],
  pinned: number,
  scrollLeft: number,
  viewportWidth: number,
): { columns: number[]; before: number; after: number } {
  const pinnedWidth = widths.slice(0, pinned).reduce((a, b) => a + b, 0);
  const from = scrollLeft + pinnedWidth - OVERSCAN_PX;
  const to = scrollLeft + Math.max(viewportWidth, 1) + OVERSCAN_PX;
  const columns = Array.from({ length: Math.min(pinned, widths.length) }, (_, at) => at);
  let start = pinnedWidth;
  let before = 0;
  let after = 0;
  for (let at = pinned; at < widths.length; at++) {
    const width = widths[at] ?? 0;
    if (start + width <= from) before += width;
    else if (start >= to) after += width;
    else columns.push(at);
    start += width;
  }
  return { columns, before, after };
}
