import { describe, expect, it } from 'vitest';
import { completionsAt, inCommentOrString } from './completions.ts';
import { modelOutline } from './modelOutline.ts';

const TEXT = [
  'model "Shop"',
  '',
  'entity User key email',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'entity Order key orderId belongsTo User via userEmail',
  '  orderId: string',
  '  userEmail: string',
  '  createdAt: datetime',
  '  note?: string',
  '',
  'getUser: User by email returns one',
  'broken line here',
].join('\n');

const outline = modelOutline(TEXT);
const labels = (before: string) => completionsAt(before, outline).map((c) => c.label);

describe('model text completions', () => {
  it('reads entities and their attributes even from a text with errors', () => {
    expect(outline).toEqual([
      { name: 'User', attributes: ['email', 'plan'] },
      { name: 'Order', attributes: ['orderId', 'userEmail', 'createdAt', 'note'] },
    ]);
  });

  it('offers entity names right after a pattern name', () => {
    expect(labels('getOrders: ')).toEqual(['User', 'Order']);
    expect(labels('getOrders: Or')).toEqual(['User', 'Order']);
  });

  it('offers the attributes of the entity named on the pattern line first', () => {
    const offered = labels('getOrders: Order by ');
    expect(offered.slice(0, 3)).toEqual(['orderId', 'userEmail', 'createdAt']);
    expect(offered).not.toContain('plan');
    expect(offered).toContain('where');
  });

  it('offers operators after the attribute of a where clause, and entities after with', () => {
    expect(labels('getOrders: Order by userEmail where createdAt ')).toEqual(['=', '<', '<=', '>', '>=', 'between', 'begins_with', '?']);
    expect(labels('getUserWithOrders: User by email with ')).toEqual(['User', 'Order']);
  });

  it('offers types after an attribute name and the key attributes in an entity header', () => {
    expect(labels('  total: ')).toEqual(['string', 'number', 'boolean', 'date', 'datetime']);
    expect(labels('  total?: ')).toEqual(['string', 'number', 'boolean', 'date', 'datetime']);
    expect(labels('entity Order key ')).toEqual(['orderId', 'userEmail', 'createdAt', 'note']);
    expect(labels('entity Order key orderId belongsTo ')).toEqual(['User', 'Order']);
  });

  it('offers the new header clauses, and attributes after unique, version and ttl', () => {
    expect(labels('entity Order key orderId ')).toEqual(expect.arrayContaining(['unique', 'version', 'ttl']));
    for (const clause of ['unique', 'version', 'ttl']) expect(labels(`entity Order key orderId ${clause} `)).toEqual(['orderId', 'userEmail', 'createdAt', 'note']);
    expect(labels('entity Order key orderId unique (userEmail, ')).toEqual(['orderId', 'userEmail', 'createdAt', 'note']);
  });

  it('offers the table line its clauses not given yet, and the values of billing, stream and class', () => {
    expect(labels('table ')).toEqual(['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class']);
    expect(labels('table App billing provisioned read 5 ')).toEqual(['write', 'stream', 'pitr', 'deletionProtection', 'class']);
    expect(labels('table App billing ')).toEqual(['on-demand', 'provisioned']);
    expect(labels('table App billing prov')).toEqual(['on-demand', 'provisioned']);
    expect(labels('table App stream ')).toEqual(['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY']);
    expect(labels('table App class ')).toEqual(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']);
    expect(labels('table App read ')).toEqual([]);
    expect(labels('table App pitr ')).toEqual(['on', 'off', 'billing', 'read', 'write', 'stream', 'deletionProtection', 'class']);
    expect(labels('table App constructor ')).toContain('billing');
    // A pattern named table is a pattern line; a line start offers table.
    expect(labels('table: ')).toEqual(['User', 'Order']);
    expect(labels('')).toEqual(expect.arrayContaining(['entity', 'model', 'source', 'table']));
  });

  it('offers the attributes inside an open list of key attributes', () => {
    expect(labels('entity Order key (orderId, ')).toEqual(['orderId', 'userEmail', 'createdAt', 'note']);
    expect(labels('entity Order key (orderId) ')).not.toContain('orderId');
  });
});

describe('no completions in comments and strings', () => {
  it('knows when the cursor is in a comment or a string', () => {
    expect(inCommentOrString('getUser: User by email # why')).toBe(true);
    expect(inCommentOrString('model "Sh')).toBe(true);
    expect(inCommentOrString('model "Shop" ')).toBe(false);
    expect(inCommentOrString('  plan: "a \\"b\\" #c" | "')).toBe(true);
    expect(inCommentOrString('  plan: "a \\"b\\" #c" | ')).toBe(false);
  });

  // The provider's previous check: strip closed strings, then look for `#` or an open quote.
  // It was quadratic on a long line of `\"`; the one-pass scan must decide the same.
  it('agrees with the previous two-regex check on every short line', () => {
    const closedString = new RegExp('"(?:[^"\\\\]|\\\\.)*"', 'g');
    const openOrComment = new RegExp('#|"[^"]*$');
    const previous = (before: string) => openOrComment.test(before.replace(closedString, ''));
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'a "\\#(';
    for (let n = 0; n < 20_000; n++) {
      const length = next() % 10;
      let line = '';
      for (let i = 0; i < length; i++) line += alphabet[next() % alphabet.length];
      expect(inCommentOrString(line), JSON.stringify(line)).toBe(previous(line));
    }
  });

  it('answers on a 60,000-character line of escaped quotes', () => {
    expect(inCommentOrString('"' + '\\"'.repeat(30_000))).toBe(true);
    expect(completionsAt('entity A (' + ' '.repeat(60_000) + ')', outline).map((c) => c.label)).toContain('key');
  });
});
