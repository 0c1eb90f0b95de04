// The last write's before/after in one index view of the items grid: each entry
// it removed, changed or moved is shown twice, its old item as a "before" row
// (kept out of the items themselves) where it was, and its new one as an
// "after" row where it is now; an added entry has only the after row, a removed
// one only the before row. Pure: no React.
import type { IndexChanges, IndexEntryChangeKind, IndexKeySchema, Item } from '../../engine/index.ts';
import type { GroupedItems } from './groupItems.ts';
import { tableKey } from './tableKey.ts';

export interface RowMark {
  change: IndexEntryChangeKind;
  side: 'before' | 'after';
  /** The attributes whose values the write changed (their cells stand out). */
  attributes: readonly string[];
}

export interface WriteMarks {
  /** The old items of the entries the write removed, changed or moved: shown as rows of their own. */
  before: Item[];
  /** The mark of each of those rows. */
  beforeMarks: ReadonlyMap<Item, RowMark>;
  /** The mark of the entries as they are now, by table key (tableKey.ts). */
  afterMarks: ReadonlyMap<string, RowMark>;
}

export const NO_MARKS: WriteMarks = { before: [], beforeMarks: new Map(), afterMarks: new Map() };

/** The write's marks in the view of index `indexName`; `table` is the table's key (every item's identity). */
export function writeMarks(changes: readonly IndexChanges[] | undefined, indexName: string, table: IndexKeySchema | undefined): WriteMarks {
  const entries = changes?.find((c) => c.index === indexName)?.entries;
  if (entries === undefined || table === undefined) return NO_MARKS;
  const before: Item[] = [];
  const beforeMarks = new Map<Item, RowMark>();
  const afterMarks = new Map<string, RowMark>();
  for (const entry of entries) {
    const { change, attributes } = entry;
    if (entry.before !== undefined) {
      // A copy: the row is its own, even where the same object is also an item now.
      const old = { ...entry.before };
      before.push(old);
      beforeMarks.set(old, { change, side: 'before', attributes });
    }
    const key = entry.after === undefined ? undefined : tableKey(entry.after, table);
    if (key !== undefined) afterMarks.set(key, { change, side: 'after', attributes });
  }
  return { before, beforeMarks, afterMarks };
}

/** What a marked row says it is. */
export function markLabel(mark: RowMark): string {
  switch (mark.change) {
    case 'added':
      return 'added';
    case 'removed':
      return 'removed';
    case 'changed':
      return mark.side;
    case 'moved':
      return mark.side === 'before' ? 'moved from' : 'moved to';
    default: {
      const never: never = mark.change;
      return String(never);
    }
  }
}

/** The rows (GroupedItems.given) of a grid's items that carry a mark, by row position, in display order. */
export function markedRows(given: GroupedItems['given'], marks: WriteMarks, table: IndexKeySchema | undefined): Map<number, RowMark> {
  if (marks === NO_MARKS || table === undefined) return new Map();
  const found: [number, RowMark][] = [];
  const { items, rows } = given;
  for (let k = 0; k < items.length; k++) {
    const item = items[k] as Item;
    const mark = marks.beforeMarks.get(item) ?? marks.afterMarks.get(tableKey(item, table) ?? '');
    if (mark !== undefined) found.push([rows[k] as number, mark]);
  }
  return new Map(found.sort((a, b) => a[0] - b[0]));
}
