/**
 * Small, total conversions from whatever a record holds to what a row stores. Records from the world are
 * untyped: these never throw, they return null for what they cannot read.
 */
import { parseJsonFirstKeyWins } from './first-key-wins.js';

export function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : null;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function lower(value: unknown): string | null {
  return text(value)?.toLowerCase() ?? null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const t = lower(value);
  if (t === 'true' || t === '1' || t === 'yes') return true;
  if (t === 'false' || t === '0' || t === 'no') return false;
  return null;
}

export function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const t = text(value);
  if (t === null || !/^-?\d+$/.test(t)) return null;
  const n = Number.parseInt(t, 10);
  return Number.isSafeInteger(n) ? n : null;
}

const ISO_TIME = /^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(?<zone>Z|[+-]\d{2}:?\d{2})?$/i;
const US_TIME = /^(?<month>\d{1,2})\/(?<day>\d{1,2})\/(?<year>\d{4}),? (?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d+))?)? ?(?<ampm>AM|PM)?$/i;

/**
 * An ISO-8601 UTC time ('…Z') from ISO text with or without an offset (no offset = UTC, as every
 * Microsoft export writes UTC), or from the Log Analytics / portal US style '9/19/2023, 1:45:17.287 PM'.
 * Sub-millisecond digits are kept, so the same instant from two formats gives the same text.
 */
export function utc(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  const iso = ISO_TIME.exec(t);
  if (iso?.groups) {
    const { date, time, zone } = iso.groups;
    const clock = time ?? '00:00:00';
    const [hms = clock, fraction = ''] = clock.split('.');
    const full = hms.length === 5 ? `${hms}:00` : hms;
    const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const ms = Date.parse(`${date}T${full}${offset}`);
    if (Number.isNaN(ms)) return null;
    return withFraction(ms, fraction);
  }
  const us = US_TIME.exec(t);
  if (us?.groups) {
    const g = us.groups;
    let hour = Number(g['hour']);
    const ampm = g['ampm']?.toUpperCase();
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    const ms = Date.UTC(Number(g['year']), Number(g['month']) - 1, Number(g['day']), hour, Number(g['minute']), Number(g['second'] ?? '0'));
    if (Number.isNaN(ms)) return null;
    return withFraction(ms, g['fraction'] ?? '');
  }
  return null;
}

/**
 * The times a record may carry: 1970 to the end of 9999. A hostile or broken log can hold any ISO time, and one dated
 * year -1 or +275760 has no four-digit ISO form, which the analysis and every report expect; such a time is no time
 * (null), and a sign-in without one is quarantined. The SQL normaliser (sign-in-sql.ts) applies the same range, so the
 * fast path and the line-by-line path agree.
 */
export const TIME_RANGE = { first: '1970-01-01 00:00:00', last: '9999-12-31 23:59:59.999999' } as const;
const FIRST_MS = Date.parse(`${TIME_RANGE.first.replace(' ', 'T')}Z`);
const LAST_MS = Date.parse(`${TIME_RANGE.last.replace(' ', 'T').slice(0, 23)}Z`);

function withFraction(ms: number, fraction: string): string | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || ms < FIRST_MS || ms > LAST_MS) return null;
  const base = date.toISOString().slice(0, 19);
  // Microsecond precision, which is what the store's TIMESTAMP keeps.
  const digits = fraction.replace(/[^0-9]/g, '').slice(0, 6);
  return digits.length > 0 ? `${base}.${digits.padEnd(6, '0')}Z` : `${base}Z`;
}

export function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const t = text(item);
    if (t !== null) out.push(t);
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value that is JSON either as itself or as a JSON string (Log Analytics `dynamic` vs string columns). */
export function dynamic(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return parseJsonFirstKeyWins(t);
  } catch {
    return value;
  }
}

export function parseJson(textValue: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseJsonFirstKeyWins(textValue) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
