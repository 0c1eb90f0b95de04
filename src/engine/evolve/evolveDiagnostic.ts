// The codes the evolve stage reports: what a deployed table cannot take (errors:
// no migration step runs while one stands) and what it keeps that nothing reads
// any more (warnings). DynamoDB's rules behind the errors: a table's key schema is
// fixed at CreateTable (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
// has no KeySchema), and a GSI's key schema and projection cannot be changed
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html).
import { stageDiagnostic, type Diagnostic, type DiagnosticSubject, type Severity } from '../model/diagnostics.ts';

/** Every code the evolve stage reports (tests check each is reachable). */
export const EVOLVE_DIAGNOSTIC_CODES = [
  /** error: an existing entity's table key template would change (an attribute of it removed or made optional): its items cannot move on the live table. */
  'evolve.tableKeyChanged',
  /** error: an existing index's key schema or projection would change (a key attribute renamed): DynamoDB cannot change it in place. */
  'evolve.indexKeyChanged',
  /** error: the attribute that names the entity on every item would change (the model now has an attribute of its name). */
  'evolve.entityAttributeChanged',
  /** warning: a GSI of the deployed design that no pattern reads any more: kept (and written) until it is dropped. */
  'evolve.unusedIndex',
  /** warning: an entity's template in a GSI that other patterns still read, which no pattern reads for this entity any more: kept and written. */
  'evolve.unusedTemplate',
  /** warning: the table's key schema cannot hold the design-metadata items (a partition key that is not a string): its design is known by its tag alone (designMetadata.ts). */
  'evolve.metadataKey',
] as const;

export type EvolveDiagnosticCode = (typeof EVOLVE_DIAGNOSTIC_CODES)[number];

/** An evolve diagnostic: one of its codes, with its subject. */
export const evolveDiagnostic: (
  code: EvolveDiagnosticCode,
  message: string,
  where: { path?: string | undefined; subject: DiagnosticSubject },
  severity?: Severity,
) => Diagnostic = stageDiagnostic;

/** True for the evolve errors: changes a deployed table cannot take. */
export function isEvolveError(d: Diagnostic): boolean {
  return d.severity === 'error' && d.code.startsWith('evolve.');
}
