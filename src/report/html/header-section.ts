import type { ReportInput } from '../report-input.js';
import { relativeToAsOf } from './enforcement-dates.js';
import { displayText } from './display-text.js';
import { escapeHtml } from './escape-html.js';

function fact(key: string, value: string, note = ''): string {
  const noteHtml = note ? `<span class="note">${escapeHtml(note)}</span>` : '';
  return `<div class="fact"><span class="k">${escapeHtml(key)}</span><span class="v">${displayText(value)}</span>${noteHtml}</div>`;
}

export function renderHeader(input: ReportInput): string {
  const { analysis } = input;
  const { phase1, phase2 } = analysis.enforcement;
  const records = input.imports.reduce((sum, batch) => sum + batch.stored, 0);
  const quarantined = input.imports.reduce((sum, batch) => sum + batch.quarantined, 0);
  const quarantineNote = `${input.imports.length.toLocaleString('en-US')} batches${quarantined > 0 ? `, ${quarantined.toLocaleString('en-US')} quarantined` : ''}`;
  return `<header class="top">
<h1>Mandatory MFA for Azure: automation signing in as users</h1>
<div class="sub">Which identities break when Microsoft enforces MFA on the Azure portal (phase 1) and on Azure Resource Manager writes (phase 2), and how to migrate them.</div>
<div class="facts">
${fact('Tenant', analysis.tenantId ?? 'unknown')}
${fact('Data as of', analysis.asOf)}
${fact('Phase 1 · portal', phase1, relativeToAsOf(phase1, analysis.asOf))}
${fact('Phase 2 · ARM writes', phase2, relativeToAsOf(phase2, analysis.asOf))}
${fact('Identities', analysis.identities.length.toLocaleString('en-US'))}
${fact('Code findings', input.scanFindings.length.toLocaleString('en-US'))}
${fact('Records imported', records.toLocaleString('en-US'), quarantineNote)}
</div>
</header>`;
}
