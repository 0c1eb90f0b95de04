// The codes the lint stage reports, and one way to build its diagnostics. Each
// is a finding of a design review: where the design will throttle, grow dear or
// break at scale (the rule, the numbers and a fix in the message). All are
// warnings: the design is served, but it will hurt.
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject } from '../model/diagnostics.ts';

/** Every code the lint stage reports, one per rule (rules/<rule>.ts); tests check each is reachable. */
export const LINT_DIAGNOSTIC_CODES = [
  /** A constant or few-valued partition key whose declared rates exceed what one partition serves (3,000 RCU, 1,000 WCU): shard it. */
  'lint.hotPartition',
  /** A date/datetime or counter-like number in a partition key: every new write goes to the newest partition. */
  'lint.timeOrderedKey',
  /** A partition key value over 2,048 bytes or a sort key value over 1,024 bytes in the sample items. */
  'lint.keySize',
  /** An item at 90% or more of DynamoDB's 400 KB item limit. */
  'lint.itemSize',
  /** More GSIs than the default quota (20 per table). */
  'lint.gsiQuota',
  /** A pattern served with a FilterExpression, with its read amplification measured on the sample items. */
  'lint.readAmplification',
  /** A strongly consistent read asked of a pattern that a GSI serves (GSIs are eventually consistent only). */
  'lint.consistentGsiRead',
  /** An attribute in the keys of two or more GSIs of an entity that is written often: each change rewrites an entry in each. */
  'lint.gsiWriteAmplification',
] as const;

export type LintDiagnosticCode = (typeof LINT_DIAGNOSTIC_CODES)[number];

/** A lint finding: one of the codes, where it is (`path` into the model) and what it is about; a warning unless said. */
export function lintDiagnostic(code: LintDiagnosticCode, message: string, where: { path?: string | undefined; subject: DiagnosticSubject }): Diagnostic {
  return stageDiagnostic(code, message, where, 'warning');
}
