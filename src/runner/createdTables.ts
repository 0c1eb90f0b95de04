// Handles of the tables this page or process created: deleteDesignTable only
// accepts one of these, so it cannot delete a table somebody else made — and
// the handle remembers which table of that name it was (its creation time and,
// where the endpoint gives one, its id), so a table somebody deleted and made
// again under the same name is not taken for ours either.
export interface CreatedTable {
  readonly tableName: string;
  /** Endpoint or `AWS <region>` it was created at. */
  readonly target: string;
  /** CreationDateTime as CreateTable returned it. */
  readonly createdAt?: Date;
  /** TableId as CreateTable returned it (AWS gives one; DynamoDB Local does not). */
  readonly tableId?: string;
  /**
   * Created with deletion protection (the model's `table.deletionProtection`): deleteDesignTable turns it off
   * before DeleteTable. A table protected by someone else after we made it is not unprotected from here.
   */
  readonly deletionProtection?: true;
}

const created = new WeakSet<CreatedTable>();

export function rememberCreatedTable(table: {
  tableName: string;
  target: string;
  createdAt?: Date | undefined;
  tableId?: string | undefined;
  deletionProtection?: boolean | undefined;
}): CreatedTable {
  const handle: CreatedTable = Object.freeze({
    tableName: table.tableName,
    target: table.target,
    ...(table.createdAt ? { createdAt: new Date(table.createdAt.getTime()) } : {}),
    ...(table.tableId ? { tableId: table.tableId } : {}),
    ...(table.deletionProtection ? { deletionProtection: true as const } : {}),
  });
  created.add(handle);
  return handle;
}

export function wasCreatedHere(table: CreatedTable): boolean {
  return created.has(table);
}

export function forgetCreatedTable(table: CreatedTable): void {
  created.delete(table);
}

/**
 * Whether `described` (a DescribeTable answer for the handle's name) is the table the
 * handle was made for: same id where both have one, and the same creation time.
 * A handle that knows neither cannot tell, and says no.
 */
export function isSameTable(table: CreatedTable, described: { TableId?: string | undefined; CreationDateTime?: Date | undefined }): boolean {
  if (table.tableId && described.TableId && table.tableId !== described.TableId) return false;
  if (!table.createdAt || !described.CreationDateTime) return Boolean(table.tableId && described.TableId);
  return table.createdAt.getTime() === described.CreationDateTime.getTime();
}
