// The design phase as a delta: what an edit did not change is kept from the phase the page holds (the
// same objects), the rest crosses; a delta never meets another base than its own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE, exampleText } from '../examples/examples.ts';
import { designPhase, type DesignPhase } from './analyzeSource.ts';
import { packDesignPhase, sameData, unpackDesignPhase, type HeldDesign, type WireDesignPhase } from './designWire.ts';
import { plain } from './testStore.ts';

const ecommerce = exampleText(DEFAULT_EXAMPLE);
const phaseOf = (text: string) => designPhase({ text, format: 'text', scale: 1, keys: 'composite' });
/** One more product: Product's count changes, nothing else in the model. */
const moreProducts = ecommerce.replace(/^(entity Product .*count )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);

/** The page's side: the phase sent whole, then unpacked there (through a clone, as between threads). */
function sentWhole(phase: DesignPhase, version = 1): { worker: HeldDesign; page: HeldDesign } {
  const { wire, held } = packDesignPhase(phase, version, undefined);
  const unpacked = unpackDesignPhase(structuredClone(wire), undefined);
  if (unpacked === undefined) throw new Error('a whole phase did not unpack');
  return { worker: held, page: unpacked.held };
}

const freshCount = (wire: WireDesignPhase) => {
  const d = wire.derived;
  return (
    d && {
      entities: d.model.entities.fresh.length,
      patterns: d.model.patterns.fresh.length,
      plans: d.design.patterns.fresh.length,
      keys: d.design.entities.fresh.length,
    }
  );
};

describe('the design phase on the wire', () => {
  it('crosses whole without a base, and reads back as it was', () => {
    const phase = phaseOf(ecommerce);
    const { wire } = packDesignPhase(phase, 1, undefined);
    expect(wire.base).toBeUndefined();
    expect(wire.sourceMap.paths).toHaveLength(phase.sourceMap.size);
    const back = unpackDesignPhase(structuredClone(wire), undefined);
    expect(plain(back?.phase)).toEqual(phase);
    expect(back?.phase.derived?.design.model).toBe(back?.phase.derived?.model);
    expect(back?.held.version).toBe(1);
  });

  it('sends only what an edit changed; the page keeps the rest (the same objects) and gets what the edit made', () => {
    const { worker, page } = sentWhole(phaseOf(ecommerce));
    const next = phaseOf(moreProducts);
    const { wire, held } = packDesignPhase(next, 2, worker);
    expect(wire.base).toBe(1);
    expect(wire.sourceMap.paths).toBeUndefined();
    // Product's count: one model entity; its plans and key templates are the same.
    expect(freshCount(wire)).toEqual({ entities: 1, patterns: 0, plans: 0, keys: 0 });
    const back = unpackDesignPhase(structuredClone(wire), page);
    expect(plain(back?.phase)).toEqual(next);
    // Key for key, in order: what the page prints (design.json, links) is what the worker made.
    expect(JSON.stringify(back?.phase.derived)).toBe(JSON.stringify(next.derived));
    const was = page.derived;
    back?.phase.derived?.design.patterns.forEach((plan, i) => expect(plan).toBe(was?.design.patterns[i]));
    expect(back?.phase.derived?.model.entities.filter((e, i) => e !== was?.model.entities[i]).map((e) => e.name)).toEqual(['Product']);
    expect(back?.phase.derived?.design.model).toBe(back?.phase.derived?.model);
    expect(back?.held.version).toBe(held.version);
  });

  it('finds a kept element by its name when the list moved (a pattern inserted first)', () => {
    const { worker, page } = sentWhole(phaseOf(ecommerce));
    const lines = ecommerce.split('\n');
    const firstPattern = lines.findIndex((l) => /^\w+: /.test(l));
    lines.splice(firstPattern, 0, 'getUserFirst: User by email returns one');
    const next = phaseOf(lines.join('\n'));
    const { wire } = packDesignPhase(next, 2, worker);
    expect(wire.derived?.model.patterns.fresh.map((p) => p.name)).toEqual(['getUserFirst']);
    expect(wire.sourceMap.paths).toBeDefined();
    expect(plain(unpackDesignPhase(structuredClone(wire), page)?.phase)).toEqual(next);
  });

  it('is not unpacked against another base than its own, nor without one', () => {
    const { worker, page } = sentWhole(phaseOf(ecommerce));
    const { wire } = packDesignPhase(phaseOf(moreProducts), 2, worker);
    expect(unpackDesignPhase(wire, undefined)).toBeUndefined();
    expect(unpackDesignPhase(wire, { ...page, version: 7 })).toBeUndefined();
    // A base of the right version that lacks what the delta names (never expected): refused, not guessed.
    expect(unpackDesignPhase(wire, { version: 1, paths: page.paths })).toBeUndefined();
    expect(unpackDesignPhase(wire, { ...page, paths: [] })).toBeUndefined();
  });

  it('keeps the last design across a phase with errors, so the next good one is a delta against it', () => {
    const first = sentWhole(phaseOf(ecommerce));
    const broken = phaseOf(ecommerce + 'entity Broken key\n');
    expect(broken.derived).toBeUndefined();
    const error = packDesignPhase(broken, 2, first.worker);
    const onPage = unpackDesignPhase(structuredClone(error.wire), first.page);
    expect(plain(onPage?.phase)).toEqual(broken);
    expect(onPage?.held.derived).toBe(first.page.derived);
    const next = phaseOf(moreProducts);
    const { wire } = packDesignPhase(next, 3, error.held);
    expect(freshCount(wire)).toEqual({ entities: 1, patterns: 0, plans: 0, keys: 0 });
    expect(plain(unpackDesignPhase(structuredClone(wire), onPage?.held)?.phase)).toEqual(next);
  });
});

describe('sameData', () => {
  it('compares as the structured clone sees data', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData(0, -0)).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(sameData([1, , 3], [1, undefined, 3])).toBe(false);
    expect(sameData(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
  });
});
