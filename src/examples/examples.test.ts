import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProblem, parseModelText } from '../engine/index.ts';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleText } from './examples.ts';

describe('the example gallery', () => {
  it('lists every problem file of the folder, e-commerce first', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter((f) => f.endsWith('.problem.json'));
    expect(EXAMPLES.map((e) => `${e.id}.problem.json`).sort()).toEqual(files.sort());
    expect(DEFAULT_EXAMPLE.name).toBe('E-commerce');
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('opens %s in the text form with no errors', (_id, example) => {
    expect(loadProblem(example.json).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parsed = parseModelText(exampleText(example));
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.model?.name).toBe(example.name);
  });
});
