// The codes the queries stage reports, and one way to build its diagnostics:
// a request the in-memory evaluator cannot run as DynamoDB would, and a
// model that a design's layout cannot serve.
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject, type Severity } from '../model/diagnostics.ts';

/** The codes of a request the in-memory evaluator refuses, as DynamoDB would (each about the request's index). */
export const EVALUATION_DIAGNOSTIC_CODES = [
  /** the design has no base table. */
  'queries.noTable',
  /** the request names an index the design does not have. */
  'queries.unknownIndex',
  /** `Limit` is not a whole number of at least 1. */
  'queries.invalidLimit',
  /** a filter DynamoDB refuses (an operator its type does not take, a value of another type). */
  'queries.invalidFilter',
] as const;

/** The codes of planning a model on a layout (each about a pattern or an entity). */
export const PLANNING_DIAGNOSTIC_CODES = [
  /** a pattern the design's layout cannot serve: the message names what it lacks (planning against a loaded or previous design). */
  'queries.notServed',
  /** an entity of the model that the design has no key for (its records cannot be stored). */
  'queries.entityNotInDesign',
  /** a key template names an attribute the entity does not have in the model. */
  'queries.attributeNotInModel',
  /** a native GSI is keyed on an attribute that some entity of the model holds with another type (DynamoDB refuses such writes). */
  'queries.keyTypeMismatch',
] as const;

/** Every code the queries stage reports (tests check each is reachable). */
export const QUERIES_DIAGNOSTIC_CODES = [...EVALUATION_DIAGNOSTIC_CODES, ...PLANNING_DIAGNOSTIC_CODES] as const;

export type QueriesDiagnosticCode = (typeof QUERIES_DIAGNOSTIC_CODES)[number];

/** A queries diagnostic: one of its codes, with its subject. */
export const queriesDiagnostic: (
  code: QueriesDiagnosticCode,
  message: string,
  where: { path?: string | undefined; subject: DiagnosticSubject },
  severity?: Severity,
) => Diagnostic = stageDiagnostic;
