// A pattern whose answer is empty whatever the records. When the range
// attribute is also an equality attribute and the range is `between`, the
// pattern has ONE parameter under that name, a [low, high] pair
// (patternParameters), and the plan compares it for equality in a key: no
// record's value equals a pair, so the answer is always empty (answerPattern,
// FORMAT.md). Decided here, once, from the plan and the parameters' shapes:
// buildRequest then builds no request, the generated builder returns `[]`, and
// the app and the CLI say why instead of showing a request.
import type { PatternPlan } from '../design/types.ts';
import type { PatternParameter } from './patternParameters.ts';

/**
 * The parameter that makes the answer always empty: a `[low, high]` pair that a
 * step's key (partition key or sort-key prefix: equalities) compares with one
 * value. `undefined` when the pattern can answer something.
 */
export function alwaysEmptyParameter(plan: PatternPlan, parameters: readonly PatternParameter[]): string | undefined {
  const pairs = new Set(parameters.filter((p) => p.shape === 'pair').map((p) => p.name));
  for (const step of plan.steps) {
    for (const part of [...step.key.pk, ...step.key.skPrefix]) {
      if (part.kind === 'param' && pairs.has(part.param)) return part.param;
    }
  }
  return undefined;
}

/** Why such a pattern sends nothing, for people (the app, the CLI, the generated module's comment). */
export function alwaysEmptyText(parameter: string): string {
  return `No request: the answer is always empty (${parameter} is compared with a pair).`;
}
