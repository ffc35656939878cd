import type { IdentityFeatures, TenantFeatures } from '../features/identity-features.js';
import { automationFor, type AutomationIndex } from '../features/load-automation.js';
import type { IdentityAnalysis } from '../model/analysis.js';
import { classify } from './classify/classify.js';
import { assessImpact, type EnforcementDates } from './impact/impact.js';
import { recommend } from './recommend/recommend.js';

/** Everything one identity's analysis depends on besides its own features: the same for every identity of a run. */
export interface AnalysisContext {
  asOf: string;
  enforcement: EnforcementDates;
  tenant: TenantFeatures;
  /** Break-glass accounts from unattended.yaml. */
  breakGlass: readonly string[];
  automation: AutomationIndex;
}

function displayNameOf(features: IdentityFeatures): string {
  return features.displayName ?? features.upn ?? features.appId ?? features.id;
}

/** classify → impact → recommend for one identity. A pure function of its arguments, so it can run on any thread. */
export function analyseIdentity(f: IdentityFeatures, context: AnalysisContext): IdentityAnalysis {
  const classification = classify(f, { breakGlass: context.breakGlass, tenant: context.tenant });
  const impact = assessImpact(f, classification.class, { asOf: context.asOf, enforcement: context.enforcement, tenant: context.tenant });
  return {
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
    recommendation: recommend(f, classification.class, impact, context.asOf),
    owner: null,
    exception: null,
  };
}
