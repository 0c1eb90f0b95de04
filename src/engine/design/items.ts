// Records ↔ items under a design: an item is the record's own attributes,
// unchanged, plus the key attributes of every index the entity is in and the
// entity name. An attribute a record lacks (an optional one) is left out of
// its item, never stored as undefined or null, and fromItem leaves it out of
// the record. GSI keys are left out when a record lacks one of their
// attributes (a sparse index); table keys are required.
import type { RecordValue, Scalar } from '../model/types.ts';
import { encodeKeyValue, KEY_SEPARATOR } from '../keys/encodeKeyValue.ts';
import { segmentAttributes, shardValue } from '../keys/shards.ts';
import { syntheticKeyAttributes } from './indexKeys.ts';
import type { Design, Item, Segment } from './types.ts';

export function toItem(design: Design, entityName: string, record: RecordValue): Item {
  return itemMaker(design, entityName)(record);
}

/**
 * The items of many records of one entity, as toItem makes them, with the entity, its layout and
 * its templates looked up once (the app's 100,000 sample items).
 */
export function toItems(design: Design, entityName: string, records: readonly RecordValue[]): Item[] {
  const make = itemMaker(design, entityName);
  return records.map((record) => make(record));
}

/** toItem for one entity of the design: what it looks up per record, looked up once. */
function itemMaker(design: Design, entityName: string): (record: RecordValue) => Item {
  const entity = design.model.entities.find((e) => e.name === entityName);
  const layout = design.entities.find((e) => e.entity === entityName);
  if (!entity || !layout) throw new Error(`unknown entity "${entityName}"`);
  const keys = design.indexes.flatMap((index) => {
    const template = layout.keys[index.name];
    // A native GSI's keys are the item's own attributes (and its entity name): nothing to write.
    return !template || index.keys === 'native' ? [] : [{ index, template }];
  });
  return (record) => {
    const item: Item = {};
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (!present(value)) continue;
      // Defined, not assigned, so an attribute named `__proto__` stays data.
      if (name === '__proto__') Object.defineProperty(item, name, { value, enumerable: true, writable: true, configurable: true });
      else item[name] = value;
    }
    for (const { index, template } of keys) {
      const pk = renderKey(template.pk, record, entity.attributes);
      const sk = renderKey(template.sk, record, entity.attributes);
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
    item[design.entityAttribute] = entityName;
    return item;
  };
}

/** A key value from a template's segments and a record (values encoded by type); undefined when the record lacks one of its attributes. */
export function renderKey(segments: readonly Segment[], record: RecordValue, attributes: readonly { name: string; type: import('../model/types.ts').AttributeType }[]): string | undefined {
  const parts: string[] = [];
  for (const s of segments) {
    if (s.kind === 'literal') {
      parts.push(s.text);
      continue;
    }
    if (s.kind === 'shard') {
      // Write sharding: the shard is picked from the record's key (keys/shards.ts).
      const shard = shardValue(s, record, attributes);
      if (shard === undefined) return undefined;
      parts.push(shard);
      continue;
    }
    const value: Scalar | undefined = Object.prototype.hasOwnProperty.call(record, s.name) ? record[s.name] : undefined;
    if (!present(value)) return undefined;
    const type = attributes.find((a) => a.name === s.name)?.type ?? 'string';
    parts.push(encodeKeyValue(type, value, s.name));
  }
  return parts.join(KEY_SEPARATOR);
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
