import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { parseModelText } from './parseModelText.ts';
import type { Model } from './types.ts';

const SHOP = `model "Shop"   # the name
source "notes"

entity User key email count 80
  email: string
  plan: "free" | "premium"
  createdAt: datetime

entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  status: "pending" | "paid"
  createdAt: datetime
  level: 1 | 2 | 3                 # number enumeration
  day: date in ("2024-01-01", "2024-01-02")

getUserByEmail: User by email returns one "Get user by email"
getUsersByPlan: User by plan order by createdAt desc
getUserWithOrders: User by email with Order
getRecentUserOrders: Order by userEmail where createdAt >= ? newest first "Since a date"
getOrdersBetween: Order by userEmail, status where day between ? and ? oldest first
getByPrefix: Order where status begins_with ?
`;

/** Diagnostics as `line:col-endCol code message`, easy to compare. */
const located = (text: string) => parseModelText(text).diagnostics.map((d) => `${d.span?.line}:${d.span?.column}-${d.span?.endColumn} ${d.code} ${d.message}`);

/** Replaces the `n`th line (1-based) of SHOP. */
const shopWith = (n: number, line: string) =>
  SHOP.split('\n')
    .map((l, i) => (i === n - 1 ? line : l))
    .join('\n');

describe('parseModelText', () => {
  it('reads every construct of the text form', () => {
    const result = parseModelText(SHOP);
    expect(result.diagnostics).toEqual([]);
    expect(result.model).toEqual({
      name: 'Shop',
      source: 'notes',
      entities: [
        {
          name: 'User',
          attributes: [
            { name: 'email', type: 'string' },
            { name: 'plan', type: 'string', values: ['free', 'premium'] },
            { name: 'createdAt', type: 'datetime' },
          ],
          key: ['email'],
          belongsTo: [],
          count: 80,
        },
        {
          name: 'Order',
          attributes: [
            { name: 'orderId', type: 'string' },
            { name: 'userEmail', type: 'string' },
            { name: 'status', type: 'string', values: ['pending', 'paid'] },
            { name: 'createdAt', type: 'datetime' },
            { name: 'level', type: 'number', values: [1, 2, 3] },
            { name: 'day', type: 'date', values: ['2024-01-01', '2024-01-02'] },
          ],
          key: ['orderId'],
          belongsTo: [{ entity: 'User', via: ['userEmail'] }],
        },
      ],
      patterns: [
        { name: 'getUserByEmail', text: 'Get user by email', entity: 'User', equals: ['email'], returns: 'one' },
        { name: 'getUsersByPlan', entity: 'User', equals: ['plan'], order: { attribute: 'createdAt', direction: 'desc' }, returns: 'many' },
        { name: 'getUserWithOrders', entity: 'User', equals: ['email'], include: ['Order'], returns: 'many' },
        {
          name: 'getRecentUserOrders',
          text: 'Since a date',
          entity: 'Order',
          equals: ['userEmail'],
          range: { attribute: 'createdAt', op: '>=' },
          order: { attribute: 'createdAt', direction: 'desc' },
          returns: 'many',
        },
        {
          name: 'getOrdersBetween',
          entity: 'Order',
          equals: ['userEmail', 'status'],
          range: { attribute: 'day', op: 'between' },
          order: { attribute: 'day', direction: 'asc' },
          returns: 'many',
        },
        { name: 'getByPrefix', entity: 'Order', equals: [], range: { attribute: 'status', op: 'begins_with' }, returns: 'many' },
      ],
    } satisfies Model);
  });

  it('accepts clauses in any order, composite keys and several parents', () => {
    const text = `model "m"
entity A key (x, y)
  x: string
  y: number
entity B belongsTo A via (x, y), C via z count 5 key (x, z)
  x: string
  y: number
  z: string
entity C key z
  z: string
p: B "text first" returns one with B by x, z where y < ? order by y
`;
    const result = parseModelText(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'model.includeNotChild', span: { line: 11, column: 36, endLine: 11, endColumn: 37 } }),
    ]);
    // The text form says with (the JSON form keeps include).
    expect(result.diagnostics.find((d) => d.code === 'model.includeNotChild')?.message).toBe('with: B does not belong to B (add belongsTo B to B)');
    expect(parseModelText(text.replace('with B ', 'with C, C ')).diagnostics.find((d) => d.code === 'model.duplicateInclude')?.message).toBe(
      '"C" appears twice in with',
    );
    const fixed = parseModelText(text.replace('with B ', 'with '));
    expect(fixed.model).toBeUndefined();
    expect(parseModelText(text.replace('with B ', '')).model?.patterns[0]).toEqual({
      name: 'p',
      text: 'text first',
      entity: 'B',
      equals: ['x', 'z'],
      range: { attribute: 'y', op: '<' },
      order: { attribute: 'y', direction: 'asc' },
      returns: 'one',
    });
    expect(parseModelText(text.replace('with B ', '')).model?.entities[1]).toEqual({
      name: 'B',
      attributes: [
        { name: 'x', type: 'string' },
        { name: 'y', type: 'number' },
        { name: 'z', type: 'string' },
      ],
      key: ['x', 'z'],
      belongsTo: [
        { entity: 'A', via: ['x', 'y'] },
        { entity: 'C', via: ['z'] },
      ],
      count: 5,
    });
  });

  it('maps JSON paths to the characters of the text', () => {
    const { sourceMap } = parseModelText(SHOP);
    const lines = SHOP.split('\n');
    const at = (path: string) => {
      const span = sourceMap.get(path);
      return span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
    };
    expect(at('name')).toBe('"Shop"');
    expect(at('entities[1].name')).toBe('Order');
    expect(at('entities[1].belongsTo[0].via[0]')).toBe('userEmail');
    expect(at('entities[1].attributes[2].values[1]')).toBe('"paid"');
    expect(at('entities[1].attributes[5].type')).toBe('date');
    expect(at('entities[0].count')).toBe('80');
    expect(at('patterns[3].range.op')).toBe('>=');
    expect(at('patterns[3].order.direction')).toBe('newest first');
    expect(at('patterns[4].equals[1]')).toBe('status');
    expect(at('patterns[2].include[0]')).toBe('Order');
    expect(at('patterns[0].returns')).toBe('one');
    expect(at('patterns[0].text')).toBe('"Get user by email"');
  });

  it('locates an unknown entity and suggests the right one', () => {
    const result = parseModelText(shopWith(20, 'getOrders: Ordr by userEmail'));
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(['line 20, col 12: unknown entity "Ordr" — did you mean "Order"?']);
    expect(result.diagnostics[0]).toMatchObject({ path: 'patterns[3].entity', span: { endColumn: 16 } });
  });

  it('locates an unknown attribute in a pattern', () => {
    expect(located(shopWith(21, 'getByState: Order by state'))).toEqual([
      '21:22-27 model.unknownAttribute Order has no attribute "state" — did you mean "status"?',
    ]);
  });

  it('locates syntax errors and says what was expected', () => {
    expect(located(shopWith(4, 'entity User ky email'))).toEqual([
      '4:13-15 model.syntax expected key, count, belongsTo, unique, version, ttl, writes or itemBytes, found "ky" — did you mean "key"?',
    ]);
    expect(located(shopWith(18, 'getUsersByPlan: User by plan ordr by createdAt desc'))).toEqual([
      '18:30-34 model.syntax expected by, where, order by, newest first, oldest first, limit, with, returns, consistent, rate, shards or a quoted description, found "ordr" — did you mean "order"?',
    ]);
    expect(located(shopWith(20, 'getRecentUserOrders: Order by userEmail where createdAt => ?'))).toEqual([
      '20:57-59 model.syntax unknown operator "=>": use =, <, <=, >, >= (then ?), between ? and ?, or begins_with ?',
    ]);
    expect(located(shopWith(21, 'getOrdersBetween: Order where day between ? or ?'))).toEqual([
      '21:45-47 model.syntax expected and after between ? (between ? and ?), found "or"',
    ]);
    expect(located(shopWith(6, '  plan: free | premium'))).toEqual([
      '6:14-15 model.syntax enumeration values are literals: "free" | "..." for text, 1 | 2 for numbers (or TYPE in (v1, v2))',
    ]);
    expect(located(shopWith(4, 'entity User key email, createdAt'))).toEqual(['4:22-23 model.syntax several key attributes go in parentheses: key (a, b)']);
  });

  it('reports an unterminated string', () => {
    expect(located(shopWith(17, 'getUserByEmail: User by email "Get user'))).toEqual([
      '17:31-40 model.unterminatedString unterminated string: close it with " on the same line',
    ]);
  });

  it('reports attribute lines outside an entity, also unindented ones', () => {
    expect(located(shopWith(18, '  orphan: string'))).toEqual([
      '18:3-9 model.attributeOutsideEntity attribute line outside an entity: attribute lines are indented under an "entity" header (pattern lines start at the beginning of the line)',
    ]);
    // Right below the header it is read as an attribute of User, so nothing else is reported.
    expect(located(shopWith(5, 'email: string'))).toEqual([
      '5:1-6 model.attributeOutsideEntity attribute lines are indented: indent this line under its entity header',
    ]);
    // After a blank line it reads as a pattern over an entity "string", which is explained.
    expect(located(shopWith(17, 'email: string'))).toEqual([
      '17:8-14 model.attributeOutsideEntity this looks like an attribute (name: type) outside an entity: indent attribute lines under their entity header',
    ]);
  });

  it('keeps reading an entity after a broken attribute line without reporting its consequences', () => {
    expect(located(shopWith(5, '  email string'))).toEqual(['5:9-15 model.syntax expected ":" after the attribute name "email" (name: type), found "string"']);
    expect(located(shopWith(5, '  "email": string'))).toEqual(['5:3-10 model.syntax expected an attribute line name: type, found the quoted text "email"']);
  });

  it('reports duplicate clauses and lines', () => {
    expect(located(shopWith(4, 'entity User key email count 80 key plan'))).toEqual([
      '4:32-35 model.duplicateClause duplicate key clause: an entity has one key',
    ]);
    expect(located(shopWith(18, 'getUsersByPlan: User by plan order by createdAt desc newest first'))).toEqual([
      '18:54-60 model.duplicateClause duplicate order clause in this pattern',
    ]);
    expect(located(shopWith(2, 'model "Other"'))).toEqual(['2:1-6 model.duplicateLine a second model line: the model has one name']);
  });

  it('refuses newest first without a range', () => {
    expect(located(shopWith(18, 'getUsersByPlan: User by plan newest first'))).toEqual([
      '18:30-42 model.orderWithoutWhere newest first sorts by the where attribute, but this pattern has no range (where x OP ?): write order by <attribute> desc',
    ]);
  });

  it('requires the model line, with a located error', () => {
    const result = parseModelText('\n# no name\nentity A key id\n  id: string\n');
    expect(result.model).toBeUndefined();
    expect(located('\n# no name\nentity A key id\n  id: string\n')).toEqual([
      '3:1-7 model.missingModelLine the model has no name: start the text with a line model "Name"',
    ]);
    expect(located('')).toEqual(['1:1-1 model.missingModelLine the model has no name: start the text with a line model "Name"']);
  });

  it('reports all errors of the text at once, recovering at the next line', () => {
    const text = shopWith(4, 'entity User ky email')
      .replace('  plan: "free" | "premium"', '  plan: "free" |')
      .replace('getUserWithOrders: User by email with Order', 'getUserWithOrders: User by email with Ordr');
    expect(located(text)).toEqual([
      '4:13-15 model.syntax expected key, count, belongsTo, unique, version, ttl, writes or itemBytes, found "ky" — did you mean "key"?',
      '6:16-17 model.syntax expected a value ("text", a number, true or false) after "|", found the end of the line',
      '19:39-43 model.unknownEntity unknown entity "Ordr" — did you mean "Order"?',
    ]);
  });

  it('does not report unknown names that a broken entity name may explain', () => {
    expect(located(shopWith(9, 'entity Ord er key orderId belongsTo User via userEmail'))).toEqual([
      '9:12-14 model.syntax expected key, count, belongsTo, unique, version, ttl, writes or itemBytes, found "er"',
    ]);
  });

  it('does not report what follows from a broken line', () => {
    // The type of "total" cannot be read; "email" in the key is still checked.
    const text = 'model "m"\nentity A key email\n  total: (\n  email: string\np: A by email where total begins_with ?\n';
    expect(located(text)).toEqual([
      '3:10-11 model.syntax expected a type after ":" (string, number, boolean, date, datetime, or values like "a" | "b"), found "("',
    ]);
  });

  it('gives semantic errors from validateModel a span in the text', () => {
    const text = 'model "m"\nentity A key id\n  id: strng\n  n: number in (1, "x")\np: A by id where n begins_with ?\n';
    expect(located(text)).toEqual([
      '3:7-12 model.unknownType unknown type "strng" — did you mean "string"? (types: string, number, boolean, date, datetime; an enumeration is written "a" | "b")',
      '4:20-23 model.valueType "x" is not a number',
      '5:20-31 model.beginsWithType begins_with matches a text prefix, but "n" is a number: use it on a string, date or datetime attribute',
    ]);
  });

  it('accepts keywords, JavaScript keywords and Object.prototype names as names', () => {
    const text = `model "m"
entity entity key key
  key: string
  by: string
  __proto__: string
  constructor: number
entity model key toString belongsTo entity via by
  toString: string
  by: string
  count: number
model: entity by by, __proto__ with model
where: model where count > ? order by count desc
entity: entity by key returns one
__proto__: entity by constructor
source: model where toString begins_with ?
`;
    const result = parseModelText(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.model?.entities.map((e) => e.name)).toEqual(['entity', 'model']);
    expect(result.model?.patterns.map((p) => p.name)).toEqual(['model', 'where', 'entity', '__proto__', 'source']);
    expect(result.model?.patterns[0]).toMatchObject({ entity: 'entity', equals: ['by', '__proto__'], include: ['model'] });
    expect(result.model?.patterns[1]).toMatchObject({
      entity: 'model',
      range: { attribute: 'count', op: '>' },
      order: { attribute: 'count', direction: 'desc' },
    });
  });

  it('handles \\r\\n line endings and tabs', () => {
    const result = parseModelText('model "m"\r\nentity A key id\r\n\tid: string\r\np: A by id\r\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.entities[0]?.attributes).toEqual([{ name: 'id', type: 'string' }]);
  });

  it('reads an optional attribute as a ? after its name, with any type, and maps the mark', () => {
    const text = 'model "m"\nentity Game key id\n  id: string\n  rating?: number\n  mode ?: "solo" | "duo"\n  day?: date in ("2024-01-01")\np: Game by mode\n';
    const result = parseModelText(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.entities[0]?.attributes).toEqual([
      { name: 'id', type: 'string' },
      { name: 'rating', type: 'number', optional: true },
      { name: 'mode', type: 'string', values: ['solo', 'duo'], optional: true },
      { name: 'day', type: 'date', values: ['2024-01-01'], optional: true },
    ]);
    expect(result.sourceMap.get('entities[0].attributes[1].optional')).toEqual({ line: 4, column: 9, endLine: 4, endColumn: 10 });
    expect(result.sourceMap.get('entities[0].attributes[1].name')).toEqual({ line: 4, column: 3, endLine: 4, endColumn: 9 });
  });

  it('locates a misplaced or doubled ? of an optional attribute, and an optional key or via', () => {
    expect(located(shopWith(7, '  createdAt: datetime?'))).toEqual([
      '7:22-23 model.syntax unexpected "?" after the type of "createdAt": an optional attribute has the ? after its name (createdAt?: type)',
    ]);
    expect(located(shopWith(7, '  createdAt??: datetime'))).toEqual([
      '7:13-14 model.syntax expected ":" after the attribute name "createdAt" (name: type), found "?"',
    ]);
    expect(located(shopWith(5, '  email?: string'))).toEqual([
      '4:17-22 model.optionalKey "email" is optional (records may lack it), so it cannot be part of User\'s key: every record has its key; drop optional or pick another key attribute',
    ]);
    expect(located(shopWith(11, '  userEmail?: string'))).toEqual([
      '9:45-54 model.optionalVia "userEmail" is optional (records may lack it), so it cannot hold the User key in via: every Order names its User; drop optional',
    ]);
    // Unindented right below its entity: read as an optional attribute, with the indentation error only.
    const unindented = parseModelText(shopWith(8, 'deletedAt?: datetime'));
    expect(unindented.diagnostics.map((d) => d.code)).toEqual(['model.attributeOutsideEntity']);
  });

  it('reports an invalid name found in the text as validateModel does', () => {
    expect(located('model "m"\nentity Café key id\n  id: string\n')).toEqual([
      '2:8-12 model.invalidName entity name "Café" is not valid: names are ASCII identifiers: a letter or _, then letters, digits or _',
    ]);
  });
});

describe('parseModelText: unique, version, ttl and the table line (v1 extensions)', () => {
  const LOBBY = `model "Lobby"
table GameLobby billing provisioned read 20 write 10 stream NEW_AND_OLD_IMAGES pitr deletionProtection off class STANDARD

entity Player version version unique handle key playerId unique (region, handle) count 60
  playerId: string
  handle: string
  region: "eu" | "us"
  version: number

entity Game ttl expiresAt key gameId belongsTo Player via hostId
  gameId: string
  hostId: string
  expiresAt?: number
`;

  it('reads the header clauses in any order, unique repeated, and every table setting', () => {
    const result = parseModelText(LOBBY);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.table).toEqual({
      name: 'GameLobby',
      billing: 'provisioned',
      read: 20,
      write: 10,
      stream: 'NEW_AND_OLD_IMAGES',
      pitr: true,
      deletionProtection: false,
      tableClass: 'STANDARD',
    });
    expect(result.model?.entities[0]).toMatchObject({ key: ['playerId'], count: 60, unique: [['handle'], ['region', 'handle']], version: 'version' });
    expect(result.model?.entities[1]).toMatchObject({ key: ['gameId'], ttl: 'expiresAt', belongsTo: [{ entity: 'Player', via: ['hostId'] }] });
    expect(result.model?.entities[1]?.unique).toBeUndefined();
  });

  it('maps the JSON paths of the new fields to the characters of the text', () => {
    const { sourceMap } = parseModelText(LOBBY);
    const lines = LOBBY.split('\n');
    const at = (path: string) => {
      const span = sourceMap.get(path);
      return span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
    };
    expect(at('table.name')).toBe('GameLobby');
    expect(at('table.billing')).toBe('provisioned');
    expect(at('table.write')).toBe('10');
    expect(at('table.pitr')).toBe('pitr');
    expect(at('table.deletionProtection')).toBe('deletionProtection off');
    expect(at('table.tableClass')).toBe('STANDARD');
    expect(at('entities[0].unique[1]')).toBe('(region, handle)');
    expect(at('entities[0].unique[1][1]')).toBe('handle');
    expect(at('entities[0].version')).toBe('version');
    expect(at('entities[1].ttl')).toBe('expiresAt');
  });

  it('reads a table line with only some settings, a quoted name, on and off', () => {
    const table = (line: string) => parseModelText(`model "m"\n${line}\n`);
    expect(table('table').model?.table).toEqual({});
    expect(table('table Orders-2024.v1').model?.table).toEqual({ name: 'Orders-2024.v1' });
    expect(table('table pitr on deletionProtection').model?.table).toEqual({ pitr: true, deletionProtection: true });
    expect(table('table billing on-demand pitr off').model?.table).toEqual({ billing: 'on-demand', pitr: false });
    expect(table('table "billing" billing on-demand').model?.table).toEqual({ name: 'billing', billing: 'on-demand' });
    expect(table('table class STANDARD_INFREQUENT_ACCESS stream KEYS_ONLY').model?.table).toEqual({
      tableClass: 'STANDARD_INFREQUENT_ACCESS',
      stream: 'KEYS_ONLY',
    });
  });

  it('keeps these words names where a name is expected', () => {
    const text = `model "m"
table "class" class STANDARD

entity unique key table unique (version, ttl) version version ttl ttl
  table: string
  version: number
  ttl: number
  unique: string

entity table key billing unique unique belongsTo unique via table
  billing: string
  unique: string
  table: string

table: unique by unique
unique: table by table
`;
    const result = parseModelText(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.model?.table).toEqual({ name: 'class', tableClass: 'STANDARD' });
    expect(result.model?.entities[0]).toMatchObject({ name: 'unique', key: ['table'], unique: [['version', 'ttl']], version: 'version', ttl: 'ttl' });
    expect(result.model?.entities[1]).toMatchObject({
      name: 'table',
      key: ['billing'],
      unique: [['unique']],
      belongsTo: [{ entity: 'unique', via: ['table'] }],
    });
    expect(result.model?.patterns.map((p) => [p.name, p.entity, p.equals])).toEqual([
      ['table', 'unique', ['unique']],
      ['unique', 'table', ['table']],
    ]);
  });

  it('locates the syntax errors of the new clauses', () => {
    const entity = (header: string) => located(`model "m"\n${header}\n  id: string\n  v: number\n`);
    expect(entity('entity A key id unique')).toEqual([
      '2:17-23 model.syntax expected a unique attribute after "unique" (one name, or several in parentheses: (a, b)), found the end of the line',
    ]);
    expect(entity('entity A key id unique id, v')).toEqual(['2:26-27 model.syntax several unique attributes go in parentheses: unique (a, b)']);
    expect(entity('entity A key id version')).toEqual([
      '2:17-24 model.syntax expected an attribute after version (version version), found the end of the line',
    ]);
    expect(entity('entity A key id ttl (v)')).toEqual(['2:21-22 model.syntax expected an attribute after ttl (ttl expiresAt), found "("']);
    expect(entity('entity A key id ttl v ttl v')).toEqual(['2:23-26 model.duplicateClause duplicate ttl clause: an entity has one ttl']);
    expect(entity('entity A key id uniqe v')).toEqual([
      '2:17-22 model.syntax expected key, count, belongsTo, unique, version, ttl, writes or itemBytes, found "uniqe" — did you mean "unique"?',
    ]);

    const table = (line: string) => located(`model "m"\n${line}\n`);
    expect(table('table App biling provisioned')).toEqual([
      '2:11-17 model.syntax expected billing, read, write, stream, pitr, deletionProtection, class, found "biling" — did you mean "billing"?',
    ]);
    expect(table('table biling provisioned')).toEqual([
      '2:7-13 model.syntax unknown table setting "biling" — did you mean "billing"? (a name right after table is the table\'s name; then billing, read, write, stream, pitr, deletionProtection, class)',
    ]);
    expect(table('table App read many')).toEqual(['2:16-20 model.syntax expected the read capacity units after read (a whole number), found "many"']);
    expect(table('table App stream')).toEqual([
      '2:11-17 model.syntax expected the stream view (NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, KEYS_ONLY) after stream, found the end of the line',
    ]);
    expect(table('table App pitr true')).toEqual(['2:16-20 model.syntax write pitr (or pitr on) to turn it on, pitr off to turn it off']);
    expect(table('table App pitr pitr off')).toEqual(['2:16-20 model.duplicateClause duplicate pitr clause: the table has one pitr']);
    expect(table('table billing on-demand "App"')).toEqual([
      '2:25-30 model.syntax expected billing, read, write, stream, pitr, deletionProtection, class, found the quoted text "App" (the table name comes right after table)',
    ]);
    expect(table('table App\ntable Other')).toEqual(['3:1-6 model.duplicateLine a second table line: the model has one table (put every setting on one line)']);
  });

  it('gives the rules of validateModel a span in the text, and nothing for what a broken line did not say', () => {
    expect(located('model "m"\ntable ab billing provisoned class standard\n')).toEqual([
      '2:7-9 model.invalidTableName table name "ab" has 2 characters: a DynamoDB table name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."',
      '2:18-28 model.unknownBilling unknown billing mode "provisoned" — did you mean "provisioned"? (use one of on-demand, provisioned)',
      '2:35-43 model.unknownTableClass unknown table class "standard" — did you mean "STANDARD"? (use one of STANDARD, STANDARD_INFREQUENT_ACCESS)',
    ]);
    expect(located('model "m"\ntable billing provisioned read 5\n')).toEqual([
      '2:15-26 model.missingCapacity provisioned billing needs write capacity units: add write (a whole number, 1 or more)',
    ]);
    // The write clause is broken: no "needs write" on top of it.
    expect(located('model "m"\ntable billing provisioned read 5 write\n')).toEqual([
      '2:34-39 model.syntax expected the write capacity units after write (a whole number), found the end of the line',
    ]);
    expect(located('model "m"\nentity A key id unique (id, nme) version id\n  id: string\n  name: string\n')).toEqual([
      '2:29-32 model.unknownAttribute A has no attribute "nme" — did you mean "name"?',
      '2:42-44 model.versionType the version attribute "id" is a string: optimistic locking counts versions, so it must be a number',
    ]);
  });
});

describe('parseModelText: literal conditions and limit (v1 extensions)', () => {
  const GAMES = `model "Games"

entity Game key gameId
  gameId: string
  hostId: string
  status: "open" | "playing" | "done"
  mode?: string
  level: number
  ranked: boolean
  createdAt: datetime

getOpenGames: Game where status = "open" order by createdAt desc limit 10
getOpenByMode: Game by mode where status = "open" and createdAt >= ? and level = 3 and ranked = false oldest first
getLatest: Game by hostId order by createdAt desc limit 1 returns one
getBetween: Game where createdAt between ? and ? and status = "done"
`;

  it('reads literal conditions as fixed (in their order, beside the one range) and limit as a number', () => {
    const result = parseModelText(GAMES);
    expect(result.diagnostics).toEqual([]);
    const patterns = result.model?.patterns ?? [];
    expect(patterns[0]).toEqual({
      name: 'getOpenGames',
      entity: 'Game',
      equals: [],
      fixed: { status: 'open' },
      order: { attribute: 'createdAt', direction: 'desc' },
      limit: 10,
      returns: 'many',
    });
    expect(patterns[1]).toEqual({
      name: 'getOpenByMode',
      entity: 'Game',
      equals: ['mode'],
      fixed: { status: 'open', level: 3, ranked: false },
      range: { attribute: 'createdAt', op: '>=' },
      order: { attribute: 'createdAt', direction: 'asc' },
      returns: 'many',
    });
    expect(Object.keys(patterns[1]?.fixed ?? {})).toEqual(['status', 'level', 'ranked']);
    expect(patterns[2]).toMatchObject({ limit: 1, returns: 'one' });
    expect(patterns[3]).toMatchObject({ range: { attribute: 'createdAt', op: 'between' }, fixed: { status: 'done' } });
  });

  it('maps the fixed values, the range and the limit to the characters of the text', () => {
    const { sourceMap } = parseModelText(GAMES);
    const lines = GAMES.split('\n');
    const at = (path: string) => {
      const span = sourceMap.get(path);
      return span && lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
    };
    expect(at('patterns[0].fixed.status')).toBe('status = "open"');
    expect(at('patterns[0].limit')).toBe('10');
    expect(at('patterns[1].fixed')).toBe('where status = "open" and createdAt >= ? and level = 3 and ranked = false');
    expect(at('patterns[1].range')).toBe('createdAt >= ?');
    expect(at('patterns[1].fixed.ranked')).toBe('ranked = false');
    expect(at('patterns[3].range')).toBe('where createdAt between ? and ?');
  });

  it('reads an attribute named __proto__, and, limit or where in a condition', () => {
    const text = `model "m"\n\nentity E key id\n  id: string\n  __proto__: string\n  and: number\n  limit: boolean\n  where: date\n\np: E where __proto__ = "x" and and = 1 and limit = true and where >= ? order by where desc limit 2\n`;
    const result = parseModelText(text);
    // Only the warning that the AWS SDK drops an attribute named __proto__ (the model keeps it).
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['model.sdkDropsAttribute', 'entities[0].attributes[1].name']]);
    const pattern = result.model?.patterns[0];
    expect(Object.entries(pattern?.fixed ?? {})).toEqual([
      ['__proto__', 'x'],
      ['and', 1],
      ['limit', true],
    ]);
    expect(pattern).toMatchObject({ range: { attribute: 'where', op: '>=' }, limit: 2 });
  });

  it('locates the syntax errors of literal conditions and limit', () => {
    const line = (pattern: string) => located(`model "m"\n\nentity E key id\n  id: string\n  s: string\n  n: number\n\n${pattern}\n`);
    expect(line('p: E where s = open')).toEqual([
      '8:16-20 model.syntax expected ? (a parameter) or a value after =, found "open": text values are quoted (s = "open")',
    ]);
    expect(line('p: E where n > 3')).toEqual(['8:14-15 model.syntax a condition on a value takes = (n = 3); a range compares with a parameter: n > ?']);
    expect(line('p: E where s = "a" and s = "b"')).toEqual(['8:24-25 model.duplicateClause "s" is given a value twice in this where clause']);
    expect(line('p: E where n > ? and s >= ?')).toEqual([
      '8:22-23 model.duplicateClause a pattern has one range on a parameter, and this where clause already has one (on "n"); literal conditions (x = "value") may be added with and',
    ]);
    expect(line('p: E where s = "a" and')).toEqual(['8:20-23 model.syntax expected an attribute after "and", found the end of the line']);
    expect(line('p: E where n =')).toEqual([
      '8:14-15 model.syntax expected ? (a parameter) or a value ("text", a number, true or false) after "=", found the end of the line',
    ]);
    expect(line('p: E order by n limit')).toEqual([
      "8:17-22 model.syntax expected a number after limit (limit 10: the first 10 records in the pattern's order), found the end of the line",
    ]);
    expect(line('p: E order by n limit ten')).toEqual([
      '8:23-26 model.syntax expected a number after limit (limit 10: the first 10 records in the pattern\'s order), found "ten"',
    ]);
    expect(line('p: E order by n limit 2 limit 3')).toEqual(['8:25-30 model.duplicateClause duplicate limit clause in this pattern']);
    expect(line('p: E where s = "a" newest first')).toEqual([
      '8:20-32 model.orderWithoutWhere newest first sorts by the where attribute, but this pattern has no range (where x OP ?): write order by <attribute> desc',
    ]);
  });

  it('gives the rules of validateModel a span in the text', () => {
    const line = (pattern: string) => located(`model "m"\n\nentity E key id\n  id: string\n  s: "a" | "b"\n  n: number\n\n${pattern}\n`);
    expect(line('p: E where s = "c"')).toEqual([
      '8:12-19 model.fixedNotAValue "s" is fixed to "c", which is not one of its values ("a", "b"): no record has it',
    ]);
    expect(line('p: E where n = "3"')).toEqual(['8:12-19 model.fixedType "n" is fixed to "3", which is not a number']);
    expect(line('p: E by s where s = "a"')).toEqual([
      '8:17-24 model.fixedConflict "s" is fixed to "a" and is also a parameter (by, JSON: equals): drop it from one of them',
    ]);
    expect(line('p: E limit 0 order by n')).toEqual(['8:12-13 model.invalidLimit limit must be a whole number of records, 1 or more (found 0)']);
    expect(line('p: E limit 5')).toEqual([
      "8:12-13 model.limitWithoutOrder limit keeps the first 5 records in the pattern's order, but it has none: add order by <attribute> asc|desc (JSON: order)",
    ]);
  });
});
