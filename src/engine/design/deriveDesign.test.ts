import { describe, expect, it } from 'vitest';
import { compositeIndex } from './indexKeys.ts';
import type { Model } from '../model/types.ts';
import { deriveDesign, hasKeyLayout } from './deriveDesign.ts';
import { designLayout } from './designJson.ts';
import type { Design } from './types.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { parseModelText } from '../model/parseModelText.ts';
import { validateModel } from '../model/validateModel.ts';
import { createPlanCache } from '../queries/planPattern.ts';
import { createRandom } from '../samples/createRandom.ts';
import { prng, randomModel } from '../../testing/randomModel.ts';

const model = modelFromText;
const seg = (d: Design, entity: string, index: string) => {
  const t = d.entities.find((e) => e.entity === entity)?.keys[index];
  const text = (s: NonNullable<typeof t>['pk']) =>
    s.map((x) => (x.kind === 'literal' ? x.text : x.kind === 'shard' ? `{shard ${String(x.count)}}` : `{${x.name}}`)).join('#');
  return t ? `${text(t.pk)} | ${text(t.sk)}` : undefined;
};
const plan = (d: Design, name: string) => {
  const p = d.patterns.find((x) => x.pattern === name);
  if (!p) throw new Error(`no plan ${name}`);
  return p;
};

const SHOP = `model "Shop"
entity User key email
  email: string
  userId: string
  plan: "free" | "premium"
  createdAt: datetime
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  status: "pending" | "paid"
  createdAt: datetime
getUser: User by email returns one
getUserByUserId: User by userId
getUserWithOrders: User by email with Order
getUserOrders: Order by userEmail order by createdAt desc
getRecentUserOrders: Order by userEmail where createdAt >= ? newest first
getOrder: Order by orderId returns one
getOrdersByStatus: Order by status order by createdAt asc
`;

describe('deriveDesign', () => {
  it('serves a lookup by the whole key with GetItem on the table', () => {
    const d = deriveDesign(model(SHOP));
    const p = plan(d, 'getUser');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]?.operation).toBe('GetItem');
    expect(p.steps[0]?.index).toBe('table');
    expect(seg(d, 'User', 'table')).toBe('USER#{email} | USER');
  });

  it("puts a user's orders in the user's item collection, sorted by date, so one Query serves the include and the ordered list", () => {
    const d = deriveDesign(model(SHOP));
    expect(seg(d, 'Order', 'table')).toBe('USER#{userEmail} | ORDER#{createdAt}#{orderId}');
    expect(plan(d, 'getUserWithOrders').steps[0]?.keyConditionText).toBe('PK = USER#{email}');
    expect(plan(d, 'getUserOrders').steps[0]).toMatchObject({ index: 'table', direction: 'desc' });
    expect(plan(d, 'getRecentUserOrders').steps[0]?.keyConditionText).toBe('PK = USER#{userEmail} AND SK BETWEEN ORDER#{createdAt} AND ORDER$');
  });

  it('overloads one GSI across entities and uses each GSI at most once per entity', () => {
    const d = deriveDesign(model(SHOP));
    expect(d.indexes.map((i) => i.name)).toEqual(['table', 'GSI1', 'GSI2']);
    expect(d.indexes[1]?.entities).toEqual(['User', 'Order']);
    for (const e of d.entities) expect(new Set(Object.keys(e.keys)).size).toBe(Object.keys(e.keys).length);
  });

  it('shares one index among hierarchical patterns through a longer sort key prefix', () => {
    const d = deriveDesign(
      model(`model "Stores"
entity Store key storeNumber
  storeNumber: string
  country: string
  state: string
  city: string
getStore: Store by storeNumber returns one
inCountry: Store by country
inState: Store by country, state
inCity: Store by country, state, city
`),
    );
    expect(d.indexes).toHaveLength(2);
    expect(seg(d, 'Store', 'GSI1')).toBe('STORE#{country} | STORE#{state}#{city}#{storeNumber}');
    expect(plan(d, 'inCity').steps[0]?.keyConditionText).toBe('GSI1PK = STORE#{country} AND begins_with(GSI1SK, STORE#{state}#{city}#)');
  });

  it('gives a global list a constant partition and warns about the hot partition', () => {
    const d = deriveDesign(
      model(`model "Images"
entity Image key image
  image: string
  viewCount: number
getImage: Image by image returns one
top: Image order by viewCount desc
`),
    );
    expect(seg(d, 'Image', 'GSI1')).toBe('IMAGE | IMAGE#{viewCount}#{image}');
    expect(d.diagnostics.some((x) => x.code === 'keys.hotPartition' && x.severity === 'warning')).toBe(true);
  });

  it('filters a range that differs from the order attribute, and names the read amplification', () => {
    const d = deriveDesign(
      model(`model "Filter"
entity Reading key (sensor, seq)
  sensor: string
  seq: number
  value: number
  day: date
r: Reading by sensor where day >= ? order by value desc
`),
    );
    const step = plan(d, 'r').steps[0];
    expect(step?.filter).toMatchObject({ attribute: 'day', op: '>=' });
    expect(step?.direction).toBe('desc');
    const warning = d.diagnostics.find((x) => x.code === 'keys.filtered');
    expect(warning?.message).toMatch(/read amplification/);
  });

  it('selects only the included children when several collections share a partition', () => {
    const d = deriveDesign(
      model(`model "Acc"
entity Account key id
  id: string
entity Contact key email belongsTo Account via accountId
  email: string
  accountId: string
entity Note key noteId belongsTo Account via accountId
  noteId: string
  accountId: string
withContacts: Account by id with Contact
withAll: Account by id with Contact, Note
`),
    );
    const step = plan(d, 'withContacts').steps[0];
    expect(step?.keyConditionText).toMatch(/BETWEEN ACCOUNT AND CONTACT\$/);
    expect(plan(d, 'withAll').steps[0]?.keyConditionText).not.toMatch(/BETWEEN/);
    expect(d.indexes).toHaveLength(1);
  });

  it('orders the sort keys of a shared collection so that each include reads one run, instead of adding a GSI', () => {
    const d = deriveDesign(
      model(`model "Users"
entity User key email
  email: string
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
entity Review key reviewId belongsTo User via author
  reviewId: string
  author: string
withOrders: User by email with Order
withReviews: User by email with Review
`),
    );
    expect(d.indexes).toHaveLength(1);
    const orders = plan(d, 'withOrders').steps[0]?.keyConditionText ?? '';
    const reviews = plan(d, 'withReviews').steps[0]?.keyConditionText ?? '';
    // ORDER, REVIEW, USER alphabetically would put REVIEW between USER and ORDER: ranks put USER in the middle.
    expect(seg(d, 'User', 'table')).toMatch(/^USER#\{email\} \| \d_USER$/);
    expect(orders).toMatch(/BETWEEN/);
    expect(reviews).toMatch(/BETWEEN/);
    expect(orders).not.toMatch(/REVIEW/);
    expect(reviews).not.toMatch(/ORDER/);
  });

  it('refuses an include that does not match on the parent key, with the reason', () => {
    const d = deriveDesign(
      model(`model "Bad"
entity User key email
  email: string
  plan: string
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
byPlan: User by plan with Order
`),
    );
    const error = d.diagnostics.find((x) => x.severity === 'error');
    expect(error?.code).toBe('keys.includeNeedsKey');
    expect(error?.path).toBe('patterns[0].equals');
    expect(d.patterns.find((p) => p.pattern === 'byPlan')).toBeUndefined();
  });

  it('answers a self-referencing include with two requests and says why', () => {
    const d = deriveDesign(
      model(`model "Org"
entity Employee key empId belongsTo Employee via managerId
  empId: string
  managerId: string
withReports: Employee by empId with Employee
`),
    );
    expect(plan(d, 'withReports').steps.map((s) => s.operation)).toEqual(['GetItem', 'Query']);
    expect(d.diagnostics.some((x) => x.code === 'keys.multipleRequests')).toBe(true);
  });

  it('renames key attributes that collide with record attributes', () => {
    const d = deriveDesign(
      model(`model "Names"
entity Thing key id
  id: string
  PK: string
  _type: string
get: Thing by id returns one
`),
    );
    expect(d.indexes[0] && compositeIndex(d.indexes[0]).pkAttribute).toBe('_PK');
    expect(d.entityAttribute).toBe('__type');
  });

  it('is deterministic: the same model gives the same design, byte for byte', () => {
    expect(JSON.stringify(deriveDesign(model(SHOP)))).toBe(JSON.stringify(deriveDesign(model(SHOP))));
  });
});

describe("deriveDesign: the table's name", () => {
  it("is the option, else the model's table.name (also over a kept design's), else the previous design's, else from the model's name", () => {
    const shop = model(SHOP);
    const named = model(SHOP.replace('model "Shop"\n', 'model "Shop"\ntable ShopTable billing on-demand\n'));
    expect(deriveDesign(shop).tableName).toBe('Shop');
    expect(deriveDesign(named).tableName).toBe('ShopTable');
    expect(deriveDesign(named, { tableName: 'FromCli' }).tableName).toBe('FromCli');
    const previous = { ...designLayout(deriveDesign(shop)), tableName: 'Deployed' };
    expect(deriveDesign(shop, { previous }).tableName).toBe('Deployed');
    const kept = deriveDesign(named, { previous });
    expect(kept.tableName).toBe('ShopTable');
    expect(kept.changes).toEqual([]);
    expect(deriveDesign(named, { previous, tableName: 'FromCli' }).tableName).toBe('FromCli');
  });
});

describe('deriveDesign on the shared examples', () => {
  it('needs no more GSIs than the expert design of each example that has one', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { EXAMPLES_DIR, loadModel } = await import('../../testing/exampleModels.ts');
    const experts = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.expert.json'));
    expect(experts.length).toBeGreaterThan(0);
    for (const f of experts) {
      const expert = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) as { gsiCount: number };
      const design = deriveDesign(loadModel(path.join(EXAMPLES_DIR, f.replace('.expert.json', '.problem.json'))));
      expect(design.indexes.length - 1, f).toBeLessThanOrEqual(expert.gsiCount);
      expect(
        design.diagnostics.filter((d) => d.severity === 'error'),
        f,
      ).toEqual([]);
    }
  });
});

describe('deriveDesign with several relations to one parent', () => {
  it('follows the first relation in an include and says so', () => {
    const parsed = parseModelText(`model "Follows"
entity User key id
  id: string
entity Follow key (from, to) belongsTo User via from, User via to
  from: string
  to: string
withFollows: User by id with Follow
`);
    if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const d = deriveDesign(parsed.model);
    expect(d.entities.find((e) => e.entity === 'Follow')?.keys.table?.pk).toEqual([
      { kind: 'literal', text: 'USER' },
      { kind: 'attribute', name: 'from' },
    ]);
    expect(d.diagnostics.find((x) => x.code === 'keys.firstRelation')?.message).toMatch(/follows the first \(via from\)/);
  });
});

describe('deriveDesign when a stage throws', () => {
  /** An entity with no attribute list: validation never lets one through, and the keys stage throws a TypeError on it. */
  const broken = (): Model => {
    const m = model(SHOP);
    return { ...m, entities: m.entities.map((e) => (e.name === 'Order' ? ({ ...e, attributes: undefined } as unknown as typeof e) : e)) };
  };

  it('reports a throw in the keys stage as engine.internal, a Tablewright bug, instead of throwing', () => {
    const d = deriveDesign(broken());
    expect(d.diagnostics).toEqual([
      {
        code: 'engine.internal',
        severity: 'error',
        subject: {},
        message: expect.stringMatching(/^Tablewright bug: deriving the key layout failed \(.+\)/) as string,
      },
    ]);
    expect(d.diagnostics[0]?.message).toMatch(/not a limit of your design/);
    expect(hasKeyLayout(d)).toBe(false);
    expect(d.indexes).toEqual([]);
    expect(d.patterns).toEqual([]);
  });

  it('has a key layout whenever the keys stage succeeds', () => {
    expect(hasKeyLayout(deriveDesign(model(SHOP)))).toBe(true);
  });
});

describe('deriveDesign with a plan cache', () => {
  it('derives what it derives without one, as a model is edited: counts, orders, new patterns, on 150 random models', () => {
    let compared = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const m = randomModel(prng(seed));
      if (validateModel(m).some((d) => d.severity === 'error') || m.patterns.length === 0) continue;
      const random = createRandom(`derive:${seed}`);
      const plans = createPlanCache();
      const first = deriveDesign(m, { plans });
      expect(first, `seed ${seed}`).toEqual(deriveDesign(m));
      const entity = random.pick(m.entities);
      const pattern = random.pick(m.patterns);
      const edits: Model[] = [
        { ...m, entities: m.entities.map((e) => (e === entity ? { ...e, count: (e.count ?? 10) * 3 } : e)) },
        { ...m, patterns: m.patterns.map((p) => (p === pattern ? { ...p, order: { attribute: entity.key[0] ?? '', direction: 'desc' as const } } : p)) },
        // A copy of a pattern under another name, and one on the entity's own key (the kept layout may need a GSI).
        { ...m, patterns: [...m.patterns, { ...pattern, name: `${pattern.name}_again` }] },
        {
          ...m,
          patterns: [...m.patterns, { name: 'byAnother', entity: entity.name, equals: entity.attributes.slice(-1).map((a) => a.name), returns: 'many' }],
        },
      ];
      let previous = designLayout(first);
      for (const [k, edited] of edits.entries()) {
        if (validateModel(edited).some((d) => d.severity === 'error')) continue;
        const cached = deriveDesign(edited, { previous, plans });
        expect(cached, `seed ${seed}, edit ${String(k)}`).toEqual(deriveDesign(edited, { previous }));
        previous = designLayout(cached);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
