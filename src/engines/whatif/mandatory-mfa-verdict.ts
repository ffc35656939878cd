import { MFA_ERROR_CODES, MFA_POLICY_DEFINITIONS } from '../../catalog/enforcement.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import type { IdentityClass, Verdict } from '../../model/analysis.js';
import { choosePhase, disabledAccount, FAILING_DAYS, hasMoved, type ImpactContext, type PhaseId } from '../impact/impact.js';
import { daysBetween } from '../impact/phrases.js';
import { mandatoryPolicyId } from './mandatory-mfa-policies.js';
import { mergedBuckets, type PolicyTally, type TallyKey } from './tally.js';

/**
 * The mandatory-MFA verdict from what the two pseudo-policies (mandatory-mfa-policies.ts) did to an identity's sign-ins
 * and writes on the what-if engine, by the impact engine's rules: workload identities and accounts whose work has
 * moved are not affected; refused MFA writes, or in-scope sign-ins refused for want of MFA with no MFA success within
 * FAILING_DAYS after, are broken; portal sign-ins or ARM writes without MFA break on their phase's date; ARM sign-ins
 * without MFA and no write are at risk unless the identity has shown it completes MFA (then ready); sign-ins whose MFA
 * cannot be traced alone are at risk. A test holds it to assessImpact's verdict, phase and date for every identity of
 * the demo tenant, the scenarios and the Microsoft samples.
 */

export interface MandatoryVerdict {
  verdict: Verdict;
  breaksOn: string | null;
  phase: string | null;
}

const MFA_CODES = new Set(MFA_ERROR_CODES.map((entry) => entry.code));

function any(tallies: readonly (PolicyTally | undefined)[], match: (key: TallyKey) => boolean): { count: number; last: string | null } {
  let count = 0;
  let last: string | null = null;
  for (const tally of tallies) {
    const bucket = mergedBuckets(tally, match);
    if (bucket === null) continue;
    count += bucket.count;
    if (last === null || bucket.last > last) last = bucket.last;
  }
  return { count, last };
}

function verdictOf(verdict: Verdict, phase: string | null = null, breaksOn: string | null = null): MandatoryVerdict {
  return { verdict, breaksOn, phase };
}

export function mandatoryMfaVerdict(tallies: ReadonlyMap<string, PolicyTally> | undefined, f: IdentityFeatures, identityClass: IdentityClass, context: ImpactContext): MandatoryVerdict {
  if (f.kind !== 'user') return verdictOf('not-affected');
  // A disabled account cannot sign in: whatever a policy would do to its past sign-ins, unless it signed in since.
  const disabled = disabledAccount(f, context);
  if (disabled !== null && !disabled.signedInSince) return verdictOf('not-affected');
  if (hasMoved(f, identityClass, context.asOf)) return verdictOf('not-affected');
  const portal = tallies?.get(mandatoryPolicyId('phase1'));
  const arm = tallies?.get(mandatoryPolicyId('phase2'));
  const both = [portal, arm];

  const denied = mergedBuckets(arm, (key) => key.refused && key.subject === 'arm-write');
  const mfaRefused = (key: TallyKey): boolean => key.refused && key.subject === 'user-sign-in' && key.code !== null && MFA_CODES.has(key.code);
  const refused = any(both, mfaRefused);
  const satisfiedSignIns = any(both, (key) => !key.refused && key.subject === 'user-sign-in' && key.judgement === 'satisfied');
  const recovered = satisfiedSignIns.last !== null && refused.last !== null && daysBetween(satisfiedSignIns.last, refused.last) < FAILING_DAYS;
  if (denied !== null) {
    const definition = MFA_POLICY_DEFINITIONS.find((entry) => denied.definitions.some((ids) => ids.toLowerCase().includes(entry.id)));
    return verdictOf('broken', `policy:${definition?.id ?? 'mfa'}`);
  }
  if (refused.count > 0 && !recovered) return verdictOf('broken', any([portal], mfaRefused).count > 0 ? 'phase1' : 'phase2');

  const unmet = (key: TallyKey): boolean => !key.refused && (key.judgement === 'challenged' || key.judgement === 'fails');
  const phases: PhaseId[] = [];
  if (any([portal], (key) => unmet(key) && key.subject === 'user-sign-in').count > 0) phases.push('phase1');
  if (any([arm], (key) => unmet(key) && key.subject === 'arm-write').count > 0) phases.push('phase2');
  const chosen = choosePhase(phases, context);
  if (chosen) return verdictOf('breaks', chosen, context.enforcement[chosen]);

  const demonstrated = any(both, (key) => !key.refused && key.judgement === 'satisfied').count > 0;
  const armWithoutMfa = any([arm], (key) => !key.refused && key.subject === 'user-sign-in' && key.judgement === 'unknown:operations').count > 0;
  if (armWithoutMfa && !demonstrated) return verdictOf('at-risk', 'phase2');
  if (demonstrated) return verdictOf('ready');
  const untraced = (key: TallyKey): boolean => !key.refused && key.subject === 'user-sign-in' && key.judgement === 'unknown:session';
  if (any(both, untraced).count > 0) return verdictOf('at-risk', any([portal], untraced).count > 0 ? 'phase1' : 'phase2');
  return verdictOf('not-affected');
}
