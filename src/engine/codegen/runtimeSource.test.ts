import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { numberProblem } from '../model/dynamoNumbers.ts';
import { FULL_RUNTIME, RUNTIME_HELPERS, runtimeFor } from './runtimeSource.ts';

const runtime = new Function(
  ts.transpileModule(`${FULL_RUNTIME}\nreturn { checkNumber, encNumber };`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText,
)() as { checkNumber: (v: unknown, n: string) => number; encNumber: (v: unknown, n: string) => string };

describe('the runtime number check', () => {
  const edges = [
    0,
    -0,
    1,
    -1,
    1e-130,
    -1e-130,
    9.99e-131,
    1e125,
    9.999999999999999e125,
    1e126,
    -1e126,
    1.7976931348623157e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    -Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER - 2,
    2 ** 60,
    0.1,
    1e20,
    1.5e20,
    Infinity,
    -Infinity,
    NaN,
  ];

  it('accepts exactly what the engine accepts (DynamoDB range, safe whole numbers)', () => {
    for (const value of edges) {
      const problem = numberProblem(value);
      if (problem === undefined) expect(runtime.checkNumber(value, 'n'), String(value)).toBe(value);
      else expect(() => runtime.checkNumber(value, 'n'), String(value)).toThrow(/"n"/);
    }
    expect(edges.filter((v) => numberProblem(v) === undefined)).toEqual([
      0,
      -0,
      1,
      -1,
      1e-130,
      -1e-130,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      0.1,
    ]);
  });

  it('keeps out-of-range numbers out of keys with a message that names the limit', () => {
    expect(() => runtime.encNumber(1e200, 'price')).toThrow(/"price" is 1e\+200: numbers must be 0 or of magnitude 1E-130 .* to 9007199254740991/);
    expect(() => runtime.encNumber(1e-200, 'ratio')).toThrow(/"ratio" is 1e-200/);
    expect(numberProblem(2 ** 60)).toMatch(/too large: numbers must be 0 or of magnitude 1E-130 .* to 9007199254740991 \(Number.MAX_SAFE_INTEGER/);
  });
});

describe('runtimeFor', () => {
  it('carries the helpers asked for and what they call, nothing else', () => {
    const code = runtimeFor(new Set(['range']));
    expect(code).toMatch(/function range\(/);
    expect(code).toMatch(/function compareUtf8\(/);
    expect(code).not.toMatch(/function (encString|encNumber|pair|checkNumber)\(/);
    expect(runtimeFor(new Set(['encNumber']))).toMatch(/function checkNumber\(/);
    // A native key's string value is checked, never encoded: checkString alone.
    expect(runtimeFor(new Set(['checkString']))).toMatch(/function checkString\(/);
    expect(runtimeFor(new Set(['checkString']))).not.toMatch(/function (encString|checkNumber)\(/);
    expect(runtimeFor(new Set())).toBe('');
  });

  it('holds every helper of the runtime source', () => {
    const all = runtimeFor(new Set(RUNTIME_HELPERS));
    for (const h of RUNTIME_HELPERS) expect(all).toMatch(new RegExp(`function ${h}\\b`));
    expect(all.length).toBeGreaterThan(FULL_RUNTIME.trim().length - 10);
  });
});
