// What each access pattern needs from a key layout, before any index exists:
// equality attributes (partition key and sort-key prefix), the attribute that
// must follow them in the sort key (range or order), and item collections for
// `include`. Also the patterns no key design can serve in one request.
// Patterns that need the same thing share one need, so a model with thousands
// of patterns on one entity places each distinct need once.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Entity, Model, Pattern, RangeOp } from '../model/types.ts';
import { keysDiagnostic } from './keysDiagnostic.ts';
import { patternKeyOrder } from '../model/patternKeyOrder.ts';
import { equalityAttributes, fixedEntries } from '../model/patternEqualities.ts';
import { patternShards, shardsIgnoredReason } from './shards.ts';
import { includeWithFixedText, includeWithLimitText, limitWithFilterText } from './notServedText.ts';

export interface Need {
  id: number;
  /** `pattern`: a pattern's own records; `parent`/`child`: a member of an item collection. */
  kind: 'pattern' | 'parent' | 'child';
  entity: string;
  /**
   * The patterns served, in model order: identical pattern needs (same entity,
   * equality set, next attribute and operator) are one need. For collection
   * members: the include pattern that added the member.
   */
  patterns: string[];
  /** Equality attributes of this entity. For collection members, in partition key order. */
  eq: string[];
  /** Attribute that must follow the equality prefix in the sort key. */
  next?: string;
  /** Range operator on `next` (none: it only orders). */
  op?: RangeOp;
  collection?: number;
  /** Write sharding: the partition spread over this many shards (keys/shards.ts); absent for 1. A need of its own. */
  shards?: number;
}

export interface Collection {
  id: number;
  parent: string;
  /** Parent attributes that form the partition key, in the parent's key order. */
  partition: string[];
  /** Child entity → its attributes holding `partition` (same order). */
  children: Map<string, string[]>;
  /** Include pattern → the entities it returns (parent first). */
  patterns: Map<string, string[]>;
  /**
   * Members in sort-key order, when their labels sorted alphabetically would
   * split an include pattern's run: their sort keys then start with a rank
   * (`1_NOTE`, `2_ACCOUNT`, `3_CONTACT`). Undefined: plain labels work.
   */
  ranked?: string[];
}

/** How a pattern is served, in terms of needs. */
export type PatternRoute =
  | { kind: 'single'; need: Need; filter?: { attribute: string; op: RangeOp } }
  | { kind: 'collection'; collection: Collection; parentNeed: Need }
  /**
   * An include of the entity itself: the parent (with its other listed children,
   * in `collection`, when there are some) in one request, the records that
   * belong to it in another (by `via`, on `childNeed`).
   */
  | { kind: 'selfInclude'; parentNeed: Need; childNeed: Need; via: string[]; collection?: Collection };

export interface AccessNeeds {
  needs: Need[];
  collections: Collection[];
  routes: Map<string, PatternRoute>;
  diagnostics: Diagnostic[];
}

export function accessNeeds(model: Model, labels: Map<string, string>): AccessNeeds {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const needs: Need[] = [];
  const collections: Collection[] = [];
  const routes = new Map<string, PatternRoute>();
  const diagnostics: Diagnostic[] = [];
  const addNeed = (n: Omit<Need, 'id'>): Need => {
    const need = { ...n, id: needs.length };
    needs.push(need);
    return need;
  };
  // Pattern needs by what they need; collection members by collection and entity.
  const patternNeeds = new Map<string, Need>();
  const patternNeed = (pattern: string, entity: string, eq: string[], next?: string, op?: RangeOp, shards = 1): Need => {
    const signature = JSON.stringify([entity, [...eq].sort(), next ?? null, op ?? null, shards]);
    const known = patternNeeds.get(signature);
    if (known) {
      known.patterns.push(pattern);
      return known;
    }
    const need = addNeed({
      kind: 'pattern',
      entity,
      patterns: [pattern],
      eq,
      ...(next ? { next } : {}),
      ...(op ? { op } : {}),
      ...(shards > 1 ? { shards } : {}),
    });
    patternNeeds.set(signature, need);
    return need;
  };
  const members = new Map<number, Map<string, Need>>();
  const parents = new Map<number, Need>();
  const addMember = (n: Omit<Need, 'id'> & { collection: number }): Need => {
    const need = addNeed(n);
    const of = members.get(n.collection);
    if (of) of.set(n.entity, need);
    else members.set(n.collection, new Map([[n.entity, need]]));
    if (n.kind === 'parent') parents.set(n.collection, need);
    return need;
  };
  // Collections by parent and partition, in creation order, with their distinct include sets.
  const collectionsOf = new Map<string, Collection[]>();
  const includeSets = new Map<number, Map<string, string[]>>();
  const setKey = (entities: readonly string[]) => JSON.stringify([...entities].sort());

  model.patterns.forEach((pattern, index) => {
    const entity = entities.get(pattern.entity);
    if (!entity) return;
    const path = `patterns[${index}]`;
    const unshardable = shardsIgnoredReason(entity, pattern);
    if (unshardable !== undefined) {
      diagnostics.push(
        keysDiagnostic(
          'keys.shardsIgnored',
          `${pattern.name}: shards ${String(pattern.shards)} is ignored: ${unshardable}.`,
          { path: `${path}.shards`, subject: { pattern: pattern.name, entity: entity.name } },
          'warning',
        ),
      );
    }
    if (pattern.include && pattern.include.length > 0) {
      routeInclude({ pattern, entity, path });
      return;
    }
    const { next, op, filter } = patternKeyOrder(pattern);
    const subject = { pattern: pattern.name, entity: entity.name };
    if (filter && pattern.limit !== undefined) {
      // No key avoids the filter, and Limit counts the items read before it.
      diagnostics.push(
        keysDiagnostic('keys.limitWithFilter', `${pattern.name}: ${limitWithFilterText(pattern, filter.attribute, next)}.`, { path: `${path}.limit`, subject }),
      );
      return;
    }
    if (filter) {
      diagnostics.push(
        keysDiagnostic(
          'keys.filtered',
          `${pattern.name}: the range on "${filter.attribute}" is applied as a FilterExpression` +
            (next ? ` because the items must be sorted by "${next}"` : ' because it is also an equality attribute') +
            `; the query reads every item of the partition and returns only those that pass (read amplification: all ${pattern.entity} items with the same ${pattern.equals.join(', ') || 'partition'} are read).`,
          { path: `${path}.range`, subject: { pattern: pattern.name, entity: entity.name } },
          'warning',
        ),
      );
    }
    // A fixed attribute is an equality whose value is a literal: keyed like the others.
    const need = patternNeed(pattern.name, entity.name, [...equalityAttributes(pattern)], next, op, patternShards(entity, pattern));
    routes.set(pattern.name, filter ? { kind: 'single', need, filter } : { kind: 'single', need });
  });
  return { needs, collections, routes, diagnostics };

  function routeInclude(args: { pattern: Pattern; entity: Entity; path: string }): void {
    const { pattern, entity, path } = args;
    const include = pattern.include ?? [];
    const subject = { pattern: pattern.name, entity: entity.name };
    if (fixedEntries(pattern).length > 0) {
      diagnostics.push(
        keysDiagnostic('keys.includeWithFixed', `${pattern.name}: ${includeWithFixedText(pattern, entity)}.`, { path: `${path}.fixed`, subject }),
      );
      return;
    }
    if (pattern.limit !== undefined) {
      diagnostics.push(keysDiagnostic('keys.includeWithLimit', `${pattern.name}: ${includeWithLimitText(entity)}.`, { path: `${path}.limit`, subject }));
      return;
    }
    if (pattern.range) {
      diagnostics.push(
        keysDiagnostic(
          'keys.includeWithRange',
          `${pattern.name}: a range on the parent cannot be combined with include in one request (the children have no "${pattern.range.attribute}"); split it into two patterns.`,
          { path: `${path}.range`, subject },
        ),
      );
      return;
    }
    const missing = pattern.equals.filter((a) => !entity.key.includes(a));
    if (missing.length > 0) {
      diagnostics.push(
        keysDiagnostic(
          'keys.includeNeedsKey',
          `${pattern.name}: include gathers the children that belong to each matched ${entity.name}, so it can only match on ${entity.name}'s key (${entity.key.join(', ')}); "${missing.join('", "')}" is not part of it. The children do not carry that attribute, so no partition can hold both.`,
          { path: `${path}.equals`, subject },
        ),
      );
      return;
    }
    const partition = entity.key.filter((a) => pattern.equals.includes(a));
    if (partition.length < entity.key.length) {
      // One query of the collection returns every child in the partition: it cannot tell those whose parent
      // was removed (removes do not cascade) or never created.
      const children = include.filter((e) => e !== entity.name);
      diagnostics.push(
        keysDiagnostic(
          'keys.includeOrphans',
          `${pattern.name}: matching on ${partition.length ? partition.join(', ') : 'nothing'}, not the whole key of ${entity.name} (${entity.key.join(', ')}), the answer also holds ${children.join(' and ') || entity.name} records whose ${entity.name} does not exist (removed, or never created), as they share the partition. Match on the whole key, or remove the children with their parent.`,
          { path: `${path}.equals`, subject },
          'warning',
        ),
      );
    }
    if (include.includes(entity.name)) {
      const rel = entity.belongsTo.find((b) => b.entity === entity.name);
      if (!rel) {
        diagnostics.push(
          keysDiagnostic(
            'keys.includeSelfNotChild',
            `${pattern.name}: ${entity.name} does not belong to itself, so it cannot include itself; remove it from include.`,
            {
              path: `${path}.include`,
              subject,
            },
          ),
        );
        return;
      }
      const via = partition.map((a) => rel.via[entity.key.indexOf(a)] ?? a);
      const others = include.filter((e) => e !== entity.name);
      // The other children share the parent's partition (an item collection);
      // the records that belong to it cannot, as their partition is their parent's.
      const collection = others.length > 0 ? routeCollection({ pattern, entity, path, partition, include: others }) : undefined;
      if (others.length > 0 && !collection) return;
      const parentNeed = collection?.parentNeed ?? patternNeed(pattern.name, entity.name, [...pattern.equals]);
      const childNeed = patternNeed(pattern.name, entity.name, via);
      routes.set(pattern.name, { kind: 'selfInclude', parentNeed, childNeed, via, ...(collection ? { collection: collection.collection } : {}) });
      const article = /^[AEIOU]/.test(entity.name) ? 'an' : 'a';
      diagnostics.push(
        keysDiagnostic(
          'keys.multipleRequests',
          `${pattern.name}: ${article} ${entity.name} and the ${entity.name} records that belong to it are keyed by different attributes (${partition.join(', ')} vs ${via.join(', ')}), and one item has one partition key per index, so this pattern takes two requests` +
            (collection
              ? `: one Query for the ${entity.name} with its ${listed(others)} records (their item collection), one for the ${entity.name} records whose ${via.join(', ')} ${via.length > 1 ? 'hold' : 'holds'} its ${partition.join(', ')}.`
              : '.'),
          { path: `${path}.include`, subject },
          'warning',
        ),
      );
      return;
    }
    const route = routeCollection({ pattern, entity, path, partition, include });
    if (route) routes.set(pattern.name, route);
  }

  /**
   * Places an include pattern's item collection (the parent and the listed
   * children, none of them the parent's own entity) and returns its route, or
   * undefined when a listed child does not belong to the parent (validation
   * reports it).
   */
  function routeCollection(args: {
    pattern: Pattern;
    entity: Entity;
    path: string;
    partition: string[];
    include: string[];
  }): Extract<PatternRoute, { kind: 'collection' }> | undefined {
    const { pattern, entity, path, partition, include } = args;
    const returned = [entity.name, ...include];
    const children = new Map<string, string[]>();
    for (const child of include) {
      const ce = entities.get(child);
      const relations = ce?.belongsTo.filter((b) => b.entity === entity.name) ?? [];
      const rel = relations[0];
      if (!ce || !rel) return undefined; // validation reports it
      if (relations.length > 1) {
        diagnostics.push(
          keysDiagnostic(
            'keys.firstRelation',
            `${pattern.name}: ${child} belongs to ${entity.name} ${relations.length} ways; the include follows the first (via ${rel.via.join(', ')}), since one item sits in one partition of an index. Add another pattern for the others.`,
            { path: `${path}.include`, subject: { pattern: pattern.name, entity: entity.name } },
            'warning',
          ),
        );
      }
      children.set(
        child,
        partition.map((a) => rel.via[entity.key.indexOf(a)] ?? a),
      );
    }
    // Join an existing collection of the same parent and partition when every
    // include pattern of it still reads one contiguous run of sort keys.
    const place = JSON.stringify([entity.name, partition]);
    const candidates = collectionsOf.get(place) ?? [];
    for (const c of candidates) {
      const merged = new Map(c.children);
      let consistent = true;
      for (const [child, via] of children) {
        const known = merged.get(child);
        if (known && known.join('\u0000') !== via.join('\u0000')) consistent = false;
        merged.set(child, via);
      }
      // Equal include sets ask the same of the order: check each once.
      const distinct = includeSets.get(c.id) ?? new Map<string, string[]>();
      const sets = [...distinct.values(), returned];
      const order = consistent ? collectionOrder([entity.name, ...merged.keys()], sets, labels) : null;
      if (order) {
        c.children = merged;
        c.patterns.set(pattern.name, returned);
        distinct.set(setKey(returned), returned);
        if (order === 'alphabetical') delete c.ranked;
        else c.ranked = order;
        const known = members.get(c.id);
        for (const [child, via] of children) {
          if (!known?.has(child)) addMember({ kind: 'child', entity: child, patterns: [pattern.name], eq: via, collection: c.id });
        }
        const parentNeed = parents.get(c.id);
        return parentNeed ? { kind: 'collection', collection: c, parentNeed } : undefined;
      }
    }
    const collection: Collection = { id: collections.length, parent: entity.name, partition, children, patterns: new Map([[pattern.name, returned]]) };
    collections.push(collection);
    collectionsOf.set(place, [...candidates, collection]);
    includeSets.set(collection.id, new Map([[setKey(returned), returned]]));
    const parentNeed = addMember({ kind: 'parent', entity: entity.name, patterns: [pattern.name], eq: partition, collection: collection.id });
    for (const [child, via] of children) addMember({ kind: 'child', entity: child, patterns: [pattern.name], eq: via, collection: collection.id });
    return { kind: 'collection', collection, parentNeed };
  }
}

/** `A`, `A and B`, `A, B and C`. */
function listed(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}` : (names[0] ?? '');
}

/** True when, in `order`, every set is one contiguous run. */
function runsAreContiguous(order: readonly string[], sets: readonly string[][]): boolean {
  return sets.every((set) => {
    const positions = set.map((e) => order.indexOf(e)).sort((a, b) => a - b);
    const first = positions[0] ?? 0;
    return positions.every((p, i) => p === first + i);
  });
}

/** The most members whose orders are searched exhaustively ((n)! orders). */
const MAX_ORDERED_MEMBERS = 7;

/**
 * An order of a collection's members in which every include pattern reads one
 * contiguous run of sort keys: `alphabetical` when the plain labels already do,
 * else the members in rank order; null when no order does (or too many members).
 */
export function collectionOrder(members: string[], sets: string[][], labels: Map<string, string>): string[] | 'alphabetical' | null {
  const unique = [...new Set(members)];
  const alphabetical = [...unique].sort((a, b) => cmp(`${labels.get(a)}#`, `${labels.get(b)}#`));
  if (runsAreContiguous(alphabetical, sets)) return 'alphabetical';
  if (unique.length > MAX_ORDERED_MEMBERS) return null;
  const found = firstPermutation(alphabetical, (order) => runsAreContiguous(order, sets));
  return found ?? null;
}

function firstPermutation(items: string[], ok: (order: string[]) => boolean): string[] | undefined {
  const order: string[] = [];
  const used = new Set<string>();
  const visit = (): string[] | undefined => {
    if (order.length === items.length) return ok(order) ? [...order] : undefined;
    for (const item of items) {
      if (used.has(item)) continue;
      used.add(item);
      order.push(item);
      const found = visit();
      order.pop();
      used.delete(item);
      if (found) return found;
    }
    return undefined;
  };
  return visit();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
