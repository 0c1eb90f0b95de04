import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson, type JsonNode } from './parseJson.ts';

/** The plain value, to compare with JSON.parse. */
function plain(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return node.items.map(plain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

describe('parseJson', () => {
  it('reads the same values as JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\"\\\\\\/"}, "d": []}';
    const result = parseJson(text);
    expect(result.diagnostics).toEqual([]);
    expect(plain(result.value)).toEqual(JSON.parse(text));
  });

  it('records the span of every value', () => {
    const result = parseJson('{\n  "name": "User",\n  "key": ["email"]\n}');
    expect(result.value?.kind).toBe('object');
    if (result.value?.kind !== 'object') return;
    const [name, key] = result.value.entries;
    expect(name?.keySpan).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 9 });
    expect(name?.value.span).toEqual({ line: 2, column: 11, endLine: 2, endColumn: 17 });
    expect(key?.value.span).toEqual({ line: 3, column: 10, endLine: 3, endColumn: 19 });
    expect(result.value.span).toEqual({ line: 1, column: 1, endLine: 4, endColumn: 2 });
  });

  it('reports a missing comma and goes on reading', () => {
    const result = parseJson('{"a": 1\n "b": [1 2]}');
    expect(result.diagnostics.map((d) => [d.span?.line, d.span?.column, d.message])).toEqual([
      [2, 2, 'expected "," before the next field "b" (missing comma?)'],
      [2, 10, 'expected "," before the number 2 (missing comma?)'],
    ]);
    expect(plain(result.value)).toEqual({ a: 1, b: [1, 2] });
  });

  it('reports trailing commas and goes on reading', () => {
    const result = parseJson('[1,]');
    expect(result.diagnostics[0]).toMatchObject({ code: 'model.jsonSyntax', message: 'trailing comma before "]"', span: { line: 1, column: 3 } });
    expect(plain(result.value)).toEqual([1]);
  });

  it('stops at an unterminated string with its location', () => {
    const result = parseJson('{\n  "name": "User\n}');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ message: expect.stringContaining('unterminated string'), span: { line: 2, column: 11, endColumn: 16 } });
  });

  it('explains single quotes, comments, bad words and bad numbers', () => {
    expect(parseJson("{'a': 1}").diagnostics[0]?.message).toContain('double quotes');
    expect(parseJson('// hi\n{}').diagnostics[0]?.message).toContain('comments');
    expect(parseJson('[True]').diagnostics[0]?.message).toContain('"True"');
    expect(parseJson('[01]').diagnostics[0]?.message).toBe('invalid number "01"');
    expect(parseJson('[1.]').diagnostics[0]?.message).toBe('invalid number "1."');
  });

  it('hints at escaping when a word follows a string directly', () => {
    expect(parseJson('{"a": "say "hi""}').diagnostics[0]).toMatchObject({
      message: 'unexpected word "hi" right after a string: a quote inside a string is written \\"',
      span: { line: 1, column: 13, endColumn: 15 },
    });
  });

  it('says the document is empty', () => {
    expect(parseJson('  \n').diagnostics[0]).toMatchObject({ message: expect.stringContaining('empty'), span: { line: 2, column: 1 } });
  });

  it('reports text after the document', () => {
    expect(parseJson('{} {}').diagnostics[0]).toMatchObject({ message: 'unexpected "{" after the end of the JSON document', span: { column: 4 } });
  });

  it('reports only the first problem inside a string, and reads on', () => {
    const result = parseJson('["a\\qb\tc"]');
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('invalid escape "\\\\q"')]);
    expect(plain(result.value)).toEqual(['ab\tc']);
  });

  it('limits nesting with a located error instead of overflowing the stack', () => {
    const result = parseJson('['.repeat(100_000));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'model.jsonTooDeep', span: expect.objectContaining({ line: 1, column: MAX_JSON_DEPTH + 1 }) }),
    ]);
    expect(parseJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).diagnostics).toEqual([]);
  });

  it('keeps __proto__ and other odd field names as plain entries', () => {
    const result = parseJson('{"__proto__": 1, "constructor": 2}');
    expect(result.value?.kind === 'object' && result.value.entries.map((e) => e.key)).toEqual(['__proto__', 'constructor']);
  });

  it('skips a byte order mark at the start', () => {
    expect(parseJson('\ufeff{}').diagnostics).toEqual([]);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(plain(parseJson('-0').value), 0)).toBe(true);
  });
});
