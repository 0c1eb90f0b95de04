// One write (create, update, remove or add) run on an in-memory table through the
// very runtime a generated module runs, with everything it did as plain data:
// each request sent in order (the consistent reads it makes first included) and
// what DynamoDB answered, the outcome (the record as stored, or the typed error),
// and every item it put, replaced or deleted, before and after. The env never
// waits, draws its jitter from a seed and counts instead of reading the clock.
import { createRandom } from '../samples/createRandom.ts';
import type { Design } from '../design/types.ts';
import { MemoryTableError, type ItemChange, type MemoryRequest, type MemoryTable } from './memoryTable.ts';
import { writeEntities } from './writeEntities.ts';
import { IDENTITY_GUARD, UNIQUE_GUARD } from './writePlan.ts';
import {
  WriteError,
  addToRecord,
  createRecord,
  removeRecord,
  updateRecord,
  type ReadRequest,
  type WriteCondition,
  type WriteEnv,
  type WriteEntity,
  type WriteItem,
  type WriteRequest,
} from './writeRuntime.ts';

export const WRITE_OPERATIONS = ['create', 'update', 'remove', 'add'] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

/** One write as the runtime's functions take it. */
export type WriteCall =
  | { operation: 'create'; entity: string; record: WriteItem }
  | { operation: 'update'; entity: string; key: WriteItem; changes: WriteItem; if?: WriteCondition }
  | { operation: 'remove'; entity: string; key: WriteItem; version?: number; if?: WriteCondition }
  | { operation: 'add'; entity: string; key: WriteItem; amounts: WriteItem; version?: number; if?: WriteCondition };

/** What DynamoDB answered one request: the item a Get found or an update returned, or its refusal. */
export type RequestAnswer =
  | { ok: true; item?: WriteItem }
  | { ok: false; name: string; message: string; reasons?: string[] };

/** One request the write sent, as lib-dynamodb's input, and its answer. */
export interface SentRequest {
  request: WriteRequest | ReadRequest;
  answer: RequestAnswer;
}

/**
 * Why a write was refused: a WriteError's name and code (RecordExistsError, `exists`), a request
 * DynamoDB refused otherwise (`refused`: its exception's name), or a call the runtime refuses before
 * sending (`invalid`: a missing key attribute, a value of the wrong type).
 */
export interface WriteFailure {
  name: string;
  code: WriteError['code'] | 'refused' | 'invalid';
  message: string;
}

export type WriteOutcome = { ok: true; record?: WriteItem } | { ok: false; error: WriteFailure };

/** What an item changed is: a record's own item, or a guard (identity, unique). */
export type ItemRole = 'record' | 'identity' | 'unique';

export type WriteChange = ItemChange & { role: ItemRole };

export interface AppliedWrite {
  requests: SentRequest[];
  outcome: WriteOutcome;
  /** Every item the write created, updated or deleted, in table-key order (none when refused). */
  changes: WriteChange[];
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
  const requests: SentRequest[] = [];
  const random = createRandom(seed);
  let tick = 0;
  const env: WriteEnv = {
    tableName: table.tableName,
    tableKey: table.tableKey,
    send: async (request) => {
      const sent: SentRequest = { request: copy(request) as WriteRequest | ReadRequest, answer: { ok: true } };
      requests.push(sent);
      try {
        const item = await table.send(request as MemoryRequest);
        if (item !== undefined) sent.answer = { ok: true, item: copy(item) as WriteItem };
        return item;
      } catch (error) {
        sent.answer = refusal(error);
        throw error;
      }
    },
    sleep: () => Promise.resolve(),
    random: () => random.next(),
    now: () => tick++,
  };
  const before = table.snapshot();
  let outcome: WriteOutcome;
  try {
    const entity = writeEntities(design).get(write.entity);
    if (!entity) throw new TypeError(`no entity "${write.entity}" to write`);
    outcome = { ok: true, ...recordOf(await run(entity, env, write)) };
  } catch (error) {
    outcome = { ok: false, error: failure(error) };
  }
  const changes = table.changesSince(before).map((change) => ({ ...change, role: roleOf(change.key[table.tableKey.pk]) }));
  return { requests, outcome, changes };
}

async function run(entity: WriteEntity, env: WriteEnv, write: WriteCall): Promise<WriteItem | undefined> {
  switch (write.operation) {
    case 'create':
      await createRecord(entity, env, write.record);
      return entity.fromItem(entity.toItem(write.record));
    case 'update':
      return updateRecord(entity, env, write.key, write.changes, write.if === undefined ? {} : { if: write.if });
    case 'remove':
      await removeRecord(entity, env, write.key, options(write));
      return undefined;
    case 'add':
      return addToRecord(entity, env, write.key, write.amounts, options(write));
    default: {
      const never: never = write;
      throw new TypeError(`unknown write ${JSON.stringify(never)}`);
    }
  }
}

function options(write: { version?: number; if?: WriteCondition }): { version?: number; if?: WriteCondition } {
  return { ...(write.version !== undefined ? { version: write.version } : {}), ...(write.if !== undefined ? { if: write.if } : {}) };
}

function recordOf(record: WriteItem | undefined): { record?: WriteItem } {
  return record === undefined ? {} : { record: copy(record) as WriteItem };
}

function roleOf(pk: unknown): ItemRole {
  if (typeof pk === 'string' && pk.startsWith(`${IDENTITY_GUARD}#`)) return 'identity';
  if (typeof pk === 'string' && pk.startsWith(`${UNIQUE_GUARD}#`)) return 'unique';
  return 'record';
}

function refusal(error: unknown): RequestAnswer {
  const e = error as { name?: unknown; message?: unknown; CancellationReasons?: { Code?: string }[] } | null;
  const answer: RequestAnswer = { ok: false, name: typeof e?.name === 'string' ? e.name : 'Error', message: typeof e?.message === 'string' ? e.message : String(error) };
  if (Array.isArray(e?.CancellationReasons)) answer.reasons = e.CancellationReasons.map((r) => r?.Code ?? 'None');
  return answer;
}

function failure(error: unknown): WriteFailure {
  if (error instanceof WriteError) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof MemoryTableError) return { name: error.name, code: 'refused', message: error.message };
  if (error instanceof Error) return { name: error.name, code: 'invalid', message: error.message };
  return { name: 'Error', code: 'invalid', message: String(error) };
}

/** A copy of plain data (strings, numbers, booleans, null, lists, maps): nothing the caller holds is shared. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}
