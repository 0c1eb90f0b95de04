// Where key templates go: the table first, GSIs as few as possible; never a
// template on an optional attribute in the table (every item needs the table's
// key), and never an optional attribute in a template that serves a pattern
// which does not name it (the records lacking it would drop out of its answer).
import { describe, expect, it } from 'vitest';
import { allModels, modelFromText } from '../../testing/exampleModels.ts';
import type { Entity, Model } from '../model/types.ts';
import { accessNeeds, type Need } from './accessNeeds.ts';
import { assignIndexes } from './assignIndexes.ts';
import { coverChains, type Chain } from './coverChains.ts';
import { entityLabels } from './entityLabels.ts';

/** Every chain as `entity pk | sk → slot (patterns)`, in chain order. */
function placed(model: Model): string[] {
  const needs = accessNeeds(model, entityLabels(model));
  const chains = coverChains(model.entities, needs.needs);
  const placement = assignIndexes(model.entities, chains);
  return chains.map(
    (c) =>
      `${c.entity} ${c.template.pk.join(',')} | ${c.template.sk.join(',')} → ${String(placement.get(c.id))} (${c.needs.flatMap((n) => n.patterns).join(', ')})`,
  );
}

const PLAYERS = (rating: string) => `model "Lobby"
entity Player key playerId
  playerId: string
  region: "eu" | "us"
  ${rating}: number
topRated: Player by region order by rating desc
`;

describe('assignIndexes', () => {
  it('puts a template on an optional attribute into a GSI, never the table, even when the table is free', () => {
    expect(placed(modelFromText(PLAYERS('rating')))).toEqual(['Player region | rating → 0 (topRated)']);
    expect(placed(modelFromText(PLAYERS('rating?')))).toEqual(['Player region | rating → 1 (topRated)']);
  });

  it('leaves the table to the other templates and adds no GSI when one is already needed', () => {
    const model = modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: string
  createdAt: datetime
byHost: Game by hostId order by createdAt desc
byMode: Game by mode order by createdAt desc
`);
    expect(placed(model)).toEqual(['Game hostId | createdAt → 0 (byHost)', 'Game mode | createdAt → 1 (byMode)']);
  });

  it('keeps an optional attribute out of the template of a pattern that does not name it', () => {
    const model = modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: string
  score?: number
byHost: Game by hostId
byHostAndMode: Game by hostId, mode
byHostAndModeByScore: Game by hostId, mode order by score desc
byHostByScore: Game by hostId order by score desc
`);
    // Without optional attributes byHost and byHostAndMode share one template (hostId | mode); here
    // byHost keeps the table, and each optional set (score; mode; mode and score) has its own GSI.
    expect(placed(model)).toEqual([
      'Game hostId |  → 0 (byHost)',
      'Game hostId | score → 1 (byHostByScore)',
      'Game hostId,mode |  → 2 (byHostAndMode)',
      'Game hostId,mode | score → 3 (byHostAndModeByScore)',
    ]);
    const plain = modelFromText(
      `model "Games"\nentity Game key gameId\n  gameId: string\n  hostId: string\n  mode: string\nbyHost: Game by hostId\nbyHostAndMode: Game by hostId, mode\n`,
    );
    expect(placed(plain)).toEqual(['Game hostId | mode → 0 (byHost, byHostAndMode)']);
  });

  it('keeps an item collection (keyed on its key and via, never optional) apart from a sparse template', () => {
    const model = modelFromText(`model "Lobby"
entity Player key playerId
  playerId: string
entity Game key gameId belongsTo Player via hostId
  gameId: string
  hostId: string
  mode?: string
playerWithGames: Player by playerId with Game
hostGamesByMode: Game by hostId order by mode asc
`);
    expect(placed(model)).toEqual([
      'Player playerId |  → 0 (playerWithGames)',
      'Game hostId |  → 0 (playerWithGames)',
      'Game hostId | mode → 1 (hostGamesByMode)',
    ]);
  });
});

// The placement rules on chains given directly: slots, first-fit, and the choice between orders.
const attributes = (...names: string[]) =>
  names.map((n) => (n.endsWith('?') ? { name: n.slice(0, -1), type: 'string' as const, optional: true as const } : { name: n, type: 'string' as const }));
const ENTITIES: Entity[] = [
  { name: 'A', attributes: attributes('id', 'region', 'createdAt', 'mode?'), key: ['id'], belongsTo: [] },
  { name: 'B', attributes: attributes('id', 'aId', 'mode'), key: ['id'], belongsTo: [{ entity: 'A', via: ['aId'] }] },
  { name: 'C', attributes: attributes('id', 'bId'), key: ['id'], belongsTo: [{ entity: 'B', via: ['bId'] }] },
  { name: 'D', attributes: attributes('x', 'y', 'at'), key: ['x', 'y'], belongsTo: [] },
];

/** A chain with one need per equality list (`>at` adds `next: 'at'`); `member` makes them collection members. */
function chain(
  id: number,
  entity: string,
  template: { pk: string[]; sk: string[] },
  eqs: string[][],
  member?: { kind: 'parent' | 'child'; collection: number },
): Chain {
  const needs: Need[] = eqs.map((eq, i) => {
    const next = eq.find((a) => a.startsWith('>'))?.slice(1);
    return {
      id: id * 10 + i,
      kind: member?.kind ?? 'pattern',
      entity,
      patterns: [`p${id}_${i}`],
      eq: eq.filter((a) => !a.startsWith('>')),
      ...(next === undefined ? {} : { next }),
      ...(member ? { collection: member.collection } : {}),
    };
  });
  return { id, entity, needs, template, ...(member ? { collection: member.collection } : {}) };
}

/** Chain id → slot, as a plain object sorted by chain id. */
function slots(chains: Chain[], entities: readonly Entity[] = ENTITIES): Record<number, number | undefined> {
  const placement = assignIndexes(entities, chains);
  expect([...placement.keys()].sort((a, b) => a - b)).toEqual(chains.map((c) => c.id).sort((a, b) => a - b));
  return Object.fromEntries(chains.map((c) => [c.id, placement.get(c.id)]));
}

describe('assignIndexes, on chains given directly', () => {
  it('gives an entity at most one template per index, and lets different entities share one', () => {
    const chains = [
      chain(0, 'A', { pk: ['region'], sk: [] }, [['region']]),
      chain(1, 'A', { pk: ['region'], sk: ['createdAt'] }, [['region', '>createdAt']]),
      chain(2, 'A', { pk: ['createdAt'], sk: [] }, [['createdAt']]),
      chain(3, 'B', { pk: ['aId'], sk: [] }, [['aId']]),
      chain(4, 'C', { pk: ['bId'], sk: [] }, [['bId']]),
      chain(5, 'B', { pk: ['mode'], sk: [] }, [['mode']]),
    ];
    expect(slots(chains)).toEqual({ 0: 0, 1: 1, 2: 2, 3: 0, 4: 0, 5: 1 });
    expect(assignIndexes(ENTITIES, [])).toEqual(new Map());
  });

  it('puts a GetItem lookup (a pattern on exactly the key, no order) on the table before other templates', () => {
    const byRegion = chain(0, 'A', { pk: ['region'], sk: [] }, [['region']]);
    const byId = chain(1, 'A', { pk: ['id'], sk: [] }, [['id']]);
    expect(slots([byRegion, byId])).toEqual({ 0: 1, 1: 0 });
    // On the key but ordered: no lookup, so first come, first served.
    const byIdOrdered = chain(1, 'A', { pk: ['id'], sk: ['createdAt'] }, [['id', '>createdAt']]);
    expect(slots([byRegion, byIdOrdered])).toEqual({ 0: 0, 1: 1 });
    // A composite key: a chain whose deepest level is the whole key is a lookup, whatever its partition.
    const byX = chain(2, 'D', { pk: ['at'], sk: [] }, [['at']]);
    const byXY = chain(3, 'D', { pk: ['x'], sk: ['y'] }, [['x'], ['x', 'y']]);
    expect(slots([byX, byXY])).toEqual({ 2: 1, 3: 0 });
  });

  it("keeps an item collection's templates in one index, above the lowest slot free for each member", () => {
    // B's lookup takes the table first; the collection of A and B then shares GSI1, although A's table slot is free.
    const lookup = chain(0, 'B', { pk: ['id'], sk: [] }, [['id']]);
    const parent = chain(1, 'A', { pk: ['id'], sk: [] }, [['id']], { kind: 'parent', collection: 0 });
    const child = chain(2, 'B', { pk: ['aId'], sk: [] }, [['aId']], { kind: 'child', collection: 0 });
    expect(slots([lookup, parent, child])).toEqual({ 0: 0, 1: 1, 2: 1 });
  });

  it('chooses the fewest GSIs first, and only then the most GetItem lookups on the table', () => {
    // Lookups of A and C first would take the table, push collection A+B to GSI1 and B+C to GSI2;
    // collections first need GSI1 only, with one lookup (C's) left on the table.
    const chains = [
      chain(0, 'A', { pk: ['id'], sk: [] }, [['id']]),
      chain(1, 'C', { pk: ['id'], sk: [] }, [['id']]),
      chain(2, 'A', { pk: ['id'], sk: [] }, [['id']], { kind: 'parent', collection: 0 }),
      chain(3, 'B', { pk: ['aId'], sk: [] }, [['aId']], { kind: 'child', collection: 0 }),
      chain(4, 'B', { pk: ['id'], sk: [] }, [['id']], { kind: 'parent', collection: 1 }),
      chain(5, 'C', { pk: ['bId'], sk: [] }, [['bId']], { kind: 'child', collection: 1 }),
    ];
    expect(slots(chains)).toEqual({ 0: 1, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 });
    expect(Math.max(...assignIndexes(ENTITIES, chains).values())).toBe(1);
  });

  it('never puts a template on an optional attribute into the table, in the partition or the sort key', () => {
    const byMode = chain(0, 'A', { pk: ['mode'], sk: [] }, [['mode']]);
    const regionByMode = chain(1, 'A', { pk: ['region'], sk: ['mode'] }, [['region', '>mode']]);
    expect(slots([byMode])).toEqual({ 0: 1 });
    expect(slots([regionByMode])).toEqual({ 1: 1 });
    // The table goes to the next template; a sparse template shares its GSI with other entities'.
    const byRegion = chain(2, 'A', { pk: ['region'], sk: [] }, [['region']]);
    const bByMode = chain(3, 'B', { pk: ['mode'], sk: [] }, [['mode']]);
    expect(slots([byMode, byRegion, bByMode])).toEqual({ 0: 1, 2: 0, 3: 0 });
    // B's mode is not optional (A's is): only the attributes of the chain's own entity count.
    expect(slots([bByMode])).toEqual({ 3: 0 });
    // An optional attribute outside the template changes nothing.
    expect(slots([byRegion])).toEqual({ 2: 0 });
  });

  it('on every example and test model: one template per entity per index, collections together, no sparse table template, no empty GSI', () => {
    for (const { slug, model } of allModels()) {
      const needs = accessNeeds(model, entityLabels(model));
      const chains = coverChains(model.entities, needs.needs);
      const placement = assignIndexes(model.entities, chains);
      expect(placement.size, slug).toBe(chains.length);
      const seen = new Set<string>();
      const collectionSlot = new Map<number, number>();
      for (const c of chains) {
        const slot = placement.get(c.id) ?? -1;
        expect(slot, slug).toBeGreaterThanOrEqual(0);
        expect(seen.has(`${c.entity}@${slot}`), `${slug}: ${c.entity} twice in slot ${slot}`).toBe(false);
        seen.add(`${c.entity}@${slot}`);
        if (c.collection !== undefined) {
          expect(collectionSlot.get(c.collection) ?? slot, `${slug}: collection ${c.collection}`).toBe(slot);
          collectionSlot.set(c.collection, slot);
        }
        const optional = new Set(
          model.entities
            .find((e) => e.name === c.entity)
            ?.attributes.filter((a) => a.optional)
            .map((a) => a.name),
        );
        if ([...c.template.pk, ...c.template.sk].some((a) => optional.has(a))) expect(slot, `${slug}: sparse template on the table`).toBeGreaterThan(0);
      }
      const used = new Set(placement.values());
      const gsis = Math.max(0, ...used);
      for (let s = 1; s <= gsis; s++) expect(used.has(s), `${slug}: GSI${s} empty`).toBe(true);
      // Deterministic.
      expect(assignIndexes(model.entities, chains)).toEqual(placement);
    }
  });
});
