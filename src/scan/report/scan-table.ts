import type { MfaImpact } from '../../model/scan-finding.js';
import { terminalSafe } from '../../report/terminal-text.js';
import type { ScanReporter } from './scan-report-input.js';

const IMPACT_ORDER: readonly MfaImpact[] = ['breaks', 'needs-human', 'depends', 'safe'];

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A fixed-width table for the terminal; every string from the code goes through terminalSafe. */
export const scanTableReporter: ScanReporter = ({ result }) => {
  const header = ['LOCATION', 'METHOD', 'IMPACT', 'IDENTITY', 'RULE'];
  const rows = result.findings.map((finding) => [
    terminalSafe(`${finding.file}:${finding.line}:${finding.column}`),
    // A resolved ambient step shows where its method comes from: "user-password (line 4)".
    finding.resolvedFrom ? `${finding.authMethod} (line ${finding.resolvedFrom.line})` : finding.authMethod,
    finding.mfaImpact,
    finding.identity ? terminalSafe(`${finding.identity.kind} ${finding.identity.value}`) : '-',
    finding.rule,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]): string => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const lines = rows.length > 0 ? [format(header), ...rows.map(format)] : ['No sign-ins found.'];
  const byImpact = IMPACT_ORDER.map((impact) => [impact, result.findings.filter((finding) => finding.mfaImpact === impact).length] as const)
    .filter(([, count]) => count > 0)
    .map(([impact, count]) => `${count} ${impact}`);
  const summary = [
    `${plural(result.findings.length, 'finding', 'findings')}${byImpact.length > 0 ? ` (${byImpact.join(', ')})` : ''}`,
    `${plural(result.filesSeen, 'file', 'files')} seen, ${result.filesParsed.toLocaleString('en-US')} parsed`,
  ];
  if (result.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const skip of result.skipped) {
      const reason = skip.reason.replace(/ \(.*\)$/u, '');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    summary.push(`${plural(result.skipped.length, 'file', 'files')} skipped (${[...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ')})`);
  }
  lines.push('', `${summary.join('; ')}.`);
  return `${lines.join('\n')}\n`;
};
