// The codes the model stage reports, and one way to build its diagnostics.
import { locatedDiagnostic, type Diagnostic, type DiagnosticSubject, type Severity, type Span } from './diagnostics.ts';

export type ModelDiagnosticCode =
  // JSON problem files (parseProblemJson)
  | 'model.jsonSyntax'
  | 'model.jsonTooDeep'
  | 'model.duplicateField'
  | 'model.wrongType'
  | 'model.missingField'
  | 'model.unknownField' // warning
  | 'model.badFormat'
  | 'model.missingFormat' // warning
  // the text form (parseModelText)
  | 'model.syntax'
  | 'model.unterminatedString'
  | 'model.attributeOutsideEntity'
  | 'model.duplicateClause'
  | 'model.duplicateLine'
  | 'model.missingModelLine'
  | 'model.orderWithoutWhere'
  // rules shared by both forms (validateModel)
  | 'model.invalidName'
  | 'model.duplicateEntity'
  | 'model.entityNameCase' // warning
  | 'model.duplicateAttribute'
  | 'model.unknownType'
  | 'model.emptyKey'
  | 'model.duplicateKeyAttribute'
  | 'model.optionalKey'
  | 'model.optionalVia'
  | 'model.unknownAttribute'
  | 'model.unknownEntity'
  | 'model.duplicateVia'
  | 'model.viaLength'
  | 'model.viaType'
  | 'model.emptyValues'
  | 'model.valueType'
  | 'model.numberRange'
  | 'model.duplicateValue'
  | 'model.invalidCount'
  | 'model.duplicatePattern'
  | 'model.duplicateEquals'
  | 'model.unknownRangeOp'
  | 'model.beginsWithType'
  | 'model.rangeOnEquality' // warning
  | 'model.unknownDirection'
  | 'model.duplicateInclude'
  | 'model.includeNotChild'
  | 'model.unknownReturns'
  // pattern extensions: fixed, limit
  | 'model.fixedType'
  | 'model.fixedNotAValue'
  | 'model.fixedConflict'
  | 'model.invalidLimit'
  | 'model.limitWithoutOrder'
  // entity extensions: unique, version, ttl
  | 'model.emptyUnique'
  | 'model.duplicateUniqueAttribute'
  | 'model.duplicateUnique'
  | 'model.uniqueIsKey' // warning
  | 'model.versionType'
  | 'model.versionInKey'
  | 'model.versionInVia'
  | 'model.optionalVersion'
  | 'model.ttlType'
  | 'model.ttlInKey'
  // workload: rates, item sizes, shards
  | 'model.sdkDropsAttribute' // warning
  | 'model.invalidRate'
  | 'model.invalidItemBytes'
  | 'model.invalidShards'
  // the table's settings
  | 'model.invalidTableName'
  | 'model.unknownBilling'
  | 'model.invalidCapacity'
  | 'model.capacityWithoutProvisioned'
  | 'model.missingCapacity'
  | 'model.unknownStreamView'
  | 'model.unknownTableClass';

export const modelDiagnostic: (
  code: ModelDiagnosticCode,
  message: string,
  where: { path?: string | undefined; span?: Span | undefined; subject?: DiagnosticSubject | undefined },
  severity?: Severity,
) => Diagnostic = locatedDiagnostic;

const MAX_QUOTED = 60;

/** A name or text quoted for a message, shortened when very long. */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED)}…` : name);
}
