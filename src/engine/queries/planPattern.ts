// Maps each access pattern to its request(s) on a design's public layout: the
// index, the key condition as data (StepKey) and as text, the direction, and
// the reason, for people. It reads only the layout (DesignLayout: indexes and
// every entity's key templates), so a derived design and one loaded from
// design.json are planned alike. Preference: GetItem on the table, then a
// Query on the table, then the GSIs in order.
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import { patternKeyOrder, type PatternKeyOrder } from '../model/patternKeyOrder.ts';
import { equalityAttributes, fixedEntries } from '../model/patternEqualities.ts';
import type { Entity, Model, Pattern } from '../model/types.ts';
import type { DesignLayout, IndexLayout, KeyPart, KeyTemplate, PatternPlan, PlanStep, StepKey } from '../design/types.ts';
import { describeStepKey } from './describeStepKey.ts';
import { indexKeyNames, keySchemaOf } from '../design/indexKeys.ts';
import { attributesOf, keyParts, matchTemplate, sparseOn, type KeyAsk, type TemplateMiss } from './matchTemplate.ts';
import { queriesDiagnostic } from './queriesDiagnostic.ts';
import { patternShards } from '../keys/shards.ts';
import { includeWithFixedText, includeWithLimitText, limitWithFilterText } from '../keys/notServedText.ts';

export interface PlannedPatterns {
  /** One plan per served pattern, in model order. */
  plans: PatternPlan[];
  /** `queries.notServed` for each pattern the layout cannot serve (naming what it lacks); `engine.internal` for a throw while planning one. */
  diagnostics: Diagnostic[];
}

interface Placement {
  index: IndexLayout;
  template: KeyTemplate;
}

interface Context {
  entities: Map<string, Entity>;
  indexes: Map<string, IndexLayout>;
  /** Entity → its templates, in index order (table first). */
  placements: Map<string, Placement[]>;
}

/** Why a pattern has no plan on this layout, for people. */
class NotServed {
  constructor(readonly message: string) {}
}

/**
 * Plans reused across planPatterns calls (typing in a model plans again only the patterns an edit touches): the
 * last call's, by what each was made from. A plan reads only its pattern, its entity and that entity's templates
 * with their indexes, unless the pattern includes other entities (collectionStep reads every entity's templates):
 * one made from the same ones is taken again, the very object (a plan is never changed once made). A pattern with
 * `with` (include) is planned each time. The 1,000-pattern model planned every pattern again on each keystroke.
 */
export interface PlanCache {
  /** The last call's plans: by its entity's part (entity and templates, as JSON), then by the pattern (as JSON). */
  last: Map<string, Map<string, PatternPlan | NotServed>>;
}

export function createPlanCache(): PlanCache {
  return { last: new Map() };
}

/** `cache`: the plans of the last call with it, taken again where nothing they were made from changed. */
export function planPatterns(model: Model, layout: DesignLayout, cache?: PlanCache): PlannedPatterns {
  const plans: PatternPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const placements = new Map<string, Placement[]>();
  for (const design of layout.entities) {
    placements.set(
      design.entity,
      layout.indexes.flatMap((index) => {
        const template = design.keys[index.name];
        return template ? [{ index, template }] : [];
      }),
    );
  }
  const context: Context = { entities, placements, indexes: new Map(layout.indexes.map((i) => [i.name, i])) };
  const made: PlanCache['last'] = new Map();
  // What an entity's plans read of it and of the layout, written once per entity: the entity, then each of its
  // templates with its index's key schema and projection (a previous design's indexes also list their patterns).
  // Made only with a cache: the callers without one (keepPrevious's trial layouts, the CLI) write none of it.
  let indexTexts: Map<IndexLayout, string> | undefined;
  const texts = new Map<Entity, string>();
  const readsOf = (entity: Entity): string => {
    let text = texts.get(entity);
    if (text === undefined) {
      indexTexts ??= new Map(layout.indexes.map((i) => [i, JSON.stringify([keySchemaOf(i), i.projection])]));
      text = JSON.stringify(entity);
      for (const { index, template } of placements.get(entity.name) ?? []) text += `\u0000${indexTexts.get(index) ?? ''}${JSON.stringify(template)}`;
      texts.set(entity, text);
    }
    return text;
  };
  model.patterns.forEach((pattern, i) => {
    const entity = entities.get(pattern.entity);
    if (!entity) return; // validation reports it
    const where = { path: `patterns[${i}]`, subject: { pattern: pattern.name, entity: entity.name } };
    try {
      const planned = cache === undefined ? planOne(context, pattern, entity) : knownPlan(pattern, entity, context, readsOf, cache.last, made);
      if (planned instanceof NotServed) diagnostics.push(queriesDiagnostic('queries.notServed', `${pattern.name}: ${planned.message}`, where));
      else plans.push(planned);
    } catch (e) {
      // A throw is a bug, not a limit of the design: the others are still planned.
      diagnostics.push(internalDiagnostic(`planning ${pattern.name}`, e, where));
    }
  });
  if (cache !== undefined) cache.last = made;
  return { plans, diagnostics };
}

/** The plan of a pattern without include made from the same pattern, entity and templates (in `made` this call, else in `last`), or a new one. */
function knownPlan(
  pattern: Pattern,
  entity: Entity,
  context: Context,
  readsOf: (entity: Entity) => string,
  last: PlanCache['last'],
  made: PlanCache['last'],
): PatternPlan | NotServed {
  if (pattern.include !== undefined && pattern.include.length > 0) return planOne(context, pattern, entity);
  const reads = readsOf(entity);
  const asked = JSON.stringify(pattern);
  let plans = made.get(reads);
  if (plans === undefined) {
    plans = new Map();
    made.set(reads, plans);
  }
  const plan = plans.get(asked) ?? last.get(reads)?.get(asked) ?? planOne(context, pattern, entity);
  plans.set(asked, plan);
  return plan;
}

function planOne(context: Context, pattern: Pattern, entity: Entity): PatternPlan | NotServed {
  const returnsEntities = [pattern.entity, ...(pattern.include ?? [])];
  const include = pattern.include ?? [];
  const plan = (steps: PlanStep[], reason: string): PatternPlan => ({ pattern: pattern.name, entity: entity.name, steps, returnsEntities, reason });
  if (include.length === 0) {
    const order = patternKeyOrder(pattern);
    if (pattern.limit !== undefined && order.filter) return new NotServed(limitWithFilterText(pattern, order.filter.attribute, order.next));
    const step = singleStep(context, entity, pattern, askOf(pattern, order, entity), { filter: order.filter });
    if (step instanceof NotServed) return step;
    if (pattern.limit !== undefined && step.operation === 'Query') withLimit(step, pattern.limit, context);
    if (pattern.consistent && step.index === 'table') step.consistent = true;
    return plan([step], `${reasonFor(pattern, entity, step)}${shardingNote(pattern, step)}${consistencyNote(pattern, step)}`);
  }
  const fixed = fixedEntries(pattern);
  if (fixed.length > 0) return new NotServed(includeWithFixedText(pattern, entity));
  if (pattern.limit !== undefined) return new NotServed(includeWithLimitText(entity));
  if (pattern.range)
    return new NotServed(
      `a range on ${entity.name} cannot be combined with include in one request (the included records have no "${pattern.range.attribute}")`,
    );
  const outside = pattern.equals.filter((a) => !entity.key.includes(a));
  if (outside.length > 0)
    return new NotServed(
      `include gathers the records that belong to each matched ${entity.name}, so it matches on ${entity.name}'s key (${entity.key.join(', ')}), not on ${outside.join(', ')}`,
    );
  const partition = entity.key.filter((a) => pattern.equals.includes(a));
  if (!include.includes(entity.name)) {
    const found = collectionStep(context, entity, partition, include);
    return found instanceof NotServed ? found : plan([found.step], found.reason);
  }
  // An include of the entity itself: one item has one partition key per index, so
  // the records that belong to it are in another partition than it (and its other children).
  const relation = entity.belongsTo.find((b) => b.entity === entity.name);
  if (!relation) return new NotServed(`${entity.name} does not belong to itself, so it cannot include itself`);
  const via = partition.map((a) => relation.via[entity.key.indexOf(a)] ?? a);
  const others = include.filter((e) => e !== entity.name);
  const collection = others.length > 0 ? collectionStep(context, entity, partition, others) : undefined;
  if (collection instanceof NotServed) return collection;
  const first = collection?.step ?? singleStep(context, entity, pattern, { equals: pattern.equals }, {});
  if (first instanceof NotServed) return first;
  const viaToParam = new Map(via.map((v, i) => [v, partition[i] ?? v]));
  const second = singleStep(context, entity, pattern, { equals: via }, { paramOf: (a) => viaToParam.get(a) ?? a, getItem: false });
  if (second instanceof NotServed) return new NotServed(`the ${entity.name} records that belong to one are read by ${via.join(', ')}, and ${second.message}`);
  const parentPart = collection
    ? `the ${entity.name} by ${pattern.equals.join(', ')} with its ${first.entities.slice(1).join(', ')}, which share its partition ${first.pkText} (${first.index})`
    : `the ${entity.name} by ${pattern.equals.join(', ')} (${first.index})`;
  return plan(
    [first, second],
    `Two requests: ${parentPart}, then the ${entity.name} records whose ${via.join(', ')} hold its key (${second.index}). One item has one partition key per index, so a record cannot sit in its own partition and its parent's.`,
  );
}

function askOf(pattern: Pattern, order: PatternKeyOrder, entity: Entity): KeyAsk {
  const named = [pattern.range?.attribute, pattern.order?.attribute].filter((a): a is string => a !== undefined);
  // Fixed attributes are equalities whose value is a literal: the key holds it instead of a parameter.
  const fixed = pattern.fixed !== undefined && Object.keys(pattern.fixed).length > 0 ? { fixed: pattern.fixed } : {};
  // Write sharding: only a template spread over as many shards serves it (keys/shards.ts).
  const shards = patternShards(entity, pattern);
  return {
    equals: equalityAttributes(pattern),
    ...fixed,
    ...(order.next !== undefined ? { next: order.next } : {}),
    ...(order.op ? { op: order.op } : {}),
    named,
    ...(shards > 1 ? { shards } : {}),
  };
}

/** What a sharded step does: one Query per shard, merged in the declared order (and cut to the limit). */
function shardingNote(pattern: Pattern, step: PlanStep): string {
  if (step.shards === undefined) return '';
  const order = pattern.order ? `by "${pattern.order.attribute}" ${pattern.order.direction === 'desc' ? 'descending' : 'ascending'}` : 'in key order';
  const limit =
    step.limit === undefined
      ? ''
      : `, and the first ${String(step.limit)} kept (each shard's Query has Limit ${String(step.limit)}, so together they hold the first ${String(step.limit)})`;
  return ` Sharded over ${String(step.shards)} shards (write sharding: each item's shard is picked from its key, so writes spread over ${String(step.shards)} partitions): one Query per shard, sent in parallel, their items merged ${order}${limit}.`;
}

/** What a pattern that asks for a strongly consistent read gets: the table's, or a GSI's eventual one. */
function consistencyNote(pattern: Pattern, step: PlanStep): string {
  if (!pattern.consistent) return '';
  return step.consistent
    ? ' Strongly consistent (ConsistentRead), as the pattern asks: the read reflects every write that succeeded before it, for twice the read units.'
    : ` The pattern asks for a strongly consistent read, but ${step.index} is a GSI, which is eventually consistent only: the read may miss a write made just before it.`;
}

/** A Query's Limit: the pattern's limit, in the step and its key condition's text. */
function withLimit(step: PlanStep, limit: number, context: Context): void {
  step.limit = limit;
  const index = context.indexes.get(step.index);
  if (index) step.keyConditionText = describeStepKey(step.key, index, limit).condition;
}

/** The first template (table first) that serves the ask, as a step; or why none does. */
function singleStep(
  context: Context,
  entity: Entity,
  pattern: Pattern,
  ask: KeyAsk,
  options: { filter?: PatternKeyOrder['filter']; paramOf?: (attribute: string) => string; getItem?: boolean },
): PlanStep | NotServed {
  const misses: { index: string; miss: TemplateMiss }[] = [];
  for (const { index, template } of context.placements.get(entity.name) ?? []) {
    const match = matchTemplate({ entity, template, ask, native: index.keys === 'native', ...(options.paramOf ? { paramOf: options.paramOf } : {}) });
    // DynamoDB filters only attributes outside the index's key: on a native GSI those are the items' own.
    if (match.ok && options.filter && indexKeyNames(index).includes(options.filter.attribute)) {
      misses.push({
        index: index.name,
        miss: { kind: 'shape', detail: `the filter on "${options.filter.attribute}" would be on a key attribute of it, which DynamoDB refuses` },
      });
      continue;
    }
    if (!match.ok) {
      misses.push({ index: index.name, miss: match.miss });
      continue;
    }
    // GetItem takes no FilterExpression: a filtered lookup is a Query for the one key.
    const getItem = index.kind === 'table' && match.key.skComplete && !options.filter && options.getItem !== false;
    const step = stepOf({ index, key: match.key, entity, getItem });
    const shards = match.key.pk.find((p) => p.kind === 'shard')?.count;
    if (shards !== undefined) step.shards = shards;
    if (!getItem && pattern.order && match.key.next?.attribute === pattern.order.attribute) step.direction = pattern.order.direction;
    else if (!getItem && match.key.next) step.direction = 'asc';
    if (options.filter) {
      const f = options.filter;
      step.filter = { attribute: f.attribute, param: f.attribute, type: entity.attributes.find((a) => a.name === f.attribute)?.type ?? 'string', op: f.op };
    }
    return step;
  }
  return new NotServed(missMessage(entity, ask, misses));
}

function stepOf(args: { index: IndexLayout; key: StepKey; entity: Entity; getItem: boolean; entities?: string[] }): PlanStep {
  const text = describeStepKey(args.key, args.index);
  return {
    operation: args.getItem ? 'GetItem' : 'Query',
    index: args.index.name,
    keyEntity: args.entity.name,
    pkText: text.pkText,
    keyConditionText: text.condition,
    entities: args.entities ?? [args.entity.name],
    key: args.key,
  };
}

/**
 * The Query of an item collection: an index where the parent and each listed
 * child share a partition (the parent's key, the child's `via`), and a run of
 * sort-key labels that holds them and no other entity of that partition.
 */
function collectionStep(context: Context, entity: Entity, partition: string[], children: string[]): { step: PlanStep; reason: string } | NotServed {
  const via = new Map<string, string[]>();
  for (const child of children) {
    const relation = context.entities.get(child)?.belongsTo.find((b) => b.entity === entity.name);
    if (!relation) return new NotServed(`${child} does not belong to ${entity.name}`);
    via.set(
      child,
      partition.map((a) => relation.via[entity.key.indexOf(a)] ?? a),
    );
  }
  const included = [entity.name, ...children];
  const tried: string[] = [];
  for (const { index, template } of context.placements.get(entity.name) ?? []) {
    // An item collection needs a shared composite key: a native GSI keys each entity on its own attributes.
    if (index.keys === 'native' || !sameSequence(attributesOf(template.pk), partition)) continue;
    const sparse = sparseOn(entity, template);
    if (sparse.length > 0) {
      tried.push(`${index.name} keys ${entity.name} on ${sparse.join(', ')}, which not every ${entity.name} has`);
      continue;
    }
    const templates = new Map<string, KeyTemplate>([[entity.name, template]]);
    const missing = children.filter((child) => {
      const t = context.placements.get(child)?.find((p) => p.index.name === index.name)?.template;
      const childEntity = context.entities.get(child);
      // An include names none of the child's attributes: every child record must be in the index.
      if (t && childEntity && sparseOn(childEntity, t).length === 0 && samePartition(t.pk, template.pk, via.get(child) ?? [], partition))
        templates.set(child, t);
      return !templates.has(child);
    });
    if (missing.length > 0) {
      tried.push(
        `${index.name} keys ${entity.name} by ${partition.join(', ')} but not ${missing.join(', ')} by ${missing.map((c) => (via.get(c) ?? []).join(', ')).join('; ')} beside it`,
      );
      continue;
    }
    // Everything else whose items can share this partition, by sort-key label.
    const members: { entity: string; label: string }[] = [];
    for (const [name, list] of context.placements) {
      const t = list.find((p) => p.index.name === index.name)?.template;
      if (t && sameLiterals(t.pk, template.pk)) members.push({ entity: name, label: labelOf(t) });
    }
    members.sort((a, b) => (`${a.label}#` < `${b.label}#` ? -1 : `${a.label}#` > `${b.label}#` ? 1 : 0));
    const positions = members.flatMap((m, i) => (included.includes(m.entity) ? [i] : []));
    const low = positions[0] ?? 0;
    const high = positions[positions.length - 1] ?? 0;
    if (positions.length !== included.length || high - low + 1 !== positions.length || members.some((m) => m.label === '')) {
      tried.push(
        `on ${index.name} their sort-key labels are not one run that leaves out ${members
          .filter((m) => !included.includes(m.entity))
          .map((m) => m.entity)
          .join(', ')}`,
      );
      continue;
    }
    const key: StepKey = { pk: keyParts(template.pk, entity, (a) => a), skPrefix: [], skComplete: false, skTerminated: false };
    if (members.length !== included.length) key.labelRange = { low: members[low]?.label ?? '', high: `${members[high]?.label ?? ''}$` };
    const step = stepOf({ index, key, entity, getItem: false, entities: included });
    const others = members.filter((m) => !included.includes(m.entity)).map((m) => m.entity);
    const reason =
      `Item collection on ${index.kind === 'table' ? 'the table' : index.name}: ${entity.name} and ${children.join(', ')} share the partition ${step.pkText}` +
      `, so one Query returns the ${entity.name} and its children` +
      (others.length ? `; the sort key range selects them and leaves out ${others.join(', ')} (same partition).` : '.');
    return { step, reason };
  }
  return new NotServed(
    `no index holds ${entity.name} and ${children.join(', ')} in one partition (an item collection keyed by ${entity.name}'s ${partition.join(', ')})` +
      (tried.length ? `: ${tried.join('; ')}` : ''),
  );
}

function labelOf(template: KeyTemplate): string {
  const first = template.sk[0];
  return first?.kind === 'literal' ? first.text : '';
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Same literals at the same places, attributes elsewhere: the two templates' partition key values can be equal. */
function sameLiterals(a: KeyTemplate['pk'], b: KeyTemplate['pk']): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      return s.kind === 'literal'
        ? t?.kind === 'literal' && t.text === s.text
        : s.kind === 'shard'
          ? t?.kind === 'shard' && t.count === s.count
          : t?.kind === 'attribute';
    })
  );
}

/** The child's partition key is the parent's, with the child's `via` attributes where the parent has its key attributes. */
function samePartition(child: KeyTemplate['pk'], parent: KeyTemplate['pk'], via: readonly string[], partition: readonly string[]): boolean {
  return (
    sameLiterals(child, parent) &&
    child.every((s, i) => {
      const p = parent[i];
      return s.kind === 'literal' || (s.kind === 'attribute' && p?.kind === 'attribute' && via[partition.indexOf(p.name)] === s.name);
    })
  );
}

function missMessage(entity: Entity, ask: KeyAsk, misses: { index: string; miss: TemplateMiss }[]): string {
  const by = ask.equals.length ? ask.equals.join(', ') : 'a constant partition key';
  const needed = `it needs an index with ${entity.name} partitioned by ${by}${ask.next ? ` and ${ask.op ? 'ranged' : 'sorted'} by ${ask.next} in the sort key` : ''}`;
  const rank = (m: TemplateMiss) => ({ shape: 0, partition: 1, shards: 2, sparse: 3, prefix: 4, next: 5 })[m.kind];
  const best = [...misses].sort((a, b) => rank(b.miss) - rank(a.miss))[0];
  if (!best || best.miss.kind === 'partition') return `no index has ${entity.name} partitioned by ${by}; ${needed}.`;
  const m = best.miss;
  switch (m.kind) {
    case 'shape':
      return `the template of ${entity.name} in ${best.index} cannot be queried: ${m.detail}; ${needed}.`;
    case 'shards':
      return `${best.index} has ${entity.name} partitioned by ${by}${m.template > 1 ? ` over ${String(m.template)} shards` : ' unsharded'}, but the pattern asks for ${m.asked > 1 ? `${String(m.asked)} shards` : 'none'}; ${needed}${ask.shards !== undefined && ask.shards > 1 ? ` over ${String(ask.shards)} shards` : ''}.`;
    case 'sparse':
      return `${best.index} keys ${entity.name} on ${m.optional.join(', ')}, which not every ${entity.name} has, so it would miss the records that lack ${m.optional.length > 1 ? 'them' : 'it'}; ${needed}.`;
    case 'prefix':
      return `${best.index} has ${entity.name} partitioned by ${m.pk.join(', ') || 'a constant'}, but its sort key does not start with ${ask.equals.filter((a) => !m.pk.includes(a)).join(', ')}; ${needed}.`;
    case 'next':
      return `${best.index} has ${entity.name} keyed by ${[...m.pk, ...m.prefix].join(', ') || 'a constant'}, but ${m.found ? `"${m.found}"` : 'nothing'} follows in its sort key where ${ask.op ? 'the range' : 'the order'} needs "${ask.next ?? ''}"; ${needed}.`;
    default: {
      const never: never = m;
      throw new Error(`unknown miss ${JSON.stringify(never)}`);
    }
  }
}

function reasonFor(pattern: Pattern, entity: Entity, step: PlanStep): string {
  const where = step.index === 'table' ? 'the table' : step.index;
  const pkAttrs = step.key.pk.flatMap((p) => (p.kind === 'param' ? [p.attribute] : []));
  const prefixAttrs = step.key.skPrefix.flatMap((p) => (p.kind === 'param' ? [p.attribute] : []));
  // Fixed attributes (a literal, not a parameter): `status = "open"`.
  const fixedText = (parts: readonly KeyPart[]) => parts.flatMap((p) => (p.kind === 'fixed' ? [`${p.attribute} = ${JSON.stringify(p.value)}`] : []));
  const pkFixed = fixedText(step.key.pk);
  const prefixFixed = fixedText(step.key.skPrefix);
  if (step.operation === 'GetItem') {
    const named = [...step.key.pk, ...step.key.skPrefix].flatMap((p) =>
      p.kind === 'param' ? [p.attribute] : p.kind === 'fixed' ? [`${p.attribute} (fixed)`] : [],
    );
    return `GetItem on the table: ${named.join(', ')} ${named.length > 1 ? 'are' : 'is'} the whole primary key of ${entity.name} (partition ${step.pkText}).`;
  }
  const parts: string[] = [];
  const holds = [...(pkAttrs.length ? [`the same ${pkAttrs.join(', ')}`] : []), ...pkFixed].join(' and ');
  parts.push(
    pkAttrs.length === 0 && pkFixed.length === 0
      ? `Query on ${where}: all ${entity.name} items share the constant partition ${step.pkText}`
      : `Query on ${where}: the partition ${step.pkText} holds the ${entity.name} items with ${holds}`,
  );
  if (prefixFixed.length) parts.push(`the sort key starts with ${prefixFixed.join(' and ')} (fixed), so only those items are read`);
  if (prefixAttrs.length)
    parts.push(
      `the sort key starts with ${prefixAttrs.join(', ')}, so ${pattern.equals.length > pkAttrs.length ? 'the narrower patterns on this index share it through a longer prefix' : 'they are matched by prefix'}`,
    );
  if (step.key.next) {
    const n = step.key.next;
    parts.push(
      n.op
        ? `"${n.attribute}" follows in the sort key, so the range ${n.op} is a key condition${step.direction ? ` and the items come ${step.direction === 'desc' ? 'newest/highest first (ScanIndexForward false)' : 'in ascending order'}` : ''}`
        : `"${n.attribute}" follows in the sort key, so the items come sorted by it${step.direction === 'desc' ? ' descending (ScanIndexForward false)' : ''}`,
    );
  }
  if (step.filter) {
    const f = step.filter;
    parts.push(
      `"${f.attribute}" ${f.op} is a FilterExpression (read amplification)${f.type === 'boolean' && f.op !== '=' ? ', written with = and IN because DynamoDB compares booleans only for equality (false < true)' : ''}`,
    );
  }
  if (step.limit !== undefined) {
    const n = step.limit === 1 ? 'item' : `${String(step.limit)} items`;
    const records = step.limit === 1 ? 'record' : 'records';
    parts.push(
      `Limit ${String(step.limit)}: the Query stops after the first ${n} in key order, which ${step.limit === 1 ? 'is' : 'are'} the first ${records} ${step.key.next ? `by "${step.key.next.attribute}"` : '(all tied on the order)'}`,
    );
  }
  const pkNames = step.key.pk.flatMap((p) => (p.kind === 'literal' || p.kind === 'shard' ? [] : [p.attribute]));
  if (step.index !== 'table') parts.push(`${where} is needed because the table's partition key for ${entity.name} is not ${pkNames.join(', ') || 'constant'}`);
  return `${parts.join('; ')}.`;
}
