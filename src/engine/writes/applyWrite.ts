// One write (create, update, remove or add) run on an in-memory table through the
// very runtime a generated module runs, with everything it did as plain data:
// each request sent in order (the consistent reads it makes first included) and
// what the table answered, the outcome (the record as stored, or the typed
// error), and every item it put, replaced or deleted, before and after. The env
// never waits, draws its jitter from a seed and counts instead of reading the clock.
import { createRandom } from '../samples/createRandom.ts';
import type { Design } from '../design/types.ts';
import type { ItemChange, MemoryRequest, MemoryTable } from './memoryTable.ts';
import { IDENTITY_GUARD, UNIQUE_GUARD } from './writePlan.ts';
import { recordWrite, type RecordedWrite, type WriteCall } from './writeCall.ts';

export type { WriteCall } from './writeCall.ts';

/** What an item changed is: a record's own item, or a guard (identity, unique). */
export type ItemRole = 'record' | 'identity' | 'unique';

export type WriteChange = ItemChange & { role: ItemRole };

export interface AppliedWrite extends RecordedWrite {
  /** Every item the write created, updated or deleted, in table-key order (none when refused). */
  changes: WriteChange[];
  /** What each request did, in the order of `requests`: the items it created, updated or deleted (none for a read or a refusal). */
  requestChanges: WriteChange[][];
}

export interface ApplyWriteOptions {
  design: Design;
  /** The table to write (changed in place); its name and key are the design's. */
  table: MemoryTable;
  write: WriteCall;
  /** The backoff's jitter; the same seed, the same requests. */
  seed?: string | number;
}

/** Runs one write on the table through the write runtime and reports what it sent and changed. */
export async function applyWrite({ design, table, write, seed = 'tablewright' }: ApplyWriteOptions): Promise<AppliedWrite> {
  const random = createRandom(seed);
  let tick = 0;
  const before = table.snapshot();
  const requestChanges: WriteChange[][] = [];
  const recorded = await recordWrite({
    design,
    write,
    env: {
      tableName: table.tableName,
      tableKey: table.tableKey,
      send: async (request) => {
        try {
          return await table.send(request as MemoryRequest);
        } finally {
          requestChanges.push(table.lastChanges().map((change) => ({ ...change, role: roleOf(change.key[table.tableKey.pk]) })));
        }
      },
      sleep: () => Promise.resolve(),
      random: () => random.next(),
      now: () => tick++,
    },
  });
  const changes = table.changesSince(before).map((change) => ({ ...change, role: roleOf(change.key[table.tableKey.pk]) }));
  return { ...recorded, changes, requestChanges };
}

function roleOf(pk: unknown): ItemRole {
  if (typeof pk === 'string' && pk.startsWith(`${IDENTITY_GUARD}#`)) return 'identity';
  if (typeof pk === 'string' && pk.startsWith(`${UNIQUE_GUARD}#`)) return 'unique';
  return 'record';
}
