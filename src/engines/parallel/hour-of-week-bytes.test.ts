import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hourOfWeekByteLength, readHourOfWeek, writeHourOfWeek } from './hour-of-week-bytes.js';

function encode(counts: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(hourOfWeekByteLength(counts));
  expect(writeHourOfWeek(counts, bytes, 0)).toBe(bytes.length);
  return bytes;
}

describe('hour-of-week bytes', () => {
  it('take one byte per hour below 128, more above, and none for an identity that never signed in', () => {
    const counts = Array.from({ length: 168 }, (_, hour) => hour);
    counts[5] = 300;
    counts[6] = 2 ** 40;
    const bytes = encode(counts);
    // 126 hours below 128 in a byte each, the 40 from 128 to 167 and hour 5 (300) in two, 2^40 in six.
    expect(bytes.length).toBe(126 + 41 * 2 + 6);
    expect(Array.from(bytes.subarray(5, 7))).toEqual([0xac, 0x02]);
    expect(readHourOfWeek(bytes)).toEqual(counts);
    expect(encode(new Array<number>(168).fill(0)).length).toBe(0);
    expect(readHourOfWeek(new Uint8Array(0))).toBeNull();
  });

  it('round-trip any 168 counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { minLength: 168, maxLength: 168 }), (counts) => {
        const back = readHourOfWeek(encode(counts));
        expect(back).toEqual(counts.every((count) => count === 0) ? null : counts);
      }),
    );
  });

  it('refuse bytes that do not hold 168 counts', () => {
    expect(() => readHourOfWeek(Uint8Array.from([1, 2, 3]))).toThrow('hour-of-week bytes hold 3 counts, not 168');
  });
});
