import type { ExceptionEntry } from '../../config/governance-schema.js';
import type { ExceptionState, ExceptionStatus } from '../../model/governance.js';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The UTC day of an instant, YYYY-MM-DD. */
export function dayOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Where an exception stands on `day`: `expires` is the last day it holds. */
export function exceptionState(entry: Pick<ExceptionEntry, 'created' | 'expires'>, day: string, expiringWithinDays: number): ExceptionState {
  if (day < entry.created) return 'not-started';
  const left = daysBetween(day, entry.expires);
  if (left < 0) return 'expired';
  return left <= expiringWithinDays ? 'expiring' : 'active';
}

/** Does it excuse anything on that day? Only while it holds. */
export function exceptionHolds(state: ExceptionState): boolean {
  return state === 'active' || state === 'expiring';
}

export function exceptionStatus(entry: ExceptionEntry, day: string, expiringWithinDays: number): ExceptionStatus {
  return {
    identity: entry.identity ?? null,
    path: entry.path ?? null,
    reason: entry.reason,
    approver: entry.approver ?? null,
    created: entry.created,
    expires: entry.expires,
    untilMigrationOf: entry.untilMigrationOf ?? null,
    state: exceptionState(entry, day, expiringWithinDays),
    daysLeft: daysBetween(day, entry.expires),
  };
}

const PREFERENCE: Readonly<Record<ExceptionState, number>> = { active: 0, expiring: 0, 'not-started': 1, expired: 2 };

/**
 * Of several exceptions for one thing, the one that says most about it: one that holds (the latest to expire), else
 * one yet to start, else the last to have expired.
 */
export function preferredException(statuses: readonly ExceptionStatus[]): ExceptionStatus | null {
  let best: ExceptionStatus | null = null;
  for (const status of statuses) {
    if (best === null) best = status;
    else {
      const rank = PREFERENCE[status.state] - PREFERENCE[best.state];
      if (rank < 0 || (rank === 0 && status.expires > best.expires)) best = status;
    }
  }
  return best;
}
