import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import { printModelText } from './printModelText.ts';
import type { Model, TableSettings } from './types.ts';
import type { Diagnostic } from './diagnostics.ts';

/**
 * The diagnostics but the warnings for a range on an equality attribute: the
 * boolean-ranges test model has such ranges on purpose (they become filters);
 * the warning itself is checked in validateModel.test.ts.
 */
const withoutRangeOnEquality = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'model.rangeOnEquality');

// The canonical examples (src/examples, copies of ../shared/problems) and the engine's test models.
const problemDirs = [new URL('../../examples/', import.meta.url), new URL('../testing/problems/', import.meta.url)].map((u) => fileURLToPath(u));
const problemPaths = problemDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .map((f) => dir + f),
);
const examplePath = (slug: string) => `${problemDirs[0]}${slug}.problem.json`;
const load = (file: string): Model => {
  const model = parseProblemJson(readFileSync(file, 'utf8')).model;
  if (!model) throw new Error(`${file} does not load`);
  return model;
};

const ECOMMERCE_TEXT = `model "E-commerce"
source "The access pattern list of a serverless e-commerce backend: users, orders, products, reviews, follows"

entity User key email count 80
  email: string
  userId: string
  name: string
  plan: "free" | "premium"
  createdAt: datetime

entity Order key orderId count 150 belongsTo User via userEmail
  orderId: string
  userEmail: string
  status: "pending" | "paid" | "shipped" | "delivered"
  createdAt: datetime
  total: number

entity Product key productId count 60
  productId: string
  name: string
  category: string
  price: number
  views: number

entity Review key (productId, userId) count 120 belongsTo Product via productId
  productId: string
  userId: string
  createdAt: date
  rating: number
  comment: string

getUserByEmail: User by email returns one "Get user by email"
getUserByUserId: User by userId "Get user by userId"
getUsersByPlan: User by plan order by createdAt desc "Get all premium users, newest registration first"
getUserWithOrders: User by email with Order "Get a user and all their orders in one request"
getOrderById: Order by orderId returns one "Get order by orderId"
getUserOrders: Order by userEmail order by createdAt desc "Get all orders for a user, newest first"
getRecentUserOrders: Order by userEmail where createdAt >= ? newest first "Get a user's orders since a date"
getOrdersByStatus: Order by status order by createdAt asc "Get orders by status, oldest first"
getProductById: Product by productId returns one "Get product by productId"
getTrendingProducts: Product by category order by views desc "Get products in a category, most viewed first"
getProductReviews: Review by productId where createdAt between ? and ? "Get the reviews of a product in a date range"
`;

describe('printModelText', () => {
  it('prints the e-commerce example in the canonical layout', () => {
    expect(printModelText(load(examplePath('ecommerce')))).toBe(ECOMMERCE_TEXT);
  });

  it('round-trips every example problem: model → text → the same model, and prints stably', () => {
    expect(problemPaths.length).toBeGreaterThanOrEqual(5);
    for (const file of problemPaths) {
      const model = load(file);
      const text = printModelText(model);
      const back = parseModelText(text);
      expect(withoutRangeOnEquality(back.diagnostics), file).toEqual([]);
      expect(back.model, file).toEqual(model);
      expect(printModelText(back.model as Model), file).toBe(text);
    }
  });

  it('writes other enumerations as TYPE in (...) and composite keys and via in parentheses', () => {
    const model: Model = {
      name: 'm',
      entities: [
        {
          name: 'A',
          attributes: [
            { name: 'x', type: 'string' },
            { name: 'y', type: 'number' },
          ],
          key: ['x', 'y'],
          belongsTo: [],
        },
        {
          name: 'B',
          attributes: [
            { name: 'x', type: 'string' },
            { name: 'y', type: 'number', values: [1, -2.5] },
            { name: 'day', type: 'date', values: ['2024-01-01', '2024-01-02'] },
            { name: 'flag', type: 'boolean', values: [true] },
          ],
          key: ['x'],
          belongsTo: [{ entity: 'A', via: ['x', 'y'] }],
        },
      ],
      patterns: [
        { name: 'p', entity: 'B', equals: [], range: { attribute: 'day', op: 'begins_with' }, order: { attribute: 'y', direction: 'asc' }, returns: 'many' },
        {
          name: 'q',
          entity: 'A',
          equals: ['x'],
          range: { attribute: 'y', op: '<' },
          order: { attribute: 'y', direction: 'desc' },
          include: ['B'],
          returns: 'one',
        },
      ],
    };
    const text = printModelText(model);
    expect(text).toBe(`model "m"

entity A key (x, y)
  x: string
  y: number

entity B key x belongsTo A via (x, y)
  x: string
  y: 1 | -2.5
  day: date in ("2024-01-01", "2024-01-02")
  flag: true

p: B where day begins_with ? order by y asc
q: A by x where y < ? order by y desc with B returns one
`);
    expect(parseModelText(text).model).toEqual(model);
  });

  it('writes an optional attribute with a ? after its name, whatever its type', () => {
    const model: Model = {
      name: 'm',
      entities: [
        {
          name: 'A',
          attributes: [
            { name: 'id', type: 'string' },
            { name: 'rating', type: 'number', optional: true },
            { name: 'mode', type: 'string', values: ['solo'], optional: true },
            { name: 'day', type: 'date', values: ['2024-01-01'], optional: true },
          ],
          key: ['id'],
          belongsTo: [],
        },
      ],
      patterns: [],
    };
    const text = printModelText(model);
    expect(text).toContain('  id: string\n  rating?: number\n  mode?: "solo"\n  day?: date in ("2024-01-01")\n');
    expect(parseModelText(text).model).toEqual(model);
  });

  it('writes the table line after model and source, and unique, version, ttl after belongsTo, canonically', () => {
    const model: Model = {
      name: 'Lobby',
      source: 's',
      table: {
        tableClass: 'STANDARD',
        deletionProtection: false,
        pitr: true,
        stream: 'NEW_IMAGE',
        write: 10,
        read: 20,
        billing: 'provisioned',
        name: 'GameLobby',
      },
      entities: [
        {
          name: 'Player',
          attributes: [
            { name: 'id', type: 'string' },
            { name: 'handle', type: 'string' },
            { name: 'region', type: 'string' },
            { name: 'v', type: 'number' },
          ],
          key: ['id'],
          belongsTo: [],
          count: 3,
          ttl: 'v',
          version: 'v',
          unique: [['handle'], ['region', 'handle']],
        },
      ],
      patterns: [],
    };
    const text = printModelText(model);
    expect(text).toBe(`model "Lobby"
source "s"
table GameLobby billing provisioned read 20 write 10 stream NEW_IMAGE pitr deletionProtection off class STANDARD

entity Player key id count 3 unique handle unique (region, handle) version v ttl v
  id: string
  handle: string
  region: string
  v: number
`);
    expect(parseModelText(text).model).toEqual(model);
    const withTable = (table: TableSettings) => printModelText({ name: 'm', table, entities: [], patterns: [] }).split('\n')[1];
    expect(withTable({})).toBe('table');
    expect(withTable({ pitr: false, deletionProtection: true })).toBe('table pitr off deletionProtection');
    // A name spelt like a clause is quoted, so that it reads back as the name.
    for (const name of ['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class']) {
      const table = { name, billing: 'on-demand' as const };
      expect(withTable(table)).toBe(`table "${name}" billing on-demand`);
      expect(parseModelText(printModelText({ name: 'm', table, entities: [], patterns: [] })).model?.table).toEqual(table);
    }
  });

  it('prints invalid table settings without throwing, quoted where they are not plain words', () => {
    const model = { name: 'm', table: { name: 'my table', billing: 'on demand', read: 1.5, stream: '' }, entities: [], patterns: [] } as unknown as Model;
    const text = printModelText(model);
    expect(text).toContain('table "my table" billing "on demand" read 1.5 stream ""');
    expect(parseModelText(text).diagnostics.map((d) => d.code)).toEqual([
      'model.invalidTableName',
      'model.unknownBilling',
      'model.invalidCapacity',
      'model.unknownStreamView',
    ]);
  });

  it('uses newest first / oldest first only for a date or datetime where attribute', () => {
    const model = load(examplePath('ecommerce'));
    const text = printModelText(model);
    expect(text).toContain('getRecentUserOrders: Order by userEmail where createdAt >= ? newest first');
    const numeric: Model = {
      name: 'n',
      entities: [{ name: 'S', attributes: [{ name: 'score', type: 'number' }], key: ['score'], belongsTo: [] }],
      patterns: [
        { name: 'top', entity: 'S', equals: [], range: { attribute: 'score', op: '>' }, order: { attribute: 'score', direction: 'desc' }, returns: 'many' },
      ],
    };
    expect(printModelText(numeric)).toContain('top: S where score > ? order by score desc');
  });

  it('writes literal conditions in the where clause before the range, joined by and, and limit after the order', () => {
    const model: Model = {
      name: 'g',
      entities: [
        {
          name: 'Game',
          attributes: [
            { name: 'id', type: 'string' },
            { name: 'status', type: 'string', values: ['open', 'done'] },
            { name: 'level', type: 'number' },
            { name: 'ranked', type: 'boolean' },
            { name: 'at', type: 'datetime' },
          ],
          key: ['id'],
          belongsTo: [],
        },
      ],
      patterns: [
        { name: 'open', entity: 'Game', equals: [], fixed: { status: 'open' }, order: { attribute: 'at', direction: 'desc' }, limit: 10, returns: 'many' },
        {
          name: 'since',
          entity: 'Game',
          equals: ['id'],
          range: { attribute: 'at', op: '>=' },
          fixed: { level: -2.5, ranked: true },
          order: { attribute: 'at', direction: 'desc' },
          limit: 1,
          returns: 'one',
        },
      ],
    };
    const text = printModelText(model);
    expect(text).toContain('open: Game where status = "open" order by at desc limit 10\n');
    expect(text).toContain('since: Game by id where level = -2.5 and ranked = true and at >= ? newest first limit 1 returns one\n');
    expect(parseModelText(text).model).toEqual(model);
  });

  it('escapes text so that it reads back the same, line separators included', () => {
    const model: Model = { name: 'a "quoted" # not a comment \\ \n \u2028 é', source: '\t', entities: [], patterns: [] };
    const text = printModelText(model);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('\\u2028');
    expect(parseModelText(text).model).toEqual(model);
  });

  it('prints an invalid model without throwing, keeping what it can', () => {
    const model: Model = {
      name: 'bad',
      entities: [
        {
          name: 'E',
          attributes: [
            { name: 'a', type: 'string', values: [1, 'x'] },
            { name: 'b', type: 'string', values: [] },
          ],
          key: [],
          belongsTo: [],
        },
      ],
      patterns: [{ name: 'p', entity: 'E', equals: [], returns: 'all' as never }],
    };
    const text = printModelText(model);
    expect(text).toContain('entity E key ()\n  a: string in (1, "x")\n  b: string in ()');
    expect(parseModelText(text).diagnostics.map((d) => d.code)).toEqual(['model.emptyKey', 'model.valueType', 'model.emptyValues', 'model.syntax']);
  });
});
