// Write sharding end to end in the engine: the hash, the layout (own templates,
// never the table, warnings), items in their shards, plans, one request per
// shard, answers equal to brute force, writes that keep every item in its shard,
// and the design file.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designJson } from '../design/designJson.ts';
import { fromItem, toItem } from '../design/items.ts';
import { parseDesignJson } from '../design/parseDesignJson.ts';
import { planDesign } from '../design/planDesign.ts';
import type { Design, Item } from '../design/types.ts';
import { parseProblemJson } from '../model/parseProblemJson.ts';
import type { Model, PatternParams } from '../model/types.ts';
import { answerPattern } from '../queries/answerPattern.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { runRequests } from '../queries/runRequests.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { applyWrite } from '../writes/applyWrite.ts';
import { designTable, withGuardItems } from '../writes/guardItems.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { limitedAnswerProblem } from '../../testing/limitedAnswer.ts';
import { encodeKeyValue } from './encodeKeyValue.ts';
import { shardOf, shardSegmentOf, templateShards } from './shards.ts';

function gameLobby(): Model {
  const parsed = parseProblemJson(fs.readFileSync(new URL('../../../../shared/problems/extensions/game-lobby.problem.json', import.meta.url), 'utf8'));
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
}

const model = gameLobby();
const design = deriveDesign(model);
const native = deriveDesign(model, { keys: 'native' });
const plan = (d: Design, name: string) => d.patterns.find((p) => p.pattern === name);

describe('shardOf', () => {
  it('is FNV-1a over the key text, modulo the count: fixed values, and every shard used about as often', () => {
    expect(shardOf('', 4)).toBe(0x811c9dc5 % 4);
    expect(shardOf('a', 1000)).toBe(0xe40c292c % 1000);
    expect([shardOf('g-1', 4), shardOf('g-2', 4), shardOf('g-3', 4)]).toEqual([shardOf('g-1', 4), shardOf('g-2', 4), shardOf('g-3', 4)]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const s = shardOf(`game-${String(i)}`, 4);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe('the layout', () => {
  it('gives each sharded need a GSI template of its own, ending with the shard segment; the table and unsharded patterns keep theirs', () => {
    const game = design.entities.find((e) => e.entity === 'Game');
    expect(templateShards(game?.keys.table ?? { pk: [] })).toBe(1);
    const sharded = Object.entries(game?.keys ?? {}).flatMap(([index, t]) => (shardSegmentOf(t) ? [[index, shardSegmentOf(t)]] : []));
    expect(sharded).toEqual([
      ['GSI1', { kind: 'shard', count: 4, of: ['gameId'] }],
      ['GSI2', { kind: 'shard', count: 2, of: ['gameId'] }],
    ]);
    expect(plan(design, 'getOpenGamesByMode')?.steps[0]?.shards).toBeUndefined();
    expect(plan(design, 'getHostGames')?.steps[0]?.shards).toBeUndefined();
  });

  it('puts needs with different shard counts, or sharded and not, on different templates', () => {
    const m = modelFromText(`model "Two counts"
entity Event key id
  id: string
  kind: string
  at: datetime
a: Event by kind order by at desc shards 4
b: Event by kind order by at desc shards 8
c: Event by kind order by at desc
`);
    const d = deriveDesign(m);
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(['a', 'b', 'c'].map((n) => plan(d, n)?.steps[0]?.shards)).toEqual([4, 8, undefined]);
    expect(new Set(['a', 'b', 'c'].map((n) => plan(d, n)?.steps[0]?.index)).size).toBe(3);
  });

  it('ignores shards on a read of one record by its key and on an include, with a warning at the pattern’s shards', () => {
    const m = modelFromText(`model "Ignored"
entity User key id
  id: string
entity Post key postId belongsTo User via author
  postId: string
  author: string
getUser: User by id shards 4
withPosts: User by id with Post shards 2
`);
    const d = deriveDesign(m);
    const warnings = d.diagnostics.filter((x) => x.code === 'keys.shardsIgnored');
    expect(warnings.map((w) => [w.path, w.subject?.pattern, w.severity])).toEqual([
      ['patterns[0].shards', 'getUser', 'warning'],
      ['patterns[1].shards', 'withPosts', 'warning'],
    ]);
    expect(plan(d, 'getUser')?.steps[0]?.operation).toBe('GetItem');
    expect(plan(d, 'withPosts')?.steps.every((s) => s.shards === undefined)).toBe(true);
  });

  it('keeps a sharded template composite in native mode, saying why', () => {
    const why = native.diagnostics.filter((x) => x.code === 'keys.compositeKey').map((x) => x.subject?.pattern);
    expect(why).toEqual(expect.arrayContaining(['getOpenGames', 'getHighScores']));
    for (const name of ['getOpenGames', 'getHighScores']) {
      const step = plan(native, name)?.steps[0];
      const index = native.indexes.find((i) => i.name === step?.index);
      expect(index?.keys).not.toBe('native');
      expect(step?.shards).toBeGreaterThan(1);
    }
  });
});

describe('items, plans and requests', () => {
  const game = { gameId: 'g#1 é', hostId: 'p1', status: 'open', mode: 'duel', score: 10, createdAt: '2025-01-02T03:04:05Z' };

  it('puts a record’s item in the shard of its key', () => {
    const item = toItem(design, 'Game', game);
    const shard = shardOf(encodeKeyValue('string', game.gameId, 'gameId'), 4);
    expect(item.GSI1PK).toBe(`GAME#open#${String(shard)}`);
    expect(item.GSI2PK).toBe(`GAME#duel#${String(shardOf(encodeKeyValue('string', game.gameId, 'gameId'), 2))}`);
    expect(fromItem(design, item).record).toEqual(game);
  });

  it('says so in the plan: shards, the key condition, the reason', () => {
    const step = plan(design, 'getOpenGames')?.steps[0];
    expect(step?.shards).toBe(4);
    expect(step?.keyConditionText).toBe('GSI1PK = GAME#{status="open"}#{shard 0..3} AND begins_with(GSI1SK, GAME#) LIMIT 10');
    expect(plan(design, 'getOpenGames')?.reason).toContain(
      'one Query per shard, sent in parallel, their items merged by "createdAt" descending, and the first 10 kept',
    );
  });

  it('builds one request per shard, each with the Limit, its own partition', () => {
    const requests = buildRequest(design, 'getHighScores', { mode: 'duel' });
    expect(requests.map((r) => (r.operation === 'Query' ? [r.input.ExpressionAttributeValues[':pk'], r.input.Limit, r.shard] : undefined))).toEqual([
      ['GAME#duel#0', 3, { shard: 0, count: 2 }],
      ['GAME#duel#1', 3, { shard: 1, count: 2 }],
    ]);
  });
});

describe('answers', () => {
  it.each([
    ['composite', design],
    ['native', native],
  ] as const)('%s keys: every pattern’s merged requests give the brute-force answer, over many parameters', (_mode, d) => {
    const records = generateSampleRecords(model, { seed: 'shards' });
    const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(d, entity, r)));
    let checked = 0;
    for (const name of ['getOpenGames', 'getHighScores']) {
      for (let pick = 0; pick < 30; pick++) {
        const params: PatternParams = sampleParams(model, records, name, pick);
        const got = runRequests({ design: d, items, requests: buildRequest(d, name, params) }).map((i) => fromItem(d, i));
        expect(limitedAnswerProblem(model, records, name, params, got), `${name} ${JSON.stringify(params)}`).toBeUndefined();
        // The merge is the order one partition would give: the brute force's order values, in order.
        const order = model.patterns.find((p) => p.name === name)?.order?.attribute ?? '';
        expect(got.map((x) => x.record[order])).toEqual(answerPattern(model, records, name, params).map((x) => x.record[order]));
        checked++;
      }
    }
    expect(checked).toBe(60);
  });

  it("answers one shard's request run alone with that shard's own page (what the runner compares each request with)", () => {
    const records = generateSampleRecords(model, { seed: 'shards' });
    const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
    const requests = buildRequest(design, 'getOpenGames', {});
    const alone = requests.map((request) => runRequests({ design, items, requests: [request] }));
    expect(alone.every((answer) => answer.length > 0)).toBe(true);
    alone.forEach((answer, shard) => {
      expect(answer.length).toBeLessThanOrEqual(10);
      for (const item of answer) expect(String(item.GSI1PK)).toBe(`GAME#open#${String(shard)}`);
    });
    // Together, merged: the first 10 of all the shards' pages.
    expect(runRequests({ design, items, requests })).toHaveLength(Math.min(10, alone.flat().length));
  });
});

describe('writes', () => {
  it('create, update and remove keep the item in the shard of its key', async () => {
    const items: Item[] = [];
    for (const [entity, records] of generateSampleRecords(model, { seed: 'shard-writes' })) for (const r of records) items.push(toItem(design, entity, r));
    const table = designTable(design, withGuardItems(design, items).items);
    const record = { gameId: 'g-new', hostId: 'p1', status: 'open', mode: 'duel', score: 20, createdAt: '2025-03-01T00:00:00Z' };
    const shard4 = String(shardOf('g-new', 4));
    const shard2 = String(shardOf('g-new', 2));
    const stored = () => table.items().find((i) => i._type === 'Game' && i.gameId === 'g-new');
    expect((await applyWrite({ design, table, write: { operation: 'create', entity: 'Game', record } })).outcome.ok).toBe(true);
    expect([stored()?.GSI1PK, stored()?.GSI2PK]).toEqual([`GAME#open#${shard4}`, `GAME#duel#${shard2}`]);
    expect(
      (
        await applyWrite({
          design,
          table,
          write: { operation: 'update', entity: 'Game', key: { gameId: 'g-new' }, changes: { status: 'playing', mode: 'team' } },
        })
      ).outcome.ok,
    ).toBe(true);
    expect([stored()?.GSI1PK, stored()?.GSI2PK]).toEqual([`GAME#playing#${shard4}`, `GAME#team#${shard2}`]);
    expect(
      (await applyWrite({ design, table, write: { operation: 'update', entity: 'Game', key: { gameId: 'g-new' }, changes: { mode: null } } })).outcome.ok,
    ).toBe(true);
    expect([stored()?.GSI1PK, stored()?.GSI2PK]).toEqual([`GAME#playing#${shard4}`, undefined]);
    expect((await applyWrite({ design, table, write: { operation: 'remove', entity: 'Game', key: { gameId: 'g-new' } } })).outcome.ok).toBe(true);
    expect(stored()).toBeUndefined();
  });
});

describe('design.json', () => {
  it('carries the shard segment, and the layout read back plans the same', () => {
    const parsed = parseDesignJson(designJson(design));
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!parsed.design) throw new Error('no design');
    expect(parsed.design.entities.find((e) => e.entity === 'Game')?.keys.GSI1?.pk.at(-1)).toEqual({ kind: 'shard', count: 4, of: ['gameId'] });
    expect(planDesign(model, parsed.design).patterns).toEqual(design.patterns);
  });

  it('refuses a shard segment anywhere but at the end of a partition key', () => {
    const doc = JSON.parse(designJson(design)) as { entities: { entity: string; keys: Record<string, { pk: unknown[]; sk: unknown[] }> }[] };
    const game = doc.entities.find((e) => e.entity === 'Game');
    const gsi1 = game?.keys.GSI1;
    if (!gsi1) throw new Error('no GSI1');
    gsi1.sk.push(gsi1.pk.pop());
    const parsed = parseDesignJson(JSON.stringify(doc));
    expect(parsed.diagnostics.map((d) => d.code)).toContain('design.shardSegment');
  });
});
