// Test helper: the application during a migration. Workers keep creating,
// updating and removing records through a generated module (FROM's, then TO's once
// the test deploys it: `use(module)`), each on keys of its own so that the log is
// the truth: every write the module acknowledged is applied to `records`, every
// typed refusal (an existing key, a unique value taken, a stale version...) left
// the record as it was. `stop()` resolves with that state once the writes in flight
// are done. A write that fails in any other way is kept in `unexpected`.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createRandom, generateSampleRecords, type Model, type RecordValue, type Scalar } from '../../engine/index.ts';
import type { MigrationModule } from './migrationFixture.ts';

/** Refusals the module types (WriteError codes): the record is left as it was. */
const REFUSALS = new Set(['exists', 'notFound', 'unique', 'staleVersion', 'condition', 'conflict']);

export interface WriterLog {
  /** Entity → key text → the record the table must hold, or null for one removed. */
  records: Map<string, Map<string, RecordValue | null>>;
  /** Writes acknowledged, by kind, refused, and sent again after an InternalFailure (below). */
  counts: { create: number; update: number; remove: number; refused: number; retried: number };
  /** Writes that failed otherwise than by a typed refusal (none expected). */
  unexpected: string[];
}

export interface Writer {
  /** From the next write on, write through this module (a deployment). */
  use(module: MigrationModule): void;
  /** Writes acknowledged so far. */
  written(): number;
  stop(): Promise<WriterLog>;
}

export const keyText = (model: Model, entity: string, record: RecordValue): string =>
  JSON.stringify((model.entities.find((e) => e.name === entity)?.key ?? []).map((k) => record[k]));

export function startWriter(options: {
  doc: DynamoDBDocumentClient;
  model: Model;
  initial: Map<string, RecordValue[]>;
  module: MigrationModule;
  seed: string;
  workers?: number;
}): Writer {
  const { doc, model, seed } = options;
  let module = options.module;
  const random = createRandom(seed);
  // Records to create and values to update with: another sample of the model (fresh keys).
  const fresh = generateSampleRecords(model, { seed: `${seed}:fresh`, maxPerEntity: 60 });
  const records = new Map<string, Map<string, RecordValue | null>>(model.entities.map((e) => [e.name, new Map()]));
  for (const [entity, list] of options.initial) for (const r of list) records.get(entity)?.set(keyText(model, entity, r), r);
  const counts = { create: 0, update: 0, remove: 0, refused: 0, retried: 0 };
  const unexpected: string[] = [];
  const workers = options.workers ?? 2;
  const writable = model.entities.filter((e) => (fresh.get(e.name)?.length ?? 0) > 0);
  let stopping = false;
  /** Keys a worker is writing now: no two writes of one record at once, so the log's order is the table's. */
  const busy = new Set<string>();

  const keyOf = (entity: string, record: RecordValue) =>
    Object.fromEntries((model.entities.find((e) => e.name === entity)?.key ?? []).map((k) => [k, record[k]]));

  async function once(): Promise<void> {
    const entity = random.pick(writable);
    const mine = records.get(entity.name) as Map<string, RecordValue | null>;
    const live = [...mine.entries()].filter(([k, r]) => r !== null && !busy.has(`${entity.name}:${k}`));
    const roll = random.next();
    const kind = live.length === 0 || roll < 0.2 ? 'create' : roll < 0.88 ? 'update' : 'remove';
    const pool = fresh.get(entity.name) ?? [];
    let key: string;
    let run: () => Promise<RecordValue | null>;
    if (kind === 'create') {
      const record = structuredClone(random.pick(pool));
      key = keyText(model, entity.name, record);
      if (busy.has(`${entity.name}:${key}`)) return;
      run = async () => {
        await module.create[entity.name]?.(doc, record);
        return record;
      };
    } else {
      const [k, current] = random.pick(live) as [string, RecordValue];
      key = k;
      if (kind === 'remove') {
        run = async () => {
          await module.remove[entity.name]?.(doc, keyOf(entity.name, current));
          return null;
        };
      } else {
        const donor = random.pick(pool);
        const changeable = entity.attributes.filter((a) => !entity.key.includes(a.name) && a.name !== entity.version);
        const picked = random.shuffle(changeable).slice(0, random.int(1, Math.max(1, Math.min(3, changeable.length))));
        const changes: Record<string, Scalar | null> = {};
        for (const a of picked) {
          if (a.optional && random.chance(0.2)) changes[a.name] = null;
          else if (donor[a.name] !== undefined) changes[a.name] = donor[a.name] as Scalar;
        }
        if (entity.version) changes[entity.version] = current[entity.version] as Scalar;
        if (Object.keys(changes).length === 0) return;
        run = async () => (await module.update[entity.name]?.(doc, keyOf(entity.name, current), changes)) as RecordValue;
      }
    }
    const id = `${entity.name}:${key}`;
    busy.add(id);
    try {
      const after = await retryingInternalFailures(run);
      mine.set(key, after);
      counts[kind]++;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && REFUSALS.has(code)) counts.refused++;
      else unexpected.push(`${kind} ${id}: ${(e as Error).name}: ${(e as Error).message}`);
    } finally {
      busy.delete(id);
    }
  }

  /**
   * DynamoDB Local (3.3.1) fails every write to a table with InternalFailure (HTTP 500) while one of its GSIs
   * is CREATING, and applies none of them (checked: puts, updates and transactions sent then are not in the
   * table after); DynamoDB itself takes writes during an online index creation. The application retries a 500,
   * as the SDK does, only for longer: the write is sent again until it is answered.
   */
  async function retryingInternalFailures<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        if ((e as Error).name !== 'InternalFailure' || attempt >= 200) throw e;
        counts.retried++;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  }

  const running = Array.from({ length: workers }, async () => {
    while (!stopping) await once();
  });

  return {
    use(next) {
      module = next;
    },
    written: () => counts.create + counts.update + counts.remove,
    async stop() {
      stopping = true;
      await Promise.all(running);
      return { records, counts, unexpected };
    },
  };
}
