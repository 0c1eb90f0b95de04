// A design change in words, one way for every reader (the CLI, design.md, the app):
// `added GSI3`, `removed Order's key in GSI2`, with its reason.
import type { DesignChange } from './types.ts';

/** What changed: `GSI3`, `Order's key in GSI2`, `Order`, `the entity attribute`. */
export function changeSubject(change: DesignChange): string {
  if (change.index !== undefined && change.entity !== undefined) return `${change.entity}'s key in ${change.index}`;
  return change.index ?? change.entity ?? 'the entity attribute';
}

/** `added GSI3: keys Order, for getOrdersByTotal, ...`. */
export function describeChange(change: DesignChange): string {
  return `${change.kind} ${changeSubject(change)}: ${change.reason}`;
}
