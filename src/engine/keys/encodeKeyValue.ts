// Order-preserving, collision-free encoding of attribute values inside key
// strings. Keys are components joined by `#`; every encoded component uses only
// characters above `$` (0x24), so `#` ends a component and sorts below any
// continuation, and `$` after a prefix bounds "everything that starts with it".
// The code generator emits the same functions (codegen/runtimeSource.ts); a test
// holds the two equal.
import type { AttributeType } from '../model/types.ts';
import { numberProblem } from '../model/dynamoNumbers.ts';

/** Separator between key components. */
export const KEY_SEPARATOR = '#';
/** One above the separator: `prefix + KEY_END` sorts after every key that extends `prefix + "#"`. */
export const KEY_END = '$';

/**
 * Strings keep their characters except those at or below `$`, which become
 * `$` plus the character shifted by 0x40 (`#` → `$c`, space → `` $` ``).
 * A prefix code: begins_with on encoded text equals begins_with on values,
 * and UTF-8 byte order of encodings equals that of the values.
 */
export function encodeString(value: string): string {
  // Most values have no such character: they are their own encoding (no string built character by character).
  let first = 0;
  while (first < value.length && value.charCodeAt(first) > 0x24) first++;
  if (first === value.length) return value;
  let out = value.slice(0, first);
  for (let i = first; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += code <= 0x24 ? '$' + String.fromCharCode(code + 0x40) : value[i];
  }
  return out;
}

/**
 * Numbers as text that sorts like the numbers: `P` + biased decimal exponent
 * + `.` + significant digits for positives (15847 → `P404.15847`, 9 → `P400.9`),
 * `P000` for zero, and for negatives `N` + complemented exponent and digits
 * closed by `~` (-2.5 → `N599.74~`).
 */
export function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`cannot store ${String(value)} in a key: DynamoDB numbers are finite`);
  const problem = numberProblem(value);
  if (problem !== undefined) throw new RangeError(`cannot store ${problem}`);
  if (value === 0) return 'P000';
  if (value > 0 && Number.isSafeInteger(value)) {
    // A positive whole number's digits are its decimal text, trailing zeros dropped (toExponential's, without the work).
    const text = String(value);
    let end = text.length;
    while (end > 1 && text.charCodeAt(end - 1) === 0x30) end--;
    return `P${String(text.length - 1 + 400).padStart(3, '0')}.${text.slice(0, end)}`;
  }
  const negative = value < 0;
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (!negative) return `P${String(exponent + 400).padStart(3, '0')}.${digits}`;
  let complement = '';
  for (const d of digits) complement += String(9 - Number(d));
  return `N${String(599 - exponent).padStart(3, '0')}.${complement}~`;
}

export function encodeBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** Encodes a value of the given attribute type; a value of another type is refused. */
export function encodeKeyValue(type: AttributeType, value: unknown, attribute: string): string {
  switch (type) {
    case 'number':
      if (typeof value !== 'number') throw new TypeError(`"${attribute}" is a number, got ${describe(value)}`);
      return encodeNumber(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`"${attribute}" is a boolean, got ${describe(value)}`);
      return encodeBoolean(value);
    case 'string':
    case 'date':
    case 'datetime':
      if (typeof value !== 'string') throw new TypeError(`"${attribute}" is a ${type} (a string), got ${describe(value)}`);
      return encodeString(value);
    default: {
      const never: never = type;
      throw new TypeError(`unknown type ${String(never)}`);
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `${typeof value} ${JSON.stringify(value)}`;
}
