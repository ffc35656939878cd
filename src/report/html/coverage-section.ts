import type { ImportSummary } from '../report-input.js';
import { displayText } from './display-text.js';

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** What the verdicts rest on: every batch with its counts, so a reader can tell a quiet identity from a missing export. */
export function renderCoverage(imports: readonly ImportSummary[]): string {
  if (imports.length === 0) {
    return `<section id="coverage"><h2>Data coverage</h2><p class="empty">No import batches are recorded in the store: the verdicts rest on no log data.</p></section>`;
  }
  const totals = imports.reduce(
    (sum, batch) => ({ read: sum.read + batch.read, stored: sum.stored + batch.stored, duplicates: sum.duplicates + batch.duplicates, quarantined: sum.quarantined + batch.quarantined }),
    { read: 0, stored: 0, duplicates: 0, quarantined: 0 },
  );
  const rows = imports
    .map((batch) => `<tr><td class="mono">${displayText(batch.file)}</td><td>${displayText(batch.format ?? '—')}</td><td class="num">${count(batch.read)}</td><td class="num">${count(batch.stored)}</td><td class="num">${count(batch.duplicates)}</td><td class="num">${count(batch.quarantined)}</td></tr>`)
    .join('\n');
  return `<section id="coverage"><h2>Data coverage</h2>
<p class="lead">${count(imports.length)} batches: ${count(totals.read)} records read, ${count(totals.stored)} stored, ${count(totals.duplicates)} duplicates, ${count(totals.quarantined)} quarantined.</p>
<div class="table-wrap"><table><thead><tr><th>Source file</th><th>Format</th><th class="num">Read</th><th class="num">Stored</th><th class="num">Duplicates</th><th class="num">Quarantined</th></tr></thead>
<tbody>
${rows}
</tbody></table></div></section>`;
}
