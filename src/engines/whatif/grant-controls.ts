import { builtInStrength, methodCombinations } from '../../catalog/authentication-strengths.js';
import type { AccessFacts } from '../../model/access-facts.js';
import { allOf, anyOf, unknown, type Answer } from './answers.js';
import type { CaPolicy } from '../../model/conditional-access-policy.js';

type Grant = NonNullable<CaPolicy['grantControls']>;

/**
 * Whether what the sign-in did satisfied MFA. MFA carried by the session counts (the token holds the claim); a
 * sign-in whose session began before the data cannot be told either way (docs/sign-ins.md), so it is unknown, never
 * a failure.
 */
export function mfaSatisfied(facts: AccessFacts): Answer {
  if (facts.subject === 'workload-sign-in') return 'no';
  switch (facts.mfa) {
    case 'own-mfa':
    case 'session-mfa':
      return 'yes';
    case 'own-single':
    case 'session-single':
      return 'no';
    case 'untraced':
      return unknown('session');
    case null:
      return unknown('mfa');
  }
}

/** The combinations a strength allows: the policy's own list, else the built-in strength it names. */
function allowedCombinations(strength: NonNullable<Grant['authenticationStrength']>): readonly string[] | null {
  if (strength.allowedCombinations.length > 0) return strength.allowedCombinations.map((entry) => entry.replaceAll(' ', ''));
  return strength.id === null ? null : (builtInStrength(strength.id)?.allowedCombinations ?? null);
}

/**
 * An authentication strength: whether the sign-in's authentication was one of the allowed combinations. A single-factor
 * sign-in presented a password at most; an MFA one is judged by the method that satisfied MFA, own or of its session,
 * and is unknown when that method is not recorded (a claim carried from elsewhere) or may have been either of an
 * allowed and a refused combination.
 */
export function strengthSatisfied(strength: NonNullable<Grant['authenticationStrength']>, facts: AccessFacts): Answer {
  const allowed = allowedCombinations(strength);
  if (allowed === null) return unknown('grantControls.authenticationStrength');
  const mfa = mfaSatisfied(facts);
  if (mfa === 'no') return allowed.includes('password') && facts.subject !== 'workload-sign-in' ? 'yes' : 'no';
  if (mfa !== 'yes') return mfa;
  const candidates = methodCombinations(facts.mfaMethod);
  if (candidates === null) return unknown('grantControls.authenticationStrength');
  const hits = candidates.filter((combination) => allowed.includes(combination)).length;
  if (hits === candidates.length) return 'yes';
  return hits === 0 ? 'no' : unknown('grantControls.authenticationStrength');
}

function builtInControl(control: string, facts: AccessFacts): Answer {
  switch (control) {
    case 'mfa':
      return mfaSatisfied(facts);
    case 'compliantDevice':
      return facts.deviceCompliant === null ? unknown('grantControls.compliantDevice') : facts.deviceCompliant ? 'yes' : 'no';
    case 'domainJoinedDevice':
      if (facts.deviceTrustType === null) return facts.deviceCompliant === null ? unknown('grantControls.domainJoinedDevice') : 'no';
      return facts.deviceTrustType === 'hybridAzureAdJoined' ? 'yes' : 'no';
    default:
      // approvedApplication, compliantApplication, passwordChange: nothing in a sign-in record says.
      return unknown(`grantControls.${control}`);
  }
}

/** Whether the policy blocks access outright. */
export function blocks(policy: CaPolicy): boolean {
  return policy.grantControls?.builtInControls.includes('block') ?? false;
}

/** The controls a policy requires, as named in the evidence ("mfa", "compliantDevice", "authenticationStrength:Phishing-resistant MFA"). */
export function requiredControls(policy: CaPolicy): string[] {
  const grant = policy.grantControls;
  if (grant === null) return [];
  const strength = grant.authenticationStrength;
  return [
    ...grant.builtInControls,
    ...(strength ? [`authenticationStrength:${strength.displayName ?? (strength.id === null ? 'custom' : (builtInStrength(strength.id)?.name ?? strength.id))}`] : []),
    ...grant.customAuthenticationFactors.map((factor) => `custom:${factor}`),
    ...(grant.termsOfUse.length > 0 ? ['termsOfUse'] : []),
  ];
}

/**
 * Whether the sign-in satisfied the policy's grant controls (block aside), joined by the policy's operator: OR needs
 * one, AND all. A policy with no grant control (session controls only) asks for nothing.
 */
export function grantSatisfied(policy: CaPolicy, facts: AccessFacts): Answer {
  const grant = policy.grantControls;
  if (grant === null) return 'yes';
  const answers: Answer[] = grant.builtInControls.filter((control) => control !== 'block').map((control) => builtInControl(control, facts));
  if (grant.authenticationStrength !== null) answers.push(strengthSatisfied(grant.authenticationStrength, facts));
  if (grant.customAuthenticationFactors.length > 0) answers.push(unknown('grantControls.customAuthenticationFactors'));
  if (grant.termsOfUse.length > 0) answers.push(unknown('grantControls.termsOfUse'));
  if (answers.length === 0) return 'yes';
  return grant.operator === 'AND' ? allOf(answers) : anyOf(answers);
}
