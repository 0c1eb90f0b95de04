// Hot partitions under load. The keys stage already finds the partition keys that
// crowd an entity into one or a few partitions (keys/hotPartitions.ts:
// `keys.hotPartition`, at any rate: low cardinality is its finding); this rule
// builds on those warnings (by code and subject, never by message) and adds the
// declared rates: the read and write units per second that land on the busiest
// of those partitions, against what one partition serves
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html:
// 3,000 RCU and 1,000 WCU). Where they exceed it, it proposes N shards
// (FORMAT.md `shards`): N = ceil(peak units / per-partition limit), at least 2.
// A key the layout already shards (a shard segment, keys/shards.ts) spreads each
// value over its S shards, so the value takes S times the per-partition limits:
// the loads are measured on the sharded items (the busiest shard's share; each
// call reads every shard), and N = S × ceil(busiest shard's units / limit).
import { patternNamed } from '../../queries/patternParameters.ts';
import { indexKeyOf } from '../../design/indexKeyOf.ts';
import type { Design, IndexDesign } from '../../design/types.ts';
import type { Diagnostic } from '../../model/diagnostics.ts';
import { patternReadCost } from '../../cost/readUnits.ts';
import { entityWrites, patternRate } from '../../cost/workload.ts';
import { figure, type LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';
import { MIN_PROPOSED_SHARDS, PARTITION_READ_UNITS_PER_SECOND, PARTITION_WRITE_UNITS_PER_SECOND } from '../thresholds.ts';

/** The load on the busiest partition of a hot key, per second at the peak rates. */
export interface PartitionLoad {
  /** Read units per second, over every pattern that reads through the key. */
  readUnits: number;
  /** Write units per second of the entity's writes into the index. */
  writeUnits: number;
}

/**
 * The shards a key needs: its busiest partition's peak units over the per-partition limits, rounded up, times the
 * shards it already has (`shards`, 1 when none): ceil(peak units / per-partition limit) unsharded; at least MIN_PROPOSED_SHARDS.
 */
export function proposedShards(load: PartitionLoad, shards = 1): number {
  const over = Math.max(Math.ceil(load.readUnits / PARTITION_READ_UNITS_PER_SECOND), Math.ceil(load.writeUnits / PARTITION_WRITE_UNITS_PER_SECOND), 1);
  return Math.max(MIN_PROPOSED_SHARDS, shards * over);
}

export function hotPartitionRule(ctx: LintContext): Diagnostic[] {
  return hotPartitionKeys(ctx.design).flatMap((warning) => hotPartitionFinding(ctx, warning));
}

/**
 * The keys the rule weighs: the design's `keys.hotPartition` warnings, one per index and entity, in their order.
 * Each is weighed on its own (hotPartitionFinding), so the app's review can stop between two of them.
 */
export function hotPartitionKeys(design: Design): Diagnostic[] {
  const seen = new Set<string>();
  return design.diagnostics.filter((warning) => {
    if (warning.code !== 'keys.hotPartition') return false;
    const pair = `${warning.subject?.index ?? ''}\u0000${warning.subject?.entity ?? ''}`;
    if (seen.has(pair)) return false;
    seen.add(pair);
    return true;
  });
}

/** The rule's finding about one hot key (a `keys.hotPartition` warning), when its load at the peak rates throttles. */
export function hotPartitionFinding(ctx: LintContext, warning: Diagnostic): Diagnostic[] {
  const { entity: entityName, index: indexName } = warning.subject ?? {};
  const entity = entityName === undefined ? undefined : ctx.entity(entityName);
  const index = indexName === undefined ? undefined : ctx.index(indexName);
  if (!entity || !index) return [];

  const share = busiestShare(ctx, entity.name, index);
  const readers = ctx.readersOf(index.name, entity.name);
  const reads = readers.map((pattern) => {
    const model = patternNamed(ctx.model, pattern);
    const rate = model ? patternRate(model) : { avg: 0, peak: 0, isDefault: true };
    const perCall = unitsPerCallOn(ctx, pattern, index.name);
    return { pattern, rate, perCall, units: rate.peak * perCall * share.share };
  });
  const writes = entityWrites(entity);
  const entry = ctx.entryWrite(entity.name, index);
  const writeUnits = writes.peak * entry.units * share.share;
  const readUnits = reads.reduce((n, r) => n + r.units, 0);
  // Measured on the (sharded) items: each shard is a partition of its own.
  const readOver = readUnits > PARTITION_READ_UNITS_PER_SECOND;
  const writeOver = writeUnits > PARTITION_WRITE_UNITS_PER_SECOND;
  if (!readOver && !writeOver) return [];

  const shards = shardCount(ctx, entity.name, index.name);
  const proposed = proposedShards({ readUnits, writeUnits }, shards);
  const busiest = reads.reduce<(typeof reads)[number] | undefined>((b, r) => (b === undefined || r.units > b.units ? r : b), undefined);
  const blamed = readOver ? busiest : undefined;
  const blamedPattern = blamed ? patternNamed(ctx.model, blamed.pattern) : undefined;
  const path = blamed
    ? `${ctx.patternPath(blamed.pattern)}${blamedPattern?.rate ? '.rate' : ''}`
    : `${ctx.entityPath(entity.name)}${entity.writes ? '.writes' : ''}`;
  const defaults = (isDefault: boolean) => (isDefault ? ' (default rate)' : '');
  const readText = reads
    .filter((r) => r.units > 0)
    .map((r) => `${r.pattern} ${figure(r.rate.peak)} calls/s${defaults(r.rate.isDefault)} × ${figure(r.perCall)} RCU`)
    .join(', ');
  const where =
    share.partitions === 1
      ? 'its one partition'
      : `its busiest partition (${figure(share.share * 100)}% of the ${figure(share.items)} sample items, over ${share.partitions} partitions${shards > 1 ? `, already ${shards} shards per value` : ''})`;
  const limit = `one partition serves ${figure(PARTITION_READ_UNITS_PER_SECOND)} RCU and ${figure(PARTITION_WRITE_UNITS_PER_SECOND)} WCU per second`;
  const formula =
    shards > 1
      ? `${proposed} = ${shards} shards × ceil(busiest shard's peak units / per-partition limit)`
      : `${proposed} = ceil(peak units / per-partition limit)`;
  return [
    lintDiagnostic(
      'lint.hotPartition',
      `Hot partition: ${entity.name} in ${index.name} (a ${shards > 1 ? 'sharded' : share.partitions === 1 ? 'constant' : 'few-valued'} partition key) takes ${figure(readUnits)} read units/s${readText ? ` (${readText})` : ''} and ${figure(writeUnits)} write units/s (${figure(writes.peak)} writes/s${defaults(writes.isDefault)} × ${figure(entry.units)} WCU) at peak in ${where}; ${limit}, so it throttles. Fix: spread it over ${proposed} shards (\`shards ${proposed}\` on ${readers.join(', ') || 'its patterns'}; ${formula}), or key it on an attribute with many values.`,
      {
        path,
        subject: {
          ...(blamed ? { pattern: blamed.pattern } : warning.subject?.pattern !== undefined ? { pattern: warning.subject.pattern } : {}),
          entity: entity.name,
          index: index.name,
        },
      },
    ),
  ];
}

/** The shards the layout spreads an entity's partition key over in an index (its shard segment's count; 1 without). */
function shardCount(ctx: LintContext, entity: string, index: string): number {
  const template = ctx.design.entities.find((e) => e.entity === entity)?.keys[index];
  const shard = template?.pk.find((s) => s.kind === 'shard');
  return shard?.kind === 'shard' ? shard.count : 1;
}

/** The busiest partition's share of the entity's items in the index (measured on the samples), the partitions and the items. */
function busiestShare(ctx: LintContext, entity: string, index: IndexDesign): { share: number; partitions: number; items: number } {
  const counts = new Map<string, number>();
  let items = 0;
  for (const item of ctx.itemsOf(entity)) {
    const key = indexKeyOf(item, index);
    if (!key) continue;
    items++;
    const pk = JSON.stringify(key.pk);
    counts.set(pk, (counts.get(pk) ?? 0) + 1);
  }
  if (items === 0) return { share: 1, partitions: 1, items: 0 };
  // A loop, not Math.max(...counts): 100,000 partitions are more arguments than a call takes in a browser's worker.
  let busiest = 0;
  for (const count of counts.values()) busiest = Math.max(busiest, count);
  return { share: busiest / items, partitions: counts.size, items };
}

/** A pattern's mean read units per call on one index, over the seeded parameter picks of cost/readUnits.ts. */
function unitsPerCallOn(ctx: LintContext, pattern: string, index: string): number {
  const cost = patternReadCost({ design: ctx.design, records: ctx.records, items: ctx.items, pattern });
  if (cost.calls.length === 0) return 0;
  return cost.calls.reduce((n, c) => n + c.requests.filter((r) => r.index === index).reduce((m, r) => m + r.units, 0), 0) / cost.calls.length;
}
