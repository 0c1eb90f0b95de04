// Patterns that need the same thing share one need, which coverChains places
// once. That is only sound because a repeated pattern adds nothing to a layout:
// these tests fix that property on every example model.
import { describe, expect, it } from 'vitest';
import { allModels } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import type { Design } from '../design/types.ts';
import { parseModelText } from '../model/parseModelText.ts';
import type { Model, Pattern } from '../model/types.ts';
import { createRandom } from '../samples/createRandom.ts';
import { accessNeeds } from './accessNeeds.ts';
import { entityLabels } from './entityLabels.ts';

/** The model with copies of its patterns (new names, equality lists reordered), each after the pattern it copies. */
function withRepeats(model: Model, seed: string): { model: Model; copies: Map<string, string> } {
  const r = createRandom(seed);
  const copies = new Map<string, string>();
  const patterns: Pattern[] = [];
  model.patterns.forEach((pattern, i) => {
    patterns.push(pattern);
    for (let k = r.int(0, 3); k > 0; k--) {
      const original = model.patterns[r.int(0, i)] as Pattern;
      const name = `${original.name}Again${copies.size}`;
      copies.set(name, original.name);
      patterns.push({ ...original, name, equals: r.shuffle(original.equals) });
    }
  });
  return { model: { ...model, patterns }, copies };
}

/** The layout without the lists of pattern names. */
function layoutOf(design: Design) {
  return { entities: design.entities, indexes: design.indexes.map(({ patterns: _, ...index }) => index) };
}

describe('repeated patterns', () => {
  const models = allModels();

  it.each(models.map(({ slug, model }) => [slug, model] as const))(
    '%s: repeating patterns changes no key template and plans each repeat as its original',
    (slug, model) => {
      const plain = deriveDesign(model);
      for (let round = 0; round < 5; round++) {
        const repeated = withRepeats(model, `${slug}-${round}`);
        const design = deriveDesign(repeated.model);
        expect(layoutOf(design)).toEqual(layoutOf(plain));
        const plans = new Map(plain.patterns.map((p) => [p.pattern, p]));
        for (const plan of design.patterns) {
          const original = repeated.copies.get(plan.pattern) ?? plan.pattern;
          expect({ ...plan, pattern: original }, plan.pattern).toEqual(plans.get(original));
        }
      }
    },
  );

  it.each(models.map(({ slug, model }) => [slug, model] as const))('%s: repeats share their original need', (slug, model) => {
    const labels = entityLabels(model);
    const plain = accessNeeds(model, labels);
    const repeated = withRepeats(model, `${slug}-needs`);
    const merged = accessNeeds(repeated.model, labels);
    expect(merged.needs.length).toBe(plain.needs.length);
    for (const [copy, original] of repeated.copies) {
      const a = merged.routes.get(copy);
      const b = merged.routes.get(original);
      if (a?.kind === 'single' && b?.kind === 'single') {
        expect(a.need).toBe(b.need);
        expect(a.need.patterns).toContain(copy);
      }
    }
  });

  it('keeps one need per distinct need on an entity with many patterns, listing its patterns in model order', () => {
    const lines = ['model "Stores"', 'entity Store key id', '  id: string', '  country: string', '  state: string', '  city: string', '  createdAt: datetime'];
    const shapes = [
      'Store by country',
      'Store by country, state',
      'Store by country order by createdAt desc',
      'Store by country, state, city where createdAt >= ?',
      'Store by id returns one',
    ];
    const load = (count: number) => {
      const parsed = parseModelText(`${[...lines, ...Array.from({ length: count }, (_, i) => `p${i}: ${shapes[i % shapes.length] ?? ''}`)].join('\n')}\n`);
      if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
      return parsed.model;
    };
    const model = load(500);
    const { needs, routes } = accessNeeds(model, entityLabels(model));
    expect(needs.map((n) => n.patterns.length)).toEqual([100, 100, 100, 100, 100]);
    expect(needs[1]?.patterns.slice(0, 3)).toEqual(['p1', 'p6', 'p11']);
    const route = routes.get('p498');
    expect(route?.kind === 'single' ? route.need : undefined).toBe(needs[3]);
    const design = deriveDesign(model);
    expect(layoutOf(design)).toEqual(layoutOf(deriveDesign(load(shapes.length))));
    expect(design.indexes.flatMap((x) => x.patterns)).toHaveLength(500);
  });
});
