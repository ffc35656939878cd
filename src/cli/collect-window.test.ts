import { describe, expect, it } from 'vitest';
import { collectWindow } from './collect-window.js';

const now = new Date('2026-12-07T09:30:00Z');

describe('collectWindow', () => {
  it('counts a relative --since back from --until, or from now', () => {
    expect(collectWindow('30d', undefined, now)).toEqual({ since: new Date('2026-11-07T09:30:00Z'), until: now });
    expect(collectWindow('12h', '2026-11-20T12:00:00Z', now)).toEqual({ since: new Date('2026-11-20T00:00:00Z'), until: new Date('2026-11-20T12:00:00Z') });
  });

  it('reads dates as midnight UTC and times without a zone as UTC', () => {
    expect(collectWindow('2026-11-01', '2026-11-02T06:00', now)).toEqual({ since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-02T06:00:00Z') });
    expect(collectWindow('2026-11-01T00:00:00+02:00', '2026-11-02', now).since.toISOString()).toBe('2026-10-31T22:00:00.000Z');
  });

  it('refuses what is not a time, an empty window, and a window ending in the future', () => {
    expect(() => collectWindow('last week', undefined, now)).toThrow('--since last week is not a date or time');
    expect(() => collectWindow('2026-11-02', '2026-11-01', now)).toThrow('is empty');
    expect(() => collectWindow('1d', '2027-01-01', now)).toThrow('--until 2027-01-01 is in the future');
  });
});
