// Test helpers for the generated module's counters, conditions, batches and
// stream decoding against DynamoDB Local (not shipped): one model with an entity
// found by its key alone whose number attributes make an index key (Product:
// price is in "products by category, by price"), one stored under its parent
// (Review: the table key holds more than its key, so an identity guard records
// where it is, and every write reads first), one with a unique set (Customer: a
// unique guard per email) and one with a version attribute (Wallet). The module
// is generated for a table name of its own and imported; each test creates a
// table from its tableDefinition (changed as the test needs: provisioned, with
// a stream) and deletes it whatever happens.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DeleteTableCommand, type CreateTableCommandInput, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { deriveDesign, generateModule, parseModelText, type Design, type Model, type RecordValue } from '../../engine/index.ts';
import { uniqueTableName } from './exampleDesign.ts';
import { waitForTableActive, waitForTableGone } from '../waitForTable.ts';

export const COUNTERS_MODEL_TEXT = `model "Module Counters"
entity Product key productId
  productId: string
  name: string
  category: string
  price: number
  stock: number
  note?: string
entity Review key reviewId belongsTo Product via productId
  reviewId: string
  productId: string
  postedAt: datetime
  stars: number
  helpful: number
  text: string
entity Customer key customerId unique email
  customerId: string
  email: string
  points: number
entity Wallet key walletId version version
  walletId: string
  owner: string
  balance: number
  version: number
productById: Product by productId returns one
productsByPrice: Product by category order by price
reviewsOfProduct: Review by productId order by postedAt desc
customerById: Customer by customerId returns one
walletById: Wallet by walletId returns one
`;

export type Item = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass = new (...args: any[]) => Error & { code: string; entity: string };
type Condition = Record<string, unknown>;

/** A change of one record as decodeStreamRecord tells it. */
export interface StreamChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  entity: string;
  oldRecord?: RecordValue;
  newRecord?: RecordValue;
}

export interface CreateManyResult {
  written: number;
  failed: { record: RecordValue; error: Error }[];
}

/** What the tests use of the generated module (its own types are checked by tsc in moduleCounters' type test). */
export interface CountersModule {
  TABLE_NAME: string;
  tableDefinition: CreateTableCommandInput;
  toItem(entity: string, record: object): Item;
  fromItem(item: Item): { entity: string; record: RecordValue } | undefined;
  AccessPatterns: Record<string, (params: object) => QueryCommandInput>;
  executeAll: Record<string, (client: DynamoDBDocumentClient, params: object) => Promise<unknown>>;
  create: Record<string, (client: DynamoDBDocumentClient, record: object) => Promise<void>>;
  update: Record<string, (client: DynamoDBDocumentClient, key: object, changes: object, options?: { if?: Condition }) => Promise<RecordValue>>;
  remove: Record<string, (client: DynamoDBDocumentClient, key: object, options?: { if?: Condition; version?: number }) => Promise<void>>;
  add: Record<
    string,
    (client: DynamoDBDocumentClient, key: object, amounts: Record<string, number>, options?: { if?: Condition; version?: number }) => Promise<RecordValue>
  >;
  createMany: Record<
    string,
    (
      client: DynamoDBDocumentClient,
      records: readonly object[],
      options?: { onProgress?: (written: number, total: number) => void; maxTimeMs?: number },
    ) => Promise<CreateManyResult>
  >;
  /** Called here with the SDK's stream records as they come (whether its parameter type takes them is the type test's business). */
  decodeStreamRecord(record: _Record): StreamChange | undefined;
  WriteError: ErrorClass;
  ConditionFailedError: ErrorClass;
  RecordExistsError: ErrorClass;
  RecordNotFoundError: ErrorClass;
  UniqueConflictError: ErrorClass;
  StaleVersionError: ErrorClass;
  WriteConflictError: ErrorClass;
}

export interface CountersFixture {
  model: Model;
  design: Design;
  mod: CountersModule;
  /** The generated module's file. */
  file: string;
  dir: string;
  tableName: string;
}

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export function countersModel(): Model {
  const parsed = parseModelText(COUNTERS_MODEL_TEXT);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  const m = parsed.model;
  const entity = (name: string) => m.entities.find((e) => e.name === name);
  if (JSON.stringify(entity('Customer')?.unique) !== '[["email"]]' || entity('Wallet')?.version !== 'version') {
    throw new Error('the counters model lost its unique set or version attribute');
  }
  return m;
}

/** Generates the module for a table name of its own, writes it inside node_modules (so it resolves @aws-sdk) and imports it. */
export async function loadCountersModule(prefix: string): Promise<CountersFixture> {
  const model = countersModel();
  const tableName = uniqueTableName(prefix);
  const design = deriveDesign(model, { tableName });
  // The fixture is what the tests say it is: price makes a GSI key (so add on price reads first).
  const byPrice = design.indexes.find((ix) => ix.kind === 'gsi' && ix.patterns.includes('productsByPrice'));
  if (!byPrice) throw new Error('productsByPrice is not served by a GSI');
  const dir = fs.mkdtempSync(path.join(root, 'node_modules', `.tw-${prefix}-`));
  const file = path.join(dir, 'counters.ts');
  fs.writeFileSync(file, generateModule(design));
  const mod = (await import(pathToFileURL(file).href)) as CountersModule;
  if (mod.TABLE_NAME !== tableName) throw new Error(`the module writes to ${mod.TABLE_NAME}, not ${tableName}`);
  return { model, design, mod, file, dir, tableName };
}

/** Creates a table from `definition`, runs `check` with its description, and deletes the table whatever happened. */
export async function withTable(client: DynamoDBClient, definition: CreateTableCommandInput, check: (table: TableDescription) => Promise<void>): Promise<void> {
  const tableName = definition.TableName;
  if (!tableName) throw new Error('the definition names no table');
  await client.send(new CreateTableCommand(definition));
  try {
    const table = await waitForTableActive({ client, tableName, pollMs: 50 });
    await check(table);
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
    await waitForTableGone({ client, tableName, pollMs: 50 });
  }
}

/** The module's table definition, provisioned with this capacity on the table and every GSI. */
export function provisioned(definition: CreateTableCommandInput, read: number, write: number): CreateTableCommandInput {
  const throughput = { ReadCapacityUnits: read, WriteCapacityUnits: write };
  return {
    ...definition,
    BillingMode: 'PROVISIONED',
    ProvisionedThroughput: throughput,
    ...(definition.GlobalSecondaryIndexes
      ? { GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes.map((g) => ({ ...g, ProvisionedThroughput: throughput })) }
      : {}),
  };
}

/** The error a promise rejected with (fails the test when it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
}

/** A record the test believes stored, by entity. */
export interface Stored {
  entity: string;
  record: RecordValue;
}

/** A value of a test record as it appears in a key: the tests use values that encoding leaves alone. */
function plain(value: unknown): string {
  const text = String(value);
  if ([...text].some((c) => c <= '$')) throw new Error(`test value ${text} would be encoded in keys: use another`);
  return text;
}

/**
 * Every item the table must hold for these records, and nothing else: each record's item as the
 * module's toItem makes it, a Review's identity guard pointing at its item, a Customer's unique
 * guard on its email owned by it.
 */
export function itemsFor(fx: CountersFixture, stored: readonly Stored[]): Item[] {
  const items: Item[] = [];
  for (const { entity, record } of stored) {
    const item = fx.mod.toItem(entity, record);
    items.push(item);
    if (entity === 'Review') items.push({ PK: `$id#REVIEW#${plain(record['reviewId'])}`, SK: '$id', recordPk: item['PK'], recordSk: item['SK'] });
    if (entity === 'Customer')
      items.push({ PK: `$unique#CUSTOMER#email#${plain(record['email'])}`, SK: '$unique', owner: `CUSTOMER#${plain(record['customerId'])}` });
  }
  return items;
}

type PutRequests = { PutRequest?: { Item?: Item } }[];

/** What a BatchWriteItem interceptor does with one call: send some of its puts and hold the others back, or refuse the call. */
export type BatchDecision = { send: number } | { error: Error };

/** What went by: each BatchWriteItem call's puts, what reached DynamoDB Local, and what came back unprocessed. */
export interface BatchLog {
  calls: number;
  /** Every item that reached DynamoDB Local, in order (so an item sent twice shows twice). */
  sent: Item[];
  /** How many puts the interceptor held back and returned as UnprocessedItems. */
  heldBack: number;
  /** How many calls it refused with an error. */
  refused: number;
  /** How many puts DynamoDB Local itself returned as UnprocessedItems. */
  unprocessedByDynamoDB: number;
}

/**
 * Intercepts every BatchWriteItem sent through this client (and the document client made from it,
 * which shares its middleware stack), before the SDK's own retries: `decide(call, puts)` says how
 * many of the call's puts go on to DynamoDB Local (the first `send`; the rest come back as
 * UnprocessedItems, merged with any DynamoDB Local returned itself), or which error the call fails
 * with (nothing is sent). DynamoDB Local stores what is sent; the write runtime sees what AWS
 * answers a throttled batch.
 */
export function interceptBatchWrites(client: DynamoDBClient, decide: (call: number, puts: PutRequests) => BatchDecision): BatchLog {
  const log: BatchLog = { calls: 0, sent: [], heldBack: 0, refused: 0, unprocessedByDynamoDB: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      const input = args.input as { RequestItems: Record<string, PutRequests> };
      const tables = Object.keys(input.RequestItems);
      if (tables.length !== 1) throw new Error(`the interceptor expects one table per batch, got ${tables.length}`);
      const table = tables[0]!;
      const puts = input.RequestItems[table]!;
      const decision = decide(log.calls++, puts);
      if ('error' in decision) {
        log.refused++;
        throw decision.error;
      }
      const now = puts.slice(0, decision.send);
      const held = puts.slice(decision.send);
      log.heldBack += held.length;
      let unprocessed: PutRequests = [];
      let result: Awaited<ReturnType<typeof next>> = { output: { $metadata: {} }, response: {} };
      if (now.length > 0) {
        result = await next({ ...args, input: { ...input, RequestItems: { [table]: now } } });
        unprocessed = ((result.output as { UnprocessedItems?: Record<string, PutRequests> }).UnprocessedItems?.[table] ?? []) as PutRequests;
        log.unprocessedByDynamoDB += unprocessed.length;
        const back = new Set(unprocessed.map((p) => JSON.stringify(p.PutRequest?.Item)));
        log.sent.push(...now.flatMap((p) => (p.PutRequest?.Item && !back.has(JSON.stringify(p.PutRequest.Item)) ? [p.PutRequest.Item] : [])));
      }
      const left = [...unprocessed, ...held];
      const output = { ...result.output, UnprocessedItems: left.length > 0 ? { [table]: left } : {} } as typeof result.output;
      return { ...result, output };
    },
    { step: 'initialize', name: 'interceptBatchWritesForTest' },
  );
  return log;
}
