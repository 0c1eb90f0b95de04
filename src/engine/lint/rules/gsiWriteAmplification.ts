// Write amplification: an attribute in the keys of several GSIs of an entity
// that is written often. "If you update a table item to change the value of an
// indexed key attribute, two writes are required: one to delete the previous
// item from the index and another write to put the new item into the index"
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes):
// each change of such an attribute rewrites an entry, a delete and a put, in
// every one of those GSIs. Only entities whose model declares a write rate
// (`writes`) are judged; the entity's key never changes, so it is not counted.
// Units from cost/ (writeUnitsOf on each index entry's size, through the lint
// context), at the declared peak (cost/workload.ts).
import type { Diagnostic } from '../../model/diagnostics.ts';
import { entityWrites } from '../../cost/workload.ts';
import { figure, type LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';
import { WRITE_AMPLIFICATION_MIN_GSIS } from '../thresholds.ts';

export function gsiWriteAmplificationRule(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const table = ctx.design.indexes.find((i) => i.kind === 'table');
  for (const design of ctx.design.entities) {
    const entity = ctx.entity(design.entity);
    if (!entity?.writes || !table) continue;
    const rate = entityWrites(entity);
    entity.attributes.forEach((attribute, at) => {
      if (entity.key.includes(attribute.name)) return;
      const gsis = ctx.design.indexes.filter((index) => {
        const template = design.keys[index.name];
        return (
          index.kind === 'gsi' && template !== undefined && [...template.pk, ...template.sk].some((s) => s.kind === 'attribute' && s.name === attribute.name)
        );
      });
      if (gsis.length < WRITE_AMPLIFICATION_MIN_GSIS) return;
      const base = ctx.entryWrite(entity.name, table).units;
      const perGsi = gsis.map((index) => 2 * ctx.entryWrite(entity.name, index).units);
      const perChange = base + perGsi.reduce((a, b) => a + b, 0);
      const first = gsis[0];
      out.push(
        lintDiagnostic(
          'lint.gsiWriteAmplification',
          `${entity.name}.${attribute.name} is in the keys of ${gsis.length} GSIs (${gsis.map((g) => g.name).join(', ')}): each change of it rewrites the item (${figure(base)} WCU) and moves its entry in each of them, a delete and a put (${perGsi.map(figure).join(' + ')} WCU), ${figure(perChange)} WCU per change instead of ${figure(base)}; at ${figure(rate.peak)} writes/s that change it, ${figure(perChange * rate.peak)} WCU/s. Fix: key fewer GSIs on "${attribute.name}" (serve its patterns from one GSI, sorting or filtering there), or key them on an attribute that does not change.`,
          { path: `${ctx.entityPath(entity.name)}.attributes[${at}]`, subject: { entity: entity.name, ...(first ? { index: first.name } : {}) } },
        ),
      );
    });
  }
  return out;
}
