// An index's key attributes, whatever its kind: the one place that tells
// composite keys (one synthetic string attribute each: `PK`, `SK`) from native
// ones (the items' own attributes, several each, typed). Readers that only need
// the names (grids, paging, which items an index holds) ask here.
import type { CompositeKeySchema, IndexKeySchema, NativeKeySchema } from './types.ts';

export function isNativeIndex<T extends IndexKeySchema>(index: T): index is Extract<T, NativeKeySchema> {
  return index.keys === 'native';
}

export function isCompositeIndex<T extends IndexKeySchema>(index: T): index is Extract<T, CompositeKeySchema> {
  return index.keys !== 'native';
}

/** The attribute names of an index's partition key and sort key, in key order. */
export function indexKeyAttributes(index: IndexKeySchema): { pk: string[]; sk: string[] } {
  return index.keys === 'native' ? { pk: index.pk.map((a) => a.name), sk: index.sk.map((a) => a.name) } : { pk: [index.pkAttribute], sk: [index.skAttribute] };
}

/** Every key attribute name of an index: the partition key's, then the sort key's. */
export function indexKeyNames(index: IndexKeySchema): string[] {
  const { pk, sk } = indexKeyAttributes(index);
  return [...pk, ...sk];
}

/** The attributes a composite index writes on items (a native one writes none: its keys are the items' own attributes). */
export function syntheticKeyAttributes(index: IndexKeySchema): string[] {
  return index.keys === 'native' ? [] : [index.pkAttribute, index.skAttribute];
}

/** The key schema alone (name, kind, key attributes), without what a design adds to an index. */
export function keySchemaOf(index: IndexKeySchema): IndexKeySchema {
  return index.keys === 'native'
    ? { name: index.name, kind: 'gsi', keys: 'native', pk: index.pk.map((a) => ({ ...a })), sk: index.sk.map((a) => ({ ...a })) }
    : { name: index.name, kind: index.kind, pkAttribute: index.pkAttribute, skAttribute: index.skAttribute };
}

/** `PK, SK` or `_type, status / createdAt`: an index's key attributes for people. */
export function indexKeyText(index: IndexKeySchema): string {
  if (index.keys !== 'native') return `${index.pkAttribute}, ${index.skAttribute}`;
  return `${index.pk.map((a) => a.name).join(' + ')}${index.sk.length ? ` / ${index.sk.map((a) => a.name).join(' + ')}` : ''}`;
}

/** The index as a composite one, for code that only composite keys reach (the table, a GetItem); a native one is a bug there. */
export function compositeIndex<T extends IndexKeySchema>(index: T): Extract<T, CompositeKeySchema> {
  if (index.keys === 'native') throw new Error(`${index.name} has native keys here, where only composite keys can be`);
  return index as Extract<T, CompositeKeySchema>;
}
