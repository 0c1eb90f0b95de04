// The generated module's writes: every entity's index keys (INDEX_KEYS, which
// toItem reads too), its write entity for the runtime (WRITE_ENTITIES: how a
// record is found, its guards), and the typed helpers create, update, remove
// and the pure builders Writes.E.*, all printed from writes/writePlan.ts. The
// runtime they call is writes/writeRuntime.ts, embedded as it is.
import type { Entity } from '../model/types.ts';
import type { Design, IndexKeySchema, KeyTemplate, Segment } from '../design/types.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import { sparseIndexes } from '../design/sparseIndexes.ts';
import { planWrites, type EntityWritePlan } from '../writes/writePlan.ts';
import { access, comment, prop, q } from './printTs.ts';

/** `['a', 'b']`: a list of names as string literals. */
const names = (list: readonly string[]) => `[${list.map(q).join(', ')}]`;
/** `a User`, `an Order`. */
const an = (name: string) => `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;

export interface WritesContext {
  design: Design;
  /** Emits one line. */
  w: (line?: string) => void;
  typeName: ReadonlyMap<string, string | undefined>;
  /** Allocates an identifier no other declaration takes. */
  allocate: (wanted: string, suffix: string) => string;
  /** A key value from segments, reading `r.<attribute>` (encoded by type). */
  recordExpr: (segments: readonly Segment[], entity: Entity) => string;
  tsType: (entity: Entity, attribute: string) => string;
  templateLine: (index: IndexKeySchema, t: KeyTemplate) => string;
}

/** Names the writes part declares (reserved for generated types). */
export const WRITES_GLOBALS = [
  'INDEX_KEYS',
  'WRITE_ENTITIES',
  'writeEnv',
  'WRITE_TARGET',
  'create',
  'update',
  'remove',
  'add',
  'createMany',
  'Writes',
  'recordOf',
  'decodeStreamRecord',
  'StreamChange',
  'sleep',
  'recordIn',
];

/** INDEX_KEYS: for each entity, every index it is in and the key attributes written for it. toItem writes them. */
export function emitIndexKeys(ctx: WritesContext): void {
  const { design, w } = ctx;
  const model = design.model;
  const sparse = sparseIndexes(design, model);
  w(`/** Every index an entity is in: the record's attributes its key is made of, and the key attributes written on items. */`);
  w(`const INDEX_KEYS: { readonly [E in EntityName]: readonly WriteIndex[] } = {`);
  for (const plan of planWrites(design)) {
    const entity = model.entities.find((e) => e.name === plan.entity);
    if (!entity) continue;
    w(`  ${prop(plan.entity)}: [`);
    for (const ix of plan.indexes) {
      const index = design.indexes.find((i) => i.name === ix.index);
      if (!index) continue;
      w(`    // ${comment(`${ix.index}: ${ctx.templateLine(index, ix.template)}`)}`);
      const sparseOn = sparse.find((s) => s.index === ix.index && s.entity === plan.entity)?.attributes;
      if (sparseOn) w(`    // ${comment(`Sparse: only records that have ${sparseOn.join(' and ')} are in ${ix.index}.`)}`);
      const head = `index: ${q(ix.index)}, attributes: ${names(ix.attributes)}`;
      if (index.keys === 'native') {
        w(`    // ${comment(`Native keys: the record's own attributes, nothing to write; a record lacking one is not in ${ix.index}.`)}`);
        w(`    { ${head}, written: [], keys: () => ({}) },`);
        continue;
      }
      const keys = compositeIndex(index);
      w(`    {`);
      w(`      ${head},`);
      w(`      written: ${names(ix.written)},`);
      w(`      keys: (r) => ({`);
      w(`        ${prop(keys.pkAttribute)}: ${ctx.recordExpr(ix.template.pk, entity)},`);
      w(`        ${prop(keys.skAttribute)}: ${ctx.recordExpr(ix.template.sk, entity)},`);
      w(`      }),`);
      w(`    },`);
    }
    w(`  ],`);
  }
  w(`};`);
}

/** WRITE_ENTITIES and the typed write helpers; `omit`: the write runtime's names they never call. */
export function emitWrites(ctx: WritesContext): { omit: ReadonlySet<string> } {
  const { design, w } = ctx;
  const model = design.model;
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const tableKeys = compositeIndex(table);
  const plans = planWrites(design);
  const entityOf = (name: string) => model.entities.find((e) => e.name === name);
  const typeNames = new Map(
    plans.map((p) => [
      p.entity,
      {
        key: ctx.allocate(`${p.entity}Key`, '_'),
        changes: ctx.allocate(`${p.entity}Changes`, '_'),
        condition: ctx.allocate(`${p.entity}Condition`, '_'),
        counters: ctx.allocate(`${p.entity}Counters`, '_'),
      },
    ]),
  );
  /** Number attributes add may change: outside the key, not the version. */
  const countersOf = (e: Entity, plan: EntityWritePlan) =>
    e.attributes.filter((a) => a.type === 'number' && !a.values && !plan.key.includes(a.name) && a.name !== plan.version);

  w();
  w(`// ---------------------------------------------------------------------------`);
  w(`// Writes: create, update and remove keep every item and index key of a record right`);
  w(`// ---------------------------------------------------------------------------`);
  for (const plan of plans) {
    const e = entityOf(plan.entity);
    const n = typeNames.get(plan.entity);
    if (!e || !n) continue;
    w();
    w(`/** ${comment(`The attributes that identify ${an(plan.entity)}.`)} */`);
    w(`export interface ${n.key} {`);
    for (const a of plan.key) w(`  ${prop(a)}: ${ctx.tsType(e, a)};`);
    w(`}`);
    w(
      `/** ${comment(`What an update of ${an(plan.entity)} may change${e.attributes.some((a) => a.optional) ? ' (null removes an optional attribute)' : ''}${plan.version ? `; ${plan.version} is the version the update expects` : ''}.`)} */`,
    );
    w(`export interface ${n.changes} {`);
    for (const a of e.attributes) {
      if (plan.key.includes(a.name)) continue;
      if (a.name === plan.version) w(`  ${prop(a.name)}: number; // the version the update expects; the update stores it + 1`);
      else w(`  ${prop(a.name)}?: ${ctx.tsType(e, a.name)}${a.optional ? ' | null' : ''};`);
    }
    w(`}`);
    const t = ctx.typeName.get(plan.entity);
    w(`/** ${comment(`A condition on ${an(plan.entity)}: each attribute equal to a value, or meeting a test ({ ge: 2 }, { exists: false }).`)} */`);
    w(`export type ${n.condition} = { [K in keyof ${t}]?: ${t}[K] | AttributeTest<NonNullable<${t}[K]>> };`);
    const counters = countersOf(e, plan);
    if (counters.length > 0) {
      w(`/** ${comment(`Amounts add may add to ${an(plan.entity)}'s number attributes (negative to subtract).`)} */`);
      w(`export interface ${n.counters} {`);
      for (const a of counters) w(`  ${prop(a.name)}?: number;`);
      w(`}`);
    }
  }
  w();
  w(`/** An item's record when it is of this entity; undefined for another entity's item or a guard. */`);
  w(`function recordOf(item: WriteItem, entity: EntityName): WriteItem | undefined {`);
  w(`  const back = fromItem(item);`);
  w(`  return back?.entity === entity ? (back.record as unknown as WriteItem) : undefined;`);
  w(`}`);
  w();
  w(`/** How the write runtime finds, keys and guards each entity's records. */`);
  w(`const WRITE_ENTITIES: { readonly [E in EntityName]: WriteEntity } = {`);
  for (const plan of plans) {
    const e = entityOf(plan.entity);
    if (!e) continue;
    emitWriteEntity(ctx, e, plan, tableKeys.pkAttribute, tableKeys.skAttribute);
  }
  w(`};`);
  w();
  w(`const WRITE_TARGET: WriteTarget = { tableName: TABLE_NAME, tableKey: { pk: ${q(tableKeys.pkAttribute)}, sk: ${q(tableKeys.skAttribute)} } };`);
  w();
  w(`/** The runtime's view of a client: every request it sends, as lib-dynamodb commands. */`);
  w(`function writeEnv(client: DynamoDBDocumentClient): WriteEnv {`);
  w(`  return {`);
  w(`    ...WRITE_TARGET,`);
  w(`    async send(request) {`);
  w(`      if ('Get' in request) return (await client.send(new GetCommand(request.Get))).Item;`);
  w(`      if ('Update' in request) return (await client.send(new UpdateCommand(request.Update))).Attributes;`);
  w(`      if ('BatchWrite' in request) return (await client.send(new BatchWriteCommand(request.BatchWrite))).UnprocessedItems;`);
  w(`      if ('Put' in request) await client.send(new PutCommand(request.Put));`);
  w(`      else if ('Delete' in request) await client.send(new DeleteCommand(request.Delete));`);
  w(`      else await client.send(new TransactWriteCommand(request.TransactWrite));`);
  w(`      return undefined;`);
  w(`    },`);
  w(`    sleep,`);
  w(`    random: Math.random,`);
  w(`    now: Date.now,`);
  w(`  };`);
  w(`}`);
  w();
  w(`/** A timer without DOM or Node typings: batches wait between retries. */`);
  w(`function sleep(ms: number): Promise<void> {`);
  w(`  const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };`);
  w(`  return new Promise((resolve) => timers.setTimeout(resolve, ms));`);
  w(`}`);
  w();
  w(
    `/** Stores a new record and its guards; RecordExistsError when one with its key exists, UniqueConflictError when another holds a unique value (nothing changes). */`,
  );
  w(`export const create = {`);
  for (const plan of plans) {
    const t = ctx.typeName.get(plan.entity);
    w(
      `  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, record: ${t}): Promise<void> => createRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), record as unknown as WriteItem),`,
    );
  }
  w(`};`);
  w(`/** The conditional puts of earlier versions: create under another name. */`);
  w(`export const put = create;`);
  w();
  w(`/**`);
  w(` * Changes a record and every index key made of what changed, and resolves to the record as stored.`);
  w(` * RecordNotFoundError (nothing is created), UniqueConflictError, StaleVersionError (nothing changes).`);
  w(` */`);
  w(`export const update = {`);
  for (const plan of plans) {
    const t = ctx.typeName.get(plan.entity);
    const n = typeNames.get(plan.entity);
    if (!n) continue;
    w(
      `  ${prop(plan.entity)}: async (client: DynamoDBDocumentClient, key: ${n.key}, changes: ${n.changes}, options: { if?: ${n.condition} } = {}): Promise<${t}> =>`,
    );
    w(
      `    (await updateRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem, changes as unknown as WriteItem, options as WriteOptions)) as unknown as ${t},`,
    );
  }
  w(`};`);
  w();
  w(
    `/** Deletes a record and every item stored for it; resolves when there is none. With { if }, only a record that meets it (ConditionFailedError).${plans.some((p) => p.version) ? ' With { version }, only that version (StaleVersionError).' : ''} */`,
  );
  w(`export const remove = {`);
  for (const plan of plans) {
    const n = typeNames.get(plan.entity);
    if (!n) continue;
    const options = plan.version ? `{ version?: number; if?: ${n.condition} }` : `{ if?: ${n.condition} }`;
    w(`  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, key: ${n.key}, options: ${options} = {}): Promise<void> =>`);
    w(`    removeRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem, options as RemoveOptions),`);
  }
  w(`};`);
  const adders = plans.filter((plan) => {
    const e = entityOf(plan.entity);
    return e !== undefined && countersOf(e, plan).length > 0;
  });
  const omit = new Set<string>(adders.length > 0 ? [] : ['addToRecord', 'AddOptions']);
  if (adders.length > 0) {
    w();
    w(`/**`);
    w(` * Atomic counters: adds to number attributes in one request (two concurrent adds both count), and`);
    w(` * resolves to the record as stored. With { if: { stock: { ge: 2 } } }, adding -2 never takes stock below`);
    w(` * zero (ConditionFailedError, nothing changes). Where an index key is made of one of them, it reads first.`);
    w(` */`);
    w(`export const add = {`);
    for (const plan of adders) {
      const t = ctx.typeName.get(plan.entity);
      const n = typeNames.get(plan.entity);
      if (!n) continue;
      const options = plan.version ? `{ version?: number; if?: ${n.condition} }` : `{ if?: ${n.condition} }`;
      w(`  ${prop(plan.entity)}: async (client: DynamoDBDocumentClient, key: ${n.key}, amounts: ${n.counters}, options: ${options} = {}): Promise<${t}> =>`);
      w(
        `    (await addToRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem, amounts as unknown as WriteItem, options as AddOptions)) as unknown as ${t},`,
      );
    }
    w(`};`);
  }
  w();
  w(`/**`);
  w(` * Many new records: BatchWriteItem in chunks of 25 (a bulk load: a record with the same key is replaced),`);
  w(` * retrying unprocessed items with exponential backoff and full jitter within maxTimeMs; entities with`);
  w(` * guard items go through create, a few at a time. Resolves to how many were written and each that was not.`);
  w(` */`);
  w(`export const createMany = {`);
  for (const plan of plans) {
    const t = ctx.typeName.get(plan.entity);
    w(`  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, records: readonly ${t}[], options: CreateManyOptions = {}): Promise<CreateManyResult> =>`);
    w(`    createManyRecords(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), records as unknown as readonly WriteItem[], options),`);
  }
  w(`};`);
  w();
  w(`/** A change of one record, as a stream record tells it. */`);
  w(`export type StreamChange = {`);
  w(`  [E in EntityName]: { eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; entity: E; oldRecord?: EntityRecords[E]; newRecord?: EntityRecords[E] };`);
  w(`}[EntityName];`);
  w();
  w(`/**`);
  w(` * A DynamoDB Streams record (a Lambda event's Records[i]) as the change of a record: its entity, and the`);
  w(` * record before and after as the stream view holds them. Undefined for a guard item or an item of no`);
  w(` * entity of this design, and when the view holds no image for the event (KEYS_ONLY; a REMOVE under`);
  w(` * NEW_IMAGE; an INSERT under OLD_IMAGE). A record whose table key changes shows as a REMOVE and an INSERT.`);
  w(` */`);
  w(`export function decodeStreamRecord(record: StreamRecordInput): StreamChange | undefined {`);
  w(`  const eventName = record.eventName;`);
  w(`  if (eventName !== 'INSERT' && eventName !== 'MODIFY' && eventName !== 'REMOVE') return undefined;`);
  w(`  const oldImage = record.dynamodb?.OldImage;`);
  w(`  const newImage = record.dynamodb?.NewImage;`);
  w(`  const before = oldImage ? recordIn(oldImage) : undefined;`);
  w(`  const after = newImage ? recordIn(newImage) : undefined;`);
  w(`  const entity = (after ?? before)?.entity;`);
  w(`  if (entity === undefined) return undefined;`);
  w(`  return {`);
  w(`    eventName,`);
  w(`    entity,`);
  w(`    ...(before ? { oldRecord: before.record } : {}),`);
  w(`    ...(after ? { newRecord: after.record } : {}),`);
  w(`  } as StreamChange;`);
  w(`}`);
  w();
  w(`/** The record a stream image holds, or undefined for a guard item or an item of no entity of this design. */`);
  w(`function recordIn(image: Record<string, StreamAttributeValue>): AnyRecord | undefined {`);
  w(`  try {`);
  w(`    return fromItem(unmarshallImage(image));`);
  w(`  } catch {`);
  w(`    return undefined;`);
  w(`  }`);
  w(`}`);
  w();
  w(`/**`);
  w(` * Pure builders: the request(s) each write sends, as lib-dynamodb inputs, for callers who send them`);
  w(` * themselves. An update or remove that must read first takes the current record.`);
  w(` */`);
  w(`export const Writes = {`);
  for (const plan of plans) {
    const t = ctx.typeName.get(plan.entity);
    const n = typeNames.get(plan.entity);
    if (!n) continue;
    const we = `WRITE_ENTITIES${access(plan.entity)}`;
    w(`  ${prop(plan.entity)}: {`);
    w(`    create: (record: ${t}): WriteRequest => buildCreate(${we}, WRITE_TARGET, record as unknown as WriteItem).request,`);
    w(`    update: (key: ${n.key}, changes: ${n.changes}, current?: ${t}, condition?: ${n.condition}): WriteRequest =>`);
    w(
      `      buildUpdate(${we}, WRITE_TARGET, key as unknown as WriteItem, changes as unknown as WriteItem, current as unknown as WriteItem | undefined, condition as WriteCondition | undefined),`,
    );
    w(`    remove: (key: ${n.key}, current?: ${t}, condition?: ${n.condition}): WriteRequest =>`);
    w(
      `      buildRemove(${we}, WRITE_TARGET, key as unknown as WriteItem, current as unknown as WriteItem | undefined, condition as WriteCondition | undefined),`,
    );
    w(`  },`);
  }
  w(`};`);
  return { omit };
}

function emitWriteEntity(ctx: WritesContext, e: Entity, plan: EntityWritePlan, pk: string, sk: string): void {
  const { w } = ctx;
  const tableKey = (t: KeyTemplate) => `({ ${prop(pk)}: ${ctx.recordExpr(t.pk, e)}, ${prop(sk)}: ${ctx.recordExpr(t.sk, e)} })`;
  w(`  ${prop(plan.entity)}: {`);
  w(`    name: ${q(plan.entity)},`);
  w(`    keyNames: ${names(plan.key)},`);
  w(`    attributes: ${names(e.attributes.map((a) => a.name))},`);
  w(`    optional: ${names(e.attributes.filter((a) => a.optional).map((a) => a.name))},`);
  w(`    numbers: ${names(e.attributes.filter((a) => a.type === 'number').map((a) => a.name))},`);
  if (plan.version) w(`    version: ${q(plan.version)},`);
  if (plan.ttl) w(`    ttl: ${q(plan.ttl)}, // its guard items expire with it`);
  if (plan.itemKey) {
    w(`    // Its item is found from the key alone.`);
    w(`    itemKey: (r) => ${tableKey(plan.itemKey)},`);
  } else if (plan.identityGuard) {
    w(`    // ${comment(`Its table key holds more than its key: an identity guard item, written in the same transaction, records where it is.`)}`);
    w(`    itemKey: () => undefined,`);
    w(`    identityKey: (r) => ${tableKey(plan.identityGuard)},`);
  }
  w(`    owner: (r) => ${ctx.recordExpr(plan.owner, e)},`);
  w(`    uniqueSets: ${`[${plan.unique.map((u) => names(u.set)).join(', ')}]`},`);
  if (plan.unique.length === 0) w(`    uniqueKeys: () => [],`);
  else {
    w(`    uniqueKeys: (r) => [`);
    for (const u of plan.unique) {
      const holds = u.set.map((a) => `r${access(a)} !== undefined && r${access(a)} !== null`).join(' && ');
      w(`      ...(${holds} ? [{ set: ${names(u.set)}, key: ${tableKey(u.template)} }] : []),`);
    }
    w(`    ],`);
  }
  w(`    indexes: INDEX_KEYS${access(plan.entity)},`);
  w(`    toItem: (r) => toItem(${q(plan.entity)}, r as unknown as ${ctx.typeName.get(plan.entity)}),`);
  w(`    fromItem: (item) => recordOf(item, ${q(plan.entity)}),`);
  w(`  },`);
}
