// The write runtime: create, update and remove of one record together with every
// item the design keeps for it (its own item, an identity guard where the table
// key holds more than the record's key, a guard per unique set), as plain
// request inputs and a loop that sends them and retries on conflicts.
//
// It is SDK-free and clock-free: `send` is given. The generated module passes
// one that sends lib-dynamodb commands; the app passes the in-memory evaluator.
// So the same code runs in a pasted module, the runner and the app. Its text is
// embedded in every generated module (writeRuntimeSource.generated.ts, kept in
// step by a test): this file imports nothing and declares only what the module
// may carry. Names declared here are reserved in generated modules.

/** An item or a record, as the document client gives and takes it. */
export type WriteItem = Record<string, unknown>;

/** The key attributes of an index on one item, by name. */
export type TableKey = Record<string, string>;

/** How one index's keys are written on an entity's items. */
export interface WriteIndex {
  index: string;
  /** The record's attributes the index's key is made of. */
  attributes: readonly string[];
  /** The key attributes the design writes on items for it (a composite index's two); none for a native GSI. */
  written: readonly string[];
  /** Those key attributes' values for a record that holds every one of `attributes`. */
  keys(record: WriteItem): WriteItem;
}

/** Everything the write runtime knows of one entity: generated per entity, or built from a design in memory. */
export interface WriteEntity {
  name: string;
  /** The attributes that identify a record (the entity's `key`). */
  keyNames: readonly string[];
  /** Every attribute of the entity, for the "unchanged since read" condition. */
  attributes: readonly string[];
  /** The attributes a record may lack: only these may be removed (null in changes). */
  optional: readonly string[];
  /** The number attributes: the only ones add may add to. */
  numbers: readonly string[];
  /** The optimistic-locking attribute, when the entity has one. */
  version?: string;
  /** The table's time-to-live attribute, when this entity's records expire: its guards carry the same expiry. */
  ttl?: string;
  /** Where the record's item is, when the key alone tells; undefined when the identity guard records it. */
  itemKey(key: WriteItem): TableKey | undefined;
  /** The identity guard's key, for an entity whose table key holds more than its key. */
  identityKey?: (key: WriteItem) => TableKey;
  /** What unique guards record as their holder: the label and the encoded key. */
  owner(key: WriteItem): string;
  /** The entity's unique sets (FORMAT.md `unique`). */
  uniqueSets: readonly (readonly string[])[];
  /** The unique guards a record holds: one per unique set whose every attribute it has. */
  uniqueKeys(record: WriteItem): { set: readonly string[]; key: TableKey }[];
  /** Every index the entity is in. */
  indexes: readonly WriteIndex[];
  /** The item stored for a record (checks every value's type). */
  toItem(record: WriteItem): WriteItem;
  /** The record an item holds, or undefined for one that holds none (a guard). */
  fromItem(item: WriteItem): WriteItem | undefined;
}

/** A write's request(s), shaped as lib-dynamodb's inputs. */
export type WriteRequest = { Put: PutInput } | { Update: UpdateInput } | { Delete: DeleteInput } | { TransactWrite: { TransactItems: TransactItem[] } };

export interface ConditionParts {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}
export type PutInput = { TableName: string; Item: WriteItem } & ConditionParts;
export type DeleteInput = { TableName: string; Key: TableKey } & ConditionParts;
export type UpdateInput = { TableName: string; Key: TableKey; UpdateExpression: string; ReturnValues?: 'ALL_NEW' } & ConditionParts;
export type TransactItem = { Put: PutInput } | { Delete: DeleteInput } | { Update: UpdateInput };

/** A strongly consistent read of one item: what the runtime reads before a write that needs it. */
export interface ReadRequest {
  Get: { TableName: string; Key: TableKey; ConsistentRead: true };
}

/** Where writes go: the table and its key attribute names. */
export interface WriteTarget {
  tableName: string;
  tableKey: { pk: string; sk: string };
}

/** Where the runtime writes and how it sends. */
export interface WriteEnv extends WriteTarget {
  /**
   * Sends one request. A Get resolves to the item or undefined; an Update with ReturnValues
   * to its new item; the others to anything. Rejects as DynamoDB does: ConditionalCheckFailedException,
   * TransactionCanceledException with CancellationReasons, and so on.
   */
  send(request: WriteRequest | ReadRequest | BatchRequest): Promise<WriteItem | undefined>;
  /** Waits (batches back off between retries); the module passes a timer, the app one that resolves at once. */
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): the jitter of the backoff. */
  random(): number;
  /** Milliseconds since some origin: bounds a batch's total time. */
  now(): number;
}

/** One BatchWriteItem: resolves to its UnprocessedItems (the puts DynamoDB did not write), if any. */
export interface BatchRequest {
  BatchWrite: { RequestItems: Record<string, { PutRequest: { Item: WriteItem } }[]> };
}

/** Why a write was refused. Every write error is one of these (`code` tells which). */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly code: 'exists' | 'notFound' | 'unique' | 'staleVersion' | 'condition' | 'conflict',
    readonly entity: string,
    message: string,
  ) {
    super(message);
  }
}

/** create: a record with this key exists already (it is left unchanged). */
export class RecordExistsError extends WriteError {
  override name = 'RecordExistsError';
  constructor(
    entity: string,
    readonly key: WriteItem,
  ) {
    super('exists', entity, `${entity} ${JSON.stringify(key)} exists already`);
  }
}

/** update: no record has this key (nothing was created). */
export class RecordNotFoundError extends WriteError {
  override name = 'RecordNotFoundError';
  constructor(
    entity: string,
    readonly key: WriteItem,
  ) {
    super('notFound', entity, `no ${entity} ${JSON.stringify(key)}`);
  }
}

/** create or update: another record holds these values of a unique set (nothing was changed). */
export class UniqueConflictError extends WriteError {
  override name = 'UniqueConflictError';
  constructor(
    entity: string,
    readonly set: readonly string[],
    readonly values: readonly unknown[],
  ) {
    super('unique', entity, `another ${entity} holds (${set.join(', ')}) = ${JSON.stringify(values)}`);
  }
}

/** update or remove: the record has another version than the one stated (nothing was changed). */
export class StaleVersionError extends WriteError {
  override name = 'StaleVersionError';
  constructor(
    entity: string,
    readonly key: WriteItem,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super('staleVersion', entity, `${entity} ${JSON.stringify(key)} is at version ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
  }
}

/** update, add or remove with `if`: the record does not meet the condition (nothing was changed). */
export class ConditionFailedError extends WriteError {
  override name = 'ConditionFailedError';
  constructor(
    entity: string,
    readonly key: WriteItem,
    readonly condition: WriteCondition,
  ) {
    super('condition', entity, `${entity} ${JSON.stringify(key)} does not meet the condition ${JSON.stringify(condition)}`);
  }
}

/** update or remove: other writes kept changing the record; every attempt was refused. */
export class WriteConflictError extends WriteError {
  override name = 'WriteConflictError';
  constructor(
    entity: string,
    readonly key: WriteItem,
    readonly attempts: number,
  ) {
    super('conflict', entity, `${entity} ${JSON.stringify(key)} changed under each of ${attempts} attempts to write it`);
  }
}

/**
 * A condition on a record's attributes, all of which must hold: a value (equality), or a test:
 * `{ stock: { ge: 2 } }`, `{ status: { ne: 'closed' } }`, `{ note: { exists: false } }`,
 * `{ total: { between: [10, 20] } }`, `{ name: { beginsWith: 'A' } }`.
 */
export type WriteCondition = Record<string, unknown>;

/** The tests a condition may state for one attribute. */
export interface AttributeTest<T> {
  eq?: T;
  ne?: T;
  lt?: T;
  le?: T;
  gt?: T;
  ge?: T;
  between?: readonly [T, T];
  beginsWith?: T extends string ? string : never;
  exists?: boolean;
}

const TESTS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** A condition as expression text, every name and value a placeholder; undefined when it states nothing. */
function conditionText(entity: WriteEntity, condition: WriteCondition | undefined, p: Placeholders): string | undefined {
  if (condition === undefined) return undefined;
  if (typeof condition !== 'object' || condition === null) throw new TypeError(`${entity.name}: a condition must be an object of attributes`);
  const parts: string[] = [];
  for (const [name, test] of Object.entries(condition)) {
    if (!entity.attributes.includes(name)) throw new TypeError(`${entity.name} has no attribute "${name}" to test`);
    const n = p.name(name);
    // null or undefined: the record lacks the attribute.
    if (test === null || test === undefined) {
      parts.push(`attribute_not_exists(${n})`);
      continue;
    }
    if (typeof test !== 'object') {
      parts.push(`${n} = ${p.value(test)}`);
      continue;
    }
    const tests = Object.entries(test as Record<string, unknown>).filter(([, operand]) => operand !== undefined);
    if (tests.length === 0)
      throw new TypeError(`${entity.name}: the condition on "${name}" states no test (eq, ne, lt, le, gt, ge, between, beginsWith, exists)`);
    for (const [op, operand] of tests) {
      const comparison = TESTS[op];
      if (comparison) parts.push(`${n} ${comparison} ${p.value(operand)}`);
      else if (op === 'between') {
        if (!Array.isArray(operand) || operand.length !== 2) throw new TypeError(`${entity.name}: "${name}" between takes [low, high]`);
        parts.push(`${n} BETWEEN ${p.value(operand[0])} AND ${p.value(operand[1])}`);
      } else if (op === 'beginsWith') parts.push(`begins_with(${n}, ${p.value(operand)})`);
      else if (op === 'exists') parts.push(operand ? `attribute_exists(${n})` : `attribute_not_exists(${n})`);
      else throw new TypeError(`${entity.name}: "${op}" is not a test (eq, ne, lt, le, gt, ge, between, beginsWith, exists)`);
    }
  }
  return parts.length ? parts.map((x) => `(${x})`).join(' AND ') : undefined;
}

/** Throws the TypeError a malformed condition gives, before anything is read or sent. */
function checkCondition(entity: WriteEntity, condition: WriteCondition | undefined): void {
  conditionText(entity, condition, new Placeholders());
}

/** Two conditions as one. */
function both(a: string, b: string | undefined): string {
  return b === undefined ? a : `${a} AND ${b}`;
}

/** How many times a write that read first is tried before WriteConflictError. */
const WRITE_ATTEMPTS = 8;

/** What each request of a write is for, so that a refused condition says which error it is. */
type Role = { role: 'record' | 'identity' | 'moved' | 'guard' | 'conflict' } | { role: 'unique'; set: readonly string[]; values: readonly unknown[] };

/** A write built: its request and what each of its parts is for (in TransactItems order). */
interface Planned {
  request: WriteRequest;
  roles: Role[];
}

/** Placeholders for one expression: every name and value goes through them, never into the text. */
class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly byName = new Map<string, string>();
  name(attribute: string): string {
    let placeholder = this.byName.get(attribute);
    if (placeholder === undefined) {
      placeholder = `#n${this.byName.size}`;
      this.byName.set(attribute, placeholder);
      this.names[placeholder] = attribute;
    }
    return placeholder;
  }
  value(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }
  /** The names and values, left out when there are none (DynamoDB refuses empty maps). */
  parts(condition: string | undefined): ConditionParts {
    const out: ConditionParts = {};
    if (condition !== undefined) out.ConditionExpression = condition;
    if (Object.keys(this.names).length > 0) out.ExpressionAttributeNames = { ...this.names };
    if (Object.keys(this.values).length > 0) out.ExpressionAttributeValues = { ...this.values };
    return out;
  }
}

/**
 * Write sharding: the shard (0 to count - 1) of a record whose key, encoded and `#`-joined as in a key
 * value, is `keyText`. FNV-1a (32 bits) over the text's UTF-16 code units, modulo the count: the same in
 * the engine, the app and every generated module, so a record's item is always in the same shard, and
 * depends on the key alone (a record never changes shard).
 */
export function shardOf(keyText: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < keyText.length; i++) {
    hash ^= keyText.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

function holds(record: WriteItem, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name) && record[name] !== undefined && record[name] !== null;
}

function pickAttributes(record: WriteItem, names: readonly string[]): WriteItem {
  return Object.fromEntries(names.map((n) => [n, record[n]]));
}

function tableKeyOf(env: WriteTarget, item: WriteItem): TableKey {
  const pk = item[env.tableKey.pk];
  const sk = item[env.tableKey.sk];
  if (typeof pk !== 'string' || typeof sk !== 'string') throw new Error(`an item without its table key (${env.tableKey.pk}, ${env.tableKey.sk})`);
  return { [env.tableKey.pk]: pk, [env.tableKey.sk]: sk };
}

function sameKey(a: TableKey, b: TableKey): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => a[n] === b[n]);
}

/** The key's attributes, checked: every one present, nothing else. */
function checkKey(entity: WriteEntity, key: WriteItem): WriteItem {
  if (typeof key !== 'object' || key === null) throw new TypeError(`${entity.name}: the key must be an object of ${entity.keyNames.join(', ')}`);
  for (const name of entity.keyNames) if (!holds(key, name)) throw new TypeError(`${entity.name}: the key lacks "${name}"`);
  for (const name of Object.keys(key))
    if (!entity.keyNames.includes(name)) throw new TypeError(`${entity.name}: "${name}" is not part of the key (${entity.keyNames.join(', ')})`);
  return pickAttributes(key, entity.keyNames);
}

/** The changes, checked: attributes of the entity outside its key; with a version, the expected one. */
function checkChanges(entity: WriteEntity, changes: WriteItem): void {
  if (typeof changes !== 'object' || changes === null) throw new TypeError(`${entity.name}: the changes must be an object`);
  for (const [name, value] of Object.entries(changes)) {
    if (entity.keyNames.includes(name))
      throw new TypeError(`${entity.name}: "${name}" is part of the key and cannot change (remove the record and create another)`);
    if (!entity.attributes.includes(name)) throw new TypeError(`${entity.name} has no attribute "${name}"`);
    if ((value === null || value === undefined) && !entity.optional.includes(name)) {
      throw new TypeError(`${entity.name}: "${name}" is not optional, so it cannot be removed (${String(value)} in the changes)`);
    }
  }
  if (entity.version !== undefined && typeof changes[entity.version] !== 'number') {
    throw new TypeError(`${entity.name}: the changes must state the version the update expects ("${entity.version}")`);
  }
}

/** The record after the changes: null removes an attribute; the version goes up by one. */
function applyChanges(entity: WriteEntity, current: WriteItem, changes: WriteItem): WriteItem {
  const next: WriteItem = { ...current };
  for (const [name, value] of Object.entries(changes)) {
    if (name === entity.version) continue;
    if (value === null || value === undefined) delete next[name];
    else setOwn(next, name, value);
  }
  if (entity.version !== undefined) setOwn(next, entity.version, (current[entity.version] as number) + 1);
  return next;
}

/**
 * Sets an attribute as an own property whatever its name: `item[name] = value` would set the
 * prototype for `__proto__` (a name a model may use) instead of the attribute.
 */
function setOwn(item: WriteItem, name: string, value: unknown): void {
  Object.defineProperty(item, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A condition that the record's attributes are still those read: each equal, or still absent. */
function unchanged(entity: WriteEntity, current: WriteItem, p: Placeholders): string {
  return entity.attributes
    .map((name) => (holds(current, name) ? `${p.name(name)} = ${p.value(current[name])}` : `attribute_not_exists(${p.name(name)})`))
    .join(' AND ');
}

function notExists(env: WriteTarget, p: Placeholders): string {
  return `attribute_not_exists(${p.name(env.tableKey.pk)})`;
}

function planParts(parts: { item: TransactItem; role: Role }[]): Planned {
  const roles = parts.map((x) => x.role);
  const first = parts[0];
  if (parts.length === 1 && first) return { request: first.item, roles };
  return { request: { TransactWrite: { TransactItems: parts.map((x) => x.item) } }, roles };
}

function putPart(env: WriteTarget, item: WriteItem, condition: (p: Placeholders) => string): TransactItem {
  const p = new Placeholders();
  const text = condition(p);
  return { Put: { TableName: env.tableName, Item: item, ...p.parts(text) } };
}

function deletePart(env: WriteTarget, key: TableKey, condition?: (p: Placeholders) => string): TransactItem {
  const p = new Placeholders();
  const text = condition?.(p);
  return { Delete: { TableName: env.tableName, Key: key, ...p.parts(text) } };
}

/** A guard item: its key and what it records, plus the record's expiry (so that it expires with the record). */
function guardItem(entity: WriteEntity, key: TableKey, fields: WriteItem, record: WriteItem): WriteItem {
  const expiry = entity.ttl !== undefined && holds(record, entity.ttl) ? { [entity.ttl]: record[entity.ttl] } : {};
  return { ...key, ...fields, ...expiry };
}

function uniqueValues(record: WriteItem, set: readonly string[]): unknown[] {
  return set.map((n) => record[n]);
}

/** The requests that store a new record and its guards, each refusing to overwrite. */
export function buildCreate(entity: WriteEntity, env: WriteTarget, record: WriteItem): Planned {
  const key = checkKey(entity, pickAttributes(record, entity.keyNames));
  const item = entity.toItem(record);
  const parts: { item: TransactItem; role: Role }[] = [{ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'record' } }];
  if (entity.identityKey) {
    const guard = guardItem(entity, entity.identityKey(key), { recordPk: item[env.tableKey.pk], recordSk: item[env.tableKey.sk] }, record);
    parts.push({ item: putPart(env, guard, (p) => notExists(env, p)), role: { role: 'identity' } });
  }
  for (const u of entity.uniqueKeys(record)) {
    const guard = guardItem(entity, u.key, { owner: entity.owner(key) }, record);
    parts.push({ item: putPart(env, guard, (p) => notExists(env, p)), role: { role: 'unique', set: u.set, values: uniqueValues(record, u.set) } });
  }
  return planParts(parts);
}

/** What an update or remove found: the record's item and where it is. */
export interface Found {
  item: WriteItem;
  at: TableKey;
}

/**
 * The requests of an update that reads first: the new item (put where the old one was, or moved in
 * one transaction when its table key changes), the identity guard pointed at it, unique guards given
 * up and taken; every part conditional on what was read.
 */
export function buildUpdateFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem, found: Found, condition?: WriteCondition): Planned {
  const current = entity.fromItem(found.item);
  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);
  const next = applyChanges(entity, current, changes);
  const item = entity.toItem(next);
  const at = tableKeyOf(env, item);
  const parts: { item: TransactItem; role: Role }[] = [];
  const stillAsRead = (p: Placeholders) => both(unchanged(entity, current, p), conditionText(entity, condition, p));
  // Guards expire with their record: a new expiry is written on the guards that stay.
  const expiryChanged = entity.ttl !== undefined && !sameRecord(pickAttributes(current, [entity.ttl]), pickAttributes(next, [entity.ttl]));
  const located = (p: Placeholders) =>
    `${p.name('recordPk')} = ${p.value(found.at[env.tableKey.pk])} AND ${p.name('recordSk')} = ${p.value(found.at[env.tableKey.sk])}`;
  if (sameKey(at, found.at)) {
    parts.push({ item: putPart(env, item, stillAsRead), role: { role: 'record' } });
    if (entity.identityKey && expiryChanged) {
      parts.push({
        item: putPart(env, guardItem(entity, entity.identityKey(key), { recordPk: at[env.tableKey.pk], recordSk: at[env.tableKey.sk] }, next), located),
        role: { role: 'identity' },
      });
    }
  } else {
    parts.push({ item: deletePart(env, found.at, stillAsRead), role: { role: 'record' } });
    parts.push({ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'moved' } });
    if (entity.identityKey) {
      const guard = guardItem(entity, entity.identityKey(key), { recordPk: at[env.tableKey.pk], recordSk: at[env.tableKey.sk] }, next);
      parts.push({ item: putPart(env, guard, located), role: { role: 'identity' } });
    }
  }
  const before = new Map(entity.uniqueKeys(current).map((u) => [u.set.join('\u0000'), u]));
  const after = new Map(entity.uniqueKeys(next).map((u) => [u.set.join('\u0000'), u]));
  const owner = entity.owner(key);
  const owned = (p: Placeholders) => `${p.name('owner')} = ${p.value(owner)}`;
  for (const [set, old] of before) {
    const now = after.get(set);
    if (now && sameKey(now.key, old.key)) {
      if (expiryChanged) parts.push({ item: putPart(env, guardItem(entity, now.key, { owner }, next), owned), role: { role: 'guard' } });
      continue;
    }
    parts.push({ item: deletePart(env, old.key, owned), role: { role: 'guard' } });
  }
  for (const [set, now] of after) {
    const old = before.get(set);
    if (old && sameKey(now.key, old.key)) continue;
    parts.push({
      item: putPart(env, guardItem(entity, now.key, { owner }, next), (p) => notExists(env, p)),
      role: { role: 'unique', set: now.set, values: uniqueValues(next, now.set) },
    });
  }
  return planParts(parts);
}

/**
 * An update in one request, without reading: possible when the record's item is found from its key
 * alone, no unique set changes, and every index key a change touches is made of changed attributes
 * and the key. Undefined when the update must read first.
 */
export function buildUpdateInPlace(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem, condition?: WriteCondition): Planned | undefined {
  const at = entity.itemKey(key);
  if (at === undefined) return undefined;
  const changed = Object.keys(changes).filter((n) => n !== entity.version);
  if (changed.length === 0 && entity.version === undefined) return undefined;
  const known = new Set([...changed, ...entity.keyNames]);
  if (entity.uniqueSets.some((set) => set.some((n) => changed.includes(n)))) return undefined;
  // Unique guards carry the record's expiry: a new one is written on them too.
  if (entity.ttl !== undefined && changed.includes(entity.ttl) && entity.uniqueSets.length > 0) return undefined;
  const touched = entity.indexes.filter((ix) => ix.attributes.some((n) => changed.includes(n)));
  if (touched.some((ix) => ix.attributes.some((n) => !known.has(n)))) return undefined;
  const values: WriteItem = { ...key };
  for (const n of changed) if (holds(changes, n)) setOwn(values, n, changes[n]);
  // The changed values' types, checked as a create checks them.
  entity.toItem(values);
  const p = new Placeholders();
  const set: string[] = [];
  const remove: string[] = [];
  for (const n of changed) {
    if (holds(changes, n)) set.push(`${p.name(n)} = ${p.value(changes[n])}`);
    else remove.push(p.name(n));
  }
  for (const ix of touched) {
    if (ix.written.length === 0) continue;
    if (ix.attributes.every((n) => holds(values, n))) {
      const keys = ix.keys(values);
      for (const k of ix.written) set.push(`${p.name(k)} = ${p.value(keys[k])}`);
    } else for (const k of ix.written) remove.push(p.name(k));
  }
  let exists = `attribute_exists(${p.name(env.tableKey.pk)})`;
  if (entity.version !== undefined) {
    const expected = changes[entity.version];
    exists += ` AND ${p.name(entity.version)} = ${p.value(expected)}`;
    set.push(`${p.name(entity.version)} = ${p.value((expected as number) + 1)}`);
  }
  const expression = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' ');
  const text = both(exists, conditionText(entity, condition, p));
  return {
    request: { Update: { TableName: env.tableName, Key: at, UpdateExpression: expression, ReturnValues: 'ALL_NEW', ...p.parts(text) } },
    roles: [{ role: 'record' }],
  };
}

/** The requests that delete a record found, its identity guard and its unique guards. */
export function buildRemoveFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, found: Found, condition?: WriteCondition): Planned {
  const current = entity.fromItem(found.item);
  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);
  const parts: { item: TransactItem; role: Role }[] = [
    { item: deletePart(env, found.at, (p) => both(unchanged(entity, current, p), conditionText(entity, condition, p))), role: { role: 'record' } },
  ];
  if (entity.identityKey) parts.push({ item: deletePart(env, entity.identityKey(key)), role: { role: 'identity' } });
  const owner = entity.owner(key);
  for (const u of entity.uniqueKeys(current)) {
    parts.push({
      item: deletePart(env, u.key, (p) => `attribute_not_exists(${p.name(env.tableKey.pk)}) OR ${p.name('owner')} = ${p.value(owner)}`),
      role: { role: 'guard' },
    });
  }
  return planParts(parts);
}

/** Where a record stored as `current` is: its item and table key, for builders given the record instead of reading it. */
function foundFrom(entity: WriteEntity, env: WriteTarget, current: WriteItem): Found {
  const item = entity.toItem(current);
  return { item, at: tableKeyOf(env, item) };
}

/**
 * The request(s) of an update, for callers who send them themselves: one UpdateItem where no read is
 * needed, else the conditional writes made from `current` (the record as stored now).
 */
export function buildUpdate(
  entity: WriteEntity,
  env: WriteTarget,
  keyIn: WriteItem,
  changes: WriteItem,
  current?: WriteItem,
  condition?: WriteCondition,
): WriteRequest {
  const key = checkKey(entity, keyIn);
  checkChanges(entity, changes);
  const inPlace = buildUpdateInPlace(entity, env, key, changes, condition);
  if (inPlace) return inPlace.request;
  if (current === undefined) {
    throw new TypeError(
      `${entity.name}: this update must read the record first (an index key it changes is made of attributes the changes lack, a unique set changes, or the record is found through its identity guard): pass the current record`,
    );
  }
  return buildUpdateFrom(entity, env, key, changes, foundFrom(entity, env, current), condition).request;
}

/** The request(s) of a remove, for callers who send them themselves; with unique sets or an identity guard, made from `current`. */
export function buildRemove(entity: WriteEntity, env: WriteTarget, keyIn: WriteItem, current?: WriteItem, condition?: WriteCondition): WriteRequest {
  const key = checkKey(entity, keyIn);
  const at = entity.itemKey(key);
  if (at !== undefined && entity.uniqueSets.length === 0) {
    const p = new Placeholders();
    return { Delete: { TableName: env.tableName, Key: at, ...p.parts(conditionText(entity, condition, p)) } };
  }
  if (current === undefined) throw new TypeError(`${entity.name}: removing it also deletes its guard items: pass the current record`);
  return buildRemoveFrom(entity, env, key, foundFrom(entity, env, current), condition).request;
}

/** Whether a remove needs the record read first: to find it, or to know its unique guards. */
function removeReads(entity: WriteEntity, key: WriteItem): boolean {
  return entity.itemKey(key) === undefined || entity.uniqueSets.length > 0;
}

/** The record's item and where it is (strongly consistent reads), or undefined when none exists. */
export async function locate(entity: WriteEntity, env: WriteEnv, key: WriteItem): Promise<Found | undefined> {
  const at = entity.itemKey(key);
  if (at !== undefined) {
    const item = await env.send({ Get: { TableName: env.tableName, Key: at, ConsistentRead: true } });
    return item ? { item, at } : undefined;
  }
  if (!entity.identityKey) throw new Error(`${entity.name}: no way to find a record from its key`);
  const guardKey = entity.identityKey(key);
  // The guard says where the record is; a write that moves it between the two reads moves the guard
  // too, so an item missing where the guard pointed means: read the guard again.
  let where: TableKey | undefined;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const guard = await env.send({ Get: { TableName: env.tableName, Key: guardKey, ConsistentRead: true } });
    if (!guard || typeof guard.recordPk !== 'string' || typeof guard.recordSk !== 'string') return undefined;
    const now = { [env.tableKey.pk]: guard.recordPk, [env.tableKey.sk]: guard.recordSk };
    // The guard still points where the record was not: none exists (a guard never outlives its record).
    if (where !== undefined && sameKey(where, now)) return undefined;
    where = now;
    const item = await env.send({ Get: { TableName: env.tableName, Key: now, ConsistentRead: true } });
    if (item) return { item, at: now };
  }
  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);
}

/** Which part of a write DynamoDB refused, or undefined for an error that is no refusal. */
function refused(error: unknown, planned: Planned): Role | undefined {
  const e = error as { name?: unknown; CancellationReasons?: { Code?: string }[] } | null;
  if (e?.name === 'ConditionalCheckFailedException') return planned.roles[0];
  if (e?.name !== 'TransactionCanceledException') return undefined;
  const reasons = e.CancellationReasons ?? [];
  const at = reasons.findIndex((r) => r?.Code === 'ConditionalCheckFailed');
  if (at >= 0) return planned.roles[at];
  // Another transaction on the same items at the same time: read again and retry.
  if (reasons.some((r) => r?.Code === 'TransactionConflict')) return { role: 'conflict' };
  return undefined;
}

/** Whether two records hold the same attributes and values. */
function sameRecord(a: WriteItem, b: WriteItem): boolean {
  const text = (r: WriteItem) =>
    JSON.stringify(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]]),
    );
  return text(a) === text(b);
}

/** Options of update, add and remove. */
export interface WriteOptions {
  /** A condition the record must meet; ConditionFailedError (nothing changes) when it does not. */
  if?: WriteCondition;
}

/** Stores a new record; RecordExistsError or UniqueConflictError, changing nothing, when it cannot. */
export async function createRecord(entity: WriteEntity, env: WriteEnv, record: WriteItem): Promise<void> {
  const planned = buildCreate(entity, env, record);
  try {
    await env.send(planned.request);
  } catch (error) {
    const role = refused(error, planned);
    if (!role || role.role === 'conflict') throw error;
    if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);
    throw new RecordExistsError(entity.name, pickAttributes(record, entity.keyNames));
  }
}

/**
 * One in-place write (an UpdateItem conditional on the record existing, its version and `condition`).
 * Resolves to the record written, or undefined when a race calls for the read-first path; a refusal
 * becomes RecordNotFoundError, StaleVersionError or ConditionFailedError after one consistent read.
 */
async function sendInPlace(
  entity: WriteEntity,
  env: WriteEnv,
  key: WriteItem,
  planned: Planned,
  expectedVersion: unknown,
  condition: WriteCondition | undefined,
): Promise<WriteItem | undefined> {
  try {
    const item = await env.send(planned.request);
    const record = item && entity.fromItem(item);
    if (!record) throw new Error(`${entity.name}: the update returned no record`);
    return record;
  } catch (error) {
    if (!refused(error, planned)) throw error;
    const found = await locate(entity, env, key);
    if (!found) throw new RecordNotFoundError(entity.name, key);
    const current = entity.fromItem(found.item) ?? {};
    if (entity.version !== undefined && expectedVersion !== undefined && current[entity.version] !== expectedVersion) {
      throw new StaleVersionError(entity.name, key, expectedVersion, current[entity.version]);
    }
    if (condition !== undefined) throw new ConditionFailedError(entity.name, key, condition);
    return undefined;
  }
}

/**
 * The read-first path of update and add: a consistent read, the changes made from the record read,
 * a write conditional on the record being unchanged (and meeting `condition`), again on a conflict.
 * A refusal of a record that did not change since is the condition's: ConditionFailedError.
 */
async function updateAfterRead(
  entity: WriteEntity,
  env: WriteEnv,
  key: WriteItem,
  changesFor: (current: WriteItem) => WriteItem,
  condition: WriteCondition | undefined,
): Promise<WriteItem> {
  let refusedAt: WriteItem | undefined;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const found = await locate(entity, env, key);
    if (!found) throw new RecordNotFoundError(entity.name, key);
    const current = entity.fromItem(found.item);
    if (!current) throw new Error(`${entity.name}: the item found holds no record`);
    if (refusedAt && condition !== undefined && sameRecord(refusedAt, current)) throw new ConditionFailedError(entity.name, key, condition);
    const changes = changesFor(current);
    if (entity.version !== undefined && current[entity.version] !== changes[entity.version]) {
      throw new StaleVersionError(entity.name, key, changes[entity.version], current[entity.version]);
    }
    const planned = buildUpdateFrom(entity, env, key, changes, found, condition);
    try {
      await env.send(planned.request);
      return applyChanges(entity, current, changes);
    } catch (error) {
      const role = refused(error, planned);
      if (!role) throw error;
      if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);
      refusedAt = role.role === 'record' ? current : undefined;
    }
  }
  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);
}

/**
 * Changes a record's attributes and every index key made of them, and resolves to the record as
 * stored. Without reading when it can (buildUpdateInPlace); else it reads the record (strongly
 * consistent) and writes on condition that it is unchanged, again on a conflict.
 */
export async function updateRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, changes: WriteItem, options: WriteOptions = {}): Promise<WriteItem> {
  const key = checkKey(entity, keyIn);
  checkChanges(entity, changes);
  checkCondition(entity, options.if);
  const expected = entity.version !== undefined ? changes[entity.version] : undefined;
  const inPlace = buildUpdateInPlace(entity, env, key, changes, options.if);
  if (inPlace) {
    const record = await sendInPlace(entity, env, key, inPlace, expected, options.if);
    if (record) return record;
  }
  return updateAfterRead(entity, env, key, () => changes, options.if);
}

/** Options of add: with a version attribute, `version` (when given) is the version it expects. */
export interface AddOptions extends WriteOptions {
  version?: number;
}

/**
 * Adds to number attributes (`{ stock: -2 }`) in one request where no index key is made of them
 * (ADD, atomic: two concurrent adds both count), else read first like update. The version, if any,
 * goes up by one. With `if: { stock: { ge: 2 } }` stock never goes below zero.
 */
export async function addToRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, deltas: WriteItem, options: AddOptions = {}): Promise<WriteItem> {
  const key = checkKey(entity, keyIn);
  if (typeof deltas !== 'object' || deltas === null || Object.keys(deltas).length === 0)
    throw new TypeError(`${entity.name}: add takes a non-empty object of numbers`);
  for (const [name, delta] of Object.entries(deltas)) {
    if (!entity.numbers.includes(name) || entity.keyNames.includes(name) || name === entity.version)
      throw new TypeError(`${entity.name}: "${name}" is not a number attribute add can change`);
    if (typeof delta !== 'number' || !Number.isFinite(delta)) throw new TypeError(`${entity.name}: the amount for "${name}" must be a finite number`);
  }
  checkCondition(entity, options.if);
  const names = Object.keys(deltas);
  const at = entity.itemKey(key);
  const inIndex =
    entity.indexes.some((ix) => ix.attributes.some((n) => names.includes(n))) || entity.uniqueSets.some((set) => set.some((n) => names.includes(n)));
  if (at !== undefined && !inIndex) {
    const p = new Placeholders();
    const add = names.map((n) => `${p.name(n)} ${p.value(deltas[n])}`);
    let condition = `attribute_exists(${p.name(env.tableKey.pk)})`;
    if (entity.version !== undefined) {
      add.push(`${p.name(entity.version)} ${p.value(1)}`);
      if (options.version !== undefined) condition += ` AND ${p.name(entity.version)} = ${p.value(options.version)}`;
    }
    const text = both(condition, conditionText(entity, options.if, p));
    const planned: Planned = {
      request: { Update: { TableName: env.tableName, Key: at, UpdateExpression: `ADD ${add.join(', ')}`, ReturnValues: 'ALL_NEW', ...p.parts(text) } },
      roles: [{ role: 'record' }],
    };
    const record = await sendInPlace(entity, env, key, planned, options.version, options.if);
    if (record) return record;
  }
  return updateAfterRead(
    entity,
    env,
    key,
    (current) => {
      const changes: WriteItem = {};
      for (const n of names) setOwn(changes, n, (typeof current[n] === 'number' ? (current[n] as number) : 0) + (deltas[n] as number));
      if (entity.version !== undefined) setOwn(changes, entity.version, options.version ?? current[entity.version]);
      return changes;
    },
    options.if,
  );
}

/** Options of remove: with a version attribute, `version` (when given) is the version it expects. */
export interface RemoveOptions extends WriteOptions {
  version?: number;
}

/**
 * Deletes a record and every item the design keeps for it; resolves when none exists. With
 * `version`, only the record at that version (StaleVersionError otherwise); with `if`, only a record
 * that meets it (ConditionFailedError otherwise).
 */
export async function removeRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, options: RemoveOptions = {}): Promise<void> {
  const key = checkKey(entity, keyIn);
  checkCondition(entity, options.if);
  const at = entity.itemKey(key);
  if (at !== undefined && !removeReads(entity, key) && options.version === undefined && options.if === undefined) {
    await env.send({ Delete: { TableName: env.tableName, Key: at } });
    return;
  }
  let refusedAt: WriteItem | undefined;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const found = await locate(entity, env, key);
    if (!found) return;
    const current = entity.fromItem(found.item) ?? {};
    if (options.version !== undefined && entity.version !== undefined && current[entity.version] !== options.version) {
      throw new StaleVersionError(entity.name, key, options.version, current[entity.version]);
    }
    if (refusedAt && options.if !== undefined && sameRecord(refusedAt, current)) throw new ConditionFailedError(entity.name, key, options.if);
    const planned = buildRemoveFrom(entity, env, key, found, options.if);
    try {
      await env.send(planned.request);
      return;
    } catch (error) {
      const role = refused(error, planned);
      if (!role) throw error;
      refusedAt = role.role === 'record' ? current : undefined;
    }
  }
  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);
}

/** Options of createMany. */
export interface CreateManyOptions {
  /** Called after each chunk with how many records are written so far and how many there are. */
  onProgress?: (written: number, total: number) => void;
  /** The most the whole call may take, retries included (default 60 s); what is not written by then is reported. */
  maxTimeMs?: number;
}

/** What createMany did: how many records were written, and each one that was not, with why. */
export interface CreateManyResult {
  written: number;
  failed: { record: WriteItem; error: Error }[];
}

const BATCH_SIZE = 25;
const GUARDED_IN_FLIGHT = 8;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 5000;

/** Exponential backoff with full jitter: a uniform delay in [0, min(cap, base · 2^attempt)). */
function backoff(env: WriteEnv, attempt: number): number {
  return Math.floor(env.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

/** Whether DynamoDB refused a request for throughput (worth waiting and retrying). */
function throttled(error: unknown): boolean {
  const e = error as { name?: unknown; CancellationReasons?: { Code?: string }[] } | null;
  if (e?.name === 'TransactionCanceledException')
    return (e.CancellationReasons ?? []).some((r) => r?.Code === 'ThrottlingError' || r?.Code === 'ProvisionedThroughputExceeded');
  return e?.name === 'ProvisionedThroughputExceededException' || e?.name === 'ThrottlingException' || e?.name === 'RequestLimitExceeded';
}

/**
 * Stores many new records. Entities without guards go in BatchWriteItem chunks of 25 (a bulk load:
 * no existence check, a record with the same key is replaced), retrying UnprocessedItems with
 * exponential backoff and full jitter; entities with guards (identity or unique) go through create,
 * a few at a time, so that every guard holds. Never counts a record that was not written.
 */
export async function createManyRecords(
  entity: WriteEntity,
  env: WriteEnv,
  records: readonly WriteItem[],
  options: CreateManyOptions = {},
): Promise<CreateManyResult> {
  const deadline = env.now() + (options.maxTimeMs ?? 60_000);
  const result: CreateManyResult = { written: 0, failed: [] };
  const progress = () => options.onProgress?.(result.written, records.length);
  if (entity.identityKey || entity.uniqueSets.length > 0) {
    let next = 0;
    const worker = async () => {
      while (next < records.length) {
        const record = records[next++] as WriteItem;
        for (let attempt = 0; ; attempt++) {
          try {
            await createRecord(entity, env, record);
            result.written++;
            progress();
            break;
          } catch (error) {
            if (throttled(error) && env.now() < deadline) {
              await env.sleep(backoff(env, attempt));
              continue;
            }
            result.failed.push({ record, error: error instanceof Error ? error : new Error(String(error)) });
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(GUARDED_IN_FLIGHT, records.length) }, worker));
    return result;
  }
  let reported = 0;
  const report = () => {
    if (result.written !== reported) progress();
    reported = result.written;
  };
  const failure = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  for (let start = 0; start < records.length; start += BATCH_SIZE) {
    // Each record with its item: unprocessed items are matched back to the records they came from,
    // one each, so that two records with the same key are both told apart.
    let pending = records.slice(start, start + BATCH_SIZE).map((record) => ({ record, item: entity.toItem(record) }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) {
        if (env.now() >= deadline) break;
        await env.sleep(backoff(env, attempt - 1));
      }
      let unprocessed: typeof pending;
      try {
        const left = await env.send({ BatchWrite: { RequestItems: { [env.tableName]: pending.map(({ item }) => ({ PutRequest: { Item: item } })) } } });
        const requests = (left?.[env.tableName] ?? []) as { PutRequest?: { Item?: WriteItem } }[];
        const open = [...pending];
        unprocessed = [];
        for (const r of requests) {
          const item = r.PutRequest?.Item;
          if (!item) continue;
          const key = tableKeyOf(env, item);
          const at = open.findIndex((x) => sameKey(tableKeyOf(env, x.item), key));
          if (at >= 0) unprocessed.push(...open.splice(at, 1));
        }
      } catch (error) {
        if (!throttled(error)) {
          for (const { record } of pending) result.failed.push({ record, error: failure(error) });
          pending = [];
          break;
        }
        unprocessed = pending;
      }
      result.written += pending.length - unprocessed.length;
      pending = unprocessed;
      report();
    }
    for (const { record } of pending)
      result.failed.push({ record, error: new Error('not written: DynamoDB left it unprocessed until the time allowed ran out') });
  }
  return result;
}

/** An attribute value as DynamoDB Streams gives it (the low-level form: { S: '…' }, { N: '…' }, { M: {…} }…). */
export type StreamAttributeValue = object;

/**
 * A DynamoDB Streams record, as a Lambda handler receives it or client-dynamodb-streams' GetRecords
 * gives it (the fields decodeStreamRecord reads).
 */
export interface StreamRecordInput {
  eventName?: string | undefined;
  dynamodb?: { NewImage?: Record<string, StreamAttributeValue> | undefined; OldImage?: Record<string, StreamAttributeValue> | undefined } | undefined;
}

/** A low-level attribute value as the document client would give it. */
export function unmarshallValue(value: StreamAttributeValue): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('M' in value) return unmarshallImage(value.M as Record<string, StreamAttributeValue>);
  if ('L' in value) return (value.L as StreamAttributeValue[]).map(unmarshallValue);
  if ('SS' in value) return new Set(value.SS as string[]);
  if ('NS' in value) return new Set((value.NS as string[]).map(Number));
  if ('B' in value) return value.B;
  if ('BS' in value) return new Set(value.BS as unknown[]);
  throw new TypeError(`not a DynamoDB attribute value: ${JSON.stringify(value)}`);
}

/** A stream image (low-level attribute values) as an item. */
export function unmarshallImage(image: Record<string, StreamAttributeValue>): WriteItem {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, unmarshallValue(value)]));
}
