// Engine speed: parse + derive + generate for the shared problems, for
// synthetic models of 10, 100 and 1,000 patterns, and for one entity with 500,
// 1,000 and 5,000 patterns; generated builders beside ElectroDB's .params() for
// the e-commerce example. Printed, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Entity } from 'electrodb';
import {
  createRandom,
  deriveDesign,
  designLayout,
  generateModule,
  loadProblem,
  printModelText,
  type Model,
  type Pattern,
  type PatternParams,
  type RangeOp,
} from '../engine/index.ts';
import { syntheticModel } from './syntheticModel.ts';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function timeIt(fn: () => void, minRuns = 5, minMs = 300): number {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length > 200) break;
  }
  return median(times);
}

/** Parse (text form, as the app does) + derive + generate. */
function pipeline(text: string): void {
  const parsed = loadProblem(text);
  if (!parsed.model) throw new Error(parsed.diagnostics[0]?.message ?? 'model did not load');
  generateModule(deriveDesign(parsed.model));
}

export function problemsDir(): string {
  const shared = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'problems');
  return fs.existsSync(shared) ? shared : path.resolve(import.meta.dirname, '..', 'examples');
}

export async function engineBench(): Promise<void> {
  console.log('\n## Engine: parse + derive + generate (median)');
  const dir = problemsDir();
  console.log(`problems from ${dir}`);
  const rows: string[][] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.problem.json'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const parsed = loadProblem(text);
    const patterns = parsed.model?.patterns.length ?? 0;
    rows.push([f.replace('.problem.json', ''), String(patterns), `${timeIt(() => pipeline(text)).toFixed(2)} ms`]);
  }
  printTable(['problem', 'patterns', 'time'], rows);

  const sizes: [number, number][] = [
    [10, 5],
    [100, 50],
    [1000, 200],
  ];
  const times = new Map<number, number>();
  const synthRows: string[][] = [];
  for (const [p, e] of sizes) {
    const text = printModelText(syntheticModel(p, e));
    const t = timeIt(() => pipeline(text), 5, 1000);
    times.set(p, t);
    const design = deriveDesign(loadProblem(text).model as Model);
    synthRows.push([`${p} patterns / ${e} entities`, `${text.split('\n').length} lines`, `${design.indexes.length - 1} GSIs`, `${t.toFixed(2)} ms`]);
  }
  printTable(['synthetic model', 'text', 'design', 'time'], synthRows);
  const r1 = (times.get(100) ?? 0) / (times.get(10) ?? 1);
  const r2 = (times.get(1000) ?? 0) / (times.get(100) ?? 1);
  console.log(`ratio t(100)/t(10) = ${r1.toFixed(1)}, t(1000)/t(100) = ${r2.toFixed(1)} (target ≤ 12: ${r2 <= 12 ? 'met' : 'NOT met'})`);

  // Many patterns on one entity: repeated and nested equality sets, several
  // orders and ranges. Key derivation merges identical needs, so it stays near-linear.
  const single = new Map<number, number>();
  const singleDerive = new Map<number, number>();
  const singleRows: string[][] = [];
  for (const p of [500, 1000, 5000]) {
    const model = singleEntityModel(p);
    const text = printModelText(model);
    const t = timeIt(() => pipeline(text), 5, 1000);
    single.set(p, t);
    const design = deriveDesign(model);
    const derive = timeIt(() => deriveDesign(model), 5, 1000);
    singleDerive.set(p, derive);
    singleRows.push([
      `${p} patterns / 1 entity`,
      `${text.split('\n').length} lines`,
      `${design.indexes.length - 1} GSIs`,
      `${derive.toFixed(2)} ms`,
      `${t.toFixed(2)} ms`,
    ]);
  }
  printTable(['single-entity model', 'text', 'design', 'derive', 'time'], singleRows);
  const r3 = (single.get(5000) ?? 0) / (single.get(500) ?? 1);
  const r4 = (singleDerive.get(5000) ?? 0) / (singleDerive.get(500) ?? 1);
  console.log(`ratio t(5000)/t(500) = ${r3.toFixed(1)}, derive alone ${r4.toFixed(1)} (near-linear ≈ 10, target ≤ 15: ${r3 <= 15 ? 'met' : 'NOT met'})`);

  // What the app does on every edit: derive again keeping the last design, here with one pattern added at the top.
  const keptRows: string[][] = [];
  for (const [label, model] of [
    ['1000 patterns / 200 entities', syntheticModel(1000, 200)],
    ['5000 patterns / 1 entity', singleEntityModel(5000)],
  ] as const) {
    const previous = designLayout(deriveDesign(model));
    // Both models' entities have a `title`; no pattern reads by it yet.
    const added: Pattern = { name: 'addedPattern', entity: model.entities[0]?.name ?? '', equals: ['title'], returns: 'many' };
    const grown: Model = { ...model, patterns: [added, ...model.patterns] };
    const fresh = timeIt(() => deriveDesign(grown), 3, 500);
    const kept = timeIt(() => deriveDesign(grown, { previous }), 3, 500);
    const changes = deriveDesign(grown, { previous }).changes?.length ?? 0;
    keptRows.push([label, `${fresh.toFixed(2)} ms`, `${kept.toFixed(2)} ms`, String(changes)]);
  }
  printTable(['one pattern added to', 'derive afresh', 'derive keeping the last design', 'changes'], keptRows);

  await electroBench();
}

/** One entity, `patterns` patterns a user could write: hierarchies of equality sets, each with its orders and ranges, many repeated. */
export function singleEntityModel(patterns: number): Model {
  const r = createRandom(`single-entity-${patterns}`);
  const model: Model = {
    name: `Single entity ${patterns}`,
    entities: [
      {
        name: 'Listing',
        attributes: [
          { name: 'id', type: 'string' },
          { name: 'tenant', type: 'string' },
          { name: 'region', type: 'string' },
          { name: 'city', type: 'string' },
          { name: 'store', type: 'string' },
          { name: 'category', type: 'string' },
          { name: 'brand', type: 'string' },
          { name: 'status', type: 'string', values: ['new', 'open', 'closed'] },
          { name: 'ownerId', type: 'string' },
          { name: 'createdAt', type: 'datetime' },
          { name: 'updatedAt', type: 'datetime' },
          { name: 'score', type: 'number' },
          { name: 'price', type: 'number' },
          { name: 'title', type: 'string' },
        ],
        key: ['id'],
        belongsTo: [],
        count: 100000,
      },
    ],
    patterns: [],
  };
  // Equality hierarchy → the attributes its patterns order or range by.
  const shapes: [string[], string[]][] = [
    [
      ['tenant', 'region', 'city', 'store'],
      ['createdAt', 'score'],
    ],
    [
      ['category', 'brand'],
      ['price', 'title'],
    ],
    [['status'], ['updatedAt', 'createdAt']],
    [['ownerId'], ['createdAt', 'title']],
    [['id'], []],
  ];
  for (let p = 0; p < patterns; p++) {
    const [hierarchy, sorts] = r.pick(shapes);
    const pattern: Pattern = {
      name: `pattern${p}`,
      entity: 'Listing',
      equals: hierarchy.slice(0, r.int(1, hierarchy.length)),
      returns: sorts.length ? 'many' : 'one',
    };
    const sort = sorts.length && r.chance(0.7) ? r.pick(sorts) : undefined;
    if (sort && r.chance(0.6)) pattern.order = { attribute: sort, direction: r.pick(['asc', 'desc'] as const) };
    if (sort && r.chance(0.5)) {
      const on = r.chance(0.9) ? sort : r.pick(sorts);
      const ops: RangeOp[] = ['>=', '<', '>', 'between'];
      if (on === 'title' || on === 'createdAt') ops.push('begins_with');
      pattern.range = { attribute: on, op: r.pick(ops) };
    }
    model.patterns.push(pattern);
  }
  return model;
}

const ECOMMERCE_PARAMS: Record<string, PatternParams> = {
  getUserByEmail: { email: 'ana@example.com' },
  getUserByUserId: { userId: 'u-1' },
  getUsersByPlan: { plan: 'premium' },
  getOrderById: { orderId: 'o-1' },
  getUserOrders: { userEmail: 'ana@example.com' },
  getRecentUserOrders: { userEmail: 'ana@example.com', createdAt: '2024-01-01T00:00:00.000Z' },
  getOrdersByStatus: { status: 'paid' },
  getProductById: { productId: 'p-1' },
  getTrendingProducts: { category: 'books' },
  getProductReviews: { productId: 'p-1', createdAt: ['2024-01-01', '2024-06-30'] },
};

async function electroBench(): Promise<void> {
  console.log('\n## Request builders: generated AccessPatterns vs ElectroDB .params() (e-commerce, same patterns, one process)');
  const text = fs.readFileSync(path.join(problemsDir(), 'ecommerce.problem.json'), 'utf8');
  const model = loadProblem(text).model as Model;
  const tmp = fs.mkdtempSync(path.join(path.resolve(import.meta.dirname, '..', '..', 'node_modules'), '.tw-bench-'));
  try {
    const file = path.join(tmp, 'accessPatterns.ts');
    fs.writeFileSync(file, generateModule(deriveDesign(model)));
    const mod = (await import(pathToFileURL(file).href)) as { AccessPatterns: Record<string, (p: unknown) => unknown> };
    const table = 'ECommerce';
    const common = { service: 'shop', version: '1' };
    const user = new Entity(
      {
        model: { entity: 'user', ...common },
        attributes: {
          email: { type: 'string', required: true },
          userId: { type: 'string' },
          name: { type: 'string' },
          plan: { type: ['free', 'premium'] as const },
          createdAt: { type: 'string' },
        },
        indexes: {
          byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } },
          byUserId: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['userId'] }, sk: { field: 'gsi1sk', composite: ['email'] } },
          byPlan: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['plan'] }, sk: { field: 'gsi2sk', composite: ['createdAt', 'email'] } },
        },
      },
      { table },
    );
    const order = new Entity(
      {
        model: { entity: 'order', ...common },
        attributes: {
          orderId: { type: 'string', required: true },
          userEmail: { type: 'string', required: true },
          status: { type: ['pending', 'paid', 'shipped', 'delivered'] as const },
          createdAt: { type: 'string' },
          total: { type: 'number' },
        },
        indexes: {
          byUser: { pk: { field: 'pk', composite: ['userEmail'] }, sk: { field: 'sk', composite: ['createdAt', 'orderId'] } },
          byId: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['orderId'] }, sk: { field: 'gsi1sk', composite: [] } },
          byStatus: { index: 'gsi2', pk: { field: 'gsi2pk', composite: ['status'] }, sk: { field: 'gsi2sk', composite: ['createdAt', 'orderId'] } },
        },
      },
      { table },
    );
    const product = new Entity(
      {
        model: { entity: 'product', ...common },
        attributes: {
          productId: { type: 'string', required: true },
          name: { type: 'string' },
          category: { type: 'string' },
          price: { type: 'number' },
          views: { type: 'number' },
        },
        indexes: {
          byId: { pk: { field: 'pk', composite: ['productId'] }, sk: { field: 'sk', composite: [] } },
          byCategory: { index: 'gsi1', pk: { field: 'gsi1pk', composite: ['category'] }, sk: { field: 'gsi1sk', composite: ['views', 'productId'] } },
        },
      },
      { table },
    );
    const review = new Entity(
      {
        model: { entity: 'review', ...common },
        attributes: {
          productId: { type: 'string', required: true },
          userId: { type: 'string', required: true },
          createdAt: { type: 'string' },
          rating: { type: 'number' },
          comment: { type: 'string' },
        },
        indexes: { byProduct: { pk: { field: 'pk', composite: ['productId'] }, sk: { field: 'sk', composite: ['createdAt', 'userId'] } } },
      },
      { table },
    );
    const P = ECOMMERCE_PARAMS;
    const electro: Record<string, () => unknown> = {
      getUserByEmail: () => user.get({ email: 'ana@example.com' }).params(),
      getUserByUserId: () => user.query.byUserId({ userId: 'u-1' }).params(),
      getUsersByPlan: () => user.query.byPlan({ plan: 'premium' }).params({ order: 'desc' }),
      getOrderById: () => order.query.byId({ orderId: 'o-1' }).params(),
      getUserOrders: () => order.query.byUser({ userEmail: 'ana@example.com' }).params({ order: 'desc' }),
      getRecentUserOrders: () => order.query.byUser({ userEmail: 'ana@example.com' }).gte({ createdAt: '2024-01-01T00:00:00.000Z' }).params({ order: 'desc' }),
      getOrdersByStatus: () => order.query.byStatus({ status: 'paid' }).params({ order: 'asc' }),
      getProductById: () => product.get({ productId: 'p-1' }).params(),
      getTrendingProducts: () => product.query.byCategory({ category: 'books' }).params({ order: 'desc' }),
      getProductReviews: () => review.query.byProduct({ productId: 'p-1' }).between({ createdAt: '2024-01-01' }, { createdAt: '2024-06-30' }).params(),
    };
    const ours: Record<string, () => unknown> = Object.fromEntries(Object.keys(P).map((name) => [name, () => mod.AccessPatterns[name]?.(P[name])]));
    const opsPerSecond = (fns: Record<string, () => unknown>) => {
      const list = Object.values(fns);
      for (let i = 0; i < 2000; i++) for (const f of list) f(); // warm up
      const runs: number[] = [];
      for (let run = 0; run < 7; run++) {
        const n = 5000;
        const t0 = performance.now();
        for (let i = 0; i < n; i++) for (const f of list) f();
        runs.push((n * list.length) / ((performance.now() - t0) / 1000));
      }
      return median(runs);
    };
    const a = opsPerSecond(ours);
    const b = opsPerSecond(electro);
    printTable(
      ['builder', 'ops/s (median of 7)', 'ratio'],
      [
        ['Tablewright AccessPatterns', Math.round(a).toLocaleString('en-US'), `${(a / b).toFixed(1)}×`],
        [`ElectroDB ${electroVersion()} .params()`, Math.round(b).toLocaleString('en-US'), '1.0×'],
      ],
    );
    console.log(`(${Object.keys(P).length} patterns; getUserWithOrders, an item-collection query, is left out of both)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function electroVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'electrodb', 'package.json'), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return '';
  }
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

void os;
