// The generated module's paged execute, run against the DynamoDB Local the test
// set-up starts, for every pattern of the e-commerce example and of the game
// lobby (sharded, limited and include patterns), and of two engine test models
// (patterns read in two steps; filters): pages of 1, 2 and 7 records,
// each cursor passed back, give exactly executeAll's answer (the same records in
// the same order, ties on the order attribute included: every third record has a
// twin that differs only in its key); only the last page lacks a cursor; a
// damaged cursor, another pattern's and one for other parameters are refused
// before anything is sent; each page sends the fewest requests.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deriveDesign, generateModule, generateSampleRecords, sampleParams, type Model, type RecordValue } from '../engine/index.ts';
import { loadModel, EXAMPLES_DIR, TEST_PROBLEMS_DIR } from '../testing/exampleModels.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../testing/typeCheckModules.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { answerList, everyPage, pagedList, type PagedExecute } from './testing/pagedAnswers.ts';
import { testClients } from './testing/testClients.ts';
import { waitForTableActive } from './waitForTable.ts';

interface PagedModule {
  tableDefinition: CreateTableCommandInput;
  toItem: (entity: string, record: RecordValue) => Record<string, unknown>;
  execute: Record<string, PagedExecute<DynamoDBDocumentClient>>;
  executeAll: Record<string, (client: DynamoDBDocumentClient, params: unknown) => Promise<unknown>>;
  createMany: Record<string, (client: DynamoDBDocumentClient, records: RecordValue[]) => Promise<{ written: number; failed: unknown[] }>>;
  CursorError: new (message: string) => Error;
  DEFAULT_PAGE_SIZE: number;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const PROBLEMS = [
  { slug: 'ecommerce', file: path.join(EXAMPLES_DIR, 'ecommerce.problem.json') },
  { slug: 'game-lobby', file: path.join(root, '..', 'shared', 'problems', 'extensions', 'game-lobby.problem.json') },
  // Two steps (a GetItem or a Query, then a Query on a GSI) and filters (Limit counts items before the filter).
  { slug: 'self-include-mixed', file: path.join(TEST_PROBLEMS_DIR, 'self-include-mixed.problem.json') },
  { slug: 'boolean-ranges', file: path.join(TEST_PROBLEMS_DIR, 'boolean-ranges.problem.json') },
];
const PAGE_SIZES = [1, 2, 7];
const PICKS = 4;
const { client, doc, destroy } = testClients();
const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-paging-'));
afterAll(() => {
  destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every third record again, its last key attribute changed: a twin equal on every other attribute, so every order has ties. */
function twinsOf(model: Model, records: ReadonlyMap<string, readonly RecordValue[]>): [string, RecordValue][] {
  return model.entities.flatMap((e) => {
    const last = e.key[e.key.length - 1];
    if (last === undefined || e.attributes.find((a) => a.name === last)?.type !== 'string') return [];
    return (records.get(e.name) ?? []).filter((_, i) => i % 3 === 0).map((r): [string, RecordValue] => [e.name, { ...r, [last]: `${String(r[last])}~twin` }]);
  });
}

/** A document client that counts the commands sent through it. */
function countingClient(): { client: DynamoDBDocumentClient; sent: () => number; reset: () => void } {
  let n = 0;
  const counting = { send: (command: never) => (n++, doc.send(command)) } as unknown as DynamoDBDocumentClient;
  return { client: counting, sent: () => n, reset: () => (n = 0) };
}

const refusing = { send: () => Promise.reject(new Error('a refused cursor sent a request')) } as unknown as DynamoDBDocumentClient;

describe.each(PROBLEMS)('the paged execute of $slug', ({ slug, file }) => {
  const base = loadModel(file);
  const table = uniqueTableName(`paging-${slug}`);
  const model: Model = { ...base, table: { ...base.table, name: table } };
  const design = deriveDesign(model);
  const records = generateSampleRecords(model, { seed: `paging-${slug}` });
  const moduleFile = path.join(dir, `${slug}.ts`);
  let mod: PagedModule;

  beforeAll(async () => {
    fs.writeFileSync(moduleFile, generateModule(design));
    mod = (await import(pathToFileURL(moduleFile).href)) as PagedModule;
    await client.send(new CreateTableCommand(mod.tableDefinition));
    await waitForTableActive({ client, tableName: table, pollMs: 50 });
    for (const [entity, list] of records) {
      const result = await mod.createMany[entity]?.(doc, [...list]);
      expect(result?.failed, entity).toEqual([]);
    }
    // Twins straight as items: a unique attribute (a player's handle) is shared with the original on purpose.
    for (const [entity, record] of twinsOf(model, records)) await doc.send(new PutCommand({ TableName: table, Item: mod.toItem(entity, record) }));
  }, 120_000);
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  });

  const pagesOf = (name: string, params: unknown, limit: number, via: DynamoDBDocumentClient = doc) => everyPage(mod.execute[name]!, via, params, limit);

  it('gives, page by page at 1, 2 and 7 records, exactly what executeAll gives, ties included; only the last page has no cursor', async () => {
    let longest = 0;
    let ties = 0;
    for (const p of model.patterns) {
      const entities = p.include?.length ? [p.entity, ...p.include] : undefined;
      for (let pick = 0; pick < PICKS; pick++) {
        const params = sampleParams(model, records, p.name, pick);
        const label = `${p.name} ${JSON.stringify(params)}`;
        const all = answerList(await mod.executeAll[p.name]!(doc, structuredClone(params)), entities);
        longest = Math.max(longest, all.length);
        if (p.order) {
          const values = all.map((r) => (r as RecordValue)[p.order?.attribute ?? '']);
          ties += values.filter((v, i) => i > 0 && v === values[i - 1]).length;
        }
        for (const size of PAGE_SIZES) {
          const pages = await pagesOf(p.name, params, size);
          expect(pagedList(pages, entities), `${label} at ${String(size)}`).toEqual(all);
          // Every page but the last is full and has a cursor; the last has none (an empty answer is one empty page).
          expect(
            pages.slice(0, -1).map((page) => page.items.length),
            `${label} at ${String(size)}`,
          ).toEqual(pages.slice(0, -1).map(() => size));
          expect(
            pages.slice(0, -1).every((page) => typeof page.cursor === 'string' && /^[A-Za-z0-9_-]+$/.test(page.cursor)),
            label,
          ).toBe(true);
          expect(pages.at(-1)?.cursor, label).toBeUndefined();
          expect(pages.at(-1)?.items.length, label).toBeLessThanOrEqual(size);
          expect(pages.length, label).toBe(Math.max(1, Math.ceil(all.length / size)));
        }
      }
    }
    // Not vacuous: answers that span many pages of 7, and records tied on the order attribute.
    expect(longest).toBeGreaterThan(7);
    expect(ties).toBeGreaterThan(5);
  }, 300_000);

  it('reads a page of the default size when none is asked, and refuses a size that is not a positive integer', async () => {
    expect(mod.DEFAULT_PAGE_SIZE).toBe(100);
    const p = model.patterns.find((x) => x.order && !x.include && x.returns === 'many' && !x.limit);
    if (!p) throw new Error('no ordered pattern');
    const params = sampleParams(model, records, p.name, 0);
    const page = await mod.execute[p.name]!(doc, params);
    expect(page.items).toEqual(answerList(await mod.executeAll[p.name]!(doc, params), undefined).slice(0, 100));
    for (const limit of [0, -1, 1.5, Number.NaN]) await expect(mod.execute[p.name]!(refusing, params, { limit })).rejects.toThrow(RangeError);
  });

  it('refuses a damaged cursor, another pattern’s cursor and one made for other parameters, sending nothing', async () => {
    const ordered = model.patterns.filter((x) => x.order && !x.include && x.returns === 'many');
    const [a, b] = ordered;
    if (!a || !b) throw new Error('two ordered patterns needed');
    const params = sampleParams(model, records, a.name, 0);
    const first = await mod.execute[a.name]!(doc, params, { limit: 1 });
    const cursor = first.cursor;
    if (cursor === undefined) throw new Error(`${a.name}: one page only`);
    const middle = Math.floor(cursor.length / 2);
    const flipped = `${cursor.slice(0, middle)}${cursor[middle] === 'A' ? 'B' : 'A'}${cursor.slice(middle + 1)}`;
    for (const damaged of [flipped, cursor.slice(0, -3), `${cursor}x`, 'not a cursor!', '', 'eyJoZWxsbyI6MX0', 'A'.repeat(70_000)]) {
      const refused = mod.execute[a.name]!(refusing, params, { limit: 1, cursor: damaged });
      await expect(refused, damaged.slice(0, 40)).rejects.toBeInstanceOf(mod.CursorError);
      await expect(mod.execute[a.name]!(refusing, params, { limit: 1, cursor: damaged })).rejects.toThrow(/damaged/);
    }
    const other = mod.execute[b.name]!(refusing, sampleParams(model, records, b.name, 0), { cursor });
    await expect(other).rejects.toBeInstanceOf(mod.CursorError);
    await expect(mod.execute[b.name]!(refusing, sampleParams(model, records, b.name, 0), { cursor })).rejects.toThrow(
      `the cursor is for pattern "${a.name}", not "${b.name}"`,
    );
    // The same pattern, other parameters (another partition): refused too.
    const otherParams = [1, 2, 3, 4, 5].map((pick) => sampleParams(model, records, a.name, pick)).find((x) => JSON.stringify(x) !== JSON.stringify(params));
    if (otherParams) await expect(mod.execute[a.name]!(refusing, otherParams, { cursor })).rejects.toThrow(/other parameters/);
    // The cursor as it came still works.
    const second = await mod.execute[a.name]!(doc, params, { limit: 1, cursor });
    expect(second.items).toEqual(answerList(await mod.executeAll[a.name]!(doc, params), undefined).slice(1, 2));
  });

  it('reads each page with the fewest requests: one Query for one request, at most one per shard for a sharded pattern, one GetItem and no cursor for a key lookup', async () => {
    const counting = countingClient();
    for (const p of model.patterns) {
      const plan = design.patterns.find((x) => x.pattern === p.name);
      if (!plan) continue;
      const params = sampleParams(model, records, p.name, 0);
      const requests = plan.steps.reduce((n, s) => n + (s.shards ?? 1), 0);
      counting.reset();
      const pages = await pagesOf(p.name, params, 2, counting.client);
      // A shard read to its end is not read again: at most one request per shard and page. Limit counts the
      // items read before a filter, so a filtered page reads on until it holds its records: at most twice here.
      const filtered = plan.steps.some((s) => s.filter !== undefined);
      expect(counting.sent(), p.name).toBeLessThanOrEqual(pages.length * requests * (filtered ? 2 : 1));
      if (plan.steps.length === 1 && plan.steps[0]?.shards === undefined && !plan.steps[0]?.filter) expect(counting.sent(), p.name).toBe(pages.length);
      if (plan.steps.length === 1 && plan.steps[0]?.operation === 'GetItem') {
        expect(pages.length, p.name).toBe(1);
        expect(pages[0]?.items.length, p.name).toBe(1);
      }
    }
  });
});

describe('the paged execute, typed', () => {
  it('type-checks a caller under tsc --strict: items are the pattern’s records, an include’s tagged by entity', () => {
    const file = path.join(dir, 'typedLobby.ts');
    const base = loadModel(PROBLEMS[1]?.file ?? '');
    fs.writeFileSync(file, generateModule(deriveDesign(base)));
    const caller = path.join(dir, 'typedCaller.ts');
    fs.writeFileSync(
      caller,
      [
        "import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
        "import { CursorError, execute, executeAll, type Game, type Page } from './typedLobby';",
        'export async function run(client: DynamoDBDocumentClient): Promise<number> {',
        "  const first: Page<Game> = await execute.getHostGames(client, { hostId: 'p1' }, { limit: 20 });",
        "  const next = first.cursor === undefined ? undefined : await execute.getHostGames(client, { hostId: 'p1' }, { cursor: first.cursor });",
        "  const withGames = await execute.getPlayerWithGames(client, { playerId: 'p1' });",
        "  const handles = withGames.items.map((x) => (x.entity === 'Player' ? x.record.handle : x.record.gameId));",
        "  const all: Game[] = await executeAll.getHostGames(client, { hostId: 'p1' });",
        "  const one = await execute.getPlayer(client, { playerId: 'p1' });",
        '  const rating: number | undefined = one.items[0]?.rating;',
        "  try { await execute.getOpenGames(client, {}, { cursor: 'x' }); } catch (e) { if (!(e instanceof CursorError)) throw e; }",
        '  return first.items.length + (next?.items.length ?? 0) + handles.length + all.length + (rating ?? 0);',
        '}',
        '',
      ].join('\n'),
    );
    expect(typeCheckModules([file, caller])).toEqual([]);
  }, 120_000);
});
