import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProblemJson } from './parseProblemJson.ts';
import { problemToJson } from './problemToJson.ts';
import type { Model } from './types.ts';
import type { Diagnostic } from './diagnostics.ts';

/**
 * The diagnostics but the warnings for a range on an equality attribute: the
 * boolean-ranges test model has such ranges on purpose (they become filters);
 * the warning itself is checked in validateModel.test.ts.
 */
const withoutRangeOnEquality = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'model.rangeOnEquality');

// The canonical examples (src/examples, copies of ../shared/problems) and the engine's test models.
const problemDirs = [new URL('../../examples/', import.meta.url), new URL('../testing/problems/', import.meta.url)].map((u) => fileURLToPath(u));
const problemPaths = problemDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .map((f) => dir + f),
);

const shop: Model = {
  name: 'Shop',
  entities: [
    { name: 'User', attributes: [{ name: 'email', type: 'string' }], key: ['email'], belongsTo: [] },
    {
      name: 'Order',
      attributes: [
        { name: 'orderId', type: 'string' },
        { name: 'email', type: 'string' },
        { name: 'level', type: 'number', values: [1, 2, 3] },
      ],
      key: ['orderId'],
      belongsTo: [{ entity: 'User', via: ['email'] }],
      count: 3,
    },
  ],
  patterns: [{ name: 'getOrders', entity: 'Order', equals: ['email'], include: [], returns: 'many' }],
};

describe('problemToJson', () => {
  it('round-trips every example problem: JSON → model → JSON → the same model', () => {
    expect(problemPaths.length).toBeGreaterThanOrEqual(5);
    for (const file of problemPaths) {
      const model = parseProblemJson(readFileSync(file, 'utf8')).model;
      expect(model, file).toBeDefined();
      if (!model) continue;
      const again = parseProblemJson(problemToJson(model));
      expect(withoutRangeOnEquality(again.diagnostics), file).toEqual([]);
      expect(again.model, file).toEqual(model);
    }
  });

  it('writes the same JSON as JSON.stringify would hold, with format first', () => {
    const written = problemToJson(shop);
    const parsed = JSON.parse(written) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'name', 'entities', 'patterns']);
    expect(parsed.format).toBe('ddb-design-problem/1');
    expect(parsed.patterns).toEqual([{ name: 'getOrders', entity: 'Order', equals: ['email'], include: [], returns: 'many' }]);
  });

  it('writes fields in FORMAT.md order and optional fields only when present', () => {
    const written = JSON.parse(problemToJson(shop)) as { entities: Record<string, unknown>[] };
    expect(Object.keys(written.entities[0] ?? {})).toEqual(['name', 'attributes', 'key']);
    expect(Object.keys(written.entities[1] ?? {})).toEqual(['name', 'attributes', 'key', 'belongsTo', 'count']);
    const pattern = {
      name: 'p',
      text: 't',
      entity: 'Order',
      equals: [],
      range: { attribute: 'level', op: '>' as const },
      order: { attribute: 'level', direction: 'asc' as const },
      include: [],
      returns: 'one' as const,
    };
    const withAll = JSON.parse(problemToJson({ ...shop, source: 's', patterns: [pattern] })) as { patterns: Record<string, unknown>[] };
    expect(Object.keys(withAll)).toEqual(['format', 'name', 'source', 'entities', 'patterns']);
    expect(Object.keys(withAll.patterns[0] ?? {})).toEqual(['name', 'text', 'entity', 'equals', 'range', 'order', 'include', 'returns']);
  });

  it('indents with two spaces and keeps small objects on one line', () => {
    const written = problemToJson(shop);
    expect(written).toContain('\n  "entities": [\n    {\n      "name": "User",\n      "attributes": [{ "name": "email", "type": "string" }],');
    expect(written).toContain('\n        { "name": "level", "type": "number", "values": [1, 2, 3] }\n');
    expect(written.endsWith('}\n')).toBe(true);
  });

  it('writes optional: true after values, only on optional attributes, and reads it back', () => {
    const model: Model = {
      ...shop,
      entities: shop.entities.map((e, i) =>
        i === 1 ? { ...e, attributes: [...e.attributes, { name: 'note', type: 'string', values: ['a'], optional: true }] } : e,
      ),
    };
    const written = problemToJson(model);
    expect(written).toContain('{ "name": "note", "type": "string", "values": ["a"], "optional": true }');
    expect(written.match(/"optional"/g)).toHaveLength(1);
    expect(parseProblemJson(written).model).toEqual(model);
  });

  it('writes unique, version, ttl and the table in FORMAT.md order, only when present, and reads them back', () => {
    const model: Model = {
      ...shop,
      table: { name: 'Shop', billing: 'provisioned', read: 5, write: 2, stream: 'NEW_IMAGE', pitr: false, deletionProtection: true, tableClass: 'STANDARD' },
      entities: shop.entities.map((e, i) =>
        i === 1
          ? {
              ...e,
              attributes: [...e.attributes, { name: 'v', type: 'number' }, { name: 'exp', type: 'number' }],
              unique: [['email', 'level'], ['v']],
              version: 'v',
              ttl: 'exp',
            }
          : e,
      ),
    };
    const written = problemToJson(model);
    const parsed = JSON.parse(written) as { table: Record<string, unknown>; entities: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['format', 'name', 'table', 'entities', 'patterns']);
    expect(Object.keys(parsed.table)).toEqual(['name', 'billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'tableClass']);
    expect(Object.keys(parsed.entities[1] ?? {})).toEqual(['name', 'attributes', 'key', 'belongsTo', 'count', 'unique', 'version', 'ttl']);
    expect(written).toContain('"unique": [["email", "level"], ["v"]],');
    expect(parseProblemJson(written).model).toEqual(model);
    // Only what is set; false is set.
    const some = JSON.parse(problemToJson({ ...shop, table: { pitr: false } })) as { table: unknown };
    expect(some.table).toEqual({ pitr: false });
    expect(problemToJson({ ...shop, table: {} })).toContain('\n  "table": {},\n');
    expect(problemToJson(shop)).not.toMatch(/"(table|unique|version|ttl)"/);
  });

  it('round-trips text that needs escapes', () => {
    const model: Model = { ...shop, name: 'quote " backslash \\ newline \n tab \t é \u2028 \ud800', source: '' };
    expect(parseProblemJson(problemToJson(model)).model).toEqual(model);
  });
});
