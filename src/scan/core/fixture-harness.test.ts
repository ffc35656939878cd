import { describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../model/scan-finding.js';
import { checkFixture, parseAnnotations } from './fixture-harness.js';

function finding(rule: string, line: number, column: number): ScanFinding {
  return { file: 'f.ps1', line, column, ecosystem: 'powershell', authMethod: 'user-password', mfaImpact: 'breaks', identity: null, rule, message: 'm', fix: 'f' };
}

describe('parseAnnotations', () => {
  it('targets the next code line, skipping blanks and stacked annotations, in several comment syntaxes', () => {
    const text = ['# ruleid: a/x @5', '', '# ok: a/y', 'code one', '<!-- todook: a/z -->', 'code two', '// ruleid: a/x, a/y', 'code three'].join('\n');
    const { annotations, failures } = parseAnnotations('f', text);
    expect(failures).toEqual([]);
    expect(annotations.map((a) => [a.kind, a.rule, a.line, a.column])).toEqual([
      ['ruleid', 'a/x', 4, 5],
      ['ok', 'a/y', 4, null],
      ['todook', 'a/z', 6, null],
      ['ruleid', 'a/x', 8, null],
      ['ruleid', 'a/y', 8, null],
    ]);
  });

  it('reports an annotation with no code after it and a malformed rule', () => {
    const { failures } = parseAnnotations('f', 'x\n# ruleid: NotARule\ny\n# ok: a/b\n');
    expect(failures.map((f) => [f.line, f.problem])).toEqual([
      [2, 'malformed annotation item "NotARule"'],
      [4, 'ok annotation with no code line after it'],
    ]);
  });
});

describe('checkFixture', () => {
  const known = new Set(['a/x', 'a/y']);
  it('passes when expectations and findings agree', () => {
    const { annotations } = parseAnnotations('f', '# ruleid: a/x @3\n  code\n# ok: a/y\nother\n');
    expect(checkFixture('f', annotations, [finding('a/x', 2, 3)], known)).toEqual([]);
  });

  it('fails on a missing finding, a wrong column, an ok violation and an unannotated finding', () => {
    const { annotations } = parseAnnotations('f', '# ruleid: a/x @3\n  code\n# ok: a/y\nother\nthird\n');
    const failures = checkFixture('f', annotations, [finding('a/x', 2, 4), finding('a/y', 4, 1), finding('a/x', 5, 1)], known);
    expect(failures.map((f) => f.problem)).toEqual([
      'expected a/x @3, got a/x@4',
      'unexpected a/y (ok: annotation)',
      'unannotated finding a/x @4: m',
      'unannotated finding a/y @1: m',
      'unannotated finding a/x @1: m',
    ]);
  });
});
