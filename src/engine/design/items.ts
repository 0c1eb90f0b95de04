// Records ↔ items under a design: an item is the record's own attributes,
// unchanged, plus the key attributes of every index the entity is in and the
// entity name. An attribute a record lacks (an optional one) is left out of
// its item, never stored as undefined or null, and fromItem leaves it out of
// the record. GSI keys are left out when a record lacks one of their
// attributes (a sparse index); table keys are required.
import type { AttributeType, RecordValue, Scalar } from '../model/types.ts';
import { encodeKeyValue, KEY_SEPARATOR } from '../keys/encodeKeyValue.ts';
import { segmentAttributes, shardValue } from '../keys/shards.ts';
import { syntheticKeyAttributes } from './indexKeys.ts';
import type { Design, Item, Segment } from './types.ts';

export function toItem(design: Design, entityName: string, record: RecordValue): Item {
  return itemMaker(design, entityName)(record);
}

/** Each design's item makers, by entity: callers make items one record at a time (writes, costs, the lint). */
const MAKERS = new WeakMap<Design, Map<string, (record: RecordValue) => Item>>();

/**
 * The items of many records of one entity, as toItem makes them, with the entity, its layout and
 * its templates looked up once (the app's 100,000 sample items).
 */
export function toItems(design: Design, entityName: string, records: readonly RecordValue[]): Item[] {
  const make = itemMaker(design, entityName);
  return records.map((record) => make(record));
}

/** toItem for one entity of the design: what it looks up per record, looked up once (and kept with the design). */
function itemMaker(design: Design, entityName: string): (record: RecordValue) => Item {
  let makers = MAKERS.get(design);
  if (makers === undefined) {
    makers = new Map();
    MAKERS.set(design, makers);
  }
  let make = makers.get(entityName);
  if (make === undefined) {
    make = newItemMaker(design, entityName);
    makers.set(entityName, make);
  }
  return make;
}

function newItemMaker(design: Design, entityName: string): (record: RecordValue) => Item {
  const entity = design.model.entities.find((e) => e.name === entityName);
  const layout = design.entities.find((e) => e.entity === entityName);
  if (!entity || !layout) throw new Error(`unknown entity "${entityName}"`);
  const keys = design.indexes.flatMap((index) => {
    const template = layout.keys[index.name];
    // A native GSI's keys are the item's own attributes (and its entity name): nothing to write.
    if (!template || index.keys === 'native') return [];
    return [{ index, template, pk: keyRenderer(template.pk, entity.attributes), sk: keyRenderer(template.sk, entity.attributes) }];
  });
  const { entityAttribute } = design;
  return (record) => {
    const item: Item = {};
    const names = Object.keys(record);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = record[name];
      if (value === undefined || value === null) continue;
      // Defined, not assigned, so an attribute named `__proto__` stays data.
      if (name === '__proto__') Object.defineProperty(item, name, { value, enumerable: true, writable: true, configurable: true });
      else item[name] = value;
    }
    for (let i = 0; i < keys.length; i++) {
      const { index, template, pk: renderPk, sk: renderSk } = keys[i] as (typeof keys)[number];
      const pk = renderPk(record);
      const sk = renderSk(record);
      if (pk === undefined || sk === undefined) {
        if (index.kind === 'table') {
          const missing = [...template.pk, ...template.sk].flatMap(segmentAttributes).find((name) => record[name] === undefined);
          throw new Error(`${entityName} record lacks "${missing ?? '?'}", part of its table key`);
        }
        continue;
      }
      item[index.pkAttribute] = pk;
      item[index.skAttribute] = sk;
    }
    item[entityAttribute] = entityName;
    return item;
  };
}

/** A key value from a template's segments and a record (values encoded by type); undefined when the record lacks one of its attributes. */
export function renderKey(segments: readonly Segment[], record: RecordValue, attributes: readonly { name: string; type: AttributeType }[]): string | undefined {
  return keyRenderer(segments, attributes)(record);
}

/** One segment of a key as renderKey makes it: its fixed text, or how a record gives it. */
type KeyPart = { text: string } | { text?: undefined; of: (record: RecordValue) => string | undefined };

/**
 * renderKey for one template, everything but the record looked up once: a template of literals only is
 * its text; adjacent literals are one part (joined by the separator); an attribute's value is read
 * directly unless its name is one every object inherits (`constructor`, `toString`: then only an own one).
 * The separators go into the fixed texts beside them (`IMAGE#` + value, not `IMAGE` + `#` + value): each
 * `+` makes a string, and the app makes 100,000 items' keys at once.
 */
function keyRenderer(segments: readonly Segment[], attributes: readonly { name: string; type: AttributeType }[]): (record: RecordValue) => string | undefined {
  const parts: KeyPart[] = [];
  for (const s of segments) {
    const last = parts[parts.length - 1];
    if (s.kind === 'literal' && last?.text !== undefined) parts[parts.length - 1] = { text: last.text + KEY_SEPARATOR + s.text };
    else parts.push(keyPart(s, attributes));
  }
  const [first] = parts;
  if (first === undefined) return () => '';
  if (parts.length === 1 && first.text !== undefined) {
    const text = first.text;
    return () => text;
  }
  // The parts with their separators: fixed texts take the separators on either side, two values in a row get one between them.
  // (Two fixed texts are never adjacent: they were joined above.)
  const steps: KeyPart[] = [];
  parts.forEach((part, i) => {
    const lead = i === 0 ? '' : KEY_SEPARATOR;
    if (part.text !== undefined) steps.push({ text: lead + part.text + (i === parts.length - 1 ? '' : KEY_SEPARATOR) });
    else {
      if (lead !== '' && steps[steps.length - 1]?.text === undefined) steps.push({ text: lead });
      steps.push(part);
    }
  });
  return (record) => {
    let key = '';
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as KeyPart;
      const text = step.text ?? step.of(record);
      if (text === undefined) return undefined;
      key += text;
    }
    return key;
  };
}

function keyPart(s: Segment, attributes: readonly { name: string; type: AttributeType }[]): KeyPart {
  if (s.kind === 'literal') return { text: s.text };
  // Write sharding: the shard is picked from the record's key (keys/shards.ts).
  if (s.kind === 'shard') return { of: (record) => shardValue(s, record, attributes) };
  const { name } = s;
  const type = attributes.find((a) => a.name === name)?.type ?? 'string';
  const inherited = name in Object.prototype;
  return {
    of: (record) => {
      const value: Scalar | undefined = !inherited || Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
      return present(value) ? encodeKeyValue(type, value, name) : undefined;
    },
  };
}

export function fromItem(design: Design, item: Item): { entity: string; record: RecordValue } {
  const entity = item[design.entityAttribute];
  if (typeof entity !== 'string') throw new Error(`item has no "${design.entityAttribute}" attribute naming its entity`);
  const drop = new Set([design.entityAttribute, ...design.indexes.flatMap(syntheticKeyAttributes)]);
  // fromEntries defines own properties, so an attribute named `__proto__` stays data.
  const record: RecordValue = Object.fromEntries(Object.entries(item).filter(([k, v]) => !drop.has(k) && present(v)));
  return { entity, record };
}

/** A value a record holds: an absent attribute may come as undefined or null from outside (a form, JSON, a NULL item attribute). */
function present(value: Scalar | null | undefined): value is Scalar {
  return value !== undefined && value !== null;
}
