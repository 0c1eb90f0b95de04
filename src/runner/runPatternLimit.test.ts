// Patterns with fixed values and limits against DynamoDB Local, in both key
// modes: a Query with Limit is one page, and what DynamoDB returns is the
// engine's in-memory answer (any of the items tied at the Limit's boundary on
// a native GSI, whose sort keys need not be unique).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDesign, generateSampleRecords, loadProblem, sampleParams, toItem, type Item, type KeysMode } from '../engine/index.ts';
import { runPattern } from './runPattern.ts';
import { loadedTable } from './testing/loadedTable.ts';

const parsed = loadProblem(readFileSync(new URL('../engine/testing/problems/fixed-limit.problem.json', import.meta.url), 'utf8'));
if (!parsed.model) throw new Error('fixed-limit does not load');
const model = parsed.model;
const records = generateSampleRecords(model, { seed: 'runner-limits' });

function loaded(keys: KeysMode) {
  const design = deriveDesign(model, { keys });
  const items: Item[] = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
  return { design, items, ...loadedTable(`limits-${keys}`, design, items) };
}

const modes: { keys: KeysMode; table: ReturnType<typeof loaded> }[] = [
  { keys: 'composite', table: loaded('composite') },
  { keys: 'native', table: loaded('native') },
];

describe.each(modes)('fixed values and limits, $keys keys', ({ table }) => {
  const { design, items, doc, tableName } = table;

  it('matches the engine for every pattern, reading one page for a limit', async () => {
    let limited = 0;
    for (const plan of design.patterns) {
      const pattern = model.patterns.find((p) => p.name === plan.pattern);
      for (const pick of [0, 3, 11]) {
        const params = sampleParams(model, records, plan.pattern, pick);
        const run = await runPattern({ client: doc, design, tableName, patternName: plan.pattern, params, sampleItems: items });
        expect(run.ok, `${plan.pattern} ${JSON.stringify(params)} ${JSON.stringify(run.requests.map((r) => r.comparison))}`).toBe(true);
        if (pattern?.limit === undefined) continue;
        for (const r of run.requests) {
          if (r.request.operation !== 'Query') continue;
          limited++;
          expect(r.request.input.Limit).toBe(pattern.limit);
          expect(r.pages, plan.pattern).toBe(1);
          expect(r.items.length).toBeLessThanOrEqual(pattern.limit);
        }
      }
    }
    expect(limited).toBeGreaterThan(10);
  });
});
