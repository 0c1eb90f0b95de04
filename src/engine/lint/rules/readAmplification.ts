// Patterns served with a FilterExpression: "a filter expression is applied after
// a Query finishes, but before the results are returned", and the read consumes
// capacity for every item read, not only those returned
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html).
// The keys stage already says which patterns are filtered and why
// (`keys.filtered`); this rule builds on the plan's filter and measures what it
// costs on the sample items: over the seeded parameter picks cost/readUnits.ts
// prices, items read / items returned by the filtered requests (the read
// amplification), and the read units per call and per second at the peak rate.
import { patternNamed } from '../../queries/patternParameters.ts';
import type { Item } from '../../design/types.ts';
import type { Diagnostic } from '../../model/diagnostics.ts';
import { patternReadCost } from '../../cost/readUnits.ts';
import { patternRate } from '../../cost/workload.ts';
import { buildRequest } from '../../queries/buildRequest.ts';
import { runRequests } from '../../queries/runRequests.ts';
import { figure, type LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';

/** What a filtered pattern's requests read and return on the samples, over its priced calls. */
export interface FilterMeasure {
  calls: number;
  /** Items the filtered requests read (before the filter). */
  read: number;
  /** Items they returned (after it). */
  returned: number;
  /** Mean read units per call (every request of the call). */
  unitsPerCall: number;
}

export function measureFilter(ctx: LintContext, pattern: string): FilterMeasure {
  const cost = patternReadCost({ design: ctx.design, records: ctx.records, items: ctx.items, pattern });
  let read = 0;
  let returned = 0;
  for (const call of cost.calls) {
    const requests = buildRequest(ctx.design, pattern, call.params);
    requests.forEach((request, i) => {
      if (request.operation !== 'Query' || !request.filter) return;
      read += call.requests[i]?.itemsRead ?? 0;
      returned += runRequests({ design: ctx.design, items: ctx.items as Item[], requests: [request] }).length;
    });
  }
  return { calls: cost.calls.length, read, returned, unitsPerCall: cost.average };
}

export function readAmplificationRule(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const plan of ctx.design.patterns) {
    const step = plan.steps.find((s) => s.filter);
    const pattern = patternNamed(ctx.model, plan.pattern);
    if (!step?.filter || !pattern) continue;
    const m = measureFilter(ctx, plan.pattern);
    const rate = patternRate(pattern);
    const factor =
      m.returned > 0 ? `${figure(m.read / m.returned)}×` : m.read > 0 ? 'unbounded (nothing passed the filter)' : 'not measured (the samples read nothing)';
    const wasted = m.read > 0 ? ` ${figure(((m.read - m.returned) / m.read) * 100)}% of what it reads is thrown away:` : '';
    out.push(
      lintDiagnostic(
        'lint.readAmplification',
        `${plan.pattern} filters "${step.filter.attribute}" ${step.filter.op} after reading its ${step.index} partition: on the sample items it read ${figure(m.read)} items and returned ${figure(m.returned)} over ${m.calls} calls (read amplification ${factor});${wasted} ${figure(m.unitsPerCall)} RCU per call, ${figure(m.unitsPerCall * rate.peak)} RCU/s at ${figure(rate.peak)} calls/s${rate.isDefault ? ' (default rate)' : ''}. Fix: let the key condition take the range (order by "${step.filter.attribute}", or a GSI sorted on it), or narrow the partition with another equality.`,
        {
          path: `${ctx.patternPath(plan.pattern)}${pattern.range ? '.range' : ''}`,
          subject: { pattern: plan.pattern, entity: plan.entity, index: step.index },
        },
      ),
    );
  }
  return out;
}
