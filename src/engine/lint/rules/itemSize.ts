// Items near DynamoDB's item size limit: "the maximum item size in DynamoDB is
// 400 KB", names and values together
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items).
// Measured by cost/itemSize.ts (itemBytes: every attribute, keys and the entity
// attribute included) on the sample items, or taken from the model's
// `itemBytes`; flagged at 90% of the limit, where one attribute's growth makes
// a write fail.
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { Entity } from '../../model/types.ts';
import { itemBytes } from '../../cost/itemSize.ts';
import { readUnitsOf } from '../../cost/readUnits.ts';
import { writeUnitsOf } from '../../cost/writeUnits.ts';
import { figure, type LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';
import { ITEM_SIZE_WARNING_SHARE, MAX_ITEM_BYTES } from '../thresholds.ts';

export function itemSizeRule(ctx: LintContext): Diagnostic[] {
  return itemSizeIn(ctx, ctx.model.entities);
}

/** The rule on some of the model's entities (lintDesign hands it out in parts: every item is measured). */
export function itemSizeIn(ctx: LintContext, entities: readonly Entity[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entity of entities) {
    // A loop, not Math.max(...sizes): an entity's 100,000 sample items are more arguments than a call takes in a browser's worker.
    let sampled = 0;
    for (const item of ctx.itemsOf(entity.name)) sampled = Math.max(sampled, itemBytes(item));
    const declared = entity.itemBytes ?? 0;
    const bytes = Math.max(sampled, declared);
    if (bytes < ITEM_SIZE_WARNING_SHARE * MAX_ITEM_BYTES) continue;
    const source = declared >= sampled ? 'its declared itemBytes' : 'the largest sample item';
    out.push(
      lintDiagnostic(
        'lint.itemSize',
        `${entity.name} items are ${figure(bytes)} bytes (${source}), ${figure((bytes / MAX_ITEM_BYTES) * 100)}% of DynamoDB's 400 KB (${figure(MAX_ITEM_BYTES)} bytes) item limit: a little growth and writes are refused, and each strongly consistent read of one costs ${figure(readUnitsOf(bytes, true))} read units and each write ${figure(writeUnitsOf(bytes))} write units. Fix: keep large values in S3 with a pointer in the item, compress them, or split the record into several items of one partition.`,
        {
          path: `${ctx.entityPath(entity.name)}${declared >= sampled && entity.itemBytes !== undefined ? '.itemBytes' : ''}`,
          subject: { entity: entity.name },
        },
      ),
    );
  }
  return out;
}
