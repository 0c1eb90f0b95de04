// Access patterns a key layout already serves, for a model that came without
// any (a NoSQL Workbench model holds keys and indexes, not patterns): per entity,
// get one record by its key (GetItem on the table), list a partition of the
// table in sort-key order, per GSI template the read that GSI exists for, and
// per item collection (entities whose partition in one index is keyed like a
// parent's, `BILL#{billId}`) the parent with its children in one Query: those
// children belong to the parent (`relations`). Each is checked with the planner
// to be served by that very index, so that a derivation against the layout
// keeps every template; they are proposals for the user to accept or edit.
import type { BelongsTo, Entity, Model, Pattern, RecordValue } from '../../model/types.ts';
import type { DesignLayout, KeyTemplate, Segment } from '../../design/types.ts';
import { templateShards } from '../../keys/shards.ts';
import { planPatterns } from '../../queries/planPattern.ts';
import { pascalName, uniqueName } from './workbenchNames.ts';

export interface ProposedPatterns {
  patterns: Pattern[];
  /** Relations the item collections show, to add to the entities (child → its parents), for the proposals that include them. */
  relations: Map<string, BelongsTo[]>;
  /** GSI templates no proposal is served by (another index serves the same read first): a derivation drops them. */
  unread: { entity: string; index: string }[];
}

/** A partition key's shape: its fixed text, and a place for each attribute (`BILL#*`). */
const shapeOf = (pk: readonly Segment[]) => pk.map((s) => (s.kind === 'literal' ? s.text : s.kind === 'shard' ? '<shard>' : '*')).join('#');

const pkAttributes = (t: KeyTemplate) => t.pk.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
const skAttributes = (t: KeyTemplate) => t.sk.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));

/** `samples`: records per entity, the evidence for an item collection whose partition key has no label. */
export function proposePatterns(model: Model, layout: DesignLayout, samples: ReadonlyMap<string, readonly RecordValue[]> = new Map()): ProposedPatterns {
  interface Candidate {
    pattern: Pattern;
    entity: string;
    index: string;
    /** Candidates of one (entity, index) share a group; the first one served by that index is taken. */
    group: string;
  }
  const candidates: Candidate[] = [];
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const by = (attrs: string[]) => attrs.map((a) => pascalName(a) || a).join('And');
  const relations = itemCollections(model, layout, samples);
  const related: Model = {
    ...model,
    entities: model.entities.map((e) => (relations.has(e.name) ? { ...e, belongsTo: [...e.belongsTo, ...(relations.get(e.name) ?? [])] } : e)),
  };
  for (const index of layout.indexes) {
    for (const parent of model.entities) {
      const children = model.entities.filter((c) => relations.get(c.name)?.some((r) => r.entity === parent.name && r.index === index.name));
      if (children.length === 0) continue;
      candidates.push({
        entity: parent.name,
        index: index.name,
        group: `${parent.name}\u0000${index.name}\u0000include`,
        pattern: {
          name: `get${parent.name}With${children.map((c) => c.name).join('And')}`,
          text: `Proposed: one ${parent.name} and its ${children.map((c) => c.name).join(', ')} records in one request (an item collection${index.name === 'table' ? '' : ` in ${index.name}`})`,
          entity: parent.name,
          equals: [...parent.key],
          include: children.map((c) => c.name),
          returns: 'many',
        },
      });
    }
  }
  for (const design of layout.entities) {
    const entity = entities.get(design.entity);
    if (!entity) continue;
    const table = design.keys.table;
    if (!table) continue;
    candidates.push({
      entity: entity.name,
      index: 'table',
      group: `${entity.name}\u0000get`,
      pattern: {
        name: `get${entity.name}`,
        text: `Proposed: one ${entity.name} by its key (${entity.key.join(', ')})`,
        entity: entity.name,
        equals: [...entity.key],
        returns: 'one',
      },
    });
    const pk = pkAttributes(table);
    const sk = skAttributes(table).filter((a) => !pk.includes(a));
    const first = sk[0];
    if (first !== undefined) {
      candidates.push({
        entity: entity.name,
        index: 'table',
        group: `${entity.name}\u0000list`,
        pattern: {
          name: pk.length > 0 ? `list${entity.name}By${by(pk)}` : `listAll${entity.name}`,
          text: `Proposed: the ${entity.name} records of one table partition${pk.length > 0 ? ` (by ${pk.join(', ')})` : ''}, in sort key order`,
          entity: entity.name,
          equals: pk,
          order: { attribute: first, direction: 'asc' },
          returns: 'many',
        },
      });
    }
    for (const index of layout.indexes) {
      if (index.kind !== 'gsi') continue;
      const template = Object.hasOwn(design.keys, index.name) ? design.keys[index.name] : undefined;
      if (!template) continue;
      const gpk = pkAttributes(template);
      const gsk = skAttributes(template).filter((a) => !gpk.includes(a));
      const shards = templateShards(template);
      const base = gpk.length > 0 ? `list${entity.name}By${by(gpk)}` : `listAll${entity.name}`;
      // Equalities on the partition, then on more of the sort key, ordered by the next sort key attribute.
      for (let j = 0; j <= gsk.length; j++) {
        const equals = [...gpk, ...gsk.slice(0, j)];
        const order = gsk[j];
        candidates.push({
          entity: entity.name,
          index: index.name,
          group: `${entity.name}\u0000${index.name}`,
          pattern: {
            name: j === 0 ? base : `list${entity.name}By${by(equals)}`,
            text: `Proposed: ${entity.name} records by ${equals.length > 0 ? equals.join(', ') : 'nothing (one partition)'} through ${index.name}${order !== undefined ? `, in ${order} order` : ''}`,
            entity: entity.name,
            equals,
            ...(order !== undefined ? { order: { attribute: order, direction: 'asc' as const } } : {}),
            returns: 'many',
            ...(shards > 1 ? { shards } : {}),
          },
        });
      }
    }
  }

  // Plan every candidate on the layout (under names of their own), and keep the first of each group that its index serves.
  const trial: Model = { ...related, patterns: candidates.map((c, i) => ({ ...c.pattern, name: `candidate${String(i)}` })) };
  const plans = new Map(planPatterns(trial, layout).plans.map((p) => [p.pattern, p]));
  const chosen = new Map<string, Candidate>();
  candidates.forEach((c, i) => {
    if (chosen.has(c.group)) return;
    const plan = plans.get(`candidate${String(i)}`);
    if (plan && plan.steps.length === 1 && plan.steps[0]?.index === c.index) chosen.set(c.group, c);
  });
  const taken = new Set(model.patterns.map((p) => p.name));
  const patterns = [...chosen.values()].map((c) => ({ ...c.pattern, name: uniqueName(c.pattern.name, taken) }));
  // A GSI template is read when some chosen proposal reads it (an include reads the children's too).
  const read = new Set<string>();
  candidates.forEach((c, i) => {
    if (chosen.get(c.group) !== c) return;
    for (const step of plans.get(`candidate${String(i)}`)?.steps ?? []) for (const e of step.entities) read.add(`${e}\u0000${step.index}`);
  });
  const unread = layout.entities.flatMap((e) =>
    Object.keys(e.keys)
      .filter((index) => index !== 'table' && !read.has(`${e.entity}\u0000${index}`))
      .map((index) => ({ entity: e.entity, index })),
  );
  // Only the relations a chosen include proposal uses.
  const used = new Map<string, BelongsTo[]>();
  for (const c of chosen.values()) {
    for (const child of c.pattern.include ?? []) {
      const r = relations.get(child)?.find((x) => x.entity === c.entity && x.index === c.index);
      if (r) used.set(child, [...(used.get(child) ?? []), { entity: r.entity, via: r.via }]);
    }
  }
  return { patterns, relations: used, unread };
}

/**
 * Item collections of a layout: in one index, a parent whose partition is exactly its key (`BILL#{billId}`) and
 * children partitioned the same way (`BILL#{billId}` made of their own attributes): each child belongs to the parent
 * via those attributes, where they are required and typed like the parent's key. A partition of a bare value (no
 * label) proves less: there the samples must show it, every child's values being some parent's key.
 */
function itemCollections(
  model: Model,
  layout: DesignLayout,
  samples: ReadonlyMap<string, readonly RecordValue[]>,
): Map<string, (BelongsTo & { index: string })[]> {
  const out = new Map<string, (BelongsTo & { index: string })[]>();
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const typeOf = (e: Entity, name: string) => e.attributes.find((a) => a.name === name);
  for (const index of layout.indexes) {
    if (index.keys === 'native') continue;
    const placed = layout.entities.flatMap((d) => {
      const t = Object.hasOwn(d.keys, index.name) ? d.keys[index.name] : undefined;
      const e = entities.get(d.entity);
      return t && e && templateShards(t) === 1 ? [{ entity: e, template: t }] : [];
    });
    for (const parent of placed) {
      const key = pkAttributes(parent.template);
      const labelled = parent.template.pk.some((s) => s.kind === 'literal');
      if (key.length === 0 || key.join('\u0000') !== parent.entity.key.join('\u0000')) continue;
      const parentKeys = new Set((samples.get(parent.entity.name) ?? []).map((r) => JSON.stringify(key.map((k) => r[k]))));
      const shape = shapeOf(parent.template.pk);
      for (const child of placed) {
        if (child === parent || shapeOf(child.template.pk) !== shape) continue;
        const via = pkAttributes(child.template);
        const fits = via.every((v, j) => {
          const a = typeOf(child.entity, v);
          const p = typeOf(parent.entity, key[j] ?? '');
          return a !== undefined && p !== undefined && a.optional !== true && a.type === p.type;
        });
        if (!fits || child.entity.belongsTo.some((b) => b.entity === parent.entity.name)) continue;
        const childRecords = samples.get(child.entity.name) ?? [];
        const shown = childRecords.length > 0 && childRecords.every((r) => parentKeys.has(JSON.stringify(via.map((v) => r[v]))));
        if (!labelled && !shown) continue;
        if (out.get(child.entity.name)?.some((b) => b.entity === parent.entity.name)) continue;
        out.set(child.entity.name, [...(out.get(child.entity.name) ?? []), { entity: parent.entity.name, via, index: index.name }]);
      }
    }
  }
  return out;
}
