import type { CaPolicy } from '../../model/conditional-access-policy.js';

/**
 * Where a policy acts: when a token is issued (every Conditional Access policy, and mandatory MFA's portal phase), or on
 * each Azure Resource Manager write (mandatory MFA's phase 2, enforced by ARM itself: reads pass, and a sign-in does
 * not say which it will be used for).
 */
export type EnforcementPoint = 'sign-in' | 'arm-write';

/** A policy the evaluator judges: the Graph object, where it is enforced, and where it came from (a file, the store, the catalog). */
export interface WhatIfPolicy {
  policy: CaPolicy;
  enforcedAt: EnforcementPoint;
  origin: string;
}
