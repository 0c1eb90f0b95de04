import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity, Model, RecordValue } from '../model/types.ts';
import { createSampleCache, DEFAULT_RECORD_COUNT, generateSampleRecords, sampleCount } from './generateSampleRecords.ts';
import { prng, randomModel } from '../../testing/randomModel.ts';
import { validateModel } from '../model/validateModel.ts';
import { PLACES } from './samplePlaces.ts';
import { FIRST_NAMES, GAME_TITLES, LAST_NAMES } from './sampleWords.ts';

// The canonical example models (src/examples) and the engine's test models, read without the engine's parser.
const examplesDir = new URL('../../examples/', import.meta.url);
const testProblemsDir = new URL('../testing/problems/', import.meta.url);

function readProblemModel(file: string, dir: URL = examplesDir): Model {
  const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Model;
  return { ...raw, entities: raw.entities.map((e) => ({ ...e, belongsTo: e.belongsTo ?? [] })) };
}

const problemFiles = [examplesDir, testProblemsDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .sort()
    .map((f) => ({ f, dir })),
);
const ecommerce = readProblemModel('ecommerce.problem.json');
const invoices = readProblemModel('aws-labs-invoices-bills.problem.json');
const stores = readProblemModel('dynamodbguide-starbucks-locations.problem.json');
const games = readProblemModel('aws-game-scores-leaderboard.problem.json');

const keyOf = (entity: Entity, r: RecordValue): string => JSON.stringify(entity.key.map((k) => r[k]));
const entityOf = (model: Model, name: string): Entity => model.entities.find((e) => e.name === name)!;
const get = (records: Map<string, RecordValue[]>, name: string): RecordValue[] => records.get(name) ?? [];
/** A self-reference: an Employee's manager is an Employee (roots point at none). */
const employees: Model = {
  name: 'org',
  entities: [
    {
      name: 'Employee',
      attributes: [
        { name: 'employeeId', type: 'string' },
        { name: 'managerId', type: 'string' },
        { name: 'name', type: 'string' },
      ],
      key: ['employeeId'],
      belongsTo: [{ entity: 'Employee', via: ['managerId'] }],
      count: 200,
    },
  ],
  patterns: [],
};
/** A belongsTo cycle: Team's captain is a Player (filled in afterwards), a Player's team a Team. */
const teamsAndPlayers: Model = {
  name: 'cycle',
  entities: [
    {
      name: 'Team',
      attributes: [
        { name: 'teamId', type: 'string' },
        { name: 'captainId', type: 'string' },
      ],
      key: ['teamId'],
      belongsTo: [{ entity: 'Player', via: ['captainId'] }],
      count: 10,
    },
    {
      name: 'Player',
      attributes: [
        { name: 'playerId', type: 'string' },
        { name: 'teamId', type: 'string' },
      ],
      key: ['playerId'],
      belongsTo: [{ entity: 'Team', via: ['teamId'] }],
      count: 40,
    },
  ],
  patterns: [],
};
const withCount = (model: Model, entity: string, count: number): Model => ({
  ...model,
  entities: model.entities.map((e) => (e.name === entity ? { ...e, count } : e)),
});
const fresh = (model: Model, scale = 1) => generateSampleRecords(model, { seed: 'tablewright', scale });

/** Every child's `via` names an existing parent key, except roots of a self-reference. */
function brokenRelations(model: Model, records: Map<string, RecordValue[]>): string[] {
  const broken: string[] = [];
  for (const child of model.entities) {
    for (const rel of child.belongsTo) {
      const parent = entityOf(model, rel.entity);
      const parentKeys = new Set(get(records, parent.name).map((p) => keyOf(parent, p)));
      for (const r of get(records, child.name)) {
        const points = JSON.stringify(rel.via.map((v) => r[v]));
        if (!parentKeys.has(points) && rel.entity !== child.name) broken.push(`${child.name} ${points} → ${rel.entity}`);
      }
    }
  }
  return broken;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(problemFiles)('generateSampleRecords on $f', ({ f, dir }) => {
  const model = readProblemModel(f, dir);
  const records = generateSampleRecords(model, { seed: 'tablewright' });

  it('is deterministic: the same seed gives byte-identical JSON, another seed other records', () => {
    const again = generateSampleRecords(model, { seed: 'tablewright' });
    expect(JSON.stringify([...again])).toBe(JSON.stringify([...records]));
    expect(JSON.stringify([...generateSampleRecords(model, { seed: 'other' })])).not.toBe(JSON.stringify([...records]));
  });

  it('lists entities in model order with their declared counts', () => {
    expect([...records.keys()]).toEqual(model.entities.map((e) => e.name));
    for (const e of model.entities) expect(get(records, e.name)).toHaveLength(e.count ?? DEFAULT_RECORD_COUNT);
  });

  it('never repeats a key', () => {
    for (const e of model.entities) {
      const list = get(records, e.name);
      expect(new Set(list.map((r) => keyOf(e, r))).size).toBe(list.length);
    }
  });

  it('keeps every relation: each child points at an existing parent', () => {
    expect(brokenRelations(model, records)).toEqual([]);
  });

  it('gives every attribute a value of its type, dates and datetimes well formed in 2023–2025, enumerations respected', () => {
    for (const e of model.entities) {
      for (const r of get(records, e.name)) {
        // An optional attribute may be absent (left out, never undefined); every other one is there.
        expect(Object.keys(r)).toEqual(e.attributes.filter((a) => !a.optional || Object.hasOwn(r, a.name)).map((a) => a.name));
        for (const a of e.attributes) {
          if (!Object.hasOwn(r, a.name)) continue;
          const v = r[a.name];
          if (a.values) expect(a.values).toContain(v);
          switch (a.type) {
            case 'string':
              expect(typeof v).toBe('string');
              break;
            case 'number':
              expect(Number.isFinite(v)).toBe(true);
              break;
            case 'boolean':
              expect(typeof v).toBe('boolean');
              break;
            case 'date':
              expect(v).toMatch(DATE);
              expect(new Date(`${String(v)}T00:00:00.000Z`).toISOString().slice(0, 10)).toBe(v);
              expect(String(v) >= '2023-01-01' && String(v) <= '2025-12-31').toBe(true);
              break;
            case 'datetime':
              expect(v).toMatch(DATETIME);
              expect(new Date(String(v)).toISOString()).toBe(v);
              expect(String(v) >= '2023' && String(v) < '2026').toBe(true);
              break;
          }
        }
      }
    }
  });
});

describe('generateSampleRecords: counts', () => {
  it('multiplies counts by scale, takes exact counts per entity, and caps with maxPerEntity', () => {
    const scaled = generateSampleRecords(ecommerce, { seed: 1, scale: 0.5, counts: { Product: 7 }, maxPerEntity: 70 });
    expect(get(scaled, 'User')).toHaveLength(40);
    expect(get(scaled, 'Order')).toHaveLength(70);
    expect(get(scaled, 'Product')).toHaveLength(7);
    expect(get(scaled, 'Review')).toHaveLength(60);
  });

  it('gives an entity without count the default, and ignores nonsense options', () => {
    const e: Entity = { name: 'Tag', attributes: [{ name: 'tagId', type: 'string' }], key: ['tagId'], belongsTo: [] };
    expect(sampleCount(e, { seed: 1 })).toBe(DEFAULT_RECORD_COUNT);
    expect(sampleCount(e, { seed: 1, scale: Number.NaN, counts: { Tag: -5 } })).toBe(0);
    expect(sampleCount(e, { seed: 1, scale: -1 })).toBe(DEFAULT_RECORD_COUNT);
  });

  it('stops at the size of a small key space instead of repeating keys or hanging', () => {
    const m: Model = {
      name: 'tiny',
      entities: [
        { name: 'Plan', attributes: [{ name: 'plan', type: 'string', values: ['free', 'pro'] }], key: ['plan'], belongsTo: [], count: 50 },
        { name: 'Flag', attributes: [{ name: 'on', type: 'boolean' }], key: ['on'], belongsTo: [], count: 10 },
      ],
      patterns: [],
    };
    const r = generateSampleRecords(m, { seed: 3 });
    expect(
      get(r, 'Plan')
        .map((x) => x.plan)
        .sort(),
    ).toEqual(['free', 'pro']);
    expect(get(r, 'Flag')).toHaveLength(2);
  });

  it('tells composite keys apart whatever their values hold, and a key space counts every distinct pair', () => {
    // Joined naively, x + "#y#z" and "x#y" + "#z" would be one key; in a number attribute, 1 and -0/0 are as JSON tells them.
    const m: Model = {
      name: 'pairs',
      entities: [
        {
          name: 'Pair',
          attributes: [
            { name: 'a', type: 'string', values: ['x', 'x#y', 's1:', ''] },
            { name: 'b', type: 'string', values: ['y#z', 'z', ':x', ''] },
          ],
          key: ['a', 'b'],
          belongsTo: [],
          count: 100,
        },
        { name: 'Num', attributes: [{ name: 'n', type: 'number', values: [1, 0, -0, 2] }], key: ['n'], belongsTo: [], count: 10 },
      ],
      patterns: [],
    };
    const r = generateSampleRecords(m, { seed: 5 });
    const pairs = get(r, 'Pair').map((x) => JSON.stringify([x.a, x.b]));
    expect(pairs).toHaveLength(16);
    expect(new Set(pairs).size).toBe(16);
    expect(new Set(get(r, 'Num').map((x) => JSON.stringify(x.n)))).toEqual(new Set(['0', '1', '2']));
  });

  it('generates 100,000 records with unique keys', () => {
    const r = generateSampleRecords(stores, { seed: 'big', counts: { Store: 100_000 } });
    const list = get(r, 'Store');
    expect(list).toHaveLength(100_000);
    expect(new Set(list.map((s) => s.storeNumber)).size).toBe(100_000);
  });
});

describe('generateSampleRecords: relations', () => {
  it('makes the composite key of two relations (InvoiceBill) unique and valid', () => {
    const r = generateSampleRecords(invoices, { seed: 9 });
    const links = get(r, 'InvoiceBill');
    expect(new Set(links.map((l) => `${String(l.invoiceId)}|${String(l.billId)}`)).size).toBe(links.length);
    expect(brokenRelations(invoices, r)).toEqual([]);
  });

  it('makes a composite key of a relation plus an own attribute unique, with ids drawn from the entity that has them', () => {
    const r = generateSampleRecords(ecommerce, { seed: 9 });
    const reviews = get(r, 'Review');
    expect(new Set(reviews.map((x) => `${String(x.productId)}|${String(x.userId)}`)).size).toBe(reviews.length);
    const userIds = new Set(get(r, 'User').map((u) => u.userId));
    expect(reviews.every((x) => userIds.has(x.userId))).toBe(true);
  });

  it('lets records of a self-referencing entity point at earlier ones, some being roots that point at nothing', () => {
    const list = get(generateSampleRecords(employees, { seed: 5 }), 'Employee');
    const position = new Map(list.map((e, i) => [e.employeeId, i]));
    const managed = list.filter((e, i) => position.has(e.managerId) && (position.get(e.managerId) ?? i) < i);
    const roots = list.filter((e) => !position.has(e.managerId));
    expect(managed.length + roots.length).toBe(list.length);
    expect(roots.length).toBeGreaterThan(0);
    expect(managed.length).toBeGreaterThan(roots.length);
  });

  it('ends on a belongsTo cycle and still fills the relation whose via is outside the key', () => {
    const m = teamsAndPlayers;
    const r = generateSampleRecords(m, { seed: 2 });
    expect(get(r, 'Team')).toHaveLength(10);
    expect(get(r, 'Player')).toHaveLength(40);
    expect(brokenRelations(m, r)).toEqual([]);
  });
});

describe('generateSampleRecords: realistic values', () => {
  const shop = generateSampleRecords(ecommerce, { seed: 'look' });

  it('gives users person names and emails made of the same name', () => {
    for (const u of get(shop, 'User')) {
      const [first, last] = String(u.name).split(' ');
      expect(FIRST_NAMES).toContain(first);
      expect(LAST_NAMES).toContain(last);
      expect(u.email).toMatch(/^[a-z]+\.[a-z]+[0-9]*@(example\.com|example\.org|mail\.example\.net)$/);
      expect(
        String(u.email).startsWith(
          `${first!
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()}.`,
        ),
      ).toBe(true);
      expect(u.userId).toMatch(/^u-[0-9a-f]{6}$/);
    }
  });

  it('gives products product-like names, money prices with two decimals, and non-negative integer views', () => {
    for (const p of get(shop, 'Product')) {
      expect(p.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( [A-Z][a-z]+)?$/);
      expect(Math.round(Number(p.price) * 100) / 100).toBe(p.price);
      expect(Number(p.price)).toBeGreaterThan(0);
      expect(Number.isInteger(p.views) && Number(p.views) >= 0).toBe(true);
    }
  });

  it('rates reviews 1 to 5 and writes comments as short sentences', () => {
    for (const r of get(shop, 'Review')) {
      expect([1, 2, 3, 4, 5]).toContain(r.rating);
      expect(r.comment).toMatch(/^[A-Z].* .*\.$/);
    }
  });

  it('gives images paths like images/abc.jpg', () => {
    const r = generateSampleRecords(readProblemModel('dynamodbguide-image-leaderboard.problem.json'), { seed: 1, counts: { Image: 50 } });
    for (const i of get(r, 'Image')) expect(i.image).toMatch(/^images\/[0-9a-f]{6}\.jpg$/);
  });

  it('draws city, state, country and postcode from one consistent place, with repeats for equality patterns', () => {
    const list = get(generateSampleRecords(stores, { seed: 4, counts: { Store: 2000 } }), 'Store');
    const stateOfCity = new Map<unknown, Set<unknown>>();
    const countryOfState = new Map<unknown, Set<unknown>>();
    for (const s of list) {
      const place = PLACES.find((p) => p.city === s.city);
      expect(place).toBeDefined();
      expect([s.state, s.country]).toEqual([place!.state, place!.country]);
      expect(place!.postcodes).toContain(s.postcode);
      expect(Math.abs(Number(s.latitude) - place!.latitude)).toBeLessThan(0.1);
      stateOfCity.set(s.city, (stateOfCity.get(s.city) ?? new Set()).add(s.state));
      countryOfState.set(s.state, (countryOfState.get(s.state) ?? new Set()).add(s.country));
    }
    expect([...stateOfCity.values()].every((x) => x.size === 1)).toBe(true);
    expect([...countryOfState.values()].every((x) => x.size === 1)).toBe(true);
    const perZip = new Map<string, number>();
    for (const s of list) perZip.set(`${String(s.city)}|${String(s.postcode)}`, (perZip.get(`${String(s.city)}|${String(s.postcode)}`) ?? 0) + 1);
    expect(Math.min(...perZip.values())).toBeGreaterThan(1);
  });

  it('repeats game titles and scores so that equality patterns on them have hits, with several games per user', () => {
    const list = get(generateSampleRecords(games, { seed: 6 }), 'GameScore');
    const titles = new Set(list.map((g) => g.gameTitle));
    expect([...titles].every((t) => (GAME_TITLES as readonly unknown[]).includes(t))).toBe(true);
    const zeroScores = list.filter((g) => g.topScore === 0).length;
    expect(zeroScores).toBeGreaterThan(0);
    expect(new Set(list.map((g) => g.userId)).size).toBeLessThan(list.length / 2);
  });

  it('puts a due date on or after the date it follows', () => {
    for (const i of get(generateSampleRecords(invoices, { seed: 8 }), 'Invoice')) {
      expect(String(i.invoiceDueDate) >= String(i.invoiceDate)).toBe(true);
    }
  });
});

describe('generateSampleRecords: optional attributes', () => {
  const withOptional = (optional: boolean): Model => ({
    name: 'Lobby',
    entities: [
      {
        name: 'Player',
        attributes: [
          { name: 'playerId', type: 'string' },
          { name: 'rating', type: 'number', ...(optional ? { optional: true as const } : {}) },
        ],
        key: ['playerId'],
        belongsTo: [],
        count: 1000,
      },
      {
        name: 'Game',
        attributes: [
          { name: 'gameId', type: 'string' },
          // Marked optional against the rules (validateModel refuses it): still never absent.
          { name: 'hostId', type: 'string', ...(optional ? { optional: true as const } : {}) },
          { name: 'mode', type: 'string', values: ['solo', 'duo'], ...(optional ? { optional: true as const } : {}) },
          { name: 'createdAt', type: 'datetime' },
        ],
        key: ['gameId'],
        belongsTo: [{ entity: 'Player', via: ['hostId'] }],
        count: 1000,
      },
    ],
    patterns: [],
  });

  it('leaves an optional attribute out of about 30% of the records, never a key or via attribute, the same for a seed', () => {
    const records = generateSampleRecords(withOptional(true), { seed: 'lobby' });
    const share = (entity: string, attribute: string) => get(records, entity).filter((r) => !Object.hasOwn(r, attribute)).length / get(records, entity).length;
    expect(share('Player', 'rating')).toBeGreaterThan(0.25);
    expect(share('Player', 'rating')).toBeLessThan(0.35);
    expect(share('Game', 'mode')).toBeGreaterThan(0.25);
    expect(share('Game', 'mode')).toBeLessThan(0.35);
    expect(share('Game', 'hostId')).toBe(0);
    expect(share('Player', 'playerId')).toBe(0);
    expect(brokenRelations(withOptional(true), records)).toEqual([]);
    expect(JSON.stringify([...generateSampleRecords(withOptional(true), { seed: 'lobby' })])).toBe(JSON.stringify([...records]));
    expect(JSON.stringify([...generateSampleRecords(withOptional(true), { seed: 'other' })])).not.toBe(JSON.stringify([...records]));
  });

  it('gives the other attributes the values the model without optional attributes gives', () => {
    const sparse = generateSampleRecords(withOptional(true), { seed: 'lobby' });
    const full = generateSampleRecords(withOptional(false), { seed: 'lobby' });
    for (const entity of ['Player', 'Game']) {
      const a = get(sparse, entity);
      const b = get(full, entity);
      expect(a).toHaveLength(b.length);
      a.forEach((r, i) => expect(r).toEqual(Object.fromEntries(Object.entries(b[i] ?? {}).filter(([name]) => Object.hasOwn(r, name)))));
    }
  });
});

describe('generateSampleRecords: odd models', () => {
  it('does not throw on a parent without records, an unknown parent or an undeclared key attribute', () => {
    const m: Model = {
      name: 'odd',
      entities: [
        { name: 'Parent', attributes: [{ name: 'parentId', type: 'string' }], key: ['parentId'], belongsTo: [], count: 0 },
        {
          name: 'Child',
          attributes: [
            { name: 'childId', type: 'string' },
            { name: 'parentId', type: 'string' },
            { name: 'ghostId', type: 'string' },
          ],
          key: ['childId', 'missing'],
          belongsTo: [
            { entity: 'Parent', via: ['parentId'] },
            { entity: 'Ghost', via: ['ghostId'] },
          ],
          count: 5,
        },
      ],
      patterns: [],
    };
    const r = generateSampleRecords(m, { seed: 1 });
    expect(get(r, 'Parent')).toEqual([]);
    expect(get(r, 'Child')).toHaveLength(5);
    for (const c of get(r, 'Child')) expect(Object.keys(c)).toEqual(['childId', 'parentId', 'ghostId']);
  });
});

describe('generateSampleRecords: the cache', () => {
  it('gives the records a fresh call gives, reusing the very arrays of the entities whose inputs did not change', () => {
    const cache = createSampleCache();
    const first = generateSampleRecords(ecommerce, { seed: 'tablewright', cache });
    expect(first).toEqual(fresh(ecommerce));
    const again = generateSampleRecords(ecommerce, { seed: 'tablewright', cache });
    for (const entity of ecommerce.entities) expect(get(again, entity.name)).toBe(get(first, entity.name));

    // More users: Order copies its userEmail from them and Review draws its userId from their ids, so both are made
    // again; Product draws from nothing of User's.
    const more = withCount(ecommerce, 'User', 90);
    const changed = generateSampleRecords(more, { seed: 'tablewright', cache });
    expect(changed).toEqual(fresh(more));
    expect(get(changed, 'User')).not.toBe(get(again, 'User'));
    expect(get(changed, 'Order')).not.toBe(get(again, 'Order'));
    expect(get(changed, 'Review')).not.toBe(get(again, 'Review'));
    expect(get(changed, 'Product')).toBe(get(again, 'Product'));
    // More products: Review copies its productId from them; User and Order are kept.
    const products = withCount(more, 'Product', 70);
    const third = generateSampleRecords(products, { seed: 'tablewright', cache });
    expect(third).toEqual(fresh(products));
    expect(get(third, 'User')).toBe(get(changed, 'User'));
    expect(get(third, 'Order')).toBe(get(changed, 'Order'));
    expect(get(third, 'Review')).not.toBe(get(changed, 'Review'));
  });

  it('makes records again for a new scale, seed, fixed literal or definition, and never reuses an entity a cycle fills in', () => {
    const cache = createSampleCache();
    const first = generateSampleRecords(ecommerce, { seed: 'tablewright', cache });
    const scaled = generateSampleRecords(ecommerce, { seed: 'tablewright', scale: 2, cache });
    expect(scaled).toEqual(fresh(ecommerce, 2));
    for (const entity of ecommerce.entities) expect(get(scaled, entity.name)).not.toBe(get(first, entity.name));
    const reseeded = generateSampleRecords(ecommerce, { seed: 'other', scale: 2, cache });
    expect(reseeded).toEqual(generateSampleRecords(ecommerce, { seed: 'other', scale: 2 }));

    const user = entityOf(ecommerce, 'User');
    const plan = user.attributes.find((a) => a.values === undefined && a.type === 'string' && !user.key.includes(a.name));
    if (plan === undefined) throw new Error('the e-commerce User has no free string attribute');
    const fixed: Model = {
      ...ecommerce,
      patterns: [...ecommerce.patterns, { name: 'byFixed', entity: 'User', equals: [], fixed: { [plan.name]: 'x' }, returns: 'many' }],
    };
    const before = generateSampleRecords(ecommerce, { seed: 'tablewright', cache });
    const after = generateSampleRecords(fixed, { seed: 'tablewright', cache });
    expect(after).toEqual(generateSampleRecords(fixed, { seed: 'tablewright' }));
    expect(get(after, 'User')).not.toBe(get(before, 'User'));
    expect(get(after, 'Product')).toBe(get(before, 'Product'));

    const cycle = teamsAndPlayers;
    const cycleCache = createSampleCache();
    const one = generateSampleRecords(cycle, { seed: 2, cache: cycleCache });
    const two = generateSampleRecords(cycle, { seed: 2, cache: cycleCache });
    expect(two).toEqual(generateSampleRecords(cycle, { seed: 2 }));
    expect(get(two, 'Team')).not.toBe(get(one, 'Team'));
    expect(get(two, 'Player')).toBe(get(one, 'Player'));
  });

  it('equals a fresh call through a run of edits of every example', () => {
    for (const { f, dir } of problemFiles) {
      const model = readProblemModel(f, dir);
      const cache = createSampleCache();
      const edits = [model, ...model.entities.map((e) => withCount(model, e.name, (e.count ?? DEFAULT_RECORD_COUNT) + 3)), model];
      for (const edit of edits) expect(generateSampleRecords(edit, { seed: 'tablewright', cache })).toEqual(fresh(edit));
    }
  });
});

describe('generateSampleRecords: the cache on random models', () => {
  it('equals a fresh call through edits of each entity in turn and back, on 120 random models (cycles, self-references, fixed literals)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const model = randomModel(prng(seed));
      if (validateModel(model).some((d) => d.severity === 'error')) continue;
      const cache = createSampleCache();
      const edits: Model[] = [model];
      for (const entity of model.entities) {
        edits.push(withCount(model, entity.name, Math.min(40, (entity.count ?? DEFAULT_RECORD_COUNT) + 3)));
        // A new attribute: the entity is made again, and those after it copy the same key values, or not.
        edits.push({
          ...model,
          entities: model.entities.map((e) => (e === entity ? { ...e, attributes: [...e.attributes, { name: 'zzNote', type: 'string' }] } : e)),
        });
        edits.push(model);
      }
      for (const edit of edits) {
        const options = { seed: `cache:${seed}`, maxPerEntity: 40 };
        expect(generateSampleRecords(edit, { ...options, cache }), `seed ${seed}`).toEqual(generateSampleRecords(edit, options));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('generateSampleRecords: progress', () => {
  /** Every call of `progress.made`: the entity, the array it gave and how long it was then, and a copy of its records then. */
  const calls = (model: Model, options: Omit<Parameters<typeof generateSampleRecords>[1], 'progress'>, every: number) => {
    const seen: { entity: string; list: readonly RecordValue[]; length: number; copy: string }[] = [];
    const records = generateSampleRecords(model, {
      ...options,
      progress: { every, made: (entity, list) => seen.push({ entity, list, length: list.length, copy: JSON.stringify(list) }) },
    });
    return { records, seen };
  };

  it('hands on each long list every `every` records, as the very array it returns, whose records given never change afterwards', () => {
    const model = withCount(ecommerce, 'User', 130);
    const { records, seen } = calls(model, { seed: 'tablewright' }, 50);
    expect(records).toEqual(fresh(model));
    const users = seen.filter((c) => c.entity === 'User');
    expect(users.map((c) => c.length)).toEqual([50, 100]);
    for (const call of users) {
      expect(call.list).toBe(get(records, 'User'));
      expect(JSON.stringify(get(records, 'User').slice(0, call.length))).toBe(call.copy);
    }
    // Every entity with 50 records or more is told of; none with fewer.
    for (const entity of model.entities) {
      const made = get(records, entity.name).length;
      expect(seen.filter((c) => c.entity === entity.name).map((c) => c.length)).toEqual(Array.from({ length: Math.floor(made / 50) }, (_, i) => 50 * (i + 1)));
    }
  });

  it('tells nothing of an entity whose records change after they are made (a self-reference, a cycle), nor of one the cache gives', () => {
    const org: Model = {
      ...employees,
      entities: [...employees.entities, { name: 'Office', attributes: [{ name: 'officeId', type: 'string' }], key: ['officeId'], belongsTo: [], count: 100 }],
    };
    expect(calls(org, { seed: 5 }, 10).seen.map((c) => c.entity)).toEqual(Array.from({ length: 10 }, () => 'Office'));

    expect(new Set(calls(teamsAndPlayers, { seed: 2 }, 10).seen.map((c) => c.entity))).toEqual(new Set(['Player']));

    const cache = createSampleCache();
    const first = calls(ecommerce, { seed: 'tablewright', cache }, 5);
    expect(first.seen.length).toBeGreaterThan(0);
    const again = calls(ecommerce, { seed: 'tablewright', cache }, 5);
    expect(again.seen).toEqual([]);
    expect(again.records).toEqual(first.records);
  });
});
