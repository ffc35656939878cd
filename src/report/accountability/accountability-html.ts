import type { TeamAccountability } from '../../engines/govern/accountability.js';
import { displayText } from '../html/display-text.js';
import { escapeHtml } from '../html/escape-html.js';

function list(items: readonly string[]): string {
  return items.length === 0 ? '—' : items.join('<br>');
}

function row(entry: TeamAccountability): string {
  const team = entry.team === null ? '<em>no owner</em>' : displayText(entry.team);
  const breaking = entry.breaking.map((item) => `${displayText(item.name)} · ${item.breaksOn === null ? 'broken now' : `breaks ${escapeHtml(item.breaksOn)}`}`);
  const excepted = entry.excepted.map((item) => `${displayText(item.name)} · until ${escapeHtml(item.expires)} (${escapeHtml(item.state)})`);
  const retiring = entry.retiring.map((item) => `${displayText(item.name)} · from ${escapeHtml(item.date)}${item.stillActive ? ' <strong>still active</strong>' : ''}`);
  return `<tr><td>${team}</td><td class="num">${entry.owned}</td><td>${list(breaking)}</td><td>${list(excepted)}</td><td>${list(retiring)}</td></tr>`;
}

/**
 * The report's accountability view: for each owner team of unattended.yaml, what it owns, what breaks and when, what
 * is excepted until when, and what waits for retirement; then the service accounts without an owner. Nothing when
 * the policy names no owner yet.
 */
export function renderAccountability(teams: readonly TeamAccountability[]): string {
  if (!teams.some((entry) => entry.team !== null)) return '';
  return `<section id="accountability"><h2>Accountability</h2><p class="lead">Owner teams from unattended.yaml: what each owns, what breaks and when, what is excepted until when, what waits for retirement.</p>
<div class="table-wrap"><table><thead><tr><th>team</th><th class="num">owns</th><th>breaks</th><th>excepted</th><th>retiring</th></tr></thead><tbody>
${teams.map(row).join('\n')}
</tbody></table></div></section>`;
}
