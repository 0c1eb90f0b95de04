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
export type { PatternRun, RequestRun, RunPatternOptions } from './runPattern.ts';
export { compareAnswers } from './compareAnswers.ts';
export type { AnswerComparison } from './compareAnswers.ts';
export { describeError, formatDescribedError, formatDuration, HOW_TO_GET_AN_ENDPOINT } from './describeError.ts';
export type { DescribedError, ErrorContext, ErrorKind } from './describeError.ts';
export { redactSecrets } from './redactSecrets.ts';
export { RunnerError } from './runnerError.ts';
export type { RunnerErrorCode } from './runnerError.ts';
export type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
