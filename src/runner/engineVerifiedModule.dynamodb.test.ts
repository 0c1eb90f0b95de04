// engineVerifiedModule against DynamoDB Local: the verify step read through the engine's own
// requests (as the browser's Run panel verifies a migration) judges a table exactly as the
// generated module does. The game lobby (../shared/problems/extensions) has what a pattern's
// answer can be made of: sharded steps merged in order and cut to a limit, an include, `returns
// one`, guard items in the table. Before its migration the new patterns find nothing (both say
// which); after it, both pass with the same calls checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProblemJson, type Model } from '../engine/index.ts';
import { engineVerifiedModule } from './engineVerifiedModule.ts';
import { memoryCheckpointStore } from './migrate/checkpoint.ts';
import { runMigration } from './migrate/runMigration.ts';
import { verifyTable } from './migrate/verifyTable.ts';
import { migrationFixture } from './testing/migrationFixture.ts';
import { testTables } from './testing/testTables.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const parsed = parseProblemJson(fs.readFileSync(path.join(root, '..', 'shared', 'problems', 'extensions', 'game-lobby.problem.json'), 'utf8'));
if (!parsed.model) throw new Error('game-lobby does not parse');
const lobby: Model = parsed.model;

const tables = testTables();
const { clients } = tables;

describe('engineVerifiedModule', () => {
  it('verifies a migration as the generated module does: the same differences before it, the same calls passed after it', async () => {
    const tableName = tables.tableName('engine-verify');
    const removed = ['getOpenGames', 'getHighScores', 'getPlayerWithGames', 'getLatestHostGame'];
    const f = tables.keep(await migrationFixture({ clients, model: lobby, removed, tableName, seed: 'engine-verify' }));
    const engine = engineVerifiedModule(f.to, tableName);
    // What the answers are made of: shards with a limit, an include, returns one.
    const plans = new Map(f.to.patterns.map((p) => [p.pattern, p]));
    expect(plans.get('getOpenGames')?.steps.some((s) => s.shards !== undefined)).toBe(true);
    expect(lobby.patterns.find((p) => p.name === 'getPlayerWithGames')?.include).toEqual(['Game']);
    expect(lobby.patterns.find((p) => p.name === 'getLatestHostGame')?.returns).toBe('one');

    const judge = async (module: typeof engine) => {
      // One Scan segment: the records come in one order, so both draw the same parameter sets.
      const result = await verifyTable({ doc: clients.doc, tableName, design: f.to, module, rounds: 1, totalSegments: 1 });
      return {
        ok: result.ok,
        records: result.records,
        guards: result.guards,
        checked: result.checked,
        patterns: [...new Set(result.differences.map((d) => d.pattern))].sort(),
        undecodable: result.undecodable,
      };
    };
    const before = await judge(engine);
    expect(before.ok).toBe(false);
    expect(before).toEqual(await judge(f.toModule));
    expect(before.guards).toBeGreaterThan(0);
    expect(before.undecodable).toEqual([]);

    const result = await runMigration({
      client: clients.client,
      doc: clients.doc,
      tableName,
      from: f.from,
      to: f.to,
      plan: f.plan,
      store: memoryCheckpointStore(),
      verifyWith: engine,
      pollMs: 50,
    });
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.verify).toMatchObject({ ok: true, differences: [], undecodable: [] });
    const after = await judge(engine);
    expect(after).toMatchObject({ ok: true, patterns: [] });
    expect(after).toEqual(await judge(f.toModule));
    expect(after.checked).toBeGreaterThanOrEqual(f.to.patterns.length);
  });
});
