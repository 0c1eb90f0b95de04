// The checkpoint: read back field by field, matched to its plan and table, and kept
// in a file that is replaced in one step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationPlan } from '../../engine/index.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { designPair } from '../testing/migrationFixture.ts';
import { checkpointMismatch, newCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { fileCheckpointStore } from './checkpointFile.ts';

const { from, to } = designPair(exampleModel('ecommerce'), ['getUserWithOrders', 'getUserByUserId'], 'Shop');
const plan = migrationPlan(from, to);
const table = { name: 'Shop', createdAt: '2026-11-30T10:00:00.000Z' };

describe('migration checkpoints', () => {
  it('a new checkpoint has every step of the plan pending and belongs to its plan and table only', () => {
    const c = newCheckpoint(plan, table);
    expect(c.steps.map((s) => s.state)).toEqual(plan.steps.map(() => 'pending'));
    expect(c.steps.map((s) => s.kind)).toEqual(plan.steps.map((s) => s.kind));
    expect(checkpointMismatch(c, plan, table)).toBeUndefined();
    expect(checkpointMismatch(c, plan, { ...table, name: 'Other' })).toMatch(/for table Shop, not Other/);
    expect(checkpointMismatch(c, plan, { ...table, createdAt: '2026-11-30T11:00:00.000Z' })).toMatch(/another table of the same name/);
    expect(checkpointMismatch(c, { ...plan, to: 'ffffffffffffffff' }, table)).toMatch(/migrates design/);
    expect(checkpointMismatch(c, { ...plan, steps: plan.steps.slice(1) }, table)).toMatch(/its steps are/);
  });

  it('reads back what it wrote, and says what is wrong with anything else', () => {
    const c = { ...newCheckpoint(plan, table), segments: [{ done: false, scanned: 100, updated: 40, lastKey: { PK: 'USER#a', SK: 'USER' } }] };
    expect(parseCheckpoint(JSON.stringify(c))).toEqual(c);
    expect(() => parseCheckpoint('{')).toThrow(/not JSON/);
    expect(() => parseCheckpoint('{"format":"x"}')).toThrow(/format is "x"/);
    expect(() => parseCheckpoint(JSON.stringify({ ...c, steps: [{ kind: 'explode', state: 'done' }] }))).toThrow(/a step is/);
    expect(() => parseCheckpoint(JSON.stringify({ ...c, segments: [{ done: 'no' }] }))).toThrow(/a segment is/);
    expect(() => parseCheckpoint(JSON.stringify({ ...c, segments: [{ done: false, scanned: 1, updated: 0, lastKey: { PK: { nested: 1 } } }] }))).toThrow(
      /a segment is/,
    );
    expect(() => parseCheckpoint(JSON.stringify({ ...c, tagged: 'yes' }))).toThrow(/tagged/);
  });

  it('a file store saves by replacing the file whole and leaves no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-checkpoint-'));
    try {
      const file = path.join(dir, 'migration.json');
      const store = fileCheckpointStore(file);
      expect(await store.load()).toBeUndefined();
      const c = newCheckpoint(plan, table);
      await store.save(c);
      c.steps[0] = { ...(c.steps[0] as (typeof c.steps)[number]), state: 'done' };
      await store.save(c);
      expect(await store.load()).toEqual(c);
      expect(fs.readdirSync(dir)).toEqual(['migration.json']);
      fs.writeFileSync(file, '{"format":"tablewright-migration/1"');
      await expect(store.load()).rejects.toThrow(/migration\.json: not JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
