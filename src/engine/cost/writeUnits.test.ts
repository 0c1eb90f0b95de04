// Write units by the worked examples of DynamoDB's developer guide, arithmetic written out:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html (write request units),
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling.
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import type { Item } from '../design/types.ts';
import type { SentRequest } from '../writes/writeCall.ts';
import { itemBytes } from './itemSize.ts';
import { indexEntryWrite, requestCapacity, writeUnitsOf } from './writeUnits.ts';

const KB = 1024;

describe('writeUnitsOf: the guide’s examples', () => {
  it('"writing a 500-byte item consumes the same throughput as writing a 1 KB item"; "512 bytes / 1 KB = 0.5, or 1"', () => {
    expect(writeUnitsOf(500)).toBe(1);
    expect(writeUnitsOf(512)).toBe(Math.ceil(512 / KB));
  });
  it('a 1.5 KB item: 2 units; "if you put or delete an item of 1.6 KB, DynamoDB rounds the item size up to 2 KB"', () => {
    expect(writeUnitsOf(1.5 * KB)).toBe(2);
    expect(writeUnitsOf(1.6 * KB)).toBe(2);
  });
  it('"if BatchWriteItem writes a 500-byte item and a 3.5 KB item, DynamoDB calculates the size as 5 KB (1 KB + 4 KB)"', () => {
    expect(writeUnitsOf(500) + writeUnitsOf(3.5 * KB)).toBe(1 + 4);
  });
});

// Orders keyed by id, by status on a GSI, by coupon on a sparse GSI.
const design = deriveDesign(
  modelFromText(`model "Shop"
entity Order key orderId
  orderId: string
  status: string
  coupon?: string
  note: string
getOrder: Order by orderId
byStatus: Order by status
byCoupon: Order by coupon
`),
);
const gsi = (name: string) => design.indexes.find((i) => i.name === name) as (typeof design.indexes)[number];
const byStatus = design.patterns.find((p) => p.pattern === 'byStatus')?.steps[0]?.index ?? '';
const byCoupon = design.patterns.find((p) => p.pattern === 'byCoupon')?.steps[0]?.index ?? '';
const order = (record: Record<string, string>): Item => toItem(design, 'Order', { orderId: 'o1', status: 'open', note: '', ...record });
const sized = (record: Record<string, string>, bytes: number): Item => order({ ...record, note: 'x'.repeat(bytes - itemBytes(order(record))) });
const sent = (request: unknown, ok = true): SentRequest => ({
  request: request as SentRequest['request'],
  answer: ok ? { ok: true } : { ok: false, name: 'ConditionalCheckFailedException', message: '' },
});

describe('GSI writes: the guide’s five factors', () => {
  it('a new item that defines the indexed attribute: one put into the index; one without it (sparse): nothing', () => {
    expect(indexEntryWrite(gsi(byStatus), undefined, order({}))).toMatchObject({ action: 'put', units: 1 });
    expect(indexEntryWrite(gsi(byCoupon), undefined, order({}))).toBeUndefined();
  });
  it('an update that changes the indexed key (A to B): two writes, a delete and a put', () => {
    expect(indexEntryWrite(gsi(byStatus), order({}), order({ status: 'paid' }))).toMatchObject({ action: 'move', units: 1 + 1 });
  });
  it('a write that deletes the indexed attribute: one delete', () => {
    expect(indexEntryWrite(gsi(byCoupon), order({ coupon: 'C' }), order({}))).toMatchObject({ action: 'delete', units: 1 });
  });
  it('only projected attributes change: one write, at the larger entry size (1.5 KB → 2 units)', () => {
    expect(indexEntryWrite(gsi(byStatus), order({}), sized({}, 1.5 * KB))).toMatchObject({ action: 'update', bytes: [1.5 * KB], units: 2 });
  });
  it('nothing the index holds changes, or the item is in it neither before nor after: nothing', () => {
    expect(indexEntryWrite(gsi(byStatus), order({}), order({}))).toBeUndefined();
    expect(indexEntryWrite(gsi(byCoupon), order({}), order({ note: 'n' }))).toBeUndefined();
  });
});

describe('requestCapacity', () => {
  const none = () => undefined;
  it('a PutItem of a new 1.5 KB item: 2 units on the table and 2 on the GSI holding it', () => {
    const item = sized({}, 1.5 * KB);
    const changes = [{ kind: 'created' as const, key: { PK: item['PK'] as string, SK: item['SK'] as string }, after: item, role: 'record' as const }];
    const capacity = requestCapacity(design, sent({ Put: { TableName: 't', Item: item } }), none, changes);
    expect(capacity).toMatchObject({ operation: 'PutItem', kind: 'write', table: 2, indexes: { [byStatus]: 2 }, units: 2 + 2 });
  });
  it('an UpdateItem counts the larger of the item before and after: 0.9 KB → 2.5 KB is 3 units', () => {
    const before = sized({}, 900);
    const after = sized({}, 2.5 * KB);
    const changes = [{ kind: 'updated' as const, key: { PK: before['PK'] as string, SK: before['SK'] as string }, before, after, role: 'record' as const }];
    expect(requestCapacity(design, sent({ Update: { TableName: 't', Key: { PK: before['PK'], SK: before['SK'] } } }), () => before, changes).table).toBe(3);
  });
  it('"each transaction writes three 500-byte items… each item requires two write capacity units… six WCUs"', () => {
    const items = ['a', 'b', 'c'].map((id) => sized({ orderId: id }, 500));
    const changes = items.map((item) => ({
      kind: 'created' as const,
      key: { PK: item['PK'] as string, SK: item['SK'] as string },
      after: item,
      role: 'record' as const,
    }));
    const capacity = requestCapacity(
      design,
      sent({ TransactWrite: { TransactItems: items.map((Item) => ({ Put: { TableName: 't', Item } })) } }),
      none,
      changes,
    );
    expect(capacity.table).toBe(3 * 2);
    // The GSI entries follow the commit as ordinary index writes: once each.
    expect(capacity.indexes).toEqual({ [byStatus]: 3 * 1 });
  });
  it('a failed conditional write still consumes: "for a new item, DynamoDB consumes one write capacity unit"', () => {
    expect(requestCapacity(design, sent({ Update: { TableName: 't', Key: { PK: 'x', SK: 'y' } } }, false), none, [])).toMatchObject({
      table: 1,
      units: 1,
      refused: true,
    });
  });
  it('a strongly consistent GetItem of the write runtime: 1 read unit per 4 KB, 1 for a missing item', () => {
    const item = sized({}, 5000);
    const get = { Get: { TableName: 't', Key: { PK: item['PK'], SK: item['SK'] }, ConsistentRead: true } };
    expect(requestCapacity(design, { request: get as SentRequest['request'], answer: { ok: true, item } }, none, [])).toMatchObject({ kind: 'read', units: 2 });
    expect(requestCapacity(design, { request: get as SentRequest['request'], answer: { ok: true } }, none, [])).toMatchObject({ kind: 'read', units: 1 });
  });
});

describe('requestCapacity: a TransactWriteItems action by action', () => {
  const none = () => undefined;
  const created = (item: Item) => ({
    kind: 'created' as const,
    key: { PK: item['PK'] as string, SK: item['SK'] as string },
    after: item,
    role: 'record' as const,
  });
  const deleted = (item: Item) => ({
    kind: 'deleted' as const,
    key: { PK: item['PK'] as string, SK: item['SK'] as string },
    before: item,
    role: 'record' as const,
  });
  const keyOf = (item: Item) => ({ PK: item['PK'], SK: item['SK'] });

  it('a move of a 500-byte item: Delete (2 × 1 on the table, the GSI entry deleted: 1) + Put (2 × 1, the entry put: 1) = table 4, GSI 2', () => {
    const old = sized({ orderId: 'a' }, 500);
    const moved = sized({ orderId: 'b' }, 500);
    const capacity = requestCapacity(
      design,
      sent({ TransactWrite: { TransactItems: [{ Delete: { TableName: 't', Key: keyOf(old) } }, { Put: { TableName: 't', Item: moved } }] } }),
      (k) => (k['PK'] === old['PK'] ? old : undefined),
      [deleted(old), created(moved)],
    );
    expect(capacity).toMatchObject({ table: 2 * 1 + 2 * 1, indexes: { [byStatus]: 1 + 1 }, units: 6 });
    expect(capacity.actions).toEqual([
      { action: 'Delete', table: 2, indexes: { [byStatus]: 1 } },
      { action: 'Put', table: 2, indexes: { [byStatus]: 1 } },
    ]);
  });
  it('items of different sizes add up, each rounded on its own: 500 B + 1.5 KB + 3 KB = 2 × (1 + 2 + 3) = 12 on the table', () => {
    const items = [sized({ orderId: 'a' }, 500), sized({ orderId: 'b' }, 1.5 * KB), sized({ orderId: 'c' }, 3 * KB)];
    const capacity = requestCapacity(
      design,
      sent({ TransactWrite: { TransactItems: items.map((Item) => ({ Put: { TableName: 't', Item } })) } }),
      none,
      items.map(created),
    );
    expect(capacity.table).toBe(2 * (1 + 2 + 3));
    expect(capacity.indexes).toEqual({ [byStatus]: 1 + 2 + 3 });
  });
  it('a Delete of a missing item: the write of nothing, one unit, twice: 2', () => {
    const capacity = requestCapacity(design, sent({ TransactWrite: { TransactItems: [{ Delete: { TableName: 't', Key: { PK: 'x', SK: 'y' } } }] } }), none, []);
    expect(capacity).toMatchObject({ table: 2, units: 2, actions: [{ action: 'Delete', table: 2, indexes: {}, absent: true }] });
  });
  it('a ConditionCheck reads its item twice at 4 KB a unit: 5,000 bytes → 2 × 2 = 4; a missing item 2 × 1; it writes no GSI', () => {
    const item = sized({}, 5000);
    const check = (key: unknown) =>
      sent({ TransactWrite: { TransactItems: [{ ConditionCheck: { TableName: 't', Key: key, ConditionExpression: 'attribute_exists(PK)' } }] } });
    expect(requestCapacity(design, check(keyOf(item)), () => item, [])).toMatchObject({
      table: 4,
      indexes: {},
      units: 4,
      actions: [{ action: 'ConditionCheck', table: 4 }],
    });
    expect(requestCapacity(design, check({ PK: 'x', SK: 'y' }), none, [])).toMatchObject({ table: 2, units: 2 });
  });
});
