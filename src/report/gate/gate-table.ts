import type { GateFinding } from '../../model/gate.js';
import { terminalSafe } from '../terminal-text.js';
import type { GateReporter } from './gate-report-input.js';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function where(finding: GateFinding): string {
  if (finding.file === null) return '';
  return `${finding.file}${finding.line === null ? '' : `:${finding.line}`}  `;
}

function grouped(findings: readonly GateFinding[]): string[] {
  const lines: string[] = [];
  let rule: string | null = null;
  for (const finding of findings) {
    if (finding.rule !== rule) {
      rule = finding.rule;
      lines.push(`  ${rule} (${findings.filter((other) => other.rule === rule).length})`);
    }
    lines.push(`    ${terminalSafe(where(finding))}${terminalSafe(finding.message)}`);
  }
  return lines;
}

/** The terminal view: the verdict, what was judged, then each problem under its rule, every string terminal-safe. */
export const gateTableReporter: GateReporter = ({ result, identityCount }) => {
  const errors = result.findings.filter((finding) => finding.level === 'error');
  const warnings = result.findings.filter((finding) => finding.level === 'warning');
  const verdict = result.passed ? 'passed' : `FAILED, ${plural(errors.length, 'problem', 'problems')}`;
  const lines = [`unattended check: ${verdict}${warnings.length > 0 ? `; ${plural(warnings.length, 'warning', 'warnings')}` : ''}`];
  const judged = result.hasStore ? `${plural(identityCount, 'identity', 'identities')} as of ${result.asOf}` : `code only (no store: owners of service accounts and retirements not checked), as of ${result.asOf.slice(0, 10)}`;
  const baseline = result.baseline ? `baseline snapshot ${result.baseline.id} (${result.baseline.takenAt})` : 'no baseline';
  lines.push(`  policy ${terminalSafe(result.policyPath ?? '(none)')}; ${judged}; ${baseline}`);
  if (errors.length > 0) lines.push('', ...grouped(errors));
  if (warnings.length > 0) lines.push('', 'warnings', ...grouped(warnings));
  return `${lines.join('\n')}\n`;
};
