// The size of an item as DynamoDB counts it for capacity units and storage:
// "the sum of the lengths of its attribute names and values, plus any
// applicable overhead" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
// - a string: its UTF-8 bytes; a binary: its raw bytes;
// - a number: "approximately (1 byte per two significant digits) + (1 byte)",
//   leading and trailing zeroes trimmed. Exactly (measured on DynamoDB Local,
//   README.md "What DynamoDB Local reports"): the digits are paired from the
//   decimal point (base-100 digits, as 1.5 is `01.50`), so 1.5 and 123 take two
//   pairs, 12 and 0.5 one; zero pairs at either end are trimmed; plus one byte,
//   plus one more for a negative number; zero is 1 byte;
// - a boolean or null: 1 byte;
// - a list or map: 3 bytes, plus each element's size and 1 byte per element
//   (a map's elements count their names);
// - a set: the sum of its elements' sizes.
// Every item of a design holds the record's attributes, the key attributes of
// each index it is in and the entity attribute (toItem): they all count.
//
// A GSI entry is the item's projection: every GSI projects ALL today
// (`IndexProjection`), so an entry is as large as the item; an item the index
// does not hold (a sparse GSI, indexKeyOf) has no entry.
import { indexKeyOf } from '../design/indexKeyOf.ts';
import type { IndexKeySchema, IndexProjection } from '../design/types.ts';
import { utf8Length } from '../model/utf8Length.ts';

/** An item as any layer holds it: the design's `Item`, a write runtime's `WriteItem`. */
export type SizedItem = Readonly<Record<string, unknown>>;

/** One attribute's share of an item's size. */
export interface AttributeSize {
  name: string;
  /** The name's UTF-8 bytes. */
  nameBytes: number;
  /** The value's bytes by DynamoDB's rule for its type. */
  valueBytes: number;
  /** nameBytes + valueBytes. */
  bytes: number;
}

/** The bytes of a number: its base-100 digits (paired from the decimal point, zero pairs trimmed at both ends) + 1, + 1 if negative; 1 for zero. */
export function numberBytes(value: number | string): number {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) throw new TypeError(`not a number: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  let digits = whole + fraction;
  // The value is 0.<digits> × 10^point.
  let point = whole.length + Number(exponentText);
  // Zeros trimmed at both ends by scanning (a /0+$/ backtracks quadratically on a long run of zeros).
  let lead = 0;
  while (lead < digits.length && digits[lead] === '0') lead++;
  let end = digits.length;
  while (end > lead && digits[end - 1] === '0') end--;
  digits = digits.slice(lead, end);
  point -= lead;
  if (digits === '') return 1;
  // Pairs align on the decimal point: an odd point puts a zero before the first digit.
  const aligned = (((point % 2) + 2) % 2 === 1 ? '0' : '') + digits;
  const pairs = Math.ceil(aligned.length / 2);
  return pairs + 1 + (sign === '-' ? 1 : 0);
}

/** A JavaScript number's decimal digits (String() may give `1e+21` or `1e-7`, which numberBytes reads too). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`DynamoDB stores no ${String(value)}`);
  return String(value);
}

/** The bytes of a value (without its name) by DynamoDB's rule for its type. */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return utf8Length(value);
  if (typeof value === 'number') return numberBytes(value);
  if (typeof value === 'bigint') return numberBytes(value.toString());
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) {
    let n = 0;
    for (const element of value) n += valueBytes(element);
    return n;
  }
  if (Array.isArray(value)) return value.reduce((n: number, element) => n + valueBytes(element) + 1, 3);
  if (typeof value === 'object') {
    // lib-dynamodb's NumberValue (a number too large for JavaScript) keeps its digits in `value`.
    if (isNumberValue(value)) return numberBytes(value.value);
    return Object.entries(value).reduce((n, [name, element]) => n + utf8Length(name) + valueBytes(element) + 1, 3);
  }
  throw new TypeError(`DynamoDB stores no ${typeof value}`);
}

function isNumberValue(value: object): value is { value: string } {
  return value.constructor?.name === 'NumberValue' && typeof (value as { value?: unknown }).value === 'string';
}

/** Every attribute's size, in the item's order (undefined values are not stored and do not count). */
export function attributeSizes(item: SizedItem): AttributeSize[] {
  const out: AttributeSize[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    const nameBytes = utf8Length(name);
    const bytes = valueBytes(value);
    out.push({ name, nameBytes, valueBytes: bytes, bytes: nameBytes + bytes });
  }
  return out;
}

/** The size of an item as DynamoDB counts it: every attribute's name and value. */
export function itemBytes(item: SizedItem): number {
  return attributeSizes(item).reduce((n, a) => n + a.bytes, 0);
}

/** An index as itemSize reads it: its key schema and, for a GSI, what it projects (ALL when not said). */
export type SizedIndex = IndexKeySchema & { projection?: IndexProjection };

/**
 * The size of the item's entry in an index: undefined when the index does not hold it (a
 * sparse GSI whose key attributes the item lacks). The table's entry is the item; a GSI
 * projecting ALL holds every attribute, so its entry is as large as the item.
 */
export function indexEntryBytes(item: SizedItem, index: SizedIndex): number | undefined {
  if (index.kind === 'table') return itemBytes(item);
  if (!indexKeyOf(item as Parameters<typeof indexKeyOf>[0], index)) return undefined;
  const projection: IndexProjection = index.projection ?? 'ALL';
  switch (projection) {
    case 'ALL':
      return itemBytes(item);
    default: {
      const never: never = projection;
      throw new Error(`unknown projection ${String(never)}`);
    }
  }
}

/** The item's entry in every index that holds it (the table first), with its size. */
export function indexEntrySizes(item: SizedItem, indexes: readonly SizedIndex[]): { index: string; bytes: number }[] {
  const out: { index: string; bytes: number }[] = [];
  for (const index of indexes) {
    const bytes = indexEntryBytes(item, index);
    if (bytes !== undefined) out.push({ index: index.name, bytes });
  }
  return out;
}
