// Monthly cost by hand: every figure below is the arithmetic written out, at the default prices
// (us-east-1, 2026-11-30: $0.125/M RRU, $0.625/M WRU, $0.00013 per RCU-hour, $0.00065 per
// WCU-hour, $0.25 per GB-month, 730 hours = 2,628,000 s a month).
import { describe, expect, it } from 'vitest';
import { breakEven, monthlyCost, onDemandMonth, provisionedCapacity, storageMonth, wholeUnits, type Load } from './monthlyCost.ts';
import { DEFAULT_PRICES, priceTableProblems, secondsPerMonth } from './prices.ts';

const prices = DEFAULT_PRICES;

describe('prices', () => {
  it('say their region, date and source; a month is 730 hours = 2,628,000 s', () => {
    expect(prices).toMatchObject({ region: 'us-east-1', date: '2026-11-30', source: 'https://aws.amazon.com/dynamodb/pricing/' });
    expect(secondsPerMonth(prices)).toBe(730 * 3600);
    expect(secondsPerMonth(prices)).toBe(2_628_000);
    expect(priceTableProblems(prices)).toEqual([]);
    expect(priceTableProblems({ ...prices, perRcuHour: -1, hoursPerMonth: 0 })).toEqual([
      'perRcuHour (provisioned, per RCU-hour) must be a number of 0 or more',
      'hoursPerMonth (hours per month) must be more than 0',
    ]);
  });
});

// A pattern on the table, a pattern on GSI1, and an entity's write (a consistent read of the
// table, then one write unit on the table and one on GSI1).
const onTable: Load = { units: { reads: { Table: 0.5 }, writes: {} }, rate: { avg: 20, peak: 100 } };
const onGsi: Load = { units: { reads: { GSI1: 1 }, writes: {} }, rate: { avg: 5, peak: 50 } };
const write: Load = { units: { reads: { Table: 1 }, writes: { Table: 1, GSI1: 1 } }, rate: { avg: 2, peak: 10 } };

describe('on-demand', () => {
  it('20 calls/s × 0.5 RRU × 2,628,000 s/month = 26,280,000 RRU × $0.125/M = $3.285', () => {
    const month = onDemandMonth(onTable.units, 20, prices);
    expect(month.readRequestUnits).toBe(20 * 0.5 * 2_628_000);
    expect(month.readRequestUnits).toBe(26_280_000);
    expect(month.dollars).toBeCloseTo(3.285, 10);
  });
  it('a write: 2 calls/s × 2 WRU × 2,628,000 = 10,512,000 WRU × $0.625/M = $6.57, + 2 × 1 RRU × 2,628,000 = 5,256,000 RRU × $0.125/M = $0.657: $7.227', () => {
    const month = onDemandMonth(write.units, 2, prices);
    expect(month).toMatchObject({ writeRequestUnits: 10_512_000, readRequestUnits: 5_256_000 });
    expect(month.dollars).toBeCloseTo(6.57 + 0.657, 10);
  });
});

describe('provisioned, per index at the peak ÷ 70%', () => {
  it('table reads 0.5 × 100 + 1 × 10 = 60/s ÷ 0.7 = 85.7 → 86 RCU; writes 1 × 10 ÷ 0.7 = 14.3 → 15 WCU; GSI1 reads 1 × 50 ÷ 0.7 = 71.4 → 72 RCU, writes 15 WCU', () => {
    const [table, gsi] = provisionedCapacity([onTable, onGsi, write], ['Table', 'GSI1'], 0.7, prices);
    expect(table).toMatchObject({ index: 'Table', peakReadUnits: 60, peakWriteUnits: 10, rcu: 86, wcu: 15 });
    expect(gsi).toMatchObject({ index: 'GSI1', peakReadUnits: 50, peakWriteUnits: 10, rcu: 72, wcu: 15 });
    // (86 × $0.00013 + 15 × $0.00065) × 730 h = ($0.01118 + $0.00975) × 730 = $15.2789
    expect(table?.dollars).toBeCloseTo(15.2789, 10);
    // (72 × $0.00013 + 15 × $0.00065) × 730 h = ($0.00936 + $0.00975) × 730 = $13.9503
    expect(gsi?.dollars).toBeCloseTo(13.9503, 10);
  });
  it('rounds a whole need without float noise (7 ÷ 0.7 = 10, not 11), and sets at least 1 RCU and 1 WCU on an idle index', () => {
    expect(wholeUnits(7 / 0.7)).toBe(10);
    const [idle] = provisionedCapacity([onTable], ['GSI9'], 0.7, prices);
    expect(idle).toMatchObject({ rcu: 1, wcu: 1 });
    // (1 × $0.00013 + 1 × $0.00065) × 730 = $0.5694
    expect(idle?.dollars).toBeCloseTo(0.5694, 10);
  });
});

describe('storage', () => {
  it('1,000,000 items of 900 bytes: 900,000,000 + 100 × 1,000,000 = 1,000,000,000 bytes ÷ 2^30 = 0.9313 GB × $0.25 = $0.2328; GSI1 half of them $0.1164', () => {
    const [table, gsi] = storageMonth(
      [
        { index: 'Table', items: 1_000_000, bytes: 900_000_000 },
        { index: 'GSI1', items: 500_000, bytes: 450_000_000 },
      ],
      prices,
    );
    expect(table?.billedBytes).toBe(1_000_000_000);
    expect(table?.gb).toBeCloseTo(1e9 / 1_073_741_824, 12);
    expect(table?.dollars).toBeCloseTo((1e9 / 1_073_741_824) * 0.25, 12);
    expect(table?.dollars).toBeCloseTo(0.23283, 5);
    expect(gsi?.dollars).toBeCloseTo(0.11642, 5);
  });
});

describe('monthlyCost', () => {
  const storage = [
    { index: 'Table', items: 1_000_000, bytes: 900_000_000 },
    { index: 'GSI1', items: 500_000, bytes: 450_000_000 },
  ];
  it('bursty traffic: on-demand $3.285 + $1.6425 + $7.227 = $12.1545 beats provisioned $15.2789 + $13.9503 = $29.2292; break-even at 29.2292 ÷ 12.1545 = 2.405 × the declared 27 calls/s = 64.9 calls/s', () => {
    const cost = monthlyCost({ loads: [onTable, onGsi, write], indexes: ['Table', 'GSI1'], storage, prices });
    // 5 calls/s × 1 RRU × 2,628,000 = 13,140,000 RRU × $0.125/M = $1.6425
    expect(cost.loads[1]?.onDemand.dollars).toBeCloseTo(1.6425, 10);
    expect(cost.onDemand.capacity).toBeCloseTo(12.1545, 10);
    expect(cost.provisioned.capacity).toBeCloseTo(29.2292, 10);
    expect(cost.onDemand.storage).toBeCloseTo(0.23283 + 0.11642, 4);
    expect(cost.provisioned.total - cost.provisioned.capacity).toBe(cost.onDemand.storage);
    expect(cost.cheaper).toBe('on-demand');
    expect(cost.callsPerSecond).toBe(20 + 5 + 2);
    expect(cost.breakEven?.fraction).toBeCloseTo(29.2292 / 12.1545, 10);
    expect(cost.breakEven?.callsPerSecond).toBeCloseTo((29.2292 / 12.1545) * 27, 8);
    // A load's provisioned share before rounding: 0.5 RRU × 100/s ÷ 0.7 = 71.43 RCU × $0.00013 × 730 = $6.7786
    expect(cost.loads[0]?.provisioned.rcu).toBeCloseTo(50 / 0.7, 10);
    expect(cost.loads[0]?.provisioned.dollars).toBeCloseTo((50 / 0.7) * 0.00013 * 730, 10);
  });

  it('the chart: both modes from no traffic past the break-even, equal at it, the declared averages among the points', () => {
    const cost = monthlyCost({ loads: [onTable, onGsi, write], indexes: ['Table', 'GSI1'], storage, prices });
    const even = cost.breakEven?.fraction ?? NaN;
    expect(cost.chart[0]).toMatchObject({ fraction: 0, callsPerSecond: 0 });
    expect(cost.chart[0]?.onDemand).toBeCloseTo(cost.onDemand.storage, 12);
    expect(cost.chart.at(-1)?.fraction).toBeCloseTo(1.5 * even, 10);
    const atEven = cost.chart.find((p) => p.fraction === even);
    expect(atEven?.onDemand).toBeCloseTo(atEven?.provisioned ?? NaN, 10);
    const declared = cost.chart.find((p) => p.fraction === 1);
    expect(declared?.onDemand).toBeCloseTo(cost.onDemand.total, 10);
    expect(declared?.provisioned).toBeCloseTo(cost.provisioned.total, 10);
    expect(cost.chart.map((p) => p.fraction)).toEqual([...cost.chart.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(cost.chart.every((p) => p.provisioned === cost.provisioned.total)).toBe(true);
  });

  it('steady traffic: 100 calls/s of 1 RRU on-demand 262,800,000 RRU = $32.85; provisioned 100 ÷ 0.7 → 143 RCU × $0.00013 × 730 = $13.5707 + 1 WCU × $0.00065 × 730 = $0.4745: $14.0452, cheaper', () => {
    const steady: Load = { units: { reads: { Table: 1 }, writes: {} }, rate: { avg: 100, peak: 100 } };
    const cost = monthlyCost({ loads: [steady], indexes: ['Table'], storage: [], prices });
    expect(cost.onDemand.capacity).toBeCloseTo(32.85, 10);
    expect(cost.indexes[0]).toMatchObject({ rcu: 143, wcu: 1 });
    expect(cost.provisioned.capacity).toBeCloseTo(14.0452, 10);
    expect(cost.cheaper).toBe('provisioned');
    // Provisioned costs what on-demand does at 14.0452 ÷ 32.85 = 42.8% of the traffic: 42.8 calls/s.
    expect(cost.breakEven?.callsPerSecond).toBeCloseTo((14.0452 / 32.85) * 100, 8);
  });

  it('a target utilisation of 100% provisions the peak itself; no traffic has no break-even', () => {
    const cost = monthlyCost({ loads: [onTable], indexes: ['Table'], storage: [], prices, targetUtilization: 1 });
    expect(cost.indexes[0]).toMatchObject({ rcu: 50, wcu: 1 });
    expect(breakEven(0, 5, 0)).toBeUndefined();
    const idle = monthlyCost({ loads: [], indexes: ['Table'], storage: [], prices });
    expect(idle.breakEven).toBeUndefined();
    expect(idle.cheaper).toBe('on-demand');
    expect(idle.chart.length).toBeGreaterThan(2);
  });
});
