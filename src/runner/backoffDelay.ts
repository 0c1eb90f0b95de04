// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential
// Backoff And Jitter"): a uniform delay in [0, min(cap, base · 2^attempt)).
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 50, capMs: 5_000 };

export function backoffDelay(attempt: number, random: () => number, { baseMs, capMs }: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
