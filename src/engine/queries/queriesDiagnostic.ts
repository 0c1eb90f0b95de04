// The codes the queries stage reports, and one way to build its diagnostics:
// a request the in-memory evaluator cannot run as DynamoDB would.
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject, type Severity } from '../model/diagnostics.ts';

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

/** A queries diagnostic: one of its codes, with its subject. */
export const queriesDiagnostic: (code: QueriesDiagnosticCode, message: string, where: { path?: string | undefined; subject: DiagnosticSubject }, severity?: Severity) => Diagnostic = stageDiagnostic;
