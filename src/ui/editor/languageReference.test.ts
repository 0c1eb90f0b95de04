import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../engine/index.ts';
import {
  exampleInContext,
  LANGUAGE_REFERENCE,
  README_END,
  README_START,
  REFERENCE_CONTEXT,
  referenceEntries,
  referenceFor,
  referenceMarkdown,
  withReferenceSection,
} from './languageReference.ts';

const errorsOf = (text: string) =>
  parseModelText(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);

describe('the language reference', () => {
  it('has a context model without errors', () => {
    expect(errorsOf(REFERENCE_CONTEXT)).toEqual([]);
  });

  it.each(referenceEntries().map(({ place, entry }) => [entry.syntax, place, entry.example] as const))(
    '%s: its example parses in the context (%s)',
    (_syntax, place, example) => {
      const text = exampleInContext(place, example);
      expect(text).toContain(example);
      expect(errorsOf(text)).toEqual([]);
    },
  );

  it('shows every keyword in its own example', () => {
    for (const { entry } of referenceEntries()) {
      // Some examples use only one of the words an entry documents (one/many, asc/desc, the operators).
      expect(
        entry.keywords.some((k) => entry.example.includes(k)),
        entry.syntax,
      ).toBe(true);
    }
  });

  it('covers every clause word of the parser', () => {
    const words = new Set(referenceEntries().flatMap(({ entry }) => entry.keywords));
    for (const word of [
      'model',
      'source',
      'table',
      'billing',
      'read',
      'write',
      'stream',
      'pitr',
      'deletionProtection',
      'class',
      'entity',
      'key',
      'count',
      'belongsTo',
      'via',
      'unique',
      'version',
      'ttl',
      'writes',
      'peak',
      'itemBytes',
      'string',
      'number',
      'boolean',
      'date',
      'datetime',
      'in',
      '?',
      '|',
      'by',
      'where',
      'between',
      'begins_with',
      'and',
      'order',
      'asc',
      'desc',
      'newest',
      'oldest',
      'first',
      'limit',
      'with',
      'returns',
      'one',
      'many',
      'consistent',
      'rate',
      'shards',
      '#',
    ]) {
      expect(words.has(word), word).toBe(true);
    }
  });

  it('finds the entry of a word by the line it is on', () => {
    expect(referenceFor('peak', 'header')?.syntax).toContain('writes');
    expect(referenceFor('peak', 'pattern')?.syntax).toContain('rate');
    expect(referenceFor('?', 'attribute')?.syntax).toBe('name?: type');
    expect(referenceFor('limit', 'pattern')?.example).toContain('limit 1');
    expect(referenceFor('nothing', 'pattern')).toBeUndefined();
  });

  it('is in README.md as generated (npm run gen:reference rewrites it)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    expect(start, 'README.md has no generated language reference: run npm run gen:reference').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start + README_START.length + 1, end - 1), 'README.md language reference is stale: run npm run gen:reference').toBe(
      referenceMarkdown(),
    );
    expect(withReferenceSection(readme)).toBe(readme);
    expect(LANGUAGE_REFERENCE.every((s) => readme.includes(`### ${s.title}`))).toBe(true);
  });
});
