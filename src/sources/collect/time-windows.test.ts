import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './collect-context.js';
import { filterInstant, timeWindows, windowScope } from './time-windows.js';

describe('timeWindows', () => {
  it('cuts a range on whole UTC days, oldest first, the first and last cut to the range, recent ones provisional', () => {
    const windows = timeWindows(
      { since: new Date('2026-11-18T06:00:00Z'), until: new Date('2026-11-20T21:30:00Z'), startedAt: new Date('2026-11-20T22:00:00Z') },
      DEFAULT_SETTINGS,
    );
    expect(windows.map((window) => [windowScope(window), window.provisional])).toEqual([
      ['2026-11-18T06:00:00.000Z/2026-11-19T00:00:00.000Z', false],
      ['2026-11-19T00:00:00.000Z/2026-11-20T00:00:00.000Z', false],
      // Ends 30 minutes before the run began: a late sign-in may still arrive.
      ['2026-11-20T00:00:00.000Z/2026-11-20T21:30:00.000Z', true],
    ]);
  });

  it('shares boundaries between runs with different starts, so a settled window is found again', () => {
    const settings = { ...DEFAULT_SETTINGS, windowMs: 6 * 3_600_000 };
    const started = new Date('2026-12-01T00:00:00Z');
    const a = timeWindows({ since: new Date('2026-11-19T01:00:00Z'), until: new Date('2026-11-20T00:00:00Z'), startedAt: started }, settings).map(windowScope);
    const b = timeWindows({ since: new Date('2026-11-19T05:00:00Z'), until: new Date('2026-11-20T00:00:00Z'), startedAt: started }, settings).map(windowScope);
    expect(a.slice(1)).toEqual(b.slice(1));
    expect(a).toHaveLength(4);
  });

  it('writes filter instants without milliseconds when they are whole', () => {
    expect(filterInstant(new Date('2026-11-19T00:00:00Z'))).toBe('2026-11-19T00:00:00Z');
    expect(filterInstant(new Date('2026-11-19T00:00:00.250Z'))).toBe('2026-11-19T00:00:00.250Z');
  });
});
