/**
 * The faults the fake Azure can inject, each on every `every`-th request (counted over all requests, so a retry is
 * another count and gets through):
 * - throttle: 429 with a Retry-After (fractional seconds, so tests stay fast);
 * - throttle-no-retry-after: 429 with no Retry-After (the client backs off on its own);
 * - 503 / 504: service unavailable / gateway timeout;
 * - reset: the connection is destroyed before any answer;
 * - slow: the answer comes after `delayMs` (past the client's timeout when the test sets one shorter);
 * - truncated: the headers promise the whole body, half of it is sent, the connection closes (or, every other time, a
 *   complete HTTP answer whose JSON is cut);
 * - token-expiry: the current token stops being accepted (401), and `onTokenExpired` hands out the next one;
 * - nextlink-loop: the second page of the first sign-in walk names the first page again.
 */
export type FaultKind = 'throttle' | 'throttle-no-retry-after' | '503' | '504' | 'reset' | 'slow' | 'truncated' | 'token-expiry' | 'nextlink-loop';

export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'throttle-no-retry-after', '503', '504', 'reset', 'slow', 'truncated', 'token-expiry', 'nextlink-loop'];

export interface FaultPlan {
  kind: FaultKind;
  every: number;
  delayMs?: number;
  retryAfterSeconds?: number;
}
