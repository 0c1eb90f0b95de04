// A strongly consistent read asked of a GSI. "Global secondary indexes support
// eventually consistent reads" only
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reading):
// a pattern marked `consistent` whose plan reads a GSI gets no ConsistentRead
// there (queries/ plans it so and its reason says why); the caller may read an
// item a write has not reached yet.
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { LintContext } from '../lintContext.ts';
import { lintDiagnostic } from '../lintDiagnostic.ts';

export function consistentGsiReadRule(ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pattern of ctx.model.patterns) {
    if (!pattern.consistent) continue;
    const plan = ctx.design.patterns.find((p) => p.pattern === pattern.name);
    const step = plan?.steps.find((s) => ctx.index(s.index)?.kind === 'gsi');
    if (!step) continue;
    out.push(
      lintDiagnostic(
        'lint.consistentGsiRead',
        `${pattern.name} asks for a strongly consistent read, but ${step.index} serves it and a GSI reads eventually consistent only: an item written a moment ago may be missing or old in its answer. Fix: serve it from the table (look it up by ${pattern.entity}'s key), read each record back with a consistent GetItem on the table after the query, or drop \`consistent\` if a slightly stale answer is fine.`,
        { path: `${ctx.patternPath(pattern.name)}.consistent`, subject: { pattern: pattern.name, entity: pattern.entity, index: step.index } },
      ),
    );
  }
  return out;
}
