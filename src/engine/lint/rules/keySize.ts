// Key values over DynamoDB's lengths: a partition key value of at most 2,048
// bytes, a sort key value of at most 1,024
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys);
// a write of an item whose key (in the table or a GSI) is longer is refused.
// Measured on the longest sample values, by DynamoDB's byte rules
// (cost/itemSize.ts valueBytes: a string's UTF-8 bytes, a number's digits); for
// a native GSI, each key attribute's value on its own.
import { indexKeyOf } from '../../design/indexKeyOf.ts';
import type { EntityDesign, IndexDesign } from '../../design/types.ts';
import type { Diagnostic } from '../../model/diagnostics.ts';
import { valueBytes } from '../../cost/itemSize.ts';
import { figure, type LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';
import { MAX_PARTITION_KEY_BYTES, MAX_SORT_KEY_BYTES } from '../thresholds.ts';

export function keySizeRule(ctx: LintContext): Diagnostic[] {
  return ctx.design.indexes.flatMap((index) => keySizeIn(ctx, index, ctx.design.entities));
}

/** The rule on one index and some of the entities (lintDesign hands it out in parts: every item's key is measured). */
export function keySizeIn(ctx: LintContext, index: IndexDesign, entities: readonly EntityDesign[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const design of entities) {
    if (!design.keys[index.name]) continue;
    let pk = 0;
    let sk = 0;
    for (const item of ctx.itemsOf(design.entity)) {
      const key = indexKeyOf(item, index);
      if (!key) continue;
      for (const v of key.pk) pk = Math.max(pk, valueBytes(v));
      for (const v of key.sk) sk = Math.max(sk, valueBytes(v));
    }
    const over = [
      ...(pk > MAX_PARTITION_KEY_BYTES ? [`partition key value is ${figure(pk)} bytes (at most ${figure(MAX_PARTITION_KEY_BYTES)})`] : []),
      ...(sk > MAX_SORT_KEY_BYTES ? [`sort key value is ${figure(sk)} bytes (at most ${figure(MAX_SORT_KEY_BYTES)})`] : []),
    ];
    if (over.length === 0) continue;
    out.push(
      lintDiagnostic(
        'lint.keySize',
        `${design.entity} in ${index.name}: the longest sample ${over.join(' and its ')}; DynamoDB refuses to write such an item. Fix: key on a short identifier (or a hash) instead of long text, and keep the long value as a plain attribute.`,
        { path: ctx.entityPath(design.entity), subject: { entity: design.entity, index: index.name } },
      ),
    );
  }
  return out;
}
