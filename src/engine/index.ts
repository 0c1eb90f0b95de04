// The engine's public surface: model text/JSON → design → requests, items,
// sample data, in-memory answers and generated code. Pure: no DOM, no AWS SDK,
// no clock, no Math.random. The UI, the runner and the CLI import only this.
export type {
  Attribute,
  AttributeType,
  BelongsTo,
  BillingMode,
  Direction,
  Entity,
  Model,
  Pattern,
  PatternParams,
  RangeOp,
  Rate,
  RecordValue,
  Scalar,
  StreamView,
  TableClass,
  TableSettings,
} from './model/types.ts';
export { ATTRIBUTE_TYPES, BILLING_MODES, RANGE_OPS, STREAM_VIEWS, TABLE_CLASSES } from './model/types.ts';
export type { Diagnostic, DiagnosticCode, DiagnosticSubject, EngineDiagnosticCode, ReadonlySourceMap, Severity, SourceMap, Span } from './model/diagnostics.ts';
export { formatDiagnostic, internalDiagnostic } from './model/diagnostics.ts';
export type { ModelDiagnosticCode } from './model/modelDiagnostic.ts';
export type { KeysDiagnosticCode } from './keys/keysDiagnostic.ts';
export { isNotServedCode } from './keys/keysDiagnostic.ts';
export type { QueriesDiagnosticCode } from './queries/queriesDiagnostic.ts';
export { LINT_DIAGNOSTIC_CODES, type LintDiagnosticCode } from './lint/lintDiagnostic.ts';
export type { ParseResult } from './model/parseResult.ts';
export { parseProblemJson } from './model/parseProblemJson.ts';
export { problemToJson, rateJsonText, tableSettingsJson } from './model/problemToJson.ts';
export { parseModelText, type ParseModelTextOptions } from './model/parseModelText.ts';
export { createParseCache, type ParseCache } from './model/parseCache.ts';
export { tokenizeModelLine, type LineToken } from './model/tokenizeModelLine.ts';
export { printModelText, printRate, printTableLine } from './model/printModelText.ts';
export { carryComments } from './model/carryComments.ts';
export { validateModel } from './model/validateModel.ts';
export { equalityAttributes, fixedEntries, fixedValue } from './model/patternEqualities.ts';
export { loadProblem } from './model/loadProblem.ts';
export { MAX_SAMPLE_RECORDS, sampleBudget, type SampleBudget } from './samples/sampleBudget.ts';
export { numberProblem, DYNAMODB_NUMBER_RULE } from './model/dynamoNumbers.ts';

export type {
  CompositeKeySchema,
  Design,
  DesignChange,
  DesignLayout,
  EntityDesign,
  IndexDesign,
  IndexKeySchema,
  IndexLayout,
  IndexProjection,
  Item,
  KeyPart,
  KeyTemplate,
  LoadedDesign,
  NativeKeyAttribute,
  NativeKeySchema,
  PatternPlan,
  PlanStep,
  QueryInput,
  Request,
  Segment,
  ShardSegment,
  SkCondition,
  StepKey,
} from './design/types.ts';
export { deriveDesign, hasKeyLayout } from './design/deriveDesign.ts';
export type { DeriveOptions } from './design/deriveDesign.ts';
export { KEYS_MODES, type KeysMode } from './keys/nativeKeys.ts';
export { planDesign } from './design/planDesign.ts';
export { createPlanCache, type PlanCache } from './queries/planPattern.ts';
export { keyTemplateText } from './design/templateText.ts';
export { compareKeyValue, compareKeyValues, indexKeyOf, readIndexKey, type ItemIndexKey, type KeyValue } from './design/indexKeyOf.ts';
export { indexKeyAttributes, indexKeyNames, indexKeyText, isCompositeIndex, isNativeIndex, syntheticKeyAttributes } from './design/indexKeys.ts';
export { changeSubject, describeChange } from './design/describeChange.ts';
export { toItem, toItems, fromItem } from './design/items.ts';
export { tableDefinition } from './design/tableDefinition.ts';
export type { TableDefinition } from './design/tableDefinition.ts';
export { tableSettings, TABLE_SETTINGS_DIAGNOSTIC_CODES } from './design/tableSettings.ts';
export type { TableSettingsDiagnosticCode, TableSettingsPlan } from './design/tableSettings.ts';
export { tableNameOf, tableNameProblem, TABLE_NAME_RULE } from './design/tableNameOf.ts';
export { designMarkdown } from './design/designMarkdown.ts';
export { sparseIndexes } from './design/sparseIndexes.ts';
export type { SparseTemplate } from './design/sparseIndexes.ts';
export { designJson, designLayout, layoutDocument, DESIGN_FORMAT } from './design/designJson.ts';
export { parseDesignJson, indexNameProblem, INDEX_NAME_RULE } from './design/parseDesignJson.ts';
export type { DesignDiagnosticCode, DesignParse } from './design/parseDesignJson.ts';

export { buildRequest } from './queries/buildRequest.ts';
export { alwaysEmptyParameter, alwaysEmptyText } from './queries/alwaysEmpty.ts';
export { describeStepKey, joinParts } from './queries/describeStepKey.ts';
export { evaluateRequest } from './queries/evaluateRequest.ts';
export { mergeAnswers, mergeShards, runRequests } from './queries/runRequests.ts';
export { patternShards, shardOf, shardSegmentOf, shardsIgnoredReason, templateShards } from './keys/shards.ts';
export { answerPattern, type AnsweredRecord } from './queries/answerPattern.ts';
export { answerProblem } from './queries/answerProblem.ts';
export { sampleParams } from './queries/sampleParams.ts';
export { parameterAccepts, parameterValueProblem, patternParameters, type ParameterShape, type PatternParameter } from './queries/patternParameters.ts';

export { createRandom } from './samples/createRandom.ts';
export type { Random } from './samples/createRandom.ts';
export { createSampleCache, generateSampleRecords, sampleCount, type SampleCache, type SampleOptions } from './samples/generateSampleRecords.ts';

export { generateModule } from './codegen/generateModule.ts';
export { migrationScript } from './codegen/migrationScript.ts';
export { encodeKeyValue } from './keys/encodeKeyValue.ts';
export { compareUtf8 } from './queries/compareUtf8.ts';

export { applyWrite } from './writes/applyWrite.ts';
export type { AppliedWrite, ApplyWriteOptions, ItemRole, WriteChange } from './writes/applyWrite.ts';
export { recordWrite, WRITE_OPERATIONS } from './writes/writeCall.ts';
export type { RecordedWrite, RequestAnswer, SentRequest, WriteCall, WriteFailure, WriteOperation, WriteOutcome } from './writes/writeCall.ts';
export { designTable, withGuardItems, type TableItems } from './writes/guardItems.ts';
export { MemoryTable, type ItemChange } from './writes/memoryTable.ts';
export { isGuardKey } from './writes/writePlan.ts';
export { describeWrites, type EntityWrites } from './writes/describeWrites.ts';
export type { ReadRequest, WriteCondition, WriteEnv, WriteItem, WriteRequest } from './writes/writeRuntime.ts';
export { indexChanges, type IndexChanges, type IndexEntryChange, type IndexEntryChangeKind } from './writes/indexChanges.ts';
export { writeTarget } from './writes/writeEntities.ts';

export { backfillUpdate, type BackfillOptions, type BackfillUpdate } from './evolve/backfill.ts';

export { lintDesign, lintSteps, withLint, LINT_RULES } from './lint/lintDesign.ts';
export type { LintOptions } from './lint/lintContext.ts';

export {
  attributeSizes,
  indexEntryBytes,
  indexEntrySizes,
  itemBytes,
  numberBytes,
  valueBytes,
  type AttributeSize,
  type SizedIndex,
  type SizedItem,
} from './cost/itemSize.ts';
export {
  isConsistentRead,
  patternReadCost,
  patternReadUnits,
  readUnitsOf,
  requestReadUnits,
  PAGE_BYTES,
  READ_UNIT_BYTES,
  type PatternCallReadUnits,
  type PatternReadCost,
  type PatternReadCostOptions,
  type ReadPage,
  type RequestReadUnits,
} from './cost/readUnits.ts';
export {
  indexEntryWrite,
  requestCapacity,
  writeCapacity,
  writeUnitsOf,
  WRITE_UNIT_BYTES,
  type CapacityOperation,
  type IndexEntryWrite,
  type RequestCapacity,
  type TransactActionCapacity,
  type WriteCapacity,
} from './cost/writeUnits.ts';
export { sampleWriteSteps, writeOperationCosts, type WriteOperationCost, type WriteStep } from './cost/writeOperations.ts';
export {
  LOCAL_DEVIATIONS,
  measuredCapacity,
  readFigures,
  sameCapacity,
  writeFigures,
  type CapacityFigure,
  type ConsumedCapacityLike,
  type LocalDeviation,
} from './cost/localDynamoDB.ts';
export { DEFAULT_ENTITY_WRITES, DEFAULT_PATTERN_RATE, entityWrites, patternRate, type WorkloadRate } from './cost/workload.ts';
export { DEFAULT_PRICES, GB_BYTES, PRICE_FIELDS, priceTableProblems, secondsPerMonth, type PriceTable } from './cost/prices.ts';
export {
  breakEven,
  costChart,
  monthlyCost,
  onDemandMonth,
  provisionedCapacity,
  provisionedShare,
  storageMonth,
  wholeUnits,
  DEFAULT_TARGET_UTILIZATION,
  ITEM_OVERHEAD_BYTES,
  type BreakEven,
  type CallUnits,
  type CapacityMode,
  type CostPoint,
  type IndexCapacity,
  type IndexStorage,
  type Load,
  type ModeTotal,
  type MonthlyCost,
  type MonthlyCostInput,
  type OnDemandMonth,
  type ProvisionedShare,
  type StoredEntries,
} from './cost/monthlyCost.ts';
export { DEFAULT_WRITE_MIX, writeMixText, writeShares, type WriteMix } from './cost/writeMix.ts';
export { naiveScan, scanRead, type NaiveScan, type ScannedTable, type ScanRead } from './cost/naiveScan.ts';
export { assumedItems, padRecord, FILLER_ATTRIBUTE, type AssumedItems, type AssumedSize } from './cost/assumedItems.ts';
export {
  costReport,
  type CostReport,
  type CostReportOptions,
  type EntityCost,
  type IndexCost,
  type MonthlyDollars,
  type PatternCost,
  type WriteOperationCostRow,
} from './cost/costReport.ts';
export { dollars, percent, perSecond, times, units } from './cost/costText.ts';

export { designIdentity, DESIGN_TAG } from './evolve/designIdentity.ts';
export {
  DESIGN_METADATA_FORMAT,
  designMetadataItems,
  designMetadataKey,
  designMetadataKeyShape,
  isDesignMetadataKey,
  joinDesignMetadata,
  metadataChunkCount,
  METADATA_ATTRIBUTES,
  type DesignMetadataPayload,
  type MetadataEncoding,
  type MetadataKeyShape,
  type TableKeySchema,
} from './evolve/designMetadata.ts';
export { migrationPlan, withoutIndexes, type MigrationPlanOptions } from './evolve/migrationPlan.ts';
export { migrationPlanText } from './evolve/migrationPlanText.ts';
export {
  designDiff,
  DEFAULT_BACKFILL_RATE,
  type DesignDiff,
  type DesignDiffOptions,
  type EntityDiff,
  type EntityMigrationCost,
  type IndexSummary,
  type MigrationCost,
  type PatternDiff,
  type RequestSummary,
  type TemplateDiff,
} from './evolve/designDiff.ts';
export { diffText, durationText, requestSummaryText } from './evolve/diffText.ts';
export { EVOLVE_DIAGNOSTIC_CODES, isEvolveError, type EvolveDiagnosticCode } from './evolve/evolveDiagnostic.ts';
export type { BackfillEntity, IndexCreation, MigrationPlan, MigrationStep } from './evolve/types.ts';

// The exports: one table of formats; each format's emitter is loaded when its files are asked for.
export { EXPORT_FORMATS, exportFormat, type ExportContext, type ExportFile, type ExportFormat, type ExportLanguage } from './interop/exportFormats.ts';

export {
  importWorkbench,
  type WorkbenchImport,
  type WorkbenchImported,
  type WorkbenchImportOptions,
  type WorkbenchRefused,
  type WorkbenchSamples,
} from './interop/workbench/importWorkbench.ts';
export { WORKBENCH_DIAGNOSTIC_CODES, type WorkbenchDiagnosticCode } from './interop/workbench/workbenchDiagnostic.ts';
