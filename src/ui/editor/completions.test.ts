import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../engine/index.ts';
import { completionsAt, inCommentOrString } from './completions.ts';
import { modelOutline } from './modelOutline.ts';

const TEXT = [
  'model "Shop"',
  '',
  'entity User key email',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'entity Order key orderId count 150 belongsTo User via userEmail',
  '  orderId: string',
  '  userEmail: string',
  '  createdAt: datetime',
  '  note?: string',
  '  version: number',
  '',
  'getUser: User by email returns one',
  'broken line here',
].join('\n');

const outline = modelOutline(TEXT);
const labels = (before: string) => completionsAt(before, outline).map((c) => c.label);
const ALL_ORDER = ['orderId', 'userEmail', 'createdAt', 'note', 'version'];
const REQUIRED_ORDER = ['orderId', 'userEmail', 'createdAt', 'version'];

describe('model text completions', () => {
  it('reads entities, their headers and attributes, and patterns, even from a text with errors', () => {
    expect(outline.entities.map((e) => [e.name, e.key, e.count, e.belongsTo])).toEqual([
      ['User', ['email'], undefined, []],
      ['Order', ['orderId'], '150', [{ entity: 'User', via: ['userEmail'] }]],
    ]);
    expect(outline.entities[1]?.attributes.find((a) => a.name === 'note')).toEqual({ name: 'note', type: 'string', optional: true });
    expect(outline.entities[0]?.attributes[1]).toEqual({ name: 'plan', type: '"free" | "premium"', optional: false });
    expect(outline.patterns).toEqual([{ name: 'getUser', entity: 'User', line: 14, attributes: ['email'] }]);
  });

  it('offers entity names right after a pattern name', () => {
    expect(labels('getOrders: ')).toEqual(['User', 'Order']);
    expect(labels('getOrders: Or')).toEqual(['User', 'Order']);
  });

  it('offers the attributes of the entity named on the pattern line after by, and clauses after them', () => {
    expect(labels('getOrders: Order by ')).toEqual(ALL_ORDER);
    expect(labels('getOrders: Order by userEmail, ')).toEqual(ALL_ORDER);
    const after = labels('getOrders: Order by userEmail ');
    expect(after).toEqual(expect.arrayContaining(['where', 'order by', 'limit', 'with', 'returns', 'consistent', 'rate', 'shards']));
    expect(after).not.toContain('by');
    expect(after).not.toContain('plan');
    // newest/oldest first need a where range: offered once there is one.
    expect(after).not.toContain('newest first');
    expect(labels('getOrders: Order by userEmail where createdAt >= ? ')).toEqual(expect.arrayContaining(['and', 'newest first', 'oldest first']));
  });

  it('offers operators after the attribute of a where clause, ? after an operator, and entities that belong after with', () => {
    expect(labels('getOrders: Order by userEmail where createdAt ')).toEqual(['=', '<', '<=', '>', '>=', 'between', 'begins_with']);
    expect(labels('getOrders: Order by userEmail where createdAt >= ')).toEqual(['?']);
    expect(labels('getOrders: Order by userEmail where createdAt between ? ')).toEqual(['and']);
    expect(labels('getOrders: Order by userEmail where createdAt >= ? and note ')).toEqual(['=']);
    expect(labels('getUserWithOrders: User by email with ')).toEqual(['Order']);
    expect(labels('getOrders: Order by userEmail order ')).toEqual(['by']);
    expect(labels('getOrders: Order by userEmail order by createdAt ')).toEqual(expect.arrayContaining(['asc', 'desc', 'limit']));
    expect(labels('getOrders: Order by userEmail returns ')).toEqual(['one', 'many']);
    expect(labels('getOrders: Order by userEmail limit ')).toEqual([]);
  });

  it('offers types after an attribute name, in only after a type, and nothing the parser refuses', () => {
    expect(labels('  total: ')).toEqual(['string', 'number', 'boolean', 'date', 'datetime']);
    expect(labels('  total?: ')).toEqual(['string', 'number', 'boolean', 'date', 'datetime']);
    expect(labels('  total: number ')).toEqual(['in']);
    expect(labels('  total: "a" | ')).toEqual([]);
    expect(labels('  tot')).toEqual([]);
    // `in` is offered only where an attribute's type was given.
    for (const before of ['', 'getOrders: Order by userEmail ', 'entity Order key orderId ', 'table ']) expect(labels(before)).not.toContain('in');
    expect(labels('')).toEqual(['model', 'source', 'table', 'entity']);
  });

  it('offers only required attributes after key and via, and number attributes after version and ttl', () => {
    expect(labels('entity Order key ')).toEqual(REQUIRED_ORDER);
    expect(labels('entity Order key (orderId, ')).toEqual(REQUIRED_ORDER);
    expect(labels('entity Order key orderId belongsTo User via ')).toEqual(REQUIRED_ORDER);
    expect(labels('entity Order key orderId belongsTo User via (userEmail, ')).toEqual(REQUIRED_ORDER);
    expect(labels('entity Order key orderId belongsTo ')).toEqual(['User', 'Order']);
    expect(labels('entity Order key orderId belongsTo User ')).toEqual(['via']);
    expect(labels('entity Order key orderId version ')).toEqual(['version']);
    expect(labels('entity Order key orderId unique ')).toEqual(ALL_ORDER);
    expect(labels('entity Order key orderId unique (userEmail, ')).toEqual(ALL_ORDER);
    expect(labels('entity Order key (orderId) ')).not.toContain('orderId');
  });

  it('offers the header clauses not given yet (unique repeats), peak after writes N', () => {
    const after = labels('entity Order key orderId ');
    expect(after).toEqual(['count', 'belongsTo', 'unique', 'version', 'ttl', 'writes', 'itemBytes']);
    expect(labels('entity Order key orderId unique note ')).toContain('unique');
    expect(labels('entity Order key orderId writes 5 ')[0]).toBe('peak');
    expect(labels('entity Order count ')).toEqual([]);
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
    // A pattern named table is a pattern line.
    expect(labels('table: ')).toEqual(['User', 'Order']);
  });

  it('describes every keyword it offers from the language reference', () => {
    for (const before of ['', 'entity Order key orderId ', 'getOrders: Order by userEmail where createdAt >= ? ', 'table ']) {
      for (const c of completionsAt(before, outline).filter((c) => c.kind === 'keyword')) expect(c.detail, c.label).not.toBe('keyword');
    }
    expect(completionsAt('getOrders: Order by ', outline)[3]).toMatchObject({ label: 'note', detail: 'Order attribute: optional string' });
  });

  it('offers, at every step of the reference-style line, a word that makes a line the parser accepts', () => {
    const line = 'getOrders: Order by userEmail where createdAt >= ? newest first limit 5 returns many';
    const words = line.split(' ');
    for (let n = 1; n < words.length; n++) {
      const before = words.slice(0, n).join(' ') + ' ';
      const next = words[n] ?? '';
      if (/^\d/.test(next)) continue; // a number: typed, not offered
      const offered = completionsAt(before, outline).map((c) => c.insertText ?? c.label);
      expect(
        offered.some((o) => o === next || o.startsWith(`${next} `)),
        `${before}→ ${next}`,
      ).toBe(true);
    }
    expect(parseModelText(TEXT.replace('broken line here', line)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
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
    expect(completionsAt('entity A key (' + ' '.repeat(60_000) + ') ', outline).map((c) => c.label)).toContain('count');
  });
});
