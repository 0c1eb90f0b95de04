// A layout that keeps a previous design: every index name, key attribute,
// label and template that still fits the model stays exactly as it was (a
// deployed table's keys cannot change in place), and only the patterns the
// kept layout cannot serve get new templates, in an existing GSI where they
// change no other pattern's plan, else in a new GSI under the next free name.
// Templates no pattern reads any more go. Every difference from the previous
// design is listed with its reason.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Entity, Model } from '../model/types.ts';
import { deriveKeyLayout, keyLayoutDiagnostics } from '../keys/deriveKeyLayout.ts';
import { planPatterns, type PlanCache, type PlannedPatterns } from '../queries/planPattern.ts';
import type { KeysMode } from '../keys/nativeKeys.ts';
import { keySchemaOf, syntheticKeyAttributes } from './indexKeys.ts';
import type { DesignChange, DesignLayout, EntityDesign, IndexLayout, KeyTemplate, PatternPlan } from './types.ts';

export interface KeptLayout {
  layout: DesignLayout;
  changes: DesignChange[];
  /** The keys stage's diagnostics about the model's patterns (filtered ranges, two requests, patterns no layout serves). */
  keysDiagnostics: Diagnostic[];
  /** planPatterns(model, layout), when it was made on the way (planDesign takes it instead of planning again). */
  planned?: PlannedPatterns;
}

export interface KeepOptions {
  /**
   * The previous design is deployed: its table holds items keyed by it. Every GSI and template is kept, even
   * those no pattern reads any more (they go only when the user drops them), so the table and every writer
   * of either design stay consistent during a migration.
   */
  deployed?: boolean;
  /** Plans of the last derivation (DeriveOptions.plans), for the kept layout's plans and the final one's. */
  plans?: PlanCache;
}

export function keepPrevious(model: Model, previous: DesignLayout, tableName: string, keys: KeysMode = 'composite', options: KeepOptions = {}): KeptLayout {
  const changes: DesignChange[] = [];
  const attributeNames = new Set(model.entities.flatMap((e) => e.attributes.map((a) => a.name)));
  const taken = new Set([...attributeNames, previous.entityAttribute, ...previous.indexes.flatMap(syntheticKeyAttributes)]);
  const free = (name: string) => {
    let n = name;
    while (taken.has(n)) n = `_${n}`;
    taken.add(n);
    return n;
  };

  let entityAttribute = previous.entityAttribute;
  if (attributeNames.has(entityAttribute)) {
    entityAttribute = free('_type');
    changes.push({
      kind: 'changed',
      reason: `"${previous.entityAttribute}" is now an attribute of the model, so items name their entity in "${entityAttribute}"`,
    });
  }
  const indexes: IndexLayout[] = previous.indexes.map((index) => {
    // A native GSI's key attributes are the items' own: nothing of the model can collide with them.
    if (index.keys === 'native') return index;
    const pkAttribute = attributeNames.has(index.pkAttribute) ? free(index.pkAttribute) : index.pkAttribute;
    const skAttribute = attributeNames.has(index.skAttribute) ? free(index.skAttribute) : index.skAttribute;
    if (pkAttribute !== index.pkAttribute || skAttribute !== index.skAttribute) {
      changes.push({
        kind: 'changed',
        index: index.name,
        reason: `the model now has an attribute named like ${index.name}'s key, which moves to "${pkAttribute}", "${skAttribute}"`,
      });
    }
    return { ...index, pkAttribute, skAttribute };
  });

  // Entities: the previous labels and every template that still fits.
  const modelEntities = new Map(model.entities.map((e) => [e.name, e]));
  const kept = new Map<string, EntityDesign>();
  const labels = new Map<string, string>();
  const rekeyed = new Set<string>();
  for (const prev of previous.entities) {
    const entity = modelEntities.get(prev.entity);
    if (!entity) {
      changes.push({ kind: 'removed', entity: prev.entity, reason: `${prev.entity} is not in the model any more, so nothing keys its items` });
      continue;
    }
    labels.set(entity.name, prev.label);
    const keys: Record<string, KeyTemplate> = {};
    for (const [index, template] of Object.entries(prev.keys)) {
      const problem = templateProblem(entity, template, index);
      if (problem === undefined) {
        keys[index] = template;
        continue;
      }
      if (index === 'table') rekeyed.add(entity.name);
      changes.push({ kind: index === 'table' ? 'changed' : 'removed', index, entity: entity.name, reason: problem });
    }
    kept.set(entity.name, { entity: entity.name, label: prev.label, keys });
  }
  let layout: DesignLayout = { tableName, entityAttribute, indexes, entities: inModelOrder(model, kept) };
  const kept0 = layout;

  // What the kept layout cannot serve, and why (the reason for whatever is added).
  const first = planPatterns(model, layout, options.plans);
  const why = new Map(first.diagnostics.flatMap((d) => (d.subject?.pattern !== undefined ? [[d.subject.pattern, d.message] as const] : [])));
  const unkeyed = model.entities.filter((e) => kept.get(e.name)?.keys.table === undefined);
  const keysDiagnostics = keyLayoutDiagnostics(model, { labels, keys });
  if (why.size > 0 || unkeyed.length > 0) {
    // The patterns the kept table serves come along, so they hold the table as they do now and the new ones
    // are derived onto GSIs (natively keyed where the mode and DynamoDB's rules allow), not onto a table key.
    const onTable = new Set(first.plans.filter((p) => p.steps.every((s) => s.index === 'table')).map((p) => p.pattern));
    const sub = deriveKeyLayout({ ...model, patterns: model.patterns.filter((p) => why.has(p.name) || onTable.has(p.name)) }, { labels, keys });
    const subLayout: DesignLayout = {
      tableName,
      entityAttribute,
      indexes: sub.indexes.map((i) => ({ ...keySchemaOf(i), projection: 'ALL' })),
      entities: sub.entities,
    };
    const subTemplates = new Map(sub.entities.map((e) => [e.entity, e]));
    // Every entity has a table key: a new one (or one whose table key lost an attribute) takes the derived one.
    for (const entity of unkeyed) {
      const derived = subTemplates.get(entity.name);
      const table = derived?.keys.table;
      if (!derived || !table) continue;
      const design = kept.get(entity.name) ?? { entity: entity.name, label: derived.label, keys: {} };
      design.keys = { table, ...design.keys };
      kept.set(entity.name, design);
      if (!rekeyed.has(entity.name)) changes.push({ kind: 'added', entity: entity.name, reason: `${entity.name} is new in the model` });
    }
    layout = { ...layout, entities: inModelOrder(model, kept) };
    const subPlans = planPatterns({ ...model, patterns: model.patterns.filter((p) => why.has(p.name)) }, subLayout).plans;
    let gsiNumber = Math.max(0, ...[...previous.indexes, ...indexes].map((i) => /^GSI(\d+)$/.exec(i.name)).map((m) => (m ? Number(m[1]) : 0)));
    for (const index of subLayout.indexes) {
      const group = new Map<string, KeyTemplate>();
      for (const plan of subPlans) {
        for (const step of plan.steps) {
          if (step.index !== index.name) continue;
          for (const e of step.entities) {
            const t = subTemplates.get(e)?.keys[index.name];
            if (t) group.set(e, t);
          }
        }
      }
      // On the table, entities that just took this very template are served already.
      if (index.kind === 'table' && [...group].every(([e, t]) => sameTemplate(kept.get(e)?.keys.table, t))) continue;
      if (group.size === 0) continue;
      // The patterns this group serves alone (a two-step pattern is checked once both its groups are placed).
      const wanted = subPlans.filter((p) => p.steps.every((s) => s.index === index.name)).map((p) => p.pattern);
      let before: Map<string, string> | undefined;
      const fits = (candidate: DesignLayout) => {
        before ??= planMap(model, layout);
        const after = planMap(model, candidate);
        return [...before].every(([name, plan]) => after.get(name) === plan) && wanted.every((name) => after.has(name));
      };
      let placed: DesignLayout | undefined;
      // A native group goes only where the key schema is the same; a composite one into a composite GSI.
      const schema = JSON.stringify({ ...keySchemaOf(index), name: '' });
      for (const gsi of layout.indexes) {
        if (gsi.kind !== 'gsi' || (JSON.stringify({ ...keySchemaOf(gsi), name: '' }) !== schema && (gsi.keys === 'native' || index.keys === 'native')))
          continue;
        if ([...group.keys()].some((e) => kept.get(e)?.keys[gsi.name] !== undefined)) continue;
        const trial = withTemplates(model, layout, gsi.name, group);
        if (fits(trial)) {
          placed = trial;
          break;
        }
      }
      if (!placed) {
        gsiNumber++;
        const name = `GSI${gsiNumber}`;
        const gsi: IndexLayout =
          index.keys === 'native'
            ? { name, kind: 'gsi', keys: 'native', pk: index.pk, sk: index.sk, projection: 'ALL' }
            : { name, kind: 'gsi', pkAttribute: free(`${name}PK`), skAttribute: free(`${name}SK`), projection: 'ALL' };
        placed = withTemplates(model, { ...layout, indexes: [...layout.indexes, gsi] }, name, group);
      }
      layout = placed;
      for (const design of layout.entities) kept.set(design.entity, design);
    }
  }

  const planned = layout === kept0 ? first : planPatterns(model, layout, options.plans);
  const plans = planned.plans;
  if (options.deployed) {
    changes.push(...differences(previous, layout, { changes, why, plans }));
    return { layout, changes, keysDiagnostics, planned };
  }
  // Templates in GSIs that no pattern reads any more go, and GSIs left empty with them.
  const used = new Set(plans.flatMap((p) => p.steps.flatMap((s) => s.entities.map((e) => `${s.index}\u0000${e}`))));
  const entities = layout.entities.map((design) => ({
    ...design,
    keys: Object.fromEntries(Object.entries(design.keys).filter(([index]) => index === 'table' || used.has(`${index}\u0000${design.entity}`))),
  }));
  const live = layout.indexes.filter((i) => i.kind === 'table' || entities.some((e) => e.keys[i.name] !== undefined));
  // Nothing pruned (an edit that keeps every template): the plans were made on this very layout.
  const unchanged =
    live.length === layout.indexes.length && entities.every((e, i) => Object.keys(e.keys).length === Object.keys(layout.entities[i]?.keys ?? {}).length);
  layout = { ...layout, indexes: live, entities };
  // Pruning reads no plan differently: the plans above still say which patterns read what.
  changes.push(...differences(previous, layout, { changes, why, plans }));
  return { layout, changes, keysDiagnostics, ...(unchanged ? { planned } : {}) };
}

/** Why a previous template no longer fits the entity, or undefined. */
function templateProblem(entity: Entity, template: KeyTemplate, index: string): string | undefined {
  const names = [...template.pk, ...template.sk].flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
  const gone = names.filter((a) => !entity.attributes.some((x) => x.name === a));
  if (gone.length > 0) return `${entity.name}'s key in ${index} was built from ${quoted(gone)}, which ${entity.name} no longer has`;
  const optional = names.filter((a) => entity.attributes.find((x) => x.name === a)?.optional);
  if (index === 'table' && optional.length > 0)
    return `${entity.name}'s table key was built from ${quoted(optional)}, which is now optional, and every item needs its table key`;
  return undefined;
}

/** The added, removed and changed templates and GSIs that `changes` does not list yet. */
function differences(
  previous: DesignLayout,
  layout: DesignLayout,
  known: { changes: DesignChange[]; why: Map<string, string>; plans: PatternPlan[] },
): DesignChange[] {
  const out: DesignChange[] = [];
  const listed = (index: string | undefined, entity: string | undefined) => known.changes.some((c) => c.index === index && c.entity === entity);
  const readers = (index: string, entity?: string) =>
    known.plans
      .filter((p) => known.why.has(p.pattern) && p.steps.some((s) => s.index === index && (entity === undefined || s.entities.includes(entity))))
      .map((p) => p.pattern);
  const forPatterns = (patterns: string[]) => {
    const first = patterns[0];
    return first === undefined
      ? 'no pattern of the model needed it before'
      : `for ${patterns.join(', ')}, which the previous design did not serve (${known.why.get(first) ?? ''})`;
  };
  const prevIndexes = new Set(previous.indexes.map((i) => i.name));
  const nowIndexes = new Set(layout.indexes.map((i) => i.name));
  // A GSI the change adds is one row, naming the entities it keys (not a row per template in it).
  for (const index of layout.indexes) {
    if (prevIndexes.has(index.name)) continue;
    const keyed = layout.entities.filter((e) => e.keys[index.name] !== undefined).map((e) => e.entity);
    out.push({ kind: 'added', index: index.name, reason: `keys ${keyed.join(', ')}, ${forPatterns(readers(index.name))}` });
  }
  for (const index of previous.indexes)
    if (!nowIndexes.has(index.name)) out.push({ kind: 'removed', index: index.name, reason: `no pattern of the model reads ${index.name} any more` });
  const prevEntities = new Map(previous.entities.map((e) => [e.entity, e]));
  for (const design of layout.entities) {
    const prev = prevEntities.get(design.entity);
    if (!prev) {
      // A new entity: its table key comes with it; its GSI templates are listed.
      for (const index of Object.keys(design.keys))
        if (index !== 'table' && prevIndexes.has(index))
          out.push({ kind: 'added', index, entity: design.entity, reason: forPatterns(readers(index, design.entity)) });
      continue;
    }
    for (const [index, template] of Object.entries(design.keys)) {
      if (listed(index, design.entity) && index === 'table') continue;
      const before = prev.keys[index];
      if (!prevIndexes.has(index)) continue; // in a GSI the change adds: its row says so
      if (!before) out.push({ kind: 'added', index, entity: design.entity, reason: forPatterns(readers(index, design.entity)) });
      else if (!sameTemplate(before, template) && !listed(index, design.entity))
        out.push({ kind: 'changed', index, entity: design.entity, reason: forPatterns(readers(index, design.entity)) });
    }
    for (const index of Object.keys(prev.keys)) {
      if (design.keys[index] !== undefined || listed(index, design.entity) || !nowIndexes.has(index)) continue;
      out.push({ kind: 'removed', index, entity: design.entity, reason: `no pattern of the model reads ${design.entity} through ${index} any more` });
    }
  }
  return out;
}

function withTemplates(model: Model, layout: DesignLayout, index: string, group: ReadonlyMap<string, KeyTemplate>): DesignLayout {
  const byName = new Map(layout.entities.map((e) => [e.entity, e]));
  for (const [entity, template] of group) {
    const design = byName.get(entity);
    if (design) byName.set(entity, { ...design, keys: { ...design.keys, [index]: template } });
  }
  // Templates in index order, as everywhere.
  const ordered = [...byName.values()].map((e): EntityDesign => ({
    ...e,
    keys: Object.fromEntries(
      layout.indexes.flatMap((i) => {
        const t = e.keys[i.name];
        return t ? [[i.name, t] as const] : [];
      }),
    ),
  }));
  return { ...layout, entities: inModelOrder(model, new Map(ordered.map((e) => [e.entity, e]))) };
}

function inModelOrder(model: Model, designs: ReadonlyMap<string, EntityDesign>): EntityDesign[] {
  return model.entities.flatMap((e) => {
    const d = designs.get(e.name);
    return d ? [d] : [];
  });
}

function planMap(model: Model, layout: DesignLayout): Map<string, string> {
  return new Map(planPatterns(model, layout).plans.map((p) => [p.pattern, JSON.stringify(p)]));
}

function sameTemplate(a: KeyTemplate | undefined, b: KeyTemplate | undefined): boolean {
  // A kept template is the previous design's own object: equal without writing either out.
  return a !== undefined && b !== undefined && (a === b || JSON.stringify(a) === JSON.stringify(b));
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
