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
export const WRITES_GLOBALS = ['INDEX_KEYS', 'WRITE_ENTITIES', 'writeEnv', 'WRITE_TARGET', 'create', 'update', 'remove', 'Writes', 'recordOf'];

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

/** WRITE_ENTITIES and the typed write helpers. */
export function emitWrites(ctx: WritesContext): void {
  const { design, w } = ctx;
  const model = design.model;
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const tableKeys = compositeIndex(table);
  const plans = planWrites(design);
  const entityOf = (name: string) => model.entities.find((e) => e.name === name);
  const typeNames = new Map(plans.map((p) => [p.entity, { key: ctx.allocate(`${p.entity}Key`, '_'), changes: ctx.allocate(`${p.entity}Changes`, '_') }]));

  w();
  w(`// ---------------------------------------------------------------------------`);
  w(`// Writes: create, update and remove keep every item and index key of a record right`);
  w(`// ---------------------------------------------------------------------------`);
  for (const plan of plans) {
    const e = entityOf(plan.entity);
    const n = typeNames.get(plan.entity);
    if (!e || !n) continue;
    w();
    w(`/** ${comment(`The attributes that identify a ${plan.entity}.`)} */`);
    w(`export interface ${n.key} {`);
    for (const a of plan.key) w(`  ${prop(a)}: ${ctx.tsType(e, a)};`);
    w(`}`);
    w(`/** ${comment(`What an update of a ${plan.entity} may change${e.attributes.some((a) => a.optional) ? ' (null removes an optional attribute)' : ''}${plan.version ? `; ${plan.version} is the version the update expects` : ''}.`)} */`);
    w(`export interface ${n.changes} {`);
    for (const a of e.attributes) {
      if (plan.key.includes(a.name)) continue;
      if (a.name === plan.version) w(`  ${prop(a.name)}: number; // the version the update expects; the update stores it + 1`);
      else w(`  ${prop(a.name)}?: ${ctx.tsType(e, a.name)}${a.optional ? ' | null' : ''};`);
    }
    w(`}`);
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
  w(`      if ('Put' in request) await client.send(new PutCommand(request.Put));`);
  w(`      else if ('Delete' in request) await client.send(new DeleteCommand(request.Delete));`);
  w(`      else await client.send(new TransactWriteCommand(request.TransactWrite));`);
  w(`      return undefined;`);
  w(`    },`);
  w(`  };`);
  w(`}`);
  w();
  w(`/** Stores a new record and its guards; RecordExistsError when one with its key exists, UniqueConflictError when another holds a unique value (nothing changes). */`);
  w(`export const create = {`);
  for (const plan of plans) {
    const t = ctx.typeName.get(plan.entity);
    w(`  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, record: ${t}): Promise<void> => createRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), record as unknown as WriteItem),`);
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
    w(`  ${prop(plan.entity)}: async (client: DynamoDBDocumentClient, key: ${n.key}, changes: ${n.changes}): Promise<${t}> =>`);
    w(`    (await updateRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem, changes as unknown as WriteItem)) as unknown as ${t},`);
  }
  w(`};`);
  w();
  w(`/** Deletes a record and every item stored for it; resolves when there is none.${plans.some((p) => p.version) ? ' With { version }, only that version (StaleVersionError).' : ''} */`);
  w(`export const remove = {`);
  for (const plan of plans) {
    const n = typeNames.get(plan.entity);
    if (!n) continue;
    if (plan.version) {
      w(`  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, key: ${n.key}, options: { version?: number } = {}): Promise<void> =>`);
      w(`    removeRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem, options.version),`);
    } else {
      w(`  ${prop(plan.entity)}: (client: DynamoDBDocumentClient, key: ${n.key}): Promise<void> => removeRecord(WRITE_ENTITIES${access(plan.entity)}, writeEnv(client), key as unknown as WriteItem),`);
    }
  }
  w(`};`);
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
    w(`    update: (key: ${n.key}, changes: ${n.changes}, current?: ${t}): WriteRequest =>`);
    w(`      buildUpdate(${we}, WRITE_TARGET, key as unknown as WriteItem, changes as unknown as WriteItem, current as unknown as WriteItem | undefined),`);
    w(`    remove: (key: ${n.key}, current?: ${t}): WriteRequest => buildRemove(${we}, WRITE_TARGET, key as unknown as WriteItem, current as unknown as WriteItem | undefined),`);
    w(`  },`);
  }
  w(`};`);
}

function emitWriteEntity(ctx: WritesContext, e: Entity, plan: EntityWritePlan, pk: string, sk: string): void {
  const { w } = ctx;
  const tableKey = (t: KeyTemplate) => `({ ${prop(pk)}: ${ctx.recordExpr(t.pk, e)}, ${prop(sk)}: ${ctx.recordExpr(t.sk, e)} })`;
  w(`  ${prop(plan.entity)}: {`);
  w(`    name: ${q(plan.entity)},`);
  w(`    keyNames: ${names(plan.key)},`);
  w(`    attributes: ${names(e.attributes.map((a) => a.name))},`);
  if (plan.version) w(`    version: ${q(plan.version)},`);
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

