import { describe, expect, it } from 'vitest';
import { loadProblem } from './loadProblem.ts';

const json = '{"format": "ddb-design-problem/1", "name": "m", "entities": [], "patterns": []}';

describe('loadProblem', () => {
  it('reads JSON when the first non-space character is {', () => {
    const result = loadProblem(`\n  ${json}`);
    expect(result.form).toBe('json');
    expect(result.model).toEqual({ name: 'm', entities: [], patterns: [] });
  });

  it('reads the text form otherwise', () => {
    const result = loadProblem('# a comment\nmodel "m"\n');
    expect(result.form).toBe('text');
    expect(result.model).toEqual({ name: 'm', entities: [], patterns: [] });
  });

  it('looks past a byte order mark', () => {
    expect(loadProblem(`\ufeff${json}`).form).toBe('json');
  });

  it('returns the located errors of the chosen form', () => {
    expect(loadProblem('{ "name": }').diagnostics[0]).toMatchObject({ code: 'model.jsonSyntax', span: { line: 1, column: 11 } });
    expect(loadProblem('modl "m"').diagnostics[0]).toMatchObject({ code: 'model.syntax', message: 'unknown line start "modl" — did you mean "model"?' });
  });
});
