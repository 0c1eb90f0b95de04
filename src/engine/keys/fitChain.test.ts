// ChainFit grows a chain by its levels; it must give exactly the template (or
// the refusal) of fitting all the chain's needs at once, whatever the order in
// which coverChains adds them. The reference below is that all-at-once rule.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/types.ts';
import { createRandom, type Random } from '../samples/createRandom.ts';
import type { Need } from './accessNeeds.ts';
import { ChainFit, type ChainTemplate } from './fitChain.ts';

/** All needs at once: sort by equality set size, build the levels, check and read the template. */
function referenceFitChain(entity: Entity, needs: readonly Need[]): ChainTemplate | null {
  const collections = new Set(needs.flatMap((n) => (n.collection === undefined ? [] : [n.collection])));
  if (collections.size > 1) return null;
  // Every optional attribute in the template must be named by every need: they all name the same ones.
  const optional = new Set(entity.attributes.filter((a) => a.optional).map((a) => a.name));
  const named = new Set(
    needs.map((n) => JSON.stringify([...new Set([...n.eq, ...(n.next === undefined ? [] : [n.next])])].filter((a) => optional.has(a)).sort())),
  );
  if (named.size > 1) return null;
  const declared = (a: string) => entity.attributes.findIndex((x) => x.name === a);
  const byDeclaration = (list: Iterable<string>) => [...list].sort((a, b) => declared(a) - declared(b));

  const sorted = [...needs].sort((a, b) => a.eq.length - b.eq.length || a.id - b.id);
  const levels: { set: Set<string>; next?: string }[] = [];
  for (const need of sorted) {
    const set = new Set(need.eq);
    const last = levels[levels.length - 1];
    if (last && sameSet(last.set, set)) {
      if (need.next !== undefined) {
        if (last.next !== undefined && last.next !== need.next) return null;
        last.next = need.next;
      }
      continue;
    }
    if (last && ![...last.set].every((a) => set.has(a))) return null;
    levels.push(need.next === undefined ? { set } : { set, next: need.next });
  }
  const first = levels[0];
  if (!first) return null;
  if (first.set.size === 0 && levels.length > 1) return null; // never nest patterns under one constant partition

  const member = needs.find((n) => n.kind !== 'pattern');
  let pk: string[];
  if (member) {
    if (!sameSet(new Set(member.eq), first.set)) return null;
    pk = [...member.eq];
  } else {
    pk = byDeclaration(first.set);
  }

  const sk: string[] = [];
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k];
    if (!level) continue;
    const following = levels[k + 1];
    if (following) {
      const added = byDeclaration([...following.set].filter((a) => !level.set.has(a)));
      if (level.next !== undefined) {
        if (!added.includes(level.next)) return null;
        sk.push(level.next, ...added.filter((a) => a !== level.next));
      } else {
        sk.push(...added);
      }
    } else if (level.next !== undefined) {
      sk.push(level.next);
    }
  }
  return { pk, sk };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const ENTITY: Entity = {
  name: 'Store',
  attributes: ['id', 'country', 'state', 'city', 'zip', 'brand', 'owner', 'createdAt', 'score', 'title'].map((name) => ({ name, type: 'string' as const })),
  key: ['id'],
  belongsTo: [],
};
/** The same entity where records may lack `state`, `score` and `owner`. */
const SPARSE_ENTITY: Entity = {
  ...ENTITY,
  attributes: ENTITY.attributes.map((a) => (['state', 'score', 'owner'].includes(a.name) ? { ...a, optional: true } : a)),
};
// `ghost` and `spook` are not declared (an invalid model): they keep the order of the level's first need.
const HIERARCHIES = [
  ['country', 'state', 'city', 'zip'],
  ['brand', 'owner'],
  ['zip', 'city', 'state', 'country'],
  ['id'],
  [],
  ['country', 'ghost', 'spook', 'brand'],
];
const NEXT = [undefined, undefined, 'createdAt', 'score', 'title', 'city', 'owner'];

function randomNeed(r: Random, id: number): Need {
  const hierarchy = r.pick(HIERARCHIES);
  const eq = r.shuffle(hierarchy.slice(0, r.int(0, hierarchy.length)));
  const member = r.chance(0.1);
  const next = member ? undefined : r.pick(NEXT);
  return {
    id,
    kind: member ? r.pick(['parent', 'child'] as const) : 'pattern',
    entity: ENTITY.name,
    patterns: [`p${id}`],
    eq,
    ...(next === undefined ? {} : { next }),
    ...(member ? { collection: r.int(0, 1) } : {}),
  };
}

describe('ChainFit', () => {
  it.each([
    ['', ENTITY],
    [' (with optional attributes)', SPARSE_ENTITY],
  ] as const)('agrees with fitting all needs at once, need by need, in any order%s', (_label, entity) => {
    let fits = 0;
    let refusals = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = createRandom(`chain-fit-${seed}`);
      const needs = r.shuffle(Array.from({ length: r.int(1, 12) }, (_, id) => randomNeed(r, id)));
      const [first, ...rest] = needs;
      if (!first) continue;
      let chain = ChainFit.of(entity, first);
      expect(chain?.template, `seed ${seed}: one need`).toEqual(referenceFitChain(entity, [first]));
      const placed = [first];
      for (const need of rest) {
        if (!chain) break;
        const expected: ChainTemplate | null = referenceFitChain(entity, [...placed, need]);
        const next = chain.with(need);
        expect(next?.template ?? null, `seed ${seed}: ${JSON.stringify([...placed, need])}`).toEqual(expected);
        if (next) {
          chain = next;
          placed.push(need);
          fits++;
        } else {
          refusals++;
        }
      }
    }
    // Both outcomes are exercised.
    expect(fits).toBeGreaterThan(150);
    expect(refusals).toBeGreaterThan(200);
  });

  it('leaves a chain alone when a need does not fit, and when one does', () => {
    const need = (id: number, eq: string[], next?: string): Need => ({
      id,
      kind: 'pattern',
      entity: 'Store',
      patterns: [`p${id}`],
      eq,
      ...(next ? { next } : {}),
    });
    const chain = ChainFit.of(ENTITY, need(0, ['country'], 'createdAt'));
    expect(chain?.with(need(1, ['country'], 'score'))).toBeNull();
    const grown = chain?.with(need(2, ['country', 'createdAt']));
    expect(grown?.template).toEqual({ pk: ['country'], sk: ['createdAt'] });
    expect(chain?.template).toEqual({ pk: ['country'], sk: ['createdAt'] });
    expect(grown?.with(need(3, ['country', 'createdAt', 'state']))?.template).toEqual({ pk: ['country'], sk: ['createdAt', 'state'] });
  });

  it('never puts an optional attribute into a key that serves a need which does not name it', () => {
    const need = (id: number, eq: string[], next?: string): Need => ({
      id,
      kind: 'pattern',
      entity: 'Store',
      patterns: [`p${id}`],
      eq,
      ...(next ? { next } : {}),
    });
    // By country, and by country and state (optional): sharing would leave stores without a state out of the first.
    expect(ChainFit.of(ENTITY, need(0, ['country']))?.with(need(1, ['country', 'state']))?.template).toEqual({ pk: ['country'], sk: ['state'] });
    expect(ChainFit.of(SPARSE_ENTITY, need(0, ['country']))?.with(need(1, ['country', 'state']))).toBeNull();
    expect(ChainFit.of(SPARSE_ENTITY, need(1, ['country', 'state']))?.with(need(0, ['country']))).toBeNull();
    // Ordered by score (optional) and by country alone: the same.
    expect(ChainFit.of(SPARSE_ENTITY, need(0, ['country'], 'score'))?.with(need(1, ['country', 'city']))).toBeNull();
    // A collection member (its via is never optional) keeps out of a chain on an optional attribute.
    const member: Need = { id: 2, kind: 'child', entity: 'Store', patterns: ['withStores'], eq: ['country'], collection: 0 };
    expect(ChainFit.of(SPARSE_ENTITY, member)?.with(need(3, ['country'], 'owner'))).toBeNull();
    // Needs that all name it share one chain, and its template is sparse on purpose.
    const both = ChainFit.of(SPARSE_ENTITY, need(0, ['state', 'country']))?.with(need(1, ['country', 'state', 'city'], 'createdAt'));
    expect(both?.template).toEqual({ pk: ['country', 'state'], sk: ['city', 'createdAt'] });
    // Optional attributes the template does not hold change nothing.
    expect(ChainFit.of(SPARSE_ENTITY, need(0, ['country']))?.with(need(1, ['country', 'city']))?.template).toEqual({ pk: ['country'], sk: ['city'] });
  });

  it("orders undeclared attributes as the level's first need (by id) lists them, added first or not", () => {
    const need = (id: number, eq: string[]): Need => ({ id, kind: 'pattern', entity: 'Store', patterns: [`p${id}`], eq });
    const later = need(7, ['ghost', 'spook', 'country']);
    const earlier = need(1, ['spook', 'country', 'ghost']);
    const chain = ChainFit.of(ENTITY, later)?.with(earlier);
    expect(chain?.template).toEqual(referenceFitChain(ENTITY, [later, earlier]));
    expect(chain?.template.pk).toEqual(['spook', 'ghost', 'country']);
  });
});
