// Time-ordered or sequential partition keys. DynamoDB spreads items over
// partitions by the partition key's hash, so the load is even only when
// requests spread over many key values at once
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html,
// bp-partition-key-uniform-load.html). A date or a datetime, or a counter-like
// number (a sequence, a version, a period), in a partition key changes with
// time: every new item, and most reads of recent ones, go to the newest value's
// partition while the older ones go cold. A key that holds the entity's whole
// key too puts each record in a partition of its own and is not flagged.
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { Attribute } from '../../model/types.ts';
import type { LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';

/** A number attribute named as a counter or a period (`seq`, `orderSequence`, `version`, `year`, `weekNumber`, `epoch`...). */
const COUNTER_NAME =
  /(?:seq|sequence|counter|serial|version|revision|year|month|week|day|hour|minute|epoch|timestamp|time|period|batch|bucket)(?:no|num|number)?$/i;

/** Why an attribute's values grow with time, or undefined. */
export function timeOrdered(attribute: Attribute, entity: { version?: string; ttl?: string }): string | undefined {
  if (attribute.type === 'date' || attribute.type === 'datetime') return `a ${attribute.type}`;
  if (attribute.type !== 'number' || attribute.values !== undefined) return undefined;
  if (entity.version === attribute.name) return 'the version counter';
  if (entity.ttl === attribute.name) return 'an expiry time';
  return COUNTER_NAME.test(attribute.name) ? 'a counter-like number' : undefined;
}

export function timeOrderedKeyRule(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const index of ctx.design.indexes) {
    for (const design of ctx.design.entities) {
      const template = design.keys[index.name];
      const entity = ctx.entity(design.entity);
      if (!template || !entity) continue;
      const pk = template.pk.flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
      // Each record its own partition: the hash spreads them however their values run.
      if (entity.key.every((k) => pk.includes(k))) continue;
      for (const name of pk) {
        const attribute = entity.attributes.find((a) => a.name === name);
        const why = attribute && timeOrdered(attribute, entity);
        if (!attribute || !why) continue;
        const readers = ctx.readersOf(index.name, entity.name);
        const first = readers[0];
        const attributePath = `${ctx.entityPath(entity.name)}.attributes[${entity.attributes.indexOf(attribute)}]`;
        out.push(
          lintDiagnostic(
            'lint.timeOrderedKey',
            `The partition key of ${entity.name} in ${index.name} holds "${name}", ${why}${readers.length ? ` (for ${readers.join(', ')})` : ''}: its values follow time, so every new ${entity.name} and most reads of recent ones go to the newest value's partition (up to 3,000 RCU and 1,000 WCU per second) while older partitions go cold. Fix: move "${name}" into the sort key and partition by an attribute with many values used at once, or spread the newest partition over shards (\`shards N\`).`,
            {
              path: first === undefined ? attributePath : ctx.patternPath(first),
              subject: { ...(first === undefined ? {} : { pattern: first }), entity: entity.name, index: index.name },
            },
          ),
        );
      }
    }
  }
  return out;
}
