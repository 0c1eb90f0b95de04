// The write operations each entity takes, as a sequence of writes on one sample
// record, so that each is priced (writeUnits.ts) on a memory table and proved on
// DynamoDB with the very same sequence: remove the record, create it again, then
// one update of each kind the write plan (writePlan.ts) tells apart:
// - an attribute in no index key (one UpdateItem, GSI entries rewritten in place),
// - an attribute of a GSI's key, one per GSI (its entry moves: a delete and a put),
// - an attribute of the table key besides the record's key (the item moves: a transaction),
// - an attribute of a unique set (its guard item is given up and another taken).
// Each update builds its call from the record as the writes before it left it (its
// version, where the entity has one).
import type { Design, Item } from '../design/types.ts';
import type { RecordValue, Scalar } from '../model/types.ts';
import { applyWrite, type AppliedWrite } from '../writes/applyWrite.ts';
import { designTable } from '../writes/guardItems.ts';
import type { WriteCall, WriteOperation } from '../writes/writeCall.ts';
import type { WriteItem } from '../writes/writeRuntime.ts';
import { planWrites } from '../writes/writePlan.ts';
import { writeCapacity, type WriteCapacity } from './writeUnits.ts';

/** One write of the sequence: its entity, operation and kind, and its call from the record as it is now. */
export interface WriteStep {
  entity: string;
  operation: WriteOperation;
  /** `create`, `remove`, `update (no index key: note)`, `update (moves GSI1: status)`, `update (moves the table item: hostId)`, `update (unique: handle)`. */
  label: string;
  build(current: WriteItem): WriteCall;
}

/** Each entity's sequence of writes on its first sample record (entities without records take none). */
export function sampleWriteSteps(design: Design, records: ReadonlyMap<string, readonly RecordValue[]>): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const plan of planWrites(design)) {
    const entity = design.model.entities.find((e) => e.name === plan.entity);
    const list = records.get(plan.entity) ?? [];
    const record = list[0];
    if (!entity || !record) continue;
    const key = Object.fromEntries(plan.key.map((a) => [a, record[a]]));
    steps.push({ entity: plan.entity, operation: 'remove', label: 'remove', build: () => ({ operation: 'remove', entity: plan.entity, key }) });
    steps.push({
      entity: plan.entity,
      operation: 'create',
      label: 'create',
      build: () => ({ operation: 'create', entity: plan.entity, record: { ...record } }),
    });
    const unique = new Set((entity.unique ?? []).flat());
    const free = (a: string) => !plan.key.includes(a) && a !== plan.version && !unique.has(a);
    const kinds: { label: string; attribute: string; unique?: boolean }[] = [];
    const inIndexes = new Set(plan.indexes.flatMap((ix) => ix.attributes));
    const plain = entity.attributes.find((a) => free(a.name) && !inIndexes.has(a.name) && a.name !== plan.ttl);
    if (plain) kinds.push({ label: `update (no index key: ${plain.name})`, attribute: plain.name });
    for (const ix of plan.indexes) {
      const attribute = ix.attributes.find(free);
      if (!attribute) continue;
      kinds.push({
        label: ix.index === design.indexes[0]?.name ? `update (moves the table item: ${attribute})` : `update (moves ${ix.index}: ${attribute})`,
        attribute,
      });
    }
    const uniqueAttribute = entity.unique?.[0]?.[0];
    if (uniqueAttribute !== undefined) kinds.push({ label: `update (unique: ${uniqueAttribute})`, attribute: uniqueAttribute, unique: true });
    for (const kind of kinds) {
      const definition = entity.attributes.find((a) => a.name === kind.attribute);
      steps.push({
        entity: plan.entity,
        operation: 'update',
        label: kind.label,
        build: (current) => {
          const value = kind.unique
            ? uniqueValue(current[kind.attribute] as Scalar | undefined, definition?.type, list, kind.attribute)
            : otherValue(current[kind.attribute], list, kind.attribute, definition?.values);
          const changes: WriteItem = { [kind.attribute]: value };
          if (plan.version !== undefined) changes[plan.version] = current[plan.version];
          return { operation: 'update', entity: plan.entity, key, changes };
        },
      });
    }
  }
  return steps;
}

/** Another record's value of the attribute, else one of its declared values, differing from the current one. */
function otherValue(current: unknown, records: readonly RecordValue[], attribute: string, values: readonly Scalar[] | undefined): Scalar {
  const candidates = [...records.map((r) => r[attribute]), ...(values ?? [])];
  const found = candidates.find((v) => v !== undefined && v !== null && v !== current);
  return (found ?? current) as Scalar;
}

/** A value of a unique attribute no sample record holds: a number above them all, a string with a suffix. */
function uniqueValue(current: Scalar | undefined, type: string | undefined, records: readonly RecordValue[], attribute: string): Scalar {
  if (type === 'number') return Math.max(0, ...records.map((r) => (typeof r[attribute] === 'number' ? (r[attribute] as number) : 0))) + 1;
  return `${String(current ?? attribute)}-2`;
}

/** One write of the sequence, run in memory and priced. */
export interface WriteOperationCost {
  entity: string;
  operation: WriteOperation;
  label: string;
  call: WriteCall;
  applied: AppliedWrite;
  capacity: WriteCapacity;
}

/**
 * Runs every entity's write sequence (sampleWriteSteps) in order on one memory table holding
 * `items` (the records' items with their guard items, as a loaded table holds them) and prices
 * each write's requests. The same sequence sent to DynamoDB meets the same items.
 */
export async function writeOperationCosts({
  design,
  records,
  items,
}: {
  design: Design;
  records: ReadonlyMap<string, readonly RecordValue[]>;
  items: readonly Item[];
}): Promise<WriteOperationCost[]> {
  const table = designTable(design, items);
  const out: WriteOperationCost[] = [];
  const current = new Map<string, WriteItem>();
  for (const step of sampleWriteSteps(design, records)) {
    const call = step.build(current.get(step.entity) ?? {});
    const before = table.items();
    const applied = await applyWrite({ design, table, write: call });
    if (applied.outcome.ok && applied.outcome.record) current.set(step.entity, applied.outcome.record);
    out.push({ entity: step.entity, operation: step.operation, label: step.label, call, applied, capacity: writeCapacity({ design, before, applied }) });
  }
  return out;
}
