// A migration plan for people: what the live table cannot take (when anything),
// then each step in the order it runs. `migrate --dry-run` prints exactly this.
import { units } from '../cost/costText.ts';
import { formatDiagnostic } from '../model/diagnostics.ts';
import type { MigrationPlan } from './types.ts';

export function migrationPlanText(plan: MigrationPlan): string {
  const out: string[] = [`Migration of table ${plan.tableName}: design ${plan.from} → ${plan.to}`];
  if (plan.impossible.length > 0) {
    out.push('', `Impossible on the live table (${plan.impossible.length}); no step runs while ${plan.impossible.length > 1 ? 'these stand' : 'this stands'}:`);
    for (const d of plan.impossible) out.push(`  error: ${formatDiagnostic(d)}`);
  }
  out.push('', plan.impossible.length > 0 ? 'Steps it would take:' : 'Steps:');
  plan.steps.forEach((step, i) => {
    const head = `  ${i + 1}. ${step.kind}${step.kind === 'createIndex' || step.kind === 'dropIndex' ? ` ${step.index}` : ''}: ${step.description}`;
    out.push(head);
    if (step.kind === 'backfill') {
      for (const e of step.entities) {
        const what = [e.set.length ? `set ${e.set.join(', ')}` : '', e.remove.length ? `remove ${e.remove.join(', ')}` : ''].filter(Boolean).join(', ');
        out.push(
          `       ${e.entity}: ${what}; ${units(e.items)} items × ${units(e.writeUnitsPerItem)} = ${units(Math.ceil(e.items * e.writeUnitsPerItem))} write units`,
        );
      }
    }
  });
  const kept = plan.unusedIndexes.filter((name) => !plan.steps.some((s) => s.kind === 'dropIndex' && s.index === name));
  if (kept.length > 0) out.push('', `Kept though no pattern reads ${kept.length > 1 ? 'them' : 'it'}: ${kept.join(', ')} (drop with --drop-unused).`);
  return `${out.join('\n')}\n`;
}
