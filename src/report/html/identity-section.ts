import { CLASS_LABEL, CLASS_ORDER, VERDICT_LABEL, VERDICT_URGENCY } from '../presentation.js';
import { escapeHtml } from './escape-html.js';

/** Column key (read by the client script's sorter) and header text. */
export const IDENTITY_COLUMNS: readonly (readonly [key: string, label: string, numeric: boolean])[] = [
  ['name', 'Identity', false],
  ['class', 'Class', false],
  ['verdict', 'Verdict', false],
  ['breaksOn', 'Breaks on', true],
  ['confidence', 'Confidence', true],
  ['recommendation', 'Recommendation', false],
  ['owner', 'Owner', false],
];

/** The frame only: rows come from the embedded JSON, built by the client script with textContent. */
export function renderIdentitySection(): string {
  const classOptions = CLASS_ORDER.map((identityClass) => `<option value="${identityClass}">${escapeHtml(CLASS_LABEL[identityClass])}</option>`).join('');
  const verdictOptions = VERDICT_URGENCY.map((verdict) => `<option value="${verdict}">${escapeHtml(VERDICT_LABEL[verdict])}</option>`).join('');
  const headers = IDENTITY_COLUMNS.map(
    ([key, label, numeric]) => `<th data-sort="${key}" aria-sort="none"${numeric ? ' class="num"' : ''}><button type="button" class="sort">${escapeHtml(label)}</button></th>`,
  ).join('');
  return `<section id="identities"><h2>Identities</h2>
<p class="lead">Sorted by urgency. Click a column to sort, a row for its evidence, reasons, automation and recommendation.</p>
<div class="controls">
<input id="identity-filter" type="search" placeholder="Filter by name, UPN, object ID or owner" aria-label="Filter identities by name, UPN, object ID or owner" autocomplete="off">
<select id="class-filter" aria-label="Class"><option value="">All classes</option>${classOptions}</select>
<select id="verdict-filter" aria-label="Verdict"><option value="">All verdicts</option>${verdictOptions}</select>
<button type="button" id="clear-filters">Clear</button>
<span class="count" id="identity-count" aria-live="polite"></span>
</div>
<div class="table-wrap"><table id="identity-table"><thead><tr>${headers}</tr></thead><tbody id="identity-rows"></tbody></table></div>
<button type="button" class="more" id="show-more" hidden>Show all matching identities</button>
<noscript><p class="empty">The identity table needs JavaScript; identities.csv and analysis.json beside this file hold the same data.</p></noscript>
</section>`;
}
