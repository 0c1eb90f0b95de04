// The backfill of a migration, one item at a time: the UpdateItem that gives an
// item stored under the design `from` the key attributes the design `to` needs
// (and takes away those of templates `to` dropped), as a lib-dynamodb input.
// Pure: the runner scans the table, sends these, and on a refused condition
// reads the item again and asks anew.
//
// The write is conditional, so it never undoes what the application wrote since
// the item was read (UpdateItem with a ConditionExpression, developer guide
// "Condition expressions":
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html):
// - the item still exists (`attribute_exists` of the table's partition key): an
//   UpdateItem on a missing key creates the item, which would bring a deleted
//   record back;
// - it is still of the entity read, and every attribute the new keys are made
//   of still has the value read (or is still absent): a key computed from values
//   that changed meanwhile would be wrong;
// - every attribute it sets or removes is still as read (absent, or the old
//   value): the application's new module writes those keys itself, so a newer
//   write has already put them right.
// Every name and value goes through placeholders (`#n0`, `:v0`); a key attribute
// may appear in a condition but never in an UpdateExpression, and the table key
// cannot change (a plan whose table key templates differ is impossible).
import type { Scalar } from '../model/types.ts';
import { fromItem, toItem } from '../design/items.ts';
import { indexKeyAttributes, syntheticKeyAttributes } from '../design/indexKeys.ts';
import type { Design, Item, KeyTemplate } from '../design/types.ts';
import { segmentAttributes } from '../keys/shards.ts';
import { isGuardKey } from '../writes/writePlan.ts';
import { isDesignMetadataKey } from './designMetadata.ts';

/** An UpdateItem input, shaped as @aws-sdk/lib-dynamodb's `UpdateCommandInput`. */
export interface BackfillUpdate {
  TableName: string;
  Key: Record<string, string>;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, Scalar>;
}

export interface BackfillOptions {
  /** The table the update goes to (default `to.tableName`). */
  tableName?: string;
}

/**
 * The update an item stored under `from` needs to be stored as `to` stores it, or undefined when it
 * already is, or holds no record (a guard item or the design-metadata item: no entity name), or its entity is not in `to`.
 * Throws when `to` would move the item to another table key (UpdateItem cannot; such a plan is impossible).
 */
export function backfillUpdate(from: Design, to: Design, item: Item, options: BackfillOptions = {}): BackfillUpdate | undefined {
  const table = to.indexes[0];
  if (!table || table.keys === 'native') return undefined;
  const {
    pk: [pkName = ''],
    sk: [skName = ''],
  } = indexKeyAttributes(table);
  if (isGuardKey(item[pkName]) || isDesignMetadataKey(item[pkName])) return undefined;
  // A guard item names no entity; an item the new module wrote may name it only in `to`'s attribute.
  const decoded =
    typeof item[from.entityAttribute] === 'string' ? fromItem(from, item) : typeof item[to.entityAttribute] === 'string' ? fromItem(to, item) : undefined;
  if (!decoded) return undefined;
  const { entity } = decoded;
  const fromEntity = from.entities.find((e) => e.entity === entity);
  const toEntity = to.entities.find((e) => e.entity === entity);
  if (!toEntity) return undefined;
  // The record: the item less what either design writes beside its attributes (key attributes, entity name).
  const { record } = fromItem(to, { ...decoded.record, [to.entityAttribute]: entity });
  const managed = [
    ...new Set([...to.indexes.flatMap(syntheticKeyAttributes), ...from.indexes.flatMap(syntheticKeyAttributes), to.entityAttribute, from.entityAttribute]),
  ];
  const managedSet = new Set(managed);
  const target = toItem(to, entity, record);
  if (target[pkName] !== item[pkName] || target[skName] !== item[skName]) {
    throw new Error(
      `${entity} item ${JSON.stringify([item[pkName], item[skName]])} would move to another table key under the new design: a table's key cannot change`,
    );
  }

  const has = (source: Item, name: string) => Object.hasOwn(source, name) && source[name] !== undefined;
  const set = managed.filter((name) => name !== pkName && name !== skName && has(target, name) && target[name] !== item[name]);
  const remove = managed.filter((name) => !has(target, name) && has(item, name));
  if (set.length === 0 && remove.length === 0) return undefined;

  // The record attributes the touched keys are made of: the new template's, or the dropped one's.
  const touched = new Set([...set, ...remove]);
  const sources = new Set<string>();
  const addSources = (template: KeyTemplate | undefined) => {
    for (const segment of [...(template?.pk ?? []), ...(template?.sk ?? [])]) for (const name of segmentAttributes(segment)) sources.add(name);
  };
  for (const [design, layout] of [
    [to, toEntity],
    [from, fromEntity],
  ] as const) {
    for (const index of design.indexes) {
      if (syntheticKeyAttributes(index).some((name) => touched.has(name))) addSources(layout?.keys[index.name]);
    }
  }

  const names = new Placeholders('#n');
  const values = new Placeholders(':v');
  const asRead = (name: string) => (has(item, name) ? `${names.of(name)} = ${values.of(item[name] as Scalar)}` : `attribute_not_exists(${names.of(name)})`);
  const conditions = [
    `attribute_exists(${names.of(pkName)})`,
    `${names.of(has(item, from.entityAttribute) ? from.entityAttribute : to.entityAttribute)} = ${values.of(entity)}`,
    ...[...sources].filter((name) => !managedSet.has(name)).map(asRead),
    ...[...touched].map(asRead),
  ];
  const clauses = [
    ...(set.length ? [`SET ${set.map((name) => `${names.of(name)} = ${values.of(target[name] as Scalar)}`).join(', ')}`] : []),
    ...(remove.length ? [`REMOVE ${remove.map((name) => names.of(name)).join(', ')}`] : []),
  ];
  return {
    TableName: options.tableName ?? to.tableName,
    Key: { [pkName]: item[pkName] as string, [skName]: item[skName] as string },
    UpdateExpression: clauses.join(' '),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names.map(),
    ExpressionAttributeValues: values.map(),
  };
}

/** Placeholders for names or values, one per distinct name or value, numbered in order of first use. */
class Placeholders {
  private readonly byKey = new Map<string, string>();
  private readonly entries: [string, Scalar][] = [];
  constructor(private readonly prefix: string) {}
  of(value: Scalar): string {
    const key = `${typeof value}:${String(value)}`;
    let placeholder = this.byKey.get(key);
    if (placeholder === undefined) {
      placeholder = `${this.prefix}${this.entries.length}`;
      this.byKey.set(key, placeholder);
      this.entries.push([placeholder, value]);
    }
    return placeholder;
  }
  map<T extends Scalar>(): Record<string, T> {
    return Object.fromEntries(this.entries) as Record<string, T>;
  }
}
