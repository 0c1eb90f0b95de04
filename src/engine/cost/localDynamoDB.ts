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
import type { RequestReadUnits } from './readUnits.ts';
import type { RequestCapacity } from './writeUnits.ts';

export type LocalDeviation = 'localEmptyQueryFree' | 'localTransactionIndexWritesDoubled';

export const LOCAL_DEVIATIONS: Record<LocalDeviation, string> = {
  localEmptyQueryFree: 'DynamoDB Local reports 0 units for a Query page that reads no item (DynamoDB: the least read, 0.5 or 1)',
  localTransactionIndexWritesDoubled: 'DynamoDB Local counts a transaction’s GSI writes twice (DynamoDB: twice on the table only)',
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
  const onIndex = (units: number): CapacityFigure => (read.index === 'table' ? { units, table: units, indexes: {} } : { units, indexes: units ? { [read.index]: units } : {} });
  const documented = onIndex(read.units);
  if (read.operation !== 'Query') return { documented, local: documented, deviations: [] };
  const free = read.pages.filter((p) => p.items === 0).reduce((n, p) => n + p.units, 0);
  return free ? { documented, local: onIndex(read.units - free), deviations: ['localEmptyQueryFree'] } : { documented, local: documented, deviations: [] };
}

/** A write request's documented figure and the one DynamoDB Local reports for it. */
export function writeFigures(request: RequestCapacity): { documented: CapacityFigure; local: CapacityFigure; deviations: LocalDeviation[] } {
  const documented: CapacityFigure = { units: request.units, table: request.table, indexes: { ...request.indexes } };
  const indexUnits = Object.values(request.indexes).reduce((n, u) => n + u, 0);
  if (request.operation !== 'TransactWriteItems' || indexUnits === 0) return { documented, local: documented, deviations: [] };
  const indexes = Object.fromEntries(Object.entries(request.indexes).map(([name, u]) => [name, 2 * u]));
  return { documented, local: { units: request.table + 2 * indexUnits, table: request.table, indexes }, deviations: ['localTransactionIndexWritesDoubled'] };
}

/** Whether a measured figure equals the expected one: the total, the table's (when reported) and every GSI's. */
export function sameCapacity(expected: CapacityFigure, measured: CapacityFigure): boolean {
  if (expected.units !== measured.units) return false;
  if (measured.table !== undefined && expected.table !== undefined && measured.table !== expected.table) return false;
  const names = new Set([...Object.keys(expected.indexes), ...Object.keys(measured.indexes)]);
  for (const name of names) if ((expected.indexes[name] ?? 0) !== (measured.indexes[name] ?? 0)) return false;
  return true;
}
