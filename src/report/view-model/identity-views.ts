import type { IdentityAnalysis } from '../../model/analysis.js';
import { exceptionSummary, keyValues, ownerTeam, planStage } from './governance-fields.js';
import type { IdentityDetail, TableRow } from './view-types.js';

/** The planner adds `plan` to the contract (additively): read it when an identity carries one. */
export function planOf(identity: IdentityAnalysis): unknown {
  return 'plan' in identity ? identity.plan : null;
}

/** An identity as a row of the table; `index` is its place in the contract's order. */
export function tableRowOf(identity: IdentityAnalysis, index: number): TableRow {
  return {
    index,
    id: identity.id,
    upn: identity.upn,
    displayName: identity.displayName,
    kind: identity.kind,
    class: identity.class,
    confidence: identity.confidence,
    verdict: identity.verdict,
    breaksOn: identity.breaksOn,
    phase: identity.phase,
    action: identity.recommendation.action,
    owner: ownerTeam(identity.owner),
    exception: exceptionSummary(identity.exception),
    stage: planStage(planOf(identity)),
    automation: identity.automation.length,
  };
}

/** Everything the detail view shows: the row, the evidence, the proof, the code, the rhythm and the governance. */
export function detailOf(identity: IdentityAnalysis, index: number, hourOfWeek: readonly number[] | null): IdentityDetail {
  return {
    ...tableRowOf(identity, index),
    evidence: identity.evidence.map((item) => ({ signal: item.signal, detail: item.detail, weight: item.weight })),
    reasons: [...identity.reasons],
    automationLinks: identity.automation.map((link) => ({ file: link.file, line: link.line, authMethod: link.authMethod })),
    why: identity.recommendation.why,
    // An identity that never signed in has no rhythm to draw.
    hourOfWeek: hourOfWeek === null || hourOfWeek.every((count) => count === 0) ? null : [...hourOfWeek],
    plan: keyValues(planOf(identity), 'Plan'),
    ownerDetail: keyValues(identity.owner, 'Owner'),
    exceptionDetail: keyValues(identity.exception, 'Exception'),
  };
}
