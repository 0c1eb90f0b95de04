// The write runtime run in memory (the memory table, proven equal to DynamoDB
// Local in memoryTable.dynamodb.test.ts): guards that expire with their record,
// conditions on both update paths, counters whose number is in an index key,
// and createMany's retries of unprocessed items. The generated module runs the
// same runtime against DynamoDB Local in src/runner/module*.dynamodb.test.ts.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { createMemoryTable, type MemoryTable } from './memoryTable.ts';
import { writeEntities, writeTarget } from './writeEntities.ts';
import {
  addToRecord,
  ConditionFailedError,
  createManyRecords,
  createRecord,
  RecordExistsError,
  removeRecord,
  updateRecord,
  type WriteEnv,
  type WriteItem,
} from './writeRuntime.ts';

const MODEL = `model "Shop"

entity User key email
  email: string
  handle: string
  expiresAt?: number

entity Product key productId
  productId: string
  category: string
  price: number
  stock: number

entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  createdAt: datetime
  status: "new" | "paid"

entity Note key noteId
  noteId: string
  text: string

getUser: User by email returns one
byCategory: Product by category order by price asc
userOrders: User by email with Order
`;

function setUp(text = MODEL) {
  const model = modelFromText(text.replace('entity User key email', 'entity User key email unique handle ttl expiresAt'));
  const design = deriveDesign(model);
  const target = writeTarget(design);
  const table = createMemoryTable({ ...target });
  const sent: unknown[] = [];
  const env: WriteEnv = {
    ...target,
    send: async (request) => {
      sent.push(request);
      return table.send(request as Parameters<MemoryTable['send']>[0]);
    },
    sleep: async () => {},
    random: () => 0.5,
    now: (() => {
      let t = 0;
      return () => (t += 10);
    })(),
  };
  const entities = writeEntities(design);
  const entity = (name: string) => {
    const e = entities.get(name);
    if (!e) throw new Error(`no ${name}`);
    return e;
  };
  return { design, table, env, entity, sent };
}

const guards = (table: MemoryTable) => table.items().filter((item) => String(item.PK).startsWith('$'));

describe('the write runtime in memory', () => {
  it('gives guard items their record’s expiry, and moves it with the record’s', async () => {
    const { table, env, entity } = setUp();
    await createRecord(entity('User'), env, { email: 'a@x', handle: 'ann', expiresAt: 2_000_000_000 });
    expect(guards(table)).toEqual([expect.objectContaining({ PK: '$unique#USER#handle#ann', expiresAt: 2_000_000_000 })]);
    await updateRecord(entity('User'), env, { email: 'a@x' }, { expiresAt: 2_100_000_000 });
    expect(guards(table)).toEqual([expect.objectContaining({ PK: '$unique#USER#handle#ann', expiresAt: 2_100_000_000 })]);
    await updateRecord(entity('User'), env, { email: 'a@x' }, { expiresAt: null });
    expect(guards(table)[0]).not.toHaveProperty('expiresAt');
  });

  it('refuses an update whose condition fails, in place and after a read, changing nothing', async () => {
    const { table, env, entity } = setUp();
    await createRecord(entity('Product'), env, { productId: 'p1', category: 'tea', price: 4, stock: 1 });
    await createRecord(entity('Order'), env, { orderId: 'o1', userEmail: 'a@x', createdAt: '2026-01-01T00:00:00.000Z', status: 'new' });
    const before = table.items();
    // Product is found by its key: one UpdateItem carries the condition.
    await expect(updateRecord(entity('Product'), env, { productId: 'p1' }, { stock: 5 }, { if: { stock: { ge: 2 } } })).rejects.toBeInstanceOf(
      ConditionFailedError,
    );
    // Order lives under its user: read first, then a write conditional on it.
    await expect(updateRecord(entity('Order'), env, { orderId: 'o1' }, { status: 'paid' }, { if: { status: 'paid' } })).rejects.toBeInstanceOf(
      ConditionFailedError,
    );
    expect(table.items()).toEqual(before);
    await expect(updateRecord(entity('Order'), env, { orderId: 'o1' }, { status: 'paid' }, { if: { status: { ne: 'paid' } } })).resolves.toMatchObject({
      status: 'paid',
    });
  });

  it('adds to a number in an index key by reading first, and rewrites that key', async () => {
    const { table, env, entity, sent } = setUp();
    await createRecord(entity('Product'), env, { productId: 'p1', category: 'tea', price: 4, stock: 3 });
    const keyOf = () => table.items().find((i) => i.productId === 'p1');
    const before = keyOf();
    sent.length = 0;
    // Price is in the key of byCategory's index: add reads first and rewrites that key.
    await expect(addToRecord(entity('Product'), env, { productId: 'p1' }, { price: 2 })).resolves.toMatchObject({ price: 6 });
    const kinds = sent.map((r) => Object.keys(r as object)[0]);
    expect(kinds[0]).toBe('Get');
    expect(kinds).not.toContain('Update');
    // byCategory is served by the table itself (PRODUCT#{category} / {price}#{productId}): the item moved.
    expect(before?.SK).toMatch(/^PRODUCT#P400\.4#p1$/);
    expect(keyOf()?.SK).toMatch(/^PRODUCT#P400\.6#p1$/);
    expect(table.items().filter((i) => i.productId === 'p1')).toHaveLength(1);
    // Stock is in no key, but Product is found through its identity guard (its table key holds category and price): read, then write.
    sent.length = 0;
    await addToRecord(entity('Product'), env, { productId: 'p1' }, { stock: -2 }, { if: { stock: { ge: 2 } } });
    await expect(addToRecord(entity('Product'), env, { productId: 'p1' }, { stock: -2 }, { if: { stock: { ge: 2 } } })).rejects.toBeInstanceOf(
      ConditionFailedError,
    );
    expect(keyOf()?.stock).toBe(1);
  });

  it('removes a record and its guards, and a create of its key then succeeds', async () => {
    const { table, env, entity } = setUp();
    await createRecord(entity('Order'), env, { orderId: 'o1', userEmail: 'a@x', createdAt: '2026-01-01T00:00:00.000Z', status: 'new' });
    await expect(
      createRecord(entity('Order'), env, { orderId: 'o1', userEmail: 'b@x', createdAt: '2026-02-01T00:00:00.000Z', status: 'new' }),
    ).rejects.toBeInstanceOf(RecordExistsError);
    await removeRecord(entity('Order'), env, { orderId: 'o1' });
    expect(table.items()).toEqual([]);
    await createRecord(entity('Order'), env, { orderId: 'o1', userEmail: 'b@x', createdAt: '2026-02-01T00:00:00.000Z', status: 'new' });
    expect(table.items()).toHaveLength(2);
  });

  it('retries what a batch leaves unprocessed, and never counts a record it could not write', async () => {
    const { table, env, entity } = setUp();
    // Note is found by its key alone and has no guards: createMany sends it in batches.
    const products: WriteItem[] = Array.from({ length: 60 }, (_, i) => ({ noteId: `n${i}`, text: `note ${i}` }));
    // A table that takes only the first 10 items of each batch and leaves the rest unprocessed.
    const batches: number[] = [];
    const stingy: WriteEnv = {
      ...env,
      send: async (request) => {
        if (!('BatchWrite' in request)) return env.send(request);
        const [name = '', puts = []] = Object.entries(request.BatchWrite.RequestItems)[0] ?? [];
        batches.push(puts.length);
        for (const put of puts.slice(0, 10)) await table.send({ Put: { TableName: name, Item: put.PutRequest.Item } });
        return puts.length > 10 ? { [name]: puts.slice(10) } : undefined;
      },
    };
    const progress: number[] = [];
    const result = await createManyRecords(entity('Note'), stingy, products, { onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ written: 60, failed: [] });
    expect(table.items()).toHaveLength(60);
    expect(batches.every((n) => n <= 25)).toBe(true);
    expect(progress.at(-1)).toBe(60);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // A table that never processes anything: within the time allowed, nothing is reported written.
    const none: WriteEnv = { ...env, send: async (request) => ('BatchWrite' in request ? request.BatchWrite.RequestItems : env.send(request)) };
    const nothing = await createManyRecords(entity('Note'), none, products.slice(0, 30), { maxTimeMs: 100 });
    expect(nothing.written).toBe(0);
    expect(nothing.failed.map((f) => f.record.noteId)).toEqual(products.slice(0, 30).map((p) => p.noteId));
  });
});
