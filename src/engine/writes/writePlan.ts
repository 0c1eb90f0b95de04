// What a write must keep right for each entity, read off the public design: the
// item's key in every index (and which of the record's attributes make it), how
// a record is found from its key (its own table key, or an identity guard item
// when the table key holds more than the key), and a guard item per unique set.
// The generated module prints it (codegen/writesCode.ts); writeEntities.ts makes
// the same runtime entities in memory for the app.
import { syntheticKeyAttributes } from '../design/indexKeys.ts';
import type { Design, KeyTemplate, Segment } from '../design/types.ts';
import { segmentAttributes } from '../keys/shards.ts';
import { tableSettings } from '../design/tableSettings.ts';

/** Guard items' partition keys start with `$id#` or `$unique#`: no encoded value or literal can (literals hold no `$`; an encoded value's `$` is followed by a character from `@` to `d`). */
export const IDENTITY_GUARD = '$id';
export const UNIQUE_GUARD = '$unique';

/** Whether a table partition key value is a guard item's. */
export function isGuardKey(pk: unknown): boolean {
  return typeof pk === 'string' && (pk.startsWith(`${IDENTITY_GUARD}#`) || pk.startsWith(`${UNIQUE_GUARD}#`));
}

export interface IndexWrite {
  index: string;
  /** The record's attributes the index's key is made of, once each, in template order. */
  attributes: string[];
  /** The key attributes written on items: a composite index's two; none for a native GSI (its keys are the record's own). */
  written: string[];
  template: KeyTemplate;
}

export interface EntityWritePlan {
  entity: string;
  label: string;
  key: string[];
  /** The table key's template when the key alone makes it (the item is found without reading); else undefined. */
  itemKey?: KeyTemplate;
  /** The identity guard's key template (`$id#LABEL#{key}`, `$id`), when the table key holds more than the key. */
  identityGuard?: KeyTemplate;
  /** What unique guards record as their holder: `LABEL#{key}`. */
  owner: Segment[];
  /** One guard per unique set: `$unique#LABEL#a+b#{a}#{b}`, `$unique`. */
  unique: { set: string[]; template: KeyTemplate }[];
  version?: string;
  /** The table's time-to-live attribute, when this entity's records expire through it (guards carry it too). */
  ttl?: string;
  /** Every index the entity is in, the table first. */
  indexes: IndexWrite[];
}

const literal = (text: string): Segment => ({ kind: 'literal', text });
const attribute = (name: string): Segment => ({ kind: 'attribute', name });

/** The attribute names a template is made of, once each, in order. */
export function templateAttributes(t: KeyTemplate): string[] {
  return [...new Set([...t.pk, ...t.sk].flatMap(segmentAttributes))];
}

export function planWrites(design: Design): EntityWritePlan[] {
  const plans: EntityWritePlan[] = [];
  const settings = tableSettings(design);
  for (const entity of design.model.entities) {
    const layout = design.entities.find((e) => e.entity === entity.name);
    const table = design.indexes[0];
    const tableTemplate = table ? layout?.keys[table.name] : undefined;
    if (!layout || !tableTemplate) continue;
    const byKeyAlone = templateAttributes(tableTemplate).every((a) => entity.key.includes(a));
    const indexes: IndexWrite[] = [];
    for (const index of design.indexes) {
      const template = layout.keys[index.name];
      if (!template) continue;
      indexes.push({ index: index.name, attributes: templateAttributes(template), written: syntheticKeyAttributes(index), template });
    }
    const plan: EntityWritePlan = {
      entity: entity.name,
      label: layout.label,
      key: [...entity.key],
      owner: [literal(layout.label), ...entity.key.map(attribute)],
      unique: (entity.unique ?? []).map((set) => ({
        set: [...set],
        template: { pk: [literal(UNIQUE_GUARD), literal(layout.label), literal(set.join('+')), ...set.map(attribute)], sk: [literal(UNIQUE_GUARD)] },
      })),
      indexes,
    };
    if (byKeyAlone) plan.itemKey = tableTemplate;
    else plan.identityGuard = { pk: [literal(IDENTITY_GUARD), literal(layout.label), ...entity.key.map(attribute)], sk: [literal(IDENTITY_GUARD)] };
    if (entity.version !== undefined) plan.version = entity.version;
    if (settings.ttlAttribute !== undefined && settings.ttlEntities.includes(entity.name)) plan.ttl = settings.ttlAttribute;
    plans.push(plan);
  }
  return plans;
}
