import type { IdentityFeatures, TenantFeatures } from '../features/identity-features.js';
import { automationFor, type AutomationIndex } from '../features/load-automation.js';
import type { IdentityAnalysis } from '../model/analysis.js';
import { classify } from './classify/classify.js';
import type { GovernancePolicy } from './govern/governance-policy.js';
import { governIdentity } from './govern/govern-identity.js';
import { assessImpact, type EnforcementDates } from './impact/impact.js';
import { recommend } from './recommend/recommend.js';
import { emptyPlanContext, type PlanContext } from './plan/plan-context.js';
import { planMigration } from './plan/plan-migration.js';
import { identityWhatIf, type WhatIfPolicyRef } from './whatif/identity-what-if.js';
import type { IdentityTallies } from './whatif/judge.js';
import { markIncomplete } from './incomplete-data.js';

/** Everything one identity's analysis depends on besides its own features: the same for every identity of a run. */
export interface AnalysisContext {
  asOf: string;
  enforcement: EnforcementDates;
  tenant: TenantFeatures;
  /** Break-glass accounts from unattended.yaml. */
  breakGlass: readonly string[];
  automation: AutomationIndex;
  /** Operations, role assignments and code the planner reads; none when absent. */
  plan?: PlanContext;
  /** Owners, exceptions, retirements of unattended.yaml; null without a policy file. */
  governance: GovernancePolicy | null;
  /** With `analyze --what-if`: the policies under test and what they did to each identity's sign-ins (by identity id). */
  whatIf?: { policies: readonly WhatIfPolicyRef[]; identities: ReadonlyMap<string, IdentityTallies> };
}

const NO_PLAN_INPUTS = emptyPlanContext();

function displayNameOf(features: IdentityFeatures): string {
  return features.displayName ?? features.upn ?? features.appId ?? features.id;
}

/** classify → impact → recommend → govern for one identity. A pure function of its arguments, so it can run on any thread. */
export function analyseIdentity(f: IdentityFeatures, context: AnalysisContext): IdentityAnalysis {
  const classification = classify(f, { breakGlass: context.breakGlass, tenant: context.tenant });
  const impact = assessImpact(f, classification.class, { asOf: context.asOf, enforcement: context.enforcement, tenant: context.tenant });
  const recommendation = recommend(f, classification.class, impact, context.asOf);
  const displayName = displayNameOf(f);
  const governed = governIdentity(
    { id: f.id, kind: f.kind, upn: f.upn, displayName, appId: f.kind === 'user' ? null : f.appId, lastSuccess: f.lastSuccess, lastOperation: f.lastOperation },
    context.governance,
    context.asOf,
  );
  const analysis: IdentityAnalysis = {
    id: f.id,
    upn: f.upn,
    displayName,
    kind: f.kind,
    class: classification.class,
    confidence: classification.confidence,
    evidence: classification.evidence,
    verdict: impact.verdict,
    breaksOn: impact.breaksOn,
    phase: impact.phase,
    reasons: impact.reasons,
    automation: automationFor(context.automation, f.upn, f.kind === 'user' ? null : f.appId),
    recommendation,
    owner: governed.owner,
    exception: governed.exception,
    plan: planMigration(f, { recommendation }, context.plan ?? NO_PLAN_INPUTS, context.asOf),
    retirement: governed.retirement,
  };
  const whatIf = context.whatIf;
  if (whatIf) {
    const tallies = whatIf.identities.get(f.id);
    analysis.whatIf = whatIf.policies.flatMap((policy) => identityWhatIf(policy, tallies, classification.class) ?? []);
  }
  return markIncomplete(f, context.tenant, analysis);
}
