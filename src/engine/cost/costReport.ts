// What a design costs a month and why, from the public design alone: its model (rates, counts,
// item sizes), its plans, seeded sample records (samples/) and their items (toItem), priced by
// the capacity estimate (readUnits.ts, writeOperations.ts), the workload (workload.ts, writeMix.ts)
// and the month's arithmetic (monthlyCost.ts) at a price table (prices.ts). The result is plain,
// structured-cloneable data (a worker may compute it), with every assumption as a sentence.
import type { Design } from '../design/types.ts';
import type { RecordValue } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import type { WriteOperation } from '../writes/writeCall.ts';
import { withGuardItems } from '../writes/guardItems.ts';
import { assumedItems, FILLER_ATTRIBUTE, type AssumedSize } from './assumedItems.ts';
import { indexEntryBytes, itemBytes } from './itemSize.ts';
import {
  monthlyCost,
  DEFAULT_TARGET_UTILIZATION,
  ITEM_OVERHEAD_BYTES,
  type BreakEven,
  type CallUnits,
  type CapacityMode,
  type CostPoint,
  type IndexCapacity,
  type IndexStorage,
  type Load,
  type ModeTotal,
  type StoredEntries,
} from './monthlyCost.ts';
import { naiveScan, type NaiveScan } from './naiveScan.ts';
import { DEFAULT_PRICES, type PriceTable } from './prices.ts';
import { patternReadCost } from './readUnits.ts';
import { DEFAULT_ENTITY_WRITES, DEFAULT_PATTERN_RATE, entityWrites, patternRate, type WorkloadRate } from './workload.ts';
import { DEFAULT_WRITE_MIX, writeMixText, writeShares, type WriteMix } from './writeMix.ts';
import { writeOperationCosts } from './writeOperations.ts';

export interface CostReportOptions {
  /** Default DEFAULT_PRICES (us-east-1, 2026-11-30). */
  prices?: PriceTable;
  /** Of provisioned capacity, above 0 and at most 1 (default 0.7). */
  targetUtilization?: number;
  /** How an entity's writes spread over its operations (default DEFAULT_WRITE_MIX: 20% creates, 70% updates, 10% removes). */
  writeMix?: WriteMix;
  /** Of the sample records (default 'tablewright', the CLI's and the app's). */
  seed?: string | number;
  /** Sample records per entity at most (default 1,000): units per call are measured on them. */
  maxSamplesPerEntity?: number;
}

/** Dollars a month in both modes: on-demand at the average rate; provisioned, the share of the capacity the peak needs (before rounding per index). */
export interface MonthlyDollars {
  onDemand: number;
  provisioned: number;
}

/** One pattern: what a call reads, how often, what a month of it costs, and what a Scan would. */
export interface PatternCost {
  pattern: string;
  entity: string;
  /** False when the design cannot serve the pattern (no requests; it costs nothing here). */
  served: boolean;
  /** Requests per call (2 for a pattern served by two requests). */
  requestsPerCall: number;
  /** Read units per call, over the sampled parameter values: the mean, the dearest, and the mean per index. */
  unitsPerCall: { average: number; worst: number; byIndex: Record<string, number> };
  /** Strongly consistent reads asked (FORMAT.md `consistent`). */
  consistent: boolean;
  /** Calls per second; `isDefault` when the model gives no rate. */
  rate: WorkloadRate;
  /** Read request units a month on-demand (average units × average rate × seconds a month). */
  readRequestUnitsPerMonth: number;
  monthly: MonthlyDollars;
  /** The naive design's Scan for the same answer. */
  naive: NaiveScan;
}

/** One write operation of an entity (sampleWriteSteps' label: `create`, `update (moves GSI1: status)`...). */
export interface WriteOperationCostRow {
  entity: string;
  operation: WriteOperation;
  label: string;
  /** Its share of the entity's writes (writeMix) and the rate that gives. */
  share: number;
  rate: { avg: number; peak: number };
  /** Requests one write sends (consistent reads included). */
  requests: number;
  /** Write units of one write (table and GSIs), and read units (the runtime's consistent reads). */
  writeUnits: number;
  readUnits: number;
  /** The same by index. */
  byIndex: CallUnits;
  /** False when the sample write failed (then priced as DynamoDB prices the refusal); `error` names why. */
  ok: boolean;
  error?: string;
  monthly: MonthlyDollars;
}

export interface EntityCost {
  entity: string;
  /** Writes per second of all its operations; `isDefault` when the model gives none. */
  writes: WorkloadRate;
  /** Records stored: the declared `count`, else the number of sample records (`countDeclared` false). */
  count: number;
  countDeclared: boolean;
  /** Sample records the estimate read. */
  samples: number;
  /** The items' average size as estimated (bytes); `assumed` when the model declares itemBytes. */
  averageItemBytes: number;
  assumed?: AssumedSize;
  operations: WriteOperationCostRow[];
  monthly: MonthlyDollars;
}

/** One index (the table first): its provisioned capacity and its storage. */
export interface IndexCost extends IndexCapacity {
  kind: 'table' | 'gsi';
  storage: IndexStorage;
}

export interface CostReport {
  prices: PriceTable;
  targetUtilization: number;
  writeMix: WriteMix;
  patterns: PatternCost[];
  entities: EntityCost[];
  indexes: IndexCost[];
  /** All indexes together. */
  storage: { items: number; bytes: number; billedBytes: number; gb: number; monthly: number };
  /** The whole month in each mode: capacity (request units, or provisioned capacity rounded per index) + storage. */
  totals: { onDemand: ModeTotal; provisioned: ModeTotal };
  /** The cheaper mode at the declared averages, and what it saves a month. */
  cheaper: CapacityMode;
  savings: number;
  /** Where both modes cost the same (undefined when nothing is called). */
  breakEven?: BreakEven;
  /** Monthly cost against average traffic, both modes (storage included), for a chart. */
  chart: CostPoint[];
  /** Pattern calls and entity writes per second, at the declared averages. */
  callsPerSecond: number;
  /** Every pattern answered by a Scan instead: on-demand a month, and how many times this design's pattern reads. */
  naive: { monthly: number; ratio?: number };
  /** Every assumption behind the figures, a sentence each. */
  assumptions: string[];
}

const DEFAULT_SEED = 'tablewright';
const DEFAULT_MAX_SAMPLES = 1000;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const mean = (values: readonly number[]): number => (values.length ? sum(values) / values.length : 0);
const add = (into: Record<string, number>, index: string, units: number) => {
  if (units !== 0) into[index] = (into[index] ?? 0) + units;
};
const rateText = (r: { avg: number; peak?: number }) => `${r.avg}/s on average, ${r.peak ?? r.avg}/s at the peak`;

/** The design's monthly cost in both capacity modes, per pattern, write operation and index, with the naive Scan beside each pattern. */
export async function costReport(design: Design, options: CostReportOptions = {}): Promise<CostReport> {
  const prices = options.prices ?? { ...DEFAULT_PRICES };
  const targetUtilization = options.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
  if (!(targetUtilization > 0 && targetUtilization <= 1)) throw new RangeError(`target utilization ${targetUtilization} is not above 0 and at most 1`);
  const writeMix = options.writeMix ?? { ...DEFAULT_WRITE_MIX };
  const seed = options.seed ?? DEFAULT_SEED;
  const maxSamples = options.maxSamplesPerEntity ?? DEFAULT_MAX_SAMPLES;
  const model = design.model;
  const tableIndex = design.indexes[0]?.name ?? 'table';

  const samples = generateSampleRecords(model, { seed, maxPerEntity: maxSamples });
  const assumed = assumedItems(design, samples);
  const stored = withGuardItems(design, assumed.items).items;

  // Entities: counts, sizes, storage per index, and the naive table's bytes.
  const storedEntries = new Map<string, StoredEntries>(design.indexes.map((i) => [i.name, { index: i.name, items: 0, bytes: 0 }]));
  const naiveTable = { items: 0, bytes: 0 };
  const entityFacts = model.entities.map((entity) => {
    const records = assumed.records.get(entity.name) ?? [];
    const items = assumed.items.filter((i) => i[design.entityAttribute] === entity.name);
    const count = entity.count ?? records.length;
    const averageItemBytes = mean(items.map(itemBytes));
    if (items.length > 0) {
      naiveTable.items += count;
      naiveTable.bytes += count * averageItemBytes;
      for (const index of design.indexes) {
        const sizes = items.flatMap((item) => {
          const bytes = indexEntryBytes(item, index);
          return bytes === undefined ? [] : [bytes];
        });
        const entry = storedEntries.get(index.name) as StoredEntries;
        entry.items += Math.round((count * sizes.length) / items.length);
        entry.bytes += (count * sum(sizes)) / items.length;
      }
      // Guard items (identity, unique) are stored in the table beside the records' items.
      const guards = withGuardItems(design, items).items.slice(items.length);
      const table = storedEntries.get(tableIndex) as StoredEntries;
      table.items += Math.round((count * guards.length) / items.length);
      table.bytes += (count * sum(guards.map(itemBytes))) / items.length;
    }
    return { entity, records, count, averageItemBytes };
  });

  // Patterns: read units per call on the sample items, by index.
  const patternRows = model.patterns.map((pattern) => {
    const cost = patternReadCost({ design, records: assumed.records, items: stored, pattern: pattern.name, seed });
    const byIndex: Record<string, number> = {};
    for (const call of cost.calls) for (const request of call.requests) add(byIndex, request.index, request.units);
    for (const index of Object.keys(byIndex)) byIndex[index] = (byIndex[index] ?? 0) / cost.calls.length;
    return { pattern, cost, byIndex, rate: patternRate(pattern) };
  });

  // Write operations: each entity's sequence on a memory table, its writes spread by the mix.
  const writes = await writeOperationCosts({ design, records: assumed.records, items: stored });
  const writeRows = model.entities.flatMap((entity) => {
    const ops = writes.filter((w) => w.entity === entity.name);
    const shares = writeShares(
      ops.map((o) => o.operation),
      writeMix,
    );
    const rate = entityWrites(entity);
    return ops.map((op, i) => {
      const share = shares[i] ?? 0;
      const units: CallUnits = { reads: {}, writes: {} };
      for (const request of op.capacity.requests) {
        if (request.kind === 'read') add(units.reads, tableIndex, request.units);
        else {
          add(units.writes, tableIndex, request.table);
          for (const [index, n] of Object.entries(request.indexes)) add(units.writes, index, n);
        }
      }
      return { entity: entity.name, op, share, units, rate: { avg: rate.avg * share, peak: rate.peak * share } };
    });
  });

  const loads: Load[] = [
    ...patternRows.map((p) => ({ units: { reads: p.byIndex, writes: {} }, rate: p.rate })),
    ...writeRows.map((w) => ({ units: w.units, rate: w.rate })),
  ];
  const month = monthlyCost({ loads, indexes: design.indexes.map((i) => i.name), storage: [...storedEntries.values()], prices, targetUtilization });
  const loadMonthly = (i: number): MonthlyDollars => ({
    onDemand: month.loads[i]?.onDemand.dollars ?? 0,
    provisioned: month.loads[i]?.provisioned.dollars ?? 0,
  });

  const patterns: PatternCost[] = patternRows.map((p, i) => ({
    pattern: p.pattern.name,
    entity: p.pattern.entity,
    served: p.cost.requestsPerCall > 0,
    requestsPerCall: p.cost.requestsPerCall,
    unitsPerCall: { average: p.cost.average, worst: p.cost.worst?.units ?? 0, byIndex: p.byIndex },
    consistent: p.pattern.consistent === true,
    rate: p.rate,
    readRequestUnitsPerMonth: month.loads[i]?.onDemand.readRequestUnits ?? 0,
    monthly: loadMonthly(i),
    naive: naiveScan({ table: naiveTable, callsPerSecond: p.rate.avg, designUnitsPerCall: p.cost.average, prices }),
  }));

  const operationRows: WriteOperationCostRow[] = writeRows.map((w, j) => {
    const outcome = w.op.applied.outcome;
    return {
      entity: w.entity,
      operation: w.op.operation,
      label: w.op.label,
      share: w.share,
      rate: w.rate,
      requests: w.op.capacity.requests.length,
      writeUnits: w.op.capacity.writeUnits,
      readUnits: w.op.capacity.readUnits,
      byIndex: w.units,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: outcome.error.name }),
      monthly: loadMonthly(patternRows.length + j),
    };
  });

  const entities: EntityCost[] = entityFacts.map(({ entity, records, count, averageItemBytes }) => {
    const operations = operationRows.filter((o) => o.entity === entity.name);
    const assumedSize = assumed.sizes.find((s) => s.entity === entity.name);
    return {
      entity: entity.name,
      writes: entityWrites(entity),
      count,
      countDeclared: entity.count !== undefined,
      samples: records.length,
      averageItemBytes,
      ...(assumedSize ? { assumed: assumedSize } : {}),
      operations,
      monthly: { onDemand: sum(operations.map((o) => o.monthly.onDemand)), provisioned: sum(operations.map((o) => o.monthly.provisioned)) },
    };
  });

  const indexes: IndexCost[] = month.indexes.map((capacity, i) => ({
    ...capacity,
    kind: design.indexes[i]?.kind === 'table' ? 'table' : 'gsi',
    storage: month.storage[i] as IndexStorage,
  }));
  const storage = {
    items: sum(month.storage.map((s) => s.items)),
    bytes: sum(month.storage.map((s) => s.bytes)),
    billedBytes: sum(month.storage.map((s) => s.billedBytes)),
    gb: sum(month.storage.map((s) => s.gb)),
    monthly: month.onDemand.storage,
  };
  const naiveMonthly = sum(patterns.map((p) => p.naive.monthly));
  const patternOnDemand = sum(patterns.map((p) => p.monthly.onDemand));

  return {
    prices,
    targetUtilization,
    writeMix,
    patterns,
    entities,
    indexes,
    storage,
    totals: { onDemand: month.onDemand, provisioned: month.provisioned },
    cheaper: month.cheaper,
    savings: Math.abs(month.onDemand.total - month.provisioned.total),
    ...(month.breakEven ? { breakEven: month.breakEven } : {}),
    chart: month.chart,
    callsPerSecond: month.callsPerSecond,
    naive: { monthly: naiveMonthly, ...(patternOnDemand > 0 ? { ratio: naiveMonthly / patternOnDemand } : {}) },
    assumptions: assumptions({ design, prices, targetUtilization, writeMix, seed, maxSamples, entityFacts, entities, patterns, tableIndex }),
  };
}

function assumptions({
  design,
  prices,
  targetUtilization,
  writeMix,
  seed,
  maxSamples,
  entityFacts,
  entities,
  patterns,
  tableIndex,
}: {
  design: Design;
  prices: PriceTable;
  targetUtilization: number;
  writeMix: WriteMix;
  seed: string | number;
  maxSamples: number;
  entityFacts: { entity: Design['model']['entities'][number]; records: readonly RecordValue[]; count: number }[];
  entities: EntityCost[];
  patterns: PatternCost[];
  tableIndex: string;
}): string[] {
  const out: string[] = [];
  out.push(
    `Prices: ${prices.region} as of ${prices.date} (${prices.source}): on-demand $${prices.perMillionReadRequestUnits} per million read and $${prices.perMillionWriteRequestUnits} per million write request units; provisioned $${prices.perRcuHour} per RCU-hour and $${prices.perWcuHour} per WCU-hour; storage $${prices.perGbMonth} per GB-month (GB = 2^30 bytes). A month is ${prices.hoursPerMonth} hours (${(prices.hoursPerMonth * 3600).toLocaleString('en-US')} s). No free tier, reserved capacity or taxes.`,
  );
  const defaultPatterns = patterns.filter((p) => p.rate.isDefault).map((p) => p.pattern);
  if (defaultPatterns.length) out.push(`Patterns without a rate are called ${rateText(DEFAULT_PATTERN_RATE)} (the default): ${defaultPatterns.join(', ')}.`);
  const defaultEntities = entities.filter((e) => e.writes.isDefault).map((e) => e.entity);
  if (defaultEntities.length) out.push(`Entities without writes are written ${rateText(DEFAULT_ENTITY_WRITES)} (the default): ${defaultEntities.join(', ')}.`);
  out.push(
    `An entity's writes per second are spread over its write operations: ${writeMixText(writeMix)}; each operation is one sample record's write (a remove, a create, one update of each kind the design tells apart), run on an in-memory table.`,
  );
  const failed = entities.flatMap((e) => e.operations.filter((o) => !o.ok).map((o) => `${e.entity} ${o.label} (${o.error ?? 'failed'})`));
  if (failed.length) out.push(`Sample writes that failed, priced as DynamoDB prices a refused write: ${failed.join(', ')}.`);
  out.push(
    `Read units per call are the mean (and the dearest) over up to 25 parameter values drawn from the sample records (seed ${JSON.stringify(String(seed))}, at most ${maxSamples} per entity); a Query reads what the samples put in its partition.`,
  );
  const capped = entityFacts
    .filter((f) => f.entity.count !== undefined && f.records.length < f.entity.count)
    .map((f) => `${f.entity.name} (${f.records.length} of ${f.entity.count})`);
  if (capped.length) out.push(`Fewer sample records than declared, so Queries over large partitions may read more than estimated: ${capped.join(', ')}.`);
  const counted = entities.filter((e) => !e.countDeclared).map((e) => `${e.entity} (${e.count})`);
  out.push(
    `Storage and the naive Scan count each entity's declared records${counted.length ? `; entities without a count, their sample records: ${counted.join(', ')}` : ''}.`,
  );
  for (const e of entities) {
    if (!e.assumed) continue;
    out.push(
      `${e.entity} items are ${e.assumed.itemBytes} bytes as declared (itemBytes; samples average ${Math.round(e.assumed.sampleAverage)}): ${e.assumed.padded} of ${e.assumed.records} sample items padded with a "${FILLER_ATTRIBUTE}" string${e.assumed.larger ? `, ${e.assumed.larger} already larger left as they are` : ''}.`,
    );
  }
  out.push(
    `Storage: item bytes + ${ITEM_OVERHEAD_BYTES} bytes per item, in the table and in each GSI that holds the item (every GSI projects all attributes); the identity and unique guard items are stored in the table (${tableIndex}).`,
  );
  out.push(
    `Provisioned: each index (${design.indexes.map((i) => i.name).join(', ')}) gets the units per second its patterns and writes need at their peaks, taken to coincide, ÷ ${Math.round(targetUtilization * 100)}% target utilisation, rounded up, at least 1 RCU and 1 WCU; a GSI's reads and writes use its own capacity. A pattern's or write's provisioned cost is its share before rounding.`,
  );
  out.push(
    'Break-even: on-demand grows with the average traffic (every rate scaled alike) while provisioned capacity stays at what the peaks need; storage costs the same in both modes.',
  );
  out.push(
    "Naive design: each pattern answered by an eventually consistent Scan of the whole table (every entity's records at their counts and sizes) with a filter, which reads as much as without it: 1 MB pages, each rounded up to 4 KB; on-demand prices.",
  );
  return out;
}
