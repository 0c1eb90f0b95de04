// Compares two attribute values by value, the way both DynamoDB and the
// problem format (FORMAT.md) do: numbers numerically, strings (and so dates
// and datetimes) by UTF-8 bytes, booleans false before true. Values of
// different types do not compare.
import type { Scalar } from '../model/types.ts';
import { compareUtf8 } from './compareUtf8.ts';

/** Negative, zero or positive; `undefined` when the types differ. */
export function compareScalars(a: Scalar, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareUtf8(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}
