// Where a migration is, so that it can resume after a crash or Ctrl-C: which
// table (name, and when it was created: a table deleted and made again under the
// name is another table), which plan (the designs' identities and the steps, in
// order), each step's state, and for the backfill each Scan segment's
// LastEvaluatedKey. Plain JSON. Where it is kept is the caller's (`CheckpointStore`:
// a file in the CLI, written atomically; memory in tests).
import type { MigrationPlan } from '../../engine/index.ts';

export const CHECKPOINT_FORMAT = 'tablewright-migration/1';

export type StepState = 'pending' | 'started' | 'done';

/** One Scan segment of the backfill: where its next page starts, and what it did so far. */
export interface SegmentCheckpoint {
  /** The LastEvaluatedKey after the last page whose items are all done; absent: from the start. */
  lastKey?: Record<string, string | number>;
  done: boolean;
  scanned: number;
  updated: number;
}

export interface MigrationCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  table: { name: string; createdAt?: string; tableId?: string };
  from: string;
  to: string;
  /** The plan's steps in order (kind and index), each with its state. */
  steps: { kind: MigrationPlan['steps'][number]['kind']; index?: string; state: StepState }[];
  /** The backfill's segments (TotalSegments is their number); absent until it starts. */
  segments?: SegmentCheckpoint[];
  /** The table's tag holds `to` (the last thing a migration does). */
  tagged: boolean;
}

/** Where a checkpoint is kept between runs. */
export interface CheckpointStore {
  /** The checkpoint kept, or undefined when there is none. Throws when one is there but unreadable. */
  load(): Promise<MigrationCheckpoint | undefined>;
  /** Replaces the checkpoint kept, all or nothing. */
  save(checkpoint: MigrationCheckpoint): Promise<void>;
  /** Where it is, for messages (a file's path). */
  readonly where: string;
}

/** A store in memory (tests; a caller that keeps no checkpoint). */
export function memoryCheckpointStore(initial?: MigrationCheckpoint): CheckpointStore & { current: MigrationCheckpoint | undefined } {
  const store = {
    current: initial && structuredClone(initial),
    where: 'memory',
    load: async () => store.current && structuredClone(store.current),
    save: async (c: MigrationCheckpoint) => {
      store.current = structuredClone(c);
    },
  };
  return store;
}

/** A new checkpoint for a plan on a table: every step pending. */
export function newCheckpoint(plan: MigrationPlan, table: MigrationCheckpoint['table']): MigrationCheckpoint {
  return {
    format: CHECKPOINT_FORMAT,
    table,
    from: plan.from,
    to: plan.to,
    steps: plan.steps.map((s) => ({ kind: s.kind, ...('index' in s ? { index: s.index } : {}), state: 'pending' })),
    tagged: false,
  };
}

/** Why a checkpoint does not belong to this plan and table, or undefined when it does. */
export function checkpointMismatch(checkpoint: MigrationCheckpoint, plan: MigrationPlan, table: MigrationCheckpoint['table']): string | undefined {
  if (checkpoint.table.name !== table.name) return `it is for table ${checkpoint.table.name}, not ${table.name}`;
  if (checkpoint.table.createdAt !== undefined && table.createdAt !== undefined && checkpoint.table.createdAt !== table.createdAt) {
    return `table ${table.name} was created at ${table.createdAt}, the checkpoint's at ${checkpoint.table.createdAt}: it is another table of the same name`;
  }
  if (checkpoint.table.tableId !== undefined && table.tableId !== undefined && checkpoint.table.tableId !== table.tableId)
    return `table ${table.name} has another TableId than the checkpoint's`;
  if (checkpoint.from !== plan.from || checkpoint.to !== plan.to)
    return `it migrates design ${checkpoint.from} to ${checkpoint.to}, this plan ${plan.from} to ${plan.to}`;
  const steps = (list: { kind: string; index?: string }[]) => list.map((s) => `${s.kind}${s.index ? ` ${s.index}` : ''}`).join(', ');
  if (steps(checkpoint.steps) !== steps(plan.steps)) return `its steps are ${steps(checkpoint.steps)}; this plan's are ${steps(plan.steps)}`;
  return undefined;
}

/** A checkpoint read back from text (JSON), checked field by field; throws a TypeError saying what is wrong. */
export function parseCheckpoint(text: string): MigrationCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new TypeError(`not JSON (${(e as Error).message})`, { cause: e });
  }
  const fail = (what: string): never => {
    throw new TypeError(`not a migration checkpoint: ${what}`);
  };
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(value)) return fail('not an object');
  if (value.format !== CHECKPOINT_FORMAT) return fail(`format is ${JSON.stringify(value.format)}, expected "${CHECKPOINT_FORMAT}"`);
  const table = value.table;
  if (!isObject(table) || typeof table.name !== 'string') return fail('table.name is missing');
  for (const k of ['createdAt', 'tableId'] as const) if (table[k] !== undefined && typeof table[k] !== 'string') fail(`table.${k} is not text`);
  if (typeof value.from !== 'string' || typeof value.to !== 'string') return fail('from and to must be design identities');
  if (!Array.isArray(value.steps)) return fail('steps is not a list');
  const kinds = ['backfill', 'createIndex', 'verify', 'dropIndex'];
  const states = ['pending', 'started', 'done'];
  for (const s of value.steps as unknown[]) {
    if (!isObject(s) || !kinds.includes(s.kind as string) || !states.includes(s.state as string) || (s.index !== undefined && typeof s.index !== 'string'))
      fail(`a step is ${JSON.stringify(s)}`);
  }
  if (value.segments !== undefined) {
    if (!Array.isArray(value.segments) || value.segments.length === 0) return fail('segments is not a non-empty list');
    for (const s of value.segments as unknown[]) {
      const ok =
        isObject(s) &&
        typeof s.done === 'boolean' &&
        Number.isInteger(s.scanned) &&
        Number.isInteger(s.updated) &&
        (s.lastKey === undefined || (isObject(s.lastKey) && Object.values(s.lastKey).every((v) => typeof v === 'string' || typeof v === 'number')));
      if (!ok) fail(`a segment is ${JSON.stringify(s)}`);
    }
  }
  if (typeof value.tagged !== 'boolean') return fail('tagged is not true or false');
  return value as unknown as MigrationCheckpoint;
}
