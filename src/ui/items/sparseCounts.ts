// How many sample items each sparse index holds. An index whose key template
// uses an optional attribute is sparse: an item whose record lacks it has no
// key attributes for that index (composite keys) or lacks one of its key
// attributes (native keys), and is not in it (the engine's sparseIndexes names
// those templates). The counts come from the items themselves: an index holds
// an item when the item has its key attributes (indexKeyOf), as the grid shows.
// Pure: no React; the items panel and the design panel word it.
import { designLayout, isNativeIndex, sparseIndexes } from '../../engine/index.ts';
import type { Design, IndexKeySchema, Item } from '../../engine/index.ts';
import { indexKeyOf } from './indexKeyOf.ts';

export interface SparseCount {
  /** The GSI (`GSI2`). */
  index: string;
  entity: string;
  /** The optional attributes in the index's key template, in key order: an item is in the index only with every one. */
  attributes: string[];
  /** The entity's sample items. */
  total: number;
  /** Those the index holds (the others lack an attribute in `attributes`). */
  held: number;
}

/** One count per sparse (index, entity) template, in the engine's order (index order, then entity order). */
export function sparseCounts(design: Design, items: readonly Item[]): SparseCount[] {
  const counts: SparseCount[] = [];
  const byEntity = new Map<string, { count: SparseCount; index: IndexKeySchema }[]>();
  for (const sparse of sparseIndexes(designLayout(design), design.model)) {
    const index = design.indexes.find((i) => i.name === sparse.index);
    if (index === undefined) continue;
    const count: SparseCount = { index: sparse.index, entity: sparse.entity, attributes: sparse.attributes, total: 0, held: 0 };
    counts.push(count);
    const list = byEntity.get(sparse.entity) ?? [];
    list.push({ count, index });
    byEntity.set(sparse.entity, list);
  }
  if (counts.length === 0) return counts;
  for (const item of items) {
    const entity = item[design.entityAttribute];
    if (typeof entity !== 'string') continue;
    const list = byEntity.get(entity);
    if (list === undefined) continue;
    for (const { count, index } of list) {
      count.total++;
      if (indexKeyOf(item, index) !== undefined) count.held++;
    }
  }
  return counts;
}

/** `rating`, `rating and bio`, `rating, bio and mode`. */
export function attributeList(attributes: readonly string[]): string {
  if (attributes.length <= 1) return attributes.join('');
  return `${attributes.slice(0, -1).join(', ')} and ${attributes[attributes.length - 1] as string}`;
}

/**
 * What an item needs to be in the index, for the grid's note: `GSI1PK and GSI1SK`, or for a native
 * index its attributes with their types: `_type and status as strings and total as a number`.
 */
export function heldAttributesText(index: IndexKeySchema): string {
  if (!isNativeIndex(index)) return attributeList([index.pkAttribute, index.skAttribute]);
  const attributes = [...index.pk, ...index.sk];
  const strings = attributes.filter((a) => a.type === 'S').map((a) => a.name);
  const numbers = attributes.filter((a) => a.type === 'N').map((a) => a.name);
  const group = (names: string[], one: string, many: string) => (names.length === 0 ? [] : [`${attributeList(names)} as ${names.length === 1 ? one : many}`]);
  return [...group(strings, 'a string', 'strings'), ...group(numbers, 'a number', 'numbers')].join(' and ');
}

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * The items panel's note: `GSI2 is sparse: it holds the 41 of 60 Player items that have rating
 * (19 without it are not in it)`.
 */
export function sparseNote(count: SparseCount): string {
  const { index, entity, attributes, total, held } = count;
  const have = `that ${held === 1 ? 'has' : 'have'} ${attributeList(attributes)}`;
  const lacking = total - held;
  const without = attributes.length === 1 ? 'without it' : 'lacking one of them';
  const left =
    lacking === 0
      ? `none lacks ${attributes.length === 1 ? 'it' : 'one'} in this sample`
      : `${numberFormat.format(lacking)} ${without} ${lacking === 1 ? 'is' : 'are'} not in it`;
  return `${index} is sparse: it holds the ${numberFormat.format(held)} of ${numberFormat.format(total)} ${entity} ${total === 1 ? 'item' : 'items'} ${have} (${left})`;
}

/** The share of the entity's sample items the index does not hold: `33%`, `under 1%`, `over 99%` (`0%` with none left out or no items). */
export function leftOutShare(count: SparseCount): string {
  const lacking = count.total - count.held;
  if (count.total === 0 || lacking === 0) return '0%';
  if (lacking === count.total) return '100%';
  const percent = Math.round((lacking / count.total) * 100);
  if (percent === 0) return 'under 1%';
  if (percent === 100) return 'over 99%';
  return `${percent}%`;
}
