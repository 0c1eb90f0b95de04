// Sends one write (the Writes view's, the engine's WriteCall) to a table through
// the write runtime with lib-dynamodb commands: the very requests the app runs
// in memory, recorded with DynamoDB's answers, and the outcome. Only to a table
// this page or process created (a CreatedTable handle): writes change data, and
// a table somebody else made is not ours to change.
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  type GetCommandInput,
  type PutCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { recordWrite, writeTarget, type Design, type RecordedWrite, type WriteCall, type WriteEnv, type WriteItem } from '../engine/index.ts';
import { wasCreatedHere, type CreatedTable } from './createdTables.ts';
import { RunnerError } from './runnerError.ts';
import { sleep } from './sleep.ts';

export interface RunWriteOptions {
  client: DynamoDBDocumentClient;
  design: Design;
  /** The table: one created by this page or process. */
  table: CreatedTable;
  write: WriteCall;
  signal?: AbortSignal;
}

export interface WriteRun extends RecordedWrite {
  /** Wall time of the whole write, retries included, in milliseconds. */
  latencyMs: number;
  /**
   * What DynamoDB reported each request consumed (ReturnConsumedCapacity INDEXES), in the order of
   * `requests`: one entry for a Get, Put, Update or Delete, one per table for a transaction or batch;
   * none when the request was refused (the SDK's error carries no ConsumedCapacity).
   */
  consumedCapacity: ConsumedCapacity[][];
}

/** Runs the write on the table; refuses (`write.notCreatedHere`) a table this page or process did not create. */
export async function runWrite({ client, design, table, write, signal }: RunWriteOptions): Promise<WriteRun> {
  if (!wasCreatedHere(table)) {
    throw new RunnerError('write.notCreatedHere', `Writes go only to a table created here; "${table.tableName}" was not.`);
  }
  const options = signal ? { abortSignal: signal } : {};
  const consumedCapacity: ConsumedCapacity[][] = [];
  // Every request asks what it consumed, recorded in request order.
  const R = { ReturnConsumedCapacity: 'INDEXES' } as const;
  const record = (consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) =>
    consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  const sendOne = async (request: Parameters<WriteEnv['send']>[0]): Promise<WriteItem | undefined> => {
    if ('Get' in request) {
      const out = await client.send(new GetCommand({ ...(request.Get as GetCommandInput), ...R }), options);
      consumedCapacity.push(record(out.ConsumedCapacity));
      return out.Item as WriteItem | undefined;
    }
    if ('Put' in request)
      return void consumedCapacity.push(record((await client.send(new PutCommand({ ...(request.Put as PutCommandInput), ...R }), options)).ConsumedCapacity));
    if ('Update' in request) {
      const out = await client.send(new UpdateCommand({ ...(request.Update as UpdateCommandInput), ...R }), options);
      consumedCapacity.push(record(out.ConsumedCapacity));
      return out.Attributes as WriteItem | undefined;
    }
    if ('Delete' in request)
      return void consumedCapacity.push(
        record((await client.send(new DeleteCommand({ ...(request.Delete as DeleteCommandInput), ...R }), options)).ConsumedCapacity),
      );
    if ('TransactWrite' in request) {
      return void consumedCapacity.push(
        record((await client.send(new TransactWriteCommand({ ...(request.TransactWrite as TransactWriteCommandInput), ...R }), options)).ConsumedCapacity),
      );
    }
    const out = await client.send(new BatchWriteCommand({ ...(request.BatchWrite as BatchWriteCommandInput), ...R }), options);
    consumedCapacity.push(record(out.ConsumedCapacity));
    return out.UnprocessedItems as WriteItem | undefined;
  };
  const send: WriteEnv['send'] = async (request) => {
    const count = consumedCapacity.length;
    try {
      return await sendOne(request);
    } finally {
      if (consumedCapacity.length === count) consumedCapacity.push([]);
    }
  };
  const started = Date.now();
  const recorded = await recordWrite({
    design,
    write,
    env: { ...writeTarget(design, table.tableName), send, sleep: (ms) => sleep(ms, signal), random: Math.random, now: Date.now },
  });
  return { ...recorded, latencyMs: Date.now() - started, consumedCapacity };
}
