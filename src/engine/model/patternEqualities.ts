// A pattern's equalities: its `equals` attributes (parameters) and its `fixed`
// ones (literals, FORMAT.md v1 extensions). A fixed attribute is an equality
// whose value is a constant, so the derivation and the planner key it like any
// equality attribute; only the value differs (a literal in the key, not a
// parameter). One owner of both lists.
import type { Pattern, Scalar } from './types.ts';

/** A pattern's fixed attributes and their values, in order (own properties only: an attribute may be called `__proto__`). */
export function fixedEntries(pattern: Pick<Pattern, 'fixed'>): [string, Scalar][] {
  return pattern.fixed === undefined ? [] : Object.entries(pattern.fixed);
}

/** The fixed value of an attribute, when the pattern fixes it. */
export function fixedValue(pattern: Pick<Pattern, 'fixed'>, attribute: string): Scalar | undefined {
  return pattern.fixed !== undefined && Object.hasOwn(pattern.fixed, attribute) ? pattern.fixed[attribute] : undefined;
}

/**
 * The attributes a pattern compares for equality: its `equals` (parameters), then its `fixed` ones
 * (literals), each once. What a key must take before its order.
 */
export function equalityAttributes(pattern: Pick<Pattern, 'equals' | 'fixed'>): string[] {
  if (pattern.fixed === undefined) return pattern.equals;
  return [...new Set([...pattern.equals, ...Object.keys(pattern.fixed)])];
}
