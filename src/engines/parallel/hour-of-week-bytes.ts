/**
 * An identity's hour-of-week histogram (168 counts) as bytes, to travel with its analysis from a worker thread and
 * wait, beside its analysis.json bytes, until the report is written: one LEB128 varint per hour, so the usual
 * counts below 128 take a byte each (168 bytes, against 1.3 KB as a JavaScript array), and an identity that never
 * signed in takes none.
 */
export const HOURS_OF_WEEK = 168;

/** Bytes needed for these counts (0 when every count is 0). */
export function hourOfWeekByteLength(counts: readonly number[]): number {
  if (counts.every((count) => count === 0)) return 0;
  let length = 0;
  for (const count of counts) {
    let rest = count;
    length += 1;
    while (rest >= 0x80) {
      rest = Math.floor(rest / 0x80);
      length += 1;
    }
  }
  return length;
}

/** Writes the counts at `offset` (hourOfWeekByteLength bytes); returns the offset after them. */
export function writeHourOfWeek(counts: readonly number[], target: Uint8Array, offset: number): number {
  if (counts.every((count) => count === 0)) return offset;
  let at = offset;
  for (const count of counts) {
    let rest = count;
    while (rest >= 0x80) {
      target[at] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
      at += 1;
    }
    target[at] = rest;
    at += 1;
  }
  return at;
}

/** The 168 counts back, or null for no bytes (never signed in). */
export function readHourOfWeek(bytes: Uint8Array): number[] | null {
  if (bytes.length === 0) return null;
  const counts: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      continue;
    }
    counts.push(value);
    value = 0;
    scale = 1;
  }
  if (counts.length !== HOURS_OF_WEEK) throw new Error(`hour-of-week bytes hold ${counts.length} counts, not ${HOURS_OF_WEEK}`);
  return counts;
}
