// An in-memory DynamoDB table that executes the write runtime's requests (writeRuntime.ts:
// Get, Put, Update, Delete, TransactWrite, BatchWrite, shaped as @aws-sdk/lib-dynamodb's
// inputs) with DynamoDB's semantics, so that the app runs writes without an endpoint and
// tests run the runtime in memory. The table is a WriteTarget (tableName, tableKey) and its
// `send` is a `WriteEnv['send']`.
//
// What it does as DynamoDB does (each checked against DynamoDB Local by
// memoryTable.dynamodb.test.ts, which runs the same seeded random requests on both):
// - ConditionExpression / UpdateExpression with their placeholders (memoryTableExpression.ts);
//   refusals as the SDK throws them: ValidationException (a malformed or unknown-placeholder
//   expression, an unused placeholder, an empty ExpressionAttributeValues, an item without
//   its table key, a key attribute in an update, ...), ConditionalCheckFailedException,
//   TransactionCanceledException with one CancellationReason per TransactItem,
//   ResourceNotFoundException for another table name.
// - An Update creates the item when none is there (from its key); its values are read from
//   the item before it; ReturnValues ALL_OLD / ALL_NEW / UPDATED_OLD / UPDATED_NEW (Put and
//   Delete: ALL_OLD). The condition is checked before the update is applied, so a refused
//   condition wins over an update that could not apply.
// - TransactWrite: 1 to 100 items, at most one per item (else ValidationException), all
//   or nothing; ConditionCheck needs a ConditionExpression. BatchWrite: 1 to 25 puts and
//   deletes of distinct items, all checked before any is written; none left unprocessed.
// Items are deep-copied in and out: nothing a caller holds is shared with the table.
//
// Where it follows DynamoDB's documentation rather than DynamoDB Local: in a transaction,
// an update that cannot apply to the item it finds (an attribute it reads is missing, an
// operand of the wrong type, a key attribute changed) cancels the transaction with a
// `ValidationError` reason (DynamoDB Local fails the whole request with a ValidationException
// instead), and two operations on one item are refused before any condition is read
// (DynamoDB Local reads conditions first). Not modelled: sets and binary values, the 400 KB
// item size, secondary indexes, capacity and throttling, concurrent transactions
// (TransactionConflict), ProjectionExpression, ReturnValuesOnConditionCheckFailure,
// idempotency tokens; numbers beyond Number.MAX_SAFE_INTEGER are refused as the document
// client refuses them, but a sum past it is returned as a number, where the client gives a
// bigint.
import type { TableKey, WriteItem, WriteTarget } from './writeRuntime.ts';
import { compareUtf8 } from '../queries/compareUtf8.ts';
import {
  Placeholders,
  applyUpdate,
  compileCondition,
  compileUpdate,
  evaluateCondition,
  updatedNames,
  type Condition,
  type UpdatePlan,
} from './memoryTableExpression.ts';
import {
  MemoryTableError,
  copyOut,
  copyTopMap,
  copyValues,
  emptyMap,
  sameItem,
  validation,
  type CancellationReason,
  type MemoryItem,
} from './memoryTableValues.ts';

export { MemoryTableError } from './memoryTableValues.ts';

/** The expression parts of a write, as lib-dynamodb takes them. */
export interface MemoryConditionParts {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}
export type MemoryPut = { TableName: string; Item: WriteItem; ReturnValues?: string } & MemoryConditionParts;
export type MemoryDelete = { TableName: string; Key: WriteItem; ReturnValues?: string } & MemoryConditionParts;
export type MemoryUpdate = { TableName: string; Key: WriteItem; UpdateExpression?: string; ReturnValues?: string } & MemoryConditionParts;
export type MemoryConditionCheck = { TableName: string; Key: WriteItem; ConditionExpression: string } & MemoryConditionParts;
export interface MemoryGet {
  TableName: string;
  Key: WriteItem;
  ConsistentRead?: boolean;
}
export type MemoryTransactItem = { Put: MemoryPut } | { Delete: MemoryDelete } | { Update: MemoryUpdate } | { ConditionCheck: MemoryConditionCheck };

/** A BatchWriteItem's requests, by table name. */
export interface MemoryBatchWrite {
  RequestItems: Record<string, ({ PutRequest: { Item: WriteItem } } | { DeleteRequest: { Key: WriteItem } })[]>;
}

/** Every request the table executes: the write runtime's WriteRequest, ReadRequest and BatchRequest, and a little more. */
export type MemoryRequest =
  | { Get: MemoryGet }
  | { Put: MemoryPut }
  | { Delete: MemoryDelete }
  | { Update: MemoryUpdate }
  | { TransactWrite: { TransactItems: MemoryTransactItem[] } }
  | { BatchWrite: MemoryBatchWrite };

/** What one send, or the time between a snapshot and now, did to one item. */
export type ItemChange =
  | { kind: 'created'; key: TableKey; after: WriteItem }
  | { kind: 'updated'; key: TableKey; before: WriteItem; after: WriteItem }
  | { kind: 'deleted'; key: TableKey; before: WriteItem };

const SNAPSHOTS = new WeakMap<MemoryTableSnapshot, ReadonlyMap<string, MemoryItem>>();
let takeSnapshot: (items: ReadonlyMap<string, MemoryItem>) => MemoryTableSnapshot;

/** The table's items at one moment (opaque): for `changesSince` and `restore`. */
export class MemoryTableSnapshot {
  private constructor() {}
  static {
    takeSnapshot = (items) => {
      const snapshot = new MemoryTableSnapshot();
      SNAPSHOTS.set(snapshot, new Map(items));
      return snapshot;
    };
  }
}

export interface MemoryTableOptions {
  tableName: string;
  /** The table's key attributes (both strings, as every Tablewright table's). */
  tableKey: { pk: string; sk: string };
  /** The items it starts with (copied; each must have its table key, no two the same one). */
  items?: readonly WriteItem[];
}

/** One write of a request, checked and ready: where, on what condition, and what it leaves there. */
interface Prepared {
  id: string;
  key: MemoryItem;
  condition: Condition | undefined;
  /** The item after the write from the item before (undefined: none there after); absent for a ConditionCheck. */
  apply?: (before: MemoryItem | undefined) => MemoryItem | undefined;
  plan?: UpdatePlan;
}

const CONDITION_FAILED = 'The conditional request failed';
const PUT_DELETE_RETURN_VALUES = ['NONE', 'ALL_OLD'];
const UPDATE_RETURN_VALUES = ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'];
const WRITE_KINDS = ['Put', 'Delete', 'Update', 'ConditionCheck'] as const;

export class MemoryTable implements WriteTarget {
  readonly tableName: string;
  readonly tableKey: { pk: string; sk: string };
  private store = new Map<string, MemoryItem>();
  private last: ItemChange[] = [];

  constructor({ tableName, tableKey, items = [] }: MemoryTableOptions) {
    this.tableName = tableName;
    this.tableKey = { pk: tableKey.pk, sk: tableKey.sk };
    for (const raw of items) {
      const item = copyTopMap(raw, 'Item');
      const id = this.itemId(item);
      if (this.store.has(id)) throw new TypeError(`two items have the table key ${id}`);
      this.store.set(id, item);
    }
  }

  /**
   * Executes one request as DynamoDB would and resolves to what lib-dynamodb's result holds:
   * a Get's Item, a write's Attributes (ReturnValues), a BatchWrite's UnprocessedItems (`{}`),
   * else undefined. Rejects as the SDK does.
   */
  readonly send = async (request: MemoryRequest): Promise<WriteItem | undefined> => {
    this.last = [];
    return this.execute(request);
  };

  /** Every item, copied, in table-key order (partition key, then sort key, by UTF-8 bytes). */
  items(): WriteItem[] {
    return this.sorted([...this.store.values()]).map((item) => copyOut(item));
  }

  /** What the last send created, updated and deleted (none when it failed or only read), in table-key order. */
  lastChanges(): ItemChange[] {
    return this.last.map(copyChange);
  }

  /** The items as they are now, to compare with later (`changesSince`) or go back to (`restore`). */
  snapshot(): MemoryTableSnapshot {
    return takeSnapshot(this.store);
  }

  /** What changed between `snapshot` and now, item by item, in table-key order. */
  changesSince(snapshot: MemoryTableSnapshot): ItemChange[] {
    return this.diff(snapshotItems(snapshot), this.store).map(copyChange);
  }

  /** Puts the table back as it was at `snapshot`; returns what that changed. */
  restore(snapshot: MemoryTableSnapshot): ItemChange[] {
    const items = snapshotItems(snapshot);
    const changes = this.diff(this.store, items);
    this.store = new Map(items);
    this.last = [];
    return changes.map(copyChange);
  }

  // ------------------------------------------------------------ requests

  private execute(request: MemoryRequest): WriteItem | undefined {
    const kinds = typeof request === 'object' && request !== null ? Object.keys(request) : [];
    const [kind] = kinds;
    if (kinds.length !== 1)
      throw new TypeError(
        `a request is one of { Get }, { Put }, { Update }, { Delete }, { TransactWrite }, { BatchWrite }, got ${kinds.join(', ') || String(request)}`,
      );
    const r = request as Record<string, unknown>;
    switch (kind) {
      case 'Get':
        return this.get(r.Get as MemoryGet);
      case 'Put':
      case 'Delete':
      case 'Update':
        return this.write(kind, r[kind]);
      case 'TransactWrite':
        this.transact((r.TransactWrite as { TransactItems?: unknown } | undefined)?.TransactItems);
        return undefined;
      case 'BatchWrite':
        return this.batch((r.BatchWrite as { RequestItems?: unknown } | undefined)?.RequestItems);
      default:
        throw new TypeError(`unknown request ${kind}: the memory table executes Get, Put, Update, Delete, TransactWrite and BatchWrite`);
    }
  }

  private get(input: MemoryGet): WriteItem | undefined {
    const i = this.input(input, 'Get');
    unsupported(i, ['ProjectionExpression', 'AttributesToGet']);
    this.checkTable(i.TableName);
    const { id } = this.keyOf(i.Key);
    const item = this.store.get(id);
    return item && copyOut(item);
  }

  private write(kind: 'Put' | 'Delete' | 'Update', input: unknown): WriteItem | undefined {
    const i = this.input(input, kind);
    const returnValues = i.ReturnValues ?? 'NONE';
    const allowed = kind === 'Update' ? UPDATE_RETURN_VALUES : PUT_DELETE_RETURN_VALUES;
    if (typeof returnValues !== 'string' || !allowed.includes(returnValues)) throw validation('Return values set to invalid value');
    const prepared = this.prepare(kind, i);
    const before = this.store.get(prepared.id);
    if (prepared.condition && !evaluateCondition(prepared.condition, before)) {
      throw new MemoryTableError('ConditionalCheckFailedException', CONDITION_FAILED);
    }
    const after = prepared.apply?.(before);
    this.commit([[prepared.id, after]]);
    switch (returnValues) {
      case 'ALL_OLD':
        return before && copyOut(before);
      case 'ALL_NEW':
        return after && copyOut(after);
      case 'UPDATED_OLD':
        return before && pick(before, updatedNames(prepared.plan as UpdatePlan));
      case 'UPDATED_NEW':
        return after && pick(after, updatedNames(prepared.plan as UpdatePlan));
      default:
        return undefined;
    }
  }

  private transact(items: unknown): void {
    if (!Array.isArray(items)) throw new TypeError('TransactWrite needs TransactItems, a list');
    if (items.length === 0) throw validation("Value [] at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    if (items.length > 100) throw validation('Member must have length less than or equal to 100');
    const prepared = items.map((entry: unknown, index) => {
      const kinds = typeof entry === 'object' && entry !== null ? WRITE_KINDS.filter((k) => (entry as Record<string, unknown>)[k] !== undefined) : [];
      const [kind] = kinds;
      if (kind === undefined) throw validation('Invalid Request: TransactWriteRequest should contain Delete or Put or Update request');
      if (kinds.length > 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
      const input = this.input((entry as Record<string, unknown>)[kind], kind);
      if (kind === 'ConditionCheck' && input.ConditionExpression === undefined) {
        throw validation(
          `Value null at 'transactItems.${index + 1}.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null`,
        );
      }
      return this.prepare(kind, input);
    });
    const ids = new Set<string>();
    for (const p of prepared) {
      if (ids.has(p.id)) throw validation('Transaction request cannot include multiple operations on one item');
      ids.add(p.id);
    }
    const writes: [string, MemoryItem | undefined][] = [];
    const reasons: CancellationReason[] = prepared.map((p) => {
      const before = this.store.get(p.id);
      if (p.condition && !evaluateCondition(p.condition, before)) return { Code: 'ConditionalCheckFailed', Message: CONDITION_FAILED };
      if (!p.apply) return { Code: 'None' };
      try {
        writes.push([p.id, p.apply(before)]);
      } catch (error) {
        if (error instanceof MemoryTableError && error.name === 'ValidationException') return { Code: 'ValidationError', Message: error.message };
        throw error;
      }
      return { Code: 'None' };
    });
    if (reasons.some((r) => r.Code !== 'None')) {
      throw new MemoryTableError(
        'TransactionCanceledException',
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
        reasons,
      );
    }
    this.commit(writes);
  }

  /**
   * A BatchWriteItem: at most 25 puts and deletes of distinct items, without conditions, each
   * checked before any is written. Resolves to its UnprocessedItems, always none here: `{}`.
   */
  private batch(requestItems: unknown): WriteItem {
    if (typeof requestItems !== 'object' || requestItems === null) throw new TypeError('BatchWrite needs RequestItems, a map of table name to requests');
    const tables = Object.entries(requestItems as Record<string, unknown>);
    if (tables.length === 0) throw validation('BatchWriteItem cannot have a null or no requests set');
    const all: unknown[] = [];
    for (const [name, requests] of tables) {
      this.checkTable(name);
      if (!Array.isArray(requests) || requests.length === 0) throw validation(`The batch write request list for a table cannot be null or empty: ${name}`);
      all.push(...(requests as unknown[]));
    }
    if (all.length > 25) throw validation('Too many items requested for the BatchWriteItem call');
    const writes: [string, MemoryItem | undefined][] = all.map((request) => {
      const r = (typeof request === 'object' && request !== null ? request : {}) as { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } };
      if ((r.PutRequest === undefined) === (r.DeleteRequest === undefined)) {
        throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      }
      if (r.PutRequest !== undefined) {
        const item = copyTopMap(r.PutRequest.Item, 'Item');
        return [this.itemId(item), item];
      }
      return [this.keyOf(r.DeleteRequest?.Key).id, undefined];
    });
    if (new Set(writes.map(([id]) => id)).size !== writes.length) throw validation('Provided list of item keys contains duplicates');
    this.commit(writes);
    return {};
  }

  /** One write checked as DynamoDB checks it before it reads the item: table, key or item, expressions. */
  private prepare(kind: (typeof WRITE_KINDS)[number], i: RequestInput): Prepared {
    unsupported(i, ['Expected', 'ConditionalOperator', 'AttributeUpdates']);
    if (i.ReturnValuesOnConditionCheckFailure !== undefined && i.ReturnValuesOnConditionCheckFailure !== 'NONE') {
      throw new MemoryTableError(
        'NotSupportedByMemoryTable',
        'the memory table does not return items with a failed condition (ReturnValuesOnConditionCheckFailure)',
      );
    }
    this.checkTable(i.TableName);
    let id: string;
    let key: MemoryItem;
    let item: MemoryItem | undefined;
    if (kind === 'Put') {
      item = copyTopMap(i.Item, 'Item');
      id = this.itemId(item);
      key = { [this.tableKey.pk]: item[this.tableKey.pk] as string, [this.tableKey.sk]: item[this.tableKey.sk] as string };
    } else {
      ({ id, key } = this.keyOf(i.Key));
    }
    const names = i.ExpressionAttributeNames;
    if (names !== undefined && (typeof names !== 'object' || names === null)) throw new TypeError('ExpressionAttributeNames must be a map');
    const values = i.ExpressionAttributeValues === undefined ? undefined : copyValues(i.ExpressionAttributeValues);
    const conditionText = optionalText(i.ConditionExpression, 'ConditionExpression');
    const updateText = kind === 'Update' ? optionalText(i.UpdateExpression, 'UpdateExpression') : undefined;
    if (conditionText === undefined && updateText === undefined) {
      const nulls = kind === 'Update' ? 'UpdateExpression and ConditionExpression are null' : 'ConditionExpression is null';
      if (values !== undefined) throw validation(`ExpressionAttributeValues can only be specified when using expressions: ${nulls}`);
      if (names !== undefined) throw validation('ExpressionAttributeNames can only be specified when using expressions');
    }
    const placeholders = new Placeholders(names as Record<string, string> | undefined, values);
    const plan = updateText === undefined ? (kind === 'Update' ? { set: [], remove: [], add: [] } : undefined) : compileUpdate(updateText, placeholders);
    const condition = conditionText === undefined ? undefined : compileCondition(conditionText, placeholders);
    placeholders.checkAllUsed();
    const prepared: Prepared = { id, key, condition };
    if (kind === 'Put') prepared.apply = () => item;
    else if (kind === 'Delete') prepared.apply = () => undefined;
    else if (plan) {
      prepared.plan = plan;
      prepared.apply = (before) => applyUpdate(plan, before, key);
    }
    return prepared;
  }

  private input(input: unknown, kind: string): RequestInput {
    if (typeof input !== 'object' || input === null) throw new TypeError(`${kind} needs its input, an object`);
    return input as RequestInput;
  }

  private checkTable(name: unknown): void {
    if (name !== this.tableName) throw new MemoryTableError('ResourceNotFoundException', 'Cannot do operations on a non-existent table');
  }

  /** A Key's item id, checked: exactly the table's two key attributes, non-empty strings. */
  private keyOf(raw: unknown): { id: string; key: MemoryItem } {
    const key = copyTopMap(raw, 'Key');
    const { pk, sk } = this.tableKey;
    if (Object.keys(key).length !== 2) throw validation('The number of conditions on the keys is invalid');
    if (!Object.prototype.hasOwnProperty.call(key, pk) || !Object.prototype.hasOwnProperty.call(key, sk))
      throw validation('One of the required keys was not given a value');
    return { id: this.itemId(key), key: { [pk]: key[pk] as string, [sk]: key[sk] as string } };
  }

  /** Where an item goes: its table key, checked as DynamoDB checks a Put's item. */
  private itemId(item: MemoryItem): string {
    const parts = [this.tableKey.pk, this.tableKey.sk].map((name) => {
      const value = item[name];
      if (value === undefined) throw validation('One of the required keys was not given a value');
      if (typeof value !== 'string') throw validation('One or more parameter values were invalid: Type mismatch for key');
      if (value === '') {
        throw validation(
          `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${name}`,
        );
      }
      return value;
    });
    return JSON.stringify(parts);
  }

  private commit(writes: [string, MemoryItem | undefined][]): void {
    const before = new Map<string, MemoryItem>();
    for (const [id] of writes) {
      const item = this.store.get(id);
      if (item) before.set(id, item);
    }
    const after = new Map(before);
    for (const [id, item] of writes) {
      if (item === undefined) {
        this.store.delete(id);
        after.delete(id);
      } else {
        this.store.set(id, item);
        after.set(id, item);
      }
    }
    this.last = this.diff(before, after);
  }

  private diff(from: ReadonlyMap<string, MemoryItem>, to: ReadonlyMap<string, MemoryItem>): ItemChange[] {
    const changes: { item: MemoryItem; change: ItemChange }[] = [];
    for (const [id, before] of from) {
      const after = to.get(id);
      if (after === undefined) changes.push({ item: before, change: { kind: 'deleted', key: this.keyFrom(before), before } });
      else if (after !== before && !sameItem(before, after))
        changes.push({ item: after, change: { kind: 'updated', key: this.keyFrom(after), before, after } });
    }
    for (const [id, after] of to) {
      if (!from.has(id)) changes.push({ item: after, change: { kind: 'created', key: this.keyFrom(after), after } });
    }
    return changes.sort((a, b) => this.compareItems(a.item, b.item)).map((c) => c.change);
  }

  private keyFrom(item: MemoryItem): TableKey {
    return { [this.tableKey.pk]: item[this.tableKey.pk] as string, [this.tableKey.sk]: item[this.tableKey.sk] as string };
  }

  private sorted(items: MemoryItem[]): MemoryItem[] {
    return items.sort((a, b) => this.compareItems(a, b));
  }

  /** Table-key order: partition key, then sort key, by UTF-8 bytes. */
  private compareItems(a: MemoryItem, b: MemoryItem): number {
    const { pk, sk } = this.tableKey;
    return compareUtf8(a[pk] as string, b[pk] as string) || compareUtf8(a[sk] as string, b[sk] as string);
  }
}

/** A new in-memory table (see MemoryTable). */
export function createMemoryTable(options: MemoryTableOptions): MemoryTable {
  return new MemoryTable(options);
}

/** The fields of any write input, read loosely: the table checks each. */
interface RequestInput {
  TableName?: unknown;
  Item?: unknown;
  Key?: unknown;
  ReturnValues?: unknown;
  ReturnValuesOnConditionCheckFailure?: unknown;
  ConditionExpression?: unknown;
  UpdateExpression?: unknown;
  ExpressionAttributeNames?: unknown;
  ExpressionAttributeValues?: unknown;
  [other: string]: unknown;
}

function unsupported(input: RequestInput, names: readonly string[]): void {
  for (const name of names) {
    if (input[name] !== undefined) throw new MemoryTableError('NotSupportedByMemoryTable', `the memory table does not take ${name}`);
  }
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
}

function snapshotItems(snapshot: MemoryTableSnapshot): ReadonlyMap<string, MemoryItem> {
  const items = SNAPSHOTS.get(snapshot);
  if (!items) throw new TypeError('not a snapshot of a memory table');
  return items;
}

/** The named attributes an item holds, copied; undefined when it holds none of them (DynamoDB returns no Attributes then). */
function pick(item: MemoryItem, names: readonly string[]): WriteItem | undefined {
  const out: MemoryItem = emptyMap();
  for (const name of names) {
    const value = item[name];
    if (value !== undefined) out[name] = copyOut(value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function copyChange(change: ItemChange): ItemChange {
  const key = { ...change.key };
  switch (change.kind) {
    case 'created':
      return { kind: 'created', key, after: copyOut(change.after as MemoryItem) };
    case 'updated':
      return { kind: 'updated', key, before: copyOut(change.before as MemoryItem), after: copyOut(change.after as MemoryItem) };
    case 'deleted':
      return { kind: 'deleted', key, before: copyOut(change.before as MemoryItem) };
  }
}
