// Predicted capacity proved against DynamoDB Local for every problem: the shared
// problems (../shared/problems, ../shared/problems/extensions) and the engine's own
// (src/engine/testing/problems/**). Each goes through `cli run` in this process,
// against the DynamoDB Local of the test run: every pattern's read units and every
// write operation's units (engine/cost) beside Local's ConsumedCapacity, compared by
// runner/capacityComparison.ts with Local's named deviations (engine/cost/localDynamoDB.ts).
// A problem fails on any capacity row that differs, or if its capacity table is missing.
// (Whether the answers match is asserted by the conformance harness and cli run's own
// tests; here it is the capacity.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { readProblem, type CliIo } from './runCli.ts';
import { runCommand } from './runCommand.ts';

const endpoint = inject('dynamodbEndpoint');
const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = path.resolve(root, '../shared/problems');

/** Every *.problem.json directly in `dir` (recursively when asked), sorted. */
function problemsIn(dir: string, recursive = false): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive, withFileTypes: false, encoding: 'utf8' })
    .filter((f) => f.endsWith('.problem.json'))
    .map((f) => path.join(dir, f))
    .sort();
}

/**
 * Records per entity: the problem's counts, but at most this many (`--records`), so that each problem
 * loads in a few seconds (the Starbucks problem declares 25,599 stores). The rules compared do not
 * change with the count; 1 MB Query pages are proved by readUnits' tests.
 */
const MAX_RECORDS = 1000;

const problems = [...problemsIn(shared), ...problemsIn(path.join(shared, 'extensions')), ...problemsIn(path.join(root, 'src/engine/testing/problems'), true)];

describe('capacity: predicted = DynamoDB Local’s ConsumedCapacity, every problem', () => {
  it('finds the problems (none is left out silently)', () => {
    expect(fs.existsSync(shared), `${shared} holds the shared problems`).toBe(true);
    expect(problems.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of problems) {
    it(path.relative(path.resolve(root, '..'), file), async () => {
      let out = '';
      let err = '';
      const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t) };
      const read = readProblem(file, io);
      expect(read, `${file} does not load: ${err}`).toBeDefined();
      if (!read) return;
      const largest = Math.max(0, ...read.design.model.entities.map((e) => e.count ?? 0));
      const options = new Map<string, string | true>([['--endpoint', endpoint]]);
      if (largest > MAX_RECORDS) options.set('--records', String(MAX_RECORDS));
      const code = await runCommand({ design: read.design, options, io });
      expect(code, `cli run could not run: ${err}`).not.toBe(2);
      // Every answer DynamoDB gave is the engine's (a sharded step's shards compared one by one).
      expect(
        out.split('\n').filter((l) => /\sMISMATCH$/.test(l)),
        out,
      ).toEqual([]);
      const table = out.slice(out.indexOf('  capacity '));
      expect(out).toContain('  capacity ');
      const rows = table.split('\n').filter((l) => /\s(RCU|WCU\+RCU)\s/.test(l));
      expect(rows.length, 'capacity rows').toBeGreaterThan(0);
      const differing = rows.filter((l) => !/\sok$/.test(l));
      // The table's notes name each request that differs.
      expect(differing, table).toEqual([]);
      expect(out).not.toMatch(/consumed other capacity than expected/);
    });
  }
});
