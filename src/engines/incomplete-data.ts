import type { DataGap, IdentityFeatures, TenantFeatures } from '../features/identity-features.js';
import type { IdentityAnalysis } from '../model/analysis.js';

/**
 * A user whose data is incomplete is analysed as `unknown`, with the reason, never judged on half the data:
 * - a gap in the sign-ins (a window not collected, a missing AuditLog.Read.All) touches every user: any of them may
 *   have signed in there;
 * - a gap in the Activity log touches the users who reach Azure Resource Manager (their writes are what was missed).
 * Workload identities keep their verdict: mandatory MFA does not apply to them whatever their logs hold.
 * The class becomes `unknown` (confidence 0, the gap first in the evidence), the verdict `at-risk` (the contract's
 * "not certain" verdict: never `breaks` or `broken` without the data to prove it), with no date, phase or plan.
 */
function gapsFor(f: IdentityFeatures, gaps: readonly DataGap[]): DataGap[] {
  if (f.kind !== 'user') return [];
  const reachesArm = f.armSuccessMfa + f.armSuccessNoMfa + f.writes + f.deletes + f.actions + f.policyDenied + f.policyAudits > 0;
  return gaps.filter((gap) => gap.affects === 'sign-ins' || (gap.affects === 'activity-log' && reachesArm));
}

function describe(gap: DataGap): string {
  const what = gap.affects === 'sign-ins' ? 'sign-in' : 'Activity-log';
  return `${gap.scopes} ${what} window${gap.scopes === 1 ? '' : 's'} incomplete: ${gap.reason}`;
}

export function markIncomplete(f: IdentityFeatures, tenant: TenantFeatures, analysis: IdentityAnalysis): IdentityAnalysis {
  const gaps = gapsFor(f, tenant.dataGaps);
  if (gaps.length === 0) return analysis;
  const seen = analysis.reasons.length > 0 ? [`In the data that was collected: ${analysis.reasons.join(' ')}`] : [];
  return {
    ...analysis,
    class: 'unknown',
    confidence: 0,
    evidence: [...gaps.map((gap) => ({ signal: 'incomplete-data', detail: `Unknown: ${describe(gap)}.`, weight: 0 })), ...analysis.evidence],
    verdict: 'at-risk',
    breaksOn: null,
    phase: null,
    reasons: [`Unknown: the data this verdict rests on is incomplete (${gaps.map(describe).join('; ')}). Collect it again to decide.`, ...seen],
    recommendation: { action: 'none', why: 'Nothing to recommend until the missing data is collected.' },
    // A migration is planned from a recommendation; there is none to plan from.
    plan: null,
  };
}
