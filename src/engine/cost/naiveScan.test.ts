// The naive Scan by hand, at the default prices ($0.125 per million read request units, 2,628,000 s a month).
import { describe, expect, it } from 'vitest';
import { naiveScan, scanRead } from './naiveScan.ts';
import { DEFAULT_PRICES } from './prices.ts';

const KB = 1024;
const MB = 1024 * KB;

describe('scanRead', () => {
  it('the seed’s page view: a Scan of 1,000,000 items of 4 KB = 4,096,000,000 bytes = 3,906.25 MB → 3,907 pages; 3,906 full pages × 256 blocks ÷ 2 = 499,968 + the last 0.25 MB = 64 blocks ÷ 2 = 32: 500,000 RRU', () => {
    const read = scanRead(1_000_000 * 4 * KB);
    expect(read.pages).toBe(3907);
    expect(read.units).toBe(3906 * ((1 * MB) / (4 * KB) / 2) + (0.25 * MB) / (4 * KB) / 2);
    expect(read.units).toBe(500_000);
  });
  it('rounds each page up to 4 KB, not the whole Scan: 2 MB + 1 byte is 3 pages, 128 + 128 + 0.5 = 256.5 RRU; an empty table is one page of the least read', () => {
    expect(scanRead(2 * MB + 1)).toEqual({ pages: 3, bytes: 2 * MB + 1, units: 256.5 });
    expect(scanRead(0)).toEqual({ pages: 1, bytes: 0, units: 0.5 });
  });
});

describe('naiveScan', () => {
  it('per call 500,000 RRU × $0.125/M = $0.0625; at 20 views/s × 2,628,000 s = 52,560,000 calls × $0.0625 = $3,285,000 a month; against a 0.5 RRU GetItem: 1,000,000 ×', () => {
    // The seed's "$1.25 per query" story: the figure depends on the price; the scale does not.
    const scan = naiveScan({ table: { items: 1_000_000, bytes: 1_000_000 * 4 * KB }, callsPerSecond: 20, designUnitsPerCall: 0.5, prices: DEFAULT_PRICES });
    expect(scan.dollarsPerCall).toBeCloseTo(0.0625, 12);
    expect(scan.monthly).toBeCloseTo(3_285_000, 4);
    expect(scan.ratio).toBe(1_000_000);
    expect(scan.items).toBe(1_000_000);
  });
  it('has no ratio when this design reads nothing (a pattern it cannot serve)', () => {
    expect(naiveScan({ table: { items: 10, bytes: 1000 }, callsPerSecond: 1, designUnitsPerCall: 0, prices: DEFAULT_PRICES }).ratio).toBeUndefined();
  });
});
