import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import { parseProblemJson } from './parseProblemJson.ts';

/**
 * The diagnostics but the warnings for a range on an equality attribute: the
 * boolean-ranges test model has such ranges on purpose (they become filters);
 * the warning itself is checked in validateModel.test.ts.
 */
const withoutRangeOnEquality = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'model.rangeOnEquality');
/** Less the warning that the AWS SDK drops an attribute named __proto__ (validateModel.test.ts checks it). */
const withoutSdkWarning = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'model.sdkDropsAttribute');

// The canonical examples (src/examples, copies of ../shared/problems) and the engine's test models.
const problemDirs = [new URL('../../examples/', import.meta.url), new URL('../testing/problems/', import.meta.url)].map((u) => fileURLToPath(u));
const problemPaths = problemDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.problem.json'))
    .map((f) => dir + f),
);
const examplePath = (slug: string) => `${problemDirs[0]}${slug}.problem.json`;

const minimal = (body: string) => `{
  "format": "ddb-design-problem/1",
  "name": "Shop",
  "entities": [
    { "name": "User", "attributes": [{ "name": "email", "type": "string" }], "key": ["email"] }
  ],
  "patterns": [${body}]
}`;

/** The source text a diagnostic's span covers (spans of one line). */
const spanText = (text: string, d: Diagnostic) =>
  (text.split('\n')[(d.span?.line ?? 0) - 1] ?? '').slice((d.span?.column ?? 0) - 1, (d.span?.endColumn ?? 0) - 1);

describe('parseProblemJson', () => {
  it('reads every example problem without a diagnostic', () => {
    expect(problemPaths.length).toBeGreaterThanOrEqual(5);
    for (const file of problemPaths) {
      const result = parseProblemJson(readFileSync(file, 'utf8'));
      expect(withoutRangeOnEquality(result.diagnostics), file).toEqual([]);
      expect(result.model, file).toBeDefined();
    }
  });

  it('reads the fields of FORMAT.md into the model', () => {
    const result = parseProblemJson(readFileSync(examplePath('ecommerce'), 'utf8'));
    const model = result.model;
    expect(model?.name).toBe('E-commerce');
    expect(model?.entities.map((e) => e.name)).toEqual(['User', 'Order', 'Product', 'Review']);
    expect(model?.entities[0]).toEqual({
      name: 'User',
      attributes: [
        { name: 'email', type: 'string' },
        { name: 'userId', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'plan', type: 'string', values: ['free', 'premium'] },
        { name: 'createdAt', type: 'datetime' },
      ],
      key: ['email'],
      belongsTo: [],
      count: 80,
    });
    expect(model?.patterns.find((p) => p.name === 'getRecentUserOrders')).toEqual({
      name: 'getRecentUserOrders',
      text: "Get a user's orders since a date",
      entity: 'Order',
      equals: ['userEmail'],
      range: { attribute: 'createdAt', op: '>=' },
      order: { attribute: 'createdAt', direction: 'desc' },
      returns: 'many',
    });
  });

  it('records a span for every value by JSON path', () => {
    const text = readFileSync(examplePath('ecommerce'), 'utf8');
    const { sourceMap } = parseProblemJson(text);
    const lines = text.split('\n');
    const at = (path: string) => {
      const span = sourceMap.get(path);
      return span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
    };
    expect(at('entities[1].attributes[2].name')).toBe('"status"');
    expect(at('patterns[3].include[0]')).toBe('"Order"');
    expect(at('entities[0].count')).toBe('80');
    expect(sourceMap.get('')).toMatchObject({ line: 1, column: 1 });
  });

  it('names the place of a semantic error, as FORMAT.md shows', () => {
    const text = readFileSync(examplePath('ecommerce'), 'utf8').replace('"equals": ["status"]', '"equals": ["state"]');
    const result = parseProblemJson(text);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({
      code: 'model.unknownAttribute',
      path: 'patterns[7].equals[0]',
      message: 'Order has no attribute "state" — did you mean "status"?',
    });
    const line = text.split('\n')[(d?.span?.line ?? 0) - 1] ?? '';
    expect(line.slice((d?.span?.column ?? 0) - 1, (d?.span?.endColumn ?? 0) - 1)).toBe('"state"');
  });

  it('reports every structural problem at once, each located', () => {
    const text = `{
  "format": "ddb-design-problem/1",
  "name": 5,
  "entities": [
    { "name": "User", "attributes": [{ "name": "email" }], "key": ["email"], "colour": "red" },
    { "name": "Order", "attributes": [], "key": "id", "key": ["id"] }
  ],
  "patterns": [{ "name": "p", "entity": "User", "equals": ["email"] }]
}`;
    const result = parseProblemJson(text);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path, d.severity, d.span?.line, d.span?.column])).toEqual([
      ['model.wrongType', 'name', 'error', 3, 11],
      ['model.missingField', 'entities[0].attributes[0].type', 'error', 5, 38],
      ['model.unknownField', 'entities[0].colour', 'warning', 5, 78],
      ['model.wrongType', 'entities[1].key', 'error', 6, 49],
      ['model.duplicateField', 'entities[1].key', 'error', 6, 55],
      ['model.missingField', 'patterns[0].returns', 'error', 8, 16],
    ]);
    expect(formatDiagnostic(result.diagnostics[0]!)).toBe('line 3, col 11: name must be a string, but it is the number 5');
  });

  it('does not report what follows from a part it could not read', () => {
    // The attribute with no name could be the one the key names; the entity with no name
    // could be the one the pattern names.
    const text = `{
  "format": "ddb-design-problem/1", "name": "x",
  "entities": [
    { "name": "User", "attributes": [{ "type": "string" }], "key": ["email"] },
    { "attributes": [{ "name": "id", "type": "string" }], "key": ["id"] }
  ],
  "patterns": [{ "name": "p", "entity": "Order", "equals": [], "returns": "many" }]
}`;
    const result = parseProblemJson(text);
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['model.missingField', 'entities[0].attributes[0].name'],
      ['model.missingField', 'entities[1].name'],
    ]);
  });

  it('still reports semantic errors elsewhere in the same file', () => {
    const result = parseProblemJson(minimal(`{ "name": "p", "entity": "Usr", "equals": [], "returns": 1 }`));
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['model.unknownEntity', 'patterns[0].entity'],
      ['model.wrongType', 'patterns[0].returns'],
    ]);
  });

  it('warns about unknown fields and ignores them', () => {
    const result = parseProblemJson(minimal(`{ "name": "p", "entity": "User", "equals": ["email"], "returns": "one", "speed": 100 }`));
    expect(result.model?.patterns[0]).toEqual({ name: 'p', entity: 'User', equals: ['email'], returns: 'one' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'model.unknownField',
        severity: 'warning',
        path: 'patterns[0].speed',
        span: { line: 7, column: 88, endLine: 7, endColumn: 95 },
      }),
    ]);
  });

  it('refuses another format version and warns when the format is missing', () => {
    const other = parseProblemJson(minimal('').replace('ddb-design-problem/1', 'ddb-design-problem/2'));
    expect(other.model).toBeUndefined();
    expect(other.diagnostics).toEqual([
      expect.objectContaining({ code: 'model.badFormat', path: 'format', span: expect.objectContaining({ line: 2, column: 13 }) }),
    ]);
    const missing = parseProblemJson(minimal('').replace('"format": "ddb-design-problem/1",', ''));
    expect(missing.model).toBeDefined();
    expect(missing.diagnostics).toEqual([expect.objectContaining({ code: 'model.missingFormat', severity: 'warning' })]);
  });

  it('reads "optional": true on an attribute, false as not optional, and refuses another value where it is', () => {
    const withAttribute = (attribute: string) =>
      minimal('').replace('[{ "name": "email", "type": "string" }]', `[{ "name": "email", "type": "string" }, ${attribute}]`);
    const result = parseProblemJson(withAttribute('{ "name": "rating", "type": "number", "optional": true }'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.entities[0]?.attributes[1]).toEqual({ name: 'rating', type: 'number', optional: true });
    const no = parseProblemJson(withAttribute('{ "name": "rating", "type": "number", "optional": false }'));
    expect(no.diagnostics).toEqual([]);
    expect(no.model?.entities[0]?.attributes[1]).toEqual({ name: 'rating', type: 'number' });
    const badText = withAttribute('{ "name": "rating", "type": "number", "optional": "yes" }');
    const bad = parseProblemJson(badText);
    expect(bad.model).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path, spanText(badText, d), d.message])).toEqual([
      [
        'model.wrongType',
        'entities[0].attributes[1].optional',
        '"yes"',
        'entities[0].attributes[1].optional must be true or false, but it is the string "yes"',
      ],
    ]);
  });

  it('refuses an optional attribute in a key or a via, at its place in the file', () => {
    const text = `{
  "format": "ddb-design-problem/1", "name": "x",
  "entities": [
    { "name": "User", "attributes": [{ "name": "email", "type": "string", "optional": true }], "key": ["email"] },
    { "name": "Order", "attributes": [{ "name": "id", "type": "string" }, { "name": "owner", "type": "string", "optional": true }],
      "key": ["id"], "belongsTo": [{ "entity": "User", "via": ["owner"] }] }
  ],
  "patterns": []
}`;
    const result = parseProblemJson(text);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path, d.span?.line, spanText(text, d)])).toEqual([
      ['model.optionalKey', 'entities[0].key[0]', 4, '"email"'],
      ['model.optionalVia', 'entities[1].belongsTo[0].via[0]', 6, '"owner"'],
    ]);
  });

  it('reads a missing belongsTo as no relation', () => {
    expect(parseProblemJson(minimal('')).model?.entities[0]?.belongsTo).toEqual([]);
  });

  it('reports JSON syntax errors with their place and loads nothing', () => {
    const result = parseProblemJson('{\n  "format": "ddb-design-problem/1",\n  "name": "x"\n  "entities": [],\n  "patterns": []\n}');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'model.jsonSyntax',
        span: { line: 4, column: 3, endLine: 4, endColumn: 13 },
        message: expect.stringContaining('missing comma'),
      }),
    ]);
  });

  it('says what the document should be when it is not an object', () => {
    const result = parseProblemJson('[]');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'model.wrongType', message: 'the document must be an object (the problem), but it is a list' }),
    ]);
  });

  it('accepts names that are JavaScript keywords or Object.prototype members', () => {
    const text = JSON.stringify({
      format: 'ddb-design-problem/1',
      name: 'x',
      entities: [
        {
          name: '__proto__',
          attributes: [
            { name: 'constructor', type: 'string' },
            { name: 'toString', type: 'number' },
          ],
          key: ['constructor'],
        },
        {
          name: 'constructor',
          attributes: [{ name: '__proto__', type: 'string' }],
          key: ['__proto__'],
          belongsTo: [{ entity: '__proto__', via: ['__proto__'] }],
        },
      ],
      patterns: [{ name: 'hasOwnProperty', entity: '__proto__', equals: ['toString'], include: ['constructor'], returns: 'many' }],
    });
    const result = parseProblemJson(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.model?.entities[1]?.belongsTo).toEqual([{ entity: '__proto__', via: ['__proto__'] }]);
  });
});

describe('parseProblemJson: unique, version, ttl and the table (v1 extensions)', () => {
  const gameLobbyPath = fileURLToPath(new URL('../../../../shared/problems/extensions/game-lobby.problem.json', import.meta.url));
  it('reads game-lobby, every v1 extension field, with no warning', () => {
    const result = parseProblemJson(readFileSync(gameLobbyPath, 'utf8'));
    expect(result.diagnostics).toEqual([]);
    const model = result.model;
    expect(model?.table).toEqual({
      name: 'GameLobby',
      billing: 'provisioned',
      read: 20,
      write: 10,
      stream: 'NEW_AND_OLD_IMAGES',
      pitr: true,
      deletionProtection: false,
      tableClass: 'STANDARD',
    });
    expect(model?.entities[0]).toMatchObject({ name: 'Player', unique: [['handle']], version: 'version' });
    expect(model?.entities[1]).toMatchObject({ name: 'Game', ttl: 'expiresAt' });
    expect(model?.entities[1]?.unique).toBeUndefined();
    expect(model?.patterns.find((p) => p.name === 'getOpenGamesByMode')).toMatchObject({
      equals: ['mode'],
      fixed: { status: 'open' },
      range: { attribute: 'createdAt', op: '>=' },
    });
    expect(model?.patterns.find((p) => p.name === 'getLatestHostGame')).toMatchObject({ limit: 1, returns: 'one' });
  });

  const problem = (entityFields: string, table?: string) => `{
  "format": "ddb-design-problem/1", "name": "x",${table === undefined ? '' : `\n  "table": ${table},`}
  "entities": [
    { "name": "User", "attributes": [{ "name": "id", "type": "string" }, { "name": "v", "type": "number" }, { "name": "handle", "type": "string" }],
      "key": ["id"]${entityFields} }
  ],
  "patterns": []
}`;

  it('refuses values of the wrong type, each at its place, and warns about unknown table fields', () => {
    const text = problem(
      `, "unique": [["handle"], "id", [1]], "version": 2, "ttl": ["v"]`,
      `{ "name": 7, "billing": true, "read": "5", "write": null, "stream": 1, "pitr": "yes", "deletionProtection": 0, "tableClass": [], "colour": "red" }`,
    );
    const result = parseProblemJson(text);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path, d.severity, spanText(text, d)])).toEqual([
      ['model.wrongType', 'table.name', 'error', '7'],
      ['model.wrongType', 'table.billing', 'error', 'true'],
      ['model.wrongType', 'table.read', 'error', '"5"'],
      ['model.wrongType', 'table.write', 'error', 'null'],
      ['model.wrongType', 'table.stream', 'error', '1'],
      ['model.wrongType', 'table.pitr', 'error', '"yes"'],
      ['model.wrongType', 'table.deletionProtection', 'error', '0'],
      ['model.wrongType', 'table.tableClass', 'error', '[]'],
      ['model.unknownField', 'table.colour', 'warning', '"colour"'],
      ['model.wrongType', 'entities[0].unique[1]', 'error', '"id"'],
      ['model.wrongType', 'entities[0].unique[2][0]', 'error', '1'],
      ['model.wrongType', 'entities[0].version', 'error', '2'],
      ['model.wrongType', 'entities[0].ttl', 'error', '["v"]'],
    ]);
    expect(result.diagnostics.find((d) => d.path === 'entities[0].unique[1]')?.message).toBe(
      'entities[0].unique[1] must be a list of names, but it is the string "id"',
    );
    const notTable = parseProblemJson(problem('', '"App"'));
    expect(notTable.diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      ['model.wrongType', 'table', 'table must be an object (the table settings), but it is the string "App"'],
    ]);
    const notList = parseProblemJson(problem(', "unique": "handle"'));
    expect(notList.diagnostics.map((d) => [d.code, d.path])).toEqual([['model.wrongType', 'entities[0].unique']]);
  });

  it('reads every field, false included, and an empty table as no settings', () => {
    const result = parseProblemJson(
      problem(', "unique": [["handle"], ["handle", "v"]], "version": "v", "ttl": "v"', '{ "pitr": false, "deletionProtection": true }'),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.table).toEqual({ pitr: false, deletionProtection: true });
    expect(result.model?.entities[0]).toMatchObject({ unique: [['handle'], ['handle', 'v']], version: 'v', ttl: 'v' });
    expect(parseProblemJson(problem('', '{}')).model?.table).toEqual({});
  });

  it('checks the values with the shared rules, located in the file', () => {
    const text = problem(', "unique": [["handel"]], "version": "handle"', '{ "name": "a b", "billing": "provisoned", "read": 5 }');
    const result = parseProblemJson(text);
    expect(result.diagnostics.map((d) => [d.code, d.path, spanText(text, d)])).toEqual([
      ['model.invalidTableName', 'table.name', '"a b"'],
      ['model.unknownBilling', 'table.billing', '"provisoned"'],
      ['model.unknownAttribute', 'entities[0].unique[0][0]', '"handel"'],
      ['model.versionType', 'entities[0].version', '"handle"'],
    ]);
    expect(result.diagnostics[1]?.message).toBe('unknown billing mode "provisoned" — did you mean "provisioned"? (use one of on-demand, provisioned)');
  });
});

describe('parseProblemJson: fixed and limit (v1 extensions)', () => {
  const problem = (patternFields: string) => `{
  "format": "ddb-design-problem/1", "name": "x",
  "entities": [
    { "name": "Game", "attributes": [{ "name": "id", "type": "string" }, { "name": "status", "type": "string", "values": ["open", "done"] },
      { "name": "level", "type": "number" }, { "name": "__proto__", "type": "boolean" }, { "name": "at", "type": "datetime" }], "key": ["id"] }
  ],
  "patterns": [
    { "name": "p", "entity": "Game", "equals": []${patternFields}, "returns": "many" }
  ]
}`;

  it('reads fixed as attribute → value in the order given (an attribute named __proto__ included) and limit as a number', () => {
    const result = parseProblemJson(
      problem(`, "fixed": { "status": "open", "level": 2, "__proto__": true }, "order": { "attribute": "at", "direction": "desc" }, "limit": 10`),
    );
    expect(withoutSdkWarning(result.diagnostics)).toEqual([]);
    const pattern = result.model?.patterns[0];
    expect(Object.entries(pattern?.fixed ?? {})).toEqual([
      ['status', 'open'],
      ['level', 2],
      ['__proto__', true],
    ]);
    expect(Object.getPrototypeOf(pattern?.fixed)).toBe(Object.prototype);
    expect(pattern?.limit).toBe(10);
  });

  it('refuses a fixed that is not an object, a value that is not a scalar and a limit that is not a number, each at its place', () => {
    const text = problem(`, "fixed": { "status": ["open"], "level": null }, "limit": "5"`);
    const result = parseProblemJson(text);
    expect(result.model).toBeUndefined();
    expect(withoutSdkWarning(result.diagnostics).map((d) => [d.code, d.path, spanText(text, d)])).toEqual([
      ['model.wrongType', 'patterns[0].fixed.status', '["open"]'],
      ['model.wrongType', 'patterns[0].fixed.level', 'null'],
      ['model.wrongType', 'patterns[0].limit', '"5"'],
    ]);
    const notObject = parseProblemJson(problem(`, "fixed": ["status"]`));
    expect(withoutSdkWarning(notObject.diagnostics).map((d) => [d.code, d.path, d.message])).toEqual([
      ['model.wrongType', 'patterns[0].fixed', 'patterns[0].fixed must be an object (attribute → value), but it is a list'],
    ]);
  });

  it('checks fixed and limit with the shared rules, located at the value', () => {
    const text = problem(`, "fixed": { "status": "closed", "level": "2", "colour": "red" }, "limit": 0`);
    const result = parseProblemJson(text);
    expect(withoutSdkWarning(result.diagnostics).map((d) => [d.code, d.path, spanText(text, d)])).toEqual([
      ['model.fixedNotAValue', 'patterns[0].fixed.status', '"closed"'],
      ['model.fixedType', 'patterns[0].fixed.level', '"2"'],
      ['model.unknownAttribute', 'patterns[0].fixed.colour', '"red"'],
      ['model.invalidLimit', 'patterns[0].limit', '0'],
    ]);
  });
});
