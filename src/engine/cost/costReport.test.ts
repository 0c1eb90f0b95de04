// The cost report on a small shop, its figures checked by hand at the default prices
// ($0.125/M RRU, $0.625/M WRU, $0.00013 per RCU-hour, $0.00065 per WCU-hour, $0.25 per GB-month, 2,628,000 s a month).
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { costReport } from './costReport.ts';
import { DEFAULT_PRICES } from './prices.ts';

const shop = (orderHeader: string) =>
  deriveDesign(
    modelFromText(`model "Shop"
entity Order key orderId ${orderHeader}
  orderId: string
  customerId: string
  status: string
getOrder: Order by orderId rate 20 peak 100
byCustomer: Order by customerId rate 5 peak 50
byStatus: Order by status
`),
  );

describe('costReport', () => {
  it('prices each pattern: getOrder, a GetItem of a small item, 0.5 RRU × 20 calls/s × 2,628,000 s = 26,280,000 RRU × $0.125/M = $3.285 a month', async () => {
    const report = await costReport(shop('count 1000 writes 2 peak 10'));
    const getOrder = report.patterns.find((p) => p.pattern === 'getOrder');
    expect(getOrder).toMatchObject({ entity: 'Order', served: true, requestsPerCall: 1, consistent: false, rate: { avg: 20, peak: 100, isDefault: false } });
    expect(getOrder?.unitsPerCall).toEqual({ average: 0.5, worst: 0.5, byIndex: { table: 0.5 } });
    expect(getOrder?.readRequestUnitsPerMonth).toBe(26_280_000);
    expect(getOrder?.monthly.onDemand).toBeCloseTo(3.285, 10);
    // Its share of provisioned capacity: 0.5 × 100/s ÷ 0.7 = 71.43 RCU × $0.00013 × 730 h = $6.7786.
    expect(getOrder?.monthly.provisioned).toBeCloseTo((0.5 * 100 * 0.00013 * 730) / 0.7, 10);
    // A pattern without a rate is priced at the default, and says so.
    expect(report.patterns.find((p) => p.pattern === 'byStatus')?.rate).toEqual({ avg: 1, peak: 10, isDefault: true });
    expect(report.assumptions.join('\n')).toContain('Patterns without a rate are called 1/s on average, 10/s at the peak (the default): byStatus.');
  });

  it('puts the naive Scan beside each pattern: 1,000 orders of the average item size in one page, rounded up to 4 KB, halved', async () => {
    const report = await costReport(shop('count 1000 writes 2 peak 10'));
    const order = report.entities.find((e) => e.entity === 'Order');
    const bytes = 1000 * (order?.averageItemBytes ?? NaN);
    expect(bytes).toBeLessThan(1024 * 1024);
    const units = Math.ceil(bytes / 4096) / 2;
    const getOrder = report.patterns.find((p) => p.pattern === 'getOrder');
    expect(getOrder?.naive).toMatchObject({ items: 1000, pages: 1, units, ratio: units / 0.5 });
    expect(getOrder?.naive.dollarsPerCall).toBeCloseTo((units / 1e6) * 0.125, 15);
    expect(getOrder?.naive.monthly).toBeCloseTo((units / 1e6) * 0.125 * 20 * 2_628_000, 8);
    expect(report.naive.monthly).toBeCloseTo(
      report.patterns.reduce((n, p) => n + p.naive.monthly, 0),
      8,
    );
  });

  it('spreads an entity’s 2 writes/s (peak 10) over its write operations 20/70/10 and prices each', async () => {
    const report = await costReport(shop('count 1000 writes 2 peak 10'));
    const order = report.entities.find((e) => e.entity === 'Order');
    expect(order).toMatchObject({ writes: { avg: 2, peak: 10, isDefault: false }, count: 1000, countDeclared: true });
    const ops = order?.operations ?? [];
    expect(ops.map((o) => o.operation)).toEqual(['remove', 'create', ...ops.slice(2).map(() => 'update')]);
    expect(ops.reduce((n, o) => n + o.share, 0)).toBeCloseTo(1, 12);
    expect(ops.reduce((n, o) => n + o.rate.avg, 0)).toBeCloseTo(2, 12);
    const create = ops.find((o) => o.operation === 'create');
    expect(create?.rate).toEqual({ avg: 2 * 0.2, peak: 10 * 0.2 });
    // Every Order is in the table and both GSIs: a create of a small item puts 1 WCU in each.
    expect(create).toMatchObject({ ok: true, writeUnits: 3, byIndex: { reads: {}, writes: { table: 1, GSI1: 1, GSI2: 1 } } });
    // 0.4 writes/s × 3 WRU × 2,628,000 s = 3,153,600 WRU × $0.625/M = $1.971.
    expect(create?.monthly.onDemand).toBeCloseTo(1.971, 10);
    expect(order?.monthly.onDemand).toBeCloseTo(
      ops.reduce((n, o) => n + o.monthly.onDemand, 0),
      12,
    );
  });

  it('adds up: on-demand is every pattern and write plus storage; provisioned is each index’s rounded capacity plus storage; the cheaper one and the break-even follow', async () => {
    const report = await costReport(shop('count 1000 writes 2 peak 10'));
    const loads = [...report.patterns.map((p) => p.monthly.onDemand), ...report.entities.flatMap((e) => e.operations.map((o) => o.monthly.onDemand))];
    expect(report.totals.onDemand.capacity).toBeCloseTo(
      loads.reduce((a, b) => a + b, 0),
      10,
    );
    expect(report.indexes.map((i) => [i.index, i.kind])).toEqual([
      ['table', 'table'],
      ['GSI1', 'gsi'],
      ['GSI2', 'gsi'],
    ]);
    for (const index of report.indexes) {
      expect(index.rcu).toBe(Math.max(1, Math.ceil(Number((index.peakReadUnits / 0.7).toPrecision(12)))));
      expect(index.dollars).toBeCloseTo((index.rcu * 0.00013 + index.wcu * 0.00065) * 730, 10);
    }
    expect(report.totals.provisioned.capacity).toBeCloseTo(
      report.indexes.reduce((n, i) => n + i.dollars, 0),
      10,
    );
    expect(report.totals.provisioned.storage).toBe(report.storage.monthly);
    expect(report.cheaper).toBe(report.totals.provisioned.total < report.totals.onDemand.total ? 'provisioned' : 'on-demand');
    expect(report.savings).toBeCloseTo(Math.abs(report.totals.onDemand.total - report.totals.provisioned.total), 10);
    expect(report.breakEven?.fraction).toBeCloseTo(report.totals.provisioned.capacity / report.totals.onDemand.capacity, 12);
    // 20 + 5 + 1 pattern calls and 2 writes a second.
    expect(report.callsPerSecond).toBeCloseTo(28, 12);
    expect(report.chart.find((p) => p.fraction === 1)?.onDemand).toBeCloseTo(report.totals.onDemand.total, 10);
    expect(structuredClone(report)).toEqual(report);
  });

  it('stores itemBytes-sized items: 1,000 orders of 2,000 bytes = 2,000,000 + 100 × 1,000 = 2,100,000 bytes in the table and in each GSI', async () => {
    const report = await costReport(shop('count 1000 itemBytes 2000'));
    const order = report.entities.find((e) => e.entity === 'Order');
    expect(order?.averageItemBytes).toBe(2000);
    expect(order?.assumed).toMatchObject({ itemBytes: 2000, records: 1000, padded: 1000, larger: 0, average: 2000 });
    for (const index of report.indexes) expect(index.storage).toMatchObject({ items: 1000, bytes: 2_000_000, billedBytes: 2_100_000 });
    // 3 × 2,100,000 bytes ÷ 2^30 × $0.25.
    expect(report.storage.monthly).toBeCloseTo(((3 * 2_100_000) / 2 ** 30) * 0.25, 12);
    // A create writes 2 KB: 2 WCU in the table and in each GSI.
    expect(order?.operations.find((o) => o.operation === 'create')).toMatchObject({ writeUnits: 6 });
    expect(report.assumptions.join('\n')).toContain('Order items are 2000 bytes as declared');
    // No writes declared: the default, said.
    expect(order?.writes).toEqual({ avg: 1, peak: 10, isDefault: true });
  });

  it('counts an entity without a count by its sample records, says so, and takes other prices and utilisation', async () => {
    const prices = { ...DEFAULT_PRICES, region: 'eu-west-1', perMillionReadRequestUnits: 0.25 };
    const report = await costReport(shop('writes 2'), { prices, targetUtilization: 1 });
    expect(report.prices.region).toBe('eu-west-1');
    expect(report.entities[0]).toMatchObject({ count: 20, countDeclared: false, samples: 20 });
    expect(report.assumptions.join('\n')).toContain('entities without a count, their sample records: Order (20)');
    // 0.5 RRU × 20/s × 2,628,000 s × $0.25/M = $6.57.
    expect(report.patterns[0]?.monthly.onDemand).toBeCloseTo(6.57, 10);
    // At 100% utilisation the table's reads are the peaks themselves: getOrder 0.5 × 100 + the writes' consistent reads.
    expect(report.indexes[0]?.rcu).toBe(Math.max(1, Math.ceil(Number((report.indexes[0]?.peakReadUnits ?? NaN).toPrecision(12)))));
    expect(report.targetUtilization).toBe(1);
    await expect(costReport(shop('writes 2'), { targetUtilization: 0 })).rejects.toThrow(RangeError);
  });
});
