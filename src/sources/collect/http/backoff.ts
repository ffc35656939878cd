/**
 * Exponential backoff with full jitter: the wait before retry `attempt` (1-based) is uniform in
 * [0, min(cap, base * 2^(attempt-1))]. Spreading retries at random keeps many clients (or many concurrent windows of
 * one) from retrying in step after the same outage.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
