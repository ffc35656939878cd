import type { AccessFacts, DirectoryFacts } from '../../model/access-facts.js';
import type { Answer } from './answers.js';
import { assignmentsCondition } from './conditions/registry.js';
import { evaluatePolicy, type PolicyEvaluation } from './evaluate-policy.js';
import type { WhatIfPolicy } from './what-if-policy.js';

/**
 * evaluatePolicy, remembered. A tenant's combinations are many (one per principal and facts: 47,000 for a million
 * sign-ins) but their facts apart from the principal are few, and only the assignments condition (users, groups,
 * roles, guests; service principals) reads who signed in. So a policy's evaluation of a combination is the one it gave
 * any earlier combination with the same assignments answer and the same other facts: judged once, looked up after.
 */

/** A combination's facts as two numbers, worked out once for every policy. */
export interface FactsKeys {
  /** Stands for every fact the assignments condition reads. */
  who: number;
  /** Stands for every fact but the principal: what the other conditions and the grant controls read. */
  rest: number;
}

interface PolicyMemo {
  /** who → the assignments answer (as answerKey). */
  assignments: Map<number, string>;
  /** rest → assignments answer → evaluation. */
  evaluations: Map<number, Map<string, PolicyEvaluation>>;
}

function answerKey(answer: Answer): string {
  return typeof answer === 'string' ? answer : `unknown:${answer.unknown}`;
}

function interned(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** Evaluations under one directory. */
export class PolicyEvaluations {
  private readonly directory: DirectoryFacts;
  private readonly memos = new Map<WhatIfPolicy, PolicyMemo>();
  private readonly whoIds = new Map<string, number>();
  private readonly restIds = new Map<string, number>();
  /** The same answer key is one string, so that the maps keyed by it do not hash a new one each time. */
  private readonly answerKeys = new Map<string, string>();

  constructor(directory: DirectoryFacts) {
    this.directory = directory;
  }

  keys(facts: AccessFacts): FactsKeys {
    const who = JSON.stringify([facts.subject, facts.principalId, facts.userType, facts.crossTenantAccessType, facts.homeTenantId, facts.resourceTenantId]);
    const rest = JSON.stringify([
      facts.subject, facts.interactive, facts.protocol, facts.clientAppId, facts.resourceId, facts.clientAppUsed, facts.deviceOs, facts.deviceCompliant,
      facts.deviceTrustType, facts.ipLocations, facts.country, facts.signInRisk, facts.userType, facts.crossTenantAccessType, facts.homeTenantId,
      facts.resourceTenantId, facts.errorCode, facts.mfa, facts.mfaMethod,
    ]);
    return { who: interned(this.whoIds, who), rest: interned(this.restIds, rest) };
  }

  /** The evaluation of `facts`, whose keys are `keys` (from keys()). */
  evaluate(entry: WhatIfPolicy, facts: AccessFacts, keys: FactsKeys): PolicyEvaluation {
    let memo = this.memos.get(entry);
    if (!memo) {
      memo = { assignments: new Map(), evaluations: new Map() };
      this.memos.set(entry, memo);
    }
    let assigned = memo.assignments.get(keys.who);
    if (assigned === undefined) {
      const key = answerKey(assignmentsCondition(entry.policy, facts, this.directory));
      assigned = this.answerKeys.get(key) ?? key;
      this.answerKeys.set(key, assigned);
      memo.assignments.set(keys.who, assigned);
    }
    let byAnswer = memo.evaluations.get(keys.rest);
    if (!byAnswer) {
      byAnswer = new Map();
      memo.evaluations.set(keys.rest, byAnswer);
    }
    let found = byAnswer.get(assigned);
    if (!found) {
      found = evaluatePolicy(entry, facts, this.directory);
      byAnswer.set(assigned, found);
    }
    return found;
  }
}
