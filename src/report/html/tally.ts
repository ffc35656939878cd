import type { IdentityAnalysis, IdentityClass, Verdict } from '../../model/analysis.js';
import { CLASS_ORDER } from '../presentation.js';

export interface Tally {
  total: number;
  byVerdict: Record<Verdict, number>;
  byClass: Record<IdentityClass, number>;
  matrix: Record<IdentityClass, Record<Verdict, number>>;
}

function zeroVerdicts(): Record<Verdict, number> {
  return { broken: 0, breaks: 0, 'at-risk': 0, ready: 0, 'not-affected': 0 };
}

/** Counted from the identity list itself, so the cards, the matrix and the table can never disagree. */
export function tally(identities: readonly IdentityAnalysis[]): Tally {
  const matrix: Record<IdentityClass, Record<Verdict, number>> = {
    'service-account': zeroVerdicts(), 'break-glass': zeroVerdicts(), human: zeroVerdicts(), 'workload-identity': zeroVerdicts(), unknown: zeroVerdicts(),
  };
  const byVerdict = zeroVerdicts();
  const byClass: Record<IdentityClass, number> = { 'service-account': 0, 'break-glass': 0, human: 0, 'workload-identity': 0, unknown: 0 };
  for (const identity of identities) {
    matrix[identity.class][identity.verdict] += 1;
    byVerdict[identity.verdict] += 1;
    byClass[identity.class] += 1;
  }
  return { total: identities.length, byVerdict, byClass, matrix };
}

/** Classes that have at least one identity, in report order. */
export function presentClasses(counts: Tally): IdentityClass[] {
  return CLASS_ORDER.filter((identityClass) => counts.byClass[identityClass] > 0);
}
