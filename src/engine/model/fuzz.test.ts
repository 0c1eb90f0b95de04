// Property tests over random and mutated input. Seeded, so a failure reproduces: the seed and the
// input are in the failure message. Properties: the parsers never throw; they return a model or
// at least one error, every span lies inside the text; a model they return survives a round trip.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.ts';
import { loadProblem } from './loadProblem.ts';
import { createParseCache } from './parseCache.ts';
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import type { ParseResult } from './parseResult.ts';
import { printModelText } from './printModelText.ts';
import { problemToJson } from './problemToJson.ts';
import type { Model } from './types.ts';
import { ODD_NAMES, prng, randomModel, type Random } from '../../testing/randomModel.ts';
import { validateModel } from './validateModel.ts';

// The canonical examples (src/examples, copies of ../shared/problems) and the engine's test models.
const problemDirs = [new URL('../../examples/', import.meta.url), new URL('../testing/problems/', import.meta.url)].map((u) => fileURLToPath(u));
const problemPaths = problemDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .map((f) => dir + f),
);
// Plus one model with every extension field this reader knows (unique, version, ttl, the table, fixed, limit).
const EXTENSIONS_TEXT = `model "Lobby"
table GameLobby billing provisioned read 20 write 10 stream NEW_AND_OLD_IMAGES pitr deletionProtection off class STANDARD

entity Player key playerId count 60 unique handle unique (region, handle) version version
  playerId: string
  handle: string
  region: "eu" | "us"
  version: number

entity Game key gameId belongsTo Player via hostId ttl expiresAt
  gameId: string
  hostId: string
  expiresAt?: number

getPlayer: Player by playerId returns one
getHostGames: Game by hostId
getTopPlayers: Player where region = "eu" and version >= ? order by version desc limit 3
`;
const extensionsModel = parseModelText(EXTENSIONS_TEXT).model;
if (!extensionsModel) throw new Error('the extensions model does not load');
const jsonCorpus = [...problemPaths.map((file) => readFileSync(file, 'utf8')), problemToJson(extensionsModel)];
const textCorpus = jsonCorpus.map((text) => {
  const model = parseProblemJson(text).model;
  if (!model) throw new Error('an example problem does not load');
  return printModelText(model);
});

const JUNK = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '\\',
  '#',
  '|',
  '(',
  ')',
  '?',
  '<',
  '>=',
  '=',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\t',
  'é',
  '😀',
  '\ud800',
  '\u2028',
  '\u0000',
  '\ufeff',
  '-',
  '1e999',
  '0',
  'x',
  'entity',
  'key',
  ' by ',
  'newest first',
  '  ',
  ' unique ',
  ' version ',
  'ttl',
  'table ',
  ' pitr',
  ' off',
  ' read 5',
  '"table": {}',
  ' limit 3',
  ' and x = "v"',
  ' = 1',
  '"fixed": {}',
  '"limit": 2',
];

function mutate(text: string, r: Random): string {
  let out = text;
  const steps = 1 + r.int(5);
  for (let s = 0; s < steps; s++) {
    const at = r.int(out.length + 1);
    const lines = out.split('\n');
    const line = r.int(lines.length);
    switch (r.int(9)) {
      case 0: // delete characters
        out = out.slice(0, at) + out.slice(at + 1 + r.int(4));
        break;
      case 1: // insert junk
        out = out.slice(0, at) + r.pick(JUNK) + out.slice(at);
        break;
      case 2: // duplicate a stretch
        out = out.slice(0, at) + out.slice(at, at + r.int(30)) + out.slice(at);
        break;
      case 3: // delete a line
        lines.splice(line, 1);
        out = lines.join('\n');
        break;
      case 4: // duplicate a line
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 5: {
        // swap two lines
        const other = r.int(lines.length);
        [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 6: {
        // swap two tokens
        const tokens = out.split(/(\s+)/);
        const i = r.int(tokens.length);
        const j = r.int(tokens.length);
        [tokens[i], tokens[j]] = [tokens[j] ?? '', tokens[i] ?? ''];
        out = tokens.join('');
        break;
      }
      case 7: {
        // replace a word by an odd name
        const tokens = out.split(/(\W+)/);
        const i = r.int(tokens.length);
        if (/^\w+$/.test(tokens[i] ?? '')) tokens[i] = r.pick(ODD_NAMES);
        out = tokens.join('');
        break;
      }
      default: // cut the text short
        out = out.slice(0, at);
    }
  }
  return out;
}

/** Asserts the properties of a parse of `text`; `label` reproduces the case. */
function checkResult(text: string, result: ParseResult, label: string) {
  const lines = text.split(/\r\n|\n|\r/);
  const inside = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1]?.length ?? 0) + 1;
  const outside = (d: Diagnostic) =>
    !d.span ||
    !inside(d.span.line, d.span.column) ||
    !inside(d.span.endLine, d.span.endColumn) ||
    d.span.endLine < d.span.line ||
    (d.span.endLine === d.span.line && d.span.endColumn < d.span.column);
  const misplaced = result.diagnostics.filter(outside);
  if (misplaced.length > 0) expect.fail(`${label}: diagnostic outside the text ${JSON.stringify(misplaced[0])}\n${text.slice(0, 2000)}`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.model === undefined && errors.length === 0) expect.fail(`${label}: no model and no error\n${text.slice(0, 2000)}`);
  if (result.model !== undefined && errors.length > 0) expect.fail(`${label}: a model despite errors\n${text.slice(0, 2000)}`);
  if (result.model) checkRoundTrips(result.model, label);
}

/** The text form cannot write an empty include list, an empty list of unique sets or an empty fixed; they read back as none. */
function withoutEmptyLists(model: Model): Model {
  return {
    ...model,
    entities: model.entities.map((e) => {
      if (e.unique === undefined || e.unique.length > 0) return e;
      const { unique: _, ...rest } = e;
      return rest;
    }),
    patterns: model.patterns.map((p) => {
      let out = p;
      if (out.include !== undefined && out.include.length === 0) {
        const { include: _, ...rest } = out;
        out = rest;
      }
      if (out.fixed !== undefined && Object.keys(out.fixed).length === 0) {
        const { fixed: _, ...rest } = out;
        out = rest;
      }
      return out;
    }),
  };
}

function checkRoundTrips(model: Model, label: string) {
  const text = printModelText(model);
  const fromText = parseModelText(text);
  expect(
    fromText.diagnostics.filter((d) => d.severity === 'error'),
    `${label}: printed text does not read back\n${text}`,
  ).toEqual([]);
  expect(fromText.model, `${label}: text round trip\n${text}`).toEqual(withoutEmptyLists(model));
  expect(printModelText(fromText.model as Model), `${label}: printing is not stable`).toBe(text);
  const json = problemToJson(model);
  expect(parseProblemJson(json).model, `${label}: JSON round trip\n${json}`).toEqual(model);
}

// --- random valid models -------------------------------------------------------------------

// --- the tests -------------------------------------------------------------------------------

/** Mutated inputs per example, per form. */
const MUTATIONS = 350;

describe('fuzz', () => {
  it('round-trips 500 random valid models through both forms, names like __proto__ and keywords included', () => {
    const extensions = { unique: 0, version: 0, ttl: 0, table: 0, fixed: 0, limit: 0 };
    for (let seed = 1; seed <= 500; seed++) {
      const model = randomModel(prng(seed));
      const errors = validateModel(model).filter((d) => d.severity === 'error');
      expect(errors, `seed ${seed}: the generator made an invalid model`).toEqual([]);
      checkRoundTrips(model, `random model, seed ${seed}`);
      if (model.table) extensions.table++;
      for (const p of model.patterns) {
        if (p.fixed) extensions.fixed++;
        if (p.limit !== undefined) extensions.limit++;
      }
      for (const e of model.entities) {
        if (e.unique) extensions.unique++;
        if (e.version !== undefined) extensions.version++;
        if (e.ttl !== undefined) extensions.ttl++;
      }
    }
    // The extension fields are drawn often enough to be tested.
    for (const [field, n] of Object.entries(extensions)) expect(n, field).toBeGreaterThan(50);
  });

  it('never throws on mutated text forms, and locates every problem inside the text', () => {
    let cases = 0;
    textCorpus.forEach((source, i) => {
      for (let seed = 1; seed <= MUTATIONS; seed++) {
        const text = mutate(source, prng(seed * 7919 + i));
        checkResult(text, parseModelText(text), `text ${i}, seed ${seed}`);
        cases++;
      }
    });
    expect(cases).toBe(textCorpus.length * MUTATIONS);
  });

  it('reads every edit with the parse cache as a parse from scratch does', () => {
    // Edits chained from one another (and now and then from the example again), each parsed with one cache:
    // the model, the diagnostics and the source map, in order, are those of a parse without it.
    textCorpus.forEach((source, i) => {
      const cache = createParseCache();
      let text = source;
      for (let seed = 1; seed <= MUTATIONS; seed++) {
        const r = prng(seed * 6007 + i);
        text = mutate(r.chance(0.3) ? source : text, r);
        const cached = parseModelText(text, { cache });
        const fresh = parseModelText(text);
        const label = `text ${i}, seed ${seed}\n${text.slice(0, 2000)}`;
        expect(cached.model, label).toEqual(fresh.model);
        expect(cached.diagnostics, label).toEqual(fresh.diagnostics);
        expect([...cached.sourceMap], label).toEqual([...fresh.sourceMap]);
      }
    });
  });

  it('never throws on mutated problem files, and locates every problem inside the text', () => {
    jsonCorpus.forEach((source, i) => {
      for (let seed = 1; seed <= MUTATIONS; seed++) {
        const text = mutate(source, prng(seed * 104729 + i));
        checkResult(text, parseProblemJson(text), `json ${i}, seed ${seed}`);
      }
    });
  });

  it('never throws on random character soup in either form', () => {
    const alphabet = [...JUNK, ...ODD_NAMES.map((n) => ` ${n} `), '"x"', '  a: string\n', 'p: A by a\n', 'entity A key a\n', 'model "m"\n'];
    for (let seed = 1; seed <= 800; seed++) {
      const r = prng(seed);
      let text = r.chance(0.5) ? '{' : '';
      for (let i = 0; i < r.int(60); i++) text += r.pick(alphabet);
      checkResult(text, parseModelText(text), `soup text, seed ${seed}`);
      checkResult(text, parseProblemJson(text), `soup json, seed ${seed}`);
      checkResult(text, loadProblem(text), `soup load, seed ${seed}`);
    }
  });

  it('handles very long lines, deep nesting and many lines', () => {
    const long = 'x'.repeat(100_000);
    const cases: [string, (text: string) => ParseResult][] = [
      [`model "${long}"\nentity ${long} key ${long}\n  ${long}: string\np: ${long} by ${long}\n`, parseModelText],
      [`model "m"\n${long}\n`, parseModelText],
      [`model "${'\\'.repeat(100_000)}`, parseModelText],
      [`model "m"\nentity A key a\n  a: ${Array.from({ length: 20_000 }, (_, i) => `"v${i}"`).join(' | ')}\n`, parseModelText],
      [`model "m"\nentity A key a\n${'  a: string\n'.repeat(20_000)}`, parseModelText],
      [`model "m"\n${'p: A by a, b where c >= ? newest first with B, C returns one "t"\n'.repeat(5_000)}`, parseModelText],
      [
        `model "m"\nentity A key a0\n${Array.from({ length: 10_000 }, (_, i) => `  a${i}: string\n`).join('')}\n${Array.from({ length: 10_000 }, (_, i) => `p${i}: A by b${i}\n`).join('')}`,
        parseModelText,
      ],
      ['['.repeat(100_000), parseProblemJson],
      ['{"a":'.repeat(100_000), parseProblemJson],
      [`${'['.repeat(150)}${']'.repeat(150)}`, parseProblemJson],
      [`{"format":"ddb-design-problem/1","name":"${long}","entities":[],"patterns":[]}`, parseProblemJson],
      [`{"name": "${'\\u00e9'.repeat(20_000)}", "entities": [${'{},'.repeat(5_000)}{}], "patterns": []}`, parseProblemJson],
      [`["${'\\q'.repeat(50_000)}"]`, parseProblemJson],
      ['\u0000\u0001\ud800😀\u2028é', parseModelText],
      ['\u0000\u0001\ud800😀\u2028é', parseProblemJson],
    ];
    cases.forEach(([text, parse], i) => checkResult(text, parse(text), `large case ${i}`));
  });

  it('accepts non-ASCII text in strings and reports it in names', () => {
    const ok = parseModelText('model "Café ☕ 😀"\nentity A key a\n  a: "é" | "ß"\np: A by a "über"\n');
    expect(ok.model?.name).toBe('Café ☕ 😀');
    const bad = parseModelText('model "m"\nentity Ä key a\n  a: string\n');
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['model.invalidName']);
  });
});
