// coverChains groups each entity's needs into key templates ("chains"): needs
// whose equality sets nest share one, the smallest set keys the partition, the
// larger ones extend the sort key with a level's order/range attribute right
// after its prefix; needs that cannot nest, that name different optional
// attributes, or that belong to different item collections get chains of their own.
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import type { Entity, Model } from '../model/types.ts';
import { accessNeeds, type Need } from './accessNeeds.ts';
import { coverChains, type Chain } from './coverChains.ts';
import { entityLabels } from './entityLabels.ts';

/** A chain as `entity pk | sk (patterns) [cN]`, patterns in the chain's need order. */
function show(c: Chain): string {
  const collection = c.collection === undefined ? '' : ` [c${c.collection}]`;
  return `${c.entity} ${c.template.pk.join(',')} | ${c.template.sk.join(',')} (${c.needs.flatMap((n) => n.patterns).join(', ')})${collection}`;
}

function chainsOf(model: Model): Chain[] {
  return coverChains(model.entities, accessNeeds(model, entityLabels(model)).needs);
}

function shown(model: Model): string[] {
  return chainsOf(model).map(show);
}

const STORE_HEADER = `model "Stores"
entity Store key id
  id: string
  country: string
  state: string
  city: string
  brand: string
  createdAt: datetime
`;

const stores = (patterns: string) => modelFromText(`${STORE_HEADER}${patterns}`);

describe('coverChains', () => {
  it('gives nested equality sets one chain: the smallest keys the partition, each larger set extends the sort key', () => {
    const model = stores(`byCity: Store by city, state, country
byCountry: Store by country
byState: Store by state, country
`);
    // Whatever the order of the patterns and of their equality lists: pk country, then state, then city.
    expect(shown(model)).toEqual(['Store country | state,city (byCountry, byState, byCity)']);
  });

  it("puts a level's order or range attribute right after its prefix, before the next level's other attributes", () => {
    // byCountry orders by city: city comes right after country, then state (declared before city).
    expect(
      shown(
        stores(`byCountry: Store by country order by city desc
byAll: Store by country, state, city
`),
      ),
    ).toEqual(['Store country | city,state (byCountry, byAll)']);
    // A range takes the same place; the last level's order attribute ends the sort key.
    expect(
      shown(
        stores(`byCountry: Store by country where state begins_with ?
byState: Store by country, state order by createdAt
`),
      ),
    ).toEqual(['Store country | state,createdAt (byCountry, byState)']);
  });

  it('orders the attributes a level adds as the entity declares them', () => {
    expect(shown(stores('byPlace: Store by city, country, state\n'))).toEqual(['Store country,state,city |  (byPlace)']);
    expect(shown(stores('byBrand: Store by brand\nbyPlace: Store by brand, city, state\n'))).toEqual(['Store brand | state,city (byBrand, byPlace)']);
  });

  it('gives needs that cannot nest chains of their own', () => {
    // Disjoint sets; two different sets of one size; two orders on one set.
    expect(shown(stores('byCountry: Store by country\nbyBrand: Store by brand\n'))).toEqual(['Store country |  (byCountry)', 'Store brand |  (byBrand)']);
    expect(shown(stores('a: Store by country, state\nb: Store by country, city\n'))).toEqual(['Store country,state |  (a)', 'Store country,city |  (b)']);
    expect(shown(stores('newest: Store by country order by createdAt desc\nbyCity: Store by country order by city\n'))).toEqual([
      'Store country | createdAt (newest)',
      'Store country | city (byCity)',
    ]);
    // A level's order attribute must be the one the next level adds: createdAt is not state.
    expect(shown(stores('newest: Store by country order by createdAt desc\nbyState: Store by country, state\n'))).toEqual([
      'Store country | createdAt (newest)',
      'Store country,state |  (byState)',
    ]);
    expect(shown(stores('byState: Store by country where state >= ?\nbyPlace: Store by country, state\n'))).toEqual([
      'Store country | state (byState, byPlace)',
    ]);
  });

  it('never nests patterns under a constant partition (a global list keeps its own chain)', () => {
    expect(shown(stores('all: Store\nnewest: Store order by createdAt desc\nbyCountry: Store by country\n'))).toEqual([
      'Store  | createdAt (all, newest)',
      'Store country |  (byCountry)',
    ]);
  });

  it('lets a level without an order take one, and patterns that need the same thing share one need', () => {
    expect(shown(stores('plain: Store by country\nordered: Store by country order by createdAt\nagain: Store by country\n'))).toEqual([
      'Store country | createdAt (plain, again, ordered)',
    ]);
  });

  it('keeps the chains of different entities apart, even on attributes of the same name', () => {
    const model = modelFromText(`model "Two"
entity Store key id
  id: string
  country: string
entity Warehouse key id
  id: string
  country: string
stores: Store by country
warehouses: Warehouse by country
`);
    const chains = chainsOf(model);
    expect(chains.map(show)).toEqual(['Store country |  (stores)', 'Warehouse country |  (warehouses)']);
    // Ids are the chains' positions; entities in model order.
    expect(chains.map((c) => c.id)).toEqual([0, 1]);
  });

  describe('optional attributes', () => {
    const GAMES = `model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: string
  score?: number
  createdAt: datetime
`;
    const games = (patterns: string) => modelFromText(`${GAMES}${patterns}`);

    it('never shares a chain between a need that names an optional attribute and one that does not', () => {
      // Nested sets that would share without optional attributes.
      expect(shown(games('byHost: Game by hostId\nbyHostMode: Game by hostId, mode\n'))).toEqual([
        'Game hostId |  (byHost)',
        'Game hostId,mode |  (byHostMode)',
      ]);
      // An optional order attribute: the same.
      expect(shown(games('byHost: Game by hostId\nbest: Game by hostId order by score desc\n'))).toEqual([
        'Game hostId |  (byHost)',
        'Game hostId | score (best)',
      ]);
      // Different optional attributes: the same.
      expect(shown(games('byMode: Game by hostId, mode\nbest: Game by hostId order by score desc\n'))).toEqual([
        'Game hostId | score (best)',
        'Game hostId,mode |  (byMode)',
      ]);
    });

    it('shares a chain between needs that name the same optional attributes', () => {
      expect(shown(games('byMode: Game by mode\nnewest: Game by mode, hostId order by createdAt desc\n'))).toEqual([
        'Game mode | hostId,createdAt (byMode, newest)',
      ]);
      // Mode named once in the equality set, once as the order: both name it.
      expect(shown(games('byHostMode: Game by hostId, mode\nbyHost: Game by hostId order by mode\n'))).toEqual(['Game hostId | mode (byHost, byHostMode)']);
    });

    it('puts an optional attribute only into chains whose every need names it', () => {
      const model = games(`byHost: Game by hostId
byHostMode: Game by hostId, mode
byHostModeScore: Game by hostId, mode order by score desc
byHostScore: Game by hostId order by score desc
newest: Game by hostId order by createdAt desc
byMode: Game by mode
`);
      const optional = new Set(['mode', 'score']);
      const chains = chainsOf(model);
      expect(chains.map(show)).toEqual([
        'Game hostId | createdAt (byHost, newest)',
        'Game hostId | score (byHostScore)',
        'Game mode | hostId (byMode, byHostMode)',
        'Game hostId,mode | score (byHostModeScore)',
      ]);
      for (const chain of chains) {
        const inKey = [...chain.template.pk, ...chain.template.sk].filter((a) => optional.has(a));
        for (const need of chain.needs) {
          const named = new Set([...need.eq, ...(need.next === undefined ? [] : [need.next])]);
          for (const a of inKey) expect(named.has(a), `${show(chain)}: ${need.patterns.join(', ')} does not name ${a}`).toBe(true);
        }
      }
    });
  });

  describe('item collections', () => {
    const SHOP = `model "Shop"
entity User key email
  email: string
  name: string
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  status: string
  createdAt: datetime
entity Review key reviewId belongsTo User via author
  reviewId: string
  author: string
  stars: number
`;

    it('keeps a collection in one chain per member, partitioned on the key and the via, and lets patterns join it', () => {
      const model = modelFromText(`${SHOP}userWithOrders: User by email with Order
ordersByUser: Order by userEmail order by createdAt desc
getUser: User by email returns one
byStatus: Order by status
`);
      expect(shown(model)).toEqual([
        'User email |  (userWithOrders, getUser) [c0]',
        'Order userEmail | createdAt (userWithOrders, ordersByUser) [c0]',
        'Order status |  (byStatus)',
      ]);
      // Collection members come first in their chain, whatever the pattern order.
      const order = chainsOf(model)[1];
      expect(order?.needs.map((n) => n.kind)).toEqual(['child', 'pattern']);
    });

    it('gives members of different collections different chains, and a pattern joins the first that fits', () => {
      // Three includes of one child each cannot share one collection (every child's sort-key run would
      // have to touch the parent's): withC starts a second one, whose members get chains of their own.
      // (A merged parent need keeps the include pattern that added it.)
      const model = modelFromText(`model "Shop"
entity User key id
  id: string
entity A key aId belongsTo User via userId
  aId: string
  userId: string
entity B key bId belongsTo User via userId
  bId: string
  userId: string
entity C key cId belongsTo User via userId
  cId: string
  userId: string
withA: User by id with A
withB: User by id with B
withC: User by id with C
getUser: User by id returns one
`);
      const chains = chainsOf(model);
      expect(chains.map(show)).toEqual([
        'User id |  (withA, getUser) [c0]',
        'User id |  (withC) [c1]',
        'A userId |  (withA) [c0]',
        'B userId |  (withB) [c0]',
        'C userId |  (withC) [c1]',
      ]);
    });

    it('takes the partition key in the order of the member, not of the declaration', () => {
      const entity: Entity = {
        name: 'Line',
        attributes: ['lineId', 'a', 'b', 'at'].map((name) => ({ name, type: 'string' as const })),
        key: ['lineId'],
        belongsTo: [],
      };
      const needs: Need[] = [
        { id: 0, kind: 'pattern', entity: 'Line', patterns: ['byAB'], eq: ['a', 'b'], next: 'at' },
        { id: 1, kind: 'child', entity: 'Line', patterns: ['withLines'], eq: ['b', 'a'], collection: 3 },
        { id: 2, kind: 'child', entity: 'Line', patterns: ['withLinesToo'], eq: ['b', 'a'], collection: 4 },
      ];
      const chains = coverChains([entity], needs);
      expect(chains.map(show)).toEqual(['Line b,a | at (withLines, byAB) [c3]', 'Line b,a |  (withLinesToo) [c4]']);
    });
  });

  it('places every need exactly once, and ignores needs of entities not in the list', () => {
    const model = stores(`all: Store
byCountry: Store by country
byState: Store by country, state order by createdAt
newest: Store by country order by createdAt desc
byBrand: Store by brand where createdAt >= ?
byBrandCity: Store by brand, city
`);
    const { needs } = accessNeeds(model, entityLabels(model));
    const chains = coverChains(model.entities, needs);
    expect(chains.flatMap((c) => c.needs.map((n) => n.id)).sort((a, b) => a - b)).toEqual(needs.map((n) => n.id));
    expect(chains.map((c) => c.id)).toEqual(chains.map((_, i) => i));
    expect(coverChains([], needs)).toEqual([]);
    const ghost: Need = { id: 99, kind: 'pattern', entity: 'Ghost', patterns: ['ghost'], eq: ['x'] };
    expect(coverChains(model.entities, [...needs, ghost]).map(show)).toEqual(chains.map(show));
  });
});
