// Deletes a table this runner created, once the caller confirms its name, and
// waits until it is gone. Any other table is refused: one not created here, and
// one that merely has the name — right before DeleteTable the table is
// described, and unless it is the very table CreateTable made (same creation
// time, same id where the endpoint gives one) it is left alone. DynamoDB has no
// conditional DeleteTable, so a replacement made in the milliseconds between
// that check and the delete cannot be told apart; anything earlier can.
//
// DynamoDB refuses to delete a table with deletion protection. One created here
// with it (the model's `table.deletionProtection`, remembered on the handle) has
// it turned off first (UpdateTable, after the same identity check; the caller
// hears of it through `onDeletionProtectionDisabled`), then deleted. One that
// someone protected after we made it is refused (`table.protected`): that was
// their decision, not the design's.
import { DeleteTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { forgetCreatedTable, isSameTable, wasCreatedHere, type CreatedTable } from './createdTables.ts';
import { findTable } from './findTable.ts';
import { RunnerError } from './runnerError.ts';
import { waitForTableActive, waitForTableGone } from './waitForTable.ts';

export interface DeleteDesignTableOptions {
  client: DynamoDBClient;
  /** The handle createDesignTable returned with status `created`. */
  table: CreatedTable;
  /** Must equal the table's name. */
  confirmTableName: string;
  signal?: AbortSignal;
  /** Called once DynamoDB accepted the DeleteTable (the table is then on its way out). */
  onDeleteAccepted?: () => void;
  /** Called once the deletion protection the table was created with is turned off (right before DeleteTable). */
  onDeletionProtectionDisabled?: () => void;
  timeoutMs?: number;
  pollMs?: number;
}

/** `deleted`: deleted and gone; `alreadyGone`: no table of that name was left to delete. */
export type DeleteDesignTableResult = 'deleted' | 'alreadyGone';

const when = (d: Date | undefined) => (d ? d.toISOString() : 'an unknown time');

export async function deleteDesignTable({
  client,
  table,
  confirmTableName,
  signal,
  onDeleteAccepted,
  onDeletionProtectionDisabled,
  timeoutMs,
  pollMs,
}: DeleteDesignTableOptions): Promise<DeleteDesignTableResult> {
  if (!wasCreatedHere(table)) {
    throw new RunnerError('table.notCreatedHere', `Table ${table.tableName} was not created here, so it is not deleted from here.`);
  }
  if (confirmTableName !== table.tableName) {
    throw new RunnerError('table.confirmationMismatch', `Type the table name "${table.tableName}" to delete it.`);
  }
  const wait = {
    client,
    tableName: table.tableName,
    ...(signal ? { signal } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(pollMs !== undefined ? { pollMs } : {}),
  };
  let current = await findTable(client, table.tableName, signal);
  const refuseOther = () => {
    if (!current || isSameTable(table, current)) return;
    forgetCreatedTable(table);
    const where = `Table ${table.tableName} at ${table.target || 'this endpoint'}`;
    throw new RunnerError(
      'table.replaced',
      !table.createdAt && !table.tableId
        ? `${where} cannot be told apart from another table of the same name (the endpoint gave no creation time), so it is left alone.`
        : `${where} is not the table created here: that one was created at ${when(table.createdAt)}, this one at ${when(current.CreationDateTime)}. Someone deleted it and made another of the same name, so it is left alone.`,
    );
  };
  refuseOther();
  // A table still being created (AWS: until it and its indexes are ACTIVE) cannot be deleted yet.
  if (current?.TableStatus === 'CREATING' || current?.TableStatus === 'UPDATING') {
    current = await waitForTableActive(wait);
    refuseOther();
  }
  if (!current) {
    forgetCreatedTable(table);
    return 'alreadyGone';
  }
  if (current.TableStatus !== 'DELETING') {
    const options = signal ? { abortSignal: signal } : {};
    try {
      if (current.DeletionProtectionEnabled === true) {
        if (!table.deletionProtection) {
          throw new RunnerError(
            'table.protected',
            `Table ${table.tableName} has deletion protection, which was turned on after it was created here, so it is left alone. Turn its deletion protection off yourself to delete it from here.`,
          );
        }
        await client.send(new UpdateTableCommand({ TableName: table.tableName, DeletionProtectionEnabled: false }), options);
        onDeletionProtectionDisabled?.();
        // UpdateTable can leave the table UPDATING for a moment; it is deleted once ACTIVE, if still ours.
        current = await waitForTableActive(wait);
        refuseOther();
      }
      await client.send(new DeleteTableCommand({ TableName: table.tableName }), options);
    } catch (e) {
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      forgetCreatedTable(table);
      return 'alreadyGone';
    }
  }
  forgetCreatedTable(table);
  onDeleteAccepted?.();
  await waitForTableGone(wait);
  return 'deleted';
}
