// Property tests over random and mutated input. Seeded, so a failure reproduces: the seed and the
// input are in the failure message. Properties: the parsers never throw; they return a model or
// at least one error, every span lies inside the text; a model they return survives a round trip.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.ts';
import { loadProblem } from './loadProblem.ts';
import { parseModelText } from './parseModelText.ts';
import { parseProblemJson } from './parseProblemJson.ts';
import type { ParseResult } from './parseResult.ts';
import { printModelText } from './printModelText.ts';
import { problemToJson } from './problemToJson.ts';
import type { Attribute, AttributeType, Entity, Model, Pattern, RangeOp, Scalar } from './types.ts';
import { validateModel } from './validateModel.ts';

// The canonical examples (src/examples, copies of ../shared/problems) and the engine's test models.
const problemDirs = [new URL('../../examples/', import.meta.url), new URL('../testing/problems/', import.meta.url)].map((u) => fileURLToPath(u));
const problemPaths = problemDirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.problem.json')).map((f) => dir + f));
const jsonCorpus = problemPaths.map((file) => readFileSync(file, 'utf8'));
const textCorpus = jsonCorpus.map((text) => {
  const model = parseProblemJson(text).model;
  if (!model) throw new Error('an example problem does not load');
  return printModelText(model);
});

/** mulberry32: a tiny seeded PRNG, so that every run sees the same inputs. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

const ODD_NAMES = [
  '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'class', 'function', 'delete', 'new', 'this',
  'return', 'null', 'undefined', 'NaN', 'true', 'false', 'in', 'and', 'or', 'entity', 'model', 'source', 'key', 'count', 'belongsTo',
  'via', 'by', 'where', 'order', 'newest', 'oldest', 'first', 'with', 'returns', 'one', 'many', 'asc', 'desc', 'between', 'begins_with',
  'string', 'number', 'boolean', 'date', 'datetime', 'status', 'name', 'data', '_', 'A1', 'x',
];
const JUNK = ['{', '}', '[', ']', ':', ',', '"', '\\', '#', '|', '(', ')', '?', '<', '>=', '=', '\n', '\r', '\r\n', ' ', '\t', 'é', '😀', '\ud800', '\u2028', '\u0000', '\ufeff', '-', '1e999', '0', 'x', 'entity', 'key', ' by ', 'newest first', '  '];

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

/** The text form cannot write an empty include list; it reads back as no include. */
function withoutEmptyInclude(model: Model): Model {
  return {
    ...model,
    patterns: model.patterns.map((p) => {
      if (p.include === undefined || p.include.length > 0) return p;
      const { include: _, ...rest } = p;
      return rest;
    }),
  };
}

function checkRoundTrips(model: Model, label: string) {
  const text = printModelText(model);
  const fromText = parseModelText(text);
  expect(fromText.diagnostics.filter((d) => d.severity === 'error'), `${label}: printed text does not read back\n${text}`).toEqual([]);
  expect(fromText.model, `${label}: text round trip\n${text}`).toEqual(withoutEmptyInclude(model));
  expect(printModelText(fromText.model as Model), `${label}: printing is not stable`).toBe(text);
  const json = problemToJson(model);
  expect(parseProblemJson(json).model, `${label}: JSON round trip\n${json}`).toEqual(model);
}

// --- random valid models -------------------------------------------------------------------

const TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'date', 'datetime'];
const TEXT_BITS = ['a', 'Z', ' ', '"', '\\', '#', '\n', '\t', 'é', '😀', '\u2028', '\u0001', '|', '(', ')', ',', '?', '\ud800', '%', '0'];

function randomText(r: Random, max = 12): string {
  let s = '';
  const n = r.int(max);
  for (let i = 0; i < n; i++) s += r.pick(TEXT_BITS);
  return s;
}

function randomName(r: Random, used: Set<string>): string {
  for (;;) {
    const name = r.chance(0.5) ? r.pick(ODD_NAMES) : `${r.pick(['a', 'B', '_', 'item', 'Order'])}${r.int(100)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function randomValue(type: AttributeType, r: Random): Scalar {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  switch (type) {
    case 'string':
      return randomText(r);
    case 'number':
      return r.pick([0, 1, -1, 2.5, -0.125, 9007199254740991, 1e-130, 123456789, 0.1 + 0.2, r.int(1000)]);
    case 'boolean':
      return r.chance(0.5);
    case 'date':
      return `${pad(1990 + r.int(40), 4)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    case 'datetime':
      return `${pad(1990 + r.int(40), 4)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}T${pad(r.int(24))}:${pad(r.int(60))}:${pad(r.int(60))}.${pad(r.int(1000), 3)}Z`;
  }
}

function randomAttribute(r: Random, used: Set<string>, type: AttributeType = r.pick(TYPES)): Attribute {
  const attribute: Attribute = { name: randomName(r, used), type };
  if (r.chance(0.25)) {
    const values: Scalar[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 1 + r.int(4); i++) {
      const v = randomValue(type, r);
      if (!seen.has(`${typeof v}:${String(v)}`)) values.push(v);
      seen.add(`${typeof v}:${String(v)}`);
    }
    attribute.values = values;
  }
  return attribute;
}

function randomModel(r: Random): Model {
  const entityNames = new Set<string>();
  const entities: Entity[] = [];
  for (let e = 0; e < 1 + r.int(4); e++) {
    const used = new Set<string>();
    const attributes = Array.from({ length: 1 + r.int(5) }, () => randomAttribute(r, used));
    const key = [...new Set([r.pick(attributes).name, r.pick(attributes).name])].slice(0, 1 + r.int(2));
    const entity: Entity = { name: randomName(r, entityNames), attributes, key, belongsTo: [] };
    for (const parent of entities) {
      if (!r.chance(0.4)) continue;
      const via = parent.key.map((k) => randomAttribute(r, used, parent.attributes.find((a) => a.name === k)?.type ?? 'string'));
      via.forEach((a) => {
        delete a.values;
        attributes.push(a);
      });
      entity.belongsTo.push({ entity: parent.name, via: via.map((a) => a.name) });
    }
    if (r.chance(0.5)) entity.count = r.int(100000);
    entities.push(entity);
  }
  const patternNames = new Set<string>();
  const patterns: Pattern[] = [];
  for (let p = 0; p < r.int(6); p++) {
    const entity = r.pick(entities);
    const names = entity.attributes.map((a) => a.name);
    const pattern: Pattern = { name: randomName(r, patternNames), entity: entity.name, equals: [...new Set(names.filter(() => r.chance(0.3)))], returns: r.pick(['one', 'many']) };
    if (r.chance(0.3)) pattern.text = randomText(r, 30);
    if (r.chance(0.4)) {
      const attribute = r.pick(entity.attributes);
      const ops: RangeOp[] = ['=', '<', '<=', '>', '>=', 'between'];
      if (attribute.type !== 'number' && attribute.type !== 'boolean') ops.push('begins_with');
      pattern.range = { attribute: attribute.name, op: r.pick(ops) };
    }
    if (r.chance(0.4)) {
      const attribute = pattern.range && r.chance(0.6) ? pattern.range.attribute : r.pick(names);
      pattern.order = { attribute, direction: r.pick(['asc', 'desc']) };
    }
    const children = entities.filter((c) => c.belongsTo.some((b) => b.entity === entity.name)).map((c) => c.name);
    if (children.length > 0 && r.chance(0.5)) pattern.include = children.filter(() => r.chance(0.7));
    patterns.push(pattern);
  }
  const model: Model = { name: randomText(r, 20), entities, patterns };
  if (r.chance(0.5)) model.source = randomText(r, 40);
  // Drawn last, so the models above are the ones earlier seeds gave. Never a key or via attribute.
  for (const entity of entities) {
    const fixed = new Set([...entity.key, ...entity.belongsTo.flatMap((b) => b.via)]);
    for (const attribute of entity.attributes) if (!fixed.has(attribute.name) && r.chance(0.3)) attribute.optional = true;
  }
  return model;
}

// --- the tests -------------------------------------------------------------------------------

/** Mutated inputs per example, per form. */
const MUTATIONS = 350;

describe('fuzz', () => {
  it('round-trips 500 random valid models through both forms, names like __proto__ and keywords included', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const model = randomModel(prng(seed));
      const errors = validateModel(model).filter((d) => d.severity === 'error');
      expect(errors, `seed ${seed}: the generator made an invalid model`).toEqual([]);
      checkRoundTrips(model, `random model, seed ${seed}`);
    }
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
