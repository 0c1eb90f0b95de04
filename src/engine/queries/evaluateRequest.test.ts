import { describe, expect, it } from 'vitest';
import { bareDesign } from '../../testing/bareDesign.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import type { Design, Item, Request, SkCondition } from '../design/types.ts';
import type { RangeOp } from '../model/types.ts';
import { evaluateRequest } from './evaluateRequest.ts';
import { runRequests } from './runRequests.ts';

const design: Design = bareDesign();

const order = (sk: string, total: number, extra: Item = {}): Item => ({ PK: 'USER#ana', SK: `ORDER#${sk}`, entity: 'Order', total, ...extra });

// One user partition: the user, five orders, and an item of another user.
const items: Item[] = [
  { PK: 'USER#ana', SK: 'USER', entity: 'User', name: 'Ana' },
  order('2024-01-05', 10, { GSI1PK: 'STATUS#paid', GSI1SK: '2024-01-05' }),
  order('2024-02-10', 25, { GSI1PK: 'STATUS#paid', GSI1SK: '2024-02-10' }),
  order('2024-03-15', 40),
  order('2024-04-20', 55, { GSI1PK: 'STATUS#paid' }), // no GSI1SK: not in GSI1
  order('2024-05-25', 70, { GSI1PK: 'STATUS#paid', GSI1SK: '2024-05-25' }),
  { PK: 'USER#bob', SK: 'ORDER#2024-01-01', entity: 'Order', total: 5, GSI1PK: 'STATUS#paid', GSI1SK: '2024-01-01' },
];

function query(args: {
  pk: string;
  sk?: SkCondition;
  index?: string;
  forward?: boolean;
  limit?: number;
  filter?: { attribute: string; op: RangeOp; value: string | number | boolean | [string | number, string | number] };
}): Request {
  const index = args.index ?? 'table';
  return {
    operation: 'Query',
    index,
    input: {
      TableName: 'App',
      ...(index === 'table' ? {} : { IndexName: index }),
      KeyConditionExpression: 'described by key',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
      ...(args.forward === false ? { ScanIndexForward: false } : {}),
      ...(args.limit === undefined ? {} : { Limit: args.limit }),
    },
    key: { pk: args.pk, sk: args.sk ?? { op: 'none' } },
    ...(args.filter ? { filter: args.filter } : {}),
  };
}

const sks = (r: { items: Item[] }): unknown[] => r.items.map((i) => i.SK);
const run = (request: Request, list: Item[] = items) => evaluateRequest({ design, items: list, request });

describe('evaluateRequest: GetItem', () => {
  it('returns the item whose table key equals the Key', () => {
    const request: Request = { operation: 'GetItem', index: 'table', input: { TableName: 'App', Key: { PK: 'USER#ana', SK: 'USER' } } };
    const r = run(request);
    expect(r.items).toEqual([items[0]]);
    expect(r.lastEvaluatedKey).toBeUndefined();
  });

  it('returns nothing when no item has that key', () => {
    const request: Request = { operation: 'GetItem', index: 'table', input: { TableName: 'App', Key: { PK: 'USER#ana', SK: 'USER#x' } } };
    expect(run(request)).toEqual({ items: [], scannedCount: 0, scanned: [] });
  });
});

describe('evaluateRequest: Query key conditions', () => {
  const pk = 'USER#ana';
  it('returns the whole partition in sort key order without a sort key condition', () => {
    expect(sks(run(query({ pk })))).toEqual(['ORDER#2024-01-05', 'ORDER#2024-02-10', 'ORDER#2024-03-15', 'ORDER#2024-04-20', 'ORDER#2024-05-25', 'USER']);
  });

  it('applies = < <= > >= on the sort key', () => {
    expect(sks(run(query({ pk, sk: { op: '=', value: 'ORDER#2024-03-15' } })))).toEqual(['ORDER#2024-03-15']);
    expect(sks(run(query({ pk, sk: { op: '<', value: 'ORDER#2024-02-10' } })))).toEqual(['ORDER#2024-01-05']);
    expect(sks(run(query({ pk, sk: { op: '<=', value: 'ORDER#2024-02-10' } })))).toEqual(['ORDER#2024-01-05', 'ORDER#2024-02-10']);
    expect(sks(run(query({ pk, sk: { op: '>', value: 'ORDER#2024-05-25' } })))).toEqual(['USER']);
    expect(sks(run(query({ pk, sk: { op: '>=', value: 'ORDER#2024-05-25' } })))).toEqual(['ORDER#2024-05-25', 'USER']);
  });

  it('treats between as inclusive at both ends', () => {
    const r = run(query({ pk, sk: { op: 'between', low: 'ORDER#2024-02-10', high: 'ORDER#2024-04-20' } }));
    expect(sks(r)).toEqual(['ORDER#2024-02-10', 'ORDER#2024-03-15', 'ORDER#2024-04-20']);
  });

  it('selects by begins_with prefix', () => {
    expect(run(query({ pk, sk: { op: 'begins_with', prefix: 'ORDER#' } })).items).toHaveLength(5);
    expect(sks(run(query({ pk, sk: { op: 'begins_with', prefix: 'ORDER#2024-0' + '3' } })))).toEqual(['ORDER#2024-03-15']);
  });

  it('returns nothing for a partition no item has', () => {
    expect(run(query({ pk: 'USER#nobody' }))).toEqual({ items: [], scannedCount: 0, scanned: [] });
  });

  it('reverses the order when ScanIndexForward is false', () => {
    const r = run(query({ pk, sk: { op: 'begins_with', prefix: 'ORDER#' }, forward: false }));
    expect(sks(r)).toEqual(['ORDER#2024-05-25', 'ORDER#2024-04-20', 'ORDER#2024-03-15', 'ORDER#2024-02-10', 'ORDER#2024-01-05']);
  });
});

describe('evaluateRequest: indexes', () => {
  it('leaves out items lacking either key attribute of a GSI (sparse index)', () => {
    const r = run(query({ index: 'GSI1', pk: 'STATUS#paid' }));
    expect(r.items.map((i) => i.GSI1SK)).toEqual(['2024-01-01', '2024-01-05', '2024-02-10', '2024-05-25']);
    expect(r.items.some((i) => i.SK === 'ORDER#2024-04-20')).toBe(false);
  });

  it('orders GSI ties by table partition key then sort key', () => {
    const tied: Item[] = [
      { PK: 'b', SK: '1', G: 'g', GS: 'same' },
      { PK: 'a', SK: '9', G: 'g', GS: 'same' },
      { PK: 'a', SK: '1', G: 'g', GS: 'same' },
    ];
    const d: Design = { ...design, indexes: [design.indexes[0]!, { ...compositeIndex(design.indexes[1]!), pkAttribute: 'G', skAttribute: 'GS' }] };
    const r = evaluateRequest({ design: d, items: tied, request: query({ index: 'GSI1', pk: 'g' }) });
    expect(r.items.map((i) => `${i.PK}${i.SK}`)).toEqual(['a1', 'a9', 'b1']);
  });

  it('reports an unknown index as an error value, not a throw', () => {
    const r = run(query({ index: 'GSI9', pk: 'x' }));
    expect(r.items).toEqual([]);
    expect(r.error?.code).toBe('queries.unknownIndex');
  });

  it('refuses a Limit below 1 with an error value', () => {
    expect(run(query({ pk: 'USER#ana', limit: 0 })).error?.code).toBe('queries.invalidLimit');
  });
});

describe('evaluateRequest: UTF-8 byte order', () => {
  const word = (w: string): Item => ({ PK: 'W', SK: w });
  const words = ['z', 'é', 'β', '\uFFFD', '\u{1F600}', 'a', 'Z'];

  it('sorts sort keys by UTF-8 bytes: ASCII, é, β, U+FFFD, then the emoji', () => {
    const r = run(query({ pk: 'W' }), words.map(word));
    expect(sks(r)).toEqual(['Z', 'a', 'z', 'é', 'β', '\uFFFD', '\u{1F600}']);
  });

  it('compares range conditions by UTF-8 bytes, so the emoji is above U+FFFD', () => {
    expect(sks(run(query({ pk: 'W', sk: { op: '>', value: '\uFFFD' } }), words.map(word)))).toEqual(['\u{1F600}']);
    expect(sks(run(query({ pk: 'W', sk: { op: 'between', low: 'é', high: '\uFFFD' } }), words.map(word)))).toEqual(['é', 'β', '\uFFFD']);
  });
});

describe('evaluateRequest: Limit, pagination and filters', () => {
  const pk = 'USER#ana';
  const prefix: SkCondition = { op: 'begins_with', prefix: 'ORDER#' };

  it('drops items failing the filter but counts them as read', () => {
    const r = run(query({ pk, sk: prefix, filter: { attribute: 'total', op: '>=', value: 40 } }));
    expect(r.items.map((i) => i.total)).toEqual([40, 55, 70]);
    expect(r.scannedCount).toBe(5);
  });

  it('applies Limit to items read before the filter and returns where it stopped', () => {
    const r = run(query({ pk, sk: prefix, limit: 2, filter: { attribute: 'total', op: '>=', value: 40 } }));
    expect(r.items).toEqual([]);
    expect(r.scannedCount).toBe(2);
    expect(r.lastEvaluatedKey).toEqual({ PK: 'USER#ana', SK: 'ORDER#2024-02-10' });
  });

  it('continues after exclusiveStartKey and returns a last key when Limit items were read, even at the end', () => {
    const request = query({ pk, sk: prefix, limit: 2, filter: { attribute: 'total', op: '>=', value: 40 } });
    const pages = [];
    let exclusiveStartKey: Item | undefined;
    for (;;) {
      const page = evaluateRequest(exclusiveStartKey ? { design, items, request, exclusiveStartKey } : { design, items, request });
      pages.push(page);
      if (!page.lastEvaluatedKey) break;
      exclusiveStartKey = page.lastEvaluatedKey;
    }
    expect(pages.map((p) => p.items.map((i) => i.total))).toEqual([[], [40, 55], [70]]);
    expect(pages.map((p) => p.scannedCount)).toEqual([2, 2, 1]);
  });

  it('gives a last key when exactly Limit items remain, then an empty page', () => {
    const request = query({ pk, sk: { op: 'between', low: 'ORDER#2024-04-20', high: 'ORDER#2024-05-25' }, limit: 2 });
    const first = evaluateRequest({ design, items, request });
    expect(first.items).toHaveLength(2);
    expect(first.lastEvaluatedKey).toEqual({ PK: 'USER#ana', SK: 'ORDER#2024-05-25' });
    const second = evaluateRequest({ design, items, request, exclusiveStartKey: first.lastEvaluatedKey! });
    expect(second).toEqual({ items: [], scannedCount: 0, scanned: [] });
  });

  it('includes the index key in a GSI last key and pages descending', () => {
    const request = query({ index: 'GSI1', pk: 'STATUS#paid', forward: false, limit: 3 });
    const first = evaluateRequest({ design, items, request });
    expect(first.items.map((i) => i.GSI1SK)).toEqual(['2024-05-25', '2024-02-10', '2024-01-05']);
    expect(first.lastEvaluatedKey).toEqual({ PK: 'USER#ana', SK: 'ORDER#2024-01-05', GSI1PK: 'STATUS#paid', GSI1SK: '2024-01-05' });
    const second = evaluateRequest({ design, items, request, exclusiveStartKey: first.lastEvaluatedKey! });
    expect(second.items.map((i) => i.GSI1SK)).toEqual(['2024-01-01']);
    expect(second.lastEvaluatedKey).toBeUndefined();
  });

  it('starts after an exclusiveStartKey that names no stored item', () => {
    const r = evaluateRequest({ design, items, request: query({ pk, sk: prefix }), exclusiveStartKey: { PK: pk, SK: 'ORDER#2024-02-11' } });
    expect(r.items.map((i) => i.total)).toEqual([40, 55, 70]);
  });

  it('filters with between on a [low, high] pair, on strings and on booleans', () => {
    const list: Item[] = [
      { PK: 'p', SK: '1', city: 'Lisboa', open: true, n: 3 },
      { PK: 'p', SK: '2', city: 'Porto', open: false, n: 10 },
      { PK: 'p', SK: '3', city: 'Évora', open: true, n: 7 },
    ];
    const pick = (filter: { attribute: string; op: RangeOp; value: string | number | boolean | [string | number, string | number] }) =>
      run(query({ pk: 'p', filter }), list).items.map((i) => i.SK);
    expect(pick({ attribute: 'n', op: 'between', value: [3, 7] })).toEqual(['1', '3']);
    expect(pick({ attribute: 'city', op: '>', value: 'Z' })).toEqual(['3']); // É is above every ASCII letter
    expect(pick({ attribute: 'city', op: 'begins_with', value: 'Po' })).toEqual(['2']);
    expect(pick({ attribute: 'open', op: '=', value: true })).toEqual(['1', '3']);
    expect(pick({ attribute: 'missing', op: '=', value: 'x' })).toEqual([]);
  });
});

describe('runRequests', () => {
  it('concatenates several requests in order, each read to its end', () => {
    const requests = [query({ pk: 'USER#ana', sk: { op: 'begins_with', prefix: 'ORDER#' } }), query({ index: 'GSI1', pk: 'STATUS#paid' })];
    const out = runRequests({ design, items, requests });
    expect(out.map((i) => i.total)).toEqual([10, 25, 40, 55, 70, 5, 10, 25, 70]);
  });

  it("reads one page of a request with Limit (a pattern's first N records), as DynamoDB and the harness do", () => {
    const requests = [query({ pk: 'USER#ana', sk: { op: 'begins_with', prefix: 'ORDER#' }, limit: 2 }), query({ index: 'GSI1', pk: 'STATUS#paid', limit: 1 })];
    const out = runRequests({ design, items, requests });
    expect(out.map((i) => i.total)).toEqual([10, 25, 5]);
  });
});
