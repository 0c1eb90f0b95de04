// The codes the queries stage reports, and one way to build its diagnostics:
// a request the in-memory evaluator cannot run as DynamoDB would.
import type { Diagnostic, DiagnosticSubject, Severity } from '../model/diagnostics.ts';

/** Every code the queries stage reports (tests check each is reachable). */
export const QUERIES_DIAGNOSTIC_CODES = [
  /** the design has no base table. */
  'queries.noTable',
  /** the request names an index the design does not have. */
  'queries.unknownIndex',
  /** `Limit` is not a whole number of at least 1. */
  'queries.invalidLimit',
  /** a filter DynamoDB refuses (an operator its type does not take, a value of another type). */
  'queries.invalidFilter',
] as const;

export type QueriesDiagnosticCode = (typeof QUERIES_DIAGNOSTIC_CODES)[number];

export function queriesDiagnostic(
  code: QueriesDiagnosticCode,
  message: string,
  where: { path?: string | undefined; subject: DiagnosticSubject },
  severity: Severity = 'error',
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (where.path !== undefined) d.path = where.path;
  d.subject = where.subject;
  return d;
}
