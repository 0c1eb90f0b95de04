// The runner's own failures: typed codes namespaced `table.*`, `load.*`,
// `run.*`, `write.*`, `endpoint.*`, so callers branch on the code and describeError words them.
export type RunnerErrorCode =
  | 'endpoint.invalid'
  | 'table.notActive'
  | 'table.notDeleted'
  | 'table.notCreatedHere'
  | 'table.confirmationMismatch'
  /** The table of that name is not the one created here: someone deleted ours and made another. */
  | 'table.replaced'
  /** The table created here was given deletion protection by someone else since: not unprotected from here. */
  | 'table.protected'
  | 'run.unknownPattern'
  | 'run.badParams'
  /** A write sent to a table this page or process did not create. */
  | 'write.notCreatedHere'
  /** A migration's index exists with other keys than the plan creates it with. */
  | 'migrate.indexMismatch';

export class RunnerError extends Error {
  override readonly name = 'RunnerError';
  readonly code: RunnerErrorCode;
  constructor(code: RunnerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
