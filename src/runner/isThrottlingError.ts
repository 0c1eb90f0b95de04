// DynamoDB's "slow down" answers: retried with backoff, never a failure by themselves.
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

export function isThrottlingError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && THROTTLING.has((e as { name?: unknown }).name as string);
}
