import type { IdentityAnalysis } from '../../model/analysis.js';
import { ACTION_LABEL, CLASS_LABEL, VERDICT_LABEL, verdictRank } from '../presentation.js';
import { displayText } from './display-text.js';
import { escapeHtml } from './escape-html.js';

export const SOONEST_LIMIT = 15;

/** Broken first (they fail today), then by the date they break, then automation before people, then by name. */
export function breaksSoonest(identities: readonly IdentityAnalysis[], limit = SOONEST_LIMIT): IdentityAnalysis[] {
  return identities
    .filter((identity) => identity.verdict === 'broken' || identity.verdict === 'breaks')
    .sort(
      (a, b) =>
        verdictRank(a.verdict) - verdictRank(b.verdict) ||
        (a.breaksOn ?? '').localeCompare(b.breaksOn ?? '') ||
        Number(b.class === 'service-account') - Number(a.class === 'service-account') ||
        a.displayName.localeCompare(b.displayName),
    )
    .slice(0, limit);
}

export function renderSoonest(identities: readonly IdentityAnalysis[]): string {
  const all = identities.filter((identity) => identity.verdict === 'broken' || identity.verdict === 'breaks').length;
  const shown = breaksSoonest(identities);
  if (shown.length === 0) return `<p class="empty">No identity is broken or scheduled to break.</p>`;
  const items = shown
    .map((identity) => {
      const when = identity.verdict === 'broken' ? 'failing now' : identity.breaksOn ?? 'date unknown';
      const upn = identity.upn ? `<span class="upn">${displayText(identity.upn)}</span>` : '';
      return `<li data-identity="${escapeHtml(identity.id)}" tabindex="0"><span><strong>${displayText(identity.displayName)}</strong>${upn}</span><span class="when"><span class="badge v-${escapeHtml(identity.verdict)}">${escapeHtml(VERDICT_LABEL[identity.verdict])}</span> ${escapeHtml(when)}</span><span class="what">${escapeHtml(CLASS_LABEL[identity.class])} · ${escapeHtml(ACTION_LABEL[identity.recommendation.action])}</span></li>`;
    })
    .join('\n');
  const more = all > shown.length ? `<p class="lead">${shown.length} of ${all}; the identity table lists the rest.</p>` : '';
  return `<ul class="soonest">
${items}
</ul>${more}`;
}
