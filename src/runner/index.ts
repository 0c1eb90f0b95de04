// The runner's public surface: the only code that talks to DynamoDB (and the
// only importer of @aws-sdk/*). The UI and the CLI import from here.
export { createClients, DEFAULT_TIMEOUT_MS, LOCAL_CREDENTIALS } from './createClients.ts';
export type { Clients, ClientOptions, Credentials } from './createClients.ts';
export { testConnection } from './testConnection.ts';
export type { ConnectionInfo } from './testConnection.ts';
export { createDesignTable } from './createDesignTable.ts';
export type { CreateDesignTableOptions, CreateDesignTableResult } from './createDesignTable.ts';
export { describeTableSetting } from './applyTableSettings.ts';
export type { TableSettingName, TableSettingOutcome } from './applyTableSettings.ts';
export { compareTableWithDesign, describeTableDifference, formatKeySchema } from './compareTableWithDesign.ts';
export type { TableDifference, TableDifferenceEntry } from './compareTableWithDesign.ts';
export type { CreatedTable } from './createdTables.ts';
export { deleteDesignTable } from './deleteDesignTable.ts';
export type { DeleteDesignTableOptions, DeleteDesignTableResult } from './deleteDesignTable.ts';
export { parseEndpointUrl } from './endpointUrl.ts';
export type { ParsedEndpointUrl } from './endpointUrl.ts';
export { loadItems, BATCH_SIZE } from './loadItems.ts';
export type { LoadItemsError, LoadItemsOptions, LoadItemsResult, LoadProgress, BatchWriteSend } from './loadItems.ts';
export { expectedAnswers, runPattern } from './runPattern.ts';
export { paramSets } from './paramSets.ts';
export { dataFingerprint, describeStaleParts, designFingerprint, itemsHash, staleParts, staleRemedy, verification } from './loadedData.ts';
export type { DataFingerprint, StalePart, TableContents, Verification } from './loadedData.ts';
export type { PatternRun, RequestRun, RunPatternOptions } from './runPattern.ts';
export { runWrite } from './runWrite.ts';
export type { RunWriteOptions, WriteRun } from './runWrite.ts';
export { compareAnswers } from './compareAnswers.ts';
export type { AnswerComparison } from './compareAnswers.ts';
export { describeError, formatDescribedError, formatDuration, HOW_TO_GET_AN_ENDPOINT } from './describeError.ts';
export type { DescribedError, ErrorContext, ErrorKind } from './describeError.ts';
export { redactSecrets } from './redactSecrets.ts';
export { RunnerError } from './runnerError.ts';
export type { RunnerErrorCode } from './runnerError.ts';
export type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
// Migrations (issue 10): a MigrationPlan executed on a live table. The checkpoint file and the module loader are Node-only: migrate/checkpointFile.ts, migrate/generatedModule.ts.
export { runMigration } from './migrate/runMigration.ts';
export type { RunMigrationOptions, RunMigrationResult, StepEvent } from './migrate/runMigration.ts';
export { checkpointMismatch, memoryCheckpointStore, newCheckpoint, parseCheckpoint, CHECKPOINT_FORMAT } from './migrate/checkpoint.ts';
export type { CheckpointStore, MigrationCheckpoint, SegmentCheckpoint, StepState } from './migrate/checkpoint.ts';
export { backfillTable } from './migrate/backfillTable.ts';
export type { BackfillProgress, BackfillStats, BackfillTableOptions, BackfillTableResult } from './migrate/backfillTable.ts';
export { createIndex, dropIndex } from './migrate/indexSteps.ts';
export { checkMigrationTable, expectedTable, readDesignTag, writeDesignTag } from './migrate/tableIdentity.ts';
export type { DesignTag, TableCheck } from './migrate/tableIdentity.ts';
// The design kept in the table Tablewright created (the design-metadata items), and read back from it.
export { readDeployedDesign, readStoredLayout } from './migrate/readDeployedDesign.ts';
export type { DeployedDesignRead } from './migrate/readDeployedDesign.ts';
export { readStoredDesign, storeDesign } from './migrate/storedDesign.ts';
export type { StoreDesignResult, StoredDesignRead } from './migrate/storedDesign.ts';
export { answeredRecords, verifyTable } from './migrate/verifyTable.ts';
export type { PatternDifference, VerifiedModule, VerifyTableOptions, VerifyTableResult } from './migrate/verifyTable.ts';
// The verify step's module from the engine's requests, where no generated module can be imported (the browser).
export { engineVerifiedModule } from './engineVerifiedModule.ts';
export { tokenBucket } from './migrate/tokenBucket.ts';
export type { TokenBucket } from './migrate/tokenBucket.ts';
export { differingRows, isLocalEndpoint, patternCapacityRow, writeCapacityRow } from './capacityComparison.ts';
export type { CapacityRow } from './capacityComparison.ts';
