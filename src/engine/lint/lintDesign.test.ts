// The lint stage as a whole: every rule runs, findings carry their code, subject and path, a
// throwing rule is a Tablewright bug beside the others' findings, and withLint puts them after the design's own.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { LINT_LOBBY_TEXT } from '../../testing/lintModels.ts';
import { LINT_DIAGNOSTIC_CODES } from './lintDiagnostic.ts';
import { lintDesign, LINT_RULES, lintSteps, RECORDS_PER_PART, withLint } from './lintDesign.ts';

const MODEL = LINT_LOBBY_TEXT;

describe('lintDesign', () => {
  it('runs every rule on the design and its seeded samples; each finding is located and about something', () => {
    const findings = lintDesign(deriveDesign(modelFromText(MODEL)));
    expect(findings.map((d) => [d.code, d.path, d.subject?.pattern])).toEqual([
      ['lint.hotPartition', 'patterns[2].rate', 'newest'],
      ['lint.consistentGsiRead', 'patterns[1].consistent', 'byHandle'],
    ]);
    for (const d of findings) expect(LINT_DIAGNOSTIC_CODES).toContain(d.code);
  });

  it("takes the caller's samples: no items, nothing measured, no hot partition", () => {
    const design = deriveDesign(modelFromText(MODEL));
    expect(lintDesign(design, { records: new Map(), items: [] }).map((d) => d.code)).toEqual(['lint.consistentGsiRead']);
  });

  it("lintSteps is the same review a step at a time: a step per rule, the hot partition rule's one per hot key, their findings lintDesign's", () => {
    const twoHot = `${MODEL}entity Team key teamId count 50\n  teamId: string\n  createdAt: datetime\nnewestTeams: Team order by createdAt desc rate 1000 peak 4000\n`;
    for (const design of [deriveDesign(modelFromText(MODEL)), deriveDesign(modelFromText(twoHot))]) {
      const steps = lintSteps(design);
      const hotKeys = new Set(
        design.diagnostics.filter((d) => d.code === 'keys.hotPartition').map((d) => `${d.subject?.index ?? ''}/${d.subject?.entity ?? ''}`),
      );
      expect(hotKeys.size).toBeGreaterThan(0);
      // Every entity here fits in one part of the key size rule (per index) and of the item size rule.
      expect(steps).toHaveLength(LINT_RULES.length - 3 + hotKeys.size + design.indexes.length + 1);
      expect(steps.flatMap((step) => step())).toEqual(lintDesign(design));
    }
    const twoHotFindings = lintDesign(deriveDesign(modelFromText(twoHot))).filter((d) => d.code === 'lint.hotPartition');
    expect(twoHotFindings.map((d) => d.subject?.entity).sort()).toEqual(['Player', 'Team']);
    const design = deriveDesign(modelFromText(MODEL));
    expect(lintSteps({ ...design, indexes: [] })).toEqual([]);
  });

  it('hands the key and item size rules out in parts of at most RECORDS_PER_PART records, with the same findings in the same order', () => {
    // Five entities of 900 records each: parts of two, two and one entity (2,000 records at most).
    const entities = ['A', 'B', 'C', 'D', 'E'];
    const text = [
      'model "Parts"',
      ...entities.flatMap((e) => [
        `entity ${e} key id count 900${e === 'B' || e === 'D' ? ' itemBytes 380000' : ''}`,
        '  id: string',
        '  name: string',
        `get${e}: ${e} by id returns one`,
      ]),
    ].join('\n');
    const design = deriveDesign(modelFromText(text));
    // Keys over DynamoDB's 2,048 bytes in A and E; B and D declare items near the 400 KB limit.
    const long = 'x'.repeat(3000);
    const records = new Map(
      entities.map((e) => [e, Array.from({ length: 900 }, (_, i) => ({ id: i === 0 && (e === 'A' || e === 'E') ? long : `${e}-${String(i)}`, name: 'n' }))]),
    );
    const steps = lintSteps(design, { records });
    const findings = steps.flatMap((step) => step());
    expect(RECORDS_PER_PART).toBe(2000);
    expect(steps).toHaveLength(LINT_RULES.length - 3 + design.indexes.length * 3 + 3);
    // Without the caller's records, the parts go by the entities' counts: the same here.
    expect(lintSteps(design)).toHaveLength(steps.length);
    // The caller's records decide: ten records each are one part.
    const few = new Map(entities.map((e) => [e, (records.get(e) ?? []).slice(0, 10)]));
    expect(lintSteps(design, { records: few })).toHaveLength(LINT_RULES.length - 3 + design.indexes.length + 1);
    expect(findings).toEqual(lintDesign(design, { records }));
    expect(findings.filter((d) => d.code === 'lint.keySize' || d.code === 'lint.itemSize').map((d) => [d.code, d.subject?.entity])).toEqual([
      ['lint.keySize', 'A'],
      ['lint.keySize', 'E'],
      ['lint.itemSize', 'B'],
      ['lint.itemSize', 'D'],
    ]);
  });

  it("withLint appends the findings to the design's own diagnostics (keys.hotPartition first)", () => {
    const design = deriveDesign(modelFromText(MODEL));
    const linted = withLint(design);
    expect(linted.diagnostics.slice(0, design.diagnostics.length)).toEqual(design.diagnostics);
    expect(linted.diagnostics.slice(design.diagnostics.length).every((d) => d.code.startsWith('lint.'))).toBe(true);
    expect(design.diagnostics.some((d) => d.code === 'keys.hotPartition')).toBe(true);
  });

  it('reports a rule that throws as a Tablewright bug and still runs the others', () => {
    const design = deriveDesign(modelFromText(MODEL));
    const broken = {
      ...design,
      patterns: design.patterns.map((p) =>
        p.pattern === 'newest' ? { ...p, steps: [{ ...p.steps[0]!, index: 'GSI1', entities: ['Player'], key: undefined as never }] } : p,
      ),
    };
    const codes = lintDesign(broken).map((d) => d.code);
    expect(codes).toContain('lint.consistentGsiRead');
    expect(codes).toContain('engine.internal');
  });

  it('has one rule per code, each named as its code', () => {
    expect(LINT_RULES.map((r) => `lint.${r.name}`)).toEqual([...LINT_DIAGNOSTIC_CODES]);
  });
});
