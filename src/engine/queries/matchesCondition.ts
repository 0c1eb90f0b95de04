// Whether one attribute value satisfies `op` against a parameter: the range
// condition of a pattern, by its meaning (FORMAT.md). A request's filter is
// evaluated as the FilterExpression DynamoDB receives instead (filterForm).
// A missing value, a parameter of another type or a malformed parameter
// (no [low, high] pair for `between`) never matches; nothing here throws.
import type { RangeOp, Scalar } from '../model/types.ts';
import { compareScalars } from './compareScalars.ts';

export type ConditionParam = Scalar | readonly [Scalar, Scalar];

export function matchesCondition(value: Scalar | undefined, op: RangeOp, param: ConditionParam | undefined): boolean {
  if (value === undefined || param === undefined) return false;
  if (op === 'between') {
    if (!Array.isArray(param) || param.length !== 2) return false;
    const [low, high] = param as readonly [Scalar, Scalar];
    const fromLow = compareScalars(value, low);
    const toHigh = compareScalars(value, high);
    return fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
  }
  if (Array.isArray(param)) return false;
  const p = param as Scalar;
  if (op === 'begins_with') return typeof value === 'string' && typeof p === 'string' && value.startsWith(p);
  const c = compareScalars(value, p);
  if (c === undefined) return false;
  switch (op) {
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    default: {
      const never: never = op;
      return never;
    }
  }
}
