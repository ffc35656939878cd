import { VERDICTS, type WhatIfAgreementCount, type WhatIfReport } from '../model/analysis.js';
import { terminalSafe } from '../report/terminal-text.js';

/** Identities and disagreements listed in the table; the JSON has them all. */
const LISTED = 25;

function percent(count: WhatIfAgreementCount): string {
  if (count.rate === null) return 'nothing to compare';
  return `${(count.rate * 100).toFixed(2)}% (${count.agreed.toLocaleString('en-US')} of ${count.compared.toLocaleString('en-US')} recorded results)`;
}

function name(policy: { id: string; displayName: string | null }): string {
  return terminalSafe(policy.displayName ? `${policy.displayName} (${policy.id})` : policy.id);
}

/**
 * The what-if part of analyze's table: each policy under test with its identities by verdict, the identities that
 * would newly fail with the sign-ins that prove it and the code that signs in as them, and the cross-check with the
 * results Entra recorded.
 */
export function renderWhatIfTable(report: WhatIfReport): string {
  const lines: string[] = ['', 'what-if: the policies under test, judged as if on, over the sign-in history'];
  for (const policy of report.policies) {
    const counts = VERDICTS.map((verdict) => `${verdict} ${policy.byVerdict[verdict] ?? 0}`).join(', ');
    lines.push(`  policy:${terminalSafe(policy.id)}  ${name(policy)}${policy.replaces ? ' (replaces the imported policy)' : ''}`, `      ${counts}`);
  }
  const diff = report.diff.identities;
  lines.push('', diff.length === 0 ? 'would newly fail: none (against today\'s enabled policies)' : `would newly fail (${diff.length} identit${diff.length === 1 ? 'y' : 'ies'}, against today's enabled policies)`);
  for (const entry of diff.slice(0, LISTED)) {
    const [proof] = entry.proof;
    lines.push(`  ${terminalSafe(entry.upn ?? entry.displayName)}  ${entry.class}  ${entry.signIns.toLocaleString('en-US')} sign-ins, ${entry.first.slice(0, 16).replace('T', ' ')} → ${entry.last.slice(0, 16).replace('T', ' ')} UTC`);
    if (proof) lines.push(`      e.g. sign-in ${terminalSafe(proof.signIn)} at ${proof.at}: ${terminalSafe(proof.client ?? 'an unnamed client')} → ${terminalSafe(proof.target ?? 'an unrecorded resource')} (${proof.records} like it)`);
    for (const link of entry.automation) lines.push(`      code: ${terminalSafe(link.file)}:${link.line} (${link.authMethod})`);
  }
  if (diff.length > LISTED) lines.push(`  … and ${diff.length - LISTED} more: unattended analyze --what-if … --format json`);
  const agreement = report.agreement;
  lines.push('', 'cross-check with the results Entra recorded (appliedConditionalAccessPolicies)');
  lines.push(`  enabled policies: ${percent(agreement.enabled)}`, `  report-only policies: ${percent(agreement.reportOnly)}`);
  if (agreement.disabled.compared > 0) lines.push(`  disabled policies: ${percent(agreement.disabled)}`);
  if (agreement.notComparable > 0) lines.push(`  not comparable (the data cannot answer a condition): ${agreement.notComparable.toLocaleString('en-US')}`);
  for (const row of agreement.disagreements.slice(0, LISTED)) {
    lines.push(`  disagrees: ${name({ id: row.policy, displayName: row.displayName })}: Entra recorded ${row.recorded}, the evaluator says ${row.expected} (${terminalSafe(row.because)}) on ${row.signIns} sign-ins, e.g. ${terminalSafe(row.example.signIn)} at ${row.example.at}`);
  }
  if (agreement.disagreements.length > LISTED) lines.push(`  … and ${agreement.disagreements.length - LISTED} more disagreements in --format json`);
  for (const row of agreement.undefinedPolicies) lines.push(`  not compared: ${name({ id: row.policy, displayName: row.displayName })}: no definition imported or given (${row.signIns} recorded results)`);
  for (const note of report.notes) lines.push(`  note: ${terminalSafe(note)}`);
  return `${lines.join('\n')}\n`;
}
