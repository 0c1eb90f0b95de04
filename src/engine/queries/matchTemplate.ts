// Whether one key template of the public design serves a request for an
// entity's records, and with which key condition (as data, StepKey). Reads the
// template alone: its partition attributes must all take an equality, the other
// equality attributes must lead its sort key (after the label), and the
// attribute the pattern ranges over or sorts by must come right after them.
import type { Entity, RangeOp, Scalar } from '../model/types.ts';
import { templateShards } from '../keys/shards.ts';
import type { KeyPart, KeyTemplate, Segment, StepKey } from '../design/types.ts';

/** What a request asks of a key: equality attributes, and the attribute that must follow them. */
export interface KeyAsk {
  /** Equality attributes: parameters, and the `fixed` ones. */
  equals: readonly string[];
  /** The equality attributes fixed to a literal (the pattern's `fixed`): their key parts hold the value, not a parameter. */
  fixed?: Readonly<Record<string, Scalar>>;
  next?: string;
  op?: RangeOp;
  /** Other attributes the pattern names (a filtered range, an order): a record lacking one is not in its answer anyway. */
  named?: readonly string[];
  /** Write sharding: the shards the pattern's partition is spread over (`patternShards`); absent or 1: none. */
  shards?: number;
}

/** Why a template does not serve a request, from the farthest it got. */
export type TemplateMiss =
  | { kind: 'partition'; extra: string[] }
  | { kind: 'prefix'; pk: string[] }
  | { kind: 'next'; pk: string[]; prefix: string[]; found?: string }
  | { kind: 'shape'; detail: string }
  /** The template is sparse on optional attributes the request does not name: it would lose the records that lack them. */
  | { kind: 'sparse'; optional: string[] }
  /** The template's partition is spread over another number of shards than the request asks (1: unsharded); keys/shards.ts. */
  | { kind: 'shards'; template: number; asked: number };

export type TemplateMatch = { ok: true; key: StepKey } | { ok: false; miss: TemplateMiss };

export const attributesOf = (segments: readonly Segment[]): string[] => segments.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));

/**
 * Key parts of template segments: literals as they are, attributes as the parameters `paramOf` names, or as
 * their literal where `fixed` holds one (own properties only: an attribute may be called `__proto__`).
 */
export function keyParts(
  segments: readonly Segment[],
  entity: Entity,
  paramOf: (attribute: string) => string,
  fixed?: Readonly<Record<string, Scalar>>,
): KeyPart[] {
  return segments.map((s) => {
    if (s.kind === 'literal') return { kind: 'literal', text: s.text };
    if (s.kind === 'shard') return { kind: 'shard', count: s.count };
    const type = entity.attributes.find((a) => a.name === s.name)?.type ?? 'string';
    const value = fixed !== undefined && Object.hasOwn(fixed, s.name) ? fixed[s.name] : undefined;
    if (value !== undefined) return { kind: 'fixed', attribute: s.name, type, value };
    return { kind: 'param', param: paramOf(s.name), attribute: s.name, type };
  });
}

/** The optional attributes a template's key is built from: an item lacking one has no key in that index. */
export function sparseOn(entity: Entity, template: KeyTemplate): string[] {
  if (!entity.attributes.some((a) => a.optional)) return [];
  const optional = new Set(entity.attributes.filter((a) => a.optional).map((a) => a.name));
  return [...new Set([...attributesOf(template.pk), ...attributesOf(template.sk)].filter((a) => optional.has(a)))];
}

/** The sort key ends with the empty terminator literal (so that `<` can be exact). */
export function isTerminated(sk: readonly Segment[]): boolean {
  const last = sk[sk.length - 1];
  return sk.length > 1 && last?.kind === 'literal' && last.text === '';
}

/**
 * `native`: the template is on a native GSI, one segment per key attribute: its partition starts with the
 * entity's name (the entity attribute), so its sort key needs no label, and it has no terminator.
 */
export function matchTemplate(args: {
  entity: Entity;
  template: KeyTemplate;
  ask: KeyAsk;
  paramOf?: (attribute: string) => string;
  native?: boolean;
}): TemplateMatch {
  const { entity, template, ask } = args;
  const paramOf = args.paramOf ?? ((a: string) => a);
  const equals = new Set(ask.equals);
  const pkAttrs = attributesOf(template.pk);
  const extra = pkAttrs.filter((a) => !equals.has(a));
  if (extra.length > 0) return { ok: false, miss: { kind: 'partition', extra } };
  // A template serves only the patterns that ask for its shard count (keys/shards.ts).
  const shards = templateShards(template);
  if (shards !== (ask.shards ?? 1)) return { ok: false, miss: { kind: 'shards', template: shards, asked: ask.shards ?? 1 } };
  const optional = sparseOn(entity, template);
  if (optional.length > 0) {
    const named = new Set([...ask.equals, ...(ask.next === undefined ? [] : [ask.next]), ...(ask.named ?? [])]);
    const sparse = optional.filter((a) => !named.has(a));
    if (sparse.length > 0) return { ok: false, miss: { kind: 'sparse', optional: sparse } };
  }
  const first = template.sk[0];
  // The label tells this entity's items from the others' in a shared partition.
  if (!args.native && first?.kind !== 'literal') return { ok: false, miss: { kind: 'shape', detail: 'its sort key does not start with a label' } };
  const terminated = !args.native && isTerminated(template.sk);
  const body = terminated ? template.sk.slice(0, -1) : template.sk;
  const rest = new Set([...equals].filter((a) => !pkAttrs.includes(a)));
  // The prefix: the leading segments through the last equality attribute, and the literals after it.
  let end = 0;
  let matched = 0;
  while (end < body.length && matched < rest.size) {
    const s = body[end];
    if (s?.kind === 'attribute') {
      if (!rest.has(s.name)) break;
      matched++;
    }
    end++;
  }
  if (matched < rest.size) return { ok: false, miss: { kind: 'prefix', pk: pkAttrs } };
  while (end < body.length && body[end]?.kind === 'literal') end++;
  const prefix = body.slice(0, end);
  const key: StepKey = {
    pk: keyParts(template.pk, entity, paramOf, ask.fixed),
    skPrefix: keyParts(prefix, entity, paramOf, ask.fixed),
    skComplete: ask.next === undefined && end === body.length,
    skTerminated: terminated,
  };
  if (ask.next !== undefined) {
    const following = body[end];
    if (following?.kind !== 'attribute' || following.name !== ask.next) {
      return {
        ok: false,
        miss: { kind: 'next', pk: pkAttrs, prefix: attributesOf(prefix), ...(following?.kind === 'attribute' ? { found: following.name } : {}) },
      };
    }
    const type = entity.attributes.find((a) => a.name === ask.next)?.type ?? 'string';
    key.next = { attribute: ask.next, param: paramOf(ask.next), type, ...(ask.op ? { op: ask.op } : {}), last: end + 1 === body.length && !terminated };
  }
  return { ok: true, key };
}
