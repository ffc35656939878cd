import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, type LineOp } from './line-diff.js';

function sides(ops: readonly LineOp[], before: readonly string[], after: readonly string[]): { a: string[]; b: string[] } {
  return {
    a: ops.filter((op) => op.op !== 'add').map((op) => before[op.a] ?? '?'),
    b: ops.filter((op) => op.op !== 'remove').map((op) => (op.op === 'add' ? after[op.b] : before[op.a]) ?? '?'),
  };
}

describe('lineDiff', () => {
  it('keeps the lines both share and changes the rest, removals first', () => {
    expect(lineDiff(['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'c', 'd', 'e'], 100)).toEqual([
      { op: 'keep', a: 0, b: 0 },
      { op: 'remove', a: 1, b: 1 },
      { op: 'add', a: 2, b: 1 },
      { op: 'add', a: 2, b: 2 },
      { op: 'keep', a: 2, b: 3 },
      { op: 'keep', a: 3, b: 4 },
      { op: 'add', a: 4, b: 5 },
    ]);
  });

  it('gives null beyond maxEdits', () => {
    expect(lineDiff(['a', 'b', 'c'], ['x', 'y', 'z'], 5)).toBeNull();
    expect(lineDiff(['a', 'b', 'c'], ['x', 'y', 'z'], 6)?.length).toBe(6);
  });

  it('walks from one side to the other in as few edits as a longest common subsequence allows', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const ops = lineDiff(before, after, 1000) ?? [];
        expect(sides(ops, before, after)).toEqual({ a: before, b: after });
        expect(ops.filter((op) => op.op === 'keep').every((op) => before[op.a] === after[op.b])).toBe(true);
        // The fewest edits: lines kept = the length of a longest common subsequence (dynamic programming, small inputs).
        const lcs = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
        for (let i = before.length - 1; i >= 0; i--) {
          for (let j = after.length - 1; j >= 0; j--) {
            const row = lcs[i] ?? [];
            row[j] = before[i] === after[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
          }
        }
        expect(ops.filter((op) => op.op === 'keep').length).toBe(lcs[0]?.[0] ?? 0);
      }),
      { numRuns: 500 },
    );
  });
});
