// What a write did to each index: the entries of the records' items it added,
// removed, changed in place or moved (another key in that index), read off the
// items it changed. A record moved in the table (a delete and a put) is one
// record: its old and new items are paired by entity and key, so an index whose
// key did not change sees it changed in place. Guard items are in no index but
// the table and hold no record: they are left out here (applyWrite lists them).
import { compareKeyValues, indexKeyOf } from '../design/indexKeyOf.ts';
import type { Design, Item } from '../design/types.ts';
import type { WriteChange } from './applyWrite.ts';

export type IndexEntryChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface IndexEntryChange {
  change: IndexEntryChangeKind;
  entity: string;
  /** The entry before the write (none for added) and after it (none for removed). */
  before?: Item;
  after?: Item;
  /** The attributes whose values differ between before and after, sorted. */
  attributes: string[];
}

export interface IndexChanges {
  index: string;
  entries: IndexEntryChange[];
}

/** Per index of the design (the table first), the entries the changes added, removed, changed or moved; an index with none is left out. */
export function indexChanges(design: Design, changes: readonly WriteChange[]): IndexChanges[] {
  const records = pairRecords(design, changes);
  const out: IndexChanges[] = [];
  for (const index of design.indexes) {
    const entries: IndexEntryChange[] = [];
    for (const { entity, before, after } of records) {
      const was = before && indexKeyOf(before, index);
      const is = after && indexKeyOf(after, index);
      const attributes = differing(was ? before : undefined, is ? after : undefined);
      if (was && is && before && after) {
        const same = compareKeyValues(was.pk, is.pk) === 0 && compareKeyValues(was.sk, is.sk) === 0;
        if (same && attributes.length === 0) continue;
        entries.push({ change: same ? 'changed' : 'moved', entity, before, after, attributes });
      } else if (was && before) entries.push({ change: 'removed', entity, before, attributes });
      else if (is && after) entries.push({ change: 'added', entity, after, attributes });
    }
    if (entries.length > 0) out.push({ index: index.name, entries });
  }
  return out;
}

/** The records' items before and after, one entry per record (its old and new items paired by entity and key). */
function pairRecords(design: Design, changes: readonly WriteChange[]): { entity: string; before?: Item; after?: Item }[] {
  const byRecord = new Map<string, { entity: string; before?: Item; after?: Item }>();
  for (const change of changes) {
    if (change.role !== 'record') continue;
    const before = change.kind === 'created' ? undefined : (change.before as Item);
    const after = change.kind === 'deleted' ? undefined : (change.after as Item);
    const item = (after ?? before) as Item;
    const entity = String(item[design.entityAttribute] ?? '');
    const key = design.model.entities.find((e) => e.name === entity)?.key ?? [];
    const id = JSON.stringify([entity, ...key.map((name) => item[name] ?? null)]);
    const entry = byRecord.get(id) ?? { entity };
    if (before) entry.before = before;
    if (after) entry.after = after;
    byRecord.set(id, entry);
  }
  return [...byRecord.values()];
}

function differing(before: Item | undefined, after: Item | undefined): string[] {
  if (!before || !after) return [];
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
