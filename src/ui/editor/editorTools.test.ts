import { describe, expect, it } from 'vitest';
import { deriveDesign, parseModelText, parseProblemJson, problemToJson } from '../../engine/index.ts';
import { toMarkers } from './markers.ts';
import { minimalEdit } from './minimalEdit.ts';
import { patternHover } from './patternHover.ts';

const TEXT = [
  'model "Shop"',
  '',
  'entity User key email',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'getUser: User by email returns one',
  'getByPlan: User by plan',
  '',
].join('\n');

describe('the pattern hover', () => {
  const parsed = parseModelText(TEXT);
  const design = deriveDesign(parsed.model!);

  it('names the index and key condition that serve the pattern under the cursor, and why', () => {
    const hover = patternHover({ line: 8, text: TEXT, sourceMap: parsed.sourceMap, design, stale: false });
    expect(hover?.span.line).toBe(8);
    expect(hover?.markdown).toContain('**getByPlan**');
    expect(hover?.markdown).toContain('**GSI1**');
    expect(hover?.markdown).toContain('`GSI1PK = ');
    expect(hover?.markdown).toContain(design.patterns[1]!.reason.slice(0, 10).replace(/[.()#-]/g, (c) => `\\${c}`));
  });

  it('finds the pattern in problem JSON too, and says nothing off pattern lines', () => {
    const json = problemToJson(parsed.model!);
    const fromJson = parseProblemJson(json);
    const line = json.split('\n').findIndex((l) => l.includes('"getByPlan"')) + 1;
    expect(patternHover({ line, text: json, sourceMap: fromJson.sourceMap, design, stale: true })?.markdown).toMatch(/GSI1[\s\S]*last design/);
    expect(patternHover({ line: 4, text: TEXT, sourceMap: parsed.sourceMap, design, stale: false })).toBeUndefined();
  });
});

describe('markers', () => {
  it('places a diagnostic without a span at its path, and widens an empty span', () => {
    const lines = TEXT.split('\n');
    const sourceMap = new Map([['patterns[0]', { line: 7, column: 1, endLine: 7, endColumn: 24 }]]);
    expect(lines[6]).toHaveLength(34);
    const markers = toMarkers(
      [
        { code: 'keys.hotPartition', severity: 'warning', message: 'hot', path: 'patterns[0]' },
        { code: 'model.syntax', severity: 'error', message: 'end', span: { line: 7, column: 24, endLine: 7, endColumn: 24 } },
        { code: 'model.syntax', severity: 'error', message: 'past', span: { line: 7, column: 30, endLine: 999, endColumn: 99 } },
      ],
      sourceMap,
      { count: lines.length, lengthOf: (line) => lines[line - 1]?.length ?? 0 },
    );
    expect(markers[0]).toMatchObject({ severity: 'warning', startLineNumber: 7, startColumn: 1, endColumn: 24 });
    expect(markers[1]).toMatchObject({ severity: 'error', startLineNumber: 7, startColumn: 24, endColumn: 25 });
    // Clamped to the text: its last line, and that line's end.
    expect(markers[2]).toMatchObject({ startLineNumber: 7, startColumn: 30, endLineNumber: lines.length, endColumn: (lines.at(-1)?.length ?? 0) + 1 });
  });
});

describe('minimal edits', () => {
  it('replaces only what changed', () => {
    expect(minimalEdit('getUser: User by email', 'getUser: User by plan')).toEqual({ start: 17, end: 22, text: 'plan' });
    expect(minimalEdit('abc', 'abc')).toBeUndefined();
    expect(minimalEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
  });

  it('never splits a character outside the basic plane', () => {
    const edit = minimalEdit('x😀y', 'x😃y')!;
    expect(edit.text).toBe('😃');
  });
});
