// Native (multi-attribute) GSI keys: a chain placed on a GSI becomes a GSI keyed
// on the items' own attributes (DynamoDB, since November 2025: up to 4
// partition-key and 4 sort-key attributes, typed), with the entity attribute
// first in the partition key so each entity has partitions of its own. Entities
// share such a GSI only when their key attribute names and types agree. Where a
// chain cannot be native, it keeps a composite key and the design says why.
import type { Entity, Model } from '../model/types.ts';
import type { NativeKeyAttribute, NativeKeySchema, KeyTemplate } from '../design/types.ts';
import type { Chain } from './coverChains.ts';
import { patternKeyOrder } from '../model/patternKeyOrder.ts';

/** How a layout keys its GSIs: one synthetic string attribute each (`composite`, the default), or the items' own attributes (`native`). */
export type KeysMode = 'composite' | 'native';
export const KEYS_MODES: readonly KeysMode[] = ['composite', 'native'];

/** DynamoDB's limits of a multi-attribute GSI key. */
export const MAX_NATIVE_PARTITION_ATTRIBUTES = 4;
export const MAX_NATIVE_SORT_ATTRIBUTES = 4;

/**
 * The DynamoDB type every item attribute of a name takes, across the model's entities: `S` (strings,
 * dates, datetimes), `N` (numbers), or undefined when a boolean or two types share the name. A native
 * key attribute must have one type on every item, or DynamoDB refuses a write of the other type
 * ("Type mismatch for Index Key"), whichever entity the item is of.
 */
export function attributeKeyTypes(model: Model): Map<string, 'S' | 'N' | undefined> {
  const types = new Map<string, 'S' | 'N' | undefined>();
  for (const entity of model.entities) {
    for (const a of entity.attributes) {
      const t = a.type === 'boolean' ? undefined : a.type === 'number' ? 'N' : 'S';
      types.set(a.name, types.has(a.name) && types.get(a.name) !== t ? undefined : t);
    }
  }
  return types;
}

/** Why a chain on a GSI cannot have native keys, for people; undefined when it can. */
export function nativeProblem(chain: Chain, types: ReadonlyMap<string, 'S' | 'N' | undefined>, model: Model): string | undefined {
  if (chain.collection !== undefined) return 'it is an item collection: its entities share a partition through one composite key';
  // The shard is computed from the record's key, not an attribute of the record: it lives in the composite key.
  if ((chain.template.shards ?? 1) > 1)
    return `it is sharded (${String(chain.template.shards)} shards): the shard component is computed from the record's key, which no attribute of the record holds`;
  if (chain.template.pk.length + 1 > MAX_NATIVE_PARTITION_ATTRIBUTES)
    return `its partition needs ${chain.template.pk.length} attributes besides the entity, and a native key takes ${MAX_NATIVE_PARTITION_ATTRIBUTES - 1}`;
  if (chain.template.sk.length > MAX_NATIVE_SORT_ATTRIBUTES)
    return `its sort key needs ${chain.template.sk.length} attributes, and a native key takes ${MAX_NATIVE_SORT_ATTRIBUTES}`;
  const entity = model.entities.find((e) => e.name === chain.entity);
  // DynamoDB filters only attributes outside the index's key ("Filter Expression can only contain
  // non-primary key attributes"), and a native key is made of the items' attributes.
  const keyed = new Set([...chain.template.pk, ...chain.template.sk]);
  for (const need of chain.needs) {
    for (const name of need.patterns) {
      const pattern = model.patterns.find((p) => p.name === name);
      const filtered = pattern && !pattern.include?.length ? patternKeyOrder(pattern).filter?.attribute : undefined;
      if (filtered !== undefined && keyed.has(filtered)) return `${name} filters on "${filtered}", and DynamoDB filters only attributes outside an index's key`;
    }
  }
  for (const name of [...chain.template.pk, ...chain.template.sk]) {
    const own = entity?.attributes.find((a) => a.name === name);
    if (own?.type === 'boolean') return `"${name}" is a boolean, and a key attribute is a string or a number`;
    if (types.get(name) === undefined) return `entities hold "${name}" with different types (a key attribute has one type on every item)`;
  }
  return undefined;
}

/** The native key schema of a chain: the entity attribute, then its partition attributes; its sort attributes. */
export function nativeSchemaOf(chain: Chain, entityAttribute: string, types: ReadonlyMap<string, 'S' | 'N' | undefined>): Pick<NativeKeySchema, 'pk' | 'sk'> {
  const typed = (name: string): NativeKeyAttribute => ({ name, type: types.get(name) ?? 'S' });
  return { pk: [{ name: entityAttribute, type: 'S' }, ...chain.template.pk.map(typed)], sk: chain.template.sk.map(typed) };
}

/** An entity's template on a native GSI: its name for the entity attribute, then the key attributes themselves. */
export function nativeTemplateOf(entity: Entity, chain: Chain): KeyTemplate {
  return {
    pk: [{ kind: 'literal', text: entity.name }, ...chain.template.pk.map((name) => ({ kind: 'attribute' as const, name }))],
    sk: chain.template.sk.map((name) => ({ kind: 'attribute' as const, name })),
  };
}
