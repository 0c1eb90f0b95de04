// Read units by the worked examples of DynamoDB's developer guide, arithmetic written out:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html (read request units),
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Reads.
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import type { Item, Request } from '../design/types.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { itemBytes } from './itemSize.ts';
import { patternReadCost, patternReadUnits, readUnitsOf, requestReadUnits } from './readUnits.ts';

const KB = 1024;

describe('readUnitsOf: the guide’s examples', () => {
  it('"reading a 3,500-byte item consumes the same throughput as reading a 4 KB item": 1 unit strong, 0.5 eventual', () => {
    expect(readUnitsOf(3500, true)).toBe(Math.ceil(3500 / (4 * KB)) * 1);
    expect(readUnitsOf(3500, false)).toBe(Math.ceil(3500 / (4 * KB)) * 0.5);
  });
  it('"a strongly consistent read of an item that is 8 KB (4 KB × 2) consumes 2 read capacity units… eventually consistent… 1"', () => {
    expect(readUnitsOf(8 * KB, true)).toBe(2);
    expect(readUnitsOf(8 * KB, false)).toBe(1);
  });
  it('"if you read an item of 10 KB, DynamoDB rounds the item size to 12 KB": 3 units strong; an 8.5 KB item too', () => {
    expect(readUnitsOf(10 * KB, true)).toBe(12 / 4);
    expect(readUnitsOf(8.5 * KB, true)).toBe(12 / 4);
    expect(readUnitsOf(8.5 * KB, false)).toBe((12 / 4) * 0.5);
  });
  it('"your query returns 10 items whose combined size is 40.8 KB. DynamoDB rounds the item size for the operation to 44 KB"', () => {
    expect(readUnitsOf(40.8 * KB, true)).toBe(44 / 4);
    expect(readUnitsOf(40.8 * KB, false)).toBe(44 / 4 / 2);
  });
  it('"if a query returns 1500 items of 64 bytes each, the cumulative size is 96 KB"', () => {
    expect(readUnitsOf(1500 * 64, true)).toBe(96 / 4);
    expect(readUnitsOf(1500 * 64, false)).toBe(96 / 4 / 2);
  });
  it('"a read operation on an item that does not exist… consumes… one read capacity unit [strong]… 0.5 [eventual]"', () => {
    expect(readUnitsOf(0, true)).toBe(1);
    expect(readUnitsOf(0, false)).toBe(0.5);
  });
});

// Orders of a customer on the table, by status on a GSI; every item padded by its note to an exact size.
const design = deriveDesign(
  modelFromText(`model "Shop"
entity Order key orderId
  orderId: string
  customerId: string
  status: string
  note: string
  createdAt: datetime
getOrder: Order by orderId
byStatus: Order by status
byCustomer: Order by customerId where status >= ? order by createdAt desc
`),
);

/** An Order item of exactly `bytes` bytes. */
function order(orderId: string, customerId: string, status: string, bytes: number): Item {
  const createdAt = '2026-01-01T00:00:00.000Z';
  const bare = toItem(design, 'Order', { orderId, customerId, status, createdAt, note: '' });
  const item = toItem(design, 'Order', { orderId, customerId, status, createdAt, note: 'x'.repeat(bytes - itemBytes(bare)) });
  expect(itemBytes(item)).toBe(bytes);
  return item;
}

const plans = Object.fromEntries(design.patterns.map((p) => [p.pattern, p]));

describe('requestReadUnits on a design', () => {
  it('a GetItem of a 3,500-byte item: 1 unit strongly consistent, 0.5 eventually; a missing item costs the same', () => {
    const items = [order('o1', 'c1', 'paid', 3500)];
    const [get] = buildRequest(design, 'getOrder', { orderId: 'o1' }) as [Request];
    expect(get.operation).toBe('GetItem');
    expect(requestReadUnits({ design, items, request: get }).units).toBe(0.5);
    const strong = { ...get, input: { ...get.input, ConsistentRead: true } } as Request;
    expect(requestReadUnits({ design, items, request: strong }).units).toBe(1);
    const [missing] = buildRequest(design, 'getOrder', { orderId: 'nobody' }) as [Request];
    expect(requestReadUnits({ design, items, request: missing })).toMatchObject({ itemsRead: 0, bytesRead: 0, units: 0.5 });
  });

  it('a GetItem of an 8.5 KB item: 12 KB, so 3 units strong and 1.5 eventual', () => {
    const items = [order('o1', 'c1', 'paid', 8.5 * KB)];
    const [get] = buildRequest(design, 'getOrder', { orderId: 'o1' }) as [Request];
    expect(requestReadUnits({ design, items, request: { ...get, input: { ...get.input, ConsistentRead: true } } as Request }).units).toBe(3);
    expect(requestReadUnits({ design, items, request: get }).units).toBe(1.5);
  });

  it('a GSI Query: "each item contains 2,000 bytes… matches eight items… 2,000 bytes × 8 items = 16,000 bytes… 0.5 × (16 KB / 4 KB), or 2"', () => {
    expect(plans['byStatus']?.steps[0]?.index).not.toBe('table');
    const items = Array.from({ length: 8 }, (_, i) => order(`o${i}`, `c${i}`, 'paid', 2000));
    const [query] = buildRequest(design, 'byStatus', { status: 'paid' }) as [Request];
    const units = requestReadUnits({ design, items, request: query });
    expect(units).toMatchObject({ itemsRead: 8, bytesRead: 2000 * 8, consistent: false });
    expect(units.units).toBe(0.5 * (16 / 4));
    // ConsistentRead cannot make a GSI read strongly consistent: still half a unit per 4 KB.
    expect(requestReadUnits({ design, items, request: { ...query, input: { ...query.input, ConsistentRead: true } } as Request }).units).toBe(2);
  });

  it('a Query of 200 items of 200 bytes: 40,000 bytes round up to 40 KB, 10 units strong, 5 eventual; its filter does not reduce what is read', () => {
    const items = Array.from({ length: 200 }, (_, i) => order(`o${String(i).padStart(3, '0')}`, 'c1', i % 2 ? 'paid' : 'open', 200));
    const plan = plans['byCustomer'];
    expect(plan?.steps[0]?.filter).toBeDefined();
    const [query] = buildRequest(design, 'byCustomer', { customerId: 'c1', status: 'paid' }) as [Request];
    const units = requestReadUnits({ design, items, request: query });
    expect(units).toMatchObject({ itemsRead: 200, bytesRead: 200 * 200 });
    expect(units.units).toBe(Math.ceil(40000 / 4096) / 2);
    // On the table ConsistentRead doubles it (10 units); on a GSI it cannot (still 5).
    const onTable = plan?.steps[0]?.index === 'table';
    expect(requestReadUnits({ design, items, request: { ...query, input: { ...query.input, ConsistentRead: true } } as Request }).units).toBe(onTable ? 10 : 5);
  });

  it('a Query that reads nothing costs the least read (0.5 eventual)', () => {
    const [query] = buildRequest(design, 'byStatus', { status: 'none' }) as [Request];
    expect(requestReadUnits({ design, items: [], request: query })).toMatchObject({ itemsRead: 0, units: 0.5, pages: [{ items: 0, bytes: 0, units: 0.5 }] });
  });

  it('a Query reading over 1 MB is several pages, each rounded on its own', () => {
    // 300 items of 4,000 bytes: 1,048,576 / 4,000 → a page stops at the item that reaches 1 MB (263 items).
    const items = Array.from({ length: 300 }, (_, i) => order(`o${String(i).padStart(3, '0')}`, `c${i}`, 'paid', 4000));
    const [query] = buildRequest(design, 'byStatus', { status: 'paid' }) as [Request];
    const units = requestReadUnits({ design, items, request: query });
    expect(units.pages.map((p) => p.items)).toEqual([263, 37]);
    expect(units.units).toBe(Math.ceil((263 * 4000) / 4096) / 2 + Math.ceil((37 * 4000) / 4096) / 2);
  });
});

describe('patternReadUnits and patternReadCost', () => {
  const records = new Map([
    [
      'Order',
      Array.from({ length: 10 }, (_, i) => ({
        orderId: `o${i}`,
        customerId: `c${i % 3}`,
        status: i % 2 ? 'paid' : 'open',
        createdAt: `2026-01-0${i}T00:00:00.000Z`,
        note: 'n'.repeat(i * 500),
      })),
    ],
  ]);
  const items = (records.get('Order') ?? []).map((r) => toItem(design, 'Order', r));

  it('one call: the sum of its requests', () => {
    const call = patternReadUnits({ design, items, pattern: 'byStatus', params: { status: 'paid' } });
    expect(call.requests).toHaveLength(1);
    const bytes = items.filter((i) => i['status'] === 'paid').reduce((n, i) => n + itemBytes(i), 0);
    expect(call.units).toBe(Math.ceil(bytes / 4096) / 2);
  });

  it('over seeded parameter picks: deterministic, the average of the calls and the dearest one', () => {
    const cost = patternReadCost({ design, records, items, pattern: 'getOrder' });
    expect(cost).toEqual(patternReadCost({ design, records, items, pattern: 'getOrder' }));
    expect(cost.requestsPerCall).toBe(1);
    expect(cost.calls.length).toBeGreaterThan(1);
    expect(cost.average).toBe(cost.calls.reduce((n, c) => n + c.units, 0) / cost.calls.length);
    expect(cost.worst?.units).toBe(Math.max(...cost.calls.map((c) => c.units)));
    // o9's item holds a 4,500-byte note: 2 blocks of 4 KB, eventually consistent.
    expect(cost.worst?.params).toEqual({ orderId: 'o9' });
    expect(cost.worst?.units).toBe(1);
  });
});

describe('a table Query, strongly consistent', () => {
  const lines = deriveDesign(
    modelFromText(`model "Lines"
entity Line key (orderId, lineId)
  orderId: string
  lineId: string
  note: string
linesOf: Line by orderId
`),
  );
  it('200 items of 200 bytes read with ConsistentRead: 40,000 bytes → 40 KB → 10 units (5 without)', () => {
    expect(lines.patterns[0]?.steps[0]).toMatchObject({ operation: 'Query', index: 'table' });
    const items = Array.from({ length: 200 }, (_, i) => {
      const bare = toItem(lines, 'Line', { orderId: 'o1', lineId: String(i).padStart(3, '0'), note: '' });
      return toItem(lines, 'Line', { orderId: 'o1', lineId: String(i).padStart(3, '0'), note: 'x'.repeat(200 - itemBytes(bare)) });
    });
    const [query] = buildRequest(lines, 'linesOf', { orderId: 'o1' }) as [Request];
    expect(requestReadUnits({ design: lines, items, request: query })).toMatchObject({ itemsRead: 200, bytesRead: 40000, units: 5 });
    expect(requestReadUnits({ design: lines, items, request: { ...query, input: { ...query.input, ConsistentRead: true } } as Request })).toMatchObject({
      consistent: true,
      units: 10,
    });
  });
});
