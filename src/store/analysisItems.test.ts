// The page's sample items: each entity's kept while its records and the templates that key them are the
// same (itemLayout), made again when either changed.
import { describe, expect, it } from 'vitest';
import { deriveDesign, generateSampleRecords, parseModelText, toItems, type Model } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { createItemsCache, itemLayout, itemsOf, keepItems } from './analysisItems.ts';

const parse = (text: string): Model => {
  const parsed = parseModelText(text);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
};
const ecommerce = exampleText(DEFAULT_EXAMPLE);

describe('itemLayout', () => {
  it('is the same text for an entity in two designs of the same model, and another when its templates or the indexes change', () => {
    const model = parse(ecommerce);
    const [one, two] = [deriveDesign(model), deriveDesign(parse(ecommerce))];
    for (const entity of model.entities) expect(itemLayout(two, entity.name)).toBe(itemLayout(one, entity.name));
    const texts = new Set(model.entities.map((e) => itemLayout(one, e.name)));
    expect(texts.size).toBe(model.entities.length);
    const renamed = { ...one, indexes: one.indexes.map((index) => (index.kind === 'gsi' ? { ...index, name: `${index.name}x` } : index)) };
    for (const entity of model.entities) {
      expect(itemLayout(renamed, entity.name)).not.toBe(itemLayout(one, entity.name));
      // The same entity designs under other indexes: their part written again, as for designs of their own.
      expect(itemLayout(renamed, entity.name)).toBe(itemLayout(structuredClone(renamed), entity.name));
    }
    expect(itemLayout(one, 'Nobody')).toBe(itemLayout(structuredClone(one), 'Nobody'));
    const otherAttribute = { ...one, entityAttribute: 'kind' };
    expect(itemLayout(otherAttribute, 'User')).not.toBe(itemLayout(one, 'User'));
  });
});

describe('itemsOf', () => {
  it("keeps an entity's items while its records and layout are the same, and takes items made ahead", () => {
    const model = parse(ecommerce);
    const design = deriveDesign(model);
    const records = generateSampleRecords(model, { seed: 1 });
    const cache = createItemsCache();
    const first = itemsOf(design, records, cache);
    expect(first).toEqual([...records].flatMap(([entity, list]) => toItems(design, entity, list)));
    const user = first.find((item) => item[design.entityAttribute] === 'User');
    // A new design of the same model: the same items, not made again.
    expect(itemsOf(deriveDesign(parse(ecommerce)), records, cache).find((item) => item[design.entityAttribute] === 'User')).toBe(user);
    // Items made ahead for a list are taken as they are.
    const users = records.get('User') ?? [];
    const ahead = toItems(design, 'User', users);
    keepItems(cache, design, 'User', users, ahead);
    expect(itemsOf(design, records, cache).filter((item) => item[design.entityAttribute] === 'User')[0]).toBe(ahead[0]);
  });
});
