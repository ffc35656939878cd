import type { ImportSummary } from '../report-input.js';
import { displayText } from './display-text.js';

interface Counts {
  files: number;
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function add(sum: Counts, batch: ImportSummary): Counts {
  return {
    files: sum.files + 1,
    read: sum.read + batch.read,
    stored: sum.stored + batch.stored,
    duplicates: sum.duplicates + batch.duplicates,
    quarantined: sum.quarantined + batch.quarantined,
  };
}

const NONE: Counts = { files: 0, read: 0, stored: 0, duplicates: 0, quarantined: 0 };

/** The folder every batch file shares (through its last separator), so the list shows what differs. */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  let prefix = files[0] ?? '';
  for (const file of files) {
    let length = 0;
    while (length < prefix.length && length < file.length && prefix[length] === file[length]) length += 1;
    prefix = prefix.slice(0, length);
  }
  const cut = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\'));
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

function countCells(counts: Omit<Counts, 'files'>): string {
  return `<td class="num">${count(counts.read)}</td><td class="num">${count(counts.stored)}</td><td class="num">${count(counts.duplicates)}</td><td class="num">${count(counts.quarantined)}</td>`;
}

/**
 * What the verdicts rest on, so a reader can tell a quiet identity from a missing export: totals per format up
 * front, every batch (an export can be thousands of hourly files) folded away below.
 */
export function renderCoverage(imports: readonly ImportSummary[]): string {
  if (imports.length === 0) {
    return `<section id="coverage"><h2>Data coverage</h2><p class="empty">No import batches are recorded in the store: the verdicts rest on no log data.</p></section>`;
  }
  const total = imports.reduce(add, NONE);
  const byFormat = new Map<string, Counts>();
  for (const batch of imports) {
    const format = batch.format ?? '—';
    byFormat.set(format, add(byFormat.get(format) ?? NONE, batch));
  }
  const formatRows = [...byFormat.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([format, counts]) => `<tr><td>${displayText(format)}</td><td class="num">${count(counts.files)}</td>${countCells(counts)}</tr>`)
    .join('\n');
  const folder = commonFolder(imports.map((batch) => batch.file));
  const batchRows = imports
    .map((batch) => `<tr${batch.quarantined > 0 ? ' class="warn"' : ''}><td class="mono">${displayText(batch.file.slice(folder.length))}</td><td>${displayText(batch.format ?? '—')}</td>${countCells(batch)}</tr>`)
    .join('\n');
  const under = folder ? ` under <code>${displayText(folder)}</code>` : '';
  return `<section id="coverage"><h2>Data coverage</h2>
<p class="lead">${count(imports.length)} batches: ${count(total.read)} records read, ${count(total.stored)} stored, ${count(total.duplicates)} duplicates, ${count(total.quarantined)} quarantined.</p>
<div class="table-wrap"><table><thead><tr><th>Format</th><th class="num">Batches</th><th class="num">Read</th><th class="num">Stored</th><th class="num">Duplicates</th><th class="num">Quarantined</th></tr></thead>
<tbody>
${formatRows}
</tbody></table></div>
<details><summary>Every batch${under}</summary>
<div class="table-wrap"><table><thead><tr><th>Source</th><th>Format</th><th class="num">Read</th><th class="num">Stored</th><th class="num">Duplicates</th><th class="num">Quarantined</th></tr></thead>
<tbody>
${batchRows}
</tbody></table></div></details></section>`;
}
