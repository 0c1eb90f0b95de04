// Capacity units of the requests a write sends (applyWrite: each request, its
// answer and the items it changed), by DynamoDB's documented rules:
// - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html#ItemSizeCalculations.Writes
//   "a write capacity unit represents one write per second, for an item up to 1 KB";
//   PutItem: "the item size that matters is the larger of the two" (old and new);
//   UpdateItem: "the larger of these item sizes" (before and after); DeleteItem: "the
//   size of the deleted item"; BatchWriteItem: each item "as an individual PutItem or
//   DeleteItem request", each rounded on its own. A failed conditional write still
//   consumes: "for an existing item… the size of the new item… for a new item, one
//   write capacity unit". A write of nothing (a delete of a missing item) is one unit.
// - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes
//   each GSI the write affects adds its own writes, at the index entry's size: one put
//   for an entry added, one delete for an entry removed, "two writes… one to delete
//   the previous item from the index and another… to put the new item" when its key
//   changes, one write when only projected attributes change, none when the item is
//   in the index neither before nor after (a sparse GSI), or when the write changes
//   nothing the index holds.
// - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling
//   "DynamoDB performs two underlying reads or writes of every item in the
//   transaction: one to prepare the transaction and one to commit the transaction";
//   "each transaction writes three 500-byte items… six WCUs": every action of a
//   TransactWriteItems counts twice on the table, and the actions add up (a Delete of
//   a missing item too: 2 × 1). The GSIs are updated after the transaction completes
//   ("changes made with transactions are propagated to global secondary indexes…
//   after the transaction completes"), by ordinary index writes: counted once. A
//   ConditionCheck reads its item: two reads (prepare, commit) at 4 KB per unit (a
//   missing item: the least read, 1), reported among the transaction's units; the guide
//   does not spell the ConditionCheck out, cost/README.md says why this reading.
//   DynamoDB Local counts transactions otherwise (localDynamoDB.ts); each action's own
//   figure is kept (`actions`) so that its count can be derived.
// - the consistent reads the write runtime sends first (GetItem with ConsistentRead) are
//   reads: readUnits.ts's rule, one unit per 4 KB (a missing item one unit).
// Guard items (identity, unique) are items like any other: the same rules.
import type { Design, Item } from '../design/types.ts';
import { compareKeyValues, indexKeyOf } from '../design/indexKeyOf.ts';
import type { AppliedWrite, WriteChange } from '../writes/applyWrite.ts';
import type { SentRequest } from '../writes/writeCall.ts';
import type { WriteItem } from '../writes/writeRuntime.ts';
import { indexEntryBytes, itemBytes, type SizedItem } from './itemSize.ts';
import { readUnitsOf } from './readUnits.ts';

/** A write capacity unit writes 1 KB. */
export const WRITE_UNIT_BYTES = 1024;

/** Write units of an item of `bytes`: rounded up to the next 1 KB, at least one. */
export function writeUnitsOf(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
}

export type CapacityOperation = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'TransactWriteItems' | 'BatchWriteItem';

/** What one index entry write did, for people: `put`, `delete`, `update` in place, or `move` (a delete and a put). */
export interface IndexEntryWrite {
  index: string;
  action: 'put' | 'delete' | 'update' | 'move';
  /** The entry's bytes (the larger of before and after for an update; both for a move). */
  bytes: number[];
  units: number;
}

/** The capacity one request consumes, shaped like DynamoDB's ConsumedCapacity with ReturnConsumedCapacity INDEXES. */
export interface RequestCapacity {
  operation: CapacityOperation;
  /** Read units (a GetItem) or write units (every other operation). */
  kind: 'read' | 'write';
  /** Units on the table. */
  table: number;
  /** Units per GSI, only those the request wrote. */
  indexes: Record<string, number>;
  /** table + every index. */
  units: number;
  /** The index entries written, for people. */
  entries: IndexEntryWrite[];
  /** The request was refused (a failed condition): priced by the failed-conditional-write rule, GSIs untouched. */
  refused?: true;
  /** A TransactWriteItems: each action's own units, in the order sent (they add up to `table` and `indexes`). */
  actions?: TransactActionCapacity[];
}

/** One action of a TransactWriteItems, priced on its own. */
export interface TransactActionCapacity {
  action: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  /** Units on the table: twice the item's (prepare and commit). */
  table: number;
  /** Units per GSI the action changed (once each). */
  indexes: Record<string, number>;
  /** The item was not there before and is not after (a Delete or a ConditionCheck of a missing item). */
  absent?: true;
}

/** The capacity of a whole write: each request's, and the sums. */
export interface WriteCapacity {
  requests: RequestCapacity[];
  readUnits: number;
  writeUnits: number;
}

type ItemState = Map<string, SizedItem>;

/**
 * The capacity of every request of a write run on a memory table (applyWrite), from the
 * table's items before the write: each request is priced on the items as the requests before
 * it left them.
 */
export function writeCapacity({ design, before, applied }: { design: Design; before: readonly SizedItem[]; applied: AppliedWrite }): WriteCapacity {
  const table = design.indexes[0];
  if (!table || table.keys === 'native') throw new Error('the design has no table key');
  const idOf = (item: SizedItem): string => JSON.stringify([item[table.pkAttribute], item[table.skAttribute]]);
  const state: ItemState = new Map(before.map((item) => [idOf(item), item]));
  const requests: RequestCapacity[] = [];
  applied.requests.forEach((sent, i) => {
    const changes = applied.requestChanges[i] ?? [];
    requests.push(requestCapacity(design, sent, (key) => state.get(idOf(key)), changes));
    for (const change of changes) {
      if (change.kind === 'deleted') state.delete(idOf(change.before));
      else state.set(idOf(change.after), change.after);
    }
  });
  return {
    requests,
    readUnits: requests.filter((r) => r.kind === 'read').reduce((n, r) => n + r.units, 0),
    writeUnits: requests.filter((r) => r.kind === 'write').reduce((n, r) => n + r.units, 0),
  };
}

/** One request's capacity, given the items before it (`existing`, by any item or key holding the table key) and what it changed. */
export function requestCapacity(
  design: Design,
  sent: SentRequest,
  existing: (key: SizedItem) => SizedItem | undefined,
  changes: readonly WriteChange[],
): RequestCapacity {
  const request = sent.request as Record<string, unknown>;
  const ok = sent.answer.ok;
  const afterOf = (key: SizedItem): SizedItem | undefined => {
    const id = JSON.stringify(tableKeyOf(design, key));
    const change = changes.find((c) => JSON.stringify(tableKeyOf(design, c.kind === 'deleted' ? c.before : c.after)) === id);
    if (!change) return existing(key);
    return change.kind === 'deleted' ? undefined : change.after;
  };
  if ('Get' in request) {
    const get = request['Get'] as { ConsistentRead?: boolean };
    const item = sent.answer.ok ? sent.answer.item : undefined;
    const units = readUnitsOf(item ? itemBytes(item) : 0, get.ConsistentRead === true);
    return { operation: 'GetItem', kind: 'read', table: units, indexes: {}, units, entries: [] };
  }
  const single = (['Put', 'Update', 'Delete'] as const).find((op) => op in request);
  if (single) {
    const input = request[single] as { Item?: WriteItem; Key?: WriteItem };
    const key = (input.Item ?? input.Key) as SizedItem;
    const old = existing(key);
    if (!ok) return refused(`${single}Item` as CapacityOperation, single === 'Put' && old ? itemBytes(input.Item as SizedItem) : undefined);
    return itemWrites(design, `${single}Item` as CapacityOperation, [{ before: old, after: afterOf(key) }], 1);
  }
  if ('TransactWrite' in request) {
    const items = (request['TransactWrite'] as { TransactItems: Record<string, { Item?: WriteItem; Key?: WriteItem }>[] }).TransactItems;
    const actions = items.flatMap((t) => {
      const [kind, input] = Object.entries(t)[0] ?? [];
      if (!input) return [];
      const key = (input.Item ?? input.Key) as SizedItem;
      return [{ action: kind as TransactActionCapacity['action'], before: existing(key), after: kind === 'ConditionCheck' ? existing(key) : afterOf(key) }];
    });
    if (!ok) return refused('TransactWriteItems', undefined, actions.filter((a) => a.action !== 'ConditionCheck').length);
    return transactWrites(design, actions);
  }
  if ('BatchWrite' in request) {
    const byTable = (request['BatchWrite'] as { RequestItems: Record<string, { PutRequest?: { Item: WriteItem }; DeleteRequest?: { Key: WriteItem } }[]> })
      .RequestItems;
    const writes = Object.values(byTable)
      .flat()
      .map((w) => {
        const key = (w.PutRequest?.Item ?? w.DeleteRequest?.Key) as SizedItem;
        return { before: existing(key), after: afterOf(key) };
      });
    return itemWrites(design, 'BatchWriteItem', writes, 1);
  }
  throw new Error(`no capacity rule for ${Object.keys(request).join(', ')}`);
}

function tableKeyOf(design: Design, item: SizedItem): [unknown, unknown] {
  const table = design.indexes[0];
  if (!table || table.keys === 'native') return [undefined, undefined];
  return [item[table.pkAttribute], item[table.skAttribute]];
}

/** A refused write: one unit for a new item, the new item's size for an existing one; each transaction item counted twice. */
function refused(operation: CapacityOperation, bytes: number | undefined, items = 1): RequestCapacity {
  const units = operation === 'TransactWriteItems' ? 2 * items : writeUnitsOf(bytes ?? 0);
  return { operation, kind: 'write', table: units, indexes: {}, units, entries: [], refused: true };
}

/** A TransactWriteItems: each action on its own (twice on the table, GSIs once; a ConditionCheck two reads), then the sum. */
function transactWrites(
  design: Design,
  actions: readonly { action: TransactActionCapacity['action']; before: SizedItem | undefined; after: SizedItem | undefined }[],
): RequestCapacity {
  const priced: TransactActionCapacity[] = [];
  const entries: IndexEntryWrite[] = [];
  for (const { action, before, after } of actions) {
    const absent = !before && !after ? ({ absent: true } as const) : {};
    if (action === 'ConditionCheck') {
      priced.push({ action, table: 2 * readUnitsOf(before ? itemBytes(before) : 0, true), indexes: {}, ...absent });
      continue;
    }
    const one = itemWrites(design, 'TransactWriteItems', [{ before, after }], 2);
    entries.push(...one.entries);
    priced.push({ action, table: one.table, indexes: one.indexes, ...absent });
  }
  const indexes: Record<string, number> = {};
  for (const a of priced) for (const [name, u] of Object.entries(a.indexes)) indexes[name] = (indexes[name] ?? 0) + u;
  const table = priced.reduce((n, a) => n + a.table, 0);
  const units = table + Object.values(indexes).reduce((n, u) => n + u, 0);
  return { operation: 'TransactWriteItems', kind: 'write', table, indexes, units, entries, actions: priced };
}

/** Writes of items, each before and after (undefined: absent), on the table (times `tableFactor`) and every GSI. */
function itemWrites(
  design: Design,
  operation: CapacityOperation,
  writes: readonly { before: SizedItem | undefined; after: SizedItem | undefined }[],
  tableFactor: number,
): RequestCapacity {
  let table = 0;
  const indexes: Record<string, number> = {};
  const entries: IndexEntryWrite[] = [];
  for (const { before, after } of writes) {
    table += tableFactor * writeUnitsOf(Math.max(before ? itemBytes(before) : 0, after ? itemBytes(after) : 0));
    for (const index of design.indexes) {
      if (index.kind === 'table') continue;
      const entry = indexEntryWrite(index, before, after);
      if (!entry) continue;
      entries.push(entry);
      indexes[index.name] = (indexes[index.name] ?? 0) + entry.units;
    }
  }
  const units = table + Object.values(indexes).reduce((n, u) => n + u, 0);
  return { operation, kind: 'write', table, indexes, units, entries };
}

/** What a write of one item does to one GSI's entry, and its units; undefined when nothing. */
export function indexEntryWrite(index: Design['indexes'][number], before: SizedItem | undefined, after: SizedItem | undefined): IndexEntryWrite | undefined {
  const was = before ? indexEntryBytes(before, index) : undefined;
  const is = after ? indexEntryBytes(after, index) : undefined;
  if (was === undefined && is === undefined) return undefined;
  if (was === undefined) return { index: index.name, action: 'put', bytes: [is as number], units: writeUnitsOf(is as number) };
  if (is === undefined) return { index: index.name, action: 'delete', bytes: [was], units: writeUnitsOf(was) };
  const oldKey = indexKeyOf(before as Item, index);
  const newKey = indexKeyOf(after as Item, index);
  const moved = !oldKey || !newKey || compareKeyValues(oldKey.pk, newKey.pk) !== 0 || compareKeyValues(oldKey.sk, newKey.sk) !== 0;
  if (moved) return { index: index.name, action: 'move', bytes: [was, is], units: writeUnitsOf(was) + writeUnitsOf(is) };
  if (sameItem(before as SizedItem, after as SizedItem)) return undefined;
  return { index: index.name, action: 'update', bytes: [Math.max(was, is)], units: writeUnitsOf(Math.max(was, is)) };
}

function sameItem(a: SizedItem, b: SizedItem): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) if (JSON.stringify(a[name]) !== JSON.stringify(b[name])) return false;
  return true;
}
