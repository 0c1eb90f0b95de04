// The generated module's decodeStreamRecord on real DynamoDB Streams records:
// DynamoDB Local implements Streams, read here with
// @aws-sdk/client-dynamodb-streams (DescribeStream, GetShardIterator
// TRIM_HORIZON, GetRecords). The test writes through the module (create,
// update in place and read first, add, an update that moves a record to another
// table key, creates that write identity and unique guards, createMany,
// remove), reads every record of the table's stream and checks that each
// decodes to the change the test made: its entity, event name and records
// before and after (guard items to undefined). The model is
// testing/countersModule.ts's; each test's table is deleted after it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StreamViewType, TableDescription } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { RecordValue } from '../engine/index.ts';
import { typeCheckModules } from '../testing/typeCheckModules.ts';
import { LOCAL_CREDENTIALS } from './createClients.ts';
import { testClients } from './testing/testClients.ts';
import { canon } from './testing/writesModule.ts';
import { readStream as readTableStream } from './testing/tableStream.ts';
import { loadCountersModule, withTable, type CountersFixture, type StreamChange } from './testing/countersModule.ts';

const { client, doc, destroy } = testClients();
// The same endpoint, region and credentials as the tables' client: DynamoDB Local keeps one database per key and region.
const streams = new DynamoDBStreamsClient({ endpoint: inject('dynamodbEndpoint'), region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
let fx: CountersFixture;
beforeAll(async () => {
  fx = await loadCountersModule('module-streams');
});
afterAll(() => {
  destroy();
  streams.destroy();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

async function withStreamTable(view: StreamViewType, check: (table: TableDescription) => Promise<void>): Promise<void> {
  await withTable(client, { ...fx.mod.tableDefinition, StreamSpecification: { StreamEnabled: true, StreamViewType: view } }, check);
}

/** Every record of the table's stream so far, every shard from its start, in sequence-number order within each shard. */
async function readStream(table: TableDescription, atLeast: number): Promise<_Record[]> {
  if (!table.LatestStreamArn) throw new Error('the table has no stream');
  return readTableStream(streams, table.LatestStreamArn, atLeast);
}

/** An item's table key as text, from a stream record's Keys or from an item. */
const keyOf = (pk: unknown, sk: unknown) => `${String(pk)} | ${String(sk)}`;
const streamKey = (r: _Record) => keyOf(r.dynamodb?.Keys?.['PK']?.S, r.dynamodb?.Keys?.['SK']?.S);

/** The changes the test made, each with the table key of the item it is on. */
class Expected {
  readonly changes: { at: string; change: StreamChange }[] = [];
  constructor(private readonly view: StreamViewType) {}
  private hasOld(): boolean {
    return this.view === 'NEW_AND_OLD_IMAGES' || this.view === 'OLD_IMAGE';
  }
  private hasNew(): boolean {
    return this.view === 'NEW_AND_OLD_IMAGES' || this.view === 'NEW_IMAGE';
  }
  private at(entity: string, record: RecordValue): string {
    const item = fx.mod.toItem(entity, record);
    return keyOf(item['PK'], item['SK']);
  }
  insert(entity: string, record: RecordValue): void {
    this.changes.push({ at: this.at(entity, record), change: { eventName: 'INSERT', entity, ...(this.hasNew() ? { newRecord: record } : {}) } });
  }
  modify(entity: string, before: RecordValue, after: RecordValue): void {
    this.changes.push({
      at: this.at(entity, after),
      change: { eventName: 'MODIFY', entity, ...(this.hasOld() ? { oldRecord: before } : {}), ...(this.hasNew() ? { newRecord: after } : {}) },
    });
  }
  remove(entity: string, record: RecordValue): void {
    this.changes.push({ at: this.at(entity, record), change: { eventName: 'REMOVE', entity, ...(this.hasOld() ? { oldRecord: record } : {}) } });
  }
}

const p1 = { productId: 'p1', name: 'Widget', category: 'tools', price: 10, stock: 3 };
const r1 = { reviewId: 'r1', productId: 'p1', postedAt: '2024-05-01T12:00:00.000Z', stars: 4, helpful: 0, text: 'Works well' };
const c1 = { customerId: 'c1', email: 'c1@example.com', points: 10 };
const w1 = { walletId: 'w1', owner: 'ann', balance: 100, version: 1 };

/**
 * Every kind of write, through the module, each noted in `expected` as the change of a record it
 * makes. Returns how many guard items' changes the writes make (each a stream record of its own).
 */
async function writeEverything(expected: Expected): Promise<number> {
  let guardChanges = 0;
  const m = fx.mod;
  // Product: found by its key alone.
  await m.create['Product']!(doc, p1);
  expected.insert('Product', p1);
  let p = await m.update['Product']!(doc, { productId: 'p1' }, { note: 'hello' }); // in place (UpdateItem)
  expected.modify('Product', p1, p);
  let q = await m.add['Product']!(doc, { productId: 'p1' }, { stock: -1 }, { if: { stock: { ge: 1 } } }); // ADD
  expected.modify('Product', p, q);
  p = q;
  q = await m.add['Product']!(doc, { productId: 'p1' }, { price: 5 }); // price makes a GSI key: read first, put
  expected.modify('Product', p, q);
  p = q;
  q = await m.update['Product']!(doc, { productId: 'p1' }, { note: null });
  expected.modify('Product', p, q);
  p = q;

  // Review: behind an identity guard; a move to another table key is a REMOVE and an INSERT.
  await m.create['Review']!(doc, r1); // the record and its identity guard
  expected.insert('Review', r1);
  guardChanges += 1;
  const edited = await m.update['Review']!(doc, { reviewId: 'r1' }, { text: 'Works very well', stars: 5 });
  expected.modify('Review', r1, edited);
  const moved = await m.update['Review']!(doc, { reviewId: 'r1' }, { postedAt: '2024-06-01T08:00:00.000Z' }); // delete, put, the guard pointed at the new item
  expected.remove('Review', edited);
  expected.insert('Review', moved);
  guardChanges += 1;
  const helped = await m.add['Review']!(doc, { reviewId: 'r1' }, { helpful: 2 });
  expected.modify('Review', moved, helped);

  // Customer: a unique guard per email.
  await m.create['Customer']!(doc, c1);
  expected.insert('Customer', c1);
  guardChanges += 1;
  const c = await m.update['Customer']!(doc, { customerId: 'c1' }, { email: 'c1@example.org' }); // the old guard given up, a new one taken
  expected.modify('Customer', c1, c);
  guardChanges += 2;
  const c2 = await m.add['Customer']!(doc, { customerId: 'c1' }, { points: 5 }); // in place, no guard touched
  expected.modify('Customer', c, c2);

  // Wallet: a version attribute, raised by every write.
  await m.create['Wallet']!(doc, w1);
  expected.insert('Wallet', w1);
  const w = await m.add['Wallet']!(doc, { walletId: 'w1' }, { balance: -40 }, { version: 1 });
  expected.modify('Wallet', w1, w);

  // createMany: batches.
  const batch = [
    { productId: 'p2', name: 'Gadget', category: 'tools', price: 20, stock: 1 },
    { productId: 'p3', name: 'Gizmo', category: 'garden', price: 30, stock: 2, note: 'new' },
  ];
  expect(await m.createMany['Product']!(doc, batch)).toEqual({ written: 2, failed: [] });
  for (const b of batch) expected.insert('Product', b);

  // Removes: the records and their guards.
  await m.remove['Review']!(doc, { reviewId: 'r1' });
  expected.remove('Review', helped);
  guardChanges += 1;
  await m.remove['Customer']!(doc, { customerId: 'c1' }, { if: { points: 15 } });
  expected.remove('Customer', c2);
  guardChanges += 1;
  await m.remove['Product']!(doc, { productId: 'p1' });
  expected.remove('Product', p);
  await m.remove['Wallet']!(doc, { walletId: 'w1' }, { version: 2 });
  expected.remove('Wallet', w);
  return guardChanges;
}

/** Each stream record decoded; per item, the changes in the order the test made them; guard items undefined. */
async function expectDecoded(table: TableDescription, expected: Expected, guardChanges: number): Promise<_Record[]> {
  const total = expected.changes.length + guardChanges;
  const records = await readStream(table, total);
  expect(records).toHaveLength(total);
  const got = new Map<string, StreamChange[]>();
  let guards = 0;
  for (const r of records) {
    const change = fx.mod.decodeStreamRecord(r);
    if (streamKey(r).startsWith('$')) {
      expect(change, `a guard item's change: ${streamKey(r)}`).toBeUndefined();
      guards++;
      continue;
    }
    expect(change, `${r.eventName} ${streamKey(r)}`).toBeDefined();
    got.set(streamKey(r), [...(got.get(streamKey(r)) ?? []), change!]);
  }
  expect(guards).toBe(guardChanges);
  const want = new Map<string, StreamChange[]>();
  for (const { at, change } of expected.changes) want.set(at, [...(want.get(at) ?? []), change]);
  // Compared as canonical JSON: the same keys and values, whatever their order.
  const text = (m: Map<string, StreamChange[]>) => Object.fromEntries([...m].map(([at, list]) => [at, list.map(canon)]));
  expect(text(got)).toEqual(text(want));
  return records;
}

describe('decodeStreamRecord on DynamoDB Local’s stream', () => {
  it('NEW_AND_OLD_IMAGES: every record of every write decodes to its entity, event and records before and after; guard items to undefined', async () => {
    await withStreamTable('NEW_AND_OLD_IMAGES', async (table) => {
      const expected = new Expected('NEW_AND_OLD_IMAGES');
      const guardChanges = await writeEverything(expected);
      const records = await expectDecoded(table, expected, guardChanges);
      // Not vacuous: every entity and every event, records both before and after.
      const decoded = records.map((r) => fx.mod.decodeStreamRecord(r)).filter((c) => c !== undefined);
      expect(new Set(decoded.map((c) => c.entity))).toEqual(new Set(['Product', 'Review', 'Customer', 'Wallet']));
      expect(new Set(decoded.map((c) => c.eventName))).toEqual(new Set(['INSERT', 'MODIFY', 'REMOVE']));
      // The move: one REMOVE and one INSERT of the same review, the old and the new record.
      const review = decoded
        .filter((c) => c.entity === 'Review')
        .map((c) => `${c.eventName} ${String(c.oldRecord?.['postedAt'] ?? '-')} → ${String(c.newRecord?.['postedAt'] ?? '-')}`);
      expect(review).toContain('REMOVE 2024-05-01T12:00:00.000Z → -');
      expect(review).toContain('INSERT - → 2024-06-01T08:00:00.000Z');
    });
  });

  it('NEW_IMAGE, OLD_IMAGE and KEYS_ONLY: the records the view holds; a REMOVE under NEW_IMAGE, an INSERT under OLD_IMAGE and every record under KEYS_ONLY decode to undefined (no image tells the entity)', async () => {
    for (const view of ['NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const) {
      await withStreamTable(view, async (table) => {
        const expected = new Expected(view);
        const guardChanges = await writeEverything(expected);
        const total = expected.changes.length + guardChanges;
        const records = await readStream(table, total);
        expect(records, view).toHaveLength(total);
        // A change with no image at all cannot be told from a guard's: decodeStreamRecord says undefined.
        const imageless = (c: StreamChange) => c.oldRecord === undefined && c.newRecord === undefined;
        const kept = new Expected(view);
        kept.changes.push(...expected.changes.filter(({ change }) => !imageless(change)));
        const decoded = records.map((r) => fx.mod.decodeStreamRecord(r));
        expect(decoded.filter((c) => c !== undefined).length, view).toBe(kept.changes.length);
        if (view === 'KEYS_ONLY') expect(kept.changes).toEqual([]);
        else expect(kept.changes.length).toBeGreaterThan(expected.changes.length / 2);
        // Guard items are undefined whatever the view.
        for (const [i, r] of records.entries()) if (streamKey(r).startsWith('$')) expect(decoded[i], streamKey(r)).toBeUndefined();
        // Per item, in order, the changes that carry an image.
        const got = new Map<string, string[]>();
        for (const [i, r] of records.entries()) {
          const c = decoded[i];
          if (c) got.set(streamKey(r), [...(got.get(streamKey(r)) ?? []), canon(c)]);
        }
        const want = new Map<string, string[]>();
        for (const { at, change } of kept.changes) want.set(at, [...(want.get(at) ?? []), canon(change)]);
        expect(Object.fromEntries(got), view).toEqual(Object.fromEntries(want));
      });
    }
  });

  it('is undefined for what is no record change (another event name, no dynamodb part, a guard item, an item of no entity)', () => {
    const image = {
      PK: { S: 'PRODUCT#p1' },
      SK: { S: 'PRODUCT' },
      _type: { S: 'Product' },
      productId: { S: 'p1' },
      name: { S: 'W' },
      category: { S: 't' },
      price: { N: '1' },
      stock: { N: '2' },
    };
    expect(fx.mod.decodeStreamRecord({ eventName: 'INSERT', dynamodb: { NewImage: image } })).toEqual({
      eventName: 'INSERT',
      entity: 'Product',
      newRecord: { productId: 'p1', name: 'W', category: 't', price: 1, stock: 2 },
    });
    expect(fx.mod.decodeStreamRecord({ dynamodb: { NewImage: image } })).toBeUndefined();
    expect(fx.mod.decodeStreamRecord({ eventName: 'INSERT' })).toBeUndefined();
    // A guard item (identity or unique) is no record's change.
    expect(
      fx.mod.decodeStreamRecord({
        eventName: 'INSERT',
        dynamodb: { NewImage: { PK: { S: '$id#REVIEW#r1' }, SK: { S: '$id' }, recordPk: { S: 'REVIEW#p1' }, recordSk: { S: 'x' } } },
      }),
    ).toBeUndefined();
    expect(
      fx.mod.decodeStreamRecord({
        eventName: 'REMOVE',
        dynamodb: { OldImage: { PK: { S: '$unique#CUSTOMER#email#a' }, SK: { S: '$unique' }, owner: { S: 'CUSTOMER#c1' } } },
      }),
    ).toBeUndefined();
    // An item the module did not write (no entity attribute): undefined, so that a handler on a shared table
    // does not fail (and retry the shard for ever) on items of another application.
    expect(fx.mod.decodeStreamRecord({ eventName: 'INSERT', dynamodb: { NewImage: { PK: { S: 'X' }, SK: { S: 'Y' } } } })).toBeUndefined();
  });
});

describe('types', () => {
  // Fixed (writeRuntime.ts StreamRecordInput, the parameter type of the generated decodeStreamRecord):
  // the records @aws-sdk/client-dynamodb-streams returns (GetRecordsCommandOutput['Records'], type
  // _Record) are not accepted without a cast. Expected: no diagnostics. Actual, under the options
  // typeCheckModules uses (a user's strict project, exactOptionalPropertyTypes on): "Argument of type
  // '_Record' is not assignable to parameter of type 'StreamRecordInput' with
  // 'exactOptionalPropertyTypes: true' ... Types of property 'eventName' are incompatible. Type 'string
  // | undefined' is not assignable to type 'string'" (the SDK declares every optional property
  // `| undefined`). With exactOptionalPropertyTypes off, still: "Types of property 'dynamodb' are
  // incompatible ... 'NewImage' ... Type 'AttributeValue' is not assignable to type
  // 'StreamAttributeValue'. Type 'BMember' is not assignable ... Index signature for type 'string' is
  // missing in type 'BMember'": the SDK's AttributeValue is a union of interfaces, which have no index
  // signature, so it is never assignable to StreamAttributeValue = Record<string, unknown>.
  it('decodeStreamRecord takes the SDK’s stream records (client-dynamodb-streams _Record) without a cast', () => {
    const file = path.join(fx.dir, 'sdkRecords.ts');
    fs.writeFileSync(
      file,
      [
        "import { DynamoDBStreamsClient, GetRecordsCommand } from '@aws-sdk/client-dynamodb-streams';",
        "import { decodeStreamRecord, type StreamChange } from './counters';",
        'export async function changes(client: DynamoDBStreamsClient, iterator: string): Promise<(StreamChange | undefined)[]> {',
        '  const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));',
        '  return (out.Records ?? []).map((record) => decodeStreamRecord(record));',
        '}',
        '',
      ].join('\n'),
    );
    expect(typeCheckModules([fx.file, file])).toEqual([]);
  }, 120_000);
});
