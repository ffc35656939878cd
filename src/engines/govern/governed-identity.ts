import type { IdentityAnalysis } from '../../model/analysis.js';
import type { GovernedIdentity } from '../../model/governance.js';
import { MFA_IMPACT_OF } from '../../model/scan-finding.js';

/** What a snapshot keeps of an analysed identity. */
export function governedIdentityOf(identity: IdentityAnalysis): GovernedIdentity {
  return {
    id: identity.id,
    upn: identity.upn,
    displayName: identity.displayName,
    kind: identity.kind,
    class: identity.class,
    verdict: identity.verdict,
    breaksOn: identity.breaksOn,
    ownerTeam: identity.owner?.team ?? null,
    ownerMatch: identity.owner ? `${identity.owner.matchedBy.kind}:${identity.owner.matchedBy.value}` : null,
    exceptionState: identity.exception?.state ?? null,
    exceptionExpires: identity.exception?.expires ?? null,
    exceptionApprover: identity.exception?.approver ?? null,
    retiredOn: identity.retirement?.date ?? null,
    retiredActive: identity.retirement?.stillActive ?? null,
    lastActivity: identity.retirement?.lastActivity ?? null,
    planStage: identity.plan?.stage.stage ?? null,
    breakingAutomation: identity.automation.filter((link) => MFA_IMPACT_OF[link.authMethod] === 'breaks').map((link) => `${link.file}:${link.line}`),
  };
}
