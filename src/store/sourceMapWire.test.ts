// The packed source map reads back as the map it was made from: every path, in order, with its span.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleText } from '../examples/examples.ts';
import { parseSource } from './parseSource.ts';
import { fromWireSourceMap, toWireSourceMap } from './sourceMapWire.ts';

describe('the source map on the wire', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('reads back as it was, text and JSON (%s)', (_, example) => {
    for (const [text, format] of [
      [exampleText(example), 'text'],
      [example.json, 'json'],
    ] as const) {
      const { sourceMap } = parseSource(text, format);
      expect(sourceMap.size).toBeGreaterThan(10);
      const back = fromWireSourceMap(structuredClone(toWireSourceMap(sourceMap)));
      expect([...(back ?? [])]).toEqual([...sourceMap]);
    }
  });

  it('reads back as a Map does: get, has, size, keys, values, entries and forEach', () => {
    const { sourceMap } = parseSource(exampleText(DEFAULT_EXAMPLE), 'text');
    const back = fromWireSourceMap(structuredClone(toWireSourceMap(sourceMap)));
    if (back === undefined) throw new Error('the map did not read back');
    expect(back.size).toBe(sourceMap.size);
    for (const [path, span] of sourceMap) {
      expect(back.get(path)).toEqual(span);
      expect(back.has(path)).toBe(true);
    }
    expect(back.get('patterns[999]')).toBeUndefined();
    expect(back.has('patterns[999]')).toBe(false);
    expect([...back.keys()]).toEqual([...sourceMap.keys()]);
    expect([...back.values()]).toEqual([...sourceMap.values()]);
    expect([...back.entries()]).toEqual([...sourceMap.entries()]);
    const seen: [string, unknown][] = [];
    back.forEach((span, path, map) => {
      expect(map).toBe(back);
      seen.push([path, span]);
    });
    expect(seen).toEqual([...sourceMap]);
  });

  it('crosses an empty map and a model with errors', () => {
    expect([...(fromWireSourceMap(toWireSourceMap(new Map())) ?? [undefined])]).toEqual([]);
    const { sourceMap } = parseSource(exampleText(DEFAULT_EXAMPLE) + 'entity Broken key\n', 'text');
    expect([...(fromWireSourceMap(toWireSourceMap(sourceMap)) ?? [])]).toEqual([...sourceMap]);
  });

  it("leaves out the paths when they are the base's, and reads them back from it", () => {
    const text = exampleText(DEFAULT_EXAMPLE);
    const before = parseSource(text, 'text').sourceMap;
    const paths = [...before.keys()];
    // A digit typed in a count: the same paths, a span moved.
    const typed = parseSource(text.replace(/^(entity \w+ .*count \d+)/m, '$11'), 'text').sourceMap;
    expect(typed).not.toEqual(before);
    const wire = toWireSourceMap(typed, paths);
    expect(wire.paths).toBeUndefined();
    expect([...(fromWireSourceMap(wire, paths) ?? [])]).toEqual([...typed]);
    expect(fromWireSourceMap(wire)).toBeUndefined();
    expect(fromWireSourceMap(wire, paths.slice(1))).toBeUndefined();
    // A new line: new paths, sent.
    const added = parseSource(text + 'getUserAgain: User by email returns one\n', 'text').sourceMap;
    expect(toWireSourceMap(added, paths).paths).toEqual([...added.keys()]);
  });
});
