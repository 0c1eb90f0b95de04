// The fingerprint of what a table holds, and when a comparison with it means something.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../engine/index.ts';
import { exampleDesign } from './testing/exampleDesign.ts';
import { dataFingerprint, describeStaleParts, itemsHash, staleParts, verification } from './loadedData.ts';

const { design, items } = exampleDesign();

describe('loaded data', () => {
  it('hashes items by content, not identity or attribute order', () => {
    const copy = items.map((i) => Object.fromEntries(Object.entries(i).reverse()));
    expect(itemsHash(copy)).toBe(itemsHash(items));
    expect(itemsHash(items.slice(1))).not.toBe(itemsHash(items));
    const changed = items.map((i, n) => (n === 3 ? { ...i, extra: 1 } : i));
    expect(itemsHash(changed)).not.toBe(itemsHash(items));
  });

  it('is stale in the parts that changed, with the remedy', () => {
    const current = dataFingerprint(design, 'T', items);
    expect(staleParts({ table: current.table }, current, current)).toEqual([]);
    expect(staleParts({ table: current.table }, undefined, current)).toEqual(['layout', 'items']);
    expect(staleParts({ table: 'other' }, current, current)).toEqual(['table']);
    expect(describeStaleParts(['table', 'layout', 'items'])).toBe(
      'the key schema or the indexes (GSIs), the key layout (how items are keyed) and the sample items',
    );
    expect(verification(design, 'T', { created: current.table, loaded: current, items }, items)).toEqual({ verified: true, items });
    expect(verification(design, 'T', { created: current.table, loaded: current, items: undefined }, items)).toMatchObject({
      verified: false,
      stale: ['items'],
      remedy: 'reload',
    });
    expect(verification(design, 'T', { created: 'other', loaded: current, items }, items)).toMatchObject({
      verified: false,
      stale: ['table'],
      remedy: 'recreate',
    });
    // A pattern added that changes nothing the table holds keeps comparisons valid.
    const same = deriveDesign({ ...design.model, patterns: [...design.model.patterns] });
    expect(verification(same, 'T', { created: current.table, loaded: current, items }, items).verified).toBe(true);
  });
});
