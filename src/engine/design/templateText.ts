// A key template as people read it, one way for every reader (the design panel,
// design.md, the CLI). Composite keys: literal segments as they are, attributes in
// braces, joined by `#` as the key values are (`USER#{email}`). Native keys: one
// value per key attribute, joined by ` + ` (`"Order" + {status}`: the entity
// attribute holds the entity's name, the others are the items' own attributes).
import type { IndexKeySchema, Segment } from './types.ts';

export function keyTemplateText(segments: readonly Segment[], index?: IndexKeySchema): string {
  if (index?.keys === 'native') return segments.map((s) => (s.kind === 'literal' ? `"${s.text}"` : `{${s.name}}`)).join(' + ');
  return segments.map((s) => (s.kind === 'literal' ? s.text : `{${s.name}}`)).join('#');
}
