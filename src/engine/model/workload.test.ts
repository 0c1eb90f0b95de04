// The workload fields of FORMAT.md's v1 extensions (entities: writes, itemBytes; patterns: rate,
// consistent, shards) in both source forms: read, printed back, checked at their place.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import { printModelText } from './printModelText.ts';
import { problemToJson } from './problemToJson.ts';
import type { Model } from './types.ts';

const gameLobbyPath = fileURLToPath(new URL('../../../../shared/problems/extensions/game-lobby.problem.json', import.meta.url));

const TEXT = `model "Games"

entity Game key gameId writes 10 peak 200 itemBytes 900
  gameId: string
  hostId: string
  status: "open" | "done"
  createdAt: datetime

getGame: Game by gameId returns one consistent rate 50 peak 500
getOpenGames: Game where status = "open" order by createdAt desc limit 10 rate 20 shards 4 "the lobby"
`;

const located = (text: string) => parseModelText(text).diagnostics.map((d) => `${d.span?.line}:${d.span?.column}-${d.span?.endColumn} ${d.code} ${d.message}`);

describe('workload fields', () => {
  it("reads game-lobby's rates, item size, consistency and shards from JSON", () => {
    const { model, diagnostics } = parseProblemJson(readFileSync(gameLobbyPath, 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(model?.entities.map((e) => [e.name, e.writes, e.itemBytes])).toEqual([
      ['Player', { avg: 2, peak: 20 }, undefined],
      ['Game', { avg: 10, peak: 200 }, 900],
    ]);
    const get = model?.patterns.find((p) => p.name === 'getPlayer');
    expect(get).toMatchObject({ consistent: true, rate: { avg: 50, peak: 500 } });
    expect(model?.patterns.find((p) => p.name === 'getOpenGames')).toMatchObject({ shards: 4, rate: { avg: 20, peak: 400 } });
  });

  it('reads the text form, maps every value to its characters, and prints it back unchanged', () => {
    const result = parseModelText(TEXT);
    expect(result.diagnostics).toEqual([]);
    const model = result.model as Model;
    expect(model.entities[0]).toMatchObject({ writes: { avg: 10, peak: 200 }, itemBytes: 900 });
    expect(model.patterns[0]).toMatchObject({ returns: 'one', consistent: true, rate: { avg: 50, peak: 500 } });
    expect(model.patterns[1]).toMatchObject({ limit: 10, rate: { avg: 20 }, shards: 4, text: 'the lobby' });
    expect(model.patterns[1]?.rate?.peak).toBeUndefined();
    const lines = TEXT.split('\n');
    const at = (path: string) => {
      const span = result.sourceMap.get(path);
      return span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
    };
    expect(at('entities[0].writes')).toBe('writes 10 peak 200');
    expect(at('entities[0].writes.peak')).toBe('200');
    expect(at('entities[0].itemBytes')).toBe('900');
    expect(at('patterns[0].consistent')).toBe('consistent');
    expect(at('patterns[0].rate.avg')).toBe('50');
    expect(at('patterns[1].shards')).toBe('4');
    expect(printModelText(model)).toBe(TEXT);
  });

  it('round-trips through JSON: problemToJson writes every field back', () => {
    const model = parseModelText(TEXT).model as Model;
    const back = parseProblemJson(problemToJson(model));
    expect(back.diagnostics).toEqual([]);
    expect(back.model).toEqual(model);
    // consistent: false says what leaving it out says.
    const off = parseProblemJson(problemToJson(model).replace('"consistent": true', '"consistent": false'));
    expect(off.model?.patterns[0]?.consistent).toBeUndefined();
  });

  it('refuses values of the wrong shape at their place', () => {
    const json = problemToJson(parseModelText(TEXT).model as Model)
      .replace('"itemBytes": 900', '"itemBytes": "900"')
      .replace('"rate": { "avg": 20 }', '"rate": 20')
      .replace('"shards": 4', '"shards": [4]');
    const result = parseProblemJson(json);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['model.wrongType', 'entities[0].itemBytes'],
      ['model.wrongType', 'patterns[1].rate'],
      ['model.wrongType', 'patterns[1].shards'],
    ]);
    const noAvg = parseProblemJson(problemToJson(parseModelText(TEXT).model as Model).replace('"avg": 10,', ''));
    expect(noAvg.diagnostics.map((d) => [d.code, d.path])).toEqual([['model.missingField', 'entities[0].writes.avg']]);
  });

  it('checks the numbers: rates 0 or more with the peak at least the average, whole item sizes up to 400 KB, 1 to 1000 shards', () => {
    const line = (header: string, pattern: string) => located(`model "m"\n\nentity E key id ${header}\n  id: string\n  n: number\n\n${pattern}\n`);
    expect(line('writes 5 peak 2', 'p: E by id')).toEqual([
      '3:31-32 model.invalidRate writes: the peak must be a number per second at least the average, 5 (found 2)',
    ]);
    expect(line('itemBytes 500000', 'p: E by id rate -1')).toEqual([
      "3:27-33 model.invalidItemBytes itemBytes must be a whole number of bytes from 1 to 409600 (DynamoDB's item size limit, 400 KB) (found 500000)",
      '7:17-19 model.invalidRate rate: the average must be a number of calls per second, 0 or more (found -1)',
    ]);
    expect(line('itemBytes 12.5', 'p: E by n shards 0')).toEqual([
      "3:27-31 model.invalidItemBytes itemBytes must be a whole number of bytes from 1 to 409600 (DynamoDB's item size limit, 400 KB) (found 12.5)",
      '7:18-19 model.invalidShards shards must be a whole number from 1 (no sharding) to 1000 (found 0)',
    ]);
    expect(line('writes 0', 'p: E by n rate 0 peak 0 shards 1000')).toEqual([]);
  });

  it('locates the syntax errors of the workload clauses', () => {
    const line = (header: string, pattern: string) => located(`model "m"\n\nentity E key id ${header}\n  id: string\n\n${pattern}\n`);
    expect(line('writes', 'p: E by id')).toEqual([
      '3:17-23 model.syntax expected a number after writes (writes 5 peak 50: 5 writes a second on average, 50 at the peak), found the end of the line',
    ]);
    expect(line('writes 5 peak', 'p: E by id rate fast')).toEqual([
      '3:26-30 model.syntax expected a number after peak (writes 5 peak 50: 5 writes a second on average, 50 at the peak), found the end of the line',
      '6:17-21 model.syntax expected a number after rate (rate 20 peak 400: 20 calls a second on average, 400 at the peak), found "fast"',
    ]);
    expect(line('', 'p: E by id consistent consistent')).toEqual(['6:23-33 model.duplicateClause duplicate consistent clause in this pattern']);
    expect(line('', 'p: E by id shards')).toEqual([
      "6:12-18 model.syntax expected a number after shards (shards 8: the pattern's partition spread over 8 shards), found the end of the line",
    ]);
  });
});
