// A month of a workload in both capacity modes, from the units each call consumes on each index
// and the calls per second: plain arithmetic on numbers the estimate (readUnits.ts,
// writeUnits.ts) and the workload (workload.ts) give, at a price table (prices.ts). Rules:
// - On-demand (https://aws.amazon.com/dynamodb/pricing/on-demand/): every request unit is
//   billed: units per call × average calls per second × seconds per month × the price per
//   million read or write request units.
// - Provisioned (https://aws.amazon.com/dynamodb/pricing/provisioned/): capacity is billed per
//   hour whether used or not, and it is set per index: "a global secondary index has its own
//   provisioned throughput settings for read and write activity, separate from those of the
//   table" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations).
//   A read of a GSI uses the GSI's RCUs; a write uses the table's WCUs and each GSI it touches
//   uses that GSI's. Each index gets the units per second its loads need at their peaks
//   (peaks taken to coincide) divided by the target utilisation (auto scaling's default is
//   70%, https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html),
//   rounded up to whole units, at least 1 RCU and 1 WCU per index (DynamoDB's minimum,
//   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughput.html).
// - Storage (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
//   "every item in DynamoDB requires 100 bytes of storage overhead for indexing": item bytes +
//   100 per item, in the table and in each GSI (a GSI stores its own entries), × the price per
//   GB-month; the same in both modes.
import { GB_BYTES, secondsPerMonth, type PriceTable } from './prices.ts';

/** Units one call consumes, by index name: read units (RRU on-demand, RCU provisioned) and write units. */
export interface CallUnits {
  reads: Record<string, number>;
  writes: Record<string, number>;
}

/** A load: the units one call consumes (its average) and its calls per second. */
export interface Load {
  units: CallUnits;
  rate: { avg: number; peak: number };
}

/** What a load costs on-demand in a month. */
export interface OnDemandMonth {
  readRequestUnits: number;
  writeRequestUnits: number;
  dollars: number;
}

/** A load's share of the provisioned capacity (before the per-index rounding) and its dollars a month. */
export interface ProvisionedShare {
  rcu: number;
  wcu: number;
  dollars: number;
}

/** The provisioned capacity of one index (the table or a GSI). */
export interface IndexCapacity {
  index: string;
  /** Read units per second its loads consume at their peaks. */
  peakReadUnits: number;
  peakWriteUnits: number;
  /** Capacity set: peak units ÷ target utilisation, rounded up, at least 1. */
  rcu: number;
  wcu: number;
  /** (rcu × price per RCU-hour + wcu × price per WCU-hour) × hours per month. */
  dollars: number;
}

/** What one index stores: its entries and their bytes (without the per-item overhead). */
export interface StoredEntries {
  index: string;
  items: number;
  bytes: number;
}

/** One index's storage: item bytes + 100 bytes per item, in GB, and its dollars a month. */
export interface IndexStorage extends StoredEntries {
  billedBytes: number;
  gb: number;
  dollars: number;
}

export type CapacityMode = 'on-demand' | 'provisioned';

/** The average traffic at which both modes cost the same, the provisioned capacity fixed at what the peak needs. */
export interface BreakEven {
  /** The break-even average as a fraction of the declared averages (every pattern's and entity's alike). */
  fraction: number;
  /** The same in calls per second (pattern calls and entity writes together). */
  callsPerSecond: number;
}

/** One point of the chart "monthly cost against average traffic": both modes' whole bill, storage included. */
export interface CostPoint {
  /** Average traffic as a fraction of the declared averages. */
  fraction: number;
  callsPerSecond: number;
  onDemand: number;
  provisioned: number;
}

export interface ModeTotal {
  /** Request units (on-demand) or capacity (provisioned), dollars a month. */
  capacity: number;
  storage: number;
  total: number;
}

export interface MonthlyCost {
  /** Each load's cost, in the order given. */
  loads: { onDemand: OnDemandMonth; provisioned: ProvisionedShare }[];
  /** Every index's provisioned capacity, in the order given. */
  indexes: IndexCapacity[];
  storage: IndexStorage[];
  onDemand: ModeTotal;
  provisioned: ModeTotal;
  /** The cheaper mode at the declared averages (on-demand when they cost the same). */
  cheaper: CapacityMode;
  /** Undefined when nothing is called (on-demand costs nothing at any fraction of no traffic). */
  breakEven?: BreakEven;
  /** Points from no traffic to past the break-even, the declared averages and the break-even among them. */
  chart: CostPoint[];
  /** Pattern calls and entity writes per second at the declared averages. */
  callsPerSecond: number;
}

/** DynamoDB auto scaling's default target utilisation. */
export const DEFAULT_TARGET_UTILIZATION = 0.7;
/** Storage overhead per item, in the table and in each GSI. */
export const ITEM_OVERHEAD_BYTES = 100;
/** Points of the chart between no traffic and its end, besides the declared averages and the break-even. */
const CHART_STEPS = 20;

const sum = (values: Iterable<number>): number => {
  let n = 0;
  for (const v of values) n += v;
  return n;
};

/** Whole capacity units for a need: rounded up, ignoring the float noise of a division (7 ÷ 0.7 is 10, not 10.000000000000002). */
export function wholeUnits(units: number): number {
  return Math.ceil(Number(units.toPrecision(12)));
}

/** A load's month on-demand: units per call × calls per second × seconds per month, × the price per million. */
export function onDemandMonth(units: CallUnits, callsPerSecond: number, prices: PriceTable): OnDemandMonth {
  const seconds = secondsPerMonth(prices);
  const readRequestUnits = sum(Object.values(units.reads)) * callsPerSecond * seconds;
  const writeRequestUnits = sum(Object.values(units.writes)) * callsPerSecond * seconds;
  return {
    readRequestUnits,
    writeRequestUnits,
    dollars: (readRequestUnits / 1e6) * prices.perMillionReadRequestUnits + (writeRequestUnits / 1e6) * prices.perMillionWriteRequestUnits,
  };
}

/** A load's share of provisioned capacity: units per call × peak calls per second ÷ utilisation, × hours × the hourly price. */
export function provisionedShare(units: CallUnits, peakPerSecond: number, targetUtilization: number, prices: PriceTable): ProvisionedShare {
  const rcu = (sum(Object.values(units.reads)) * peakPerSecond) / targetUtilization;
  const wcu = (sum(Object.values(units.writes)) * peakPerSecond) / targetUtilization;
  return { rcu, wcu, dollars: (rcu * prices.perRcuHour + wcu * prices.perWcuHour) * prices.hoursPerMonth };
}

/** Each index's provisioned capacity for the loads at their peaks. */
export function provisionedCapacity(loads: readonly Load[], indexes: readonly string[], targetUtilization: number, prices: PriceTable): IndexCapacity[] {
  return indexes.map((index) => {
    const peakReadUnits = sum(loads.map((l) => (l.units.reads[index] ?? 0) * l.rate.peak));
    const peakWriteUnits = sum(loads.map((l) => (l.units.writes[index] ?? 0) * l.rate.peak));
    const rcu = Math.max(1, wholeUnits(peakReadUnits / targetUtilization));
    const wcu = Math.max(1, wholeUnits(peakWriteUnits / targetUtilization));
    return { index, peakReadUnits, peakWriteUnits, rcu, wcu, dollars: (rcu * prices.perRcuHour + wcu * prices.perWcuHour) * prices.hoursPerMonth };
  });
}

/** Each index's storage a month: (bytes + 100 × items) ÷ 2^30 × the price per GB-month. */
export function storageMonth(entries: readonly StoredEntries[], prices: PriceTable): IndexStorage[] {
  return entries.map((e) => {
    const billedBytes = e.bytes + ITEM_OVERHEAD_BYTES * e.items;
    const gb = billedBytes / GB_BYTES;
    return { ...e, billedBytes, gb, dollars: gb * prices.perGbMonth };
  });
}

/**
 * The break-even: on-demand's request units grow with the average traffic, provisioned capacity
 * (set for the peak) does not, so on-demand at a fraction f of the declared averages costs
 * f × its declared cost, equal to provisioned's at f = provisioned ÷ on-demand. Storage is the
 * same in both modes and does not move it.
 */
export function breakEven(onDemandCapacity: number, provisionedCapacity: number, callsPerSecond: number): BreakEven | undefined {
  if (!(onDemandCapacity > 0)) return undefined;
  const fraction = provisionedCapacity / onDemandCapacity;
  return { fraction, callsPerSecond: fraction * callsPerSecond };
}

/** The chart's points: both modes' whole bill from no traffic to twice the declared averages or 1.5 × the break-even, whichever is further. */
export function costChart({
  onDemandCapacity,
  provisionedCapacity,
  storage,
  callsPerSecond,
  even,
}: {
  onDemandCapacity: number;
  provisionedCapacity: number;
  storage: number;
  callsPerSecond: number;
  even: BreakEven | undefined;
}): CostPoint[] {
  const end = Math.max(2, even ? 1.5 * even.fraction : 0);
  const fractions = new Set<number>([1, ...(even ? [even.fraction] : [])]);
  for (let i = 0; i <= CHART_STEPS; i++) fractions.add((end * i) / CHART_STEPS);
  return [...fractions]
    .sort((a, b) => a - b)
    .map((fraction) => ({
      fraction,
      callsPerSecond: fraction * callsPerSecond,
      onDemand: fraction * onDemandCapacity + storage,
      provisioned: provisionedCapacity + storage,
    }));
}

export interface MonthlyCostInput {
  loads: readonly Load[];
  /** Every index of the design, the table first. */
  indexes: readonly string[];
  storage: readonly StoredEntries[];
  prices: PriceTable;
  /** Of provisioned capacity, between 0 and 1 (default 0.7). */
  targetUtilization?: number;
}

/** The month of the loads in both modes, the cheaper one, the break-even and the chart. */
export function monthlyCost({ loads, indexes, storage, prices, targetUtilization = DEFAULT_TARGET_UTILIZATION }: MonthlyCostInput): MonthlyCost {
  const perLoad = loads.map((l) => ({
    onDemand: onDemandMonth(l.units, l.rate.avg, prices),
    provisioned: provisionedShare(l.units, l.rate.peak, targetUtilization, prices),
  }));
  const capacity = provisionedCapacity(loads, indexes, targetUtilization, prices);
  const stored = storageMonth(storage, prices);
  const storageDollars = sum(stored.map((s) => s.dollars));
  const onDemandCapacity = sum(perLoad.map((l) => l.onDemand.dollars));
  const provisionedDollars = sum(capacity.map((c) => c.dollars));
  const callsPerSecond = sum(loads.map((l) => l.rate.avg));
  const even = breakEven(onDemandCapacity, provisionedDollars, callsPerSecond);
  return {
    loads: perLoad,
    indexes: capacity,
    storage: stored,
    onDemand: { capacity: onDemandCapacity, storage: storageDollars, total: onDemandCapacity + storageDollars },
    provisioned: { capacity: provisionedDollars, storage: storageDollars, total: provisionedDollars + storageDollars },
    cheaper: provisionedDollars < onDemandCapacity ? 'provisioned' : 'on-demand',
    ...(even ? { breakEven: even } : {}),
    chart: costChart({ onDemandCapacity, provisionedCapacity: provisionedDollars, storage: storageDollars, callsPerSecond, even }),
    callsPerSecond,
  };
}
