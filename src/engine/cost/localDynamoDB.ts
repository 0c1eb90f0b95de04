// DynamoDB's documented figures beside what DynamoDB Local reports. The
// prediction (readUnits.ts, writeUnits.ts) is DynamoDB's documented figure and
// stays so; where DynamoDB Local provably counts otherwise (cost/README.md "What
// DynamoDB Local reports"), the figure to compare Local's ConsumedCapacity with is
// derived here by a named adjustment, so both stay visible:
// - `localEmptyQueryFree`: a Query page that reads no item is 0 units on Local;
//   DynamoDB documents that "if you perform a read operation on an item that does not
//   exist, DynamoDB still consumes provisioned read throughput" (0.5 or 1 unit).
// - `localTransactionIndexWritesDoubled`: Local counts the GSI writes of a
//   TransactWriteItems twice, like the table's; DynamoDB documents the doubling for
//   "every item in the transaction" and updates GSIs after the transaction completes.
// - `localTransactionEqualActionsOnce`: Local prices each action of a TransactWriteItems
//   on its own (table, each GSI) and adds up only the *distinct* figures: two Puts of
//   500 bytes report 2, not 4; Puts of 500, 500 and 1,500 bytes 2 + 4; a Delete and a
//   Put moving a 500-byte item that one GSI holds, table 2 and GSI 2 (as one Put). The
//   guide's worked example adds every item: "three 500-byte items… six WCUs". The
//   figures compared are those of the detail asked: with ReturnConsumedCapacity TOTAL
//   only each action's total (a Put into GSI1 and one of the same size into GSI2 then
//   count once), with INDEXES the table's and each GSI's.
// - `localTransactionDeleteOfNothingOnce`: a Delete of a missing item in a
//   TransactWriteItems is 1 unit on Local, not 2 × 1.
// - `localRefusedWriteUnreported`: a write refused by its condition (a
//   ConditionalCheckFailedException, a TransactionCanceledException) comes back from
//   Local with no ConsumedCapacity; DynamoDB documents that it still consumes.
// Each is proved by src/runner/transactionCapacity.dynamodb.test.ts.
import type { RequestReadUnits } from './readUnits.ts';
import type { RequestCapacity } from './writeUnits.ts';

export type LocalDeviation =
  | 'localEmptyQueryFree'
  | 'localTransactionIndexWritesDoubled'
  | 'localTransactionEqualActionsOnce'
  | 'localTransactionDeleteOfNothingOnce'
  | 'localRefusedWriteUnreported';

export const LOCAL_DEVIATIONS: Record<LocalDeviation, string> = {
  localEmptyQueryFree: 'DynamoDB Local reports 0 units for a Query page that reads no item (DynamoDB: the least read, 0.5 or 1)',
  localTransactionIndexWritesDoubled: 'DynamoDB Local counts a transaction’s GSI writes twice (DynamoDB: twice on the table only)',
  localTransactionEqualActionsOnce:
    'DynamoDB Local adds up only the distinct figures of a transaction’s actions: actions of equal units count once (DynamoDB: every item)',
  localTransactionDeleteOfNothingOnce: 'DynamoDB Local counts a transaction’s Delete of a missing item once: 1 unit (DynamoDB: two writes of every item, 2)',
  localRefusedWriteUnreported: 'DynamoDB Local returns no ConsumedCapacity for a write refused by its condition (DynamoDB: it still consumes)',
};

/** Capacity as DynamoDB reports it (ConsumedCapacity with ReturnConsumedCapacity INDEXES), or as predicted. */
export interface CapacityFigure {
  units: number;
  /** Units on the table (absent when the report does not say). */
  table?: number;
  /** Units per GSI. */
  indexes: Record<string, number>;
}

/** A ConsumedCapacity as the SDK gives it (one, or a list for a transaction or batch), read structurally. */
export interface ConsumedCapacityLike {
  CapacityUnits?: number | undefined;
  Table?: { CapacityUnits?: number | undefined } | undefined;
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number | undefined }> | undefined;
}

/** The figure of one request's ConsumedCapacity (summed over a list). */
export function measuredCapacity(consumed: readonly ConsumedCapacityLike[]): CapacityFigure {
  const indexes: Record<string, number> = {};
  let units = 0;
  let table: number | undefined;
  for (const c of consumed) {
    units += c.CapacityUnits ?? 0;
    if (c.Table?.CapacityUnits !== undefined) table = (table ?? 0) + c.Table.CapacityUnits;
    for (const [name, gsi] of Object.entries(c.GlobalSecondaryIndexes ?? {})) {
      if (gsi.CapacityUnits) indexes[name] = (indexes[name] ?? 0) + gsi.CapacityUnits;
    }
  }
  return { units, ...(table !== undefined ? { table } : {}), indexes };
}

/** A read request's documented figure and the one DynamoDB Local reports for it. */
export function readFigures(read: RequestReadUnits): { documented: CapacityFigure; local: CapacityFigure; deviations: LocalDeviation[] } {
  const onIndex = (units: number): CapacityFigure =>
    read.index === 'table' ? { units, table: units, indexes: {} } : { units, indexes: units ? { [read.index]: units } : {} };
  const documented = onIndex(read.units);
  if (read.operation !== 'Query') return { documented, local: documented, deviations: [] };
  const free = read.pages.filter((p) => p.items === 0).reduce((n, p) => n + p.units, 0);
  return free ? { documented, local: onIndex(read.units - free), deviations: ['localEmptyQueryFree'] } : { documented, local: documented, deviations: [] };
}

/**
 * A write request's documented figure and the one DynamoDB Local reports for it, asked with
 * ReturnConsumedCapacity INDEXES (the runner's) or TOTAL (`local` then has no table or GSI figures).
 */
export function writeFigures(
  request: RequestCapacity,
  detail: 'INDEXES' | 'TOTAL' = 'INDEXES',
): { documented: CapacityFigure; local: CapacityFigure; deviations: LocalDeviation[] } {
  const documented: CapacityFigure = { units: request.units, table: request.table, indexes: { ...request.indexes } };
  if (request.refused) return { documented, local: { units: 0, indexes: {} }, deviations: ['localRefusedWriteUnreported'] };
  if (request.operation !== 'TransactWriteItems' || !request.actions) return { documented, local: documented, deviations: [] };
  const deviations = new Set<LocalDeviation>();
  const seen = new Set<string>();
  let table = 0;
  const indexes: Record<string, number> = {};
  for (const action of request.actions) {
    const once = action.action === 'Delete' && action.absent === true;
    if (once) deviations.add('localTransactionDeleteOfNothingOnce');
    const actionTable = once ? action.table / 2 : action.table;
    const actionIndexes = Object.entries(action.indexes).map(([name, u]) => [name, 2 * u] as const);
    if (actionIndexes.length) deviations.add('localTransactionIndexWritesDoubled');
    const actionUnits = actionTable + actionIndexes.reduce((n, [, u]) => n + u, 0);
    const figure = JSON.stringify(detail === 'TOTAL' ? actionUnits : [actionTable, [...actionIndexes].sort(([a], [b]) => (a < b ? -1 : 1))]);
    if (seen.has(figure)) {
      deviations.add('localTransactionEqualActionsOnce');
      continue;
    }
    seen.add(figure);
    table += actionTable;
    for (const [name, u] of actionIndexes) indexes[name] = (indexes[name] ?? 0) + u;
  }
  const units = table + Object.values(indexes).reduce((n, u) => n + u, 0);
  const local: CapacityFigure = detail === 'TOTAL' ? { units, indexes: {} } : { units, table, indexes };
  return { documented, local, deviations: [...deviations] };
}

/** Whether a measured figure equals the expected one: the total, the table's (when reported) and every GSI's. */
export function sameCapacity(expected: CapacityFigure, measured: CapacityFigure): boolean {
  if (expected.units !== measured.units) return false;
  if (measured.table !== undefined && expected.table !== undefined && measured.table !== expected.table) return false;
  const names = new Set([...Object.keys(expected.indexes), ...Object.keys(measured.indexes)]);
  for (const name of names) if ((expected.indexes[name] ?? 0) !== (measured.indexes[name] ?? 0)) return false;
  return true;
}
