import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { designLayout, loadProblem, printModelText, type Model } from '../engine/index.ts';
import { EXAMPLES, exampleText } from '../examples/examples.ts';
import {
  analyzeSource,
  createAnalysisCache,
  designPhase,
  generateCode,
  runAnalysis,
  type AnalysisCache,
  type AnalysisPhase,
  type AnalysisRequest,
} from './analyzeSource.ts';

describe('analyzeSource: design diagnostics', () => {
  it('keeps subjects, places a pattern diagnostic on its pattern and one about the whole design on the model line', () => {
    const attributes = Array.from({ length: 24 }, (_, i) => `a${i}`);
    const text =
      `model "Wide"\nentity Thing key id\n  id: string\n${attributes.map((a) => `  ${a}: string\n`).join('')}` +
      `getThing: Thing by id returns one\nfiltered: Thing by a0 where a1 >= ? order by a2\n` +
      attributes.map((a) => `by_${a}: Thing by ${a}\n`).join('');
    const { diagnostics } = analyzeSource({ text, format: 'text', scale: 1 });
    const tooMany = diagnostics.find((d) => d.code === 'keys.tooManyIndexes');
    expect(tooMany).toMatchObject({ subject: {}, span: { line: 1 } });
    const filtered = diagnostics.find((d) => d.subject?.pattern === 'filtered');
    expect(filtered).toMatchObject({ code: 'keys.filtered', subject: { pattern: 'filtered', entity: 'Thing' }, span: { line: 3 + attributes.length + 2 } });
  });
});

describe('analyzeSource: the key mode', () => {
  const text =
    'model "Shop"\n\nentity User key email count 5\n  email: string\n  plan: "free" | "premium"\n\ngetUser: User by email returns one\ngetByPlan: User by plan\n';

  it('derives composite GSI keys by default, and native ones when asked', () => {
    const composite = analyzeSource({ text, format: 'text', scale: 1 }).derived;
    expect(composite?.design.indexes[1]).toMatchObject({ name: 'GSI1', pkAttribute: 'GSI1PK' });
    expect(composite?.items.every((item) => String(item['GSI1PK']).startsWith('USER#'))).toBe(true);
    const native = analyzeSource({ text, format: 'text', scale: 1, keys: 'native' }).derived;
    expect(native?.design.indexes[1]).toMatchObject({
      name: 'GSI1',
      keys: 'native',
      pk: [
        { name: '_type', type: 'S' },
        { name: 'plan', type: 'S' },
      ],
    });
    expect(native?.items.some((item) => 'GSI1PK' in item)).toBe(false);
    expect(native?.code).toContain('getByPlan');
  });
});

describe('analyzeSource: the table name', () => {
  const text = (table: string) => `model "Shop"\n${table}\nentity User key email\n  email: string\ngetUser: User by email returns one\n`;

  it("is the model's table name, also when a previous layout is kept, else named after the model", () => {
    const first = analyzeSource({ text: text('table ShopTable'), format: 'text', scale: 1 }).derived?.design;
    expect(first?.tableName).toBe('ShopTable');
    const previous = first && designLayout(first);
    expect(analyzeSource({ text: text('table Renamed'), format: 'text', scale: 1, ...(previous ? { previous } : {}) }).derived?.design.tableName).toBe(
      'Renamed',
    );
    expect(analyzeSource({ text: text(''), format: 'text', scale: 1, ...(previous ? { previous } : {}) }).derived?.design.tableName).toBe('Shop');
  });
});

describe('analyzeSource: the design review (lint)', () => {
  const text =
    'model "Users"\nentity User key userId count 20\n  userId: string\n  email: string\ngetUser: User by userId returns one\nbyEmail: User by email returns one consistent\n';

  it("puts the lint's findings in the design's diagnostics (the Design panel) and, placed on their path, in the editor's", () => {
    const result = analyzeSource({ text, format: 'text', scale: 1 });
    const inDesign = result.derived?.design.diagnostics.find((d) => d.code === 'lint.consistentGsiRead');
    expect(inDesign).toMatchObject({ path: 'patterns[1].consistent', subject: { pattern: 'byEmail', entity: 'User', index: 'GSI1' } });
    // `consistent` on line 6, after "byEmail: User by email returns one ".
    const located = result.diagnostics.find((d) => d.code === 'lint.consistentGsiRead');
    expect(located?.span).toMatchObject({ line: 6, column: 36 });
  });
});

describe('designPhase with the analysis cache', () => {
  it("takes the last run's plan again for every pattern an edit left alone (the design is the same as without the cache)", () => {
    const text = (count: number) =>
      `model "Shop"\nentity User key email count 5\n  email: string\n  plan: "free" | "premium"\nentity Order key orderId count ${String(count)}\n  orderId: string\n  status: string\n\n` +
      'getUser: User by email returns one\nbyPlan: User by plan\nbyStatus: Order by status\n';
    const cache = createAnalysisCache();
    const first = designPhase({ text: text(10), format: 'text', scale: 1 }, cache).derived?.design;
    if (first === undefined) throw new Error('no design');
    const request = { text: text(11), format: 'text' as const, scale: 1, previous: designLayout(first) };
    const second = designPhase(request, cache).derived?.design;
    expect(second).toEqual(designPhase(request).derived?.design);
    const same = (name: string) => second?.patterns.find((p) => p.pattern === name) === first.patterns.find((p) => p.pattern === name);
    expect([same('getUser'), same('byPlan'), same('byStatus')]).toEqual([true, true, false]);
  });
});

describe('the analysis with the parse cache', () => {
  /** Freezes `value` and everything it holds: a write to any of it then throws (these modules are strict). */
  function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const inner of value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value)) deepFreeze(inner, seen);
    Object.freeze(value);
  }

  const testing = fileURLToPath(new URL('../engine/testing/problems/', import.meta.url));
  const texts = [
    ...EXAMPLES.map((example) => [example.id, exampleText(example)] as const),
    ...readdirSync(testing)
      .filter((file) => file.endsWith('.problem.json'))
      .map((file) => [file, printModelText(loadProblem(readFileSync(testing + file, 'utf8')).model as Model)] as const),
  ];

  it.each(texts)('changes nothing it read from the text, whose entities and patterns the next parse takes again: %s', async (_, text) => {
    const run = async (request: AnalysisRequest, cache: AnalysisCache) => {
      const phases: AnalysisPhase[] = [];
      await runAnalysis(request, cache, { pause: async () => {}, superseded: () => false, emit: (phase) => phases.push(phase) });
      return phases;
    };
    for (const keys of ['composite', 'native'] as const) {
      const cache = createAnalysisCache();
      const request = { text, format: 'text' as const, scale: 1, keys };
      designPhase(request, cache);
      // The next run reads the same text: every entity and pattern is the one the cache holds, frozen.
      for (const chunk of cache.parse.last.values()) deepFreeze(chunk);
      const phases = await run(request, cache);
      expect(phases.map((p) => p.phase)).toEqual(['design', 'samples', 'lint']);
      expect(phases).toEqual(await run(request, createAnalysisCache()));
      const design = phases[0]?.phase === 'design' ? phases[0].derived?.design : undefined;
      if (design === undefined) throw new Error('no design');
      expect(generateCode(design).ok).toBe(true);
    }
  });
});
