// Maps each access pattern to its request(s) on the derived key layout: the
// index, the key condition as data (StepKey) and as text, the direction, and
// the reason, for people.
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import type { Entity, Model, Pattern } from '../model/types.ts';
import type { IndexDesign, KeyPart, KeyTemplate, PatternPlan, PlanStep, StepKey } from '../design/types.ts';
import type { Collection, Need } from '../keys/accessNeeds.ts';
import type { KeyLayout } from '../keys/deriveKeyLayout.ts';
import { describeStepKey } from './describeStepKey.ts';

export function planPatterns(model: Model, layout: KeyLayout): { plans: PatternPlan[]; diagnostics: Diagnostic[] } {
  const plans: PatternPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const served = new Map(layout.indexes.map((x) => [x.name, new Set<string>()]));
  model.patterns.forEach((pattern, i) => {
    const route = layout.needs.routes.get(pattern.name);
    const entity = entities.get(pattern.entity);
    if (!route || !entity) return;
    try {
      const plan = planOne({ pattern, entity, route, layout, entities });
      plans.push(plan);
      for (const step of plan.steps) {
        const index = layout.indexes.find((x) => x.name === step.index);
        const seen = served.get(step.index);
        if (index && seen && !seen.has(pattern.name)) {
          seen.add(pattern.name);
          index.patterns.push(pattern.name);
        }
      }
    } catch (e) {
      // Every route the keys stage gave has a plan: a throw here is a bug, not
      // a limit of the design. The pattern is left unplanned; the others still are.
      diagnostics.push(internalDiagnostic(`planning ${pattern.name}`, e, { path: `patterns[${i}]`, subject: { pattern: pattern.name, entity: entity.name } }));
    }
  });
  return { plans, diagnostics };
}

type Route = NonNullable<ReturnType<KeyLayout['needs']['routes']['get']>>;

function planOne(args: { pattern: Pattern; entity: Entity; route: Route; layout: KeyLayout; entities: Map<string, Entity> }): PatternPlan {
  const { pattern, entity, route, layout } = args;
  const returnsEntities = [pattern.entity, ...(pattern.include ?? [])];
  switch (route.kind) {
    case 'single': {
      // GetItem takes no FilterExpression: a filtered lookup is a Query for the one key.
      const step = needStep({ need: route.need, entity, layout, pattern, ...(route.filter ? { filtered: true } : {}) });
      if (route.filter) {
        const def = entity.attributes.find((a) => a.name === route.filter?.attribute);
        step.filter = { attribute: route.filter.attribute, param: route.filter.attribute, type: def?.type ?? 'string', op: route.filter.op };
      }
      return { pattern: pattern.name, entity: entity.name, steps: [step], returnsEntities, reason: reasonFor({ pattern, entity, step, layout }) };
    }
    case 'collection': {
      const { step, reason } = collectionStep({ pattern, entity, collection: route.collection, parentNeed: route.parentNeed, layout });
      return { pattern: pattern.name, entity: entity.name, steps: [step], returnsEntities, reason };
    }
    case 'selfInclude': {
      const collection = route.collection;
      const first = collection ? collectionStep({ pattern, entity, collection, parentNeed: route.parentNeed, layout }).step : needStep({ need: route.parentNeed, entity, layout, pattern });
      const viaToParam = new Map(route.via.map((v, i) => [v, entity.key.filter((k) => pattern.equals.includes(k))[i] ?? v]));
      const second = needStep({ need: route.childNeed, entity, layout, pattern, paramOf: (a) => viaToParam.get(a) ?? a });
      const parentPart = collection
        ? `the ${entity.name} by ${pattern.equals.join(', ')} with its ${first.entities.slice(1).join(', ')}, which share its partition ${first.pkText} (${first.index})`
        : `the ${entity.name} by ${pattern.equals.join(', ')} (${first.index})`;
      return {
        pattern: pattern.name,
        entity: entity.name,
        steps: [first, second],
        returnsEntities,
        reason: `Two requests: ${parentPart}, then the ${entity.name} records whose ${route.via.join(', ')} hold its key (${second.index}). One item has one partition key per index, so a record cannot sit in its own partition and its parent's.`,
      };
    }
    default: {
      const never: never = route;
      throw new Error(`unknown route ${JSON.stringify(never)}`);
    }
  }
}

/** The Query of an item collection: the parent and the children an include pattern lists, by their sort-key labels. */
function collectionStep(args: { pattern: Pattern; entity: Entity; collection: Collection; parentNeed: Need; layout: KeyLayout }): { step: PlanStep; reason: string } {
  const { pattern, entity, collection, parentNeed, layout } = args;
  const chain = chainOf(parentNeed, layout);
  const indexName = layout.chainIndex.get(chain.id) ?? 'table';
  const template = templateIn(layout, entity.name, indexName);
  const included = collection.patterns.get(pattern.name) ?? [entity.name, ...(pattern.include ?? []).filter((e) => e !== entity.name)];
  const members = [collection.parent, ...collection.children.keys()];
  // Sort-key labels as the templates in this index write them (ranked in some collections).
  const label = (e: string) => {
    const first = templateIn(layout, e, indexName).sk[0];
    return first?.kind === 'literal' ? first.text : (layout.labels.get(e) ?? e);
  };
  const sortedIncluded = [...included].sort((a, b) => (`${label(a)}#` < `${label(b)}#` ? -1 : 1));
  const key: StepKey = {
    pk: partsOf(template.pk, entity, (a) => a),
    skPrefix: [],
    skComplete: false,
    skTerminated: false,
  };
  if (members.length !== included.length) {
    key.labelRange = { low: label(sortedIncluded[0] ?? entity.name), high: `${label(sortedIncluded[sortedIncluded.length - 1] ?? entity.name)}$` };
  }
  const index = indexOf(layout, indexName);
  const step: PlanStep = {
    operation: 'Query',
    index: indexName,
    keyEntity: entity.name,
    pkText: describeStepKey(key, index).pkText,
    keyConditionText: describeStepKey(key, index).condition,
    entities: included,
    key,
  };
  const others = members.filter((m) => !included.includes(m));
  const reason =
    `Item collection on ${indexName === 'table' ? 'the table' : indexName}: ${entity.name} and ${included.slice(1).join(', ')} share the partition ${step.pkText}` +
    `, so one Query returns the ${entity.name} and its children` +
    (others.length ? `; the sort key range selects them and leaves out ${others.join(', ')} (same partition).` : '.');
  return { step, reason };
}

function chainOf(need: Need, layout: KeyLayout) {
  const chain = layout.chainOfNeed.get(need.id);
  if (!chain) throw new Error('no key template holds this pattern');
  return chain;
}

function indexOf(layout: KeyLayout, name: string): IndexDesign {
  const index = layout.indexes.find((x) => x.name === name);
  if (!index) throw new Error(`no index ${name}`);
  return index;
}

const entityDesigns = new WeakMap<KeyLayout, Map<string, KeyLayout['entities'][number]>>();
function templateIn(layout: KeyLayout, entity: string, index: string): KeyTemplate {
  let byName = entityDesigns.get(layout);
  if (!byName) {
    byName = new Map(layout.entities.map((e) => [e.entity, e]));
    entityDesigns.set(layout, byName);
  }
  const t = byName.get(entity)?.keys[index];
  if (!t) throw new Error(`${entity} has no key in ${index}`);
  return t;
}

function partsOf(segments: KeyTemplate['pk'], entity: Entity, paramOf: (attribute: string) => string): KeyPart[] {
  return segments.map((s) => {
    if (s.kind === 'literal') return { kind: 'literal', text: s.text };
    const type = entity.attributes.find((a) => a.name === s.name)?.type ?? 'string';
    return { kind: 'param', param: paramOf(s.name), attribute: s.name, type };
  });
}

/** The request that serves one need on its chain's index. */
function needStep(args: { need: Need; entity: Entity; layout: KeyLayout; pattern: Pattern; paramOf?: (attribute: string) => string; filtered?: boolean }): PlanStep {
  const { need, entity, layout, pattern } = args;
  const paramOf = args.paramOf ?? ((a: string) => a);
  const chain = chainOf(need, layout);
  const indexName = layout.chainIndex.get(chain.id) ?? 'table';
  const template = templateIn(layout, entity.name, indexName);
  const skAttrs = template.sk.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
  const terminated = template.sk.length > 0 && template.sk[template.sk.length - 1]?.kind === 'literal' && template.sk.length > 1;
  const pkAttrs = new Set(chain.template.pk);
  const prefixCount = need.eq.filter((a) => !pkAttrs.has(a)).length;
  const prefix = skAttrs.slice(0, prefixCount);
  if (!need.eq.filter((a) => !pkAttrs.has(a)).every((a) => prefix.includes(a))) throw new Error('internal: sort key prefix does not match the equality attributes');
  const [label, ...rest] = template.sk;
  void rest;
  const key: StepKey = {
    pk: partsOf(template.pk, entity, paramOf),
    skPrefix: [...(label?.kind === 'literal' ? [{ kind: 'literal' as const, text: label.text }] : []), ...partsOf(prefix.map((name) => ({ kind: 'attribute' as const, name })), entity, paramOf)],
    skComplete: need.next === undefined && prefixCount === skAttrs.length,
    skTerminated: terminated,
  };
  if (need.next !== undefined) {
    if (skAttrs[prefixCount] !== need.next) throw new Error(`internal: "${need.next}" does not follow the prefix in the sort key`);
    const type = entity.attributes.find((a) => a.name === need.next)?.type ?? 'string';
    key.next = { attribute: need.next, param: paramOf(need.next), type, ...(need.op ? { op: need.op } : {}), last: prefixCount + 1 === skAttrs.length && !terminated };
  }
  const index = indexOf(layout, indexName);
  const getItem = index.kind === 'table' && key.skComplete && need.kind === 'pattern' && !args.filtered;
  const text = describeStepKey(key, index);
  const step: PlanStep = {
    operation: getItem ? 'GetItem' : 'Query',
    index: indexName,
    keyEntity: entity.name,
    pkText: text.pkText,
    keyConditionText: text.condition,
    entities: [entity.name],
    key,
  };
  if (!getItem && pattern.order && key.next?.attribute === pattern.order.attribute) step.direction = pattern.order.direction;
  else if (!getItem && key.next) step.direction = 'asc';
  return step;
}

function reasonFor(args: { pattern: Pattern; entity: Entity; step: PlanStep; layout: KeyLayout }): string {
  const { pattern, entity, step } = args;
  const where = step.index === 'table' ? 'the table' : step.index;
  const pkAttrs = step.key.pk.flatMap((p) => (p.kind === 'param' ? [p.attribute] : []));
  const prefixAttrs = step.key.skPrefix.flatMap((p) => (p.kind === 'param' ? [p.attribute] : []));
  if (step.operation === 'GetItem') {
    return `GetItem on the table: ${[...pkAttrs, ...prefixAttrs].join(', ')} ${pkAttrs.length + prefixAttrs.length > 1 ? 'are' : 'is'} the whole primary key of ${entity.name} (partition ${step.pkText}).`;
  }
  const parts: string[] = [];
  parts.push(
    pkAttrs.length === 0
      ? `Query on ${where}: all ${entity.name} items share the constant partition ${step.pkText}`
      : `Query on ${where}: the partition ${step.pkText} holds the ${entity.name} items with the same ${pkAttrs.join(', ')}`,
  );
  if (prefixAttrs.length) parts.push(`the sort key starts with ${prefixAttrs.join(', ')}, so ${pattern.equals.length > pkAttrs.length ? 'the narrower patterns on this index share it through a longer prefix' : 'they are matched by prefix'}`);
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
    parts.push(`"${f.attribute}" ${f.op} is a FilterExpression (read amplification)${f.type === 'boolean' && f.op !== '=' ? ', written with = and IN because DynamoDB compares booleans only for equality (false < true)' : ''}`);
  }
  if (step.index !== 'table') parts.push(`${where} is needed because the table's partition key for ${entity.name} is not ${pkAttrs.join(', ') || 'constant'}`);
  return `${parts.join('; ')}.`;
}
