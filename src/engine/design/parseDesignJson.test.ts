import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keySchemaOf } from './indexKeys.ts';
import { allModels, exampleModel, loadModel } from '../../testing/exampleModels.ts';
import { deriveDesign, designJson, designLayout, formatDiagnostic, parseDesignJson, type Design, type Diagnostic, type LoadedDesign } from '../index.ts';
import { joinPath } from '../model/jsonPath.ts';
import type { Model } from '../model/types.ts';
import { DESIGN_FORMAT } from './designJson.ts';
import type { DesignDiagnosticCode } from './parseDesignJson.ts';
import { planDesign } from './planDesign.ts';
import type { DesignLayout, Segment } from './types.ts';

// The problems the conformance harness runs (../shared/problems), beside the engine's own models.
const sharedDir = fileURLToPath(new URL('../../../../shared/problems/', import.meta.url));
const sharedProblems = readdirSync(sharedDir)
  .filter((f) => f.endsWith('.problem.json'))
  .sort()
  .map((f) => sharedDir + f);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

const ecommerce = deriveDesign(exampleModel('ecommerce'));
const text = designJson(ecommerce);
const expected: LoadedDesign = { modelName: ecommerce.model.name, ...designLayout(ecommerce) };

/** The layout a derived design must read back as: its own fields, not designLayout's. */
function layoutOf(design: Design): LoadedDesign {
  return {
    modelName: design.model.name,
    tableName: design.tableName,
    entityAttribute: design.entityAttribute,
    indexes: design.indexes.map((i) => ({ ...keySchemaOf(i), projection: 'ALL' })),
    entities: design.entities,
  };
}

/**
 * ecommerce with native GSIs beside its composite ones: GSI3 keys Order by `_type + status / total + orderId` (a
 * pattern ranges over total in a status), ByProduct keys Product and Review by `_type + productId`, no sort key.
 */
const nativeModel: Model = {
  ...ecommerce.model,
  patterns: [
    ...ecommerce.model.patterns,
    {
      name: 'getOrdersByStatusAndTotal',
      entity: 'Order',
      equals: ['status'],
      range: { attribute: 'total', op: '>=' },
      order: { attribute: 'total', direction: 'desc' },
      returns: 'many',
    },
  ],
};
const literal = (text: string): Segment => ({ kind: 'literal', text });
const attribute = (name: string): Segment => ({ kind: 'attribute', name });
const composite = designLayout(ecommerce);
const nativeLayout: DesignLayout = {
  ...composite,
  indexes: [
    ...composite.indexes,
    {
      name: 'GSI3',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: '_type', type: 'S' },
        { name: 'status', type: 'S' },
      ],
      sk: [
        { name: 'total', type: 'N' },
        { name: 'orderId', type: 'S' },
      ],
      projection: 'ALL',
    },
    {
      name: 'ByProduct',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: '_type', type: 'S' },
        { name: 'productId', type: 'S' },
      ],
      sk: [],
      projection: 'ALL',
    },
  ],
  entities: composite.entities.map((e) => {
    if (e.entity === 'Order')
      return { ...e, keys: { ...e.keys, GSI3: { pk: [literal('Order'), attribute('status')], sk: [attribute('total'), attribute('orderId')] } } };
    if (e.entity === 'Product' || e.entity === 'Review')
      return { ...e, keys: { ...e.keys, ByProduct: { pk: [literal(e.entity), attribute('productId')], sk: [] } } };
    return e;
  }),
};
const nativeDesign = planDesign(nativeModel, nativeLayout);
const nativeText = designJson(nativeDesign);
const nativeExpected: LoadedDesign = { modelName: nativeModel.name, ...nativeLayout };

/** design.json of ecommerce (or `base`), changed by `change` (on the parsed document) and written again. */
function edit(change: (doc: { [key: string]: Json }) => void, base = text): string {
  const doc = JSON.parse(base) as { [key: string]: Json };
  change(doc);
  return JSON.stringify(doc, null, 2);
}

function at(doc: Json, steps: readonly Step[]): Json {
  let node: Json = doc;
  for (const step of steps) node = (node as Record<string | number, Json>)[step] as Json;
  return node;
}

/** Sets a field or item; defineProperty, so a field named `__proto__` stays data. */
function setAt(doc: Json, steps: readonly Step[], value: Json | undefined) {
  const parent = at(doc, steps.slice(0, -1)) as Record<string | number, Json>;
  const last = steps[steps.length - 1] as Step;
  if (value === undefined) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
}

const INFORMATIONAL = ['patterns', 'diagnostics', 'tableDefinition'];

/** Every value of the layout part of the document (below the root), with its steps and JSON path. */
function layoutNodes(doc: Json): { steps: Step[]; path: string; value: Json }[] {
  const out: { steps: Step[]; path: string; value: Json }[] = [];
  const walk = (value: Json, steps: Step[], path: string) => {
    if (steps.length > 0) out.push({ steps, path, value });
    if (steps.length === 1 && INFORMATIONAL.includes(String(steps[0]))) return;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...steps, i], joinPath(path, i)));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...steps, key], joinPath(path, key));
  };
  walk(doc, [], '');
  return out;
}

/** The code as a string, whether or not DesignDiagnosticCode has joined the engine's union yet. */
const codeOf = (d: Diagnostic): string => d.code;

function errors(diagnostics: readonly Diagnostic[]) {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Parses `json` and expects it refused with `code` at `path` (and no throw). */
function refused(json: string, code: DesignDiagnosticCode, path: string): Diagnostic {
  const result = parseDesignJson(json);
  expect(result.design, `${code} at ${path}`).toBeUndefined();
  const found = result.diagnostics.find((d) => codeOf(d) === code && d.path === path && d.severity === 'error');
  if (!found) expect.fail(`expected ${code} at ${path}, got ${JSON.stringify(result.diagnostics, null, 1)}`);
  expect(found.span, `${code} at ${path} has a span`).toBeDefined();
  expect(formatDiagnostic(found)).toContain(path || 'the document');
  expect(formatDiagnostic(found)).toMatch(/^line \d+, col \d+: /);
  return found;
}

/** Every diagnostic lies inside `json`. */
function expectInside(json: string, diagnostics: readonly Diagnostic[], label: string) {
  const lines = json.split(/\r\n|\n|\r/);
  for (const d of diagnostics) {
    const s = d.span;
    if (!s) expect.fail(`${label}: no span on ${JSON.stringify(d)}`);
    const ok = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1]?.length ?? 0) + 1;
    if (!ok(s.line, s.column) || !ok(s.endLine, s.endColumn)) expect.fail(`${label}: span outside the text ${JSON.stringify(d)}`);
  }
}

/** Sets every value of the layout of `base` to a wrong type in turn, expecting it refused at the value; how many. */
function wrongTypeSweep(base: string): number {
  const paths = layoutNodes(JSON.parse(base) as Json);
  for (const { steps, path, value } of paths) {
    const wrong: Json = typeof value === 'string' ? 987654321 : 'WRONG-TYPE';
    const json = edit((doc) => setAt(doc, steps, wrong), base);
    const d = refused(json, 'design.wrongType', path);
    const line = json.split('\n')[(d.span?.line ?? 0) - 1] ?? '';
    expect(line.slice((d.span?.column ?? 0) - 1), path).toMatch(new RegExp(`^${JSON.stringify(wrong)}`));
  }
  return paths.length;
}

/**
 * Removes every field of the layout of `base` in turn, expecting it refused as missing. An index without
 * `keys` is composite: a native one that loses it lacks pkAttribute and has lists only native indexes have.
 */
function missingFieldSweep(base: string) {
  for (const { steps, path, value } of [{ steps: [] as Step[], path: '', value: JSON.parse(base) as Json }, ...layoutNodes(JSON.parse(base) as Json)]) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || path.endsWith('.keys') || INFORMATIONAL.includes(path)) continue;
    for (const field of Object.keys(value)) {
      if (path === '' && INFORMATIONAL.includes(field)) continue;
      const json = edit((doc) => setAt(doc, [...steps, field], undefined), base);
      const fieldPath = joinPath(path, field);
      if (fieldPath === 'format') refused(json, 'design.missingFormat', 'format');
      else if (/^entities\[\d+\]\.keys\.table$/.test(fieldPath)) refused(json, 'design.missingTableTemplate', fieldPath);
      else if (/^indexes\[\d+\]\.keys$/.test(fieldPath)) {
        refused(json, 'design.missingField', joinPath(path, 'pkAttribute'));
        refused(json, 'design.mixedKeys', joinPath(path, 'pk'));
      } else refused(json, 'design.missingField', fieldPath);
    }
  }
}

/** Adds an unknown field to every object of the layout of `base` in turn, expecting one warning and the layout `loaded`; how many. */
function unknownFieldSweep(base: string, loaded: LoadedDesign): number {
  const objects = [{ steps: [] as Step[], path: '', value: JSON.parse(base) as Json }, ...layoutNodes(JSON.parse(base) as Json)].filter(
    ({ path, value }) => value !== null && typeof value === 'object' && !Array.isArray(value) && !path.endsWith('.keys') && !INFORMATIONAL.includes(path),
  );
  for (const { steps, path } of objects) {
    const result = parseDesignJson(edit((doc) => setAt(doc, [...steps, 'sparse'], true), base));
    expect(result.design, path).toStrictEqual(loaded);
    expect(
      result.diagnostics.map((d) => [d.code, d.severity, d.path]),
      path,
    ).toEqual([['design.unknownField', 'warning', joinPath(path, 'sparse')]]);
    expect(result.diagnostics[0]?.message).toContain('ignored');
  }
  return objects.length;
}

describe('designJson', () => {
  it('starts with the format, then the model name, and states every index with its projection', () => {
    expect(text.startsWith(`{\n  "format": "${DESIGN_FORMAT}",\n  "model": "E-commerce",\n  "tableName": "ECommerce",`)).toBe(true);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['format', 'model', 'tableName', 'entityAttribute', 'indexes', 'entities', 'patterns', 'diagnostics', 'tableDefinition']);
    expect(doc.indexes).toEqual([
      { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK', projection: 'ALL' },
      { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK', projection: 'ALL' },
      { name: 'GSI2', kind: 'gsi', pkAttribute: 'GSI2PK', skAttribute: 'GSI2SK', projection: 'ALL' },
    ]);
    expect(JSON.parse(JSON.stringify(ecommerce.patterns))).toEqual(doc.patterns);
    expect(doc.tableDefinition).toMatchObject({ TableName: 'ECommerce', BillingMode: 'PAY_PER_REQUEST' });
  });

  it('is documented field by field in DESIGN-FORMAT.md, native indexes too', () => {
    const doc = readFileSync(new URL('./DESIGN-FORMAT.md', import.meta.url), 'utf8');
    expect(doc).toContain(`"format": "${DESIGN_FORMAT}"`);
    for (const base of [text, nativeText]) {
      const parsed = JSON.parse(base) as { [key: string]: Json };
      const fields = new Set<string>(Object.keys(parsed));
      for (const { path, value } of layoutNodes(parsed)) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !path.endsWith('.keys'))
          for (const key of Object.keys(value)) fields.add(key);
      }
      for (const field of fields) expect(doc, field).toContain(`"${field}"`);
    }
    expect(doc).toContain('"keys": "native"');
  });

  it('writes a native GSI with its keys: native, pk and sk lists of typed attributes', () => {
    const doc = JSON.parse(nativeText) as { indexes: Json[] };
    expect(doc.indexes.slice(3)).toEqual([
      {
        name: 'GSI3',
        kind: 'gsi',
        keys: 'native',
        pk: [
          { name: '_type', type: 'S' },
          { name: 'status', type: 'S' },
        ],
        sk: [
          { name: 'total', type: 'N' },
          { name: 'orderId', type: 'S' },
        ],
        projection: 'ALL',
      },
      {
        name: 'ByProduct',
        kind: 'gsi',
        keys: 'native',
        pk: [
          { name: '_type', type: 'S' },
          { name: 'productId', type: 'S' },
        ],
        sk: [],
        projection: 'ALL',
      },
    ]);
    expect(nativeDesign.patterns.at(-1)?.steps[0]?.index).toBe('GSI3');
  });
});

describe('parseDesignJson', () => {
  it('gives back exactly the layout of every example, test and conformance model', () => {
    const models = [...allModels().map((m) => ({ file: m.file, model: m.model })), ...sharedProblems.map((file) => ({ file, model: loadModel(file) }))];
    expect(sharedProblems.length).toBeGreaterThanOrEqual(5);
    for (const { file, model } of models) {
      const design = deriveDesign(model);
      const result = parseDesignJson(designJson(design));
      expect(result.diagnostics, file).toEqual([]);
      expect(result.design, file).toStrictEqual(layoutOf(design));
      expect(result.design, file).toStrictEqual({ modelName: model.name, ...designLayout(design) });
    }
  });

  it('keeps a chosen table name and the keys in index order', () => {
    const design = deriveDesign(exampleModel('ecommerce'), { tableName: 'Shop_2026.v1' });
    expect(parseDesignJson(designJson(design)).design?.tableName).toBe('Shop_2026.v1');
    const reordered = edit((doc) => {
      const keys = at(doc, ['entities', 0, 'keys']) as Record<string, Json>;
      setAt(doc, ['entities', 0, 'keys'], Object.fromEntries(Object.entries(keys).reverse()));
    });
    const loaded = parseDesignJson(reordered).design;
    expect(loaded).toStrictEqual(expected);
    expect(Object.keys(loaded?.entities[0]?.keys ?? {})).toEqual(['table', 'GSI1', 'GSI2']);
  });

  it('reads the layout as the contract: plans, diagnostics and the table definition are not read', () => {
    const changed = edit((doc) => {
      setAt(doc, ['patterns', 0], 42);
      setAt(doc, ['patterns', 1, 'steps'], 'anything');
      setAt(doc, ['diagnostics'], [{ nonsense: true }]);
      setAt(doc, ['tableDefinition', 'TableName'], 5);
    });
    expect(parseDesignJson(changed)).toStrictEqual({ design: expected, diagnostics: [] });
    const without = edit((doc) => {
      for (const field of INFORMATIONAL) setAt(doc, [field], undefined);
    });
    expect(parseDesignJson(without)).toStrictEqual({ design: expected, diagnostics: [] });
  });

  it('refuses another format with one clear message', () => {
    const missing = refused(
      edit((doc) => setAt(doc, ['format'], undefined)),
      'design.missingFormat',
      'format',
    );
    expect(missing.message).toContain(`"format": "${DESIGN_FORMAT}"`);
    const newer = edit((doc) => setAt(doc, ['format'], 'tablewright-design/2'));
    expect(refused(newer, 'design.badFormat', 'format').message).toContain('newer design format');
    expect(parseDesignJson(newer).diagnostics).toHaveLength(1);
    expect(
      refused(
        edit((doc) => setAt(doc, ['format'], 'tablewright-design/0')),
        'design.badFormat',
        'format',
      ).message,
    ).toContain(`it reads "${DESIGN_FORMAT}"`);
    const problem = readFileSync(sharedProblems[0] as string, 'utf8');
    expect(refused(problem, 'design.badFormat', 'format').message).toContain('this is a design problem, not a design');
    expect(parseDesignJson(problem).diagnostics).toHaveLength(1);
    refused(
      edit((doc) => setAt(doc, ['format'], 1)),
      'design.wrongType',
      'format',
    );
  });

  it('reports wrong types at every path of the layout, located at the value', () => {
    expect(wrongTypeSweep(text)).toBeGreaterThan(100);
  });

  it('reports every missing field of the layout', () => {
    missingFieldSweep(text);
  });

  it('warns about unknown fields and ignores them', () => {
    expect(unknownFieldSweep(text, expected)).toBeGreaterThan(50);
  });

  it('reports truncated JSON at a place inside the text, never throwing', () => {
    const end = text.trimEnd().length;
    const cuts = [...Array.from({ length: 300 }, (_, i) => i), ...Array.from({ length: 400 }, (_, i) => Math.floor(((i + 1) * end) / 401))];
    for (const cut of cuts) {
      const json = text.slice(0, cut);
      const result = parseDesignJson(json);
      expect(result.design, `cut at ${cut}`).toBeUndefined();
      expect(errors(result.diagnostics).length, `cut at ${cut}`).toBeGreaterThan(0);
      expect(
        result.diagnostics.every((d) => codeOf(d) === 'design.jsonSyntax'),
        `cut at ${cut}: ${JSON.stringify(result.diagnostics)}`,
      ).toBe(true);
      expectInside(json, result.diagnostics, `cut at ${cut}`);
    }
    expect(parseDesignJson('').diagnostics[0]?.message).toContain('the document is empty: a design is a JSON object');
    expect(parseDesignJson('\ufeff  \n').diagnostics.map((d) => d.code)).toEqual(['design.jsonSyntax']);
    expect(parseDesignJson('['.repeat(5000)).diagnostics.map((d) => d.code)).toEqual(['design.jsonTooDeep']);
    refused('[]', 'design.wrongType', '');
    refused('null', 'design.wrongType', '');
  });

  it('survives random damage: a layout or errors, every diagnostic inside the text', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const junk = [
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      '"',
      '\\',
      '#',
      'null',
      '0',
      '-1',
      'true',
      '"x"',
      '\n',
      '😀',
      '\ud800',
      '"table"',
      '"GSI1"',
      '"literal"',
      '"native"',
      '"N"',
    ];
    for (let round = 0; round < 600; round++) {
      // Every third round damages the design with native GSIs.
      let json = round % 3 === 2 ? nativeText : text;
      for (let step = 0, steps = 1 + random(4); step < steps; step++) {
        const i = random(json.length);
        const choice = random(3);
        if (choice === 0) json = json.slice(0, i) + json.slice(i + 1 + random(8));
        else if (choice === 1) json = json.slice(0, i) + (junk[random(junk.length)] ?? '') + json.slice(i);
        else json = json.slice(0, i) + json.slice(i, i + random(40)) + json.slice(i);
      }
      const result = parseDesignJson(json);
      expectInside(json, result.diagnostics, `round ${round}`);
      if (result.design) expect(errors(result.diagnostics), `round ${round}`).toEqual([]);
      else expect(errors(result.diagnostics).length, `round ${round}`).toBeGreaterThan(0);
    }
  });

  describe('validates what a design must satisfy', () => {
    const set = (steps: Step[], value: Json | undefined) => edit((doc) => setAt(doc, steps, value));
    const segment = (...steps: Step[]): Step[] => ['entities', 0, 'keys', 'table', ...steps];

    it('a valid table name and index names', () => {
      expect(refused(set(['tableName'], 'ab'), 'design.invalidName', 'tableName').message).toContain('3 to 255 characters');
      expect(refused(set(['indexes', 1, 'name'], 'GSI 1'), 'design.invalidName', 'indexes[1].name').message).toContain(
        'a DynamoDB index name is 3 to 255 characters',
      );
      refused(set(['indexes', 1, 'name'], 'G1'), 'design.invalidName', 'indexes[1].name');
      refused(set(['indexes', 1, 'name'], 'x'.repeat(256)), 'design.invalidName', 'indexes[1].name');
      expect(refused(set(['indexes', 2, 'name'], 'GSI1'), 'design.duplicateIndex', 'indexes[2].name').message).toContain('is already the name of indexes[1]');
      refused(set(['indexes', 1, 'name'], 'table'), 'design.duplicateIndex', 'indexes[1].name');
    });

    it('the table first, its name "table", GSIs after it, known kinds and projections', () => {
      refused(set(['indexes', 0, 'name'], 'base'), 'design.tableIndex', 'indexes[0].name');
      refused(set(['indexes', 0, 'kind'], 'gsi'), 'design.tableIndex', 'indexes[0].kind');
      refused(set(['indexes', 1, 'kind'], 'table'), 'design.tableIndex', 'indexes[1].kind');
      refused(set(['indexes'], []), 'design.tableIndex', 'indexes');
      refused(set(['indexes', 1, 'kind'], 'lsi'), 'design.unknownValue', 'indexes[1].kind');
      expect(refused(set(['indexes', 1, 'projection'], 'KEYS_ONLY'), 'design.unknownValue', 'indexes[1].projection').message).toContain('must be "ALL"');
    });

    it('key attribute names: present, at most 255 bytes, none shared', () => {
      refused(set(['indexes', 0, 'pkAttribute'], ''), 'design.invalidName', 'indexes[0].pkAttribute');
      refused(set(['indexes', 1, 'skAttribute'], 'a'.repeat(256)), 'design.invalidName', 'indexes[1].skAttribute');
      refused(set(['indexes', 1, 'skAttribute'], '€'.repeat(86)), 'design.invalidName', 'indexes[1].skAttribute');
      expect(parseDesignJson(set(['indexes', 1, 'skAttribute'], '€'.repeat(85))).design).toBeDefined();
      expect(refused(set(['indexes', 1, 'pkAttribute'], 'PK'), 'design.keyAttributeCollision', 'indexes[1].pkAttribute').message).toContain(
        'is already indexes[0].pkAttribute',
      );
      refused(set(['indexes', 0, 'skAttribute'], 'PK'), 'design.keyAttributeCollision', 'indexes[0].skAttribute');
      refused(set(['entityAttribute'], 'GSI2SK'), 'design.keyAttributeCollision', 'entityAttribute');
      refused(set(['entityAttribute'], ''), 'design.invalidName', 'entityAttribute');
    });

    it('entities: names, unique labels, a table template, templates only for existing indexes', () => {
      refused(set(['entities', 1, 'entity'], 'User'), 'design.duplicateEntity', 'entities[1].entity');
      refused(set(['entities', 0, 'entity'], 'Not-A-Name'), 'design.invalidName', 'entities[0].entity');
      expect(refused(set(['entities', 2, 'label'], 'USER'), 'design.duplicateLabel', 'entities[2].label').message).toContain(
        'is already the label of entities[0]',
      );
      refused(set(['entities', 0, 'label'], 'US#ER'), 'design.invalidLabel', 'entities[0].label');
      refused(set(['entities', 0, 'label'], ''), 'design.invalidLabel', 'entities[0].label');
      refused(set(['entities', 0, 'keys', 'table'], undefined), 'design.missingTableTemplate', 'entities[0].keys.table');
      const template = at(JSON.parse(text) as Json, ['entities', 0, 'keys', 'GSI1']);
      expect(refused(set(['entities', 0, 'keys', 'GSI9'], template), 'design.unknownIndex', 'entities[0].keys.GSI9').message).toContain(
        'indexes: table, GSI1, GSI2',
      );
      expect(parseDesignJson(set(['entities', 0, 'keys', 'GSI1'], undefined)).design?.entities[0]?.keys).not.toHaveProperty('GSI1');
      refused(set(['indexes', 1, 'name'], 'GSI9'), 'design.unknownIndex', 'entities[0].keys.GSI1');
    });

    it('segments: literal text that keys can hold, or attribute names; no empty key', () => {
      refused(set(segment('pk'), []), 'design.emptyTemplate', 'entities[0].keys.table.pk');
      refused(set(segment('sk'), []), 'design.emptyTemplate', 'entities[0].keys.table.sk');
      refused(set(segment('pk', 0, 'kind'), 'param'), 'design.unknownValue', 'entities[0].keys.table.pk[0].kind');
      refused(set(segment('pk', 1, 'name'), 'e-mail'), 'design.invalidName', 'entities[0].keys.table.pk[1].name');
      expect(refused(set(segment('pk', 0, 'text'), 'US#ER'), 'design.invalidLiteral', 'entities[0].keys.table.pk[0].text').message).toContain('contains "#"');
      refused(set(segment('sk', 0, 'text'), 'A B'), 'design.invalidLiteral', 'entities[0].keys.table.sk[0].text');
      refused(set(segment('pk', 0, 'text'), ''), 'design.invalidLiteral', 'entities[0].keys.table.pk[0].text');
      refused(set(segment('sk', 0, 'text'), ''), 'design.invalidLiteral', 'entities[0].keys.table.sk[0].text');
      // The empty literal that ends a sort key (a `<` on its last attribute) is a terminator.
      const terminated = parseDesignJson(set(segment('sk', 1), { kind: 'literal', text: '' }));
      expect(terminated.design?.entities[0]?.keys.table?.sk).toEqual([
        { kind: 'literal', text: 'USER' },
        { kind: 'literal', text: '' },
      ]);
      const extra = parseDesignJson(set(segment('pk', 0, 'name'), 'email'));
      expect(extra.design).toBeDefined();
      expect(extra.diagnostics.map((d) => [d.code, d.path])).toEqual([['design.unknownField', 'entities[0].keys.table.pk[0].name']]);
    });

    it('fields given twice', () => {
      refused(text.replace('"model": "E-commerce",', '"model": "E-commerce", "model": "again",'), 'design.duplicateField', 'model');
      refused(text.replace('"GSI2": {', '"GSI1": {'), 'design.duplicateField', 'entities[0].keys.GSI1');
    });

    it('index names that are also Object.prototype names stay data', () => {
      const renamed = text.replaceAll('"GSI1"', '"__proto__"');
      const loaded = parseDesignJson(renamed).design;
      expect(loaded?.indexes[1]?.name).toBe('__proto__');
      const keys = loaded?.entities[0]?.keys ?? {};
      expect(Object.getPrototypeOf(keys)).toBe(Object.prototype);
      expect(Object.keys(keys)).toEqual(['table', '__proto__', 'GSI2']);
    });
  });

  it('orders diagnostics by position and hands out no layout beside an error', () => {
    const json = edit((doc) => {
      setAt(doc, ['entities', 3, 'label'], 'US#ER');
      setAt(doc, ['tableName'], 'x');
      setAt(doc, ['indexes', 0, 'future'], 1);
    });
    const result = parseDesignJson(json);
    expect(result.design).toBeUndefined();
    expect(result.diagnostics.map((d) => d.path)).toEqual(['tableName', 'indexes[0].future', 'entities[3].label']);
  });
});

describe('parseDesignJson: native GSI keys', () => {
  const set = (steps: Step[], value: Json | undefined) => edit((doc) => setAt(doc, steps, value), nativeText);
  // indexes: table, GSI1, GSI2 (composite), GSI3, ByProduct (native); entities: User, Order, Product, Review.
  const GSI3 = ['indexes', 3];
  const orderGsi3 = ['entities', 1, 'keys', 'GSI3'];

  it('reads a layout with native GSIs back exactly, and writes it again the same', () => {
    const result = parseDesignJson(nativeText);
    expect(result).toStrictEqual({ design: nativeExpected, diagnostics: [] });
    const loaded = result.design as LoadedDesign;
    expect(designJson(planDesign(nativeModel, loaded))).toBe(nativeText);
    expect(loaded.entities[2]?.keys.ByProduct).toEqual({ pk: [literal('Product'), attribute('productId')], sk: [] });
  });

  it('reads "keys": "composite" as an index without "keys"', () => {
    expect(parseDesignJson(set(['indexes', 1, 'keys'], 'composite'))).toStrictEqual({ design: nativeExpected, diagnostics: [] });
  });

  it('reports wrong types, missing fields and unknown fields in native indexes and their templates', () => {
    wrongTypeSweep(nativeText);
    missingFieldSweep(nativeText);
    unknownFieldSweep(nativeText, nativeExpected);
  });

  it('refuses a "keys" other than "composite" or "native"', () => {
    const d = refused(set([...GSI3, 'keys'], 'multi'), 'design.unknownValue', 'indexes[3].keys');
    expect(d.message).toBe(
      'indexes[3].keys must be "composite" (the default: pkAttribute and skAttribute) or "native" (pk and sk lists of the items\' own attributes), but it is "multi"',
    );
  });

  it('refuses native keys on the table', () => {
    const json = edit((doc) => {
      setAt(doc, ['indexes', 0], {
        name: 'table',
        kind: 'table',
        keys: 'native',
        pk: [
          { name: '_type', type: 'S' },
          { name: 'email', type: 'S' },
        ],
        sk: [],
        projection: 'ALL',
      });
    }, nativeText);
    const d = refused(json, 'design.nativeTable', 'indexes[0].keys');
    expect(d.message).toBe(
      'indexes[0].keys is "native", but indexes[0] is the table: the table\'s key is always composite (pkAttribute and skAttribute); only a GSI can have native keys',
    );
  });

  it('refuses pk and sk on a composite index, and pkAttribute or skAttribute on a native one', () => {
    const onComposite = refused(set(['indexes', 1, 'pk'], [{ name: '_type', type: 'S' }]), 'design.mixedKeys', 'indexes[1].pk');
    expect(onComposite.message).toBe(
      'indexes[1].pk: a composite index (no "keys", or "keys": "composite") is keyed by pkAttribute and skAttribute; "pk" and "sk" lists are for a native index ("keys": "native")',
    );
    refused(set(['indexes', 2, 'sk'], []), 'design.mixedKeys', 'indexes[2].sk');
    const onNative = refused(set([...GSI3, 'pkAttribute'], 'GSI3PK'), 'design.mixedKeys', 'indexes[3].pkAttribute');
    expect(onNative.message).toBe(
      'indexes[3].pkAttribute: a native index ("keys": "native") is keyed by its "pk" and "sk" lists of the items\' own attributes; pkAttribute and skAttribute are for a composite index',
    );
    refused(set([...GSI3, 'skAttribute'], 'GSI3SK'), 'design.mixedKeys', 'indexes[3].skAttribute');
  });

  it('refuses a native partition key of no attributes or more than 4, and a sort key of more than 4', () => {
    const attributes = (n: number): Json[] => Array.from({ length: n }, (_, i) => ({ name: i === 0 ? '_type' : `a${i}`, type: 'S' }));
    expect(refused(set([...GSI3, 'pk'], []), 'design.nativeKeyCount', 'indexes[3].pk').message).toBe(
      "indexes[3].pk has 0 attributes: a native partition key has 1 to 4 (the entity attribute first, then the items' own attributes)",
    );
    refused(set([...GSI3, 'pk'], attributes(5)), 'design.nativeKeyCount', 'indexes[3].pk');
    expect(refused(set([...GSI3, 'sk'], [...attributes(5).slice(1), { name: 'a5', type: 'N' }]), 'design.nativeKeyCount', 'indexes[3].sk').message).toBe(
      'indexes[3].sk has 5 attributes: a native sort key has 0 to 4',
    );
    // The most DynamoDB takes is read (the templates then do not fit, which is another refusal).
    const full = parseDesignJson(set([...GSI3, 'pk'], attributes(4)));
    expect(full.diagnostics.map((d) => d.code)).not.toContain('design.nativeKeyCount');
  });

  it('refuses a type other than "S" or "N"', () => {
    const d = refused(set([...GSI3, 'sk', 0, 'type'], 'B'), 'design.unknownValue', 'indexes[3].sk[0].type');
    expect(d.message).toBe('indexes[3].sk[0].type must be "S" (string) or "N" (number), the DynamoDB type of the attribute, but it is "B"');
  });

  it('refuses attribute names that are not DynamoDB key attribute names, or not attribute names of the items', () => {
    expect(refused(set([...GSI3, 'pk', 1, 'name'], ''), 'design.invalidName', 'indexes[3].pk[1].name').message).toBe(
      'indexes[3].pk[1].name "" is empty: a DynamoDB key attribute name is 1 to 255 bytes of UTF-8',
    );
    refused(set([...GSI3, 'sk', 1, 'name'], 'a'.repeat(256)), 'design.invalidName', 'indexes[3].sk[1].name');
    expect(refused(set([...GSI3, 'sk', 1, 'name'], 'order id'), 'design.invalidName', 'indexes[3].sk[1].name').message).toBe(
      'indexes[3].sk[1].name "order id" is not an attribute name: a native key attribute is an attribute of the items, and names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)',
    );
  });

  it('refuses a partition key that does not start with the entity attribute, typed S', () => {
    const other = refused(set([...GSI3, 'pk', 0, 'name'], 'kind'), 'design.nativeEntityAttribute', 'indexes[3].pk[0].name');
    expect(other.message).toBe(
      'indexes[3].pk[0].name is "kind", but a native partition key starts with the entity attribute "_type" (entityAttribute), so that each entity\'s items have partitions of their own',
    );
    const number = refused(set(['indexes', 4, 'pk', 0, 'type'], 'N'), 'design.nativeEntityAttribute', 'indexes[4].pk[0].type');
    expect(number.message).toBe('indexes[4].pk[0].type is "N", but the entity attribute holds entity names: its type is "S"');
  });

  it('refuses an attribute named twice in one index', () => {
    const d = refused(set([...GSI3, 'sk', 1, 'name'], 'status'), 'design.keyAttributeCollision', 'indexes[3].sk[1].name');
    expect(d.message).toBe('indexes[3].sk[1].name "status" is already indexes[3].pk[1].name: an index names each key attribute once');
  });

  it('refuses an attribute with two types across native indexes', () => {
    const d = refused(set(['indexes', 4, 'pk', 1], { name: 'total', type: 'S' }), 'design.keyAttributeType', 'indexes[4].pk[1].type');
    expect(d.message).toBe(
      'indexes[4].pk[1].type is "S", but "total" is "N" at indexes[3].sk[0].type: DynamoDB\'s AttributeDefinitions give an attribute one type, in every index it keys',
    );
    // One name in two native indexes with one type is one attribute: _type keys both.
    expect(parseDesignJson(set(['indexes', 4, 'sk'], [{ name: 'status', type: 'S' }])).diagnostics.map((d) => d.code)).not.toContain('design.keyAttributeType');
  });

  it('refuses a native key attribute that is a composite key attribute, either way round', () => {
    const native = refused(set([...GSI3, 'sk', 1, 'name'], 'GSI1SK'), 'design.keyAttributeCollision', 'indexes[3].sk[1].name');
    expect(native.message).toBe(
      'indexes[3].sk[1].name "GSI1SK" is already indexes[1].skAttribute, which holds a composite index\'s encoded keys: a native index is keyed on the items\' own attributes',
    );
    // A composite index after a native one: GSI3 first, then GSI2 keyed by PK "status".
    const json = edit((doc) => {
      const indexes = doc.indexes as Json[];
      doc.indexes = [indexes[0], indexes[1], indexes[3], { ...(indexes[2] as { [key: string]: Json }), pkAttribute: 'status' }, indexes[4]] as Json[];
    }, nativeText);
    const composite = refused(json, 'design.keyAttributeCollision', 'indexes[3].pkAttribute');
    expect(composite.message).toBe(
      'indexes[3].pkAttribute "status" is already indexes[2].pk[1].name, an attribute of the items that a native index is keyed on: a composite index has key attributes of its own, which hold encoded keys',
    );
  });

  it('refuses a template with more or fewer segments than the index has key attributes', () => {
    const fewer = refused(set([...orderGsi3, 'sk'], [attribute('total')] as Json), 'design.nativeTemplate', 'entities[1].keys.GSI3.sk');
    expect(fewer.message).toBe(
      "entities[1].keys.GSI3.sk has 1 segment, but GSI3's sort key has 2 (total, orderId): in a native index, a template has one segment per key attribute, in order",
    );
    const more = refused(
      set(['entities', 2, 'keys', 'ByProduct', 'sk'], [attribute('productId')] as Json),
      'design.nativeTemplate',
      'entities[2].keys.ByProduct.sk',
    );
    expect(more.message).toBe(
      "entities[2].keys.ByProduct.sk has 1 segment, but ByProduct's sort key has no attributes: in a native index, a template has one segment per key attribute, in order",
    );
    refused(set([...orderGsi3, 'pk'], []), 'design.nativeTemplate', 'entities[1].keys.GSI3.pk');
  });

  it('refuses a partition key that does not start with the literal entity name', () => {
    const label = refused(set([...orderGsi3, 'pk', 0, 'text'], 'ORDER'), 'design.nativeTemplate', 'entities[1].keys.GSI3.pk[0].text');
    expect(label.message).toBe(
      'entities[1].keys.GSI3.pk[0].text is "ORDER", but it must be "Order", the entity\'s name: a native partition key starts with the entity attribute "_type", which holds the entity\'s name (not its label)',
    );
    const notLiteral = refused(set([...orderGsi3, 'pk', 0], attribute('_type') as Json), 'design.nativeTemplate', 'entities[1].keys.GSI3.pk[0]');
    expect(notLiteral.message).toBe(
      'entities[1].keys.GSI3.pk[0] must be {"kind": "literal", "text": "Order"}: a native partition key starts with the entity attribute "_type", which holds the entity\'s name',
    );
  });

  it('refuses any other segment that is not the key attribute at its position', () => {
    const other = refused(set([...orderGsi3, 'sk', 0, 'name'], 'createdAt'), 'design.nativeTemplate', 'entities[1].keys.GSI3.sk[0].name');
    expect(other.message).toBe(
      'entities[1].keys.GSI3.sk[0].name is "createdAt", but it must be "total": in a native index, each segment names the key attribute at its position (GSI3\'s sk[0])',
    );
    const swapped = refused(
      set([...orderGsi3, 'sk'], [attribute('orderId'), attribute('total')] as Json),
      'design.nativeTemplate',
      'entities[1].keys.GSI3.sk[1].name',
    );
    expect(swapped.message).toContain('but it must be "orderId"');
    const notAttribute = refused(set([...orderGsi3, 'pk', 1], literal('PAID') as Json), 'design.nativeTemplate', 'entities[1].keys.GSI3.pk[1]');
    expect(notAttribute.message).toBe(
      'entities[1].keys.GSI3.pk[1] must be {"kind": "attribute", "name": "status"}: in a native index, each segment is the key attribute at its position (GSI3\'s pk[1])',
    );
    // The empty literal that ends a composite sort key is no segment of a native one.
    refused(set([...orderGsi3, 'sk', 1], literal('') as Json), 'design.nativeTemplate', 'entities[1].keys.GSI3.sk[1]');
  });

  it('keeps composite templates as they were: an empty sort key is still refused there', () => {
    refused(set(['entities', 2, 'keys', 'table', 'sk'], []), 'design.emptyTemplate', 'entities[2].keys.table.sk');
  });

  it('reports every problem at once, in source order', () => {
    const json = edit((doc) => {
      setAt(doc, [...GSI3, 'pk', 0, 'name'], 'kind');
      setAt(doc, [...GSI3, 'sk', 0, 'type'], 'B');
      setAt(doc, ['indexes', 1, 'sk'], []);
      setAt(doc, [...orderGsi3, 'pk', 0, 'text'], 'ORDER');
      setAt(doc, ['entities', 3, 'keys', 'ByProduct', 'sk'], [attribute('userId')] as Json);
    }, nativeText);
    const result = parseDesignJson(json);
    expect(result.design).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['design.mixedKeys', 'indexes[1].sk'],
      ['design.nativeEntityAttribute', 'indexes[3].pk[0].name'],
      ['design.unknownValue', 'indexes[3].sk[0].type'],
      ['design.nativeTemplate', 'entities[1].keys.GSI3.pk[0].text'],
      ['design.nativeTemplate', 'entities[3].keys.ByProduct.sk'],
    ]);
  });
});
