// What the naive design pays for a pattern's answer: a Scan of the whole table with a filter,
// beside what this design pays. DynamoDB's rules (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.CapacityUnits):
// a Scan reads at most 1 MB a page and "sums up the size of the items" it reads, rounded up to
// 4 KB per page; "a Scan consumes the same amount of read capacity, regardless of whether a
// filter expression is present" (the filter drops items after they are read); eventually
// consistent by default, half the units. The table holds every entity at its declared count;
// pages are cut at 1 MB of bytes (a page ends after the item that crosses 1 MB, so a real
// page reads at most one item more: under one 4 KB block per page at these sizes).
import { secondsPerMonth, type PriceTable } from './prices.ts';
import { PAGE_BYTES, readUnitsOf } from './readUnits.ts';

/** A whole table: its items and their bytes. */
export interface ScannedTable {
  items: number;
  bytes: number;
}

/** The read of one whole-table Scan, eventually consistent. */
export interface ScanRead {
  /** 1 MB pages (at least one: a Scan of an empty table is one page reading nothing). */
  pages: number;
  bytes: number;
  /** Each page's bytes rounded up to 4 KB, halved (eventually consistent). */
  units: number;
}

/** The read units of a Scan of `bytes`: 1 MB pages, each rounded up to 4 KB, eventually consistent. */
export function scanRead(bytes: number): ScanRead {
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  const last = bytes - (pages - 1) * PAGE_BYTES;
  return { pages, bytes, units: (pages - 1) * readUnitsOf(PAGE_BYTES, false) + readUnitsOf(last, false) };
}

/** A pattern's naive Scan: per call in units and dollars, per month at the pattern's rate, and how many times this design's cost it is. */
export interface NaiveScan extends ScanRead {
  /** Items the Scan reads (every item of the table). */
  items: number;
  /** On-demand dollars per call: units ÷ 1,000,000 × the price per million read request units. */
  dollarsPerCall: number;
  /** On-demand dollars a month at the pattern's average rate. */
  monthly: number;
  /** The Scan's units ÷ this design's units per call (its on-demand cost ratio); undefined when this design reads nothing. */
  ratio?: number;
}

/** The naive Scan for a pattern called `callsPerSecond` (average) whose design reads `designUnitsPerCall`. */
export function naiveScan({
  table,
  callsPerSecond,
  designUnitsPerCall,
  prices,
}: {
  table: ScannedTable;
  callsPerSecond: number;
  designUnitsPerCall: number;
  prices: PriceTable;
}): NaiveScan {
  const read = scanRead(table.bytes);
  const dollarsPerCall = (read.units / 1e6) * prices.perMillionReadRequestUnits;
  return {
    ...read,
    items: table.items,
    dollarsPerCall,
    monthly: dollarsPerCall * callsPerSecond * secondsPerMonth(prices),
    ...(designUnitsPerCall > 0 ? { ratio: read.units / designUnitsPerCall } : {}),
  };
}
