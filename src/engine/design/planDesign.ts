// A design from a model and a key layout alone: the plans of every pattern on
// the layout's templates (planPatterns), which index serves which pattern, and
// what the layout lacks for this model. `deriveDesign` builds its design this
// way from the layout it derives; a design.json loaded back (parseDesignJson)
// or a previous design is planned the same way.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import { planPatterns, type PlannedPatterns } from '../queries/planPattern.ts';
import { queriesDiagnostic } from '../queries/queriesDiagnostic.ts';
import { keySchemaOf } from './indexKeys.ts';
import { tableSettings } from './tableSettings.ts';
import type { Design, DesignLayout, IndexDesign, PatternPlan } from './types.ts';

/** `planned`: planPatterns(model, layout), when the caller has made it already (a kept layout's). */
export function planDesign(model: Model, layout: DesignLayout, planned: PlannedPatterns = planPatterns(model, layout)): Design {
  const diagnostics = layoutProblems(model, layout);
  return {
    model,
    tableName: layout.tableName,
    entityAttribute: layout.entityAttribute,
    indexes: indexDesigns(layout, planned.plans),
    entities: layout.entities.map((e) => ({ entity: e.entity, label: e.label, keys: e.keys })),
    patterns: planned.plans,
    // The table settings' warnings (a second TTL attribute, capacity on the wrong billing) come with every layout.
    diagnostics: [...diagnostics, ...planned.diagnostics, ...tableSettings({ model }).diagnostics],
  };
}

/** Every index of the layout with the patterns it serves (in model order) and the entities keyed in it (in layout order). */
export function indexDesigns(layout: DesignLayout, plans: readonly PatternPlan[]): IndexDesign[] {
  return layout.indexes.map((index) => ({
    ...keySchemaOf(index),
    patterns: [...new Set(plans.filter((p) => p.steps.some((s) => s.index === index.name)).map((p) => p.pattern))],
    entities: layout.entities.filter((e) => e.keys[index.name] !== undefined).map((e) => e.entity),
  }));
}

/** Entities the layout cannot store: not in it, or keyed by attributes they do not have. */
function layoutProblems(model: Model, layout: DesignLayout): Diagnostic[] {
  const out: Diagnostic[] = [];
  const designed = new Map(layout.entities.map((e) => [e.entity, e]));
  // A native GSI's key attributes are every item's attributes of that name: DynamoDB refuses to store an
  // item (of any entity) whose attribute of that name has another type.
  for (const index of layout.indexes) {
    if (index.keys !== 'native') continue;
    for (const key of [...index.pk, ...index.sk]) {
      model.entities.forEach((entity, i) => {
        const attribute = entity.attributes.find((a) => a.name === key.name);
        if (!attribute) return;
        const type = attribute.type === 'boolean' ? 'BOOL' : attribute.type === 'number' ? 'N' : 'S';
        if (type === key.type) return;
        out.push(
          queriesDiagnostic(
            'queries.keyTypeMismatch',
            `${index.name} is keyed on "${key.name}" as ${key.type === 'N' ? 'a number (N)' : 'a string (S)'}, but ${entity.name} holds "${key.name}" as a ${attribute.type}: DynamoDB would refuse to store such a ${entity.name}.`,
            { path: `entities[${i}]`, subject: { entity: entity.name, index: index.name } },
          ),
        );
      });
    }
  }
  model.entities.forEach((entity, i) => {
    const design = designed.get(entity.name);
    const where = { path: `entities[${i}]`, subject: { entity: entity.name } };
    if (!design || design.keys.table === undefined) {
      out.push(
        queriesDiagnostic(
          'queries.entityNotInDesign',
          `${entity.name} has no key on the table of this design, so its records cannot be stored; derive the design again from this model.`,
          where,
        ),
      );
      return;
    }
    const names = new Set(entity.attributes.map((a) => a.name));
    for (const [index, template] of Object.entries(design.keys)) {
      const unknown = [...template.pk, ...template.sk].flatMap((s) => (s.kind === 'attribute' && !names.has(s.name) ? [s.name] : []));
      if (unknown.length > 0) {
        out.push(
          queriesDiagnostic(
            'queries.attributeNotInModel',
            `${entity.name}'s key in ${index} is built from ${unknown.map((a) => `"${a}"`).join(', ')}, which ${entity.name} does not have in this model.`,
            {
              ...where,
              subject: { entity: entity.name, index },
            },
          ),
        );
      }
    }
  });
  return out;
}
