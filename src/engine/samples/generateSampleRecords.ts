// Seeded sample records for every entity of a model: realistic-looking values
// (by attribute name and type), enumerations respected, unique keys, and
// relations that hold (a child's `via` attributes copy an existing parent's
// key). Deterministic: the same model and options give the same records, byte
// for byte. Linear in the number of records (keys are checked in a Set).
//
// An optional attribute is absent from about 30% of the records (as in the
// conformance harness), drawn from a stream of its own so that the other values
// are the ones the model gives without it; never a key or via attribute.
//
// A literal a pattern fixes an attribute to (FORMAT.md `fixed`) is held by about
// 40% of the records (as in the conformance harness), so such patterns answer
// something; drawn from a stream of its own, and only for an attribute outside
// the key, the via attributes and the unique sets, without an enumeration.
//
// Limits, by design: an entity whose key space is smaller than its count
// (a key of one enumeration, of booleans, of dates past 1,096 days...) gets
// as many records as it has distinct keys. In a belongsTo cycle, the relation
// generated first cannot point at records that do not exist yet: it is filled
// in afterwards when its `via` is not part of the key, else left unrelated.
import type { Attribute, BelongsTo, Entity, Model, Pattern, RecordValue, Scalar } from '../model/types.ts';
import { matchesType } from '../model/matchesType.ts';
import { fixedEntries } from '../model/patternEqualities.ts';
import { attributeKind } from './attributeKind.ts';
import type { AttributeKind } from './attributeKind.ts';
import { createIdSequence } from './createIdSequence.ts';
import { createRandom } from './createRandom.ts';
import type { Random } from './createRandom.ts';
import { generationOrder } from './generationOrder.ts';
import { sampleValue, WIDEN_AT_ATTEMPT } from './sampleValue.ts';
import type { RecordScope, ValueContext } from './sampleValue.ts';

export interface SampleOptions {
  seed: string | number;
  /** Multiplies each entity's `count` (default 1). */
  scale?: number;
  /** Caps every entity's number of records, after `scale` and `counts`. */
  maxPerEntity?: number;
  /** Entity name → exact number of records, instead of its scaled `count`. */
  counts?: Record<string, number>;
  /**
   * What the last call with this cache made (createSampleCache): an entity whose inputs are unchanged
   * (its definition, count, the literals patterns fix its attributes to, the seed, and the parents' key
   * values and id pools it draws from) gets the very records array it got then, not a new one. The
   * records are the same either way; callers must not change them. The cache then holds this call's.
   */
  cache?: SampleCache;
  /**
   * Told of a long list while it is made, every `every` records: the entity and its records so far (the array
   * that grows, and is returned). For a caller that hands them on while the rest are made (the app's worker
   * sends 100,000 in parts, and the page makes their items meanwhile). Only for an entity whose records are
   * final as they are made: none that references itself (its roots are mended afterwards) or that a cycle
   * fills in afterwards; never for a list the cache gives.
   */
  progress?: { every: number; made: (entity: string, records: readonly RecordValue[]) => void };
}

/** An entity's records and what they were made from, kept for the next call. */
interface SampleCacheEntry {
  /** The entity's own inputs, as text: seed, definition, count, fixed literals, relations. */
  signature: string;
  /** What it copies from its parents (made before it), per relation: the parent's records and their key values, in order. */
  parents: readonly ParentValues[];
  /** The id pools (other entities' ids) it drew from while it was made, by attribute; undefined: it looked and found none. */
  pools: ReadonlyMap<string, IdPool | undefined>;
  records: RecordValue[];
  /** The id pools its records offer the entities made after it (idPoolsOf), made once for these records. */
  offers: readonly (readonly [string, IdPool])[];
}

/**
 * A parent's records and the key values a child copies from them (the count first). The values are read only
 * when the records are not the very array of the last call: a cached array is never changed, so its values are.
 */
interface ParentValues {
  list: readonly RecordValue[];
  values: () => readonly unknown[];
}

/** Records reused across generateSampleRecords calls, per entity (typing in a model regenerates only what the change touches). */
export interface SampleCache {
  entries: Map<string, SampleCacheEntry>;
}

export function createSampleCache(): SampleCache {
  return { entries: new Map() };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const samePool = (a: IdPool | undefined, b: IdPool | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.type === b.type && sameList(a.values, b.values));
const sameParent = (a: ParentValues, b: ParentValues): boolean => a.list === b.list || sameList(a.values(), b.values());

/**
 * Whether an entity made with `before`'s inputs would be made the same now: generation is deterministic, so
 * equal own inputs, parents and pools read (the same reads then happen) give equal records.
 */
function unchanged(before: SampleCacheEntry, now: EntryInputs, idPools: IdPools): boolean {
  return (
    before.signature === now.signature &&
    before.parents.length === now.parents.length &&
    before.parents.every((parent, i) => sameParent(parent, now.parents[i] as ParentValues)) &&
    [...before.pools].every(([name, pool]) => samePool(pool, idPools.get(name)))
  );
}

type EntryInputs = Pick<SampleCacheEntry, 'signature' | 'parents'>;

/** Records of an entity that declares no `count`. */
export const DEFAULT_RECORD_COUNT = 20;
/** Tries to find an unused key for one record before giving it up. */
const MAX_ATTEMPTS = 8;
/** Records given up in a row after which the entity's key space counts as exhausted. */
const MAX_CONSECUTIVE_FAILURES = 32;
/** Share of records of a self-referencing entity that are roots (point at no parent). */
const ROOT_CHANCE = 0.25;
/** Records per id when an id in a composite key is drawn from a local pool. */
const LOCAL_POOL_SHARE = 3;
/** Share of records that lack an optional attribute. */
export const ABSENT_CHANCE = 0.3;
/** Share of records that hold one of the literals patterns fix an attribute to. */
export const FIXED_CHANCE = 0.4;

/** A record being made: its attributes' values by slot (slotsOf), undefined where it has none (yet). */
type Slots = (Scalar | undefined)[];

/**
 * Key values as one entry of a Set of keys: two are equal exactly when JSON.stringify of the values is (what
 * this was, and a quarter of the time a 100,000-record entity took): a lone value as itself (null for what
 * JSON writes as null: undefined, NaN, ±Infinity; a Set tells 1 from "1" as JSON does), several as one text
 * in which each value says its type and where it ends (a string's length first), so no two lists share one.
 */
function keyEntry(values: Slots, slots: readonly number[]): Scalar | null {
  if (slots.length === 1) return entryValue(values[slots[0] as number]);
  let text = '';
  for (let i = 0; i < slots.length; i++) {
    const value = entryValue(values[slots[i] as number]);
    text += typeof value === 'string' ? `s${value.length}:${value}` : typeof value === 'number' ? `n${value};` : value === null ? 'z' : value ? 't' : 'f';
  }
  return text;
}

/** A value as JSON tells it apart: numbers by their text (String(n) is JSON's for finite ones, -0 as 0), the rest as null. */
function entryValue(value: Scalar | undefined): Scalar | null {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return null;
  return value;
}

const whole = (n: number | undefined): number | undefined => (n !== undefined && Number.isFinite(n) ? Math.max(0, Math.round(n)) : undefined);

/** How many records an entity gets under these options. */
export function sampleCount(entity: Entity, options: SampleOptions): number {
  const scale = options.scale !== undefined && Number.isFinite(options.scale) && options.scale >= 0 ? options.scale : 1;
  const wanted = whole(options.counts?.[entity.name]) ?? whole((entity.count ?? DEFAULT_RECORD_COUNT) * scale) ?? 0;
  const cap = whole(options.maxPerEntity);
  return cap === undefined ? wanted : Math.min(wanted, cap);
}

interface Relation {
  rel: BelongsTo;
  self: boolean;
  /** [child attribute, parent key attribute], for declared child attributes only. */
  pairs: [string, string][];
  inKey: boolean;
}

/** Values of id-like attributes of entities generated earlier, by attribute name: `Review.userId` draws from `User.userId`. */
type IdPools = Map<string, IdPool>;
interface IdPool {
  type: Attribute['type'];
  values: Scalar[];
}

export function generateSampleRecords(model: Model, options: SampleOptions): Map<string, RecordValue[]> {
  const root = createRandom(options.seed);
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const generated = new Map<string, RecordValue[]>();
  const idPools: IdPools = new Map();
  const deferred: { entity: Entity; relation: Relation }[] = [];
  const cached = new Map<string, SampleCacheEntry>();
  // Each entity's patterns, read once (fixedLiterals): the 1,000-pattern model read every pattern for each of its 200 entities.
  const patternsOf = new Map<string, Pattern[]>();
  for (const pattern of model.patterns) {
    const list = patternsOf.get(pattern.entity);
    if (list === undefined) patternsOf.set(pattern.entity, [pattern]);
    else list.push(pattern);
  }

  for (const entity of generationOrder(model)) {
    const relations: Relation[] = [];
    for (const rel of entity.belongsTo) {
      const parent = byName.get(rel.entity);
      if (!parent) continue;
      const declared = new Set(entity.attributes.map((a) => a.name));
      const pairs: [string, string][] = [];
      rel.via.forEach((v, j) => {
        const parentKey = parent.key[j];
        if (declared.has(v) && parentKey !== undefined) pairs.push([v, parentKey]);
      });
      const relation: Relation = { rel, self: rel.entity === entity.name, pairs, inKey: pairs.some(([v]) => entity.key.includes(v)) };
      if (!relation.self && !generated.has(rel.entity)) {
        // A cycle: the parent comes later. Filled in afterwards when that cannot break key uniqueness.
        if (!relation.inKey) deferred.push({ entity, relation });
        continue;
      }
      relations.push(relation);
    }
    const count = sampleCount(entity, options);
    const literals = fixedLiterals(patternsOf.get(entity.name) ?? [], entity);
    const pools = new Map<string, IdPool | undefined>();
    // Records that change after they are made are never handed on early.
    const final = !relations.some((r) => r.self) && !deferred.some((d) => d.entity === entity);
    const progress = final ? options.progress : undefined;
    // Its random stream is forked only when its records are made: the cache gives most of them.
    const args = { entity, count, relations, generated, idPools, literals, pools, progress };
    const make = () => generateEntity({ ...args, random: root.fork(`entity/${entity.name}`) });
    let records: RecordValue[];
    let offers: SampleCacheEntry['offers'];
    if (options.cache === undefined) {
      records = make();
      offers = idPoolsOf(entity, records);
    } else {
      const entry = cacheEntry(args, String(options.seed));
      const before = options.cache.entries.get(entity.name);
      // An entity a cycle fills in afterwards has its records changed in place: made afresh each time.
      if (before !== undefined && !deferred.some((d) => d.entity === entity) && unchanged(before, entry, idPools)) {
        // The parents' values as this call read them (the last call's may belong to arrays now gone).
        cached.set(entity.name, { ...before, parents: entry.parents });
        ({ records, offers } = before);
      } else {
        records = make();
        offers = idPoolsOf(entity, records);
        cached.set(entity.name, { ...entry, pools, records, offers });
      }
    }
    generated.set(entity.name, records);
    for (const [name, pool] of offers) if (!idPools.has(name)) idPools.set(name, pool);
  }
  if (options.cache !== undefined) options.cache.entries = cached;

  for (const { entity, relation } of deferred) {
    const parents = generated.get(relation.rel.entity) ?? [];
    if (parents.length === 0) continue;
    const random = root.fork(`deferred/${entity.name}/${relation.rel.entity}/${relation.rel.via.join(',')}`);
    for (const record of generated.get(entity.name) ?? []) {
      const parent = random.pick(parents);
      for (const [v, k] of relation.pairs) {
        const value = parent[k];
        if (value !== undefined) Object.defineProperty(record, v, { value, enumerable: true, writable: true, configurable: true });
      }
    }
  }

  return new Map(model.entities.map((e) => [e.name, generated.get(e.name) ?? []]));
}

/**
 * What an entity's records are made from, besides its random stream (forked by its name) and the id
 * pools it reads (recorded while it is made): its own inputs and its parents' key values.
 */
function cacheEntry(args: Omit<EntityArgs, 'random'>, seed: string): EntryInputs {
  const { entity, count, relations, generated, literals } = args;
  const signature = JSON.stringify([seed, entity, count, [...literals], relations.map((r) => [r.rel.entity, r.rel.via, r.self, r.pairs, r.inKey])]);
  const parents = relations
    .filter((r) => !r.self)
    .map((r): ParentValues => {
      const list = generated.get(r.rel.entity) ?? [];
      let values: unknown[] | undefined;
      // The parents in order, by the key values a child copies (which one is picked depends only on how many there are).
      return { list, values: () => (values ??= [list.length, ...list.flatMap((parent) => r.pairs.map(([, k]) => parent[k]))]) };
    });
  return { signature, parents };
}

/**
 * The id pools an entity's records offer those made after it: for each of its id attributes without an
 * enumeration, the values its records hold (an optional attribute may be absent). The first entity to offer
 * a pool for an attribute name gives it.
 */
function idPoolsOf(entity: Entity, records: readonly RecordValue[]): [string, IdPool][] {
  const offers: [string, IdPool][] = [];
  for (const attr of entity.attributes) {
    const kind = attributeKind({ name: attr.name, type: attr.type, entity: entity.name });
    if ((kind !== 'id' && kind !== 'numericId') || attr.values || offers.some(([name]) => name === attr.name)) continue;
    const values = records.flatMap((r) => (Object.hasOwn(r, attr.name) ? [r[attr.name] as Scalar] : []));
    if (values.length > 0) offers.push([attr.name, { type: attr.type, values }]);
  }
  return offers;
}

/**
 * Attribute → the literals the model's patterns fix it to, for the attributes whose values samples may
 * take from them: not in the key, a via or a unique set (their values must stay distinct or point at a
 * parent), without an enumeration (drawn from it already).
 */
function fixedLiterals(patterns: readonly Pattern[], entity: Entity): Map<string, Scalar[]> {
  const kept = new Set([...entity.key, ...entity.belongsTo.flatMap((b) => b.via), ...(entity.unique ?? []).flat()]);
  const literals = new Map<string, Scalar[]>();
  for (const pattern of patterns) {
    for (const [name, value] of fixedEntries(pattern)) {
      const attr = entity.attributes.find((a) => a.name === name);
      if (!attr || attr.values !== undefined || kept.has(name) || !matchesType(value, attr.type)) continue;
      const list = literals.get(name) ?? [];
      if (!list.includes(value)) list.push(value);
      literals.set(name, list);
    }
  }
  return literals;
}

/** The record of these values, its attributes in the entity's order; defined, not assigned, so `__proto__` stays data. */
function recordOf(attributes: readonly Attribute[], slots: readonly number[], values: Slots): RecordValue {
  const record: RecordValue = {};
  for (let i = 0; i < attributes.length; i++) {
    const value = values[slots[i] as number];
    if (value === undefined) continue;
    const { name } = attributes[i] as Attribute;
    if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    else record[name] = value;
  }
  return record;
}

interface EntityArgs {
  entity: Entity;
  count: number;
  random: Random;
  relations: Relation[];
  generated: Map<string, RecordValue[]>;
  idPools: IdPools;
  literals: Map<string, Scalar[]>;
  /** Where the id pools it reads are recorded (for the cache). */
  pools: Map<string, IdPool | undefined>;
  /** SampleOptions.progress, when this entity's records are final as they are made. */
  progress: SampleOptions['progress'];
}

function generateEntity(args: EntityArgs): RecordValue[] {
  const { entity, count, random, relations, generated, idPools, literals, pools, progress } = args;
  const list: RecordValue[] = [];
  const keySet = new Set<Scalar | null>();
  const keyNames = entity.key;
  const declaredKey = keyNames.filter((k) => entity.attributes.some((a) => a.name === k));
  // A record is made in an array, a slot per attribute name (a Map per record was a third of the time).
  const slotOf = new Map<string, number>();
  for (const { name } of entity.attributes) if (!slotOf.has(name)) slotOf.set(name, slotOf.size);
  /** A declared attribute's slot; the last one (always undefined) for a key attribute the entity does not declare. */
  const slot = (name: string): number => slotOf.get(name) ?? slotOf.size;
  const width = slotOf.size + 1;
  const attributeSlots = entity.attributes.map((a) => slot(a.name));
  const keySlots = keyNames.map(slot);
  const attrs = entity.attributes.map((attr) => ({
    attr,
    kind: attributeKind({ name: attr.name, type: attr.type, entity: entity.name }) as AttributeKind,
    token: createIdSequence(random.fork(`ids/${attr.name}`)),
    soleKey: keyNames.length === 1 && keyNames[0] === attr.name,
    inKey: keyNames.includes(attr.name),
    /** For a sole key drawn from another entity's ids: that pool shuffled, and how far it has been used. */
    poolOrder: undefined as Scalar[] | undefined,
    poolNext: 0,
    /** For an id in a composite key with no other entity's ids to draw from: a local pool, so ids repeat across records. */
    localPool: undefined as Scalar[] | undefined,
  }));
  const attrByName = new Map(attrs.map((a) => [a.attr.name, a]));
  const viaNames = new Set(relations.flatMap((r) => r.pairs.map(([v]) => v)));
  /** Own key attributes whose values can be made unique by a token (ids, paths). */
  const uniqueKeyAttrs = new Set(
    attrs.filter((a) => a.inKey && !viaNames.has(a.attr.name) && !a.attr.values && ['id', 'numericId', 'url'].includes(a.kind)).map((a) => a.attr.name),
  );
  // Optional attributes a record may lack: never one of the key or of a relation (validateModel refuses those).
  const fixed = new Set([...keyNames, ...entity.belongsTo.flatMap((b) => b.via)]);
  const mayLack = entity.attributes.filter((a) => a.optional && !fixed.has(a.name)).map((a) => a.name);
  const absence = random.fork('absent');
  const fixedDraw = random.fork('fixed');
  const keyRelations = relations.filter((r) => r.inKey);
  const otherRelations = relations.filter((r) => !r.inKey);
  /** Records whose self-reference is a root, with the relation: their `via` must not name an existing key. */
  const roots: { values: Slots; relation: Relation; index: number }[] = [];

  const ctx: ValueContext = { random, attempt: 0, entity: entity.name, attribute: '', token: () => '', scope: {} };

  const valueFor = (name: string, attempt: number, scope: RecordScope): Scalar => {
    const a = attrByName.get(name);
    if (!a) return `${name}-${random.int(0, 9999)}`;
    const { attr, kind } = a;
    if (attr.values && attr.values.length > 0) return random.pick(attr.values);
    if ((kind === 'id' || kind === 'numericId') && attempt < WIDEN_AT_ATTEMPT) {
      const pool = idPools.get(attr.name);
      pools.set(attr.name, pool);
      if (pool && pool.type === attr.type) {
        if (!a.soleKey) return random.pick(pool.values);
        a.poolOrder ??= random.shuffle(pool.values);
        if (a.poolNext < a.poolOrder.length) return a.poolOrder[a.poolNext++] as Scalar;
      } else if (a.inKey && !a.soleKey) {
        // `userId` in a key [userId, gameTitle]: about three records per id, as a user plays several games.
        if (!a.localPool) {
          const size = Math.max(1, Math.ceil(count / LOCAL_POOL_SHARE));
          a.localPool = [];
          for (let i = 0; i < size; i++) a.localPool.push(sampleValue(kind, { ...ctx, attempt: 0, attribute: attr.name, token: a.token, scope: {} }));
        }
        return random.pick(a.localPool);
      }
    }
    ctx.attempt = attempt;
    ctx.attribute = attr.name;
    ctx.token = a.token;
    ctx.scope = scope;
    return sampleValue(kind, ctx);
  };

  /** Copies a parent's key into the `via` attributes; false when the record is a root of a self-reference. */
  const assignParent = (relation: Relation, values: Slots, attempt: number, scope: RecordScope): boolean => {
    const parents = relation.self ? list : (generated.get(relation.rel.entity) ?? []);
    if (parents.length === 0 || (relation.self && random.chance(ROOT_CHANCE))) {
      for (const [v] of relation.pairs) values[slot(v)] = valueFor(v, Math.max(attempt, relation.self ? WIDEN_AT_ATTEMPT : 0), scope);
      return !relation.self;
    }
    const parent = random.pick(parents);
    for (const [v, k] of relation.pairs) {
      const value = parent[k];
      values[slot(v)] = value !== undefined ? value : valueFor(v, attempt, scope);
    }
    return true;
  };

  const declaredKeySlots = declaredKey.map(slot);
  const literalSlots = [...literals].map(([name, values]) => [slot(name), values] as const);
  const mayLackSlots = mayLack.map(slot);
  const rootOf: Relation[] = [];
  let failures = 0;
  while (list.length < count && failures < MAX_CONSECUTIVE_FAILURES) {
    let found = false;
    let scope: RecordScope = {};
    rootOf.length = 0;
    const values: Slots = new Array<Scalar | undefined>(width).fill(undefined);
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !found; attempt++) {
      if (attempt > 0) values.fill(undefined);
      scope = {};
      rootOf.length = 0;
      for (const relation of keyRelations) if (!assignParent(relation, values, attempt, scope)) rootOf.push(relation);
      for (let i = 0; i < declaredKey.length; i++) {
        if (values[declaredKeySlots[i] as number] !== undefined) continue;
        const name = declaredKey[i] as string;
        // Widen only unique-token attributes when the key has one: `userId`, not `gameTitle`.
        const keepPooled = uniqueKeyAttrs.size > 0 && !uniqueKeyAttrs.has(name);
        values[declaredKeySlots[i] as number] = valueFor(name, keepPooled ? Math.min(attempt, WIDEN_AT_ATTEMPT - 1) : attempt, scope);
      }
      const key = keyEntry(values, keySlots);
      if (declaredKey.length > 0 && keySet.has(key)) continue;
      keySet.add(key);
      found = true;
    }
    if (!found) {
      failures++;
      continue;
    }
    failures = 0;
    for (const relation of otherRelations) if (!assignParent(relation, values, 0, scope)) rootOf.push(relation);
    for (let i = 0; i < attrs.length; i++) {
      const at = attributeSlots[i] as number;
      if (values[at] === undefined) values[at] = valueFor((attrs[i] as (typeof attrs)[number]).attr.name, 0, scope);
    }
    for (const relation of rootOf) roots.push({ values, relation, index: list.length });
    for (const [at, list] of literalSlots) if (fixedDraw.chance(FIXED_CHANCE)) values[at] = fixedDraw.pick(list);
    for (const at of mayLackSlots) if (absence.chance(ABSENT_CHANCE)) values[at] = undefined;
    list.push(recordOf(entity.attributes, attributeSlots, values));
    if (progress !== undefined && list.length % progress.every === 0) progress.made(entity.name, list);
  }

  // A root's `via` was drawn freely; make sure it names no record of this entity (else it would not be a root).
  for (const { values, relation, index } of roots) {
    if (relation.inKey || relation.pairs.length !== keyNames.length) continue;
    const viaSlots = relation.pairs.map(([v]) => slot(v));
    for (let tries = 0; tries < 4 && keySet.has(keyEntry(values, viaSlots)); tries++) {
      for (const [v] of relation.pairs) values[slot(v)] = valueFor(v, WIDEN_AT_ATTEMPT + tries, {});
    }
    const record = list[index];
    if (record)
      for (const [v] of relation.pairs) Object.defineProperty(record, v, { value: values[slot(v)], enumerable: true, writable: true, configurable: true });
  }
  return list;
}
