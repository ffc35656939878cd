import { CLASS_LABEL, VERDICT_LABEL, VERDICT_URGENCY } from '../presentation.js';
import { escapeHtml } from './escape-html.js';
import { presentClasses, type Tally } from './tally.js';

const VERDICT_HINT: Readonly<Record<string, string>> = {
  broken: 'failing now for want of MFA',
  breaks: 'will fail on the enforcement date',
  'at-risk': 'in scope, failure not certain',
  ready: 'in scope, all with MFA',
  'not-affected': 'workload identity or out of scope',
};

/** The sentence an engineer repeats to their manager: how many fail now, how many will, how many are automation. */
export function headline(counts: Tally): string {
  const { broken, breaks } = counts.byVerdict;
  const automation = counts.matrix['service-account'].broken + counts.matrix['service-account'].breaks;
  if (broken + breaks === 0) return `None of ${counts.total.toLocaleString('en-US')} identities is failing now or scheduled to fail under mandatory MFA.`;
  const accounts = automation === 1 ? '1 is a service account' : `${automation.toLocaleString('en-US')} are service accounts`;
  return `${broken.toLocaleString('en-US')} failing now for want of MFA and ${breaks.toLocaleString('en-US')} breaking on an enforcement date; of these ${broken + breaks}, ${accounts} that automation signs in as.`;
}

/** Cards are buttons: clicking one filters the identity table (the client script reads data-verdict / data-class). */
export function renderSummary(counts: Tally): string {
  const verdictCards = VERDICT_URGENCY.map(
    (verdict) =>
      `<button type="button" class="card v-${verdict}" data-verdict="${verdict}"><div class="n">${counts.byVerdict[verdict].toLocaleString('en-US')}</div><div>${escapeHtml(VERDICT_LABEL[verdict])}</div><div class="l">${escapeHtml(VERDICT_HINT[verdict] ?? '')}</div></button>`,
  ).join('\n');
  const classCards = presentClasses(counts)
    .map(
      (identityClass) =>
        `<button type="button" class="card c" data-class="${identityClass}"><div class="n">${counts.byClass[identityClass].toLocaleString('en-US')}</div><div>${escapeHtml(CLASS_LABEL[identityClass])}</div></button>`,
    )
    .join('\n');
  return `<section id="summary"><h2>Identities by verdict</h2>
<p class="lead">${escapeHtml(headline(counts))}</p>
<div class="cards">
${verdictCards}
</div>
<h2 class="spaced">Identities by class</h2>
<div class="cards">
${classCards}
</div></section>`;
}

/** Class × verdict counts; a non-zero cell filters the table to that pair. */
export function renderMatrix(counts: Tally): string {
  const classes = presentClasses(counts);
  const head = VERDICT_URGENCY.map((verdict) => `<th class="num">${escapeHtml(VERDICT_LABEL[verdict])}</th>`).join('');
  const rows = classes
    .map((identityClass) => {
      const cells = VERDICT_URGENCY.map((verdict) => {
        const n = counts.matrix[identityClass][verdict];
        return n === 0
          ? `<td class="num zero">0</td>`
          : `<td class="num" data-class="${identityClass}" data-verdict="${verdict}" tabindex="0">${n.toLocaleString('en-US')}</td>`;
      }).join('');
      return `<tr><td>${escapeHtml(CLASS_LABEL[identityClass])}</td>${cells}<td class="num">${counts.byClass[identityClass].toLocaleString('en-US')}</td></tr>`;
    })
    .join('\n');
  const totals = VERDICT_URGENCY.map((verdict) => `<td class="num">${counts.byVerdict[verdict].toLocaleString('en-US')}</td>`).join('');
  return `<table class="matrix"><thead><tr><th>Class</th>${head}<th class="num">Total</th></tr></thead>
<tbody>
${rows}
<tr class="total"><td>All</td>${totals}<td class="num">${counts.total.toLocaleString('en-US')}</td></tr>
</tbody></table>`;
}
