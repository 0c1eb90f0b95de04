// What a pattern asks of a key's order, before any index exists: the attribute
// that must follow its equality attributes in the sort key (its range, or its
// order), the range operator that becomes a key condition, and the range that
// no key can take beside that order (a FilterExpression). The derivation
// places keys by it and the planner matches templates by it: one owner.
import { equalityAttributes } from './patternEqualities.ts';
import type { Pattern, RangeOp } from './types.ts';

export interface PatternKeyOrder {
  /** Attribute that must follow the equality prefix in the sort key. */
  next?: string;
  /** Range operator on `next` (none: it only orders). */
  op?: RangeOp;
  /** A range that must be filtered: on an equality attribute, or on another attribute than the order. */
  filter?: { attribute: string; op: RangeOp };
}

export function patternKeyOrder(pattern: Pick<Pattern, 'equals' | 'fixed' | 'range' | 'order'>): PatternKeyOrder {
  // Fixed attributes are equalities too (a literal instead of a parameter): an order on one orders nothing.
  const equals = equalityAttributes(pattern);
  const order = pattern.order && !equals.includes(pattern.order.attribute) ? pattern.order.attribute : undefined;
  const range = pattern.range;
  if (!range) return order ? { next: order } : {};
  if (equals.includes(range.attribute)) return { ...(order ? { next: order } : {}), filter: { attribute: range.attribute, op: range.op } };
  if (order && order !== range.attribute) return { next: order, filter: { attribute: range.attribute, op: range.op } };
  return { next: range.attribute, op: range.op };
}
