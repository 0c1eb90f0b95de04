// The sample items of the sample records under a design, made again only for the entities whose
// records or key templates changed. The page makes its own from the records the analysis worker
// sends (items are most of the bytes; cloning 100,000 of them took longer than making them), and the
// worker makes its own for the lint.
import { toItems, type Design, type EntityDesign, type Item, type RecordValue } from '../engine/index.ts';

/** Entity → its records array, the layout its items were keyed under (itemLayout) and the items. */
export interface ItemsCache {
  entries: Map<string, { records: RecordValue[]; layout: string; items: Item[] }>;
}

export function createItemsCache(): ItemsCache {
  return { entries: new Map() };
}

/** Every entity's items, in model order (the records' order), each entity's reused when its records array and layout are the last call's. */
export function itemsOf(design: Design, records: ReadonlyMap<string, RecordValue[]>, cache: ItemsCache): Item[] {
  const kept: ItemsCache['entries'] = new Map();
  const items: Item[] = [];
  try {
    for (const [entity, list] of records) {
      const layout = itemLayout(design, entity);
      const before = cache.entries.get(entity);
      const made = before !== undefined && before.records === list && before.layout === layout ? before.items : toItems(design, entity, list);
      kept.set(entity, { records: list, layout, items: made });
      for (const item of made) items.push(item);
    }
  } finally {
    cache.entries = kept;
  }
  return items;
}

/** Items made ahead for an entity's records under `design` (a long list's, as its parts came): itemsOf takes them as its own. */
export function keepItems(cache: ItemsCache, design: Design, entity: string, records: RecordValue[], items: Item[]): void {
  cache.entries.set(entity, { records, layout: itemLayout(design, entity), items });
}

/** Everything of a design that toItem reads for one entity's records, as text: equal texts key the records alike. */
export function itemLayout(design: Design, entity: string): string {
  // The indexes' part, the same for every entity, written once a design (1,000 patterns: 200 entities a keystroke); then the entity's templates.
  const indexes = indexesText(design);
  const entityDesign = entityDesigns(design).get(entity);
  if (entityDesign === undefined) return indexes + JSON.stringify(design.indexes.map(() => null));
  // The page keeps an unchanged entity's design object across edits (designWire.ts): its part is written again only when the indexes changed.
  const kept = KEYS_TEXTS.get(entityDesign);
  if (kept !== undefined && kept.indexes === indexes) return indexes + kept.text;
  const text = JSON.stringify(design.indexes.map((index) => entityDesign.keys[index.name] ?? null));
  KEYS_TEXTS.set(entityDesign, { indexes, text });
  return indexes + text;
}

/** A design's entity designs by entity name, looked up once a design (a search of the list per entity was 200 × 200 steps). */
const ENTITY_DESIGNS = new WeakMap<Design, Map<string, EntityDesign>>();

function entityDesigns(design: Design): Map<string, EntityDesign> {
  let byName = ENTITY_DESIGNS.get(design);
  if (byName === undefined) {
    byName = new Map();
    // The first of a name, as the search found it.
    for (const e of design.entities) if (!byName.has(e.entity)) byName.set(e.entity, e);
    ENTITY_DESIGNS.set(design, byName);
  }
  return byName;
}

/** An entity design's part of itemLayout, with the indexes' part it was written under. */
const KEYS_TEXTS = new WeakMap<EntityDesign, { indexes: string; text: string }>();

const INDEXES_TEXT = new WeakMap<Design, string>();

function indexesText(design: Design): string {
  let text = INDEXES_TEXT.get(design);
  if (text === undefined) {
    text = JSON.stringify([
      design.entityAttribute,
      design.indexes.map((index) => [
        index.name,
        index.kind,
        index.keys ?? 'composite',
        'pkAttribute' in index ? index.pkAttribute : null,
        'skAttribute' in index ? index.skAttribute : null,
      ]),
    ]);
    INDEXES_TEXT.set(design, text);
  }
  return text;
}
