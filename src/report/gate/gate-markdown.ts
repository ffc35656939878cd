import type { GateFinding } from '../../model/gate.js';
import { markdownCode, markdownText } from '../markdown-text.js';
import type { GateReporter } from './gate-report-input.js';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function row(finding: GateFinding): string {
  const where = finding.file === null ? '' : markdownCode(`${finding.file}${finding.line === null ? '' : `:${finding.line}`}`);
  return `| ${finding.level === 'error' ? '❌' : '⚠️'} | ${markdownCode(finding.rule)} | ${markdownText(finding.message)} | ${where} |`;
}

/** A pull-request comment: the verdict as a heading, one table row per problem, what was judged in small print. */
export const gateMarkdownReporter: GateReporter = ({ result, identityCount }) => {
  const errors = result.findings.filter((finding) => finding.level === 'error');
  const warnings = result.findings.filter((finding) => finding.level === 'warning');
  const heading = result.passed
    ? `### ✅ unattended check passed${warnings.length > 0 ? ` with ${plural(warnings.length, 'warning', 'warnings')}` : ''}`
    : `### ❌ unattended check failed: ${plural(errors.length, 'problem', 'problems')}`;
  const lines = [heading, ''];
  if (result.findings.length > 0) lines.push('| | rule | what | where |', '|---|---|---|---|', ...[...errors, ...warnings].map(row), '');
  const judged = result.hasStore ? `${plural(identityCount, 'identity', 'identities')} as of ${result.asOf}` : `code only, as of ${result.asOf.slice(0, 10)}`;
  const baseline = result.baseline ? `baseline snapshot ${result.baseline.id}` : 'no baseline';
  lines.push(`<sub>policy ${result.policyPath === null ? '(none)' : markdownCode(result.policyPath)} · ${markdownText(judged)} · ${baseline}</sub>`);
  return `${lines.join('\n')}\n`;
};
