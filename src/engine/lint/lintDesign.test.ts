// The lint stage as a whole: every rule runs, findings carry their code, subject and path, a
// throwing rule is a Tablewright bug beside the others' findings, and withLint puts them after the design's own.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { LINT_LOBBY_TEXT } from '../../testing/lintModels.ts';
import { LINT_DIAGNOSTIC_CODES } from './lintDiagnostic.ts';
import { lintDesign, LINT_RULES, lintSteps, withLint } from './lintDesign.ts';

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

  it('takes the caller\'s samples: no items, nothing measured, no hot partition', () => {
    const design = deriveDesign(modelFromText(MODEL));
    expect(lintDesign(design, { records: new Map(), items: [] }).map((d) => d.code)).toEqual(['lint.consistentGsiRead']);
  });

  it('lintSteps is the same review one rule at a time: a step per rule, their findings lintDesign\'s', () => {
    const design = deriveDesign(modelFromText(MODEL));
    const steps = lintSteps(design);
    expect(steps).toHaveLength(LINT_RULES.length);
    expect(steps.flatMap((step) => step())).toEqual(lintDesign(design));
    expect(lintSteps({ ...design, indexes: [] })).toEqual([]);
  });

  it('withLint appends the findings to the design\'s own diagnostics (keys.hotPartition first)', () => {
    const design = deriveDesign(modelFromText(MODEL));
    const linted = withLint(design);
    expect(linted.diagnostics.slice(0, design.diagnostics.length)).toEqual(design.diagnostics);
    expect(linted.diagnostics.slice(design.diagnostics.length).every((d) => d.code.startsWith('lint.'))).toBe(true);
    expect(design.diagnostics.some((d) => d.code === 'keys.hotPartition')).toBe(true);
  });

  it('reports a rule that throws as a Tablewright bug and still runs the others', () => {
    const design = deriveDesign(modelFromText(MODEL));
    const broken = { ...design, patterns: design.patterns.map((p) => (p.pattern === 'newest' ? { ...p, steps: [{ ...p.steps[0]!, index: 'GSI1', entities: ['Player'], key: undefined as never }] } : p)) };
    const codes = lintDesign(broken).map((d) => d.code);
    expect(codes).toContain('lint.consistentGsiRead');
    expect(codes).toContain('engine.internal');
  });

  it('has one rule per code, each named as its code', () => {
    expect(LINT_RULES.map((r) => `lint.${r.name}`)).toEqual([...LINT_DIAGNOSTIC_CODES]);
  });
});
