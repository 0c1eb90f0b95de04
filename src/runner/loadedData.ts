// What a table holds, as a fingerprint of the design and the items it was created and loaded
// under: the table definition (key schema, attribute definitions, GSIs) it was created with,
// the design's key layout document and a hash of the items loaded. A pattern's answer is
// compared with the engine's only when the fingerprint of what the table holds equals that
// of the current design and sample items: an answer compared with data loaded under an older
// design proves nothing (an empty answer "matches" when the new index keys were never written).
import { layoutDocument, designLayout, tableDefinition, type Design, type Item } from '../engine/index.ts';

export interface DataFingerprint {
  /** The CreateTable input's keys and indexes (tableDefinition), as JSON: different means recreate the table. */
  table: string;
  /** The design's key layout document (how every entity's items are keyed), as JSON. */
  layout: string;
  /** A hash of the items (every attribute, in order) and their count. */
  items: string;
}

/** The fingerprint of a table created and loaded (or about to be) with this design and these items. */
export function dataFingerprint(design: Design, tableName: string, items: readonly Item[]): DataFingerprint {
  return { ...designFingerprint(design, tableName), items: itemsHash(items) };
}

/** The design's part of the fingerprint: the table definition and the key layout. */
export function designFingerprint(design: Design, tableName: string): Omit<DataFingerprint, 'items'> {
  return { table: JSON.stringify(tableDefinition(design, tableName)), layout: JSON.stringify(layoutDocument(designLayout(design), design.model.name)) };
}

/** Which part of what a table holds differs from the current design and items. */
export type StalePart = 'table' | 'layout' | 'items';

/**
 * How the table's contents differ from the current design and items: empty when a comparison
 * means something. `loaded` undefined (nothing loaded here) is stale in every part but the table's.
 */
export function staleParts(created: Pick<DataFingerprint, 'table'>, loaded: DataFingerprint | undefined, current: DataFingerprint): StalePart[] {
  const parts: StalePart[] = [];
  if (created.table !== current.table || (loaded !== undefined && loaded.table !== current.table)) parts.push('table');
  if (loaded === undefined || loaded.layout !== current.layout) parts.push('layout');
  if (loaded === undefined || loaded.items !== current.items) parts.push('items');
  return parts;
}

const PART_WORDS: Record<StalePart, string> = {
  table: 'the key schema or the indexes (GSIs)',
  layout: 'the key layout (how items are keyed)',
  items: 'the sample items',
};

/** `the key layout (how items are keyed) and the sample items`. */
export function describeStaleParts(parts: readonly StalePart[]): string {
  const words = parts.map((p) => PART_WORDS[p]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What brings the table back in line: recreate it when its keys or indexes differ, else load the items again. */
export function staleRemedy(parts: readonly StalePart[]): 'recreate' | 'reload' | undefined {
  return parts.includes('table') ? 'recreate' : parts.length > 0 ? 'reload' : undefined;
}

// Hashing 100,000 items takes a moment: one hash per items array.
const hashes = new WeakMap<readonly Item[], string>();

/** Two 32-bit FNV-1a hashes over the items' attributes (names sorted), with the count: finds a change, no signature. */
export function itemsHash(items: readonly Item[]): string {
  const known = hashes.get(items);
  if (known !== undefined) return known;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
  };
  for (const item of items) {
    for (const name of Object.keys(item).sort()) feed(JSON.stringify([name, item[name]]));
    feed('\n');
  }
  const hash = `${items.length}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
  hashes.set(items, hash);
  return hash;
}

/** What the session knows of a table: the definition it was created with, the last complete load, and the items it holds now (after writes), when known. */
export interface TableContents {
  /** tableDefinition JSON the table was created (or confirmed) with. */
  created: string;
  /** The fingerprint of the last complete load; undefined before one. */
  loaded: DataFingerprint | undefined;
  /** The items the table holds as far as known (the load, changed by the writes sent); undefined when not known. */
  items: readonly Item[] | undefined;
}

/** The items to compare answers with, or why no comparison would mean anything. */
export type Verification = { verified: true; items: readonly Item[] } | { verified: false; stale: StalePart[]; remedy: 'recreate' | 'reload' };

/**
 * Whether a pattern's answer on this table can be compared with the engine's: only when the table was
 * created and loaded under the current design and sample items (`sampleItems`: the current items, guard
 * items included) and what it holds is known.
 */
export function verification(design: Design, tableName: string, contents: TableContents, sampleItems: readonly Item[]): Verification {
  const current = dataFingerprint(design, tableName, sampleItems);
  const stale = staleParts({ table: contents.created }, contents.loaded, current);
  if (stale.length === 0 && contents.items === undefined) stale.push('items');
  const remedy = staleRemedy(stale);
  return remedy === undefined && contents.items !== undefined
    ? { verified: true, items: contents.items }
    : { verified: false, stale, remedy: remedy ?? 'reload' };
}
