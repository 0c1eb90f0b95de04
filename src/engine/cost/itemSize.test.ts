// Item sizes by the rules of https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html,
// with the arithmetic written out; the numbers' exact sizes are those DynamoDB Local 3.x reports
// (cost/README.md "What DynamoDB Local reports": each one found as the padding at which a PutItem's
// consumed capacity goes from 1 to 2 WCU).
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { attributeSizes, indexEntryBytes, indexEntrySizes, itemBytes, numberBytes, valueBytes } from './itemSize.ts';

describe('itemBytes: DynamoDB item sizes and formats', () => {
  it('a string is its name plus its UTF-8 bytes', () => {
    // "shirt" (5) + "red" (3) = 8; "é€😀" is 2 + 3 + 4 = 9 bytes of UTF-8.
    expect(itemBytes({ shirt: 'red' })).toBe(5 + 3);
    expect(itemBytes({ n: 'é€😀' })).toBe(1 + 2 + 3 + 4);
    expect(itemBytes({ a: '' })).toBe(1 + 0);
  });

  it('a boolean or a null is its name plus 1 byte', () => {
    expect(itemBytes({ active: true })).toBe(6 + 1);
    expect(itemBytes({ gone: null })).toBe(4 + 1);
  });

  it('a number is its name plus 1 byte per two significant digits plus 1 byte (leading and trailing zeroes trimmed)', () => {
    // 12 → "12": 1 + 1; 1234 → "1234": 2 + 1; 1200 → "12": 1 + 1; 0.0012 → "12": 1 + 1.
    expect(numberBytes(12)).toBe(1 + 1);
    expect(numberBytes(1234)).toBe(2 + 1);
    expect(numberBytes(1200)).toBe(1 + 1);
    expect(numberBytes(0.0012)).toBe(1 + 1);
    expect(numberBytes(1700000000)).toBe(1 + 1); // "17", eight zeroes trimmed
    expect(numberBytes(1712345678)).toBe(5 + 1);
    expect(numberBytes('12345678901234567890123456789012345678')).toBe(19 + 1); // 38 digits, the most
    expect(itemBytes({ price: 1234 })).toBe(5 + 2 + 1);
  });

  it('digits pair from the decimal point, so an odd count of whole digits takes a pair more (what DynamoDB Local measures)', () => {
    // 1 = 01: one pair; 123 = 01 23: two; 1.5 = 01.50: two; 12.5 = 12.50: two; 0.5 = .50: one; 3.14159 = 03.14 15 90: four.
    expect(numberBytes(1)).toBe(1 + 1);
    expect(numberBytes(123)).toBe(2 + 1);
    expect(numberBytes(12345)).toBe(3 + 1);
    expect(numberBytes(1.5)).toBe(2 + 1);
    expect(numberBytes(12.5)).toBe(2 + 1);
    expect(numberBytes(0.5)).toBe(1 + 1);
    expect(numberBytes(0.001)).toBe(1 + 1); // .00 10: the zero pair trimmed
    expect(numberBytes(3.14159)).toBe(4 + 1);
    expect(numberBytes(100)).toBe(1 + 1); // 01 00: the trailing zero pair trimmed
  });

  it('zero is 1 byte; a negative number takes 1 byte more', () => {
    expect(numberBytes(0)).toBe(1);
    expect(numberBytes(-1)).toBe(1 + 1 + 1);
    expect(numberBytes(-12)).toBe(1 + 1 + 1);
    expect(numberBytes(-123)).toBe(2 + 1 + 1);
    expect(numberBytes(1e21)).toBe(numberBytes('1000000000000000000000'));
    expect(numberBytes(1e-7)).toBe(numberBytes('0.0000001'));
  });

  it('binary is its raw bytes; lists and maps take 3 bytes plus 1 per element; sets the sum of their elements', () => {
    expect(valueBytes(new Uint8Array([1, 2, 3]))).toBe(3);
    expect(valueBytes([])).toBe(3);
    // [1, "ab"]: 3 + (2 + 1) + (2 + 1)
    expect(valueBytes([1, 'ab'])).toBe(3 + (2 + 1) + (2 + 1));
    // { b: "" }: 3 + (name 1 + 0 + 1)
    expect(valueBytes({ b: '' })).toBe(3 + (1 + 0 + 1));
    expect(valueBytes(new Set(['ab', 'c']))).toBe(2 + 1);
    expect(valueBytes(new Set([1, 12]))).toBe(2 + 2);
  });

  it('per attribute: name bytes, value bytes and their sum; undefined is not stored', () => {
    expect(attributeSizes({ PK: 'USER#1', n: 12, x: undefined })).toEqual([
      { name: 'PK', nameBytes: 2, valueBytes: 6, bytes: 8 },
      { name: 'n', nameBytes: 1, valueBytes: 2, bytes: 3 },
    ]);
  });
});

describe('items of a design: the keys and the entity attribute count, a sparse GSI holds no entry', () => {
  const design = deriveDesign(
    modelFromText(`model "Shop"
entity Order key orderId
  orderId: string
  status: string
  coupon?: string
byStatus: Order by status
byCoupon: Order by coupon
`),
  );

  it('itemBytes counts every attribute toItem writes', () => {
    const item = toItem(design, 'Order', { orderId: 'o1', status: 'paid' });
    const names = Object.keys(item);
    expect(names).toContain(design.entityAttribute);
    expect(itemBytes(item)).toBe(Object.entries(item).reduce((n, [k, v]) => n + k.length + String(v).length, 0));
  });

  it('each GSI holding the item has an entry as large as the item (projection ALL); one lacking its key attribute has none', () => {
    const item = toItem(design, 'Order', { orderId: 'o1', status: 'paid' });
    const sizes = indexEntrySizes(item, design.indexes);
    const sparse = design.indexes.find((ix) => ix.kind === 'gsi' && indexEntryBytes(item, ix) === undefined);
    expect(sparse).toBeDefined();
    expect(sizes.map((s) => s.index)).not.toContain(sparse?.name);
    for (const s of sizes) expect(s.bytes).toBe(itemBytes(item));
    const withCoupon = toItem(design, 'Order', { orderId: 'o1', status: 'paid', coupon: 'X' });
    expect(indexEntrySizes(withCoupon, design.indexes)).toHaveLength(design.indexes.length);
  });
});
