// Deletes a table this runner created, once the caller confirms its name, and
// waits until it is gone. Any other table is refused.
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { forgetCreatedTable, wasCreatedHere, type CreatedTable } from './createdTables.ts';
import { RunnerError } from './runnerError.ts';
import { waitForTableGone } from './waitForTable.ts';

export interface DeleteDesignTableOptions {
  client: DynamoDBClient;
  /** The handle createDesignTable returned with status `created`. */
  table: CreatedTable;
  /** Must equal the table's name. */
  confirmTableName: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  pollMs?: number;
}

export async function deleteDesignTable({ client, table, confirmTableName, signal, timeoutMs, pollMs }: DeleteDesignTableOptions): Promise<void> {
  if (!wasCreatedHere(table)) {
    throw new RunnerError('table.notCreatedHere', `Table ${table.tableName} was not created here, so it is not deleted from here.`);
  }
  if (confirmTableName !== table.tableName) {
    throw new RunnerError('table.confirmationMismatch', `Type the table name "${table.tableName}" to delete it.`);
  }
  await client.send(new DeleteTableCommand({ TableName: table.tableName }), signal ? { abortSignal: signal } : {});
  forgetCreatedTable(table);
  await waitForTableGone({
    client,
    tableName: table.tableName,
    ...(signal ? { signal } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(pollMs !== undefined ? { pollMs } : {}),
  });
}
