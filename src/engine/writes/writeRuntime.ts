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
  /** The optimistic-locking attribute, when the entity has one. */
  version?: string;
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
export type WriteRequest =
  | { Put: PutInput }
  | { Update: UpdateInput }
  | { Delete: DeleteInput }
  | { TransactWrite: { TransactItems: TransactItem[] } };

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
  send(request: WriteRequest | ReadRequest): Promise<WriteItem | undefined>;
}

/** Why a write was refused. Every write error is one of these (`code` tells which). */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly code: 'exists' | 'notFound' | 'unique' | 'staleVersion' | 'conflict',
    readonly entity: string,
    message: string,
  ) {
    super(message);
  }
}

/** create: a record with this key exists already (it is left unchanged). */
export class RecordExistsError extends WriteError {
  override name = 'RecordExistsError';
  constructor(entity: string, readonly key: WriteItem) {
    super('exists', entity, `${entity} ${JSON.stringify(key)} exists already`);
  }
}

/** update: no record has this key (nothing was created). */
export class RecordNotFoundError extends WriteError {
  override name = 'RecordNotFoundError';
  constructor(entity: string, readonly key: WriteItem) {
    super('notFound', entity, `no ${entity} ${JSON.stringify(key)}`);
  }
}

/** create or update: another record holds these values of a unique set (nothing was changed). */
export class UniqueConflictError extends WriteError {
  override name = 'UniqueConflictError';
  constructor(entity: string, readonly set: readonly string[], readonly values: readonly unknown[]) {
    super('unique', entity, `another ${entity} holds (${set.join(', ')}) = ${JSON.stringify(values)}`);
  }
}

/** update or remove: the record has another version than the one stated (nothing was changed). */
export class StaleVersionError extends WriteError {
  override name = 'StaleVersionError';
  constructor(entity: string, readonly key: WriteItem, readonly expected: unknown, readonly actual: unknown) {
    super('staleVersion', entity, `${entity} ${JSON.stringify(key)} is at version ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
  }
}

/** update or remove: other writes kept changing the record; every attempt was refused. */
export class WriteConflictError extends WriteError {
  override name = 'WriteConflictError';
  constructor(entity: string, readonly key: WriteItem, readonly attempts: number) {
    super('conflict', entity, `${entity} ${JSON.stringify(key)} changed under each of ${attempts} attempts to write it`);
  }
}

/** How many times a write that read first is tried before WriteConflictError. */
const WRITE_ATTEMPTS = 8;

/** What each request of a write is for, so that a refused condition says which error it is. */
type Role = { role: 'record' | 'identity' | 'moved' } | { role: 'unique'; set: readonly string[]; values: readonly unknown[] };

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
  for (const name of Object.keys(key)) if (!entity.keyNames.includes(name)) throw new TypeError(`${entity.name}: "${name}" is not part of the key (${entity.keyNames.join(', ')})`);
  return pickAttributes(key, entity.keyNames);
}

/** The changes, checked: attributes of the entity outside its key; with a version, the expected one. */
function checkChanges(entity: WriteEntity, changes: WriteItem): void {
  if (typeof changes !== 'object' || changes === null) throw new TypeError(`${entity.name}: the changes must be an object`);
  for (const name of Object.keys(changes)) {
    if (entity.keyNames.includes(name)) throw new TypeError(`${entity.name}: "${name}" is part of the key and cannot change (remove the record and create another)`);
    if (!entity.attributes.includes(name)) throw new TypeError(`${entity.name} has no attribute "${name}"`);
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
    else next[name] = value;
  }
  if (entity.version !== undefined) next[entity.version] = (current[entity.version] as number) + 1;
  return next;
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

function uniqueValues(record: WriteItem, set: readonly string[]): unknown[] {
  return set.map((n) => record[n]);
}

/** The requests that store a new record and its guards, each refusing to overwrite. */
export function buildCreate(entity: WriteEntity, env: WriteTarget, record: WriteItem): Planned {
  const key = checkKey(entity, pickAttributes(record, entity.keyNames));
  const item = entity.toItem(record);
  const parts: { item: TransactItem; role: Role }[] = [{ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'record' } }];
  if (entity.identityKey) {
    const guard = { ...entity.identityKey(key), recordPk: item[env.tableKey.pk], recordSk: item[env.tableKey.sk] };
    parts.push({ item: putPart(env, guard, (p) => notExists(env, p)), role: { role: 'identity' } });
  }
  for (const u of entity.uniqueKeys(record)) {
    parts.push({ item: putPart(env, { ...u.key, owner: entity.owner(key) }, (p) => notExists(env, p)), role: { role: 'unique', set: u.set, values: uniqueValues(record, u.set) } });
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
export function buildUpdateFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem, found: Found): Planned {
  const current = entity.fromItem(found.item);
  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);
  const next = applyChanges(entity, current, changes);
  const item = entity.toItem(next);
  const at = tableKeyOf(env, item);
  const parts: { item: TransactItem; role: Role }[] = [];
  if (sameKey(at, found.at)) {
    parts.push({ item: putPart(env, item, (p) => unchanged(entity, current, p)), role: { role: 'record' } });
  } else {
    parts.push({ item: deletePart(env, found.at, (p) => unchanged(entity, current, p)), role: { role: 'record' } });
    parts.push({ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'moved' } });
    if (entity.identityKey) {
      const guard = { ...entity.identityKey(key), recordPk: at[env.tableKey.pk], recordSk: at[env.tableKey.sk] };
      parts.push({
        item: putPart(env, guard, (p) => `${p.name('recordPk')} = ${p.value(found.at[env.tableKey.pk])} AND ${p.name('recordSk')} = ${p.value(found.at[env.tableKey.sk])}`),
        role: { role: 'identity' },
      });
    }
  }
  const before = new Map(entity.uniqueKeys(current).map((u) => [u.set.join('\u0000'), u]));
  const after = new Map(entity.uniqueKeys(next).map((u) => [u.set.join('\u0000'), u]));
  const owner = entity.owner(key);
  for (const [set, old] of before) {
    const now = after.get(set);
    if (now && sameKey(now.key, old.key)) continue;
    parts.push({ item: deletePart(env, old.key, (p) => `${p.name('owner')} = ${p.value(owner)}`), role: { role: 'record' } });
  }
  for (const [set, now] of after) {
    const old = before.get(set);
    if (old && sameKey(now.key, old.key)) continue;
    parts.push({ item: putPart(env, { ...now.key, owner }, (p) => notExists(env, p)), role: { role: 'unique', set: now.set, values: uniqueValues(next, now.set) } });
  }
  return planParts(parts);
}

/**
 * An update in one request, without reading: possible when the record's item is found from its key
 * alone, no unique set changes, and every index key a change touches is made of changed attributes
 * and the key. Undefined when the update must read first.
 */
export function buildUpdateInPlace(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem): Planned | undefined {
  const at = entity.itemKey(key);
  if (at === undefined) return undefined;
  const changed = Object.keys(changes).filter((n) => n !== entity.version);
  if (changed.length === 0 && entity.version === undefined) return undefined;
  const known = new Set([...changed, ...entity.keyNames]);
  if (entity.uniqueSets.some((set) => set.some((n) => changed.includes(n)))) return undefined;
  const touched = entity.indexes.filter((ix) => ix.attributes.some((n) => changed.includes(n)));
  if (touched.some((ix) => ix.attributes.some((n) => !known.has(n)))) return undefined;
  const values: WriteItem = { ...key };
  for (const n of changed) if (holds(changes, n)) values[n] = changes[n];
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
  let condition = `attribute_exists(${p.name(env.tableKey.pk)})`;
  if (entity.version !== undefined) {
    const expected = changes[entity.version];
    condition += ` AND ${p.name(entity.version)} = ${p.value(expected)}`;
    set.push(`${p.name(entity.version)} = ${p.value((expected as number) + 1)}`);
  }
  const expression = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' ');
  return { request: { Update: { TableName: env.tableName, Key: at, UpdateExpression: expression, ReturnValues: 'ALL_NEW', ...p.parts(condition) } }, roles: [{ role: 'record' }] };
}

/** The requests that delete a record found, its identity guard and its unique guards. */
export function buildRemoveFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, found: Found): Planned {
  const current = entity.fromItem(found.item);
  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);
  const parts: { item: TransactItem; role: Role }[] = [{ item: deletePart(env, found.at, (p) => unchanged(entity, current, p)), role: { role: 'record' } }];
  if (entity.identityKey) parts.push({ item: deletePart(env, entity.identityKey(key)), role: { role: 'identity' } });
  const owner = entity.owner(key);
  for (const u of entity.uniqueKeys(current)) {
    parts.push({ item: deletePart(env, u.key, (p) => `attribute_not_exists(${p.name(env.tableKey.pk)}) OR ${p.name('owner')} = ${p.value(owner)}`), role: { role: 'record' } });
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
export function buildUpdate(entity: WriteEntity, env: WriteTarget, keyIn: WriteItem, changes: WriteItem, current?: WriteItem): WriteRequest {
  const key = checkKey(entity, keyIn);
  checkChanges(entity, changes);
  const inPlace = buildUpdateInPlace(entity, env, key, changes);
  if (inPlace) return inPlace.request;
  if (current === undefined) {
    throw new TypeError(`${entity.name}: this update must read the record first (an index key it changes is made of attributes the changes lack, a unique set changes, or the record is found through its identity guard): pass the current record`);
  }
  return buildUpdateFrom(entity, env, key, changes, foundFrom(entity, env, current)).request;
}

/** The request(s) of a remove, for callers who send them themselves; with unique sets or an identity guard, made from `current`. */
export function buildRemove(entity: WriteEntity, env: WriteTarget, keyIn: WriteItem, current?: WriteItem): WriteRequest {
  const key = checkKey(entity, keyIn);
  const at = entity.itemKey(key);
  if (at !== undefined && entity.uniqueSets.length === 0) return { Delete: { TableName: env.tableName, Key: at } };
  if (current === undefined) throw new TypeError(`${entity.name}: removing it also deletes its guard items: pass the current record`);
  return buildRemoveFrom(entity, env, key, foundFrom(entity, env, current)).request;
}

/** Whether a remove needs the record read first: to find it, or to know its unique guards. */
function removeReads(entity: WriteEntity, key: WriteItem): boolean {
  return entity.itemKey(key) === undefined || entity.uniqueSets.length > 0;
}

/** The record's item and where it is (strongly consistent reads), or undefined when none exists. */
export async function locate(entity: WriteEntity, env: WriteEnv, key: WriteItem): Promise<Found | undefined> {
  let at = entity.itemKey(key);
  if (at === undefined) {
    if (!entity.identityKey) throw new Error(`${entity.name}: no way to find a record from its key`);
    const guard = await env.send({ Get: { TableName: env.tableName, Key: entity.identityKey(key), ConsistentRead: true } });
    if (!guard || typeof guard.recordPk !== 'string' || typeof guard.recordSk !== 'string') return undefined;
    at = { [env.tableKey.pk]: guard.recordPk, [env.tableKey.sk]: guard.recordSk };
  }
  const item = await env.send({ Get: { TableName: env.tableName, Key: at, ConsistentRead: true } });
  return item ? { item, at } : undefined;
}

/** Which part of a write DynamoDB refused on a condition, or undefined for any other error. */
function refused(error: unknown, planned: Planned): Role | undefined {
  const e = error as { name?: unknown; CancellationReasons?: { Code?: string }[] } | null;
  if (e?.name === 'ConditionalCheckFailedException') return planned.roles[0];
  if (e?.name !== 'TransactionCanceledException') return undefined;
  const reasons = e.CancellationReasons ?? [];
  const at = reasons.findIndex((r) => r?.Code === 'ConditionalCheckFailed');
  if (at >= 0) return planned.roles[at];
  // Another transaction on the same items at the same time: read again and retry.
  if (reasons.some((r) => r?.Code === 'TransactionConflict')) return { role: 'record' };
  return undefined;
}

/** Stores a new record; RecordExistsError or UniqueConflictError, changing nothing, when it cannot. */
export async function createRecord(entity: WriteEntity, env: WriteEnv, record: WriteItem): Promise<void> {
  const planned = buildCreate(entity, env, record);
  try {
    await env.send(planned.request);
  } catch (error) {
    const role = refused(error, planned);
    if (!role) throw error;
    if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);
    throw new RecordExistsError(entity.name, pickAttributes(record, entity.keyNames));
  }
}

/**
 * Changes a record's attributes and every index key made of them, and resolves to the record as
 * stored. Without reading when it can (buildUpdateInPlace); else it reads the record (strongly
 * consistent) and writes on condition that it is unchanged, again on a conflict.
 */
export async function updateRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, changes: WriteItem): Promise<WriteItem> {
  const key = checkKey(entity, keyIn);
  checkChanges(entity, changes);
  const inPlace = buildUpdateInPlace(entity, env, key, changes);
  if (inPlace) {
    try {
      const item = await env.send(inPlace.request);
      const record = item && entity.fromItem(item);
      if (!record) throw new Error(`${entity.name}: the update returned no record`);
      return record;
    } catch (error) {
      if (!refused(error, inPlace)) throw error;
      // No such record, or another version: read to say which (or, after a race, write as below).
      const found = await locate(entity, env, key);
      if (!found) throw new RecordNotFoundError(entity.name, key);
      const current = entity.fromItem(found.item) ?? {};
      if (entity.version !== undefined && current[entity.version] !== changes[entity.version]) {
        throw new StaleVersionError(entity.name, key, changes[entity.version], current[entity.version]);
      }
    }
  }
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const found = await locate(entity, env, key);
    if (!found) throw new RecordNotFoundError(entity.name, key);
    const current = entity.fromItem(found.item);
    if (!current) throw new Error(`${entity.name}: the item found holds no record`);
    if (entity.version !== undefined && current[entity.version] !== changes[entity.version]) {
      throw new StaleVersionError(entity.name, key, changes[entity.version], current[entity.version]);
    }
    const planned = buildUpdateFrom(entity, env, key, changes, found);
    try {
      await env.send(planned.request);
      return applyChanges(entity, current, changes);
    } catch (error) {
      const role = refused(error, planned);
      if (!role) throw error;
      if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);
    }
  }
  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);
}

/**
 * Deletes a record and every item the design keeps for it; resolves when none exists. With
 * `version`, only the record at that version (StaleVersionError otherwise).
 */
export async function removeRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, version?: number): Promise<void> {
  const key = checkKey(entity, keyIn);
  const at = entity.itemKey(key);
  if (at !== undefined && !removeReads(entity, key) && version === undefined) {
    await env.send({ Delete: { TableName: env.tableName, Key: at } });
    return;
  }
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const found = await locate(entity, env, key);
    if (!found) return;
    const current = entity.fromItem(found.item) ?? {};
    if (version !== undefined && entity.version !== undefined && current[entity.version] !== version) {
      throw new StaleVersionError(entity.name, key, version, current[entity.version]);
    }
    const planned = buildRemoveFrom(entity, env, key, found);
    try {
      await env.send(planned.request);
      return;
    } catch (error) {
      if (!refused(error, planned)) throw error;
    }
  }
  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);
}
