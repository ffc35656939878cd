import { signInErrorStage } from '../../catalog/conditional-access.js';
import type { AccessFacts, DirectoryFacts } from '../../model/access-facts.js';
import { allOf, isUnknown, type Answer } from './answers.js';
import { CONDITIONS } from './conditions/registry.js';
import { blocks, grantSatisfied } from './grant-controls.js';
import type { WhatIfPolicy } from './what-if-policy.js';

/**
 * What a policy does to one combination of access facts:
 * - `not-applied`: a condition leaves it out (or it never reached Conditional Access: failed at the first factor);
 * - `satisfied`: it applies and what happened met its controls;
 * - `challenged`: it applies, what happened did not meet them, and a person was there to answer a prompt;
 * - `fails`: the same with nobody to answer: a token refresh, a password grant, a write;
 * - `blocked`: it applies and blocks;
 * - `unknown:<condition>`: the data cannot answer whether it applies or is met.
 * `not-applied` and `satisfied` are the issue's `unaffected`.
 */
export type Judgement = 'not-applied' | 'satisfied' | 'challenged' | 'fails' | 'blocked' | `unknown:${string}`;

export type Outcome = 'unaffected' | 'challenged' | 'fails' | 'blocked' | `unknown:${string}`;

export function outcomeOf(judgement: Judgement): Outcome {
  return judgement === 'not-applied' || judgement === 'satisfied' ? 'unaffected' : judgement;
}

export interface PolicyEvaluation {
  applies: Answer;
  /** Whether the grant controls were met (block aside); 'yes' when the policy does not apply. */
  satisfied: Answer;
  judgement: Judgement;
}

function unknownOf(answer: { unknown: string }): Judgement {
  return `unknown:${answer.unknown}`;
}

/** Whether the sign-in reached Conditional Access: one that failed at the first factor never did. */
export function reachedConditionalAccess(facts: AccessFacts): boolean {
  return facts.errorCode === 0 || signInErrorStage(facts.errorCode) !== 'first-factor';
}

/** Whether the policy's conditions take these facts in (every condition, in the registry's order). */
export function policyApplies(entry: WhatIfPolicy, facts: AccessFacts, directory: DirectoryFacts): Answer {
  if (facts.subject === 'arm-write' && entry.enforcedAt === 'sign-in') return 'no';
  if (!reachedConditionalAccess(facts)) return 'no';
  const answers: Answer[] = [];
  for (const condition of CONDITIONS.values()) {
    const answer = condition(entry.policy, facts, directory);
    // A condition that leaves the sign-in out settles it, whatever another cannot answer.
    if (answer === 'no') return 'no';
    answers.push(answer);
  }
  return allOf(answers);
}

function unmet(entry: WhatIfPolicy, facts: AccessFacts): Judgement {
  // Enforced on writes: a sign-in without MFA fails only at its first write, which the sign-in does not show.
  if (entry.enforcedAt === 'arm-write' && facts.subject !== 'arm-write') return 'unknown:operations';
  const answerable = facts.subject === 'user-sign-in' && facts.interactive && facts.protocol !== 'ropc';
  return answerable ? 'challenged' : 'fails';
}

/** Judge one policy against one combination of facts (the policy's state aside: see expectedEntraResult). */
export function evaluatePolicy(entry: WhatIfPolicy, facts: AccessFacts, directory: DirectoryFacts): PolicyEvaluation {
  const applies = policyApplies(entry, facts, directory);
  if (applies === 'no') return { applies, satisfied: 'yes', judgement: 'not-applied' };
  if (blocks(entry.policy)) return { applies, satisfied: 'no', judgement: isUnknown(applies) ? unknownOf(applies) : 'blocked' };
  const satisfied = grantSatisfied(entry.policy, facts);
  // Met whether or not it applies: nothing changes for this sign-in.
  if (satisfied === 'yes') return { applies, satisfied, judgement: applies === 'yes' ? 'satisfied' : 'not-applied' };
  if (isUnknown(applies)) return { applies, satisfied, judgement: unknownOf(applies) };
  if (isUnknown(satisfied)) return { applies, satisfied, judgement: unknownOf(satisfied) };
  return { applies, satisfied, judgement: unmet(entry, facts) };
}

/** The result Entra records for a policy in a sign-in's appliedConditionalAccessPolicies (camelCase). */
export type EntraResult = 'success' | 'failure' | 'notApplied' | 'notEnabled' | 'reportOnlySuccess' | 'reportOnlyFailure' | 'reportOnlyNotApplied' | 'reportOnlyInterrupted';

/**
 * The result Entra would record for this policy on this sign-in, from the evaluation and the policy's state:
 * notEnabled when disabled; notApplied when it does not apply (or the sign-in failed at the first factor); success when
 * met; failure when blocked or not met; report-only results for a report-only policy. Null when the evaluation cannot
 * say (an unknown condition), or the sign-in failed with an error that does not say whether the policies were reached.
 */
export function expectedEntraResult(entry: WhatIfPolicy, evaluation: PolicyEvaluation, facts: AccessFacts): EntraResult | null {
  const state = entry.policy.state;
  if (state === 'disabled') return 'notEnabled';
  const reportOnly = state === 'enabledForReportingButNotEnforced';
  if (facts.errorCode !== 0 && signInErrorStage(facts.errorCode) === null) return null;
  let result: 'success' | 'failure' | 'notApplied';
  if (evaluation.applies === 'no') result = 'notApplied';
  else if (isUnknown(evaluation.applies)) return null;
  else if (evaluation.judgement === 'blocked' || evaluation.satisfied === 'no') result = 'failure';
  else if (evaluation.satisfied === 'yes') result = 'success';
  else return null;
  if (!reportOnly) return result;
  return result === 'success' ? 'reportOnlySuccess' : result === 'failure' ? 'reportOnlyFailure' : 'reportOnlyNotApplied';
}

/** Recorded results compared as Entra means them: an interrupted report-only sign-in is one the policy would have stopped. */
export function comparableEntraResult(recorded: string): string {
  return recorded === 'reportOnlyInterrupted' ? 'reportOnlyFailure' : recorded;
}
