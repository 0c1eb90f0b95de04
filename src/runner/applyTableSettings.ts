// The table settings of a design on a table createDesignTable just made, once it
// is ACTIVE: what CreateTable carried (billing and throughput, stream, table
// class, deletion protection) is checked against the table's description, and
// what it cannot carry is applied — time to live (UpdateTimeToLive) and
// point-in-time recovery (UpdateContinuousBackups), from the engine's
// `tableSettings`. Every setting the model states gets one outcome, applied or
// not and why: an endpoint that ignores or refuses one (DynamoDB Local has no
// point-in-time recovery and ignores TableClass) is reported, never passed over.
//
// A setting that fails is an outcome, not a failure of the table: the table
// exists, serves the design, and the caller holds its handle. Only a cancel
// (the signal) throws.
import { UpdateContinuousBackupsCommand, UpdateTimeToLiveCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { tableDefinition, tableSettings, type Design } from '../engine/index.ts';
import { backoffDelay, type BackoffOptions } from './backoffDelay.ts';
import { describeError, formatDescribedError } from './describeError.ts';
import { sleep } from './sleep.ts';

export type TableSettingName = 'billing' | 'stream' | 'tableClass' | 'deletionProtection' | 'timeToLive' | 'pointInTimeRecovery';

export interface TableSettingOutcome {
  setting: TableSettingName;
  /** What the design asks for, for people: `provisioned (read 10, write 5 units)`, `time to live on expiresAt`. */
  wanted: string;
  applied: boolean;
  /** Why it is not applied (when `applied` is false), for people. */
  reason?: string;
}

export interface ApplyTableSettingsOptions {
  client: DynamoDBClient;
  design: Design;
  tableName: string;
  /** The ACTIVE table's description (what CreateTable made). */
  description: TableDescription;
  signal?: AbortSignal;
  /**
   * UpdateContinuousBackups on a table made moments ago can answer ContinuousBackupsUnavailableException
   * ("backups have not yet been enabled for this table"): retried this many times with backoff (default 8, from 500 ms to 8 s).
   */
  pitrRetries?: number;
  pitrBackoff?: BackoffOptions;
}

const errorName = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');

/** Words for an endpoint that does not know an operation (DynamoDB Local has no continuous backups). */
function unsupported(operation: string): string {
  return `the endpoint does not support ${operation} (UnknownOperationException; DynamoDB Local has no point-in-time recovery)`;
}

export async function applyTableSettings({
  client,
  design,
  tableName,
  description,
  signal,
  pitrRetries = 8,
  pitrBackoff = { baseMs: 500, capMs: 8_000 },
}: ApplyTableSettingsOptions): Promise<TableSettingOutcome[]> {
  const outcomes: TableSettingOutcome[] = [];
  const table = design.model.table;
  const wanted = tableDefinition(design, tableName);
  const checked = (setting: TableSettingName, want: string, actual: string, ok: boolean) =>
    outcomes.push(ok ? { setting, wanted: want, applied: true } : { setting, wanted: want, applied: false, reason: `the table reports ${actual}` });

  // What CreateTable carried, as the table reports it.
  if (table?.billing !== undefined) {
    const reported = description.BillingModeSummary?.BillingMode;
    const units = description.ProvisionedThroughput;
    if (wanted.ProvisionedThroughput) {
      const { ReadCapacityUnits: read, WriteCapacityUnits: write } = wanted.ProvisionedThroughput;
      checked(
        'billing',
        `provisioned (read ${read}, write ${write} units)`,
        reported === 'PAY_PER_REQUEST' ? 'on-demand billing' : `read ${units?.ReadCapacityUnits ?? '?'}, write ${units?.WriteCapacityUnits ?? '?'} units`,
        reported !== 'PAY_PER_REQUEST' && units?.ReadCapacityUnits === read && units.WriteCapacityUnits === write,
      );
    } else {
      checked('billing', 'on demand', `billing ${reported ?? 'unstated'}`, reported === 'PAY_PER_REQUEST');
    }
  }
  if (wanted.StreamSpecification) {
    const stream = description.StreamSpecification;
    const view = wanted.StreamSpecification.StreamViewType;
    checked(
      'stream',
      `stream ${view}`,
      stream?.StreamEnabled ? `stream ${stream.StreamViewType ?? '?'}` : 'no stream',
      stream?.StreamEnabled === true && stream.StreamViewType === view,
    );
  }
  if (wanted.TableClass) {
    // DescribeTable states the class in TableClassSummary; a table without one is STANDARD (DynamoDB's default).
    const reported = description.TableClassSummary?.TableClass;
    checked(
      'tableClass',
      `table class ${wanted.TableClass}`,
      reported ? `table class ${reported}` : 'no table class (so STANDARD: the endpoint ignored TableClass, as DynamoDB Local does)',
      (reported ?? 'STANDARD') === wanted.TableClass,
    );
  }
  if (wanted.DeletionProtectionEnabled !== undefined) {
    const on = description.DeletionProtectionEnabled === true;
    checked(
      'deletionProtection',
      `deletion protection ${wanted.DeletionProtectionEnabled ? 'on' : 'off'}`,
      `deletion protection ${on ? 'on' : 'off'}`,
      on === wanted.DeletionProtectionEnabled,
    );
  }

  // What CreateTable cannot carry.
  const settings = tableSettings(design);
  const options = signal ? { abortSignal: signal } : {};
  const failed = (setting: TableSettingName, want: string, e: unknown, operation: string) => {
    if (signal?.aborted) throw e;
    const reason =
      errorName(e) === 'UnknownOperationException'
        ? unsupported(operation)
        : errorName(e) === 'ContinuousBackupsUnavailableException'
          ? `DynamoDB still had not enabled backups for the new table after ${pitrRetries + 1} tries (ContinuousBackupsUnavailableException); turn point-in-time recovery on later (UpdateContinuousBackups, or the console)`
          : formatDescribedError(describeError(e, { operation }));
    outcomes.push({ setting, wanted: want, applied: false, reason });
  };
  if (settings.ttlAttribute !== undefined) {
    const want = `time to live on ${settings.ttlAttribute}`;
    try {
      const out = await client.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: settings.ttlAttribute } }),
        options,
      );
      const spec = out.TimeToLiveSpecification;
      outcomes.push(
        spec?.Enabled === true && spec.AttributeName === settings.ttlAttribute
          ? { setting: 'timeToLive', wanted: want, applied: true }
          : {
              setting: 'timeToLive',
              wanted: want,
              applied: false,
              reason: `UpdateTimeToLive answered ${spec?.Enabled ? `enabled on ${spec.AttributeName ?? '?'}` : 'not enabled'}`,
            },
      );
    } catch (e) {
      failed('timeToLive', want, e, 'UpdateTimeToLive');
    }
  }
  if (settings.pitr) {
    const want = 'point-in-time recovery';
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await client.send(
          new UpdateContinuousBackupsCommand({ TableName: tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
          options,
        );
        const status = out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
        outcomes.push(
          status === 'ENABLED'
            ? { setting: 'pointInTimeRecovery', wanted: want, applied: true }
            : { setting: 'pointInTimeRecovery', wanted: want, applied: false, reason: `UpdateContinuousBackups answered status ${status ?? 'unstated'}` },
        );
        break;
      } catch (e) {
        if (errorName(e) === 'ContinuousBackupsUnavailableException' && attempt < pitrRetries && !signal?.aborted) {
          await sleep(backoffDelay(attempt, Math.random, pitrBackoff), signal);
          continue;
        }
        failed('pointInTimeRecovery', want, e, 'UpdateContinuousBackups');
        break;
      }
    }
  }
  return outcomes;
}

/** One outcome for people: `stream NEW_IMAGE`, or `point-in-time recovery NOT applied: <why>`. */
export function describeTableSetting(outcome: TableSettingOutcome): string {
  return outcome.applied ? outcome.wanted : `${outcome.wanted} NOT applied: ${outcome.reason ?? 'unknown reason'}`;
}
