import type { AccessFacts } from '../../../model/access-facts.js';
import { unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

/** Risk levels a sign-in can be logged with; 'hidden' (no Entra ID P2) and anything else cannot be compared. */
const LEVELS = new Set(['none', 'low', 'medium', 'high']);

function levelIn(levels: readonly string[], level: string | null, condition: string): Answer {
  if (levels.length === 0) return 'yes';
  if (level === null || !LEVELS.has(level)) return unknown(condition);
  return levels.includes(level) ? 'yes' : 'no';
}

/** signInRiskLevels (user sign-ins) and servicePrincipalRiskLevels (workload sign-ins), from the risk logged during the sign-in. */
export function signInRiskCondition(policy: CaPolicy, facts: AccessFacts): Answer {
  if (facts.subject === 'workload-sign-in') return levelIn(policy.conditions.servicePrincipalRiskLevels, facts.signInRisk, 'servicePrincipalRiskLevels');
  return levelIn(policy.conditions.signInRiskLevels, facts.signInRisk, 'signInRiskLevels');
}

/** userRiskLevels: a user's risk is in Identity Protection, not in any sign-in record. */
export function userRiskCondition(policy: CaPolicy): Answer {
  return policy.conditions.userRiskLevels.length === 0 ? 'yes' : unknown('userRiskLevels');
}

/** insiderRiskLevels (Purview adaptive protection) is in no export either. */
export function insiderRiskCondition(policy: CaPolicy): Answer {
  return policy.conditions.insiderRiskLevels === null ? 'yes' : unknown('insiderRiskLevels');
}
