// The codes the keys stage reports, and one way to build its diagnostics.
// Each is about a design limit of the model (a pattern no key can serve in one
// request, a hot partition), never about a failure of the engine
// (`engine.internal`).
import { stageDiagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticSubject, type Severity } from '../model/diagnostics.ts';

/** Every code the keys stage reports (tests check each is reachable). */
export const KEYS_DIAGNOSTIC_CODES = [
  /** warning: a range served by a FilterExpression (read amplification). */
  'keys.filtered',
  /** warning: a pattern takes two requests (an include of the entity itself). */
  'keys.multipleRequests',
  /** warning: a child belongs to the parent several ways; the include follows the first. */
  'keys.firstRelation',
  /** warning: a constant or low-cardinality partition key. */
  'keys.hotPartition',
  /** warning, native mode: a GSI template that keeps a composite key (an item collection, a boolean, too many attributes, a type conflict). */
  'keys.compositeKey',
  /** warning: `shards` on a pattern that cannot be sharded (an include, a read of one record by its whole key); it is ignored. */
  'keys.shardsIgnored',
  /** warning: an include matching on part of the parent's key also returns children whose parent does not exist. */
  'keys.includeOrphans',
  /** not served: a range on the parent beside include. */
  'keys.includeWithRange',
  /** not served: include matching on attributes outside the parent's key. */
  'keys.includeNeedsKey',
  /** not served: an entity including itself without belonging to itself. */
  'keys.includeSelfNotChild',
  /** not served: a fixed value on the parent beside include (the included records lack the attribute). */
  'keys.includeWithFixed',
  /** not served: a limit beside include (Limit counts the included records too). */
  'keys.includeWithLimit',
  /** not served: a limit on a pattern whose range must be filtered (Limit counts the items before the filter). */
  'keys.limitWithFilter',
  /** the patterns need more GSIs than DynamoDB allows (about the whole design: subject `{}`). */
  'keys.tooManyIndexes',
] as const;

export type KeysDiagnosticCode = (typeof KEYS_DIAGNOSTIC_CODES)[number];

const NOT_SERVED: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'keys.includeWithRange',
  'keys.includeNeedsKey',
  'keys.includeSelfNotChild',
  'keys.includeWithFixed',
  'keys.includeWithLimit',
  'keys.limitWithFilter',
  'queries.notServed',
]);

/**
 * True for the errors that leave a pattern without a plan, as a limit of the design (their subject names
 * the pattern): the keys errors no layout avoids, and `queries.notServed` (this layout lacks an index).
 */
export function isNotServedCode(code: DiagnosticCode): boolean {
  return NOT_SERVED.has(code);
}

/** A keys diagnostic: one of its codes, with its subject. */
export const keysDiagnostic: (
  code: KeysDiagnosticCode,
  message: string,
  where: { path?: string | undefined; subject: DiagnosticSubject },
  severity?: Severity,
) => Diagnostic = stageDiagnostic;
