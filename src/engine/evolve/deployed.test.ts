// Property: deriving against a deployed design never changes what the live table
// has: the entity attribute, every index's key schema and projection, every
// entity's table key template and GSI templates; and the new design's items carry
// every key the deployed design writes, so the kept templates stay written.
import { describe, expect, it } from 'vitest';
import { allModels } from '../../testing/exampleModels.ts';
import { prng, randomModel, type Random } from '../../testing/randomModel.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import { keySchemaOf } from '../design/indexKeys.ts';
import { toItem } from '../design/items.ts';
import type { Design } from '../design/types.ts';
import type { KeysMode } from '../keys/nativeKeys.ts';
import type { Model } from '../model/types.ts';
import { validateModel } from '../model/validateModel.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { planWrites } from '../writes/writePlan.ts';
import { isEvolveError } from './evolveDiagnostic.ts';
import { migrationPlan } from './migrationPlan.ts';

/** The model with 0 to `most` of its patterns left out, chosen by the PRNG. */
function someRemoved(model: Model, random: Random, least: number, most: number): Model {
  const count = Math.min(model.patterns.length - 1, least + random.int(most - least + 1));
  const out = new Set<string>();
  while (out.size < Math.max(0, count)) out.add(random.pick(model.patterns).name);
  return { ...model, patterns: model.patterns.filter((p) => !out.has(p.name)) };
}

/** What `after` changed of the deployed design `before`: empty when the live table can take it as it is. */
function changedOnTheTable(before: Design, after: Design): string[] {
  const out: string[] = [];
  if (after.entityAttribute !== before.entityAttribute) out.push('entity attribute');
  for (const index of before.indexes) {
    const now = after.indexes.find((i) => i.name === index.name);
    if (!now) out.push(`${index.name} dropped`);
    else if (JSON.stringify(keySchemaOf(now)) !== JSON.stringify(keySchemaOf(index))) out.push(`${index.name} key schema`);
  }
  for (const entity of before.entities) {
    const now = after.entities.find((e) => e.entity === entity.entity);
    if (!now) continue;
    if (now.label !== entity.label) out.push(`${entity.entity} label`);
    for (const [index, template] of Object.entries(entity.keys)) {
      if (JSON.stringify(now.keys[index]) !== JSON.stringify(template)) out.push(`${entity.entity}'s template in ${index}`);
    }
  }
  return out;
}

/** Keys the deployed design writes on a record's item that the new design's item lacks or writes otherwise. */
function keysNotWritten(before: Design, after: Design): string[] {
  const out: string[] = [];
  const records = generateSampleRecords(after.model, { seed: 'deployed', maxPerEntity: 4 });
  for (const [entity, list] of records) {
    if (!before.entities.some((e) => e.entity === entity) || !before.model.entities.some((e) => e.name === entity)) continue;
    for (const record of list) {
      let old;
      try {
        old = toItem(before, entity, record);
      } catch {
        continue; // a record the old model could not hold (an attribute it did not have)
      }
      const now = toItem(after, entity, record);
      for (const index of before.indexes) {
        if (index.keys === 'native') continue;
        for (const name of [index.pkAttribute, index.skAttribute]) if (old[name] !== undefined && old[name] !== now[name]) out.push(`${entity}.${name}`);
      }
    }
  }
  // The write plan (the generated module's and the app's writes) keeps every index the deployed design keys the entity in.
  for (const plan of planWrites(after)) {
    const kept = before.entities.find((e) => e.entity === plan.entity);
    for (const index of Object.keys(kept?.keys ?? {})) if (!plan.indexes.some((i) => i.index === index)) out.push(`${plan.entity} writes no ${index}`);
  }
  return [...new Set(out)];
}

function checkStep(before: Design, model: Model, keys: KeysMode, context: string): Design {
  const after = deriveDesign(model, { keys, previous: designLayout(before), deployed: true });
  expect(
    after.diagnostics.filter((d) => isEvolveError(d) || d.code === 'engine.internal'),
    context,
  ).toEqual([]);
  expect(changedOnTheTable(before, after), context).toEqual([]);
  expect(keysNotWritten(before, after), context).toEqual([]);
  const plan = migrationPlan(before, after);
  expect(plan.impossible, context).toEqual([]);
  const created = after.indexes.filter((i) => !before.indexes.some((b) => b.name === i.name)).map((i) => i.name);
  expect(
    plan.steps.flatMap((s) => (s.kind === 'createIndex' ? [s.index] : [])),
    context,
  ).toEqual(created);
  expect(
    plan.steps.some((s) => s.kind === 'dropIndex'),
    context,
  ).toBe(false);
  return after;
}

describe('deriving against a deployed design', () => {
  for (const keys of ['composite', 'native'] as const) {
    it.each(allModels().map((x) => [x.slug, x.model] as const))(
      `${keys} keys, %s: patterns dropped and added over three deployments never change the live table's keys`,
      (slug, model) => {
        if (model.patterns.length < 2) return;
        for (let seed = 1; seed <= 4; seed++) {
          const random = prng(seed * 7919 + slug.length);
          let deployed = deriveDesign(someRemoved(model, random, 1, 3), { keys });
          for (let step = 1; step <= 3; step++) deployed = checkStep(deployed, someRemoved(model, random, 0, 3), keys, `${slug} seed ${seed} step ${step}`);
        }
      },
    );

    it(`${keys} keys: random models, random patterns dropped and added back`, () => {
      let checked = 0;
      for (let seed = 1; seed <= 80; seed++) {
        const model = randomModel(prng(seed));
        if (model.patterns.length < 2 || validateModel(model).some((d) => d.severity === 'error')) continue;
        const random = prng(seed + 1000);
        const first = deriveDesign(someRemoved(model, random, 1, 3), { keys });
        if (first.diagnostics.some((d) => d.code === 'engine.internal')) continue;
        checkStep(checkStep(first, model, keys, `random ${seed} grown`), someRemoved(model, random, 1, 3), keys, `random ${seed} shrunk`);
        checked++;
      }
      expect(checked).toBeGreaterThan(30);
    });
  }
});
