// Which entity each sample item of a Workbench table is: its facet's (one entity
// per facet); else its entity attribute's value (`EntityType`, `type`...: an
// attribute every item holds); else the shape of its keys: the label-like words
// of its partition and sort key (`ARTICLE#1` / `AUTHORED#2022-07-07` is an
// ArticleAuthored), read as LABEL#value#LABEL#value.
import type { DynamoValue } from './dynamoValue.ts';
import type { WorkbenchFacet, WorkbenchItem, WorkbenchTable } from './readWorkbenchFile.ts';
import { entityNameOf, pascalName, uniqueName } from './workbenchNames.ts';

/** A sample item with its values read (item order is the table's: table-level items, then each facet's). */
export interface DecodedItem {
  index: number;
  source: WorkbenchItem;
  values: Map<string, { value: DynamoValue; path: string }>;
}

export interface EntityGroup {
  /** The entity's name (an identifier, unique in the table). */
  name: string;
  /** The text it was named after, and where; `named`: the file names the entity so (a facet, an entity attribute's value), not its keys' words. */
  origin: { text: string; path: string; named: boolean };
  facet?: WorkbenchFacet;
  items: DecodedItem[];
}

/** Attribute names that hold an item's entity in the files met (single-table designs name it so). */
const ENTITY_ATTRIBUTE_NAMES = [
  'EntityType',
  'entityType',
  'Entity_Type',
  'entity_type',
  'ENTITY_TYPE',
  '_type',
  '__typename',
  'type',
  'Type',
  'TYPE',
  'entity',
  'Entity',
  'recordType',
  'RecordType',
];

/** The text of a scalar value (what a key built of it holds), or undefined. */
export function valueText(item: DecodedItem, name: string): string | undefined {
  const v = item.values.get(name)?.value;
  return v?.kind === 'scalar' ? v.text : undefined;
}

/**
 * The attribute every item holds as a word naming its entity (`customer`, `orderItem`, `SEAT`); in a table with
 * facets, one whose value is the same within each facet. Undefined when none does.
 */
export function detectEntityAttribute(table: WorkbenchTable, items: readonly DecodedItem[]): string | undefined {
  if (items.length === 0) return undefined;
  // An attribute that holds its facet's name in every item of every facet (as Tablewright's exports write) names the entity.
  if (table.facets.length > 0 && items.every((item) => item.source.facet !== undefined)) {
    const [first] = items;
    for (const name of first ? first.values.keys() : []) {
      if (items.every((item) => valueText(item, name) === table.facets[item.source.facet ?? -1]?.name)) return name;
    }
  }
  for (const name of ENTITY_ATTRIBUTE_NAMES) {
    const texts = items.map((item) => {
      const v = item.values.get(name)?.value;
      return v?.kind === 'scalar' && v.type === 'S' && /^[A-Za-z_][A-Za-z0-9_ -]{0,39}$/.test(v.text) ? v.text : undefined;
    });
    if (texts.some((t) => t === undefined)) continue;
    if (table.facets.length === 0) return name;
    const perFacet = new Map<number | undefined, Set<string | undefined>>();
    items.forEach((item, k) => {
      const set = perFacet.get(item.source.facet) ?? new Set();
      set.add(texts[k]);
      perFacet.set(item.source.facet, set);
    });
    if ([...perFacet].every(([facet, set]) => facet === undefined || set.size === 1)) return name;
  }
  return undefined;
}

export function groupItems(table: WorkbenchTable, items: readonly DecodedItem[], entityAttribute: string | undefined): EntityGroup[] {
  const taken = new Set<string>();
  const groups: EntityGroup[] = [];
  const tableName = pascalName(table.name) || 'Item';
  if (table.facets.length > 0) {
    table.facets.forEach((facet, f) => {
      const own = items.filter((item) => item.source.facet === f);
      const typed = entityAttribute !== undefined ? own.map((item) => valueText(item, entityAttribute)).find((t) => t !== undefined) : undefined;
      const origin =
        typed !== undefined
          ? { text: typed, path: own[0]?.values.get(entityAttribute ?? '')?.path ?? facet.path, named: true }
          : { text: facet.name, path: `${facet.path}.FacetName`, named: true };
      groups.push({ name: uniqueName(entityNameOf(origin.text, tableName), taken), origin, facet, items: own });
    });
    const loose = items.filter((item) => item.source.facet === undefined);
    groups.push(...(entityAttribute !== undefined ? byAttribute(loose, entityAttribute) : byShape(loose)));
    return groups;
  }
  if (items.length === 0)
    return [{ name: uniqueName(tableName, taken), origin: { text: table.name, path: `${table.path}.TableName`, named: false }, items: [] }];
  return entityAttribute !== undefined ? byAttribute(items, entityAttribute) : byShape(items);

  function byAttribute(list: readonly DecodedItem[], name: string): EntityGroup[] {
    const out = new Map<string, EntityGroup>();
    for (const item of list) {
      const text = valueText(item, name) ?? '';
      let group = out.get(text);
      if (!group) {
        group = {
          name: uniqueName(entityNameOf(text, tableName), taken),
          origin: { text, path: item.values.get(name)?.path ?? item.source.path, named: true },
          items: [],
        };
        out.set(text, group);
      }
      group.items.push(item);
    }
    return [...out.values()];
  }

  function byShape(list: readonly DecodedItem[]): EntityGroup[] {
    const keys = [table.pk.name, ...(table.sk ? [table.sk.name] : [])];
    const split = new Map<DecodedItem, string[][]>(list.map((item) => [item, keys.map((k) => valueText(item, k)?.split('#') ?? [])]));
    // The literal among other values at one component (`meta` among dates) tells entities apart too.
    const bucketOf = (parts: string[][]) => parts.map((p) => p.length).join(',');
    const columns = new Map<string, { other: boolean; literals: Set<string> }>();
    for (const parts of split.values()) {
      parts.forEach((tokens, k) => {
        tokens.forEach((t, p) => {
          const id = `${bucketOf(parts)}|${String(k)}|${String(p)}`;
          const column = columns.get(id) ?? { other: false, literals: new Set<string>() };
          if (/^[A-Za-z_]+$/.test(t)) column.literals.add(t);
          else column.other = true;
          columns.set(id, column);
        });
      });
    }
    /** The one word at a component whose other values are not words (`meta` among dates), if so. */
    const onlyWord = (id: string): string | undefined => {
      const column = columns.get(id);
      return column?.other === true && column.literals.size === 1 ? [...column.literals][0] : undefined;
    };
    const out = new Map<string, { group: EntityGroup; words: string[]; parts: string[][][] }>();
    for (const [item, parts] of split) {
      const words: string[] = [];
      const signature = parts
        .map((tokens, k) => {
          const hinted = keys[k]?.includes('#') === true && keys[k]?.split('#').length === tokens.length;
          return tokens
            .map((t, p) => {
              const literal = /^[A-Za-z_]+$/.test(t);
              const only = onlyWord(`${bucketOf(parts)}|${String(k)}|${String(p)}`);
              const telling = !hinted && literal && (tokens.length > 1 ? p % 2 === 0 : /^[A-Z_]+$/.test(t) || only === t);
              if (telling && !words.includes(t)) words.push(t);
              return telling ? t : '*';
            })
            .join('#');
        })
        .join(' | ');
      const id = `${bucketOf(parts)} ${signature}`;
      let entry = out.get(id);
      if (!entry) {
        entry = { group: { name: '', origin: { text: '', path: item.source.path, named: false }, items: [] }, words, parts: [] };
        out.set(id, entry);
      }
      entry.group.items.push(item);
      entry.parts.push(parts);
    }
    // Named after the words that tell it apart, else the words all its keys share (`metadata`), else the table.
    const entries = [...out.values()];
    for (const e of entries.filter((x) => x.words.length > 0)) e.group.name = uniqueName(pascalName(e.words.join(' ')).slice(0, 60) || tableName, taken);
    for (const e of entries.filter((x) => x.words.length === 0)) {
      const shared = (e.parts[0] ?? []).flatMap((tokens, k) =>
        tokens.filter((t, p) => /^[A-Za-z_]+$/.test(t) && e.parts.every((parts) => parts[k]?.[p] === t)),
      );
      e.group.name = uniqueName(pascalName(shared.join(' ')).slice(0, 60) || tableName, taken);
    }
    return entries.map((e) => e.group);
  }
}
