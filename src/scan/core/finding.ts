import { MFA_IMPACT_OF, type IdentityRef, type ScanFinding } from '../../model/scan-finding.js';
import type { RuleMeta, SourceFile } from './detector.js';

/** A 0-based position inside a SourceFile's own text, as tree-sitter reports it. */
export interface Point {
  row: number;
  column: number;
}

/**
 * Builds a finding from its rule: method, impact and fix come from the rule so the two never disagree.
 * `at` is 0-based within `file.text`; it is mapped to the host file (lineOffset, columnOffset) and made 1-based.
 * The message must name identities and variables only, never a value from the code.
 */
export function createFinding(rule: RuleMeta, ecosystem: string, file: SourceFile, at: Point, identity: IdentityRef | null, message: string): ScanFinding {
  return {
    file: file.path,
    line: file.lineOffset + at.row,
    column: (file.columnOffset ?? 0) + at.column + 1,
    ecosystem,
    authMethod: rule.authMethod,
    mfaImpact: MFA_IMPACT_OF[rule.authMethod],
    identity,
    rule: rule.id,
    message,
    fix: rule.fix,
  };
}

/** Looks a rule up in a detector's list; a typo is a programming error, caught by the fixtures. */
export function ruleById(rules: readonly RuleMeta[], id: string): RuleMeta {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/** Findings in report order: file, line, column, rule. */
export function compareFindings(a: ScanFinding, b: ScanFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return 0;
}
