// One write (create, update, remove or add) as data, and the write runtime run
// on it through any env while everything it sends is recorded: each request in
// order (the consistent reads first included) with what the table answered,
// then the outcome (the record as stored, or the typed error). The app runs it
// on a memory table (applyWrite.ts), the runner on DynamoDB: the same requests.
import type { Design } from '../design/types.ts';
import { writeEntities } from './writeEntities.ts';
import {
  WriteError,
  addToRecord,
  createRecord,
  removeRecord,
  updateRecord,
  type ReadRequest,
  type WriteCondition,
  type WriteEntity,
  type WriteEnv,
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

/** What the table answered one request: the item a Get found or an update returned, or its refusal. */
export type RequestAnswer = { ok: true; item?: WriteItem } | { ok: false; name: string; message: string; reasons?: string[] };

/** One request the write sent, as lib-dynamodb's input, and its answer. */
export interface SentRequest {
  request: WriteRequest | ReadRequest;
  answer: RequestAnswer;
}

/**
 * Why a write was refused: a WriteError's name and code (RecordExistsError, `exists`), a request
 * the table refused otherwise (`refused`: its exception's name), or a call the runtime refuses before
 * sending (`invalid`: a missing key attribute, a value of the wrong type).
 */
export interface WriteFailure {
  name: string;
  code: WriteError['code'] | 'refused' | 'invalid';
  message: string;
}

export type WriteOutcome = { ok: true; record?: WriteItem } | { ok: false; error: WriteFailure };

export interface RecordedWrite {
  requests: SentRequest[];
  outcome: WriteOutcome;
}

/** Runs one write through the runtime on `env`, recording every request it sends and what came back. */
export async function recordWrite({ design, env, write }: { design: Design; env: WriteEnv; write: WriteCall }): Promise<RecordedWrite> {
  const requests: SentRequest[] = [];
  const refusals = new WeakSet<object>();
  const recording: WriteEnv = {
    ...env,
    send: async (request) => {
      const sent: SentRequest = { request: copy(request) as WriteRequest | ReadRequest, answer: { ok: true } };
      requests.push(sent);
      try {
        const item = await env.send(request);
        if (item !== undefined) sent.answer = { ok: true, item: copy(item) as WriteItem };
        return item;
      } catch (error) {
        sent.answer = refusal(error);
        if (typeof error === 'object' && error !== null) refusals.add(error);
        throw error;
      }
    },
  };
  let outcome: WriteOutcome;
  try {
    const entity = writeEntities(design).get(write.entity);
    if (!entity) throw new TypeError(`no entity "${write.entity}" to write`);
    const record = await run(entity, recording, write);
    outcome = record === undefined ? { ok: true } : { ok: true, record: copy(record) as WriteItem };
  } catch (error) {
    outcome = { ok: false, error: failure(error, refusals) };
  }
  return { requests, outcome };
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

function refusal(error: unknown): RequestAnswer {
  const e = error as { name?: unknown; message?: unknown; CancellationReasons?: { Code?: string }[] } | null;
  const answer: RequestAnswer = {
    ok: false,
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
  if (Array.isArray(e?.CancellationReasons)) answer.reasons = e.CancellationReasons.map((r) => r?.Code ?? 'None');
  return answer;
}

function failure(error: unknown, refusals: WeakSet<object>): WriteFailure {
  if (error instanceof WriteError) return { name: error.name, code: error.code, message: error.message };
  const code = typeof error === 'object' && error !== null && refusals.has(error) ? 'refused' : 'invalid';
  if (error instanceof Error) return { name: error.name, code, message: error.message };
  return { name: 'Error', code, message: String(error) };
}

/** A copy of plain data (strings, numbers, booleans, null, lists, maps): nothing the caller holds is shared. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}
