import { describe, expect, it } from 'vitest';
import { bool, dynamic, int, utc } from './values.js';

describe('utc', () => {
  it('normalises ISO times with offsets, keeping microseconds', () => {
    expect(utc('2025-04-11T05:18:41.8256448+00:00')).toBe('2025-04-11T05:18:41.825644Z');
    expect(utc('2025-04-11T07:18:41.5+02:00')).toBe('2025-04-11T05:18:41.500000Z');
    expect(utc('2025-04-11T05:18:41Z')).toBe('2025-04-11T05:18:41Z');
    expect(utc('2025-04-11 05:18')).toBe('2025-04-11T05:18:00Z');
  });

  it('reads the US style of Log Analytics CSV exports as UTC', () => {
    expect(utc('9/19/2023, 1:45:17.287 PM')).toBe('2023-09-19T13:45:17.287000Z');
    expect(utc('11/23/2026, 12:00:00.000 AM')).toBe('2026-11-23T00:00:00.000000Z');
  });

  it('returns null for what is not a time', () => {
    expect([utc('yesterday'), utc('2026-13-01T00:00:00Z'), utc(''), utc(null), utc(5)]).toEqual([null, null, null, null, null]);
  });
});

describe('small conversions', () => {
  it('reads booleans, integers and dynamic-or-string columns either way', () => {
    expect([bool('True'), bool('false'), bool(1), bool('maybe')]).toEqual([true, false, true, null]);
    expect([int('50076'), int(' 7 '), int('7.5'), int(3.2)]).toEqual([50076, 7, null, null]);
    expect([dynamic('{"a":1}'), dynamic({ a: 1 }), dynamic('[broken'), dynamic('plain')]).toEqual([{ a: 1 }, { a: 1 }, '[broken', 'plain']);
  });
});
