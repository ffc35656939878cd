import type { CollectSettings, CollectWindow } from './collect-context.js';

/**
 * The windows a time range is read in: boundaries on multiples of the width since the epoch (whole UTC days by
 * default), so that runs with different --since share their windows and a settled window is never read twice; the
 * first and last are cut to the range. Oldest first: the newest window, still filling, is read last.
 */
export interface TimeWindow {
  start: Date;
  end: Date;
  /** Ends too recently for every late record to have arrived. */
  provisional: boolean;
}

export function timeWindows(window: CollectWindow, settings: CollectSettings): TimeWindow[] {
  const from = window.since.getTime();
  const to = window.until.getTime();
  const settledBefore = window.startedAt.getTime() - settings.latencyMs;
  const windows: TimeWindow[] = [];
  for (let start = from; start < to; ) {
    const boundary = (Math.floor(start / settings.windowMs) + 1) * settings.windowMs;
    const end = Math.min(boundary, to);
    windows.push({ start: new Date(start), end: new Date(end), provisional: end > settledBefore });
    start = end;
  }
  return windows;
}

/** The scope of a window in checkpoints and batch labels. */
export function windowScope(window: TimeWindow): string {
  return `${window.start.toISOString()}/${window.end.toISOString()}`;
}

/** Graph's and ARM's filters take instants in ISO form without milliseconds when they are whole. */
export function filterInstant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
