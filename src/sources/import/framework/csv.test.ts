import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv.js';

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, with the line each record starts on', () => {
    const records = [...csvRecords('"a","b"\r\n"x, y","say ""hi"""\n"multi\nline",2\n\n3,4')];
    expect(records.map((r) => [r.line, r.fields, r.truncated])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['x, y', 'say "hi"'], false],
      [3, ['multi\nline', '2'], false],
      [6, ['3', '4'], false],
    ]);
  });

  it('marks a record cut inside a quoted field as truncated', () => {
    const records = [...csvRecords('a,b\n"open,1')];
    expect(records.map((r) => [r.line, r.fields, r.truncated])).toEqual([
      [1, ['a', 'b'], false],
      [2, ['open,1'], true],
    ]);
  });
});
