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

  it('fails every comment that looks like an annotation but does not parse, and leaves prose and code alone', () => {
    const text = [
      '# ruleid: a/x  # note',
      '# ruleid a/x',
      '# RuleID: a/x',
      '// OK: a/y',
      'az login -u svc@contoso.com # ruleid: a/x',
      '<!-- todook a/z -->',
      '# ok so this comment is prose',
      'ok: true',
      '# Checks the user is ok.',
      'code',
    ].join('\n');
    const { annotations, failures } = parseAnnotations('f', text);
    expect(annotations).toEqual([]);
    expect(failures.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(failures[0]?.problem).toBe('malformed ruleid annotation "# ruleid: a/x  # note": write the comment as "ruleid: <detector/rule>[ @column]" with nothing else on the line');
    expect(failures[3]?.problem).toBe('malformed OK annotation "// OK: a/y": write the comment as "ok: <detector/rule>[ @column]" with nothing else on the line');
  });

  it('lets an annotation above a malformed one still target the code line below both', () => {
    const { annotations, failures } = parseAnnotations('f', '# ruleid: a/x\n# ruleid a/y\ncode\n');
    expect(annotations.map((a) => [a.kind, a.rule, a.line])).toEqual([['ruleid', 'a/x', 3]]);
    expect(failures.map((f) => f.line)).toEqual([2]);
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

  it('fails a todoruleid: that is found now and a todook: that is no longer reported, so both get promoted', () => {
    const { annotations } = parseAnnotations('f', '# todoruleid: a/x\nfound\n# todoruleid: a/x\nmissed\n# todook: a/y\nstill-reported\n# todook: a/y\nfixed\n');
    const failures = checkFixture('f', annotations, [finding('a/x', 2, 1), finding('a/y', 6, 1)], known);
    expect(failures.map((f) => [f.line, f.problem])).toEqual([
      [2, 'a/x is found now: promote its todoruleid: to ruleid:'],
      [8, 'a/y is no longer reported: promote its todook: to ok:'],
    ]);
  });
});
