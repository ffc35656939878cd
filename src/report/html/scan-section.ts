import type { IdentityAnalysis } from '../../model/analysis.js';
import type { ScanFinding } from '../../model/scan-finding.js';
import { MFA_IMPACT_URGENCY } from '../presentation.js';
import { displayText } from './display-text.js';
import { escapeHtml } from './escape-html.js';

/** Findings that break first, then by place in the code. */
export function orderScanFindings(findings: readonly ScanFinding[]): ScanFinding[] {
  return [...findings].sort(
    (a, b) =>
      MFA_IMPACT_URGENCY.indexOf(a.mfaImpact) - MFA_IMPACT_URGENCY.indexOf(b.mfaImpact) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** A UPN in code that names an analysed identity becomes a button into its row (UPNs compare case-insensitively). */
function identityRef(finding: ScanFinding, idByUpn: ReadonlyMap<string, string>): string {
  if (!finding.identity) return '<span class="empty">—</span>';
  const value = `<code>${displayText(finding.identity.value)}</code>`;
  const id = finding.identity.kind === 'upn' ? idByUpn.get(finding.identity.value.toLowerCase()) : undefined;
  const shown = id === undefined ? value : `<button type="button" class="link" data-identity="${escapeHtml(id)}">${value}</button>`;
  return `<span class="k">${escapeHtml(finding.identity.kind)}</span> ${shown}`;
}

export function renderScanFindings(findings: readonly ScanFinding[], identities: readonly IdentityAnalysis[]): string {
  if (findings.length === 0) {
    return `<section id="scan"><h2>Sign-ins found in code</h2><p class="empty">No scan findings in the store (run "unattended scan DIR" to add them).</p></section>`;
  }
  const idByUpn = new Map(identities.flatMap((identity) => (identity.upn ? [[identity.upn.toLowerCase(), identity.id] as const] : [])));
  const breaking = findings.filter((finding) => finding.mfaImpact === 'breaks').length;
  const rows = orderScanFindings(findings)
    .map(
      (finding) =>
        `<tr><td class="mono">${displayText(`${finding.file}:${finding.line}`)}</td><td>${displayText(finding.ecosystem)}</td><td class="mono">${escapeHtml(finding.authMethod)}</td><td><span class="badge i-${escapeHtml(finding.mfaImpact)}">${escapeHtml(finding.mfaImpact)}</span></td><td>${identityRef(finding, idByUpn)}</td><td><code>${displayText(finding.rule)}</code><div>${displayText(finding.message)}</div></td><td>${displayText(finding.fix)}</td></tr>`,
    )
    .join('\n');
  return `<section id="scan"><h2>Sign-ins found in code</h2>
<p class="lead">${findings.length.toLocaleString('en-US')} places in scripts, pipelines and IaC sign in to Azure; ${breaking.toLocaleString('en-US')} use a user's password and break under mandatory MFA.</p>
<div class="table-wrap"><table id="scan-table"><thead><tr><th>Location</th><th>Ecosystem</th><th>Auth method</th><th>MFA impact</th><th>Identity</th><th>Rule</th><th>Fix</th></tr></thead>
<tbody>
${rows}
</tbody></table></div></section>`;
}
