// Write sharding (FORMAT.md `shards`): a pattern's partition spread over N
// shards. The one owner of what sharding means for a key:
//
// - A sharded pattern's template ends its partition key with a shard segment
//   (`GAME#{status}#{shard}`), whose value is `shardOf(<the record's key, encoded
//   and #-joined>, N)`: the write runtime's hash (writes/writeRuntime.ts), the
//   one function the engine, the app and every generated module call. It depends
//   on the key alone, so a record never changes shard.
// - A sharded need gets a template of its own (N is part of what it needs): other
//   patterns keep their one request, and two sharded patterns with different N
//   get one template each. A template serves a pattern only when their shard
//   counts agree (1: unsharded), so the planner never puts a pattern on a sharded
//   template it did not ask for, nor on one with another N.
// - A sharded template is never the table's: the table key finds a record from
//   its key (GetItem, the write runtime), and every item needs it.
// - `shards` on a pattern that cannot be sharded (an include, whose item
//   collection is one partition per parent; a pattern whose equalities hold the
//   whole key, which reads one record) is ignored with a `keys.shardsIgnored`
//   warning at the pattern's `shards`.
import type { Entity, Pattern } from '../model/types.ts';
import type { KeyTemplate, Segment, ShardSegment } from '../design/types.ts';
import { equalityAttributes } from '../model/patternEqualities.ts';
import { encodeKeyValue, KEY_SEPARATOR } from './encodeKeyValue.ts';
import { shardOf } from '../writes/writeRuntime.ts';

export { shardOf };

/** Why a pattern's `shards` is ignored, or undefined when it can be sharded (or asks for none). */
export function shardsIgnoredReason(entity: Entity, pattern: Pattern): string | undefined {
  if ((pattern.shards ?? 1) <= 1) return undefined;
  if (pattern.include && pattern.include.length > 0)
    return 'an include reads one item collection, whose parent and children share one partition, so it cannot be spread over shards';
  const equals = new Set(equalityAttributes(pattern));
  if (entity.key.every((k) => equals.has(k)))
    return `its equalities hold the whole key of ${entity.name} (${entity.key.join(', ')}), so it reads one record${pattern.order || pattern.range ? '' : ' (a GetItem)'}, which one partition holds`;
  return undefined;
}

/** The shards a pattern's partition is spread over: its `shards` where it can be sharded, else 1. */
export function patternShards(entity: Entity, pattern: Pattern): number {
  return shardsIgnoredReason(entity, pattern) === undefined ? (pattern.shards ?? 1) : 1;
}

/** The shard segment a sharded template's partition key ends with. */
export function shardSegment(count: number, key: readonly string[]): ShardSegment {
  return { kind: 'shard', count, of: [...key] };
}

/** A template's shard segment, when it is sharded. */
export function shardSegmentOf(template: Pick<KeyTemplate, 'pk'>): ShardSegment | undefined {
  return template.pk.find((s): s is ShardSegment => s.kind === 'shard');
}

/** How many shards a template's partition is spread over (1: not sharded). */
export function templateShards(template: Pick<KeyTemplate, 'pk'>): number {
  return shardSegmentOf(template)?.count ?? 1;
}

/** The text the shard is hashed from: the record's key values, encoded as in a key, `#`-joined; undefined when it lacks one. */
export function shardKeyText(
  segment: ShardSegment,
  record: Readonly<Record<string, unknown>>,
  attributes: readonly Pick<Entity['attributes'][number], 'name' | 'type'>[],
): string | undefined {
  const parts: string[] = [];
  for (const name of segment.of) {
    const value = Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
    if (value === undefined || value === null) return undefined;
    const type = attributes.find((a) => a.name === name)?.type ?? 'string';
    parts.push(encodeKeyValue(type, value as string | number | boolean, name));
  }
  return parts.join(KEY_SEPARATOR);
}

/** A shard segment's value for a record: the shard number's decimal digits (characters above `$`, as every key component's). */
export function shardValue(
  segment: ShardSegment,
  record: Readonly<Record<string, unknown>>,
  attributes: readonly Pick<Entity['attributes'][number], 'name' | 'type'>[],
): string | undefined {
  const text = shardKeyText(segment, record, attributes);
  return text === undefined ? undefined : String(shardOf(text, segment.count));
}

/** The attribute names a segment is made of: an attribute's own, a shard's key attributes. */
export function segmentAttributes(s: Segment): string[] {
  return s.kind === 'attribute' ? [s.name] : s.kind === 'shard' ? [...s.of] : [];
}
