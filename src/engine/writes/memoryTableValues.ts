// Values of the in-memory table (memoryTable.ts): what an item may hold, copied in and
// out so that no caller shares an object with the table, compared and added as
// DynamoDB does, and the errors shaped as the AWS SDK throws them.
//
// An item holds what @aws-sdk/lib-dynamodb's document client sends by default:
// strings, numbers, booleans, null, lists and maps. Checked against DynamoDB Local
// and lib-dynamodb (memoryTable.dynamodb.test.ts):
// - The client refuses NaN and ±Infinity ("Special numeric value NaN is not allowed")
//   and numbers beyond Number.MAX_SAFE_INTEGER in magnitude, and an undefined value
//   inside a list or map; it drops an undefined attribute of an item or of
//   ExpressionAttributeValues. Those refusals are plain `Error`s, as the client's are.
// - DynamoDB stores a number as the decimal the client sends (`String(n)`), so -0 is 0,
//   and adds decimals exactly (0.1 + 0.2 = 0.3), refusing a result of more than 38
//   significant digits; a magnitude below 1e-130 is refused as an underflow.
// Sets (SS/NS) and binary are not held here: they throw a TypeError naming the
// memory table, so nothing passes silently as something it is not.
import { compareUtf8 } from '../queries/compareUtf8.ts';

/** A value an item holds. */
export type MemoryValue = string | number | boolean | null | MemoryValue[] | { [name: string]: MemoryValue };

/** An item: attribute name → value. */
export type MemoryItem = Record<string, MemoryValue>;

/** One entry of TransactionCanceledException's CancellationReasons, in TransactItems order. */
export interface CancellationReason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError';
  Message?: string;
}

/**
 * An error as the AWS SDK throws it for a DynamoDB refusal: `name` is the exception's name
 * (ValidationException, ConditionalCheckFailedException, TransactionCanceledException,
 * ResourceNotFoundException), `message` DynamoDB's message. A TransactionCanceledException
 * carries CancellationReasons, one per TransactItem.
 */
export class MemoryTableError extends Error {
  override name: string;
  // Declared, not a field: only a TransactionCanceledException has the property at all.
  declare readonly CancellationReasons?: CancellationReason[];
  constructor(name: string, message: string, reasons?: CancellationReason[]) {
    super(message);
    this.name = name;
    if (reasons !== undefined) Object.defineProperty(this, 'CancellationReasons', { value: reasons, enumerable: true });
  }
}

export function validation(message: string): MemoryTableError {
  return new MemoryTableError('ValidationException', message);
}

/** DynamoDB's type of a value: S, N, BOOL, NULL, L or M. */
export type TypeTag = 'S' | 'N' | 'BOOL' | 'NULL' | 'L' | 'M';

export function typeTag(value: MemoryValue): TypeTag {
  if (typeof value === 'string') return 'S';
  if (typeof value === 'number') return 'N';
  if (typeof value === 'boolean') return 'BOOL';
  if (value === null) return 'NULL';
  return Array.isArray(value) ? 'L' : 'M';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';

/** Where a value is, for messages: `Item.tags[1]`. */
type Where = string;

/** The smallest magnitude DynamoDB stores (1E-130); the largest is below 1E+126. */
const SMALLEST = 1e-130;

function checkNumber(n: number): number {
  if (!Number.isFinite(n)) throw new Error(`Special numeric value ${n} is not allowed`);
  if (n > Number.MAX_SAFE_INTEGER) throw new Error(`Number ${n} is greater than Number.MAX_SAFE_INTEGER. Use NumberValue from @aws-sdk/lib-dynamodb.`);
  if (n < Number.MIN_SAFE_INTEGER) throw new Error(`Number ${n} is lesser than Number.MIN_SAFE_INTEGER. Use NumberValue from @aws-sdk/lib-dynamodb.`);
  if (n !== 0 && Math.abs(n) < SMALLEST) throw validation(UNDERFLOW);
  return n === 0 ? 0 : n;
}

/**
 * A copy of a value the caller gives, checked as the document client and DynamoDB check it.
 * `undefined` only where the client drops it (an item's or a values map's own attribute).
 */
export function copyIn(value: unknown, where: Where): MemoryValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return checkNumber(value);
    case 'undefined':
      throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((v, i) => copyIn(v, `${where}[${i}]`));
      if (isPlainObject(value)) return copyMap(value as Record<string, unknown>, where);
      break;
    }
    default:
      break;
  }
  throw new TypeError(
    `${where}: the memory table holds strings, numbers, booleans, null, lists and maps only, not ${describe(value)} (sets, binary and bigint are not modelled)`,
  );
}

/**
 * A map with no prototype: any attribute name, `__proto__` and `constructor` included, is an own
 * property when set and reads as absent when not (a plain object's `item.__proto__` is Object.prototype).
 */
export function emptyMap<T = MemoryValue>(): { [name: string]: T } {
  return Object.create(null) as { [name: string]: T };
}

/** A copy of `map` as an `emptyMap`. */
export function mapCopy<T>(map: { readonly [name: string]: T }): { [name: string]: T } {
  return Object.assign(emptyMap<T>(), map);
}

function copyMap(value: Record<string, unknown>, where: Where): { [name: string]: MemoryValue } {
  const out = emptyMap();
  for (const name of Object.keys(value)) {
    const v = value[name];
    if (typeof v === 'function') continue;
    out[name] = copyIn(v, `${where}.${name}`);
  }
  return out;
}

/** A top-level map the client sends (an item, a key, ExpressionAttributeValues): undefined attributes are dropped. */
export function copyTopMap(value: unknown, where: Where, refused: (name: string, error: unknown) => unknown = (_, error) => error): MemoryItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) {
    throw new TypeError(`${where} must be a map of attribute values, got ${describe(value)}`);
  }
  const out: MemoryItem = emptyMap();
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function') continue;
    try {
      out[name] = copyIn(v, `${where}.${name}`);
    } catch (error) {
      throw refused(name, error);
    }
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (value instanceof Set) return 'a Set';
  if (Array.isArray(value)) return 'a list';
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `a ${name}` : 'an object';
}

/** ExpressionAttributeValues, copied as `copyTopMap` copies; a number out of range is refused naming its key, as DynamoDB does. */
export function copyValues(value: unknown): MemoryItem {
  const values = copyTopMap(value, 'ExpressionAttributeValues', (key, error) =>
    error instanceof MemoryTableError && error.message === UNDERFLOW
      ? validation(`ExpressionAttributeValues contains invalid value: ${UNDERFLOW} for key ${key}`)
      : error,
  );
  return values;
}

/** A deep copy of a value held by the table (already checked). */
export function copyOut<T extends MemoryValue>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => copyOut(v)) as T;
  const out = emptyMap();
  for (const [name, v] of Object.entries(value)) out[name] = copyOut(v);
  return out as T;
}

/** Equality as DynamoDB's `=`: same type and value (numbers numerically, lists in order, maps by name). */
export function equalValues(a: MemoryValue | undefined, b: MemoryValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => equalValues(v, b[i]));
  }
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => Object.prototype.hasOwnProperty.call(b, n) && equalValues(a[n], b[n]));
}

/** Order as DynamoDB's `<`: numbers numerically, strings by UTF-8 bytes; undefined for any other pair (which never compares). */
export function compareOrdered(a: MemoryValue | undefined, b: MemoryValue | undefined): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareUtf8(a, b);
  return undefined;
}

/** Whether two items hold the same attributes and values. */
export function sameItem(a: MemoryItem, b: MemoryItem): boolean {
  return equalValues(a, b);
}

// ---- Exact decimal arithmetic (DynamoDB's numbers are decimals of up to 38 digits) ----

interface Decimal {
  /** The digits, signed. */
  coefficient: bigint;
  /** The value is coefficient × 10^exponent. */
  exponent: number;
}

/** The decimal the client sends for `n` (`String(n)`), exactly. */
function decimalOf(n: number): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new Error(`not a decimal: ${n}`);
  const [, sign = '', int = '0', frac = '', exp = '0'] = m;
  const coefficient = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  return { coefficient, exponent: Number(exp) - frac.length };
}

/** `a + b` or `a - b` as DynamoDB computes it, then read back as the client reads a number. */
export function addNumbers(a: number, b: number, subtract = false): number {
  const x = decimalOf(a);
  const y = decimalOf(b);
  const exponent = Math.min(x.exponent, y.exponent);
  const scale = (d: Decimal) => d.coefficient * 10n ** BigInt(d.exponent - exponent);
  let coefficient = subtract ? scale(x) - scale(y) : scale(x) + scale(y);
  if (coefficient === 0n) return 0;
  let exp = exponent;
  while (coefficient % 10n === 0n) {
    coefficient /= 10n;
    exp++;
  }
  const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
  if (digits.length > 38) throw validation('DynamoDB only supports precision up to 38 digits');
  const magnitude = exp + digits.length - 1;
  if (magnitude > 125) throw validation('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (magnitude < -130) throw validation('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  return Number(`${coefficient}e${exp}`);
}
