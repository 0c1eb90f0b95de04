// A key template as people read it, one way for every reader (the design panel,
// design.md, the CLI). Composite keys: literal segments as they are, attributes in
// braces, joined by `#` as the key values are (`USER#{email}`). Native keys: one
// value per key attribute, joined by ` + ` (`"Order" + {status}`: the entity
// attribute holds the entity's name, the others are the items' own attributes).
// A shard segment (write sharding) reads `{shard of gameId, 4}`.
import { indexKeyAttributes } from './indexKeys.ts';
import type { IndexKeySchema, KeyTemplate, Segment, ShardSegment } from './types.ts';

export function keyTemplateText(segments: readonly Segment[], index?: IndexKeySchema): string {
  if (index?.keys === 'native')
    return segments.map((s) => (s.kind === 'literal' ? `"${s.text}"` : s.kind === 'shard' ? shardText(s) : `{${s.name}}`)).join(' + ');
  return segments.map((s) => (s.kind === 'literal' ? s.text : s.kind === 'shard' ? shardText(s) : `{${s.name}}`)).join('#');
}

/** A shard segment as people read it: `{shard of gameId, 4}` (the shard picked from those key attributes, one of 4). */
export function shardText(s: ShardSegment): string {
  return `{shard of ${s.of.join('+')}, ${String(s.count)}}`;
}

/** A whole template with its key attributes: `GSI1PK = USER#{email}, GSI1SK = ORDER#{createdAt}`; native keys: `_type + status = "Order" + {status}, total = {total}`. */
export function keyTemplateLine(index: IndexKeySchema, t: KeyTemplate): string {
  const { pk, sk } = indexKeyAttributes(index);
  const part = (names: string[], segments: readonly Segment[]) => `${names.join(' + ')} = ${keyTemplateText(segments, index)}`;
  return sk.length === 0 && t.sk.length === 0 ? part(pk, t.pk) : `${part(pk, t.pk)}, ${part(sk, t.sk)}`;
}
