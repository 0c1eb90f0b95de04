// Generated from writeRuntime.ts by `npm run gen:runtime`: do not edit.

/** The write runtime as every generated module carries it, in top-level blocks, each with the names it declares (reserved in generated modules): a module leaves out those it never calls. */
export const WRITE_RUNTIME_BLOCKS: readonly { names: readonly string[]; text: string }[] = [
  {
    "names": [],
    "text": "// ---------------------------------------------------------------------------\n// Writes: the runtime behind create, update and remove (Tablewright's write\n// runtime, the same code the app runs in memory). Each write keeps every item\n// the design stores for a record right: its own item and index keys, the\n// identity guard, the unique guards.\n// ---------------------------------------------------------------------------"
  },
  {
    "names": [
      "WriteItem"
    ],
    "text": "/** An item or a record, as the document client gives and takes it. */\nexport type WriteItem = Record<string, unknown>;"
  },
  {
    "names": [
      "TableKey"
    ],
    "text": "/** The key attributes of an index on one item, by name. */\nexport type TableKey = Record<string, string>;"
  },
  {
    "names": [
      "WriteIndex"
    ],
    "text": "/** How one index's keys are written on an entity's items. */\ninterface WriteIndex {\n  index: string;\n  /** The record's attributes the index's key is made of. */\n  attributes: readonly string[];\n  /** The key attributes the design writes on items for it (a composite index's two); none for a native GSI. */\n  written: readonly string[];\n  /** Those key attributes' values for a record that holds every one of `attributes`. */\n  keys(record: WriteItem): WriteItem;\n}"
  },
  {
    "names": [
      "WriteEntity"
    ],
    "text": "/** Everything the write runtime knows of one entity: generated per entity, or built from a design in memory. */\ninterface WriteEntity {\n  name: string;\n  /** The attributes that identify a record (the entity's `key`). */\n  keyNames: readonly string[];\n  /** Every attribute of the entity, for the \"unchanged since read\" condition. */\n  attributes: readonly string[];\n  /** The attributes a record may lack: only these may be removed (null in changes). */\n  optional: readonly string[];\n  /** The number attributes: the only ones add may add to. */\n  numbers: readonly string[];\n  /** The optimistic-locking attribute, when the entity has one. */\n  version?: string;\n  /** The table's time-to-live attribute, when this entity's records expire: its guards carry the same expiry. */\n  ttl?: string;\n  /** Where the record's item is, when the key alone tells; undefined when the identity guard records it. */\n  itemKey(key: WriteItem): TableKey | undefined;\n  /** The identity guard's key, for an entity whose table key holds more than its key. */\n  identityKey?: (key: WriteItem) => TableKey;\n  /** What unique guards record as their holder: the label and the encoded key. */\n  owner(key: WriteItem): string;\n  /** The entity's unique sets (FORMAT.md `unique`). */\n  uniqueSets: readonly (readonly string[])[];\n  /** The unique guards a record holds: one per unique set whose every attribute it has. */\n  uniqueKeys(record: WriteItem): { set: readonly string[]; key: TableKey }[];\n  /** Every index the entity is in. */\n  indexes: readonly WriteIndex[];\n  /** The item stored for a record (checks every value's type). */\n  toItem(record: WriteItem): WriteItem;\n  /** The record an item holds, or undefined for one that holds none (a guard). */\n  fromItem(item: WriteItem): WriteItem | undefined;\n}"
  },
  {
    "names": [
      "WriteRequest"
    ],
    "text": "/** A write's request(s), shaped as lib-dynamodb's inputs. */\nexport type WriteRequest = { Put: PutInput } | { Update: UpdateInput } | { Delete: DeleteInput } | { TransactWrite: { TransactItems: TransactItem[] } };"
  },
  {
    "names": [
      "ConditionParts",
      "PutInput",
      "DeleteInput",
      "UpdateInput",
      "TransactItem"
    ],
    "text": "export interface ConditionParts {\n  ConditionExpression?: string;\n  ExpressionAttributeNames?: Record<string, string>;\n  ExpressionAttributeValues?: Record<string, unknown>;\n}\nexport type PutInput = { TableName: string; Item: WriteItem } & ConditionParts;\nexport type DeleteInput = { TableName: string; Key: TableKey } & ConditionParts;\nexport type UpdateInput = { TableName: string; Key: TableKey; UpdateExpression: string; ReturnValues?: 'ALL_NEW' } & ConditionParts;\nexport type TransactItem = { Put: PutInput } | { Delete: DeleteInput } | { Update: UpdateInput };"
  },
  {
    "names": [
      "ReadRequest"
    ],
    "text": "/** A strongly consistent read of one item: what the runtime reads before a write that needs it. */\nexport interface ReadRequest {\n  Get: { TableName: string; Key: TableKey; ConsistentRead: true };\n}"
  },
  {
    "names": [
      "WriteTarget"
    ],
    "text": "/** Where writes go: the table and its key attribute names. */\ninterface WriteTarget {\n  tableName: string;\n  tableKey: { pk: string; sk: string };\n}"
  },
  {
    "names": [
      "WriteEnv"
    ],
    "text": "/** Where the runtime writes and how it sends. */\ninterface WriteEnv extends WriteTarget {\n  /**\n   * Sends one request. A Get resolves to the item or undefined; an Update with ReturnValues\n   * to its new item; the others to anything. Rejects as DynamoDB does: ConditionalCheckFailedException,\n   * TransactionCanceledException with CancellationReasons, and so on.\n   */\n  send(request: WriteRequest | ReadRequest | BatchRequest): Promise<WriteItem | undefined>;\n  /** Waits (batches back off between retries); the module passes a timer, the app one that resolves at once. */\n  sleep(ms: number): Promise<void>;\n  /** Uniform in [0, 1): the jitter of the backoff. */\n  random(): number;\n  /** Milliseconds since some origin: bounds a batch's total time. */\n  now(): number;\n}"
  },
  {
    "names": [
      "BatchRequest"
    ],
    "text": "/** One BatchWriteItem: resolves to its UnprocessedItems (the puts DynamoDB did not write), if any. */\ninterface BatchRequest {\n  BatchWrite: { RequestItems: Record<string, { PutRequest: { Item: WriteItem } }[]> };\n}"
  },
  {
    "names": [
      "WriteError"
    ],
    "text": "/** Why a write was refused. Every write error is one of these (`code` tells which). */\nexport class WriteError extends Error {\n  override name = 'WriteError';\n  constructor(\n    readonly code: 'exists' | 'notFound' | 'unique' | 'staleVersion' | 'condition' | 'conflict',\n    readonly entity: string,\n    message: string,\n  ) {\n    super(message);\n  }\n}"
  },
  {
    "names": [
      "RecordExistsError"
    ],
    "text": "/** create: a record with this key exists already (it is left unchanged). */\nexport class RecordExistsError extends WriteError {\n  override name = 'RecordExistsError';\n  constructor(\n    entity: string,\n    readonly key: WriteItem,\n  ) {\n    super('exists', entity, `${entity} ${JSON.stringify(key)} exists already`);\n  }\n}"
  },
  {
    "names": [
      "RecordNotFoundError"
    ],
    "text": "/** update: no record has this key (nothing was created). */\nexport class RecordNotFoundError extends WriteError {\n  override name = 'RecordNotFoundError';\n  constructor(\n    entity: string,\n    readonly key: WriteItem,\n  ) {\n    super('notFound', entity, `no ${entity} ${JSON.stringify(key)}`);\n  }\n}"
  },
  {
    "names": [
      "UniqueConflictError"
    ],
    "text": "/** create or update: another record holds these values of a unique set (nothing was changed). */\nexport class UniqueConflictError extends WriteError {\n  override name = 'UniqueConflictError';\n  constructor(\n    entity: string,\n    readonly set: readonly string[],\n    readonly values: readonly unknown[],\n  ) {\n    super('unique', entity, `another ${entity} holds (${set.join(', ')}) = ${JSON.stringify(values)}`);\n  }\n}"
  },
  {
    "names": [
      "StaleVersionError"
    ],
    "text": "/** update or remove: the record has another version than the one stated (nothing was changed). */\nexport class StaleVersionError extends WriteError {\n  override name = 'StaleVersionError';\n  constructor(\n    entity: string,\n    readonly key: WriteItem,\n    readonly expected: unknown,\n    readonly actual: unknown,\n  ) {\n    super('staleVersion', entity, `${entity} ${JSON.stringify(key)} is at version ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);\n  }\n}"
  },
  {
    "names": [
      "ConditionFailedError"
    ],
    "text": "/** update, add or remove with `if`: the record does not meet the condition (nothing was changed). */\nexport class ConditionFailedError extends WriteError {\n  override name = 'ConditionFailedError';\n  constructor(\n    entity: string,\n    readonly key: WriteItem,\n    readonly condition: WriteCondition,\n  ) {\n    super('condition', entity, `${entity} ${JSON.stringify(key)} does not meet the condition ${JSON.stringify(condition)}`);\n  }\n}"
  },
  {
    "names": [
      "WriteConflictError"
    ],
    "text": "/** update or remove: other writes kept changing the record; every attempt was refused. */\nexport class WriteConflictError extends WriteError {\n  override name = 'WriteConflictError';\n  constructor(\n    entity: string,\n    readonly key: WriteItem,\n    readonly attempts: number,\n  ) {\n    super('conflict', entity, `${entity} ${JSON.stringify(key)} changed under each of ${attempts} attempts to write it`);\n  }\n}"
  },
  {
    "names": [
      "WriteCondition"
    ],
    "text": "/**\n * A condition on a record's attributes, all of which must hold: a value (equality), or a test:\n * `{ stock: { ge: 2 } }`, `{ status: { ne: 'closed' } }`, `{ note: { exists: false } }`,\n * `{ total: { between: [10, 20] } }`, `{ name: { beginsWith: 'A' } }`.\n */\nexport type WriteCondition = Record<string, unknown>;"
  },
  {
    "names": [
      "AttributeTest"
    ],
    "text": "/** The tests a condition may state for one attribute. */\nexport interface AttributeTest<T> {\n  eq?: T;\n  ne?: T;\n  lt?: T;\n  le?: T;\n  gt?: T;\n  ge?: T;\n  between?: readonly [T, T];\n  beginsWith?: T extends string ? string : never;\n  exists?: boolean;\n}"
  },
  {
    "names": [
      "TESTS"
    ],
    "text": "const TESTS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };"
  },
  {
    "names": [
      "conditionText"
    ],
    "text": "/** A condition as expression text, every name and value a placeholder; undefined when it states nothing. */\nfunction conditionText(entity: WriteEntity, condition: WriteCondition | undefined, p: Placeholders): string | undefined {\n  if (condition === undefined) return undefined;\n  if (typeof condition !== 'object' || condition === null) throw new TypeError(`${entity.name}: a condition must be an object of attributes`);\n  const parts: string[] = [];\n  for (const [name, test] of Object.entries(condition)) {\n    if (!entity.attributes.includes(name)) throw new TypeError(`${entity.name} has no attribute \"${name}\" to test`);\n    const n = p.name(name);\n    // null or undefined: the record lacks the attribute.\n    if (test === null || test === undefined) {\n      parts.push(`attribute_not_exists(${n})`);\n      continue;\n    }\n    if (typeof test !== 'object') {\n      parts.push(`${n} = ${p.value(test)}`);\n      continue;\n    }\n    const tests = Object.entries(test as Record<string, unknown>).filter(([, operand]) => operand !== undefined);\n    if (tests.length === 0)\n      throw new TypeError(`${entity.name}: the condition on \"${name}\" states no test (eq, ne, lt, le, gt, ge, between, beginsWith, exists)`);\n    for (const [op, operand] of tests) {\n      const comparison = TESTS[op];\n      if (comparison) parts.push(`${n} ${comparison} ${p.value(operand)}`);\n      else if (op === 'between') {\n        if (!Array.isArray(operand) || operand.length !== 2) throw new TypeError(`${entity.name}: \"${name}\" between takes [low, high]`);\n        parts.push(`${n} BETWEEN ${p.value(operand[0])} AND ${p.value(operand[1])}`);\n      } else if (op === 'beginsWith') parts.push(`begins_with(${n}, ${p.value(operand)})`);\n      else if (op === 'exists') parts.push(operand ? `attribute_exists(${n})` : `attribute_not_exists(${n})`);\n      else throw new TypeError(`${entity.name}: \"${op}\" is not a test (eq, ne, lt, le, gt, ge, between, beginsWith, exists)`);\n    }\n  }\n  return parts.length ? parts.map((x) => `(${x})`).join(' AND ') : undefined;\n}"
  },
  {
    "names": [
      "checkCondition"
    ],
    "text": "/** Throws the TypeError a malformed condition gives, before anything is read or sent. */\nfunction checkCondition(entity: WriteEntity, condition: WriteCondition | undefined): void {\n  conditionText(entity, condition, new Placeholders());\n}"
  },
  {
    "names": [
      "both"
    ],
    "text": "/** Two conditions as one. */\nfunction both(a: string, b: string | undefined): string {\n  return b === undefined ? a : `${a} AND ${b}`;\n}"
  },
  {
    "names": [
      "WRITE_ATTEMPTS"
    ],
    "text": "/** How many times a write that read first is tried before WriteConflictError. */\nconst WRITE_ATTEMPTS = 8;"
  },
  {
    "names": [
      "Role"
    ],
    "text": "/** What each request of a write is for, so that a refused condition says which error it is. */\ntype Role = { role: 'record' | 'identity' | 'moved' | 'guard' | 'conflict' } | { role: 'unique'; set: readonly string[]; values: readonly unknown[] };"
  },
  {
    "names": [
      "Planned"
    ],
    "text": "/** A write built: its request and what each of its parts is for (in TransactItems order). */\ninterface Planned {\n  request: WriteRequest;\n  roles: Role[];\n}"
  },
  {
    "names": [
      "Placeholders"
    ],
    "text": "/** Placeholders for one expression: every name and value goes through them, never into the text. */\nclass Placeholders {\n  readonly names: Record<string, string> = {};\n  readonly values: Record<string, unknown> = {};\n  private readonly byName = new Map<string, string>();\n  name(attribute: string): string {\n    let placeholder = this.byName.get(attribute);\n    if (placeholder === undefined) {\n      placeholder = `#n${this.byName.size}`;\n      this.byName.set(attribute, placeholder);\n      this.names[placeholder] = attribute;\n    }\n    return placeholder;\n  }\n  value(value: unknown): string {\n    const placeholder = `:v${Object.keys(this.values).length}`;\n    this.values[placeholder] = value;\n    return placeholder;\n  }\n  /** The names and values, left out when there are none (DynamoDB refuses empty maps). */\n  parts(condition: string | undefined): ConditionParts {\n    const out: ConditionParts = {};\n    if (condition !== undefined) out.ConditionExpression = condition;\n    if (Object.keys(this.names).length > 0) out.ExpressionAttributeNames = { ...this.names };\n    if (Object.keys(this.values).length > 0) out.ExpressionAttributeValues = { ...this.values };\n    return out;\n  }\n}"
  },
  {
    "names": [
      "shardOf"
    ],
    "text": "/**\n * Write sharding: the shard (0 to count - 1) of a record whose key, encoded and `#`-joined as in a key\n * value, is `keyText`. FNV-1a (32 bits) over the text's UTF-16 code units, modulo the count: the same in\n * the engine, the app and every generated module, so a record's item is always in the same shard, and\n * depends on the key alone (a record never changes shard).\n */\nfunction shardOf(keyText: string, count: number): number {\n  let hash = 0x811c9dc5;\n  for (let i = 0; i < keyText.length; i++) {\n    hash ^= keyText.charCodeAt(i);\n    hash = Math.imul(hash, 0x01000193) >>> 0;\n  }\n  return hash % count;\n}"
  },
  {
    "names": [
      "holds"
    ],
    "text": "function holds(record: WriteItem, name: string): boolean {\n  return Object.prototype.hasOwnProperty.call(record, name) && record[name] !== undefined && record[name] !== null;\n}"
  },
  {
    "names": [
      "pickAttributes"
    ],
    "text": "function pickAttributes(record: WriteItem, names: readonly string[]): WriteItem {\n  return Object.fromEntries(names.map((n) => [n, record[n]]));\n}"
  },
  {
    "names": [
      "tableKeyOf"
    ],
    "text": "function tableKeyOf(env: WriteTarget, item: WriteItem): TableKey {\n  const pk = item[env.tableKey.pk];\n  const sk = item[env.tableKey.sk];\n  if (typeof pk !== 'string' || typeof sk !== 'string') throw new Error(`an item without its table key (${env.tableKey.pk}, ${env.tableKey.sk})`);\n  return { [env.tableKey.pk]: pk, [env.tableKey.sk]: sk };\n}"
  },
  {
    "names": [
      "sameKey"
    ],
    "text": "function sameKey(a: TableKey, b: TableKey): boolean {\n  const names = Object.keys(a);\n  return names.length === Object.keys(b).length && names.every((n) => a[n] === b[n]);\n}"
  },
  {
    "names": [
      "checkKey"
    ],
    "text": "/** The key's attributes, checked: every one present, nothing else. */\nfunction checkKey(entity: WriteEntity, key: WriteItem): WriteItem {\n  if (typeof key !== 'object' || key === null) throw new TypeError(`${entity.name}: the key must be an object of ${entity.keyNames.join(', ')}`);\n  for (const name of entity.keyNames) if (!holds(key, name)) throw new TypeError(`${entity.name}: the key lacks \"${name}\"`);\n  for (const name of Object.keys(key))\n    if (!entity.keyNames.includes(name)) throw new TypeError(`${entity.name}: \"${name}\" is not part of the key (${entity.keyNames.join(', ')})`);\n  return pickAttributes(key, entity.keyNames);\n}"
  },
  {
    "names": [
      "checkChanges"
    ],
    "text": "/** The changes, checked: attributes of the entity outside its key; with a version, the expected one. */\nfunction checkChanges(entity: WriteEntity, changes: WriteItem): void {\n  if (typeof changes !== 'object' || changes === null) throw new TypeError(`${entity.name}: the changes must be an object`);\n  for (const [name, value] of Object.entries(changes)) {\n    if (entity.keyNames.includes(name))\n      throw new TypeError(`${entity.name}: \"${name}\" is part of the key and cannot change (remove the record and create another)`);\n    if (!entity.attributes.includes(name)) throw new TypeError(`${entity.name} has no attribute \"${name}\"`);\n    if ((value === null || value === undefined) && !entity.optional.includes(name)) {\n      throw new TypeError(`${entity.name}: \"${name}\" is not optional, so it cannot be removed (${String(value)} in the changes)`);\n    }\n  }\n  if (entity.version !== undefined && typeof changes[entity.version] !== 'number') {\n    throw new TypeError(`${entity.name}: the changes must state the version the update expects (\"${entity.version}\")`);\n  }\n}"
  },
  {
    "names": [
      "applyChanges"
    ],
    "text": "/** The record after the changes: null removes an attribute; the version goes up by one. */\nfunction applyChanges(entity: WriteEntity, current: WriteItem, changes: WriteItem): WriteItem {\n  const next: WriteItem = { ...current };\n  for (const [name, value] of Object.entries(changes)) {\n    if (name === entity.version) continue;\n    if (value === null || value === undefined) delete next[name];\n    else setOwn(next, name, value);\n  }\n  if (entity.version !== undefined) setOwn(next, entity.version, (current[entity.version] as number) + 1);\n  return next;\n}"
  },
  {
    "names": [
      "setOwn"
    ],
    "text": "/**\n * Sets an attribute as an own property whatever its name: `item[name] = value` would set the\n * prototype for `__proto__` (a name a model may use) instead of the attribute.\n */\nfunction setOwn(item: WriteItem, name: string, value: unknown): void {\n  Object.defineProperty(item, name, { value, enumerable: true, writable: true, configurable: true });\n}"
  },
  {
    "names": [
      "unchanged"
    ],
    "text": "/** A condition that the record's attributes are still those read: each equal, or still absent. */\nfunction unchanged(entity: WriteEntity, current: WriteItem, p: Placeholders): string {\n  return entity.attributes\n    .map((name) => (holds(current, name) ? `${p.name(name)} = ${p.value(current[name])}` : `attribute_not_exists(${p.name(name)})`))\n    .join(' AND ');\n}"
  },
  {
    "names": [
      "notExists"
    ],
    "text": "function notExists(env: WriteTarget, p: Placeholders): string {\n  return `attribute_not_exists(${p.name(env.tableKey.pk)})`;\n}"
  },
  {
    "names": [
      "planParts"
    ],
    "text": "function planParts(parts: { item: TransactItem; role: Role }[]): Planned {\n  const roles = parts.map((x) => x.role);\n  const first = parts[0];\n  if (parts.length === 1 && first) return { request: first.item, roles };\n  return { request: { TransactWrite: { TransactItems: parts.map((x) => x.item) } }, roles };\n}"
  },
  {
    "names": [
      "putPart"
    ],
    "text": "function putPart(env: WriteTarget, item: WriteItem, condition: (p: Placeholders) => string): TransactItem {\n  const p = new Placeholders();\n  const text = condition(p);\n  return { Put: { TableName: env.tableName, Item: item, ...p.parts(text) } };\n}"
  },
  {
    "names": [
      "deletePart"
    ],
    "text": "function deletePart(env: WriteTarget, key: TableKey, condition?: (p: Placeholders) => string): TransactItem {\n  const p = new Placeholders();\n  const text = condition?.(p);\n  return { Delete: { TableName: env.tableName, Key: key, ...p.parts(text) } };\n}"
  },
  {
    "names": [
      "guardItem"
    ],
    "text": "/** A guard item: its key and what it records, plus the record's expiry (so that it expires with the record). */\nfunction guardItem(entity: WriteEntity, key: TableKey, fields: WriteItem, record: WriteItem): WriteItem {\n  const expiry = entity.ttl !== undefined && holds(record, entity.ttl) ? { [entity.ttl]: record[entity.ttl] } : {};\n  return { ...key, ...fields, ...expiry };\n}"
  },
  {
    "names": [
      "uniqueValues"
    ],
    "text": "function uniqueValues(record: WriteItem, set: readonly string[]): unknown[] {\n  return set.map((n) => record[n]);\n}"
  },
  {
    "names": [
      "buildCreate"
    ],
    "text": "/** The requests that store a new record and its guards, each refusing to overwrite. */\nfunction buildCreate(entity: WriteEntity, env: WriteTarget, record: WriteItem): Planned {\n  const key = checkKey(entity, pickAttributes(record, entity.keyNames));\n  const item = entity.toItem(record);\n  const parts: { item: TransactItem; role: Role }[] = [{ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'record' } }];\n  if (entity.identityKey) {\n    const guard = guardItem(entity, entity.identityKey(key), { recordPk: item[env.tableKey.pk], recordSk: item[env.tableKey.sk] }, record);\n    parts.push({ item: putPart(env, guard, (p) => notExists(env, p)), role: { role: 'identity' } });\n  }\n  for (const u of entity.uniqueKeys(record)) {\n    const guard = guardItem(entity, u.key, { owner: entity.owner(key) }, record);\n    parts.push({ item: putPart(env, guard, (p) => notExists(env, p)), role: { role: 'unique', set: u.set, values: uniqueValues(record, u.set) } });\n  }\n  return planParts(parts);\n}"
  },
  {
    "names": [
      "Found"
    ],
    "text": "/** What an update or remove found: the record's item and where it is. */\ninterface Found {\n  item: WriteItem;\n  at: TableKey;\n}"
  },
  {
    "names": [
      "buildUpdateFrom"
    ],
    "text": "/**\n * The requests of an update that reads first: the new item (put where the old one was, or moved in\n * one transaction when its table key changes), the identity guard pointed at it, unique guards given\n * up and taken; every part conditional on what was read.\n */\nfunction buildUpdateFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem, found: Found, condition?: WriteCondition): Planned {\n  const current = entity.fromItem(found.item);\n  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);\n  const next = applyChanges(entity, current, changes);\n  const item = entity.toItem(next);\n  const at = tableKeyOf(env, item);\n  const parts: { item: TransactItem; role: Role }[] = [];\n  const stillAsRead = (p: Placeholders) => both(unchanged(entity, current, p), conditionText(entity, condition, p));\n  // Guards expire with their record: a new expiry is written on the guards that stay.\n  const expiryChanged = entity.ttl !== undefined && !sameRecord(pickAttributes(current, [entity.ttl]), pickAttributes(next, [entity.ttl]));\n  const located = (p: Placeholders) =>\n    `${p.name('recordPk')} = ${p.value(found.at[env.tableKey.pk])} AND ${p.name('recordSk')} = ${p.value(found.at[env.tableKey.sk])}`;\n  if (sameKey(at, found.at)) {\n    parts.push({ item: putPart(env, item, stillAsRead), role: { role: 'record' } });\n    if (entity.identityKey && expiryChanged) {\n      parts.push({\n        item: putPart(env, guardItem(entity, entity.identityKey(key), { recordPk: at[env.tableKey.pk], recordSk: at[env.tableKey.sk] }, next), located),\n        role: { role: 'identity' },\n      });\n    }\n  } else {\n    parts.push({ item: deletePart(env, found.at, stillAsRead), role: { role: 'record' } });\n    parts.push({ item: putPart(env, item, (p) => notExists(env, p)), role: { role: 'moved' } });\n    if (entity.identityKey) {\n      const guard = guardItem(entity, entity.identityKey(key), { recordPk: at[env.tableKey.pk], recordSk: at[env.tableKey.sk] }, next);\n      parts.push({ item: putPart(env, guard, located), role: { role: 'identity' } });\n    }\n  }\n  const before = new Map(entity.uniqueKeys(current).map((u) => [u.set.join('\\u0000'), u]));\n  const after = new Map(entity.uniqueKeys(next).map((u) => [u.set.join('\\u0000'), u]));\n  const owner = entity.owner(key);\n  const owned = (p: Placeholders) => `${p.name('owner')} = ${p.value(owner)}`;\n  for (const [set, old] of before) {\n    const now = after.get(set);\n    if (now && sameKey(now.key, old.key)) {\n      if (expiryChanged) parts.push({ item: putPart(env, guardItem(entity, now.key, { owner }, next), owned), role: { role: 'guard' } });\n      continue;\n    }\n    parts.push({ item: deletePart(env, old.key, owned), role: { role: 'guard' } });\n  }\n  for (const [set, now] of after) {\n    const old = before.get(set);\n    if (old && sameKey(now.key, old.key)) continue;\n    parts.push({\n      item: putPart(env, guardItem(entity, now.key, { owner }, next), (p) => notExists(env, p)),\n      role: { role: 'unique', set: now.set, values: uniqueValues(next, now.set) },\n    });\n  }\n  return planParts(parts);\n}"
  },
  {
    "names": [
      "buildUpdateInPlace"
    ],
    "text": "/**\n * An update in one request, without reading: possible when the record's item is found from its key\n * alone, no unique set changes, and every index key a change touches is made of changed attributes\n * and the key. Undefined when the update must read first.\n */\nfunction buildUpdateInPlace(entity: WriteEntity, env: WriteTarget, key: WriteItem, changes: WriteItem, condition?: WriteCondition): Planned | undefined {\n  const at = entity.itemKey(key);\n  if (at === undefined) return undefined;\n  const changed = Object.keys(changes).filter((n) => n !== entity.version);\n  if (changed.length === 0 && entity.version === undefined) return undefined;\n  const known = new Set([...changed, ...entity.keyNames]);\n  if (entity.uniqueSets.some((set) => set.some((n) => changed.includes(n)))) return undefined;\n  // Unique guards carry the record's expiry: a new one is written on them too.\n  if (entity.ttl !== undefined && changed.includes(entity.ttl) && entity.uniqueSets.length > 0) return undefined;\n  const touched = entity.indexes.filter((ix) => ix.attributes.some((n) => changed.includes(n)));\n  if (touched.some((ix) => ix.attributes.some((n) => !known.has(n)))) return undefined;\n  const values: WriteItem = { ...key };\n  for (const n of changed) if (holds(changes, n)) setOwn(values, n, changes[n]);\n  // The changed values' types, checked as a create checks them.\n  entity.toItem(values);\n  const p = new Placeholders();\n  const set: string[] = [];\n  const remove: string[] = [];\n  for (const n of changed) {\n    if (holds(changes, n)) set.push(`${p.name(n)} = ${p.value(changes[n])}`);\n    else remove.push(p.name(n));\n  }\n  for (const ix of touched) {\n    if (ix.written.length === 0) continue;\n    if (ix.attributes.every((n) => holds(values, n))) {\n      const keys = ix.keys(values);\n      for (const k of ix.written) set.push(`${p.name(k)} = ${p.value(keys[k])}`);\n    } else for (const k of ix.written) remove.push(p.name(k));\n  }\n  let exists = `attribute_exists(${p.name(env.tableKey.pk)})`;\n  if (entity.version !== undefined) {\n    const expected = changes[entity.version];\n    exists += ` AND ${p.name(entity.version)} = ${p.value(expected)}`;\n    set.push(`${p.name(entity.version)} = ${p.value((expected as number) + 1)}`);\n  }\n  const expression = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''].filter(Boolean).join(' ');\n  const text = both(exists, conditionText(entity, condition, p));\n  return {\n    request: { Update: { TableName: env.tableName, Key: at, UpdateExpression: expression, ReturnValues: 'ALL_NEW', ...p.parts(text) } },\n    roles: [{ role: 'record' }],\n  };\n}"
  },
  {
    "names": [
      "buildRemoveFrom"
    ],
    "text": "/** The requests that delete a record found, its identity guard and its unique guards. */\nfunction buildRemoveFrom(entity: WriteEntity, env: WriteTarget, key: WriteItem, found: Found, condition?: WriteCondition): Planned {\n  const current = entity.fromItem(found.item);\n  if (current === undefined) throw new Error(`${entity.name}: the item found holds no record`);\n  const parts: { item: TransactItem; role: Role }[] = [\n    { item: deletePart(env, found.at, (p) => both(unchanged(entity, current, p), conditionText(entity, condition, p))), role: { role: 'record' } },\n  ];\n  if (entity.identityKey) parts.push({ item: deletePart(env, entity.identityKey(key)), role: { role: 'identity' } });\n  const owner = entity.owner(key);\n  for (const u of entity.uniqueKeys(current)) {\n    parts.push({\n      item: deletePart(env, u.key, (p) => `attribute_not_exists(${p.name(env.tableKey.pk)}) OR ${p.name('owner')} = ${p.value(owner)}`),\n      role: { role: 'guard' },\n    });\n  }\n  return planParts(parts);\n}"
  },
  {
    "names": [
      "foundFrom"
    ],
    "text": "/** Where a record stored as `current` is: its item and table key, for builders given the record instead of reading it. */\nfunction foundFrom(entity: WriteEntity, env: WriteTarget, current: WriteItem): Found {\n  const item = entity.toItem(current);\n  return { item, at: tableKeyOf(env, item) };\n}"
  },
  {
    "names": [
      "buildUpdate"
    ],
    "text": "/**\n * The request(s) of an update, for callers who send them themselves: one UpdateItem where no read is\n * needed, else the conditional writes made from `current` (the record as stored now).\n */\nfunction buildUpdate(\n  entity: WriteEntity,\n  env: WriteTarget,\n  keyIn: WriteItem,\n  changes: WriteItem,\n  current?: WriteItem,\n  condition?: WriteCondition,\n): WriteRequest {\n  const key = checkKey(entity, keyIn);\n  checkChanges(entity, changes);\n  const inPlace = buildUpdateInPlace(entity, env, key, changes, condition);\n  if (inPlace) return inPlace.request;\n  if (current === undefined) {\n    throw new TypeError(\n      `${entity.name}: this update must read the record first (an index key it changes is made of attributes the changes lack, a unique set changes, or the record is found through its identity guard): pass the current record`,\n    );\n  }\n  return buildUpdateFrom(entity, env, key, changes, foundFrom(entity, env, current), condition).request;\n}"
  },
  {
    "names": [
      "buildRemove"
    ],
    "text": "/** The request(s) of a remove, for callers who send them themselves; with unique sets or an identity guard, made from `current`. */\nfunction buildRemove(entity: WriteEntity, env: WriteTarget, keyIn: WriteItem, current?: WriteItem, condition?: WriteCondition): WriteRequest {\n  const key = checkKey(entity, keyIn);\n  const at = entity.itemKey(key);\n  if (at !== undefined && entity.uniqueSets.length === 0) {\n    const p = new Placeholders();\n    return { Delete: { TableName: env.tableName, Key: at, ...p.parts(conditionText(entity, condition, p)) } };\n  }\n  if (current === undefined) throw new TypeError(`${entity.name}: removing it also deletes its guard items: pass the current record`);\n  return buildRemoveFrom(entity, env, key, foundFrom(entity, env, current), condition).request;\n}"
  },
  {
    "names": [
      "removeReads"
    ],
    "text": "/** Whether a remove needs the record read first: to find it, or to know its unique guards. */\nfunction removeReads(entity: WriteEntity, key: WriteItem): boolean {\n  return entity.itemKey(key) === undefined || entity.uniqueSets.length > 0;\n}"
  },
  {
    "names": [
      "locate"
    ],
    "text": "/** The record's item and where it is (strongly consistent reads), or undefined when none exists. */\nasync function locate(entity: WriteEntity, env: WriteEnv, key: WriteItem): Promise<Found | undefined> {\n  const at = entity.itemKey(key);\n  if (at !== undefined) {\n    const item = await env.send({ Get: { TableName: env.tableName, Key: at, ConsistentRead: true } });\n    return item ? { item, at } : undefined;\n  }\n  if (!entity.identityKey) throw new Error(`${entity.name}: no way to find a record from its key`);\n  const guardKey = entity.identityKey(key);\n  // The guard says where the record is; a write that moves it between the two reads moves the guard\n  // too, so an item missing where the guard pointed means: read the guard again.\n  let where: TableKey | undefined;\n  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {\n    const guard = await env.send({ Get: { TableName: env.tableName, Key: guardKey, ConsistentRead: true } });\n    if (!guard || typeof guard.recordPk !== 'string' || typeof guard.recordSk !== 'string') return undefined;\n    const now = { [env.tableKey.pk]: guard.recordPk, [env.tableKey.sk]: guard.recordSk };\n    // The guard still points where the record was not: none exists (a guard never outlives its record).\n    if (where !== undefined && sameKey(where, now)) return undefined;\n    where = now;\n    const item = await env.send({ Get: { TableName: env.tableName, Key: now, ConsistentRead: true } });\n    if (item) return { item, at: now };\n  }\n  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);\n}"
  },
  {
    "names": [
      "refused"
    ],
    "text": "/** Which part of a write DynamoDB refused, or undefined for an error that is no refusal. */\nfunction refused(error: unknown, planned: Planned): Role | undefined {\n  const e = error as { name?: unknown; CancellationReasons?: { Code?: string }[] } | null;\n  if (e?.name === 'ConditionalCheckFailedException') return planned.roles[0];\n  if (e?.name !== 'TransactionCanceledException') return undefined;\n  const reasons = e.CancellationReasons ?? [];\n  const at = reasons.findIndex((r) => r?.Code === 'ConditionalCheckFailed');\n  if (at >= 0) return planned.roles[at];\n  // Another transaction on the same items at the same time: read again and retry.\n  if (reasons.some((r) => r?.Code === 'TransactionConflict')) return { role: 'conflict' };\n  return undefined;\n}"
  },
  {
    "names": [
      "sameRecord"
    ],
    "text": "/** Whether two records hold the same attributes and values. */\nfunction sameRecord(a: WriteItem, b: WriteItem): boolean {\n  const text = (r: WriteItem) =>\n    JSON.stringify(\n      Object.keys(r)\n        .sort()\n        .map((k) => [k, r[k]]),\n    );\n  return text(a) === text(b);\n}"
  },
  {
    "names": [
      "WriteOptions"
    ],
    "text": "/** Options of update, add and remove. */\nexport interface WriteOptions {\n  /** A condition the record must meet; ConditionFailedError (nothing changes) when it does not. */\n  if?: WriteCondition;\n}"
  },
  {
    "names": [
      "createRecord"
    ],
    "text": "/** Stores a new record; RecordExistsError or UniqueConflictError, changing nothing, when it cannot. */\nasync function createRecord(entity: WriteEntity, env: WriteEnv, record: WriteItem): Promise<void> {\n  const planned = buildCreate(entity, env, record);\n  try {\n    await env.send(planned.request);\n  } catch (error) {\n    const role = refused(error, planned);\n    if (!role || role.role === 'conflict') throw error;\n    if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);\n    throw new RecordExistsError(entity.name, pickAttributes(record, entity.keyNames));\n  }\n}"
  },
  {
    "names": [
      "sendInPlace"
    ],
    "text": "/**\n * One in-place write (an UpdateItem conditional on the record existing, its version and `condition`).\n * Resolves to the record written, or undefined when a race calls for the read-first path; a refusal\n * becomes RecordNotFoundError, StaleVersionError or ConditionFailedError after one consistent read.\n */\nasync function sendInPlace(\n  entity: WriteEntity,\n  env: WriteEnv,\n  key: WriteItem,\n  planned: Planned,\n  expectedVersion: unknown,\n  condition: WriteCondition | undefined,\n): Promise<WriteItem | undefined> {\n  try {\n    const item = await env.send(planned.request);\n    const record = item && entity.fromItem(item);\n    if (!record) throw new Error(`${entity.name}: the update returned no record`);\n    return record;\n  } catch (error) {\n    if (!refused(error, planned)) throw error;\n    const found = await locate(entity, env, key);\n    if (!found) throw new RecordNotFoundError(entity.name, key);\n    const current = entity.fromItem(found.item) ?? {};\n    if (entity.version !== undefined && expectedVersion !== undefined && current[entity.version] !== expectedVersion) {\n      throw new StaleVersionError(entity.name, key, expectedVersion, current[entity.version]);\n    }\n    if (condition !== undefined) throw new ConditionFailedError(entity.name, key, condition);\n    return undefined;\n  }\n}"
  },
  {
    "names": [
      "updateAfterRead"
    ],
    "text": "/**\n * The read-first path of update and add: a consistent read, the changes made from the record read,\n * a write conditional on the record being unchanged (and meeting `condition`), again on a conflict.\n * A refusal of a record that did not change since is the condition's: ConditionFailedError.\n */\nasync function updateAfterRead(\n  entity: WriteEntity,\n  env: WriteEnv,\n  key: WriteItem,\n  changesFor: (current: WriteItem) => WriteItem,\n  condition: WriteCondition | undefined,\n): Promise<WriteItem> {\n  let refusedAt: WriteItem | undefined;\n  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {\n    const found = await locate(entity, env, key);\n    if (!found) throw new RecordNotFoundError(entity.name, key);\n    const current = entity.fromItem(found.item);\n    if (!current) throw new Error(`${entity.name}: the item found holds no record`);\n    if (refusedAt && condition !== undefined && sameRecord(refusedAt, current)) throw new ConditionFailedError(entity.name, key, condition);\n    const changes = changesFor(current);\n    if (entity.version !== undefined && current[entity.version] !== changes[entity.version]) {\n      throw new StaleVersionError(entity.name, key, changes[entity.version], current[entity.version]);\n    }\n    const planned = buildUpdateFrom(entity, env, key, changes, found, condition);\n    try {\n      await env.send(planned.request);\n      return applyChanges(entity, current, changes);\n    } catch (error) {\n      const role = refused(error, planned);\n      if (!role) throw error;\n      if (role.role === 'unique') throw new UniqueConflictError(entity.name, role.set, role.values);\n      refusedAt = role.role === 'record' ? current : undefined;\n    }\n  }\n  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);\n}"
  },
  {
    "names": [
      "updateRecord"
    ],
    "text": "/**\n * Changes a record's attributes and every index key made of them, and resolves to the record as\n * stored. Without reading when it can (buildUpdateInPlace); else it reads the record (strongly\n * consistent) and writes on condition that it is unchanged, again on a conflict.\n */\nasync function updateRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, changes: WriteItem, options: WriteOptions = {}): Promise<WriteItem> {\n  const key = checkKey(entity, keyIn);\n  checkChanges(entity, changes);\n  checkCondition(entity, options.if);\n  const expected = entity.version !== undefined ? changes[entity.version] : undefined;\n  const inPlace = buildUpdateInPlace(entity, env, key, changes, options.if);\n  if (inPlace) {\n    const record = await sendInPlace(entity, env, key, inPlace, expected, options.if);\n    if (record) return record;\n  }\n  return updateAfterRead(entity, env, key, () => changes, options.if);\n}"
  },
  {
    "names": [
      "AddOptions"
    ],
    "text": "/** Options of add: with a version attribute, `version` (when given) is the version it expects. */\nexport interface AddOptions extends WriteOptions {\n  version?: number;\n}"
  },
  {
    "names": [
      "addToRecord"
    ],
    "text": "/**\n * Adds to number attributes (`{ stock: -2 }`) in one request where no index key is made of them\n * (ADD, atomic: two concurrent adds both count), else read first like update. The version, if any,\n * goes up by one. With `if: { stock: { ge: 2 } }` stock never goes below zero.\n */\nasync function addToRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, deltas: WriteItem, options: AddOptions = {}): Promise<WriteItem> {\n  const key = checkKey(entity, keyIn);\n  if (typeof deltas !== 'object' || deltas === null || Object.keys(deltas).length === 0)\n    throw new TypeError(`${entity.name}: add takes a non-empty object of numbers`);\n  for (const [name, delta] of Object.entries(deltas)) {\n    if (!entity.numbers.includes(name) || entity.keyNames.includes(name) || name === entity.version)\n      throw new TypeError(`${entity.name}: \"${name}\" is not a number attribute add can change`);\n    if (typeof delta !== 'number' || !Number.isFinite(delta)) throw new TypeError(`${entity.name}: the amount for \"${name}\" must be a finite number`);\n  }\n  checkCondition(entity, options.if);\n  const names = Object.keys(deltas);\n  const at = entity.itemKey(key);\n  const inIndex =\n    entity.indexes.some((ix) => ix.attributes.some((n) => names.includes(n))) || entity.uniqueSets.some((set) => set.some((n) => names.includes(n)));\n  if (at !== undefined && !inIndex) {\n    const p = new Placeholders();\n    const add = names.map((n) => `${p.name(n)} ${p.value(deltas[n])}`);\n    let condition = `attribute_exists(${p.name(env.tableKey.pk)})`;\n    if (entity.version !== undefined) {\n      add.push(`${p.name(entity.version)} ${p.value(1)}`);\n      if (options.version !== undefined) condition += ` AND ${p.name(entity.version)} = ${p.value(options.version)}`;\n    }\n    const text = both(condition, conditionText(entity, options.if, p));\n    const planned: Planned = {\n      request: { Update: { TableName: env.tableName, Key: at, UpdateExpression: `ADD ${add.join(', ')}`, ReturnValues: 'ALL_NEW', ...p.parts(text) } },\n      roles: [{ role: 'record' }],\n    };\n    const record = await sendInPlace(entity, env, key, planned, options.version, options.if);\n    if (record) return record;\n  }\n  return updateAfterRead(\n    entity,\n    env,\n    key,\n    (current) => {\n      const changes: WriteItem = {};\n      for (const n of names) setOwn(changes, n, (typeof current[n] === 'number' ? (current[n] as number) : 0) + (deltas[n] as number));\n      if (entity.version !== undefined) setOwn(changes, entity.version, options.version ?? current[entity.version]);\n      return changes;\n    },\n    options.if,\n  );\n}"
  },
  {
    "names": [
      "RemoveOptions"
    ],
    "text": "/** Options of remove: with a version attribute, `version` (when given) is the version it expects. */\nexport interface RemoveOptions extends WriteOptions {\n  version?: number;\n}"
  },
  {
    "names": [
      "removeRecord"
    ],
    "text": "/**\n * Deletes a record and every item the design keeps for it; resolves when none exists. With\n * `version`, only the record at that version (StaleVersionError otherwise); with `if`, only a record\n * that meets it (ConditionFailedError otherwise).\n */\nasync function removeRecord(entity: WriteEntity, env: WriteEnv, keyIn: WriteItem, options: RemoveOptions = {}): Promise<void> {\n  const key = checkKey(entity, keyIn);\n  checkCondition(entity, options.if);\n  const at = entity.itemKey(key);\n  if (at !== undefined && !removeReads(entity, key) && options.version === undefined && options.if === undefined) {\n    await env.send({ Delete: { TableName: env.tableName, Key: at } });\n    return;\n  }\n  let refusedAt: WriteItem | undefined;\n  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {\n    const found = await locate(entity, env, key);\n    if (!found) return;\n    const current = entity.fromItem(found.item) ?? {};\n    if (options.version !== undefined && entity.version !== undefined && current[entity.version] !== options.version) {\n      throw new StaleVersionError(entity.name, key, options.version, current[entity.version]);\n    }\n    if (refusedAt && options.if !== undefined && sameRecord(refusedAt, current)) throw new ConditionFailedError(entity.name, key, options.if);\n    const planned = buildRemoveFrom(entity, env, key, found, options.if);\n    try {\n      await env.send(planned.request);\n      return;\n    } catch (error) {\n      const role = refused(error, planned);\n      if (!role) throw error;\n      refusedAt = role.role === 'record' ? current : undefined;\n    }\n  }\n  throw new WriteConflictError(entity.name, key, WRITE_ATTEMPTS);\n}"
  },
  {
    "names": [
      "CreateManyOptions"
    ],
    "text": "/** Options of createMany. */\nexport interface CreateManyOptions {\n  /** Called after each chunk with how many records are written so far and how many there are. */\n  onProgress?: (written: number, total: number) => void;\n  /** The most the whole call may take, retries included (default 60 s); what is not written by then is reported. */\n  maxTimeMs?: number;\n}"
  },
  {
    "names": [
      "CreateManyResult"
    ],
    "text": "/** What createMany did: how many records were written, and each one that was not, with why. */\nexport interface CreateManyResult {\n  written: number;\n  failed: { record: WriteItem; error: Error }[];\n}"
  },
  {
    "names": [
      "BATCH_SIZE",
      "GUARDED_IN_FLIGHT",
      "BACKOFF_BASE_MS",
      "BACKOFF_CAP_MS"
    ],
    "text": "const BATCH_SIZE = 25;\nconst GUARDED_IN_FLIGHT = 8;\nconst BACKOFF_BASE_MS = 50;\nconst BACKOFF_CAP_MS = 5000;"
  },
  {
    "names": [
      "backoff"
    ],
    "text": "/** Exponential backoff with full jitter: a uniform delay in [0, min(cap, base · 2^attempt)). */\nfunction backoff(env: WriteEnv, attempt: number): number {\n  return Math.floor(env.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));\n}"
  },
  {
    "names": [
      "throttled"
    ],
    "text": "/** Whether DynamoDB refused a request for throughput (worth waiting and retrying). */\nfunction throttled(error: unknown): boolean {\n  const e = error as { name?: unknown; CancellationReasons?: { Code?: string }[] } | null;\n  if (e?.name === 'TransactionCanceledException')\n    return (e.CancellationReasons ?? []).some((r) => r?.Code === 'ThrottlingError' || r?.Code === 'ProvisionedThroughputExceeded');\n  return e?.name === 'ProvisionedThroughputExceededException' || e?.name === 'ThrottlingException' || e?.name === 'RequestLimitExceeded';\n}"
  },
  {
    "names": [
      "createManyRecords"
    ],
    "text": "/**\n * Stores many new records. Entities without guards go in BatchWriteItem chunks of 25 (a bulk load:\n * no existence check, a record with the same key is replaced), retrying UnprocessedItems with\n * exponential backoff and full jitter; entities with guards (identity or unique) go through create,\n * a few at a time, so that every guard holds. Never counts a record that was not written.\n */\nasync function createManyRecords(\n  entity: WriteEntity,\n  env: WriteEnv,\n  records: readonly WriteItem[],\n  options: CreateManyOptions = {},\n): Promise<CreateManyResult> {\n  const deadline = env.now() + (options.maxTimeMs ?? 60_000);\n  const result: CreateManyResult = { written: 0, failed: [] };\n  const progress = () => options.onProgress?.(result.written, records.length);\n  if (entity.identityKey || entity.uniqueSets.length > 0) {\n    let next = 0;\n    const worker = async () => {\n      while (next < records.length) {\n        const record = records[next++] as WriteItem;\n        for (let attempt = 0; ; attempt++) {\n          try {\n            await createRecord(entity, env, record);\n            result.written++;\n            progress();\n            break;\n          } catch (error) {\n            if (throttled(error) && env.now() < deadline) {\n              await env.sleep(backoff(env, attempt));\n              continue;\n            }\n            result.failed.push({ record, error: error instanceof Error ? error : new Error(String(error)) });\n            break;\n          }\n        }\n      }\n    };\n    await Promise.all(Array.from({ length: Math.min(GUARDED_IN_FLIGHT, records.length) }, worker));\n    return result;\n  }\n  let reported = 0;\n  const report = () => {\n    if (result.written !== reported) progress();\n    reported = result.written;\n  };\n  const failure = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));\n  for (let start = 0; start < records.length; start += BATCH_SIZE) {\n    // Each record with its item: unprocessed items are matched back to the records they came from,\n    // one each, so that two records with the same key are both told apart.\n    let pending = records.slice(start, start + BATCH_SIZE).map((record) => ({ record, item: entity.toItem(record) }));\n    for (let attempt = 0; pending.length > 0; attempt++) {\n      if (attempt > 0) {\n        if (env.now() >= deadline) break;\n        await env.sleep(backoff(env, attempt - 1));\n      }\n      let unprocessed: typeof pending;\n      try {\n        const left = await env.send({ BatchWrite: { RequestItems: { [env.tableName]: pending.map(({ item }) => ({ PutRequest: { Item: item } })) } } });\n        const requests = (left?.[env.tableName] ?? []) as { PutRequest?: { Item?: WriteItem } }[];\n        const open = [...pending];\n        unprocessed = [];\n        for (const r of requests) {\n          const item = r.PutRequest?.Item;\n          if (!item) continue;\n          const key = tableKeyOf(env, item);\n          const at = open.findIndex((x) => sameKey(tableKeyOf(env, x.item), key));\n          if (at >= 0) unprocessed.push(...open.splice(at, 1));\n        }\n      } catch (error) {\n        if (!throttled(error)) {\n          for (const { record } of pending) result.failed.push({ record, error: failure(error) });\n          pending = [];\n          break;\n        }\n        unprocessed = pending;\n      }\n      result.written += pending.length - unprocessed.length;\n      pending = unprocessed;\n      report();\n    }\n    for (const { record } of pending)\n      result.failed.push({ record, error: new Error('not written: DynamoDB left it unprocessed until the time allowed ran out') });\n  }\n  return result;\n}"
  },
  {
    "names": [
      "StreamAttributeValue"
    ],
    "text": "/** An attribute value as DynamoDB Streams gives it (the low-level form: { S: '…' }, { N: '…' }, { M: {…} }…). */\nexport type StreamAttributeValue = object;"
  },
  {
    "names": [
      "StreamRecordInput"
    ],
    "text": "/**\n * A DynamoDB Streams record, as a Lambda handler receives it or client-dynamodb-streams' GetRecords\n * gives it (the fields decodeStreamRecord reads).\n */\nexport interface StreamRecordInput {\n  eventName?: string | undefined;\n  dynamodb?: { NewImage?: Record<string, StreamAttributeValue> | undefined; OldImage?: Record<string, StreamAttributeValue> | undefined } | undefined;\n}"
  },
  {
    "names": [
      "unmarshallValue"
    ],
    "text": "/** A low-level attribute value as the document client would give it. */\nfunction unmarshallValue(value: StreamAttributeValue): unknown {\n  if ('S' in value) return value.S;\n  if ('N' in value) return Number(value.N);\n  if ('BOOL' in value) return value.BOOL;\n  if ('NULL' in value) return null;\n  if ('M' in value) return unmarshallImage(value.M as Record<string, StreamAttributeValue>);\n  if ('L' in value) return (value.L as StreamAttributeValue[]).map(unmarshallValue);\n  if ('SS' in value) return new Set(value.SS as string[]);\n  if ('NS' in value) return new Set((value.NS as string[]).map(Number));\n  if ('B' in value) return value.B;\n  if ('BS' in value) return new Set(value.BS as unknown[]);\n  throw new TypeError(`not a DynamoDB attribute value: ${JSON.stringify(value)}`);\n}"
  },
  {
    "names": [
      "unmarshallImage"
    ],
    "text": "/** A stream image (low-level attribute values) as an item. */\nfunction unmarshallImage(image: Record<string, StreamAttributeValue>): WriteItem {\n  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, unmarshallValue(value)]));\n}"
  }
];
