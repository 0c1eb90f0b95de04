// Why a pattern with a limit or fixed values is not served, in one wording: the
// keys stage says it of a derived layout (a not-served keys error), the planner
// of any layout (queries.notServed). Limits of DynamoDB, not of a layout.
import type { Entity, Pattern } from '../model/types.ts';

/** Why a pattern with a limit whose range must be filtered is not served. */
export function limitWithFilterText(pattern: Pick<Pattern, 'limit'>, filtered: string, next: string | undefined): string {
  const why =
    next !== undefined
      ? `the items are sorted by "${next}", so the range on "${filtered}" is a FilterExpression`
      : `"${filtered}" is also an equality attribute, so its range is a FilterExpression`;
  return `limit ${String(pattern.limit)} cannot be served: ${why}, and DynamoDB counts Limit before the filter, so a request with Limit could miss records of the first ${String(pattern.limit)}; order by the range attribute, or drop the limit or the range`;
}

/** Why an include pattern with fixed values is not served. */
export function includeWithFixedText(pattern: Pick<Pattern, 'fixed'>, entity: Entity): string {
  const names = Object.keys(pattern.fixed ?? {});
  return `a fixed value on ${entity.name} (${names.join(', ')}) cannot be combined with include in one request: the included records have no ${names.map((n) => `"${n}"`).join(', ')}, so no key condition selects both; split it into two patterns`;
}

/** Why an include pattern with a limit is not served. */
export function includeWithLimitText(entity: Entity): string {
  return `limit cannot be combined with include: DynamoDB's Limit counts the included records too, so it cannot keep the first records of ${entity.name} with all of theirs; split it into two patterns`;
}
