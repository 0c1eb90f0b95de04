import { describe, expect, it } from 'vitest';
import type { SourceMap } from './diagnostics.ts';
import type { Attribute, Entity, Model, Pattern } from './types.ts';
import { validateModel } from './validateModel.ts';

/** A small valid model: users and their orders. */
function shop(): Model {
  return {
    name: 'Shop',
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
      },
      {
        name: 'Order',
        attributes: [
          { name: 'orderId', type: 'string' },
          { name: 'userEmail', type: 'string' },
          { name: 'status', type: 'string' },
          { name: 'total', type: 'number' },
          { name: 'day', type: 'date' },
        ],
        key: ['orderId'],
        belongsTo: [{ entity: 'User', via: ['userEmail'] }],
        count: 10,
      },
    ],
    patterns: [
      { name: 'getUser', entity: 'User', equals: ['email'], include: ['Order'], returns: 'one' },
      {
        name: 'getOrders',
        entity: 'Order',
        equals: ['userEmail'],
        range: { attribute: 'day', op: '>=' },
        order: { attribute: 'day', direction: 'desc' },
        returns: 'many',
      },
    ],
  };
}

const user = (m: Model) => m.entities[0] as Entity;
const order = (m: Model) => m.entities[1] as Entity;
const getOrders = (m: Model) => m.patterns[1] as Pattern;

/** The diagnostics of a changed shop, as [code, path, message]. */
function problems(change: (m: Model) => void) {
  const model = shop();
  change(model);
  return validateModel(model).map((d) => [d.code, d.path, d.message]);
}

describe('validateModel', () => {
  it('accepts a valid model', () => {
    expect(validateModel(shop())).toEqual([]);
  });

  it('requires names to be ASCII identifiers', () => {
    expect(problems((m) => (user(m).name = 'Üser'))).toContainEqual(['model.invalidName', 'entities[0].name', expect.stringContaining('"Üser" is not valid')]);
    expect(problems((m) => (order(m).attributes[0]!.name = '9id'))[0]).toEqual([
      'model.invalidName',
      'entities[1].attributes[0].name',
      expect.stringContaining('ASCII identifiers'),
    ]);
    expect(problems((m) => (getOrders(m).name = ''))).toEqual([['model.invalidName', 'patterns[1].name', expect.stringContaining('empty name')]]);
  });

  it('warns when an entity name does not start upper-case', () => {
    const found = validateModel({ ...shop(), entities: [{ ...user(shop()), name: 'user' }] });
    expect(found).toContainEqual(expect.objectContaining({ code: 'model.entityNameCase', severity: 'warning', path: 'entities[0].name' }));
  });

  it('refuses two entities, two attributes of an entity, or two patterns with one name', () => {
    expect(problems((m) => (order(m).name = 'User'))).toContainEqual(['model.duplicateEntity', 'entities[1].name', 'entity "User" is declared twice']);
    expect(problems((m) => (order(m).attributes[2]!.name = 'total'))).toEqual([
      ['model.duplicateAttribute', 'entities[1].attributes[3].name', 'Order declares attribute "total" twice'],
    ]);
    expect(problems((m) => (getOrders(m).name = 'getUser'))).toEqual([['model.duplicatePattern', 'patterns[1].name', 'pattern "getUser" is declared twice']]);
  });

  it('refuses an unknown type and suggests the closest one', () => {
    expect(problems((m) => (order(m).attributes[3]!.type = 'numbr' as never))).toEqual([
      ['model.unknownType', 'entities[1].attributes[3].type', expect.stringMatching(/^unknown type "numbr" — did you mean "number"\?/)],
    ]);
  });

  it('requires a key of declared attributes, each once', () => {
    expect(problems((m) => (user(m).key = []))).toEqual([['model.emptyKey', 'entities[0].key', expect.stringContaining('User has no key')]]);
    expect(problems((m) => (order(m).key = ['orderID']))).toEqual([
      ['model.unknownAttribute', 'entities[1].key[0]', 'Order has no attribute "orderID" — did you mean "orderId"?'],
    ]);
    expect(problems((m) => (order(m).key = ['orderId', 'orderId']))).toEqual([
      ['model.duplicateKeyAttribute', 'entities[1].key[1]', '"orderId" appears twice in the key'],
    ]);
  });

  it('refuses an optional attribute in a key or a via, and accepts one in patterns', () => {
    expect(problems((m) => (user(m).attributes[0]!.optional = true))).toEqual([
      [
        'model.optionalKey',
        'entities[0].key[0]',
        `"email" is optional (records may lack it), so it cannot be part of User's key: every record has its key; drop optional or pick another key attribute`,
      ],
    ]);
    expect(problems((m) => (order(m).attributes[1]!.optional = true))).toEqual([
      [
        'model.optionalVia',
        'entities[1].belongsTo[0].via[0]',
        '"userEmail" is optional (records may lack it), so it cannot hold the User key in via: every Order names its User; drop optional',
      ],
    ]);
    // `day` is in getOrders' range and order: records without it are left out of its answer.
    expect(problems((m) => (order(m).attributes[4]!.optional = true))).toEqual([]);
  });

  it('checks belongsTo: the parent exists, via is declared, as long as the parent key and of its types', () => {
    expect(problems((m) => (order(m).belongsTo = [{ entity: 'Usr', via: ['userEmail'] }]))).toEqual([
      ['model.unknownEntity', 'entities[1].belongsTo[0].entity', 'unknown entity "Usr" — did you mean "User"?'],
    ]);
    expect(problems((m) => (order(m).belongsTo = [{ entity: 'User', via: ['mail'] }]))).toEqual([
      ['model.unknownAttribute', 'entities[1].belongsTo[0].via[0]', 'Order has no attribute "mail"'],
    ]);
    expect(problems((m) => (order(m).belongsTo = [{ entity: 'User', via: ['userEmail', 'status'] }]))).toEqual([
      ['model.viaLength', 'entities[1].belongsTo[0].via', expect.stringContaining("via lists 2 attributes but User's key has 1 (email)")],
    ]);
    expect(problems((m) => (order(m).belongsTo = [{ entity: 'User', via: ['total'] }]))).toEqual([
      ['model.viaType', 'entities[1].belongsTo[0].via[0]', `"total" is a number but User's key attribute "email" is a string`],
    ]);
  });

  it('checks enumerations: not empty, values of the type, no value twice', () => {
    expect(problems((m) => (user(m).attributes[1]!.values = []))).toEqual([
      ['model.emptyValues', 'entities[0].attributes[1].values', expect.stringContaining('lists no values')],
    ]);
    expect(problems((m) => (user(m).attributes[1]!.values = ['free', 3]))).toEqual([
      ['model.valueType', 'entities[0].attributes[1].values[1]', '3 is not a string'],
    ]);
    expect(problems((m) => (user(m).attributes[1]!.values = ['free', 'free']))).toEqual([
      ['model.duplicateValue', 'entities[0].attributes[1].values[1]', '"free" is listed twice'],
    ]);
    expect(problems((m) => (order(m).attributes[4]!.values = ['2024-02-30']))).toEqual([
      ['model.valueType', 'entities[1].attributes[4].values[0]', '"2024-02-30" is not a date (YYYY-MM-DD, a real day)'],
    ]);
    expect(problems((m) => (user(m).attributes[2]!.values = ['2024-01-01T00:00:00Z']))).toEqual([
      ['model.valueType', 'entities[0].attributes[2].values[0]', '"2024-01-01T00:00:00Z" is not a datetime (YYYY-MM-DDTHH:mm:ss.sssZ, in UTC)'],
    ]);
  });

  it('refuses enumerated numbers DynamoDB or the SDK cannot store, naming the limit', () => {
    const total = (m: Model) => order(m).attributes.find((a) => a.name === 'total') as Attribute;
    expect(problems((m) => (total(m).values = [1, 2 ** 53, 1e-200, -9007199254740991]))).toEqual([
      [
        'model.numberRange',
        'entities[1].attributes[3].values[1]',
        expect.stringMatching(/^9007199254740992 is too large: numbers must be 0 or of magnitude 1E-130 .* to 9007199254740991/),
      ],
      ['model.numberRange', 'entities[1].attributes[3].values[2]', expect.stringMatching(/^1e-200 is too small/)],
    ]);
  });

  it('requires count to be a whole number, 0 or more', () => {
    expect(problems((m) => (order(m).count = -1))).toEqual([['model.invalidCount', 'entities[1].count', expect.stringContaining('found -1')]]);
    expect(problems((m) => (order(m).count = 1.5))).toHaveLength(1);
    expect(problems((m) => (order(m).count = 0))).toEqual([]);
  });

  it('checks a pattern names a declared entity and its declared attributes', () => {
    expect(problems((m) => (getOrders(m).entity = 'Ordr'))).toEqual([
      ['model.unknownEntity', 'patterns[1].entity', 'unknown entity "Ordr" — did you mean "Order"?'],
    ]);
    expect(problems((m) => (getOrders(m).equals = ['state']))).toEqual([
      ['model.unknownAttribute', 'patterns[1].equals[0]', 'Order has no attribute "state" — did you mean "status"?'],
    ]);
    expect(problems((m) => (getOrders(m).equals = ['userEmail', 'userEmail']))).toEqual([
      ['model.duplicateEquals', 'patterns[1].equals[1]', '"userEmail" appears twice in the equals list'],
    ]);
    expect(problems((m) => (getOrders(m).range = { attribute: 'dya', op: '<' }))).toEqual([
      ['model.unknownAttribute', 'patterns[1].range.attribute', 'Order has no attribute "dya" — did you mean "day"?'],
    ]);
    expect(problems((m) => (getOrders(m).order = { attribute: 'totl', direction: 'asc' }))).toEqual([
      ['model.unknownAttribute', 'patterns[1].order.attribute', 'Order has no attribute "totl" — did you mean "total"?'],
    ]);
  });

  it('checks range operators, begins_with types, order directions and returns', () => {
    expect(problems((m) => (getOrders(m).range = { attribute: 'day', op: 'like' as never }))).toEqual([
      ['model.unknownRangeOp', 'patterns[1].range.op', expect.stringContaining('unknown operator "like"')],
    ]);
    expect(problems((m) => (getOrders(m).range = { attribute: 'total', op: 'begins_with' }))).toEqual([
      ['model.beginsWithType', 'patterns[1].range.op', expect.stringContaining('"total" is a number')],
    ]);
    expect(problems((m) => (getOrders(m).range = { attribute: 'day', op: 'begins_with' }))).toEqual([]);
    expect(problems((m) => (getOrders(m).order = { attribute: 'day', direction: 'up' as never }))).toEqual([
      ['model.unknownDirection', 'patterns[1].order.direction', 'order direction must be asc or desc, not "up"'],
    ]);
    expect(problems((m) => (getOrders(m).returns = 'all' as never))).toEqual([
      ['model.unknownReturns', 'patterns[1].returns', 'returns must be one or many, not "all"'],
    ]);
  });

  it('warns when the range attribute is also an equality attribute, saying what the answer then is', () => {
    const ranged = (op: Pattern['range'] & object) => (m: Model) => {
      getOrders(m).equals = ['userEmail', 'day'];
      getOrders(m).range = op;
    };
    const model = shop();
    ranged({ attribute: 'day', op: 'between' })(model);
    expect(validateModel(model)).toEqual([
      expect.objectContaining({
        code: 'model.rangeOnEquality',
        severity: 'warning',
        path: 'patterns[1].range.attribute',
        message:
          'the answer is always empty: "day" is both an equality attribute and the between range, so its one parameter is a [low, high] pair and no record\'s "day" equals a pair (no request is sent); you probably meant the records with the given userEmail whose "day" is between low and high: drop "day" from by (JSON: equals)',
      }),
    ]);
    for (const op of ['<', '>'] as const) {
      expect(problems(ranged({ attribute: 'day', op }))).toEqual([
        ['model.rangeOnEquality', 'patterns[1].range.attribute', expect.stringContaining('the answer is always empty')],
      ]);
    }
    for (const op of ['<=', '>='] as const) {
      expect(problems(ranged({ attribute: 'day', op }))).toEqual([
        [
          'model.rangeOnEquality',
          'patterns[1].range.attribute',
          expect.stringContaining(`(${op}: one value), so the range adds nothing: the answer is the records whose "day" equals it`),
        ],
      ]);
    }
    expect(problems(ranged({ attribute: 'day', op: '=' }))).toEqual([
      ['model.rangeOnEquality', 'patterns[1].range.attribute', expect.stringContaining('drop the range: they say the same')],
    ]);
    expect(problems(ranged({ attribute: 'day', op: 'begins_with' }))).toEqual([
      ['model.rangeOnEquality', 'patterns[1].range.attribute', expect.stringContaining('the answer is only the records whose "day" is exactly the prefix')],
    ]);
    // Not for a range on another attribute, nor on top of an error about the range.
    expect(problems(ranged({ attribute: 'total', op: '>=' }))).toEqual([]);
    expect(problems(ranged({ attribute: 'day', op: 'like' as never }))).toEqual([
      ['model.unknownRangeOp', 'patterns[1].range.op', expect.stringContaining('unknown operator')],
    ]);
    expect(
      problems((m) => {
        getOrders(m).equals = ['userEmail', 'total'];
        getOrders(m).range = { attribute: 'total', op: 'begins_with' };
      }),
    ).toEqual([['model.beginsWithType', 'patterns[1].range.op', expect.stringContaining('"total" is a number')]]);
  });

  it("accepts fixed values of their attribute's type and among its values, and a limit with an order", () => {
    expect(
      problems((m) => {
        getOrders(m).fixed = { status: 'paid', total: 10 };
        getOrders(m).limit = 5;
        m.patterns[0]!.fixed = { plan: 'free' };
      }),
    ).toEqual([]);
  });

  it('checks each fixed attribute: declared, its value of the type and among the values, a number DynamoDB stores, not also a parameter or the range', () => {
    const fixed = (values: Record<string, unknown>) => (m: Model) => {
      getOrders(m).fixed = values as never;
    };
    expect(problems(fixed({ stauts: 'paid' }))).toEqual([
      ['model.unknownAttribute', 'patterns[1].fixed.stauts', 'Order has no attribute "stauts" — did you mean "status"?'],
    ]);
    expect(problems(fixed({ total: '10' }))).toEqual([['model.fixedType', 'patterns[1].fixed.total', '"total" is fixed to "10", which is not a number']]);
    expect(problems((m) => (m.patterns[0]!.fixed = { createdAt: '2024-02-30' }))).toEqual([
      ['model.fixedType', 'patterns[0].fixed.createdAt', '"createdAt" is fixed to "2024-02-30", which is not a datetime (YYYY-MM-DDTHH:mm:ss.sssZ, in UTC)'],
    ]);
    expect(problems(fixed({ total: 1e200 }))).toEqual([['model.numberRange', 'patterns[1].fixed.total', expect.any(String)]]);
    expect(problems((m) => (m.patterns[0]!.fixed = { plan: 'gold' }))).toEqual([
      ['model.fixedNotAValue', 'patterns[0].fixed.plan', '"plan" is fixed to "gold", which is not one of its values ("free", "premium"): no record has it'],
    ]);
    expect(problems(fixed({ userEmail: 'a@b' }))).toEqual([
      [
        'model.fixedConflict',
        'patterns[1].fixed.userEmail',
        '"userEmail" is fixed to "a@b" and is also a parameter (by, JSON: equals): drop it from one of them',
      ],
    ]);
    expect(problems(fixed({ day: '2024-01-01' }))).toEqual([
      ['model.fixedConflict', 'patterns[1].fixed.day', '"day" is fixed to "2024-01-01" and also has a range (where day >= ?): drop one of them'],
    ]);
    // An attribute named like an Object.prototype member is an attribute like any other.
    expect(
      problems((m) => {
        order(m).attributes.push({ name: '__proto__', type: 'boolean' });
        getOrders(m).fixed = Object.fromEntries([['__proto__', 'yes']]);
      }),
    ).toEqual([
      ['model.sdkDropsAttribute', 'entities[1].attributes[5].name', expect.stringContaining("the AWS SDK's lib-dynamodb (marshall/unmarshall) drops it")],
      ['model.fixedType', 'patterns[1].fixed.__proto__', '"__proto__" is fixed to "yes", which is not a boolean (true or false)'],
    ]);
  });

  it('requires a limit to be a whole number, 1 or more, and the pattern to have an order', () => {
    for (const limit of [0, -1, 2.5, Number.NaN]) {
      expect(problems((m) => (getOrders(m).limit = limit))).toEqual([
        ['model.invalidLimit', 'patterns[1].limit', `limit must be a whole number of records, 1 or more (found ${String(limit)})`],
      ]);
    }
    expect(problems((m) => (m.patterns[0]!.limit = 1))).toEqual([
      [
        'model.limitWithoutOrder',
        'patterns[0].limit',
        "limit keeps the first 1 records in the pattern's order, but it has none: add order by <attribute> asc|desc (JSON: order)",
      ],
    ]);
  });

  it('requires included entities to exist and to belong to the pattern entity', () => {
    expect(problems((m) => (getOrders(m).include = ['User']))).toEqual([
      ['model.includeNotChild', 'patterns[1].include[0]', 'include: User does not belong to Order (add belongsTo Order to User)'],
    ]);
    expect(problems((m) => (getOrders(m).include = ['Revew']))).toEqual([['model.unknownEntity', 'patterns[1].include[0]', 'unknown entity "Revew"']]);
    expect(problems((m) => (m.patterns[0]!.include = ['Order', 'Order']))).toEqual([
      ['model.duplicateInclude', 'patterns[0].include[1]', '"Order" appears twice in include'],
    ]);
  });

  it('reports every problem, not just the first', () => {
    const found = problems((m) => {
      user(m).key = [];
      getOrders(m).entity = 'Nope';
      m.patterns[0]!.equals = ['x'];
    });
    expect(found.map(([code]) => code)).toEqual(['model.emptyKey', 'model.unknownAttribute', 'model.unknownEntity']);
  });

  it('takes the span from the source map, or from the nearest ancestor in it', () => {
    const model = shop();
    getOrders(model).equals = ['state'];
    const sourceMap: SourceMap = new Map([
      ['patterns[1]', { line: 9, column: 1, endLine: 9, endColumn: 40 }],
      ['patterns[1].entity', { line: 9, column: 12, endLine: 9, endColumn: 17 }],
    ]);
    expect(validateModel(model, sourceMap)[0]?.span).toEqual({ line: 9, column: 1, endLine: 9, endColumn: 40 });
    sourceMap.set('patterns[1].equals[0]', { line: 9, column: 21, endLine: 9, endColumn: 26 });
    expect(validateModel(model, sourceMap)[0]?.span).toEqual({ line: 9, column: 21, endLine: 9, endColumn: 26 });
  });

  it('skips what depends on parts a parser could not read', () => {
    const model = shop();
    getOrders(model).entity = '';
    getOrders(model).equals = ['nothing'];
    order(model).attributes[0]!.name = '';
    order(model).key = ['orderId'];
    const unreadable = new Set(['patterns[1].entity', 'entities[1].attributes[0].name']);
    expect(validateModel(model, undefined, unreadable)).toEqual([]);
  });

  it('works with names that are Object.prototype members', () => {
    const model: Model = {
      name: 'x',
      entities: [
        {
          name: 'constructor',
          attributes: [
            { name: '__proto__', type: 'string' },
            { name: 'toString', type: 'string' },
          ],
          key: ['__proto__'],
          belongsTo: [],
        },
        {
          name: 'hasOwnProperty',
          attributes: [{ name: 'valueOf', type: 'string' }],
          key: ['valueOf'],
          belongsTo: [{ entity: 'constructor', via: ['valueOf'] }],
        },
      ],
      patterns: [{ name: '__proto__', entity: 'constructor', equals: ['toString'], include: ['hasOwnProperty'], returns: 'many' }],
    };
    expect(validateModel(model).filter((d) => d.severity === 'error')).toEqual([]);
    model.patterns[0]!.equals = ['isPrototypeOf'];
    expect(validateModel(model).map((d) => d.code)).toContain('model.unknownAttribute');
  });
});

describe('validateModel: unique, version, ttl (v1 extensions)', () => {
  it('accepts unique sets, a version and a ttl that follow the rules, optional attributes in a set included', () => {
    expect(
      problems((m) => {
        order(m).attributes.push(
          { name: 'version', type: 'number' },
          { name: 'expiresAt', type: 'number', optional: true },
          { name: 'code', type: 'string', optional: true },
        );
        order(m).unique = [['code'], ['userEmail', 'day'], ['orderId', 'day']];
        order(m).version = 'version';
        order(m).ttl = 'expiresAt';
      }),
    ).toEqual([]);
  });

  it('checks each unique set: not empty, declared attributes each once, no set twice, none the key', () => {
    expect(problems((m) => (order(m).unique = [[]]))).toEqual([
      ['model.emptyUnique', 'entities[1].unique[0]', 'a unique set lists no attributes: name the attributes that identify at most one Order, or drop the set'],
    ]);
    expect(problems((m) => (order(m).unique = [['stats']]))).toEqual([
      ['model.unknownAttribute', 'entities[1].unique[0][0]', 'Order has no attribute "stats" — did you mean "status"?'],
    ]);
    expect(problems((m) => (order(m).unique = [['status', 'status']]))).toEqual([
      ['model.duplicateUniqueAttribute', 'entities[1].unique[0][1]', '"status" appears twice in this unique set'],
    ]);
    expect(problems((m) => (order(m).unique = [['status', 'day'], ['total'], ['day', 'status']]))).toEqual([
      ['model.duplicateUnique', 'entities[1].unique[2]', 'this unique set repeats unique set 1 (day, status): list each set once'],
    ]);
    const found = validateModel({ ...shop(), entities: [user(shop()), { ...order(shop()), unique: [['orderId']] }] });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'model.uniqueIsKey',
        severity: 'warning',
        path: 'entities[1].unique[0]',
        message: "this unique set is Order's key, which already identifies one record: drop it",
      }),
    ]);
  });

  it('requires the version to be a number attribute outside the key and the via attributes, never optional', () => {
    expect(problems((m) => (order(m).version = 'totl'))).toEqual([
      ['model.unknownAttribute', 'entities[1].version', 'Order has no attribute "totl" — did you mean "total"?'],
    ]);
    expect(problems((m) => (order(m).version = 'status'))).toEqual([
      ['model.versionType', 'entities[1].version', 'the version attribute "status" is a string: optimistic locking counts versions, so it must be a number'],
    ]);
    expect(
      problems((m) => {
        order(m).attributes.push({ name: 'n', type: 'number' });
        order(m).key = ['orderId', 'n'];
        order(m).version = 'n';
      }),
    ).toEqual([['model.versionInKey', 'entities[1].version', expect.stringContaining(`"n" is part of Order's key: a key never changes`)]]);
    expect(
      problems((m) => {
        user(m).attributes.push({ name: 'n', type: 'number' });
        user(m).key = ['n'];
        order(m).attributes.push({ name: 'userN', type: 'number' });
        order(m).belongsTo = [{ entity: 'User', via: ['userN'] }];
        order(m).version = 'userN';
      }),
    ).toEqual([['model.versionInVia', 'entities[1].version', expect.stringContaining(`"userN" holds a parent's key (via)`)]]);
    expect(
      problems((m) => {
        order(m).attributes[3]!.optional = true;
        order(m).version = 'total';
      }),
    ).toEqual([['model.optionalVersion', 'entities[1].version', expect.stringContaining('"total" is optional, but every record has a version')]]);
  });

  it('requires the ttl to be a number attribute outside the key', () => {
    expect(problems((m) => (order(m).ttl = 'dya'))).toEqual([
      ['model.unknownAttribute', 'entities[1].ttl', 'Order has no attribute "dya" — did you mean "day"?'],
    ]);
    expect(problems((m) => (order(m).ttl = 'day'))).toEqual([
      ['model.ttlType', 'entities[1].ttl', `the ttl attribute "day" is a date: DynamoDB's time to live reads a number (epoch seconds)`],
    ]);
    expect(
      problems((m) => {
        order(m).key = ['orderId', 'total'];
        order(m).ttl = 'total';
      }),
    ).toEqual([['model.ttlInKey', 'entities[1].ttl', expect.stringContaining(`"total" is part of Order's key`)]]);
    // Optional is fine: records without it never expire.
    expect(
      problems((m) => {
        order(m).attributes[3]!.optional = true;
        order(m).ttl = 'total';
      }),
    ).toEqual([]);
  });

  it('skips a type check on an unreadable type and sets with unreadable names', () => {
    const model = shop();
    order(model).version = 'status';
    order(model).unique = [[''], ['']];
    const unreadable = new Set(['entities[1].attributes[2].type', 'entities[1].unique[0][0]', 'entities[1].unique[1][0]']);
    expect(validateModel(model, undefined, unreadable)).toEqual([]);
  });
});

describe('validateModel: the table settings (v1 extension)', () => {
  it('accepts every valid setting', () => {
    expect(
      problems(
        (m) =>
          (m.table = {
            name: 'Shop.v1-test_',
            billing: 'provisioned',
            read: 5,
            write: 1,
            stream: 'KEYS_ONLY',
            pitr: false,
            deletionProtection: true,
            tableClass: 'STANDARD_INFREQUENT_ACCESS',
          }),
      ),
    ).toEqual([]);
    expect(problems((m) => (m.table = {}))).toEqual([]);
    expect(problems((m) => (m.table = { billing: 'on-demand' }))).toEqual([]);
  });

  it("requires DynamoDB's table-name rule", () => {
    expect(problems((m) => (m.table = { name: 'my table' }))).toEqual([
      [
        'model.invalidTableName',
        'table.name',
        'table name "my table" contains a space at position 3: a DynamoDB table name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."',
      ],
    ]);
    expect(problems((m) => (m.table = { name: 'ab' }))).toEqual([['model.invalidTableName', 'table.name', expect.stringContaining('"ab" has 2 characters')]]);
  });

  it('refuses unknown billing modes, stream views and table classes, suggesting the closest', () => {
    expect(problems((m) => (m.table = { billing: 'ondemand' as never, stream: 'NEW_IMAGES' as never, tableClass: 'standard' as never }))).toEqual([
      ['model.unknownBilling', 'table.billing', 'unknown billing mode "ondemand" — did you mean "on-demand"? (use one of on-demand, provisioned)'],
      [
        'model.unknownStreamView',
        'table.stream',
        'unknown stream view "NEW_IMAGES" — did you mean "NEW_IMAGE"? (use one of NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, KEYS_ONLY)',
      ],
      [
        'model.unknownTableClass',
        'table.tableClass',
        'unknown table class "standard" — did you mean "STANDARD"? (use one of STANDARD, STANDARD_INFREQUENT_ACCESS)',
      ],
    ]);
  });

  it('requires read and write, whole and positive, with provisioned billing only', () => {
    expect(problems((m) => (m.table = { billing: 'provisioned', read: 0, write: 2.5 }))).toEqual([
      ['model.invalidCapacity', 'table.read', 'read capacity must be a whole number of units, 1 or more (found 0)'],
      ['model.invalidCapacity', 'table.write', 'write capacity must be a whole number of units, 1 or more (found 2.5)'],
    ]);
    expect(problems((m) => (m.table = { billing: 'provisioned', read: 5 }))).toEqual([
      ['model.missingCapacity', 'table.billing', 'provisioned billing needs write capacity units: add write (a whole number, 1 or more)'],
    ]);
    expect(problems((m) => (m.table = { read: 5, write: 5 }))).toEqual([
      [
        'model.capacityWithoutProvisioned',
        'table.read',
        'read capacity is set only with provisioned billing (the table is on-demand by default): add billing provisioned, or drop read',
      ],
      ['model.capacityWithoutProvisioned', 'table.write', expect.stringContaining('write capacity is set only with provisioned billing')],
    ]);
    expect(problems((m) => (m.table = { billing: 'on-demand', write: 5 }))).toEqual([
      ['model.capacityWithoutProvisioned', 'table.write', expect.stringContaining('(the table is on-demand)')],
    ]);
    // A misspelt billing mode is the one problem: nothing about the capacities it may explain.
    expect(problems((m) => (m.table = { billing: 'provisoned' as never, read: 5 }))).toEqual([
      ['model.unknownBilling', 'table.billing', expect.stringContaining('did you mean "provisioned"?')],
    ]);
  });
});
