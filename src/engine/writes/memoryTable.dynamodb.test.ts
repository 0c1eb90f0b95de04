// The in-memory table against DynamoDB Local: the same requests, sent to both, must end the
// same way (the same resolved value, or the same error name and CancellationReasons codes)
// and leave the same items. Seeded random sequences of puts, updates, deletes, gets and
// transactions with conditions built from every operator on string, number, boolean,
// null, list and missing attributes; then fixed cases for the parser's edges and the
// reserved words; then the two places where the memory table follows DynamoDB's
// documentation and DynamoDB Local does something else, asserted on both sides so that a
// new DynamoDB Local that changes shows here.
//
// The engine's lint forbids the AWS SDK outside src/runner, and an engine test may not import
// the runner, so this test (which must compare with DynamoDB itself) imports the SDK directly.
// eslint-disable-next-line no-restricted-imports -- the comparison needs a real DynamoDB client
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
// eslint-disable-next-line no-restricted-imports -- the comparison needs a real DynamoDB client
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
  type DeleteCommandInput,
  type PutCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compareUtf8 } from '../queries/compareUtf8.ts';
import { createMemoryTable, type MemoryRequest, type MemoryTransactItem } from './memoryTable.ts';
import { EXPRESSION_KEYWORDS, RESERVED_WORDS } from './memoryTableReservedWords.ts';

const client = new DynamoDBClient({
  endpoint: inject('dynamodbEndpoint'),
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const doc = DynamoDBDocumentClient.from(client);
const TABLE = `memory-table-${Math.random().toString(36).slice(2, 10)}`;
const KEY = { pk: 'PK', sk: 'SK' };
/** Every operator and function a random condition may use; the random test checks each came up. */
const OPERATORS = ['=', '<>', '<', '<=', '>', '>=', 'between', 'in', 'exists', 'notExists', 'beginsWith', 'contains', 'size', 'type'];
const usedLeaves = new Set<string>();

beforeAll(async () => {
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
    }),
  );
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => undefined);
  doc.destroy();
  client.destroy();
});

/** The request sent to DynamoDB Local through the document client; resolves as MemoryTable.send does. */
async function sendReal(request: MemoryRequest): Promise<unknown> {
  if ('Get' in request) return (await doc.send(new GetCommand(request.Get))).Item;
  if ('Put' in request) return (await doc.send(new PutCommand(request.Put as PutCommandInput))).Attributes;
  if ('Delete' in request) return (await doc.send(new DeleteCommand(request.Delete as DeleteCommandInput))).Attributes;
  if ('Update' in request) return (await doc.send(new UpdateCommand(request.Update as UpdateCommandInput))).Attributes;
  if ('BatchWrite' in request) return (await doc.send(new BatchWriteCommand(request.BatchWrite as BatchWriteCommandInput))).UnprocessedItems;
  await doc.send(new TransactWriteCommand(request.TransactWrite as TransactWriteCommandInput));
  return undefined;
}

type Outcome = { value: unknown } | { error: string; message: string; reasons?: string[] };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await run() };
  } catch (error) {
    const e = error as { name: string; message: string; CancellationReasons?: { Code?: string }[] };
    return { error: e.name, message: e.message, ...(e.CancellationReasons ? { reasons: e.CancellationReasons.map((r) => r.Code ?? 'None') } : {}) };
  }
}

/** Just what must agree: the value, or the error's name and reason codes (messages are DynamoDB's, compared separately). */
function agreed(o: Outcome): unknown {
  return 'value' in o ? { value: o.value } : { error: o.error, reasons: o.reasons };
}

/**
 * The one place the memory table differs from DynamoDB Local on purpose: an update in a
 * transaction that cannot apply to its item. DynamoDB's documentation (TransactWriteItems,
 * CancellationReason codes) cancels the transaction with a ValidationError reason; DynamoDB
 * Local fails the request with a ValidationException of the same message, at the first such item.
 */
function isDocumentedTransactionDivergence(request: MemoryRequest, memory: Outcome, real: Outcome): boolean {
  if (!('TransactWrite' in request) || 'value' in memory || 'value' in real) return false;
  if (memory.error !== 'TransactionCanceledException' || real.error !== 'ValidationException') return false;
  const reasons = memory.reasons ?? [];
  return reasons.includes('ValidationError') && memory.message.includes('ValidationError');
}

async function itemsOf(partitions: readonly string[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (const pk of partitions) {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'PK' },
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
      }),
    );
    items.push(...Items);
  }
  return items.sort((a, b) => compareUtf8(a.PK as string, b.PK as string) || compareUtf8(a.SK as string, b.SK as string));
}

// ------------------------------------------------------------------ random requests

/** mulberry32: a small seeded generator, so a failing sequence can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [-2, 0, 1, 2, 3, 10, 1.5, 0.1, 0.2];
const STRINGS = ['', 'a', 'ab', 'b', 'B', 'é', '\u{1F600}', '\uE000', '1', 'open'];
/** Attributes the items hold: n a number, s a string, b a boolean, m any type, l a list, status (a reserved word), x mostly missing. */
const ATTRIBUTES = ['n', 's', 'b', 'm', 'l', 'status', 'x'];

class Generator {
  readonly used = new Set<string>();
  private readonly r: () => number;
  constructor(
    seed: number,
    private readonly partitions: readonly string[],
  ) {
    this.r = random(seed);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  key(): { PK: string; SK: string } {
    return { PK: this.pick(this.partitions), SK: this.pick(['1', '2', '3']) };
  }
  scalar(): unknown {
    const t = this.r();
    if (t < 0.35) return this.pick(NUMBERS);
    if (t < 0.7) return this.pick(STRINGS);
    if (t < 0.85) return this.chance(0.5);
    if (t < 0.92) return null;
    return this.chance(0.5) ? [1, 'a'] : { k: 1 };
  }
  valueFor(attribute: string): unknown {
    switch (attribute) {
      case 'n':
        return this.chance(0.9) ? this.pick(NUMBERS) : this.scalar();
      case 's':
        return this.chance(0.9) ? this.pick(STRINGS) : this.scalar();
      case 'b':
        return this.chance(0.9) ? this.chance(0.5) : this.scalar();
      case 'l':
        return this.pick([[], [1], ['a', 1], [true]]);
      case 'status':
        return this.pick(['open', 'closed']);
      default:
        return this.scalar();
    }
  }
  item(): Record<string, unknown> {
    const item: Record<string, unknown> = this.key();
    for (const a of ATTRIBUTES) if (this.chance(a === 'x' ? 0.15 : 0.7)) item[a] = this.valueFor(a);
    return item;
  }
}

/** Placeholders of one request, added as the expressions use them. */
class Expr {
  names: Record<string, string> = {};
  values: Record<string, unknown> = {};
  constructor(private readonly g: Generator) {}
  name(attribute: string): string {
    // Mostly a placeholder; sometimes the bare name, which for `status` DynamoDB refuses (a reserved word).
    if (this.g.chance(attribute === 'status' ? 0.97 : 0.6)) {
      const ref = `#${attribute}`;
      this.names[ref] = attribute;
      return ref;
    }
    return attribute;
  }
  value(v: unknown): string {
    const ref = `:v${Object.keys(this.values).length}`;
    this.values[ref] = v;
    return ref;
  }
  parts(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } {
    return {
      ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

function condition(g: Generator, e: Expr, depth: number): string {
  const r = depth > 0 ? g.int(10) : 10;
  if (r < 2) return `${condition(g, e, depth - 1)} ${g.pick(['AND', 'OR', 'and', 'Or'])} ${condition(g, e, depth - 1)}`;
  if (r < 3) return `(${condition(g, e, depth - 1)})`;
  if (r < 4) return `NOT ${condition(g, e, depth - 1)}`;
  const attribute = g.pick([...ATTRIBUTES, 'PK', 'SK']);
  const path = e.name(attribute);
  const leaf = g.pick(['compare', 'compare', 'compare', 'comparePaths', 'between', 'in', 'exists', 'notExists', 'beginsWith', 'contains', 'size', 'type']);
  usedLeaves.add(leaf);
  const op = g.pick(['=', '<>', '<', '<=', '>', '>=']);
  switch (leaf) {
    case 'compare': {
      usedLeaves.add(op);
      const v = g.chance(0.85) ? g.valueFor(attribute === 'PK' || attribute === 'SK' ? 's' : attribute) : g.scalar();
      return g.chance(0.9) ? `${path} ${op} ${e.value(v)}` : `${e.value(v)} ${op} ${path}`;
    }
    case 'comparePaths': {
      usedLeaves.add(op);
      const other = g.pick([...ATTRIBUTES, 'PK', 'SK']);
      return `${path} ${op} ${e.name(other)}`;
    }
    case 'between': {
      const [a, b] = [g.valueFor(attribute), g.valueFor(attribute)];
      const ordered = typeof a === typeof b && (typeof a === 'number' || typeof a === 'string') && g.chance(0.85);
      const [low, high] =
        ordered && ((typeof a === 'number' && a > (b as number)) || (typeof a === 'string' && compareUtf8(a, b as string) > 0)) ? [b, a] : [a, b];
      return `${path} BETWEEN ${e.value(low)} AND ${e.value(high)}`;
    }
    case 'in':
      return `${path} IN (${Array.from({ length: 1 + g.int(3) }, () => e.value(g.valueFor(attribute))).join(', ')})`;
    case 'exists':
      return `attribute_exists(${path})`;
    case 'notExists':
      return `attribute_not_exists(${path})`;
    case 'beginsWith':
      return `begins_with(${path}, ${e.value(g.chance(0.9) ? g.pick(STRINGS) : g.scalar())})`;
    case 'contains':
      return `contains(${path}, ${e.value(g.chance(0.7) ? g.pick(['a', 1, 'é', true]) : g.scalar())})`;
    case 'size':
      return `size(${path}) ${op} ${e.value(g.pick([0, 1, 2, 3]))}`;
    default:
      return `attribute_type(${path}, ${e.value(g.pick(['S', 'N', 'BOOL', 'NULL', 'L', 'M', 'SS']))})`;
  }
}

function updateExpression(g: Generator, e: Expr, inTransaction: boolean): string {
  const sections: Record<'SET' | 'REMOVE' | 'ADD', string[]> = { SET: [], REMOVE: [], ADD: [] };
  const free = [...ATTRIBUTES];
  const count = 1 + g.int(3);
  for (let i = 0; i < count && free.length > 0; i++) {
    // Mostly distinct attributes; sometimes the same one twice, which DynamoDB refuses.
    const attribute = g.chance(0.04) ? g.pick(['n', 's']) : (free.splice(g.int(free.length), 1)[0] as string);
    const target = !inTransaction && g.chance(0.03) ? e.name(g.pick(['PK', 'SK'])) : e.name(attribute);
    const kind = g.int(9);
    if (kind === 0) sections.REMOVE.push(target);
    else if (kind === 1) sections.ADD.push(`${target} ${e.value(g.chance(0.9) ? g.pick(NUMBERS) : g.scalar())}`);
    else if (kind === 2) sections.SET.push(`${target} = ${target} ${g.pick(['+', '-'])} ${e.value(g.chance(0.95) ? g.pick(NUMBERS) : g.scalar())}`);
    else if (kind === 3) sections.SET.push(`${target} = if_not_exists(${target}, ${e.value(g.pick([0, 10]))}) + ${e.value(g.pick(NUMBERS))}`);
    else if (kind === 4) sections.SET.push(`${target} = if_not_exists(${target}, ${e.value(g.valueFor(attribute))})`);
    else if (kind === 5) sections.SET.push(`${target} = ${e.name(g.pick(ATTRIBUTES))}`);
    else if (kind === 6) sections.SET.push(`${target} = list_append(if_not_exists(${target}, ${e.value([])}), ${e.value([g.pick(NUMBERS)])})`);
    else sections.SET.push(`${target} = ${e.value(g.valueFor(attribute))}`);
  }
  const order = (['SET', 'REMOVE', 'ADD'] as const).filter((s) => sections[s].length > 0);
  if (g.chance(0.5)) order.reverse();
  return order.map((s) => `${g.chance(0.2) ? s.toLowerCase() : s} ${sections[s].join(', ')}`).join(' ');
}

function maybeCondition(g: Generator, e: Expr, p: number): { ConditionExpression?: string } {
  return g.chance(p) ? { ConditionExpression: condition(g, e, 2) } : {};
}

function write(g: Generator, inTransaction: boolean, key: { PK: string; SK: string }): MemoryTransactItem {
  const e = new Expr(g);
  const kind = g.int(inTransaction ? 4 : 3);
  if (kind === 0) {
    const item = { ...g.item(), ...key };
    const cond = maybeCondition(g, e, 0.6);
    return { Put: { TableName: TABLE, Item: item, ...cond, ...e.parts(), ...(!inTransaction && g.chance(0.4) ? { ReturnValues: 'ALL_OLD' } : {}) } };
  }
  if (kind === 1) {
    const UpdateExpression = updateExpression(g, e, inTransaction);
    const cond = maybeCondition(g, e, 0.5);
    const ReturnValues = inTransaction ? undefined : g.pick(['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW', undefined]);
    return { Update: { TableName: TABLE, Key: key, UpdateExpression, ...cond, ...e.parts(), ...(ReturnValues ? { ReturnValues } : {}) } };
  }
  if (kind === 2) {
    const cond = maybeCondition(g, e, 0.5);
    return { Delete: { TableName: TABLE, Key: key, ...cond, ...e.parts(), ...(!inTransaction && g.chance(0.4) ? { ReturnValues: 'ALL_OLD' } : {}) } };
  }
  return { ConditionCheck: { TableName: TABLE, Key: key, ConditionExpression: condition(g, e, 2), ...e.parts() } };
}

/** 1 to 4 distinct keys. */
function keys(g: Generator): { PK: string; SK: string }[] {
  const keys = new Map<string, { PK: string; SK: string }>();
  for (let i = 1 + g.int(4); keys.size < i;) {
    const k = g.key();
    keys.set(`${k.PK}/${k.SK}`, k);
  }
  return [...keys.values()];
}

function request(g: Generator): MemoryRequest {
  const r = g.int(12);
  if (r === 0) return { Get: { TableName: TABLE, Key: g.key(), ConsistentRead: true } };
  // Distinct items: two operations on one item are refused before anything is read (see below).
  if (r < 3) return { TransactWrite: { TransactItems: keys(g).map((k) => write(g, true, k)) } };
  if (r === 3) {
    const requests = keys(g).map((k) => (g.chance(0.7) ? { PutRequest: { Item: { ...g.item(), ...k } } } : { DeleteRequest: { Key: k } }));
    // Now and then the same item twice, which DynamoDB refuses.
    const first = requests[0];
    if (first && g.chance(0.1)) requests.push(first);
    return { BatchWrite: { RequestItems: { [TABLE]: requests } } };
  }
  return write(g, false, g.key()) as MemoryRequest;
}

describe('the memory table and DynamoDB Local, on the same random requests', () => {
  // MEMORY_TABLE_SEQUENCES=1000 runs more sequences (seeds 1…N) when hunting for a difference.
  const SEQUENCES = Number(process.env['MEMORY_TABLE_SEQUENCES'] ?? 50);
  const STEPS = 40;
  const seen = new Map<string, number>();
  const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

  for (let seed = 1; seed <= SEQUENCES; seed++) {
    it(`sequence ${seed}: ${STEPS} requests end the same way, each leaving the same items`, async () => {
      const partitions = [`s${seed}#a`, `s${seed}#b`];
      const g = new Generator(seed, partitions);
      // The table starts with a few items so that conditions meet every type at once.
      const start = dedupe(Array.from({ length: 4 }, () => g.item()));
      const memory = createMemoryTable({ tableName: TABLE, tableKey: KEY, items: start });
      for (const item of start) await doc.send(new PutCommand({ TableName: TABLE, Item: item }));
      for (let step = 0; step < STEPS; step++) {
        const req = request(g);
        const where = `seed ${seed}, step ${step}: ${JSON.stringify(req)}`;
        const real = await outcome(() => sendReal(req));
        const mem = await outcome(() => memory.send(req));
        count('value' in real ? `ok ${Object.keys(req)[0]}` : real.error);
        if (isDocumentedTransactionDivergence(req, mem, real)) {
          count('documented divergence');
        } else {
          expect(agreed(mem), where).toEqual(agreed(real));
          if (!('value' in mem) && !('value' in real) && !(isUpdateRuntimeMessage(mem.message) && isUpdateRuntimeMessage(real.message))) {
            expect(comparableMessage(mem.message), where).toBe(comparableMessage(real.message));
          }
        }
        expect(memory.items(), `${where}: the items after it`).toEqual(await itemsOf(partitions));
      }
    });
  }

  it.skipIf(SEQUENCES < 20)('used every operator and met every outcome, so the comparison means something', () => {
    console.info(`memory table vs DynamoDB Local: ${JSON.stringify(Object.fromEntries(seen))}`);
    for (const op of OPERATORS) expect(usedLeaves.has(op), `some condition used ${op}`).toBe(true);
    for (const what of [
      'ok Put',
      'ok Update',
      'ok Delete',
      'ok Get',
      'ok TransactWrite',
      'ok BatchWrite',
      'ConditionalCheckFailedException',
      'TransactionCanceledException',
      'ValidationException',
      'documented divergence',
    ]) {
      expect(seen.get(what) ?? 0, `${what} (seen: ${JSON.stringify([...seen])})`).toBeGreaterThan(2);
    }
  });
});

/**
 * A message as far as the memory table copies it: DynamoDB's own, less the parts that name
 * where a syntax error is (its `near` excerpt) and the second path of an overlap (DynamoDB
 * Local names one in an order of its own, not the second one written).
 */
function comparableMessage(message: string): string {
  return message.replace(/(Syntax error; token: "[^"]*"), near: .*/s, '$1').replace(/(path one: \[[^\]]*\]), path two: .*/, '$1');
}

/**
 * An update that cannot apply to the item it finds. Where several of its actions cannot,
 * DynamoDB Local names one in an order of its own (not the written one; the memory table
 * names the first written), so only the error's name is compared then.
 */
function isUpdateRuntimeMessage(message: string): boolean {
  return (
    message === 'The provided expression refers to an attribute that does not exist in the item' ||
    message === 'An operand in the update expression has an incorrect data type'
  );
}

function dedupe(items: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...new Map(items.map((i) => [`${String(i.PK)}/${String(i.SK)}`, i])).values()];
}

// ------------------------------------------------------------------ fixed cases

/** The item each fixed case starts with, at SK "1" of its own partition. */
const SEED = { n: 5, s: 'héllo\u{1F600}', u: '\uE000x', b: false, z: null, l: [1, 'a', { x: 1 }], m: { x: 1, y: [2] }, status: 'open' };

type Case = [label: string, request: (key: { PK: string; SK: string }) => MemoryRequest];

const put =
  (ConditionExpression: string | undefined, values?: Record<string, unknown>, names?: Record<string, string>): Case[1] =>
  (key) => ({
    Put: {
      TableName: TABLE,
      Item: { ...key, ...SEED, n: 6 },
      ...(ConditionExpression !== undefined ? { ConditionExpression } : {}),
      ...(values ? { ExpressionAttributeValues: values } : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    },
  });
const update =
  (UpdateExpression: string | undefined, values?: Record<string, unknown>, extra: Record<string, unknown> = {}): Case[1] =>
  (key) => ({
    Update: {
      TableName: TABLE,
      Key: key,
      ...(UpdateExpression !== undefined ? { UpdateExpression } : {}),
      ...(values ? { ExpressionAttributeValues: values } : {}),
      ReturnValues: 'ALL_NEW',
      ...extra,
    },
  });
const other = (key: { PK: string; SK: string }) => ({ PK: key.PK, SK: '2' });

const CASES: Case[] = [
  // Comparisons, on every type and on a missing attribute.
  ['= on a number', put('n = :v', { ':v': 5 })],
  ['= on a number given as a string', put('n = :v', { ':v': '5' })],
  ['= on null', put('z = :v', { ':v': null })],
  ['= on a map, names in another order', put('m = :v', { ':v': { y: [2], x: 1 } })],
  ['= on a list', put('l = :v', { ':v': [1, 'a', { x: 1 }] })],
  ['<> on a missing attribute', put('q <> :v', { ':v': 1 })],
  ['< on a missing attribute', put('q < :v', { ':v': 1 })],
  ['NOT < on a missing attribute', put('NOT q < :v', { ':v': 1 })],
  ['< across types', put('n < :v', { ':v': 'z' })],
  ['strings by UTF-8 bytes, not UTF-16 units', put('u < :v', { ':v': '\u{1F600}' })],
  ['> on booleans refused', put('b > :v', { ':v': true })],
  ['< on null refused', put('n < :v', { ':v': null })],
  ['< on a list refused', put('n < :v', { ':v': [1] })],
  ['< on a map refused', put('n < :v', { ':v': { x: 1 } })],
  ['value on the left', put(':v = n', { ':v': 5 })],
  ['two values', put(':v < :w', { ':v': 5, ':w': 6 })],
  ['two wrong operands: the first is named', put('n < :t AND s < :n', { ':t': true, ':n': null })],
  ['two wrong operands, the other way round', put('s < :n AND n < :t', { ':t': true, ':n': null })],
  ['a wrong operand before an unknown name', put('n < :t OR #x = :t', { ':t': true })],
  ['an unknown name before a wrong operand', put('#x = :t OR n < :t', { ':t': true })],
  ['a reserved word after an unknown name', put('attribute_exists(#x) AND attribute_exists(status)')],
  ['a reserved word after a wrong operand', put('n < :t AND attribute_exists(status)', { ':t': true })],
  ['a reserved word after IN of 101', put(`attribute_exists(status) AND n IN (${Array.from({ length: 101 }, () => ':v').join(', ')})`, { ':v': 1 })],
  ['a syntax error after a reserved word', put('attribute_exists(status) AND n = ')],
  ['an unknown function after a reserved word', put('attribute_exists(status) AND foo(n)')],
  ['a reserved word after an unknown function', put('foo(n) AND attribute_exists(status)')],
  ['a reserved word inside redundant parentheses', put('((attribute_not_exists(status)))')],
  ['redundant parentheses after a reserved word', put('attribute_exists(status) OR ((n = :v))', { ':v': 1 })],
  ['redundant parentheses after an unknown function', put('foo(n) OR ((n = :v))', { ':v': 1 })],
  ['redundant parentheses after a function out of place', put('attribute_exists(n) = :v OR ((n = :v))', { ':v': 1 })],
  ['a path with itself', put('n = n')],
  ['a path with itself through a name', put('#n <> n', undefined, { '#n': 'n' })],
  ['two paths', put('n > size(s)')],
  ['size() with its own path', put('size(n) = n')],
  // BETWEEN and IN.
  ['BETWEEN', put('n BETWEEN :a AND :b', { ':a': 5, ':b': 5 })],
  ['BETWEEN, any case', put('n BeTwEeN :a and :b', { ':a': 1, ':b': 9 })],
  ['BETWEEN reversed', put('n BETWEEN :a AND :b', { ':a': 9, ':b': 1 })],
  ['BETWEEN reversed by UTF-8 bytes', put('s BETWEEN :a AND :b', { ':a': 'a', ':b': 'B' })],
  ['BETWEEN of two types', put('n BETWEEN :a AND :b', { ':a': 1, ':b': 'x' })],
  ['BETWEEN booleans', put('b BETWEEN :a AND :b', { ':a': false, ':b': true })],
  ['BETWEEN with a path bound', put('n BETWEEN size(s) AND :b', { ':b': 9 })],
  ['BETWEEN its own path', put('n BETWEEN n AND :b', { ':b': 9 })],
  ['IN', put('n IN (:a, :b)', { ':a': 'x', ':b': 5 })],
  ['IN of a string for a number', put('n IN (:a)', { ':a': '5' })],
  ['IN its own path', put('n IN (:a, n)', { ':a': 1 })],
  [
    'IN of 100',
    put(`n IN (${Array.from({ length: 100 }, (_, i) => `:v${i}`).join(', ')})`, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`:v${i}`, i]))),
  ],
  [
    'IN of 101',
    put(`n IN (${Array.from({ length: 101 }, (_, i) => `:v${i}`).join(', ')})`, Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`:v${i}`, i]))),
  ],
  ['IN ()', put('n IN ()')],
  ['IN without parentheses', put('n IN :a', { ':a': 5 })],
  // Functions.
  ['attribute_exists of null', put('attribute_exists(z)')],
  ['attribute_exists with a space', put('attribute_exists (n)')],
  ['attribute_exists of a value', put('attribute_exists(:v)', { ':v': 'n' })],
  ['attribute_exists of two', put('attribute_exists(n, s)')],
  ['attribute_not_exists of the key', put('attribute_not_exists(PK)')],
  ['a function name in capitals', put('ATTRIBUTE_EXISTS(n)')],
  ['an unknown function', put('foo(n)')],
  ['an update function', put('if_not_exists(n, :v) = :v', { ':v': 1 })],
  ['a boolean function as an operand', put('attribute_exists(n) = :v', { ':v': true })],
  ['begins_with', put('begins_with(s, :v)', { ':v': 'hé' })],
  ['begins_with the empty string', put('begins_with(s, :v)', { ':v': '' })],
  ['begins_with a number', put('begins_with(s, :v)', { ':v': 5 })],
  ['begins_with on a number', put('begins_with(n, :v)', { ':v': '5' })],
  ['begins_with a value first', put('begins_with(:v, s)', { ':v': 'héllo\u{1F600}!' })],
  ['begins_with itself', put('begins_with(s, s)')],
  ['begins_with one operand', put('begins_with(s)')],
  ['contains in a string', put('contains(s, :v)', { ':v': 'llo' })],
  ['contains in a list', put('contains(l, :v)', { ':v': 'a' })],
  ['contains a map in a list', put('contains(l, :v)', { ':v': { x: 1 } })],
  ['contains in a number', put('contains(n, :v)', { ':v': 5 })],
  ['contains itself', put('contains(s, s)')],
  ['size of a string (UTF-16 units)', put('size(s) = :v', { ':v': 7 })],
  ['size of a string (UTF-8 bytes)', put('size(s) = :v', { ':v': 10 })],
  ['size of a list', put('size(l) = :v', { ':v': 3 })],
  ['size of a map', put('size(m) = :v', { ':v': 2 })],
  ['size of a number', put('size(n) = :v', { ':v': 1 })],
  ['size of a missing attribute', put('size(q) <> :v', { ':v': 0 })],
  ['size of a value', put('size(:v) = :w', { ':v': 'abc', ':w': 3 })],
  ['size of a number value', put('size(:v) = :v', { ':v': 1 })],
  ['size alone', put('size(s)')],
  ['size of two', put('size(s, n) = :v', { ':v': 1 })],
  ['attribute_type', put('attribute_type(z, :v)', { ':v': 'NULL' })],
  ['attribute_type of another type', put('attribute_type(b, :v)', { ':v': 'S' })],
  ['attribute_type of an unknown type', put('attribute_type(b, :v)', { ':v': 'XX' })],
  ['attribute_type given a number', put('attribute_type(b, :v)', { ':v': 1 })],
  // Nested paths.
  ['a list element in a map', put('m.y[0] = :v', { ':v': 2 })],
  ['a list element past the end', put('m.y[5] = :v', { ':v': 2 })],
  ['a map in a list', put('attribute_exists(l[2].x)')],
  ['names along a path', put('#m.#y[0] = :v', { ':v': 2 }, { '#m': 'm', '#y': 'y' })],
  ['a name holding a dot', put('attribute_exists(#a)', undefined, { '#a': 'm.x' })],
  ['an index that is not a number', put('l[x] = :v', { ':v': 1 })],
  ['a number after a dot', put('l.1 = :v', { ':v': 1 })],
  // NOT, AND, OR and parentheses.
  ['AND before OR', put('n = :a OR n = :b AND n = :c', { ':a': 5, ':b': 1, ':c': 2 })],
  ['parentheses first', put('(n = :a OR n = :b) AND n = :c', { ':a': 5, ':b': 1, ':c': 2 })],
  ['NOT before AND', put('NOT n = :a AND n = :b', { ':a': 1, ':b': 5 })],
  ['NOT NOT', put('NOT NOT b = :v', { ':v': false })],
  ['keywords in any case', put('n = :a and not s = :b Or b = :c', { ':a': 5, ':b': 'x', ':c': true })],
  ['BETWEEN inside AND', put('n BETWEEN :a AND :b AND n = :a', { ':a': 5, ':b': 6 })],
  ['one pair of parentheses', put('(n = :v)', { ':v': 5 })],
  ['parentheses around an operand', put('(n) = :v', { ':v': 5 })],
  ['parentheses around a value', put('n = (:v)', { ':v': 5 })],
  ['parentheses inside IN', put('n IN ((:v))', { ':v': 5 })],
  ['parentheses around a function', put('(attribute_exists(n))')],
  ['two pairs of parentheses', put('((n = :v))', { ':v': 5 })],
  ['two pairs around an operand', put('((n)) = :v', { ':v': 5 })],
  ['two pairs after NOT', put('NOT ((n = :v))', { ':v': 5 })],
  ['pairs that nest around AND', put('((n = :v) AND (n = :v))', { ':v': 5 })],
  // Words.
  ['a reserved word', put('attribute_exists(status)')],
  ['a reserved word in another case', put('attribute_exists(Name)')],
  ['a keyword as a name', put('in = :v', { ':v': 1 })],
  ['size as a name', put('attribute_not_exists(size)')],
  ['a function name as a name', put('attribute_not_exists(contains)')],
  ['a name starting with _', put('attribute_exists(_x)')],
  ['a name starting with a digit', put('1a = :v', { ':v': 1 })],
  ['a name with digits', put('a1 = :v', { ':v': 1 })],
  ['upper-case N is a name', put('N = :v', { ':v': 5 })],
  // Syntax.
  ['the empty expression', put('')],
  ['only spaces', put('   ')],
  ['new lines and tabs', put('n = :v\n AND\tn = :v', { ':v': 5 })],
  ['no right operand', put('n = ', { ':v': 1 })],
  ['chained comparisons', put('n = :v = :v', { ':v': 1 })],
  ['an open parenthesis', put('(n = :v', { ':v': 1 })],
  ['a path alone', put('n')],
  ['NOT a path', put('NOT n')],
  ['AND at the end', put('n = :v AND', { ':v': 1 })],
  ['BETWEEN without AND', put('n BETWEEN :v', { ':v': 1 })],
  ['==', put('n == :v', { ':v': 1 })],
  ['!=', put('n != :v', { ':v': 1 })],
  ['a semicolon', put('n = :v;', { ':v': 1 })],
  // Placeholders.
  ['#names', put('#a = :v', { ':v': 5 }, { '#a': 'n' })],
  ['#1 and :1', put('#1 = :1', { ':1': 5 }, { '#1': 'n' })],
  ['_ in placeholders', put('#a_b = :a_b', { ':a_b': 5 }, { '#a_b': 'n' })],
  ['- in a name placeholder', put('#a-b = :v', { ':v': 5 }, { '#a-b': 'n' })],
  ['- in a value placeholder', put('n = :a-b', { ':a-b': 5 })],
  ['a name placeholder without #', put('n = :v', { ':v': 5 }, { a: 'n' })],
  ['a value placeholder without :', put('n = :v', { ':v': 5, b: 1 })],
  ['a lone :', put('n = :v', { ':v': 5, ':': 1 })],
  ['an empty attribute name', put('#a = :v', { ':v': 5 }, { '#a': '' })],
  ['an unknown name', put('#n = :v', { ':v': 5 })],
  ['an unknown value', put('n = :x')],
  ['an unused name', put('n = :v', { ':v': 5 }, { '#x': 'n' })],
  ['an unused value', put('n = :v', { ':v': 5, ':w': 1 })],
  ['empty values', put('attribute_exists(n)', {})],
  ['empty names', put('attribute_exists(n)', undefined, {})],
  ['values without an expression', put(undefined, { ':v': 1 })],
  ['names without an expression', put(undefined, undefined, { '#n': 'n' })],
  ['a value that is undefined (dropped by the client)', put('attribute_exists(n) OR n = :v', { ':v': undefined })],
  // Numbers.
  ['numbers compare by value', put('n = :v', { ':v': 5.0 })],
  ['a number below 1e-130', put('n = :v', { ':v': 1e-131 })],
  ['1e-130', put('n < :v', { ':v': 1e-130 })],
  // Updates.
  ['SET', update('SET a = :v, b = :w', { ':v': 1, ':w': 'x' })],
  ['SET in lower case', update('set a = :v remove q', { ':v': 1 })],
  ['SET from another attribute', update('SET c = n, d = if_not_exists(q, s)')],
  ['SET from a missing attribute', update('SET c = q')],
  ['arithmetic', update('SET n = n + :d, c = :d - n', { ':d': 1 })],
  ['decimal arithmetic', update('SET f = :a + :b, g = :c - :b', { ':a': 0.1, ':b': 0.2, ':c': 0.3 })],
  ['small decimals', update('SET f = :a + :b', { ':a': 1e-7, ':b': 1.5e-7 })],
  ['arithmetic past 38 digits', update('SET f = :a + :b', { ':a': 1e15, ':b': 1.234e-25 })],
  ['arithmetic under 1e-130', update('SET f = :a - :b', { ':a': 1.5e-130, ':b': 1.4e-130 })],
  ['arithmetic to zero', update('SET f = :a - :a', { ':a': 1.5 })],
  ['arithmetic on a missing attribute', update('SET q = q + :d', { ':d': 1 })],
  ['arithmetic on a string', update('SET s = s + :d', { ':d': 1 })],
  ['arithmetic with a string value', update('SET n = n + :d', { ':d': 'x' })],
  ['arithmetic with a boolean value', update('SET n = :d - n', { ':d': true })],
  ['a string then a missing operand', update('SET q = s - x')],
  ['a missing then a string operand', update('SET q = x - s')],
  ['two operators', update('SET n = :d + :d - :d', { ':d': 1 })],
  ['parentheses in SET', update('SET n = (:d)', { ':d': 1 })],
  ['if_not_exists + :d', update('SET q = if_not_exists(q, :z) + :d, n = if_not_exists(n, :z) + :d', { ':z': 10, ':d': 1 })],
  ['if_not_exists of null', update('SET z = if_not_exists(z, :v)', { ':v': 1 })],
  ['if_not_exists of a value', update('SET n = if_not_exists(:d, n)', { ':d': 1 })],
  ['if_not_exists of one', update('SET n = if_not_exists(n)')],
  ['list_append', update('SET l = list_append(l, :v), k = list_append(if_not_exists(k, :e), :v)', { ':v': [true], ':e': [] })],
  ['list_append of a missing attribute', update('SET k = list_append(k, :v)', { ':v': [1] })],
  ['list_append of a number', update('SET k = list_append(:n, :v)', { ':n': 1, ':v': [1] })],
  ['list_append on a string', update('SET s = list_append(s, :v)', { ':v': [1] })],
  ['a condition function in SET', update('SET n = size(s)')],
  ['an unknown function in SET', update('SET n = foo(s)')],
  ['REMOVE', update('REMOVE s, b, q')],
  ['ADD to a number', update('ADD n :d', { ':d': -1.5 })],
  ['ADD to a missing attribute', update('ADD q :d', { ':d': 2 })],
  ['ADD two', update('ADD n :d, q :d', { ':d': 2 })],
  ['ADD to a string', update('ADD s :d', { ':d': 1 })],
  ['ADD a string', update('ADD n :d', { ':d': 'x' })],
  ['ADD a boolean', update('ADD n :d', { ':d': true })],
  ['ADD a list', update('ADD n :d', { ':d': [1] })],
  ['ADD null', update('ADD n :d', { ':d': null })],
  ['ADD a map', update('ADD n :d', { ':d': { x: 1 } })],
  ['ADD with =', update('ADD n = :d', { ':d': 1 })],
  ['ADD a path', update('ADD n n')],
  ['DELETE a number', update('DELETE n :d', { ':d': 1 })],
  ['every section', update('REMOVE s SET n = :d ADD q :d', { ':d': 1 })],
  ['SET twice', update('SET a = :d SET b = :d', { ':d': 1 })],
  ['one path twice', update('SET a = :d, a = :e', { ':d': 1, ':e': 2 })],
  ['one path in SET and REMOVE', update('SET a = :d REMOVE a', { ':d': 1 })],
  ['an overlap before a wrong operand', update('ADD s :d SET n = n - :b, n = :d', { ':d': 1, ':b': false })],
  ['two wrong actions: the last written is named', update('ADD s :v SET b = b - :w', { ':v': 'x', ':w': false })],
  ['two wrong actions, the other way round', update('SET b = b - :w ADD s :v', { ':v': 'x', ':w': false })],
  ['two wrong SET actions', update('SET a = a + :v, b = b - :w', { ':v': 'x', ':w': true })],
  ['two wrong ADD actions', update('ADD a :v, b :w', { ':v': 'x', ':w': true })],
  ['a wrong DELETE after a wrong ADD', update('ADD b :w DELETE a :v', { ':v': 'x', ':w': true })],
  ['an unknown name before a wrong operand', update('SET b = #x, a = :v + :d', { ':v': 'x', ':d': 1 })],
  ['a wrong operand before an unknown value', update('SET a = :v + :d, b = :zz', { ':v': 'x', ':d': 1 })],
  ['two wrong operands in one action: the first is named', update('SET a = :v + :w', { ':v': 'x', ':w': true })],
  [
    'a wrong update and a wrong condition: the update is named',
    update('SET a = :v + :d', { ':v': 'x', ':d': 1 }, { ConditionExpression: 'c < :t', ExpressionAttributeValues: { ':v': 'x', ':d': 1, ':t': true } }),
  ],
  ['a comma before REMOVE', update('SET n = :d, REMOVE m', { ':d': 1 })],
  ['a trailing comma', update('SET n = :d,', { ':d': 1 })],
  ['SET without =', update('SET n :d', { ':d': 1 })],
  ['SET alone', update('SET')],
  ['the empty update', update('')],
  ['no UpdateExpression', update(undefined)],
  ['values and no expression', update(undefined, { ':v': 1 })],
  ['SET the partition key', update('SET PK = :d', { ':d': 'x' })],
  ['REMOVE the sort key', update('REMOVE SK')],
  ['ADD to the key through a name', update('ADD #k :d', { ':d': 1 }, { ExpressionAttributeNames: { '#k': 'PK' } })],
  ['SET both keys', update('SET SK = :d, PK = :d', { ':d': 'x' })],
  ['the key changed, on a failed condition', update('SET PK = :d', { ':d': 'x' }, { ConditionExpression: 'attribute_not_exists(SK)' })],
  ['a failed condition before a missing attribute', update('SET n = q + :d', { ':d': 1 }, { ConditionExpression: 'attribute_not_exists(PK)' })],
  ['a reserved word in SET', update('SET #s = :d, size = :d', { ':d': 'x' }, { ExpressionAttributeNames: { '#s': 'status' } })],
  ['a reserved word bare in SET', update('SET status = :d', { ':d': 'x' })],
  ['a reserved word before SET twice', update('SET b = status SET a = :d', { ':d': 1 })],
  ['a reserved word after an overlap', update('SET a = :d, a = :d, b = status', { ':d': 1 })],
  ['a reserved word before an unknown function', update('SET b = status, c = foo(a)')],
  ['redundant parentheses after SET twice', update('SET b = :d SET c = ((:d))', { ':d': 1 })],
  ['redundant parentheses after an unknown function', update('SET b = foo(a), c = ((:d))', { ':d': 1 })],
  [
    'an update that creates the item',
    (key) => ({
      Update: { TableName: TABLE, Key: other(key), UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': 1 }, ReturnValues: 'ALL_NEW' },
    }),
  ],
  ['REMOVE creates the item', (key) => ({ Update: { TableName: TABLE, Key: other(key), UpdateExpression: 'REMOVE a', ReturnValues: 'ALL_NEW' } })],
  ['ReturnValues ALL_OLD', update('SET n = :d', { ':d': 1 }, { ReturnValues: 'ALL_OLD' })],
  ['ReturnValues UPDATED_OLD', update('SET n = :d, q = :d REMOVE s', { ':d': 1 }, { ReturnValues: 'UPDATED_OLD' })],
  ['ReturnValues UPDATED_NEW', update('SET n = :d REMOVE s ADD q :d', { ':d': 1 }, { ReturnValues: 'UPDATED_NEW' })],
  [
    'UPDATED_OLD of a new item',
    (key) => ({
      Update: { TableName: TABLE, Key: other(key), UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': 1 }, ReturnValues: 'UPDATED_OLD' },
    }),
  ],
  ['ReturnValues NONE', update('SET n = :d', { ':d': 1 }, { ReturnValues: 'NONE' })],
  ['ReturnValues unknown', update('SET n = :d', { ':d': 1 }, { ReturnValues: 'FOO' })],
  ['Put ALL_OLD', (key) => ({ Put: { TableName: TABLE, Item: { ...key, a: 1 }, ReturnValues: 'ALL_OLD' } })],
  ['Put ALL_OLD of a new item', (key) => ({ Put: { TableName: TABLE, Item: { ...other(key), a: 1 }, ReturnValues: 'ALL_OLD' } })],
  ['Put ALL_NEW', (key) => ({ Put: { TableName: TABLE, Item: { ...key, a: 1 }, ReturnValues: 'ALL_NEW' } })],
  ['Put refused, ALL_OLD', (key) => ({ Put: { TableName: TABLE, Item: key, ConditionExpression: 'attribute_not_exists(PK)', ReturnValues: 'ALL_OLD' } })],
  ['Delete ALL_OLD', (key) => ({ Delete: { TableName: TABLE, Key: key, ReturnValues: 'ALL_OLD' } })],
  ['Delete of nothing, ALL_OLD', (key) => ({ Delete: { TableName: TABLE, Key: other(key), ReturnValues: 'ALL_OLD' } })],
  ['Delete ALL_NEW', (key) => ({ Delete: { TableName: TABLE, Key: key, ReturnValues: 'ALL_NEW' } })],
  ['Delete of nothing, on attribute_exists', (key) => ({ Delete: { TableName: TABLE, Key: other(key), ConditionExpression: 'attribute_exists(PK)' } })],
  // Keys and items.
  ['Get', (key) => ({ Get: { TableName: TABLE, Key: key } })],
  ['Get of nothing', (key) => ({ Get: { TableName: TABLE, Key: other(key) } })],
  ['Get with a third key attribute', (key) => ({ Get: { TableName: TABLE, Key: { ...key, x: 1 } } })],
  ['Get without the sort key', (key) => ({ Get: { TableName: TABLE, Key: { PK: key.PK } } })],
  ['Get with another attribute for the sort key', (key) => ({ Get: { TableName: TABLE, Key: { PK: key.PK, X: '1' } } })],
  ['Get with a number sort key', (key) => ({ Get: { TableName: TABLE, Key: { PK: key.PK, SK: 1 } } })],
  ['Get with an empty partition key', () => ({ Get: { TableName: TABLE, Key: { PK: '', SK: '1' } } })],
  ['Get on another table', (key) => ({ Get: { TableName: `${TABLE}-not`, Key: key } })],
  ['Put on another table', (key) => ({ Put: { TableName: `${TABLE}-not`, Item: key } })],
  ['Put without the sort key', (key) => ({ Put: { TableName: TABLE, Item: { PK: key.PK, x: 1 } } })],
  ['Put with a number sort key', (key) => ({ Put: { TableName: TABLE, Item: { PK: key.PK, SK: 1 } } })],
  ['Put with an empty sort key', (key) => ({ Put: { TableName: TABLE, Item: { PK: key.PK, SK: '' } } })],
  ['Put with an empty string and an undefined attribute', (key) => ({ Put: { TableName: TABLE, Item: { ...key, e: '', u: undefined, z: -0 } } })],
  ['Put with undefined in a list', (key) => ({ Put: { TableName: TABLE, Item: { ...key, l: [1, undefined] } } })],
  ['Put with NaN', (key) => ({ Put: { TableName: TABLE, Item: { ...key, x: NaN } } })],
  ['Put with Infinity', (key) => ({ Put: { TableName: TABLE, Item: { ...key, x: -Infinity } } })],
  ['Put with 2^60', (key) => ({ Put: { TableName: TABLE, Item: { ...key, x: 2 ** 60 } } })],
  ['Put with -2^60', (key) => ({ Put: { TableName: TABLE, Item: { ...key, x: -(2 ** 60) } } })],
  ['Put with 1e-131 deep inside', (key) => ({ Put: { TableName: TABLE, Item: { ...key, x: { y: [1e-131] } } } })],
  // Transactions.
  [
    'a transaction',
    (key) => ({
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: { ...other(key), n: 1 } } },
          { Update: { TableName: TABLE, Key: key, UpdateExpression: 'ADD n :d', ExpressionAttributeValues: { ':d': 1 } } },
        ],
      },
    }),
  ],
  [
    'a cancelled transaction',
    (key) => ({
      TransactWrite: {
        TransactItems: [
          { ConditionCheck: { TableName: TABLE, Key: key, ConditionExpression: 'n = :v', ExpressionAttributeValues: { ':v': 5 } } },
          { Put: { TableName: TABLE, Item: { ...other(key), n: 1 }, ConditionExpression: 'attribute_exists(PK)' } },
          { Delete: { TableName: TABLE, Key: { PK: key.PK, SK: '3' } } },
        ],
      },
    }),
  ],
  [
    'a ConditionCheck on nothing',
    (key) => ({
      TransactWrite: { TransactItems: [{ ConditionCheck: { TableName: TABLE, Key: other(key), ConditionExpression: 'attribute_not_exists(PK)' } }] },
    }),
  ],
  [
    'a ConditionCheck without a condition',
    (key) => ({
      TransactWrite: { TransactItems: [{ Delete: { TableName: TABLE, Key: other(key) } }, { ConditionCheck: { TableName: TABLE, Key: key } as never }] },
    }),
  ],
  ['no TransactItems', () => ({ TransactWrite: { TransactItems: [] } })],
  [
    '100 TransactItems',
    (key) => ({ TransactWrite: { TransactItems: Array.from({ length: 100 }, (_, i) => ({ Put: { TableName: TABLE, Item: { PK: key.PK, SK: `t${i}` } } })) } }),
  ],
  [
    '101 TransactItems',
    (key) => ({ TransactWrite: { TransactItems: Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: TABLE, Item: { PK: key.PK, SK: `t${i}` } } })) } }),
  ],
  [
    'two operations on one item',
    (key) => ({ TransactWrite: { TransactItems: [{ Put: { TableName: TABLE, Item: { ...key, n: 1 } } }, { Delete: { TableName: TABLE, Key: key } }] } }),
  ],
  [
    'two kinds in one TransactItem',
    (key) => ({ TransactWrite: { TransactItems: [{ Put: { TableName: TABLE, Item: key }, Delete: { TableName: TABLE, Key: key } } as never] } }),
  ],
  ['an empty TransactItem', () => ({ TransactWrite: { TransactItems: [{} as never] } })],
  [
    'a transaction with a malformed condition',
    (key) => ({
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: other(key), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Delete: { TableName: TABLE, Key: key, ConditionExpression: 'n = ' } },
        ],
      },
    }),
  ],
  [
    'a transaction with a wrong ADD',
    (key) => ({
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: key, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Update: { TableName: TABLE, Key: other(key), UpdateExpression: 'ADD q :d', ExpressionAttributeValues: { ':d': 'x' } } },
        ],
      },
    }),
  ],
  [
    'a transaction on another table',
    (key) => ({ TransactWrite: { TransactItems: [{ Put: { TableName: TABLE, Item: other(key) } }, { Put: { TableName: `${TABLE}-not`, Item: key } }] } }),
  ],
  [
    'a batch',
    (key) => ({
      BatchWrite: {
        RequestItems: {
          [TABLE]: [{ PutRequest: { Item: { ...other(key), n: 1 } } }, { DeleteRequest: { Key: key } }, { DeleteRequest: { Key: { PK: key.PK, SK: '3' } } }],
        },
      },
    }),
  ],
  [
    'a batch of 25',
    (key) => ({ BatchWrite: { RequestItems: { [TABLE]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { PK: key.PK, SK: `b${i}` } } })) } } }),
  ],
  [
    'a batch of 26',
    (key) => ({ BatchWrite: { RequestItems: { [TABLE]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { PK: key.PK, SK: `b${i}` } } })) } } }),
  ],
  [
    'a batch with one item twice',
    (key) => ({ BatchWrite: { RequestItems: { [TABLE]: [{ PutRequest: { Item: { ...key, n: 1 } } }, { PutRequest: { Item: { ...key, n: 2 } } }] } } }),
  ],
  [
    'a batch with a bad item after a good one',
    (key) => ({ BatchWrite: { RequestItems: { [TABLE]: [{ PutRequest: { Item: other(key) } }, { PutRequest: { Item: { PK: key.PK, SK: 2 } } }] } } }),
  ],
  ['a batch with a bad key', (key) => ({ BatchWrite: { RequestItems: { [TABLE]: [{ DeleteRequest: { Key: { PK: key.PK } } }] } } })],
  ['a batch of no requests', () => ({ BatchWrite: { RequestItems: { [TABLE]: [] } } })],
  ['a batch of no tables', () => ({ BatchWrite: { RequestItems: {} } })],
  [
    'a batch request of both kinds',
    (key) => ({ BatchWrite: { RequestItems: { [TABLE]: [{ PutRequest: { Item: key }, DeleteRequest: { Key: key } } as never] } } }),
  ],
  ['a batch request of neither kind', () => ({ BatchWrite: { RequestItems: { [TABLE]: [{} as never] } } })],
  ['a batch on another table', (key) => ({ BatchWrite: { RequestItems: { [`${TABLE}-not`]: [{ PutRequest: { Item: key } }] } } })],
  [
    'a failed condition stops an update that could not apply',
    (key) => ({
      TransactWrite: {
        TransactItems: [
          {
            Update: {
              TableName: TABLE,
              Key: key,
              UpdateExpression: 'SET w = w + :d',
              ConditionExpression: 'attribute_not_exists(PK)',
              ExpressionAttributeValues: { ':d': 1 },
            },
          },
          { Put: { TableName: TABLE, Item: other(key) } },
        ],
      },
    }),
  ],
];

describe('the memory table and DynamoDB Local, on fixed cases', () => {
  it.each(CASES.map(([label, build], i) => [label, build, i] as const))('%s', async (label, build, i) => {
    const key = { PK: `fixed#${i}`, SK: '1' };
    const memory = createMemoryTable({ tableName: TABLE, tableKey: KEY, items: [{ ...key, ...SEED }] });
    await doc.send(new PutCommand({ TableName: TABLE, Item: { ...key, ...SEED } }));
    const req = build(key);
    const real = await outcome(() => sendReal(req));
    const mem = await outcome(() => memory.send(req));
    expect(agreed(mem), label).toEqual(agreed(real));
    if (!('value' in mem) && !('value' in real)) expect(comparableMessage(mem.message), label).toBe(comparableMessage(real.message));
    expect(memory.items(), `${label}: the items after it`).toEqual(await itemsOf([key.PK]));
  });
});

describe('reserved words', () => {
  it('are the words DynamoDB Local refuses as names, in any case; the grammar keywords are syntax errors on both', async () => {
    const memory = createMemoryTable({ tableName: TABLE, tableKey: KEY });
    const words = [...RESERVED_WORDS, ...EXPRESSION_KEYWORDS, 'CONVERT', 'SIZE', 'stock', 'price', 'version', 'owner', 'recordPk'];
    for (const [i, word] of words.entries()) {
      const name = i % 2 === 0 ? word.toLowerCase() : word;
      const req: MemoryRequest = { Put: { TableName: TABLE, Item: { PK: 'words', SK: '1' }, ConditionExpression: `attribute_not_exists(${name})` } };
      const real = await outcome(() => sendReal(req));
      const mem = await outcome(() => memory.send(req));
      expect(agreed(mem), word).toEqual(agreed(real));
      if (!('value' in mem) && !('value' in real)) expect(comparableMessage(mem.message), word).toBe(comparableMessage(real.message));
    }
  });
});

describe('where the memory table follows DynamoDB rather than DynamoDB Local', () => {
  const run = async (req: MemoryRequest, items: Record<string, unknown>[]) => {
    const memory = createMemoryTable({ tableName: TABLE, tableKey: KEY, items });
    for (const item of items) await doc.send(new PutCommand({ TableName: TABLE, Item: item }));
    return { real: await outcome(() => sendReal(req)), memory: await outcome(() => memory.send(req)) };
  };

  it('an update in a transaction that cannot apply cancels it with a ValidationError reason (DynamoDB Local: ValidationException)', async () => {
    const key = { PK: 'divergence#1', SK: '1' };
    const req: MemoryRequest = {
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: { ...key, SK: '2' } } },
          { Update: { TableName: TABLE, Key: key, UpdateExpression: 'SET q = q + :d', ExpressionAttributeValues: { ':d': 1 } } },
        ],
      },
    };
    const { real, memory } = await run(req, [{ ...key, n: 1 }]);
    // TransactWriteItems documents this as a cancellation reason: "Code: ValidationError ... The provided expression refers to an attribute that does not exist in the item".
    expect(memory).toMatchObject({ error: 'TransactionCanceledException', reasons: ['None', 'ValidationError'] });
    expect(real).toMatchObject({ error: 'ValidationException', message: 'The provided expression refers to an attribute that does not exist in the item' });
  });

  it('a key attribute changed in a transaction is a ValidationError reason for that item (DynamoDB Local: one reason for the whole transaction)', async () => {
    const key = { PK: 'divergence#2', SK: '1' };
    const req: MemoryRequest = {
      TransactWrite: {
        TransactItems: [
          { Put: { TableName: TABLE, Item: { ...key, SK: '2' } } },
          { Update: { TableName: TABLE, Key: key, UpdateExpression: 'SET PK = :d', ExpressionAttributeValues: { ':d': 'x' } } },
        ],
      },
    };
    const { real, memory } = await run(req, [key]);
    expect(memory).toMatchObject({ error: 'TransactionCanceledException', reasons: ['None', 'ValidationError'] });
    expect(real).toMatchObject({ error: 'TransactionCanceledException', reasons: ['ValidationError'] });
  });

  it('two operations on one item are refused before any condition is read (DynamoDB Local reads the conditions first)', async () => {
    const key = { PK: 'divergence#3', SK: '1' };
    const req: MemoryRequest = {
      TransactWrite: {
        TransactItems: [{ Put: { TableName: TABLE, Item: key, ConditionExpression: 'attribute_not_exists(PK)' } }, { Delete: { TableName: TABLE, Key: key } }],
      },
    };
    const { real, memory } = await run(req, [key]);
    expect(memory).toMatchObject({ error: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' });
    expect(real).toMatchObject({ error: 'TransactionCanceledException', reasons: ['ConditionalCheckFailed', 'None'] });
  });
});
