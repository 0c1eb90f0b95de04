// The key layout: every entity's key templates in the table and the GSIs,
// derived from what the access patterns need (accessNeeds → coverChains →
// assignIndexes). Pure and deterministic: the same model gives the same layout.
import { shardSegment } from './shards.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Entity, Model } from '../model/types.ts';
import type { EntityDesign, IndexDesign, KeyTemplate, NativeKeySchema, Segment } from '../design/types.ts';
import { accessNeeds, type Collection, type Need } from './accessNeeds.ts';
import { assignIndexes } from './assignIndexes.ts';
import { coverChains, type Chain } from './coverChains.ts';
import { entityLabels } from './entityLabels.ts';
import { keysDiagnostic } from './keysDiagnostic.ts';
import { attributeKeyTypes, nativeProblem, nativeSchemaOf, nativeTemplateOf, type KeysMode } from './nativeKeys.ts';

/** DynamoDB's limit of GSIs per table. */
export const MAX_GSIS = 20;

/**
 * What the derivation hands on: indexes and templates (the public layout) and its diagnostics.
 * How it got there (needs, chains, their placement) stays inside this stage: plans are made
 * on the layout alone (queries/planPattern.ts), as for a layout loaded from design.json.
 */
export interface KeyLayout {
  indexes: IndexDesign[];
  entities: EntityDesign[];
  entityAttribute: string;
  diagnostics: Diagnostic[];
}

export interface KeyLayoutOptions {
  /** Entity → label to keep (a previous design's); other entities get labels that differ from these. */
  labels?: ReadonlyMap<string, string>;
  /** `native`: GSIs keyed on the items' own attributes wherever DynamoDB's rules allow (nativeKeys.ts); the table stays composite. */
  keys?: KeysMode;
}

export function deriveKeyLayout(model: Model, options: KeyLayoutOptions = {}): KeyLayout {
  const labels = entityLabels(model, options.labels);
  const needs = accessNeeds(model, labels);
  const chains = coverChains(model.entities, needs.needs);
  const placement = assignIndexes(model.entities, chains);
  const diagnostics: Diagnostic[] = [...needs.diagnostics];

  const taken = new Set(model.entities.flatMap((e) => e.attributes.map((a) => a.name)));
  const free = (name: string) => {
    let n = name;
    while (taken.has(n)) n = `_${n}`;
    taken.add(n);
    return n;
  };
  const entityAttribute = free('_type');
  const native =
    options.keys === 'native'
      ? nativePlacement({ model, chains, placement, entityAttribute, diagnostics })
      : new Map<number, Pick<NativeKeySchema, 'pk' | 'sk'>>();

  let gsiCount = 0;
  for (const slot of placement.values()) gsiCount = Math.max(gsiCount, slot);
  const indexes: IndexDesign[] = [];
  for (let slot = 0; slot <= gsiCount; slot++) {
    const name = slot === 0 ? 'table' : `GSI${slot}`;
    const schema = native.get(slot);
    if (schema) {
      indexes.push({ name, kind: 'gsi', keys: 'native', pk: schema.pk, sk: schema.sk, patterns: [], entities: [] });
      continue;
    }
    indexes.push({
      name,
      kind: slot === 0 ? 'table' : 'gsi',
      pkAttribute: free(slot === 0 ? 'PK' : `GSI${slot}PK`),
      skAttribute: free(slot === 0 ? 'SK' : `GSI${slot}SK`),
      patterns: [],
      entities: [],
    });
  }
  const chainsOf = new Map<string, Chain[]>();
  for (const chain of chains) {
    const own = chainsOf.get(chain.entity);
    if (own) own.push(chain);
    else chainsOf.set(chain.entity, [chain]);
  }
  const collections = new Map(needs.collections.map((c) => [c.id, c]));
  const entities: EntityDesign[] = model.entities.map((entity) => {
    const label = labels.get(entity.name) ?? entity.name.toUpperCase();
    const keys: Record<string, KeyTemplate> = {};
    const own = [...(chainsOf.get(entity.name) ?? [])].sort((a, b) => (placement.get(a.id) ?? 0) - (placement.get(b.id) ?? 0));
    for (const chain of own) {
      const slot = placement.get(chain.id) ?? 0;
      const index = indexes[slot];
      if (!index) continue;
      keys[index.name] =
        index.keys === 'native'
          ? nativeTemplateOf(entity, chain)
          : templateOf({ entity, chain, labels, collection: chain.collection === undefined ? undefined : collections.get(chain.collection) });
    }
    if (!keys.table) keys.table = { pk: [{ kind: 'literal', text: label }, ...entity.key.map(attr)], sk: [{ kind: 'literal', text: label }] };
    const ordered: Record<string, KeyTemplate> = {};
    for (const index of indexes) {
      const t = keys[index.name];
      if (t) {
        ordered[index.name] = t;
        index.entities.push(entity.name);
      }
    }
    return { entity: entity.name, label, keys: ordered };
  });

  return { indexes, entities, entityAttribute, diagnostics };
}

/**
 * Native mode: the chains placed on GSIs that can have native keys move to native GSIs, one per key
 * schema (entities share one only when their key attribute names and types agree), numbered after the
 * composite GSIs, which keep their packing. Updates `placement`; returns slot → native schema. Each chain
 * that keeps a composite key on a GSI is named in a warning, with why.
 */
/**
 * deriveKeyLayout's diagnostics alone (about the model's patterns: filtered ranges, two requests, patterns no layout
 * serves), for a caller that keeps another layout (keepPrevious). With composite keys they are the access needs'
 * own, so the chains and their placement are not made for them.
 */
export function keyLayoutDiagnostics(model: Model, options: KeyLayoutOptions = {}): Diagnostic[] {
  if (options.keys === 'native') return deriveKeyLayout(model, options).diagnostics;
  return accessNeeds(model, entityLabels(model, options.labels)).diagnostics;
}

function nativePlacement(args: {
  model: Model;
  chains: Chain[];
  placement: Map<number, number>;
  entityAttribute: string;
  diagnostics: Diagnostic[];
}): Map<number, Pick<NativeKeySchema, 'pk' | 'sk'>> {
  const { model, chains, placement, entityAttribute, diagnostics } = args;
  const types = attributeKeyTypes(model);
  const onGsi = chains.filter((c) => (placement.get(c.id) ?? 0) > 0);
  const problems = new Map(onGsi.map((c) => [c.id, nativeProblem(c, types, model)]));
  // A GSI that keeps a composite key anyway takes the other chains placed with it: a native GSI of their
  // own would cost one more GSI for the same reads (fewest GSIs the rules allow).
  const compositeSlots = new Set(onGsi.filter((c) => problems.get(c.id) !== undefined).map((c) => placement.get(c.id) ?? 0));
  for (const c of onGsi) {
    const slot = placement.get(c.id) ?? 0;
    if (problems.get(c.id) === undefined && compositeSlots.has(slot))
      problems.set(c.id, 'it shares that GSI with keys that must be composite, which saves a GSI of its own');
  }
  const composite = onGsi.filter((c) => problems.get(c.id) !== undefined);
  const slots = [...new Set(composite.map((c) => placement.get(c.id) ?? 0))].sort((a, b) => a - b);
  const renumber = new Map(slots.map((s, i) => [s, i + 1]));
  for (const c of composite) placement.set(c.id, renumber.get(placement.get(c.id) ?? 0) ?? 1);
  const native = new Map<number, Pick<NativeKeySchema, 'pk' | 'sk'>>();
  const bySchema = new Map<string, number[]>();
  const entitiesIn = new Map<number, Set<string>>();
  let next = slots.length + 1;
  for (const chain of onGsi) {
    if (problems.get(chain.id) !== undefined) continue;
    const schema = nativeSchemaOf(chain, entityAttribute, types);
    const key = JSON.stringify(schema);
    // One template per entity per index: a second chain of an entity with the same schema takes another GSI.
    let slot = (bySchema.get(key) ?? []).find((s) => !entitiesIn.get(s)?.has(chain.entity));
    if (slot === undefined) {
      slot = next++;
      bySchema.set(key, [...(bySchema.get(key) ?? []), slot]);
      native.set(slot, schema);
      entitiesIn.set(slot, new Set());
    }
    entitiesIn.get(slot)?.add(chain.entity);
    placement.set(chain.id, slot);
  }
  const patternIndex = new Map(model.patterns.map((p, i) => [p.name, i]));
  for (const chain of composite) {
    const patterns = [...new Set(chain.needs.flatMap((n) => n.patterns))];
    const first = patterns[0];
    const index = `GSI${placement.get(chain.id) ?? 0}`;
    diagnostics.push(
      keysDiagnostic(
        'keys.compositeKey',
        `${patterns.join(', ')}: ${chain.entity}'s key on ${index} is a composite string built from its attributes, not the attributes themselves (native keys): ${problems.get(chain.id) ?? ''}.`,
        {
          path: first === undefined ? undefined : `patterns[${patternIndex.get(first) ?? -1}]`,
          subject: { ...(first === undefined ? {} : { pattern: first }), entity: chain.entity, index },
        },
        'warning',
      ),
    );
  }
  return native;
}

function attr(name: string): Segment {
  return { kind: 'attribute', name };
}

/** The sort key label of an entity in a collection: plain, or ranked when the collection needs an order. */
function skLabel(entity: string, label: string, collection: Collection | undefined): string {
  const rank = collection?.ranked?.indexOf(entity) ?? -1;
  if (!collection?.ranked || rank < 0) return label;
  const width = String(collection.ranked.length).length;
  return `${String(rank + 1).padStart(width, '0')}_${label}`;
}

/** The full template of a chain: labels, the chain's attributes, then the rest of the entity's key. */
function templateOf(args: { entity: Entity; chain: Chain; labels: Map<string, string>; collection: Collection | undefined }): KeyTemplate {
  const { entity, chain, labels, collection } = args;
  const plain = labels.get(entity.name) ?? entity.name;
  const label = skLabel(entity.name, plain, collection);
  const pkLabel = collection ? (labels.get(collection.parent) ?? plain) : plain;
  const skAttrs = [...chain.template.sk];
  for (const k of entity.key) if (!chain.template.pk.includes(k) && !skAttrs.includes(k)) skAttrs.push(k);
  const sk: Segment[] = [{ kind: 'literal', text: label }, ...skAttrs.map(attr)];
  const last = skAttrs[skAttrs.length - 1];
  if (last !== undefined && chain.needs.some((n: Need) => n.next === last && n.op === '<')) sk.push({ kind: 'literal', text: '' });
  const shards = chain.template.shards ?? 1;
  return { pk: [{ kind: 'literal', text: pkLabel }, ...chain.template.pk.map(attr), ...(shards > 1 ? [shardSegment(shards, entity.key)] : [])], sk };
}
