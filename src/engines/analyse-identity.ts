import type { IdentityFeatures, TenantFeatures } from '../features/identity-features.js';
import { automationFor, type AutomationIndex } from '../features/load-automation.js';
import type { IdentityAnalysis } from '../model/analysis.js';
import { classify } from './classify/classify.js';
import { assessImpact, type EnforcementDates } from './impact/impact.js';
import { recommend } from './recommend/recommend.js';
import { emptyPlanContext, type PlanContext } from './plan/plan-context.js';
import { planMigration } from './plan/plan-migration.js';
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
}

const NO_PLAN_INPUTS = emptyPlanContext();

function displayNameOf(features: IdentityFeatures): string {
  return features.displayName ?? features.upn ?? features.appId ?? features.id;
}

/** classify → impact → recommend for one identity. A pure function of its arguments, so it can run on any thread. */
export function analyseIdentity(f: IdentityFeatures, context: AnalysisContext): IdentityAnalysis {
  const classification = classify(f, { breakGlass: context.breakGlass, tenant: context.tenant });
  const impact = assessImpact(f, classification.class, { asOf: context.asOf, enforcement: context.enforcement, tenant: context.tenant });
  const recommendation = recommend(f, classification.class, impact, context.asOf);
  return markIncomplete(f, context.tenant, {
    id: f.id,
    upn: f.upn,
    displayName: displayNameOf(f),
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
    owner: null,
    exception: null,
    plan: planMigration(f, { recommendation }, context.plan ?? NO_PLAN_INPUTS, context.asOf),
  });
}
