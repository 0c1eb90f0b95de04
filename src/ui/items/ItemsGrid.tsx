// The items of one index as a virtualized grid: item collections as groups
// (a header row per partition key value), items in sort key order, the key
// attributes and the entity pinned at the start, the selected pattern's result
// highlighted, the last write's rows marked before/after. Only the rows in view are in the DOM; every row has the same
// height, so which rows those are is arithmetic (rowWindow.ts), never a layout read: a scroll to the highlighted row
// draws the rows of the offset it scrolls to in the same commit, so the grid is laid out once for it. Only the columns
// near the view are drawn too, beside the pinned ones (columns have fixed widths): a cell off to the side would cost
// the layout of every update as much as one in view. Rows are known by their item, not their position (rowKey), so a
// row still drawn after the items change keeps its DOM.
// Divs with table roles, not a <table>: the pinned cells of a row sit in one sticky block (a sticky box a row, not a
// cell), and rows are placed at their offset, each laid out on its own. TanStack Table lays out the columns (sizes,
// pinning, headers); the cells are read from the items as they are drawn (its row model would make an object per item,
// 100,000 of them).
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CSSProperties, ReactNode } from 'react';
import { columnPinningFeature, columnSizingFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { Column } from '@tanstack/react-table';
import type { Item } from '../../engine/index.ts';
import { columnWidths, columnWindow, fitPinned } from './columnWidths.ts';
import type { GridColumnNames } from './gridColumnNames.ts';
import type { GridRow, GridRows } from './groupItems.ts';
import { centredTop, rowWindow, sameWindow, totalHeight, type RowWindow } from './rowWindow.ts';
import { keyOfNames } from './tableKey.ts';
import { markLabel, type RowMark } from './writeMarks.ts';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 30;
/**
 * Rows drawn beyond the view either side. Rows are drawn in the frame they scroll in, so this only covers a scroll the
 * compositor runs ahead of the page; each row drawn costs every update its layout and its sticky pinned block
 * (2 rather than 6: the e-commerce keystroke about 10% faster, 75 against 86 ms and 71 against 79 ms in two A/B runs).
 */
const OVERSCAN = 2;
/** The sideways scroll that moves the window of columns (less redraws more often). */
const WINDOW_STEP_PX = 120;
/** Share of the grid's width the pinned columns may take, and the least they get. */
const PINNED_SHARE = 0.55;
const MIN_PINNED_PX = 320;
const GEOMETRY = { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: OVERSCAN };

const features = tableFeatures({ columnSizingFeature, columnPinningFeature });
const helper = createColumnHelper<typeof features, Item>();
type GridColumn = Column<typeof features, Item, unknown>;

export interface ItemsGridProps {
  /** `Items in table`, `Items in GSI1`. */
  label: string;
  items: Item[];
  rows: GridRows;
  columns: GridColumnNames;
  /** Key attributes of the index shown (monospace, like the chart). */
  keyAttributes: readonly string[];
  /** The table's key attributes: an item row is known by its item's table key, so a row that stays drawn when the rows change keeps its DOM. */
  tableKeyAttributes: readonly string[];
  /** Positions in `rows` of the highlighted item rows, in order. */
  highlighted: readonly number[];
  /** Positions in `rows` of the rows the last write marks (before/after). */
  marks?: ReadonlyMap<number, RowMark>;
  /** The row to scroll to instead of the first highlighted one (the write's first mark). */
  scrollTo?: number;
  /** Changes when the grid should scroll to the first highlighted row again (a new result or view). */
  scrollKey: unknown;
}

const NO_MARKS: ReadonlyMap<number, RowMark> = new Map();
const NO_ITEMS: Item[] = [];

/** Drawn again only when a prop changed: a new design with the same items and columns leaves it alone. */
export const ItemsGrid = memo(function ItemsGrid({
  label,
  items,
  rows,
  columns,
  keyAttributes,
  tableKeyAttributes,
  highlighted,
  marks = NO_MARKS,
  scrollTo,
  scrollKey,
}: ItemsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  const names = useMemo(() => [...columns.pinned, ...columns.others], [columns]);
  const natural = useMemo(() => columnWidths(items, names), [items, names]);
  // The scroller's size, as last observed (never read from the layout while drawing); 0 before it is measured.
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  // The pinned keys take at most about half of the grid's width.
  const pinnedLimit = viewport.width === 0 ? Infinity : Math.max(MIN_PINNED_PX, Math.round(viewport.width * PINNED_SHARE));
  const widths = useMemo(() => fitPinned(natural, columns.pinned, pinnedLimit), [natural, columns.pinned, pinnedLimit]);
  const columnDefs = useMemo(
    () =>
      helper.columns(
        names.map((name) =>
          helper.accessor((item: Item) => item[name], {
            id: name,
            header: name,
            size: widths[name] ?? 120,
            cell: (info) => formatValue(info.getValue()),
          }),
        ),
      ),
    [names, widths],
  );
  const columnPinning = useMemo(() => ({ start: columns.pinned, end: [] }), [columns]);
  const table = useTable({
    features,
    columns: columnDefs,
    data: NO_ITEMS,
    state: { columnPinning },
    onColumnPinningChange: noop,
  });

  // The scroller's top the rows are drawn for: moved by a scroll that brings other rows into view, or to centre a row.
  const [top, setTop] = useState(0);
  // Centre the first highlighted row when the result or the view changes (scrollKey), or the rows move under it
  // (new sample items): the rows are drawn for the new top in this same render, and the scroller moved to it before
  // the frame (below), so the grid is laid out once, not once for the old rows and again after the scroll.
  const first = scrollTo ?? highlighted[0];
  const [centred, setCentred] = useState<{ first: number | undefined; scrollKey: unknown }>({ first: undefined, scrollKey: undefined });
  if (first !== undefined && viewport.height > 0 && (centred.first !== first || centred.scrollKey !== scrollKey)) {
    setCentred({ first, scrollKey });
    setTop(centredTop(first, rows.length, viewport.height, GEOMETRY));
  }
  // Fewer rows than before leave no content at the old top: the rows at the end are drawn until the scroller's own clamp arrives.
  const drawnWindow = rowWindow(rows.length, Math.min(top, Math.max(0, totalHeight(rows.length, GEOMETRY) - viewport.height)), viewport.height, GEOMETRY);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element !== null && centred.first !== undefined) element.scrollTop = top;
    // Only a centring moves the scroller: after a scroll's own drawing, the scroller is already where `top` says.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [centred]);

  const highlightedSet = useMemo(() => new Set(highlighted), [highlighted]);

  // What the scroll listener compares against: the window drawn and the figures it was drawn from.
  const lastDrawn = useRef({ window: drawnWindow, count: rows.length, height: viewport.height });
  useLayoutEffect(() => {
    lastDrawn.current = { window: drawnWindow, count: rows.length, height: viewport.height };
  });
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    // Measured once before the first frame (so a row can be centred at once), then on every resize.
    const measure = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setViewport((seen) => (seen.width === width && seen.height === height ? seen : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // Rows are drawn in the frame they scroll into view (flushSync), and only when the window of rows changes.
    const onScroll = () => {
      const { window, count, height } = lastDrawn.current;
      const next = element.scrollTop;
      if (!sameWindow(rowWindow(count, next, height, GEOMETRY), window)) flushSync(() => setTop(next));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);

  // The same array while the columns are the same (what the table is given), so rows that stay in view are not drawn again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const leafColumns = useMemo(() => table.getAllLeafColumns(), [table, columnDefs, columnPinning]);
  const headers = table.getFlatHeaders();
  // The columns drawn: the pinned ones and those near the view.
  const [scrollLeft, setScrollLeft] = useState(0);
  const pinnedCount = columns.pinned.length;
  const layout = useMemo((): RowLayout => {
    const drawn = columnWindow(
      leafColumns.map((column) => column.getSize()),
      pinnedCount,
      scrollLeft,
      viewport.width,
    );
    return { shown: drawn.columns, before: drawn.before, pinned: pinnedCount };
  }, [leafColumns, pinnedCount, scrollLeft, viewport.width]);
  // What each column's cells share (class, width), made once per drawing, not per cell.
  const looks = useMemo((): ColumnLook[] => {
    const keySet = new Set(keyAttributes);
    const lastPinned = columns.pinned[columns.pinned.length - 1];
    return leafColumns.map((column) => ({
      cell: columnClass('tw-grid__cell', column, keySet, lastPinned),
      head: columnClass('tw-grid__head-cell', column, keySet, lastPinned),
      style: { width: column.getSize() },
      width: column.getSize(),
    }));
  }, [leafColumns, keyAttributes, columns.pinned]);
  const bodyHeight = totalHeight(rows.length, GEOMETRY) - HEADER_HEIGHT;
  const keysDrawn = new Set<string>();

  return (
    <div
      className="tw-grid__scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
      onScroll={(event) => {
        const left = event.currentTarget.scrollLeft;
        if (Math.abs(left - scrollLeft) >= WINDOW_STEP_PX) setScrollLeft(left);
      }}
    >
      <div
        className="tw-grid"
        role="table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={leafColumns.length}
        style={{ width: table.getTotalSize() }}
      >
        <div role="rowgroup" className="tw-grid__head">
          <div role="row" aria-rowindex={1} className="tw-grid__row" style={HEADER_STYLE}>
            {rowCells(layout, (at) => {
              const header = headers[at];
              if (header === undefined) return null;
              return (
                <div key={header.id} role="columnheader" aria-colindex={at + 1} className={looks[at]?.head} style={looks[at]?.style}>
                  <table.FlexRender header={header} />
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="tw-grid__body" style={{ height: bodyHeight }}>
          {drawnRows(drawnWindow).map((at) => {
            const row = rows.at(at);
            if (row === undefined) return null;
            const key = rowKey(row, items, tableKeyAttributes, marks.get(at), at, keysDrawn);
            if (row.kind === 'partition') return <PartitionRow key={key} at={at} pk={row.pk} count={row.count} columns={leafColumns.length} />;
            const item = items[row.item];
            if (item === undefined) return null;
            return (
              <ItemRow
                key={key}
                at={at}
                item={item}
                highlighted={highlightedSet.has(at)}
                mark={marks.get(at)}
                columns={leafColumns}
                looks={looks}
                layout={layout}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});

function noop() {}

/**
 * A drawn row's React key: what it shows, not where it is. New sample items move the rows (a user added
 * before the highlighted one shifts every row after it), and a row keyed by its position would be made
 * again with other text, so the whole window laid out afresh; keyed by its item's table key (a partition
 * by its key value), a row still drawn keeps its cells. A write's before row shares its item's key: it
 * is told apart by its side; a key met twice in one drawing falls back to the position.
 */
function rowKey(row: GridRow, items: readonly Item[], names: readonly string[], mark: RowMark | undefined, at: number, drawn: Set<string>): string {
  let key: string;
  if (row.kind === 'partition') key = `p\u0000${row.pk}`;
  else {
    const item = items[row.item];
    key = `${mark?.side === 'before' ? 'b' : 'i'}\u0000${(item === undefined ? undefined : keyOfNames(item, names)) ?? ''}`;
  }
  if (drawn.has(key)) key = `@${at}`;
  drawn.add(key);
  return key;
}

function drawnRows({ start, end }: RowWindow): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/** Which columns a row draws: their positions (the pinned ones first), the width left out before the others, and how many are pinned. */
interface RowLayout {
  shown: number[];
  before: number;
  pinned: number;
}

/** What each column's cells share. */
interface ColumnLook {
  cell: string;
  head: string;
  style: CSSProperties;
  width: number;
}

/**
 * A row's cells: the pinned columns in one block that sticks to the start of the view (one sticky box a row, not one a
 * cell), a gap as wide as the columns left out before the drawn ones, then the drawn ones.
 */
function rowCells(layout: RowLayout, cell: (at: number) => ReactNode): ReactNode[] {
  const pinned: ReactNode[] = [];
  const others: ReactNode[] = [];
  layout.shown.forEach((at, i) => (i < layout.pinned ? pinned : others).push(cell(at)));
  const pins = (
    <div key=" pins" className="tw-grid__pins">
      {pinned}
    </div>
  );
  if (layout.before === 0) return [pins, ...others];
  return [pins, <div key=" gap" aria-hidden="true" className="tw-grid__gap" style={{ width: layout.before }} />, ...others];
}

/** An item collection's header row. */
const PartitionRow = memo(function PartitionRow({ at, pk, count, columns }: { at: number; pk: string; count: number; columns: number }) {
  return (
    <div role="row" aria-rowindex={at + 2} className="tw-grid__row tw-grid__partition" style={rowStyle(at)}>
      <div role="rowheader" aria-colspan={columns} className="tw-grid__group">
        <span className="tw-grid__partition-label">
          <span className="tw-grid__partition-key">{pk}</span>
          <span className="tw-grid__partition-count">
            {count} {count === 1 ? 'item' : 'items'}
          </span>
        </span>
      </div>
    </div>
  );
});

/** One item's row: drawn again only when what it shows changed (a row that stays in view while the grid scrolls is left alone). */
const ItemRow = memo(function ItemRow({
  at,
  item,
  highlighted,
  mark,
  columns,
  looks,
  layout,
}: {
  at: number;
  item: Item;
  highlighted: boolean;
  mark: RowMark | undefined;
  columns: readonly GridColumn[];
  looks: readonly ColumnLook[];
  layout: RowLayout;
}) {
  let rowClass = highlighted ? 'tw-grid__row tw-grid__item tw-grid__item--highlighted' : 'tw-grid__row tw-grid__item';
  if (mark !== undefined) rowClass += ` tw-grid__item--${mark.side} tw-grid__item--${mark.change}`;
  return (
    <div role="row" aria-rowindex={at + 2} {...(highlighted ? { 'aria-selected': true } : {})} className={rowClass} style={rowStyle(at)}>
      {rowCells(layout, (column) => {
        const name = columns[column]?.id;
        const look = looks[column];
        if (name === undefined || look === undefined) return null;
        const value = item[name];
        return (
          <div
            key={name}
            role="cell"
            aria-colindex={column + 1}
            className={mark?.attributes.includes(name) ? `${look.cell} tw-grid__cell--changed` : look.cell}
            style={look.style}
            title={titleOf(value, look.width)}
          >
            {column === 0 && mark !== undefined && <span className="tw-grid__mark">{markLabel(mark)}</span>}
            {formatValue(value)}
          </div>
        );
      })}
    </div>
  );
});

const HEADER_STYLE: CSSProperties = { height: HEADER_HEIGHT };

/** A row's place in the body: rows are placed, not stacked, so a row drawn or dropped moves no other row. */
function rowStyle(at: number): CSSProperties {
  return { top: at * ROW_HEIGHT, height: ROW_HEIGHT };
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** The whole value as a tooltip when the column may be too narrow for it. */
function titleOf(value: unknown, width: number): string | undefined {
  const text = formatValue(value);
  return text.length * 7 > width - 16 ? text : undefined;
}

function columnClass(base: string, column: GridColumn, keys: ReadonlySet<string>, lastPinned: string | undefined): string {
  let name = base;
  if (column.id === lastPinned) name += ' tw-grid__pinned-last';
  if (keys.has(column.id)) name += ' tw-grid__key';
  return name;
}
