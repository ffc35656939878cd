import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv-cell.js';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('neutralises the formula start of %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('quotes %j per RFC 4180 only when needed', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers (a negative weight is not a formula) and null as empty', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });
});

describe('csvDocument', () => {
  it('ends every record, the header included, with CRLF', () => {
    expect(csvDocument(['a', 'b'], [['x', 1], [null, '=y']])).toBe("a,b\r\nx,1\r\n,'=y\r\n");
  });
});
