import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, RecordValue } from '../model/types.ts';
import { answerPattern } from './answerPattern.ts';

function readProblemModel(file: string): Model {
  const raw = JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')) as Model;
  return { ...raw, entities: raw.entities.map((e) => ({ ...e, belongsTo: e.belongsTo ?? [] })) };
}

const model = readProblemModel('ecommerce.problem.json');

const users: RecordValue[] = [
  { email: 'ana@example.com', userId: 'u-1', name: 'Ana', plan: 'premium', createdAt: '2024-03-01T10:00:00.000Z' },
  { email: 'bo@example.com', userId: 'u-2', name: 'Bo', plan: 'free', createdAt: '2024-01-01T10:00:00.000Z' },
  { email: 'cy@example.com', userId: 'u-2', name: 'Cy', plan: 'premium', createdAt: '2024-06-01T10:00:00.000Z' },
];
const orders: RecordValue[] = [
  { orderId: 'o-1', userEmail: 'ana@example.com', status: 'paid', createdAt: '2024-03-02T00:00:00.000Z', total: 10 },
  { orderId: 'o-2', userEmail: 'bo@example.com', status: 'paid', createdAt: '2024-03-03T00:00:00.000Z', total: 20 },
  { orderId: 'o-3', userEmail: 'ana@example.com', status: 'shipped', createdAt: '2024-05-02T00:00:00.000Z', total: 30 },
];
const products: RecordValue[] = [
  { productId: 'p-1', name: 'Lamp', category: 'home', price: 9.5, views: 100 },
  { productId: 'p-2', name: 'Chair', category: 'home', price: 49, views: 9 },
  { productId: 'p-3', name: 'Pen', category: 'office', price: 1, views: 1000 },
];
const reviews: RecordValue[] = [
  { productId: 'p-1', userId: 'u-1', createdAt: '2024-01-10', rating: 5, comment: 'Great' },
  { productId: 'p-1', userId: 'u-2', createdAt: '2024-02-10', rating: 3, comment: 'Fine' },
  { productId: 'p-1', userId: 'u-3', createdAt: '2024-03-10', rating: 1, comment: 'Bad' },
  { productId: 'p-2', userId: 'u-1', createdAt: '2024-02-15', rating: 4, comment: 'Good' },
];
const records = new Map([
  ['User', users],
  ['Order', orders],
  ['Product', products],
  ['Review', reviews],
]);

const ids = (answer: { record: RecordValue }[], attr: string) => answer.map((a) => a.record[attr]);

describe('answerPattern', () => {
  it('returns the record whose equals attributes equal the parameters', () => {
    expect(answerPattern(model, records, 'getUserByEmail', { email: 'bo@example.com' })).toEqual([{ entity: 'User', record: users[1] }]);
    expect(answerPattern(model, records, 'getUserByEmail', { email: 'nobody@example.com' })).toEqual([]);
  });

  it('requires a parameter of the same type: 1 does not equal "1"', () => {
    const numeric: Model = {
      name: 'n',
      entities: [{ name: 'T', attributes: [{ name: 'n', type: 'number' }], key: ['n'], belongsTo: [] }],
      patterns: [{ name: 'byN', entity: 'T', equals: ['n'], returns: 'one' }],
    };
    const recs = new Map([['T', [{ n: 1 }]]]);
    expect(answerPattern(numeric, recs, 'byN', { n: 1 })).toHaveLength(1);
    expect(answerPattern(numeric, recs, 'byN', { n: '1' })).toEqual([]);
  });

  it('sorts by the order attribute, descending datetimes and numbers', () => {
    expect(ids(answerPattern(model, records, 'getUsersByPlan', { plan: 'premium' }), 'email')).toEqual(['cy@example.com', 'ana@example.com']);
    expect(ids(answerPattern(model, records, 'getTrendingProducts', { category: 'home' }), 'productId')).toEqual(['p-1', 'p-2']);
    expect(ids(answerPattern(model, records, 'getOrdersByStatus', { status: 'paid' }), 'orderId')).toEqual(['o-1', 'o-2']);
  });

  it('applies the range condition (>=) on datetimes by their text', () => {
    const a = answerPattern(model, records, 'getRecentUserOrders', { userEmail: 'ana@example.com', createdAt: '2024-04-01T00:00:00.000Z' });
    expect(ids(a, 'orderId')).toEqual(['o-3']);
  });

  it('treats between as inclusive and refuses a parameter that is not a pair', () => {
    const a = answerPattern(model, records, 'getProductReviews', { productId: 'p-1', createdAt: ['2024-01-10', '2024-02-10'] });
    expect(ids(a, 'userId')).toEqual(['u-1', 'u-2']);
    expect(answerPattern(model, records, 'getProductReviews', { productId: 'p-1', createdAt: '2024-01-10' })).toEqual([]);
  });

  it('follows each matched record with the records of included entities that belong to it', () => {
    const a = answerPattern(model, records, 'getUserWithOrders', { email: 'ana@example.com' });
    expect(a.map((x) => `${x.entity}:${x.record.email ?? x.record.orderId}`)).toEqual(['User:ana@example.com', 'Order:o-1', 'Order:o-3']);
  });

  it('compares strings by UTF-8 bytes in range conditions and ordering', () => {
    const m: Model = {
      name: 'w',
      entities: [
        {
          name: 'W',
          attributes: [
            { name: 'g', type: 'string' },
            { name: 'w', type: 'string' },
          ],
          key: ['w'],
          belongsTo: [],
        },
      ],
      patterns: [
        { name: 'above', entity: 'W', equals: ['g'], range: { attribute: 'w', op: '>' }, order: { attribute: 'w', direction: 'asc' }, returns: 'many' },
        { name: 'prefix', entity: 'W', equals: ['g'], range: { attribute: 'w', op: 'begins_with' }, returns: 'many' },
      ],
    };
    const recs = new Map([['W', ['\u{1F600}', '\uFFFD', 'é', 'z', 'β'].map((w) => ({ g: 'x', w }))]]);
    expect(ids(answerPattern(m, recs, 'above', { g: 'x', w: 'z' }), 'w')).toEqual(['é', 'β', '\uFFFD', '\u{1F600}']);
    expect(ids(answerPattern(m, recs, 'above', { g: 'x', w: '\uFFFD' }), 'w')).toEqual(['\u{1F600}']);
    expect(ids(answerPattern(m, recs, 'prefix', { g: 'x', w: 'é' }), 'w')).toEqual(['é']);
  });

  it('leaves out records that lack an attribute the pattern names in equals, range or order, and keeps them elsewhere', () => {
    const m: Model = {
      name: 'o',
      entities: [
        {
          name: 'Game',
          attributes: [
            { name: 'id', type: 'string' },
            { name: 'host', type: 'string' },
            { name: 'mode', type: 'string', optional: true },
            { name: 'score', type: 'number', optional: true },
          ],
          key: ['id'],
          belongsTo: [],
        },
      ],
      patterns: [
        { name: 'byHost', entity: 'Game', equals: ['host'], returns: 'many' },
        { name: 'byHostByScore', entity: 'Game', equals: ['host'], order: { attribute: 'score', direction: 'desc' }, returns: 'many' },
        { name: 'byHostScoreAbove', entity: 'Game', equals: ['host'], range: { attribute: 'score', op: '>=' }, returns: 'many' },
        { name: 'byHostMode', entity: 'Game', equals: ['host', 'mode'], returns: 'many' },
      ],
    };
    const games: RecordValue[] = [
      { id: 'g1', host: 'h', mode: 'solo', score: 5 },
      { id: 'g2', host: 'h' },
      { id: 'g3', host: 'h', score: 9 },
      { id: 'g4', host: 'h', mode: 'solo' },
    ];
    const recs = new Map([['Game', games]]);
    expect(ids(answerPattern(m, recs, 'byHost', { host: 'h' }), 'id')).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(ids(answerPattern(m, recs, 'byHostByScore', { host: 'h' }), 'id')).toEqual(['g3', 'g1']);
    expect(ids(answerPattern(m, recs, 'byHostScoreAbove', { host: 'h', score: 0 }), 'id')).toEqual(['g1', 'g3']);
    expect(ids(answerPattern(m, recs, 'byHostMode', { host: 'h', mode: 'solo' }), 'id')).toEqual(['g1', 'g4']);
  });

  it('answers nothing for an unknown pattern', () => {
    expect(answerPattern(model, records, 'noSuchPattern', {})).toEqual([]);
  });

  it('follows the first relation when a child has two relations to the parent, as the key layout does', () => {
    const m: Model = {
      name: 'f',
      entities: [
        { name: 'User', attributes: [{ name: 'id', type: 'string' }], key: ['id'], belongsTo: [] },
        {
          name: 'Follow',
          attributes: [
            { name: 'from', type: 'string' },
            { name: 'to', type: 'string' },
          ],
          key: ['from', 'to'],
          belongsTo: [
            { entity: 'User', via: ['from'] },
            { entity: 'User', via: ['to'] },
          ],
        },
      ],
      patterns: [{ name: 'userWithFollows', entity: 'User', equals: ['id'], include: ['Follow'], returns: 'many' }],
    };
    const recs = new Map([
      ['User', [{ id: 'a' }, { id: 'b' }]],
      [
        'Follow',
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
          { from: 'a', to: 'a' },
        ],
      ],
    ]);
    expect(answerPattern(m, recs, 'userWithFollows', { id: 'a' }).map((x) => JSON.stringify(x.record))).toEqual([
      '{"id":"a"}',
      '{"from":"a","to":"b"}',
      '{"from":"a","to":"a"}',
    ]);
  });
});

describe('answerPattern: fixed values and limits (v1 extensions)', () => {
  const games: Model = {
    name: 'Games',
    entities: [
      {
        name: 'Game',
        attributes: [
          { name: 'id', type: 'string' },
          { name: 'host', type: 'string' },
          { name: 'status', type: 'string' },
          { name: 'level', type: 'number' },
          { name: 'mode', type: 'string', optional: true },
          { name: '__proto__', type: 'string', optional: true },
        ],
        key: ['id'],
        belongsTo: [],
      },
      {
        name: 'Move',
        attributes: [
          { name: 'moveId', type: 'string' },
          { name: 'gameId', type: 'string' },
        ],
        key: ['moveId'],
        belongsTo: [{ entity: 'Game', via: ['gameId'] }],
      },
    ],
    patterns: [
      { name: 'open', entity: 'Game', equals: [], fixed: { status: 'open' }, returns: 'many' },
      { name: 'openSolo', entity: 'Game', equals: ['host'], fixed: { status: 'open', mode: 'solo' }, returns: 'many' },
      { name: 'levelTwo', entity: 'Game', equals: [], fixed: { level: 2 }, returns: 'many' },
      { name: 'odd', entity: 'Game', equals: [], fixed: Object.fromEntries([['__proto__', 'x']]), returns: 'many' },
      { name: 'topLevels', entity: 'Game', equals: [], order: { attribute: 'level', direction: 'desc' }, limit: 2, returns: 'many' },
      {
        name: 'firstOpen',
        entity: 'Game',
        equals: ['host'],
        fixed: { status: 'open' },
        order: { attribute: 'level', direction: 'asc' },
        limit: 1,
        returns: 'one',
      },
      { name: 'topWithMoves', entity: 'Game', equals: [], order: { attribute: 'level', direction: 'desc' }, limit: 1, include: ['Move'], returns: 'many' },
    ],
  };
  const list: RecordValue[] = [
    { id: 'g1', host: 'ana', status: 'open', level: 1, mode: 'solo' },
    { id: 'g2', host: 'ana', status: 'done', level: 3, mode: 'solo' },
    { id: 'g3', host: 'bo', status: 'open', level: 3 },
    { id: 'g4', host: 'ana', status: 'open', level: 2, mode: 'duo' },
    Object.fromEntries([
      ['id', 'g5'],
      ['host', 'bo'],
      ['status', 'OPEN'],
      ['level', '2' as unknown as number],
      ['__proto__', 'x'],
    ]) as RecordValue,
  ];
  const moves: RecordValue[] = [
    { moveId: 'm1', gameId: 'g2' },
    { moveId: 'm2', gameId: 'g3' },
  ];
  const data = new Map([
    ['Game', list],
    ['Move', moves],
  ]);
  const answer = (name: string, params = {}) => ids(answerPattern(games, data, name, params), 'id');

  it('keeps the records whose every fixed attribute equals its literal, of the same type; one lacking it is not in the answer', () => {
    expect(answer('open')).toEqual(['g1', 'g3', 'g4']);
    expect(answer('openSolo', { host: 'ana' })).toEqual(['g1']);
    expect(answer('openSolo', { host: 'bo' })).toEqual([]);
    expect(answer('levelTwo')).toEqual(['g4']);
    expect(answer('odd')).toEqual(['g5']);
  });

  it('keeps the first limit records in the order, ties at the boundary in record order, each with its included records', () => {
    expect(answer('topLevels')).toEqual(['g2', 'g3']);
    expect(answer('firstOpen', { host: 'ana' })).toEqual(['g1']);
    expect(answer('firstOpen', { host: 'bo' })).toEqual(['g3']);
    expect(answerPattern(games, data, 'topWithMoves', {}).map((a) => [a.entity, a.record['id'] ?? a.record['moveId']])).toEqual([
      ['Game', 'g2'],
      ['Move', 'm1'],
    ]);
  });
});
