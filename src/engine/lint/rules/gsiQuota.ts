// More GSIs than the default quota: "Global secondary indexes per table: 20",
// adjustable (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes).
// deriveDesign already refuses a derivation that needs more (`keys.tooManyIndexes`,
// an error): this rule does not say it twice, and covers the designs that do
// not go through that check (a layout read back from design.json and planned
// with planDesign).
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';
import { DEFAULT_GSI_QUOTA } from '../thresholds.ts';

export function gsiQuotaRule(ctx: LintContext): Diagnostic[] {
  const gsis = ctx.design.indexes.filter((i) => i.kind === 'gsi');
  if (gsis.length <= DEFAULT_GSI_QUOTA) return [];
  if (ctx.design.diagnostics.some((d) => d.code === 'keys.tooManyIndexes')) return [];
  return [
    lintDiagnostic(
      'lint.gsiQuota',
      `The design has ${gsis.length} GSIs; DynamoDB's default quota is ${DEFAULT_GSI_QUOTA} per table, so CreateTable fails past ${gsis[DEFAULT_GSI_QUOTA - 1]?.name ?? `the ${DEFAULT_GSI_QUOTA}th`}. Fix: merge patterns that differ only in order or filter (fewer GSIs), split the table, or raise the quota in Service Quotas before you create it.`,
      { subject: {} },
    ),
  ];
}
