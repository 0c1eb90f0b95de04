// The codes the NoSQL Workbench import and export report, and one way to build
// their diagnostics. Errors refuse a file (it is not a Workbench model this
// reader understands), each at its JSON path and line/column; warnings say what
// an imported model could not map exactly, or what an export left out, with its place.
import { locatedDiagnostic, type Diagnostic, type DiagnosticSubject, type Severity, type Span } from '../../model/diagnostics.ts';

/** Every code of the Workbench import and export (tests check each is reachable). */
export const WORKBENCH_DIAGNOSTIC_CODES = [
  // Refusals (errors): the file is not read.
  /** The text is not JSON (or nests too deep). */
  'interop.workbenchJson',
  /** A field has the wrong type or is missing where every Workbench version has it. */
  'interop.workbenchShape',
  /** `ModelMetadata.Version` is one this reader does not know (it reads none, 1.0, 2.0 and 3.0). */
  'interop.workbenchVersion',
  /** `ModelMetadata.AWSService` names another service than Amazon DynamoDB (an Amazon Keyspaces model). */
  'interop.workbenchService',
  /** `DataModel` holds no table, or the table asked for is not in it. */
  'interop.workbenchNoTable',
  // What the import could not map exactly (warnings), each at its place in the file.
  /** A field the model has no place for (ModelSchema, SavedQuery, SampleDataFormats, ...): read, not kept. */
  'interop.workbenchIgnored',
  /** Another table of a model with several: Tablewright designs one table. */
  'interop.workbenchOtherTable',
  /** An attribute whose type the model has no scalar for (M, L, SS, NS, BS, NULL): its values are not kept. */
  'interop.workbenchDocument',
  /** A value Tablewright keeps in another type (B as its base64 text, a key typed N or B as a string). */
  'interop.workbenchType',
  /** A sample value that is not DynamoDB JSON, or does not fit its attribute (`{"S": null}`, plain JSON in an M, a double-wrapped M). */
  'interop.workbenchValue',
  /** A sample item that cannot be a record (empty, no value for its table key, a key that does not fit its entity's template). */
  'interop.workbenchItem',
  /** A name Tablewright gives differently (an entity, an attribute, a key attribute, an index). */
  'interop.workbenchRenamed',
  /** A key whose values the template reproduces only in part: a label added, a separator lost, a number encoded. */
  'interop.workbenchKey',
  /** An index setting the design does not have (KEYS_ONLY or INCLUDE projections, a key without a sort key). */
  'interop.workbenchIndex',
  /** The layout a derivation keeps differs from the file's (a GSI template no pattern reads). */
  'interop.workbenchLayout',
  // Export (warnings): what the Workbench file cannot hold.
  /** A native (multi-attribute) GSI key: Workbench holds one partition and one sort key attribute per GSI. */
  'interop.workbenchExport',
] as const;

export type WorkbenchDiagnosticCode = (typeof WORKBENCH_DIAGNOSTIC_CODES)[number];

/** A Workbench diagnostic at a JSON path of the Workbench file (and its span, when the text is known); a warning unless said. */
export function workbenchDiagnostic(
  code: WorkbenchDiagnosticCode,
  message: string,
  where: { path?: string | undefined; span?: Span | undefined; subject?: DiagnosticSubject | undefined },
  severity: Severity = 'warning',
): Diagnostic {
  return locatedDiagnostic(code, message, where, severity);
}
