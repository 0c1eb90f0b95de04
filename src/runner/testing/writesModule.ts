// Test helpers for the generated module's writes against DynamoDB Local (not
// shipped): one model with every kind of entity a write treats differently, its
// module generated and imported, a fresh table per test, a mirror of the records
// the test believes are stored, and the two checks every write test ends with:
// the table holds exactly the items the mirror implies (each record's item as
// toItem makes it, one identity guard per record whose table key holds more than
// its key, one unique guard per unique value held, nothing else), and every
// access pattern answers, raw through AccessPatterns and typed through executeAll,
// what the brute force answers on the mirror.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DeleteTableCommand, type CreateTableCommandInput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient, type GetCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { answerPattern, compareUtf8, deriveDesign, generateModule, parseModelText, type Design, type Model, type RecordValue } from '../../engine/index.ts';
import { uniqueTableName } from './exampleDesign.ts';
import { answerList, everyPage, pagedList, type PagedExecute } from './pagedAnswers.ts';
import { waitForTableActive, waitForTableGone } from '../waitForTable.ts';

/**
 * User: found by its key alone, unique optional handle (a sparse GSI on it too).
 * Order: stored under its user (table key USER#{userEmail} / ORDER#{createdAt}#{orderId}), so an
 * identity guard records where it is; a GSI on status (orders by status), a sparse one on coupon.
 * Account: found by its key alone, version attribute `version` (updates without reading), a GSI on
 * owner and a sparse one on nickname. Ticket: stored under its queue (identity guard) with version
 * attribute `revision` (updates that read first).
 */
export const WRITES_MODEL_TEXT = `model "Module Writes"
entity User key email unique handle
  email: string
  name: string
  handle?: string
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  status: "open" | "shipped" | "closed"
  createdAt: datetime
  total: number
  coupon?: string
entity Account key accountId version version
  accountId: string
  owner: string
  balance: number
  nickname?: string
  version: number
entity Ticket key ticketId version revision
  ticketId: string
  queue: string
  title: string
  revision: number
userByHandle: User by handle returns one
userWithOrders: User by email with Order
ordersOfUser: Order by userEmail order by createdAt desc
ordersByStatus: Order by status order by createdAt desc
ordersByCoupon: Order by coupon
accountById: Account by accountId returns one
accountsOfOwner: Account by owner
accountsByNickname: Account by nickname
ticketsOfQueue: Ticket by queue
`;

export function writesModel(): Model {
  const parsed = parseModelText(WRITES_MODEL_TEXT);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  const m = parsed.model;
  const entity = (name: string) => m.entities.find((e) => e.name === name);
  // The fixture is what the tests say it is: the parser kept the write extensions.
  if (JSON.stringify(entity('User')?.unique) !== '[["handle"]]' || entity('Account')?.version !== 'version' || entity('Ticket')?.version !== 'revision') {
    throw new Error('the writes model lost its unique set or version attributes');
  }
  return m;
}

/** Where each entity's records are: found by the key alone, or through an identity guard `$id#<LABEL>#{key}`. */
export const IDENTITY_GUARDED: Readonly<Record<string, string>> = { Order: 'ORDER', Ticket: 'TICKET' };
/** Unique guards `$unique#<LABEL>#<set>#{values}`, owned by `<LABEL>#{key}`. */
export const UNIQUE_SETS: Readonly<Record<string, { label: string; sets: string[][] }>> = { User: { label: 'USER', sets: [['handle']] } };

export type Item = Record<string, unknown>;
type Input = GetCommandInput | QueryCommandInput;

/** What the tests use of a generated module with writes. */
export interface WritesModule {
  TABLE_NAME: string;
  tableDefinition: CreateTableCommandInput;
  toItem(entity: string, record: object): Item;
  fromItem(item: Item): { entity: string; record: RecordValue } | undefined;
  AccessPatterns: Record<string, (params: object) => Input | Input[]>;
  executeAll: Record<string, (client: DynamoDBDocumentClient, params: object) => Promise<unknown>>;
  execute: Record<string, PagedExecute<DynamoDBDocumentClient>>;
  create: Record<string, (client: DynamoDBDocumentClient, record: object) => Promise<void>>;
  put: Record<string, (client: DynamoDBDocumentClient, record: object) => Promise<void>>;
  update: Record<string, (client: DynamoDBDocumentClient, key: object, changes: object) => Promise<RecordValue>>;
  remove: Record<string, (client: DynamoDBDocumentClient, key: object, options?: { version?: number }) => Promise<void>>;
  Writes: Record<
    string,
    {
      create(record: object): WriteRequest;
      update(key: object, changes: object, current?: object): WriteRequest;
      remove(key: object, current?: object): WriteRequest;
    }
  >;
  WriteError: ErrorClass;
  RecordExistsError: ErrorClass;
  RecordNotFoundError: ErrorClass;
  UniqueConflictError: ErrorClass;
  StaleVersionError: ErrorClass;
  WriteConflictError: ErrorClass;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass = new (...args: any[]) => Error & { code: string; entity: string };

export type WriteRequest =
  { Put: Item } | { Update: Item } | { Delete: Item } | { TransactWrite: { TransactItems: ({ Put: Item } | { Delete: Item } | { Update: Item })[] } };

export interface WritesFixture {
  model: Model;
  design: Design;
  mod: WritesModule;
  /** The generated module's file. */
  file: string;
  dir: string;
  tableName: string;
}

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Generates the module of the writes model for a table name of its own, writes it inside node_modules (so it resolves @aws-sdk) and imports it. */
export async function loadWritesModule(prefix: string): Promise<WritesFixture> {
  const model = writesModel();
  const tableName = uniqueTableName(prefix);
  const design = deriveDesign(model, { tableName });
  const dir = fs.mkdtempSync(path.join(root, 'node_modules', `.tw-${prefix}-`));
  const file = path.join(dir, 'writes.ts');
  fs.writeFileSync(file, generateModule(design));
  const mod = (await import(pathToFileURL(file).href)) as WritesModule;
  if (mod.TABLE_NAME !== tableName) throw new Error(`the module writes to ${mod.TABLE_NAME}, not ${tableName}`);
  return { model, design, mod, file, dir, tableName };
}

/** Creates the module's table, runs `check`, and deletes the table whatever happened (the next test creates it again). */
export async function withTable(fx: WritesFixture, client: DynamoDBClient, check: () => Promise<void>): Promise<void> {
  await client.send(new CreateTableCommand(fx.mod.tableDefinition));
  try {
    await waitForTableActive({ client, tableName: fx.tableName, pollMs: 50 });
    await check();
  } finally {
    await client.send(new DeleteTableCommand({ TableName: fx.tableName })).catch(() => undefined);
    await waitForTableGone({ client, tableName: fx.tableName, pollMs: 50 });
  }
}

/** Every item of the table (or of one of its GSIs), every page. The tests may scan; the module may not. */
export async function scanAll(doc: DynamoDBDocumentClient, tableName: string, indexName?: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(
      new ScanCommand({ TableName: tableName, ...(indexName ? { IndexName: indexName } : {}), ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((r.Items ?? []) as Item[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
}

/** JSON with object keys sorted: equal values, equal text. */
export const canon = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareUtf8(a, b))) : v,
  );

/** The table's items, canonical and sorted: a snapshot to compare before and after a write that must change nothing. */
export async function snapshot(doc: DynamoDBDocumentClient, tableName: string): Promise<string[]> {
  return (await scanAll(doc, tableName)).map(canon).sort();
}

/** A value of a test record as it appears in a key: the tests use values that encoding leaves alone. */
function plain(value: unknown): string {
  const text = String(value);
  if ([...text].some((c) => c <= '$')) throw new Error(`test value ${text} would be encoded in keys: use another`);
  return text;
}

/**
 * The records the test believes are stored, by entity and key, and every record it ever stored
 * (old values included), whose values the pattern checks ask about.
 */
export class Mirror {
  private readonly byEntity = new Map<string, Map<string, RecordValue>>();
  readonly history: { entity: string; record: RecordValue }[] = [];
  constructor(private readonly model: Model) {}

  keyNames(entity: string): string[] {
    const e = this.model.entities.find((x) => x.name === entity);
    if (!e) throw new Error(`no entity ${entity}`);
    return e.key;
  }
  keyOf(entity: string, record: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(this.keyNames(entity).map((n) => [n, record[n]]));
  }
  private id(entity: string, record: Record<string, unknown>): string {
    return JSON.stringify(this.keyNames(entity).map((n) => record[n]));
  }
  set(entity: string, record: RecordValue): void {
    let list = this.byEntity.get(entity);
    if (!list) this.byEntity.set(entity, (list = new Map()));
    list.set(this.id(entity, record), { ...record });
    this.history.push({ entity, record: { ...record } });
  }
  delete(entity: string, key: Record<string, unknown>): void {
    this.byEntity.get(entity)?.delete(this.id(entity, key));
  }
  get(entity: string, key: Record<string, unknown>): RecordValue | undefined {
    return this.byEntity.get(entity)?.get(this.id(entity, key));
  }
  /** The current records, as answerPattern takes them. */
  records(): Map<string, RecordValue[]> {
    return new Map(this.model.entities.map((e) => [e.name, [...(this.byEntity.get(e.name)?.values() ?? [])]]));
  }
  all(): { entity: string; record: RecordValue }[] {
    return [...this.records()].flatMap(([entity, list]) => list.map((record) => ({ entity, record })));
  }
}

/**
 * The table holds exactly what the mirror implies: each record's one item, equal to the module's
 * toItem of it (so every index key is the one its values make, none left from old values); one
 * identity guard per identity-guarded record, pointing at its item; one unique guard per unique
 * value a record holds, owned by it; no other item. Guards map to undefined through fromItem.
 * Returns the guard items found.
 */
export async function expectTableHolds(fx: WritesFixture, doc: DynamoDBDocumentClient, mirror: Mirror, expect: ExpectFn): Promise<Item[]> {
  const items = await scanAll(doc, fx.tableName);
  const records = items.filter((i) => !String(i['PK']).startsWith('$'));
  const guards = items.filter((i) => String(i['PK']).startsWith('$'));
  for (const g of guards) expect(fx.mod.fromItem(g), `fromItem of guard ${canon(g)}`).toBeUndefined();
  // Every stored item is a current record's item, and every current record has exactly one.
  const expectedItems = mirror.all().map(({ entity, record }) => canon(fx.mod.toItem(entity, record)));
  expect(records.map(canon).sort(), 'the records’ items').toEqual([...expectedItems].sort());
  for (const item of records) {
    const back = fx.mod.fromItem(item);
    expect(back, `fromItem of ${canon(item)}`).toBeDefined();
  }
  // Guards: exactly the expected ones.
  const expectedGuards: { PK: string; SK: string; points?: Item; owner?: string }[] = [];
  for (const { entity, record } of mirror.all()) {
    const label = IDENTITY_GUARDED[entity];
    if (label !== undefined) {
      const item = fx.mod.toItem(entity, record);
      const key = mirror
        .keyNames(entity)
        .map((n) => plain(record[n]))
        .join('#');
      expectedGuards.push({ PK: `$id#${label}#${key}`, SK: '$id', points: { recordPk: item['PK'], recordSk: item['SK'] } });
    }
    const unique = UNIQUE_SETS[entity];
    if (unique) {
      const owner = `${unique.label}#${mirror
        .keyNames(entity)
        .map((n) => plain(record[n]))
        .join('#')}`;
      for (const set of unique.sets) {
        if (!set.every((n) => record[n] !== undefined)) continue;
        expectedGuards.push({ PK: `$unique#${unique.label}#${set.join('+')}#${set.map((n) => plain(record[n])).join('#')}`, SK: '$unique', owner });
      }
    }
  }
  const guardKey = (g: { PK?: unknown; SK?: unknown }) => `${String(g.PK)} | ${String(g.SK)}`;
  expect(guards.map(guardKey).sort(), 'the guard items').toEqual(expectedGuards.map(guardKey).sort());
  for (const want of expectedGuards) {
    const got = guards.find((g) => guardKey(g) === guardKey(want));
    if (want.points) expect(got, `identity guard ${want.PK} points at its record's item`).toMatchObject(want.points);
    if (want.owner) expect(got, `unique guard ${want.PK} is owned by its record`).toMatchObject({ owner: want.owner });
  }
  return guards;
}

/** Vitest's expect, as the helpers take it (so that this file needs no vitest import outside tests). */
export type ExpectFn = (
  actual: unknown,
  message?: string,
) => {
  toEqual(expected: unknown): void;
  toBeUndefined(): void;
  toBeDefined(): void;
  toMatchObject(expected: object): void;
  toBe(expected: unknown): void;
};

/** One AccessPatterns input's items, every page. */
async function sendInput(doc: DynamoDBDocumentClient, input: Input): Promise<Item[]> {
  if ('Key' in input && input.Key) {
    const r = await doc.send(new GetCommand(input as GetCommandInput));
    return r.Item ? [r.Item] : [];
  }
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...(input as QueryCommandInput), ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((r.Items ?? []) as Item[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every parameter set the pattern takes from the values of records the test ever stored (old values too), once each. */
function paramSets(fx: WritesFixture, mirror: Mirror, pattern: string): Record<string, unknown>[] {
  const p = fx.model.patterns.find((x) => x.name === pattern);
  if (!p) return [];
  const out = new Map<string, Record<string, unknown>>();
  for (const { entity, record } of mirror.history) {
    if (entity !== p.entity || !p.equals.every((n) => record[n] !== undefined)) continue;
    const params = Object.fromEntries(p.equals.map((n) => [n, record[n]]));
    out.set(canon(params), params);
  }
  return [...out.values()];
}

/**
 * Every access pattern, for every parameter set from the records ever stored, answers what the
 * brute force answers on the mirror: raw through AccessPatterns (no guard item among the items,
 * the declared order), typed through executeAll, and page by page through execute. Returns how many answers held a record (so a
 * test can tell the check was not vacuous).
 */
export async function expectPatternsAgree(fx: WritesFixture, doc: DynamoDBDocumentClient, mirror: Mirror, expect: ExpectFn): Promise<number> {
  let nonEmpty = 0;
  const records = mirror.records();
  for (const p of fx.model.patterns) {
    for (const params of paramSets(fx, mirror, p.name)) {
      const label = `${p.name} ${canon(params)}`;
      const expected = answerPattern(fx.model, records, p.name, params as never);
      const built = fx.mod.AccessPatterns[p.name]?.(params);
      if (built === undefined) throw new Error(`no builder for ${p.name}`);
      const items: Item[] = [];
      for (const input of Array.isArray(built) ? built : [built]) items.push(...(await sendInput(doc, input)));
      for (const item of items) {
        expect(String(item['PK']).startsWith('$'), `${label}: a guard item in the answer: ${canon(item)}`).toBe(false);
        expect(fx.mod.fromItem(item), `${label}: an item that holds no record: ${canon(item)}`).toBeDefined();
      }
      const got = items.map((i) => fx.mod.fromItem(i));
      const typed = await fx.mod.executeAll[p.name]?.(doc, params);
      // The paged execute, pages of 2 among the guard items the writes left: executeAll's records, in its order.
      const entities = p.include?.length ? [p.entity, ...p.include] : undefined;
      const pages = await everyPage(fx.mod.execute[p.name]!, doc, params, 2);
      expect(pagedList(pages, entities), `${label} (execute, pages of 2)`).toEqual(answerList(typed, entities));
      if (p.include?.length) {
        // An include asked about a parent no record is (children still point at it) is left open by the format.
        if (expected.length === 0) continue;
        expect(got.map(canon).sort(), label).toEqual(expected.map(canon).sort());
        const byEntity = Object.fromEntries(
          [p.entity, ...p.include].map((e) => [
            e,
            expected
              .filter((a) => a.entity === e)
              .map((a) => canon(a.record))
              .sort(),
          ]),
        );
        expect(
          Object.fromEntries(Object.entries(typed as Record<string, RecordValue[]>).map(([e, list]) => [e, list.map(canon).sort()])),
          `${label} (execute)`,
        ).toEqual(byEntity);
      } else if (p.order) {
        // The same records, their order values in the declared order (ties in any order).
        const order = p.order.attribute;
        expect(got.map(canon).sort(), label).toEqual(expected.map(canon).sort());
        expect(
          got.map((a) => a?.record[order]),
          `${label}: order`,
        ).toEqual(expected.map((a) => a.record[order]));
        expect((typed as RecordValue[]).map(canon).sort(), `${label} (execute)`).toEqual(expected.map((a) => canon(a.record)).sort());
        expect(
          (typed as RecordValue[]).map((r) => r[order]),
          `${label} (execute): order`,
        ).toEqual(expected.map((a) => a.record[order]));
      } else if (p.returns === 'one') {
        expect(got.map(canon), label).toEqual(expected.map(canon));
        expect(canon(typed ?? null), `${label} (execute)`).toEqual(canon(expected[0]?.record ?? null));
      } else {
        expect(got.map(canon).sort(), label).toEqual(expected.map(canon).sort());
        expect((typed as RecordValue[]).map(canon).sort(), `${label} (execute)`).toEqual(expected.map((a) => canon(a.record)).sort());
      }
      if (expected.length > 0) nonEmpty++;
    }
  }
  return nonEmpty;
}

/** A document client that records every command sent through it (its input, by command name) and sends it on. */
export function recordingClient(doc: DynamoDBDocumentClient): { client: DynamoDBDocumentClient; sent: { command: string; input: Item }[] } {
  const sent: { command: string; input: Item }[] = [];
  const client = {
    send(command: { constructor: { name: string }; input: Item }) {
      sent.push({ command: command.constructor.name, input: command.input });
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, sent };
}

/** The outcomes of writes run at the same time: which resolved, and the errors of the others. */
export async function race<T>(writes: (() => Promise<T>)[]): Promise<{ fulfilled: number[]; errors: unknown[] }> {
  const settled = await Promise.allSettled(writes.map((w) => w()));
  return {
    fulfilled: settled.flatMap((s, i) => (s.status === 'fulfilled' ? [i] : [])),
    errors: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}

/**
 * A document client that, right after the first command `when` picks has been answered, runs
 * `meanwhile` (another writer's write, sent on its own client) before handing the answer back:
 * a race between two writers, made deterministic.
 */
export function interleavingClient(
  doc: DynamoDBDocumentClient,
  when: (command: string, input: Item) => boolean,
  meanwhile: () => Promise<unknown>,
): { client: DynamoDBDocumentClient; ran: () => boolean } {
  let done = false;
  const client = {
    async send(command: { constructor: { name: string }; input: Item }) {
      const out: unknown = await doc.send(command as never);
      if (!done && when(command.constructor.name, command.input)) {
        done = true;
        await meanwhile();
      }
      return out;
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, ran: () => done };
}

/** A document client whose first command `when` picks is refused with `error` (never sent), the others sent as they are. */
export function refusingClient(
  doc: DynamoDBDocumentClient,
  when: (command: string, input: Item) => boolean,
  error: Error,
): { client: DynamoDBDocumentClient; refused: () => boolean } {
  let done = false;
  const client = {
    send(command: { constructor: { name: string }; input: Item }) {
      if (!done && when(command.constructor.name, command.input)) {
        done = true;
        return Promise.reject(error);
      }
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, refused: () => done };
}
