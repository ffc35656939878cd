/**
 * The demo tenant's calendar (demo-scenarios.md): 30 days of activity ending 2026-11-20T23:59:59Z, and the
 * tenant's enforcement dates. Phase 1 is the catalog default; Phase 2 was enforced, then lifted until 2026-12-15.
 */
import { phase } from '../../catalog/enforcement.js';

export const WINDOW_DAYS = 30;
export const WINDOW_START_MS = Date.UTC(2026, 9, 22);
export const WINDOW_END_MS = WINDOW_START_MS + WINDOW_DAYS * 86_400_000 - 1000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export const DEMO_ENFORCEMENT = { phase1: phase('phase1').defaultDate, phase2: '2026-12-15' } as const;

export function dayStart(day: number): number {
  return WINDOW_START_MS + day * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(dayStart(day)).getUTCDay();
}

export function isWeekend(day: number): boolean {
  const d = weekday(day);
  return d === 0 || d === 6;
}

/** Entra's diagnostic export writes seven fraction digits and `+00:00` in createdDateTime. */
export function entraTimestamp(ms: number, subMs: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(subMs).padStart(4, '0')}+00:00`;
}

/** The envelope's `time`: seven fraction digits and `Z`. */
export function envelopeTimestamp(ms: number, subMs: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(subMs).padStart(4, '0')}Z`;
}

/** Graph's directory timestamps: whole seconds, `Z`. */
export function graphTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
