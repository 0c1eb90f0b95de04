// Items at the size the model says to assume (FORMAT.md `itemBytes`: "the average item size to
// assume instead of the size of sample records", for attributes not modelled). Each sample
// record of such an entity gets one filler string attribute, so that its item (toItem: the
// record, the key attributes, the entity attribute) is exactly `itemBytes` by itemSize.ts's
// count; a record whose item is already larger is left as it is (never shrunk) and counted.
// The filler is on the record, so the items built from it, the GSI entries (ALL projection)
// and the items the write runtime puts all carry it. Estimates only: the proof against
// DynamoDB Local uses the unpadded samples.
import { toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import type { RecordValue } from '../model/types.ts';
import { utf8Length } from '../model/utf8Length.ts';
import { itemBytes } from './itemSize.ts';

/** The filler's name: one byte, and no model attribute can have it (names are ASCII identifiers). */
export const FILLER_ATTRIBUTE = '$';

/** What padding did to one entity that declares `itemBytes`. */
export interface AssumedSize {
  entity: string;
  /** The declared item size. */
  itemBytes: number;
  records: number;
  /** Records given a filler (their item is now exactly itemBytes). */
  padded: number;
  /** Records whose item was already larger than itemBytes, left as they are. */
  larger: number;
  /** The items' average size before and after. */
  sampleAverage: number;
  average: number;
}

export interface AssumedItems {
  /** Every entity's records, those of entities with itemBytes padded. */
  records: Map<string, RecordValue[]>;
  /** The records' items, in the records' order. */
  items: Item[];
  /** One per entity that declares itemBytes (and has records). */
  sizes: AssumedSize[];
}

/** The record with a filler making its item `bytes` long, or the record itself when its item is that long or longer. */
export function padRecord(design: Design, entity: string, record: RecordValue, bytes: number): RecordValue {
  const gap = bytes - itemBytes(toItem(design, entity, record));
  const filler = gap - utf8Length(FILLER_ATTRIBUTE);
  if (gap <= 0 || filler < 0) return record;
  return { ...record, [FILLER_ATTRIBUTE]: 'x'.repeat(filler) };
}

/** The sample records and their items at the sizes the model declares (entity.itemBytes), the others as they are. */
export function assumedItems(design: Design, records: ReadonlyMap<string, readonly RecordValue[]>): AssumedItems {
  const out = new Map<string, RecordValue[]>();
  const items: Item[] = [];
  const sizes: AssumedSize[] = [];
  for (const [entity, list] of records) {
    const declared = design.model.entities.find((e) => e.name === entity)?.itemBytes;
    if (declared === undefined) {
      out.set(entity, [...list]);
      for (const record of list) items.push(toItem(design, entity, record));
      continue;
    }
    const padded = list.map((record) => padRecord(design, entity, record, declared));
    out.set(entity, padded);
    const before = list.map((record) => itemBytes(toItem(design, entity, record)));
    const after = padded.map((record) => toItem(design, entity, record));
    items.push(...after);
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
    if (list.length > 0) {
      sizes.push({
        entity,
        itemBytes: declared,
        records: list.length,
        padded: padded.filter((r, i) => r !== list[i]).length,
        larger: before.filter((b) => b > declared).length,
        sampleAverage: mean(before),
        average: mean(after.map(itemBytes)),
      });
    }
  }
  return { records: out, items, sizes };
}
