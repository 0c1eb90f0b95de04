// Handles of the tables this page or process created: deleteDesignTable only
// accepts one of these, so it cannot delete a table somebody else made.
export interface CreatedTable {
  readonly tableName: string;
  /** Endpoint or `AWS <region>` it was created at. */
  readonly target: string;
}

const created = new WeakSet<CreatedTable>();

export function rememberCreatedTable(table: { tableName: string; target: string }): CreatedTable {
  const handle: CreatedTable = Object.freeze({ ...table });
  created.add(handle);
  return handle;
}

export function wasCreatedHere(table: CreatedTable): boolean {
  return created.has(table);
}

export function forgetCreatedTable(table: CreatedTable): void {
  created.delete(table);
}
