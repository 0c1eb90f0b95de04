// The items a table holds for records written through the runtime: each record's
// own item and the guard items its create writes (an identity guard where the
// table key holds more than the record's key, one per unique set). The sample
// items are the records' items only; a write in memory needs the guards too, or
// an update of a record found through its identity guard would find nothing.
import type { Design, Item } from '../design/types.ts';
import { fromItem } from '../design/items.ts';
import { writeEntities, writeTarget } from './writeEntities.ts';
import { createMemoryTable, type MemoryTable } from './memoryTable.ts';
import { isGuardKey } from './writePlan.ts';
import { buildCreate, type WriteItem, type WriteRequest } from './writeRuntime.ts';

export interface TableItems {
  /** The records' items, then the guard items, each table key once. */
  items: Item[];
  /** Guards left out because an earlier record holds the same one (sample values that repeat a unique set). */
  skipped: number;
}

/** The sample items with the guard items a create of each of their records writes. */
export function withGuardItems(design: Design, items: readonly Item[]): TableItems {
  const entities = writeEntities(design);
  const target = writeTarget(design);
  const seen = new Set<string>();
  const keyOf = (item: WriteItem) => JSON.stringify([item[target.tableKey.pk], item[target.tableKey.sk]]);
  for (const item of items) seen.add(keyOf(item));
  const guards: Item[] = [];
  let skipped = 0;
  for (const item of items) {
    const { entity: name, record } = fromItem(design, item);
    const entity = entities.get(name);
    if (!entity || (!entity.identityKey && entity.uniqueSets.length === 0)) continue;
    for (const put of puts(buildCreate(entity, target, record).request)) {
      if (!isGuardKey(put[target.tableKey.pk])) continue;
      const key = keyOf(put);
      if (seen.has(key)) {
        skipped++;
        continue;
      }
      seen.add(key);
      guards.push(put as Item);
    }
  }
  return { items: [...items, ...guards], skipped };
}

function puts(request: WriteRequest): WriteItem[] {
  if ('Put' in request) return [request.Put.Item];
  if ('TransactWrite' in request) return request.TransactWrite.TransactItems.flatMap((t) => ('Put' in t ? [t.Put.Item] : []));
  return [];
}

/** An in-memory table of the design (its name and key attributes) holding `items`. */
export function designTable(design: Design, items: readonly Item[]): MemoryTable {
  const { tableName, tableKey } = writeTarget(design);
  return createMemoryTable({ tableName, tableKey, items });
}
