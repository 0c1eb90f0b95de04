// The runner's own failures: typed codes namespaced `table.*`, `load.*`,
// `run.*`, so callers branch on the code and describeError words them.
export type RunnerErrorCode =
  | 'table.notActive'
  | 'table.notDeleted'
  | 'table.notCreatedHere'
  | 'table.confirmationMismatch'
  | 'run.unknownPattern'
  | 'run.badParams';

export class RunnerError extends Error {
  override readonly name = 'RunnerError';
  readonly code: RunnerErrorCode;
  constructor(code: RunnerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
