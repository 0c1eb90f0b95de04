// The items of one index as a virtualized grid: item collections as groups
// (a header row per partition key value), items in sort key order, the key
// attributes and the entity pinned at the start, the selected pattern's result
// highlighted, the last write's rows marked before/after. Only the rows in view are in the DOM; every row has the same
// height, so the virtualizer needs no measuring. A wide grid (more than COLUMN_WINDOW_FROM columns: a large
// single-table design) keeps only the columns in view too, beside the pinned ones; columns have fixed widths.
// TanStack Table lays out the columns (sizes, pinning, headers); the cells are read from the items as they
// are drawn (its row model would make an object per item, 100,000 of them).
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { columnPinningFeature, columnSizingFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { Column } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Item } from '../../engine/index.ts';
import { columnWidths, columnWindow, fitPinned } from './columnWidths.ts';
import type { GridColumnNames } from './gridColumnNames.ts';
import type { GridRow } from './groupItems.ts';
import { markLabel, type RowMark } from './writeMarks.ts';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 30;
/** Rows drawn beyond the view either side (rows are drawn in the frame they scroll in; fewer rows, less to lay out and paint). */
const OVERSCAN = 6;
/** From this many columns, only those in view (and a margin either side: columnWindow) are drawn, beside the pinned ones. */
const COLUMN_WINDOW_FROM = 48;
/** The sideways scroll that moves the window of columns (less redraws more often). */
const WINDOW_STEP_PX = 120;
/** Share of the grid's width the pinned columns may take, and the least they get. */
const PINNED_SHARE = 0.55;
const MIN_PINNED_PX = 320;

const features = tableFeatures({ columnSizingFeature, columnPinningFeature });
const helper = createColumnHelper<typeof features, Item>();
type GridColumn = Column<typeof features, Item, unknown>;

export interface ItemsGridProps {
  /** `Items in table`, `Items in GSI1`. */
  label: string;
  items: Item[];
  rows: GridRow[];
  columns: GridColumnNames;
  /** Key attributes of the index shown (monospace, like the chart). */
  keyAttributes: readonly string[];
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
  highlighted,
  marks = NO_MARKS,
  scrollTo,
  scrollKey,
}: ItemsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);

  const names = useMemo(() => [...columns.pinned, ...columns.others], [columns]);
  const natural = useMemo(() => columnWidths(items, names), [items, names]);
  // The pinned keys take at most about half of the grid's width (read on resize, below).
  const [viewportWidth, setViewportWidth] = useState(0);
  /** The scroller's height, as last observed (read when scrolling to a row, never from the layout). */
  const viewportHeight = useRef(0);
  const pinnedLimit = viewportWidth === 0 ? Infinity : Math.max(MIN_PINNED_PX, Math.round(viewportWidth * PINNED_SHARE));
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

  // The virtualizer is read during render on purpose (the visible window).
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: OVERSCAN,
  });

  const highlightedSet = useMemo(() => new Set(highlighted), [highlighted]);
  // Scroll the first highlighted row into view when the result or the view changes
  // (scrollKey), or the rows move under it (new sample items).
  const first = scrollTo ?? highlighted[0];
  useEffect(() => {
    if (first === undefined) return;
    const element = scrollRef.current;
    const height = viewportHeight.current;
    if (element === null || height === 0) {
      virtualizer.scrollToIndex(first, { align: 'center' });
      return;
    }
    // Every row is ROW_HEIGHT high: the row's place is known without reading the layout (the virtualizer's
    // scrollToIndex reads it until it settles, a forced layout each time). Centred below the sticky header.
    const centred = HEADER_HEIGHT + first * ROW_HEIGHT + ROW_HEIGHT / 2 - (HEADER_HEIGHT + height) / 2;
    const target = Math.round(Math.max(0, Math.min(centred, virtualizer.getTotalSize() - height)));
    if (Math.abs((virtualizer.scrollOffset ?? 0) - target) >= 1) element.scrollTop = target;
  }, [first, scrollKey, virtualizer]);

  useEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      viewportHeight.current = element.clientHeight;
      setViewportWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The same array while the columns are the same (what the table is given), so rows that stay in view are not drawn again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const leafColumns = useMemo(() => table.getAllLeafColumns(), [table, columnDefs, columnPinning]);
  const headers = table.getFlatHeaders();
  // The columns drawn: all of them, or for a wide grid the pinned ones and those near the view.
  const [scrollLeft, setScrollLeft] = useState(0);
  const windowed = leafColumns.length > COLUMN_WINDOW_FROM;
  const pinnedCount = columns.pinned.length;
  const drawn = useMemo(
    () =>
      windowed
        ? columnWindow(
            leafColumns.map((column) => column.getSize()),
            pinnedCount,
            scrollLeft,
            viewportWidth,
          )
        : undefined,
    [windowed, leafColumns, pinnedCount, scrollLeft, viewportWidth],
  );
  const layout = useMemo(
    (): RowLayout => ({
      shown: drawn === undefined ? leafColumns.map((_, at) => at) : drawn.columns,
      before: drawn?.before ?? 0,
      after: drawn?.after ?? 0,
      pinned: pinnedCount,
    }),
    [drawn, leafColumns, pinnedCount],
  );
  const { shown } = layout;
  // What each column's cells share (class, pinned offset, width), made once per drawing, not per cell.
  const looks = useMemo((): ColumnLook[] => {
    const keySet = new Set(keyAttributes);
    const lastPinned = columns.pinned[columns.pinned.length - 1];
    return leafColumns.map((column) => ({
      cell: columnClass('tw-grid__cell', column, keySet, lastPinned),
      head: columnClass('tw-grid__head', column, keySet, lastPinned),
      style: pinStyle(column),
      width: column.getSize(),
    }));
  }, [leafColumns, keyAttributes, columns.pinned]);
  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = virtualRows[0];
  const lastRow = virtualRows[virtualRows.length - 1];
  const spaceBefore = firstRow ? firstRow.start - HEADER_HEIGHT : 0;
  const spaceAfter = lastRow ? virtualizer.getTotalSize() - lastRow.end : 0;
  const span = shown.length + (layout.before > 0 ? 1 : 0) + (layout.after > 0 ? 1 : 0);
  const cells = (cell: (at: number) => ReactNode, gap: (side: 'before' | 'after') => ReactNode) => rowCells(layout, cell, gap);

  return (
    <div
      className="tw-grid__scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
      onScroll={(event) => {
        const left = event.currentTarget.scrollLeft;
        if (windowed && Math.abs(left - scrollLeft) >= WINDOW_STEP_PX) setScrollLeft(left);
      }}
    >
      <table className="tw-grid" aria-label={label} aria-rowcount={rows.length + 1} aria-colcount={leafColumns.length} style={{ width: table.getTotalSize() }}>
        <colgroup>
          {cells(
            (at) => (
              <col key={at} style={{ width: leafColumns[at]?.getSize() }} />
            ),
            (side) => (
              <col key={` ${side}`} style={{ width: side === 'before' ? drawn?.before : drawn?.after }} />
            ),
          )}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {cells((at) => {
              const header = headers[at];
              if (header === undefined) return null;
              return (
                <th key={header.id} scope="col" aria-colindex={at + 1} className={looks[at]?.head} style={looks[at]?.style}>
                  <table.FlexRender header={header} />
                </th>
              );
            }, gapCell)}
          </tr>
        </thead>
        <tbody>
          {spaceBefore > 0 && (
            <tr aria-hidden="true" className="tw-grid__spacer">
              <td colSpan={span} style={{ height: spaceBefore }} />
            </tr>
          )}
          {virtualRows.map((virtual) => {
            const row = rows[virtual.index];
            if (row === undefined) return null;
            if (row.kind === 'partition') return <PartitionRow key={virtual.key} at={virtual.index} pk={row.pk} count={row.count} span={span} />;
            const item = items[row.item];
            if (item === undefined) return null;
            return (
              <ItemRow
                key={virtual.key}
                at={virtual.index}
                item={item}
                highlighted={highlightedSet.has(virtual.index)}
                mark={marks.get(virtual.index)}
                columns={leafColumns}
                looks={looks}
                layout={layout}
              />
            );
          })}
          {spaceAfter > 0 && (
            <tr aria-hidden="true" className="tw-grid__spacer">
              <td colSpan={span} style={{ height: spaceAfter }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});

function noop() {}

/** Which columns a row draws: their positions, the widths left out either side of them, and how many are pinned. */
interface RowLayout {
  shown: number[];
  before: number;
  after: number;
  pinned: number;
}

/** What each column's cells share. */
interface ColumnLook {
  cell: string;
  head: string;
  style: CSSProperties | undefined;
  width: number;
}

/** A row's cells: the columns drawn, with an empty cell for the columns left out on either side. */
function rowCells(layout: RowLayout, cell: (at: number) => ReactNode, gap: (side: 'before' | 'after') => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  layout.shown.forEach((at, i) => {
    if (i === layout.pinned && layout.before > 0) out.push(gap('before'));
    out.push(cell(at));
  });
  if (layout.before > 0 && layout.shown.length === layout.pinned) out.push(gap('before'));
  if (layout.after > 0) out.push(gap('after'));
  return out;
}

const gapCell = (side: 'before' | 'after') => <td key={` ${side}`} aria-hidden="true" className="tw-grid__gap" />;

/** An item collection's header row. */
const PartitionRow = memo(function PartitionRow({ at, pk, count, span }: { at: number; pk: string; count: number; span: number }) {
  return (
    <tr aria-rowindex={at + 2} className="tw-grid__partition" style={ROW_STYLE}>
      <th scope="rowgroup" colSpan={span}>
        <span className="tw-grid__partition-label">
          <span className="tw-grid__partition-key">{pk}</span>
          <span className="tw-grid__partition-count">
            {count} {count === 1 ? 'item' : 'items'}
          </span>
        </span>
      </th>
    </tr>
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
  let rowClass = highlighted ? 'tw-grid__item tw-grid__item--highlighted' : 'tw-grid__item';
  if (mark !== undefined) rowClass += ` tw-grid__item--${mark.side} tw-grid__item--${mark.change}`;
  return (
    <tr aria-rowindex={at + 2} {...(highlighted ? { 'aria-selected': true } : {})} className={rowClass} style={ROW_STYLE}>
      {rowCells(
        layout,
        (column) => {
          const name = columns[column]?.id;
          const look = looks[column];
          if (name === undefined || look === undefined) return null;
          const value = item[name];
          return (
            <td
              key={name}
              aria-colindex={column + 1}
              className={mark?.attributes.includes(name) ? `${look.cell} tw-grid__cell--changed` : look.cell}
              style={look.style}
              title={titleOf(value, look.width)}
            >
              {column === 0 && mark !== undefined && <span className="tw-grid__mark">{markLabel(mark)}</span>}
              {formatValue(value)}
            </td>
          );
        },
        gapCell,
      )}
    </tr>
  );
});

const ROW_STYLE: CSSProperties = { height: ROW_HEIGHT };

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** The whole value as a tooltip when the column may be too narrow for it. */
function titleOf(value: unknown, width: number): string | undefined {
  const text = formatValue(value);
  return text.length * 7 > width - 16 ? text : undefined;
}

function pinStyle(column: GridColumn): CSSProperties | undefined {
  if (column.getIsPinned() !== 'start') return undefined;
  return { insetInlineStart: column.getStart('start') };
}

function columnClass(base: string, column: GridColumn, keys: ReadonlySet<string>, lastPinned: string | undefined): string {
  let name = base;
  if (column.getIsPinned() === 'start') name += ' tw-grid__pinned';
  if (column.id === lastPinned) name += ' tw-grid__pinned-last';
  if (keys.has(column.id)) name += ' tw-grid__key';
  return name;
}
