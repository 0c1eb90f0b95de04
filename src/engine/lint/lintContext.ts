// What every lint rule reads: the design, its sample records and items (the
// app's own, or the seeded ones the app would make), and lookups by name. Built
// once per lintDesign call.
import { toItem } from '../design/items.ts';
import type { Design, IndexDesign, Item } from '../design/types.ts';
import type { Entity, Model, RecordValue } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { indexEntryBytes } from '../cost/itemSize.ts';
import { writeUnitsOf } from '../cost/writeUnits.ts';

export interface LintOptions {
  /** The sample records by entity (default: generated with `seed`, as the app does). */
  records?: ReadonlyMap<string, readonly RecordValue[]>;
  /** The table's items (default: the records' items, toItem). */
  items?: readonly Item[];
  /** Seed of the generated samples when `records` is not given (default `tablewright`, the app's). */
  seed?: string | number;
}

/** The seed the app's samples use (store/analyzeSource.ts SAMPLE_SEED), so the CLI lints what the app shows. */
export const LINT_SAMPLE_SEED = 'tablewright';

export interface LintContext {
  design: Design;
  model: Model;
  records: ReadonlyMap<string, readonly RecordValue[]>;
  items: readonly Item[];
  /** The items of an entity (by the design's entity attribute), in item order. */
  itemsOf(entity: string): readonly Item[];
  entity(name: string): Entity | undefined;
  index(name: string): IndexDesign | undefined;
  /** `entities[i]` of an entity. */
  entityPath(name: string): string;
  /** `patterns[i]` of a pattern. */
  patternPath(name: string): string;
  /** The patterns whose plans read an entity's items through an index, in model order. */
  readersOf(index: string, entity: string): string[];
  /** The write units of one write of an entity's entry in an index, and the entry's average bytes (the model's itemBytes, else the samples'). */
  entryWrite(entity: string, index: IndexDesign): { units: number; bytes: number };
}

export function lintContext(design: Design, options: LintOptions = {}): LintContext {
  const model = design.model;
  const records = options.records ?? generateSampleRecords(model, { seed: options.seed ?? LINT_SAMPLE_SEED });
  const items = options.items ?? [...records].flatMap(([entity, list]) => list.map((record) => toItem(design, entity, record)));
  const byEntity = new Map<string, Item[]>();
  for (const item of items) {
    const name = item[design.entityAttribute];
    if (typeof name !== 'string') continue;
    const list = byEntity.get(name);
    if (list) list.push(item);
    else byEntity.set(name, [item]);
  }
  const entityAt = new Map(model.entities.map((e, i) => [e.name, i]));
  const patternAt = new Map(model.patterns.map((p, i) => [p.name, i]));
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const indexes = new Map(design.indexes.map((i) => [i.name, i]));
  return {
    design,
    model,
    records,
    items,
    itemsOf: (entity) => byEntity.get(entity) ?? [],
    entity: (name) => entities.get(name),
    index: (name) => indexes.get(name),
    entityPath: (name) => `entities[${entityAt.get(name) ?? -1}]`,
    patternPath: (name) => `patterns[${patternAt.get(name) ?? -1}]`,
    readersOf: (index, entity) => design.patterns.filter((p) => p.steps.some((s) => s.index === index && s.entities.includes(entity))).map((p) => p.pattern),
    entryWrite: (entity, index) => {
      const declared = entities.get(entity)?.itemBytes;
      if (declared !== undefined) return { units: writeUnitsOf(declared), bytes: declared };
      const sizes = (byEntity.get(entity) ?? []).flatMap((item) => {
        const bytes = indexEntryBytes(item, index);
        return bytes === undefined ? [] : [bytes];
      });
      if (sizes.length === 0) return { units: 1, bytes: 0 };
      return { units: mean(sizes.map(writeUnitsOf)), bytes: mean(sizes) };
    },
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A figure for people: thousands grouped, at most one decimal (`3,000`, `12.5`). */
export function figure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 10) / 10;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? `,${grouped}` : '');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
