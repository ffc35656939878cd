import type { AccessFacts, DirectoryFacts } from '../../../model/access-facts.js';
import type { Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';
import { applicationsCondition } from './applications.js';
import { clientAppTypesCondition } from './client-app-types.js';
import { clientApplicationsCondition, targetsWorkloads } from './client-applications.js';
import { authenticationFlowsCondition, devicesCondition } from './devices.js';
import { locationsCondition } from './locations.js';
import { platformsCondition } from './platforms.js';
import { insiderRiskCondition, signInRiskCondition, userRiskCondition } from './risk.js';
import { targetsUsers, usersCondition } from './users.js';

export type ConditionEvaluator = (policy: CaPolicy, facts: AccessFacts, directory: DirectoryFacts) => Answer;

/**
 * Who the policy is for: users (users and guests) or workload identities (clientApplications). The only condition that
 * reads who signed in (the principal, and the directory about them): policy-evaluations.ts relies on it.
 */
export function assignmentsCondition(policy: CaPolicy, facts: AccessFacts, directory: DirectoryFacts): Answer {
  if (facts.subject === 'workload-sign-in') return targetsWorkloads(policy) ? clientApplicationsCondition(policy, facts, directory) : 'no';
  return targetsUsers(policy) ? usersCondition(policy, facts, directory) : 'no';
}

/**
 * Every condition of a policy, in the order they are judged: a policy applies when all of them take the sign-in in.
 * Adding a condition = one evaluator (a file in this folder) + one line here.
 */
export const CONDITIONS: ReadonlyMap<string, ConditionEvaluator> = new Map<string, ConditionEvaluator>([
  ['assignments', assignmentsCondition],
  ['applications', (policy, facts) => applicationsCondition(policy, facts)],
  ['clientAppTypes', (policy, facts) => clientAppTypesCondition(policy, facts)],
  ['platforms', (policy, facts) => platformsCondition(policy, facts)],
  ['locations', locationsCondition],
  ['signInRisk', (policy, facts) => signInRiskCondition(policy, facts)],
  ['userRisk', (policy) => userRiskCondition(policy)],
  ['insiderRisk', (policy) => insiderRiskCondition(policy)],
  ['devices', (policy) => devicesCondition(policy)],
  ['authenticationFlows', (policy, facts) => authenticationFlowsCondition(policy, facts)],
]);
