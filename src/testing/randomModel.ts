// Test helper: seeded random models (mulberry32), valid or nearly so: odd names
// (JavaScript words, `__proto__`, model keywords), every type, enumerations,
// relations, ranges, orders, includes, optional attributes, unique sets, version and
// ttl attributes, the table's settings, literal conditions (fixed) and limits. The parsers'
// fuzz tests and the design's stability properties draw from the same models.
import {
  BILLING_MODES,
  STREAM_VIEWS,
  TABLE_CLASSES,
  type Attribute,
  type AttributeType,
  type Entity,
  type Model,
  type Pattern,
  type RangeOp,
  type Scalar,
  type TableSettings,
} from '../engine/model/types.ts';

/** mulberry32: a tiny seeded PRNG, so that every run sees the same inputs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof prng>;

export const ODD_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'class',
  'function',
  'delete',
  'new',
  'this',
  'return',
  'null',
  'undefined',
  'NaN',
  'true',
  'false',
  'in',
  'and',
  'or',
  'entity',
  'model',
  'source',
  'key',
  'count',
  'belongsTo',
  'via',
  'by',
  'where',
  'order',
  'newest',
  'oldest',
  'first',
  'with',
  'returns',
  'one',
  'many',
  'asc',
  'desc',
  'between',
  'begins_with',
  'string',
  'number',
  'boolean',
  'date',
  'datetime',
  'status',
  'name',
  'data',
  '_',
  'A1',
  'x',
];

const TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'date', 'datetime'];
const TEXT_BITS = ['a', 'Z', ' ', '"', '\\', '#', '\n', '\t', 'é', '😀', '\u2028', '\u0001', '|', '(', ')', ',', '?', '\ud800', '%', '0'];

function randomText(r: Random, max = 12): string {
  let s = '';
  const n = r.int(max);
  for (let i = 0; i < n; i++) s += r.pick(TEXT_BITS);
  return s;
}

function randomName(r: Random, used: Set<string>): string {
  for (;;) {
    const name = r.chance(0.5) ? r.pick(ODD_NAMES) : `${r.pick(['a', 'B', '_', 'item', 'Order'])}${r.int(100)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function randomValue(type: AttributeType, r: Random): Scalar {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  switch (type) {
    case 'string':
      return randomText(r);
    case 'number':
      return r.pick([0, 1, -1, 2.5, -0.125, 9007199254740991, 1e-130, 123456789, 0.1 + 0.2, r.int(1000)]);
    case 'boolean':
      return r.chance(0.5);
    case 'date':
      return `${pad(1990 + r.int(40), 4)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    case 'datetime':
      return `${pad(1990 + r.int(40), 4)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}T${pad(r.int(24))}:${pad(r.int(60))}:${pad(r.int(60))}.${pad(r.int(1000), 3)}Z`;
  }
}

function randomAttribute(r: Random, used: Set<string>, type: AttributeType = r.pick(TYPES)): Attribute {
  const attribute: Attribute = { name: randomName(r, used), type };
  if (r.chance(0.25)) {
    const values: Scalar[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 1 + r.int(4); i++) {
      const v = randomValue(type, r);
      if (!seen.has(`${typeof v}:${String(v)}`)) values.push(v);
      seen.add(`${typeof v}:${String(v)}`);
    }
    attribute.values = values;
  }
  return attribute;
}

export function randomModel(r: Random): Model {
  const entityNames = new Set<string>();
  const entities: Entity[] = [];
  for (let e = 0; e < 1 + r.int(4); e++) {
    const used = new Set<string>();
    const attributes = Array.from({ length: 1 + r.int(5) }, () => randomAttribute(r, used));
    const key = [...new Set([r.pick(attributes).name, r.pick(attributes).name])].slice(0, 1 + r.int(2));
    const entity: Entity = { name: randomName(r, entityNames), attributes, key, belongsTo: [] };
    for (const parent of entities) {
      if (!r.chance(0.4)) continue;
      const via = parent.key.map((k) => randomAttribute(r, used, parent.attributes.find((a) => a.name === k)?.type ?? 'string'));
      via.forEach((a) => {
        delete a.values;
        attributes.push(a);
      });
      entity.belongsTo.push({ entity: parent.name, via: via.map((a) => a.name) });
    }
    if (r.chance(0.5)) entity.count = r.int(100000);
    entities.push(entity);
  }
  const patternNames = new Set<string>();
  const patterns: Pattern[] = [];
  for (let p = 0; p < r.int(6); p++) {
    const entity = r.pick(entities);
    const names = entity.attributes.map((a) => a.name);
    const pattern: Pattern = {
      name: randomName(r, patternNames),
      entity: entity.name,
      equals: [...new Set(names.filter(() => r.chance(0.3)))],
      returns: r.pick(['one', 'many']),
    };
    if (r.chance(0.3)) pattern.text = randomText(r, 30);
    if (r.chance(0.4)) {
      const attribute = r.pick(entity.attributes);
      const ops: RangeOp[] = ['=', '<', '<=', '>', '>=', 'between'];
      if (attribute.type !== 'number' && attribute.type !== 'boolean') ops.push('begins_with');
      pattern.range = { attribute: attribute.name, op: r.pick(ops) };
    }
    if (r.chance(0.4)) {
      const attribute = pattern.range && r.chance(0.6) ? pattern.range.attribute : r.pick(names);
      pattern.order = { attribute, direction: r.pick(['asc', 'desc']) };
    }
    const children = entities.filter((c) => c.belongsTo.some((b) => b.entity === entity.name)).map((c) => c.name);
    if (children.length > 0 && r.chance(0.5)) pattern.include = children.filter(() => r.chance(0.7));
    patterns.push(pattern);
  }
  const model: Model = { name: randomText(r, 20), entities, patterns };
  if (r.chance(0.5)) model.source = randomText(r, 40);
  // Drawn last, so the models above are the ones earlier seeds gave. Never a key or via attribute.
  for (const entity of entities) {
    const fixed = new Set([...entity.key, ...entity.belongsTo.flatMap((b) => b.via)]);
    for (const attribute of entity.attributes) if (!fixed.has(attribute.name) && r.chance(0.3)) attribute.optional = true;
  }
  // Drawn after that, for the same reason: unique sets, version and ttl, the table's settings.
  for (const entity of entities) addEntityExtensions(entity, r);
  if (r.chance(0.4)) model.table = randomTable(r);
  // Drawn after that, for the same reason: literal conditions (fixed) and limits.
  for (const pattern of patterns) addPatternExtensions(pattern, entities, r);
  return model;
}

/** Fixed values (of the attribute's type, among its values; never an equality or the range attribute) and a limit where there is an order. */
function addPatternExtensions(pattern: Pattern, entities: readonly Entity[], r: Random) {
  const entity = entities.find((e) => e.name === pattern.entity);
  if (!entity) return;
  if (r.chance(0.3)) {
    const free = entity.attributes.filter((a) => !pattern.equals.includes(a.name) && a.name !== pattern.range?.attribute);
    const chosen = [...new Set(free.filter(() => r.chance(0.4)).map((a) => a.name))].slice(0, 2);
    // fromEntries defines own properties: an attribute named __proto__ stays data.
    if (chosen.length > 0) {
      pattern.fixed = Object.fromEntries(
        chosen.map((name) => {
          const a = free.find((x) => x.name === name) as Attribute;
          return [name, a.values && a.values.length > 0 ? r.pick(a.values) : randomValue(a.type, r)];
        }),
      );
    }
  }
  if (pattern.order && r.chance(0.3)) pattern.limit = r.pick([1, 1, 2, 3, 10, 1000]);
}

/** Table names, some spelt like the table line's clauses (the text form quotes those). */
const TABLE_NAMES = ['App', 'billing', 'class', 'read', 'pitr', 'table', 'off.on', 'unique', 'My_Table-1.0', '123', 'x'.repeat(255)];

function addEntityExtensions(entity: Entity, r: Random) {
  const names = entity.attributes.map((a) => a.name);
  const keyIdentity = JSON.stringify([...entity.key].sort());
  if (r.chance(0.3)) {
    const sets: string[][] = [];
    const seen = new Set([keyIdentity]);
    for (let i = 0; i < 1 + r.int(3); i++) {
      const set = [...new Set(names.filter(() => r.chance(0.4)))];
      const identity = JSON.stringify([...set].sort());
      if (set.length > 0 && !seen.has(identity)) sets.push(set);
      seen.add(identity);
    }
    if (sets.length > 0) entity.unique = sets;
  }
  const vias = new Set(entity.belongsTo.flatMap((b) => b.via));
  const numbers = entity.attributes.filter((a) => a.type === 'number' && !entity.key.includes(a.name));
  const versions = numbers.filter((a) => !vias.has(a.name) && !a.optional);
  if (versions.length > 0 && r.chance(0.3)) entity.version = r.pick(versions).name;
  if (numbers.length > 0 && r.chance(0.3)) entity.ttl = r.pick(numbers).name;
}

function randomTable(r: Random): TableSettings {
  const table: TableSettings = {};
  if (r.chance(0.6)) table.name = r.pick(TABLE_NAMES);
  if (r.chance(0.6)) table.billing = r.pick(BILLING_MODES);
  if (table.billing === 'provisioned') {
    table.read = 1 + r.int(40000);
    table.write = 1 + r.int(40000);
  }
  if (r.chance(0.4)) table.stream = r.pick(STREAM_VIEWS);
  if (r.chance(0.4)) table.pitr = r.chance(0.5);
  if (r.chance(0.4)) table.deletionProtection = r.chance(0.5);
  if (r.chance(0.4)) table.tableClass = r.pick(TABLE_CLASSES);
  return table;
}
