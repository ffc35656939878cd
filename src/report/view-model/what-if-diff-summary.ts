import { VERDICTS, type Verdict, type WhatIfReport } from '../../model/analysis.js';
import type { WhatIfDiffView } from './view-types.js';

/** Newly failing identities listed in the overview (the most sign-ins first, as the what-if diff orders them). */
export const LISTED_NEWLY_FAILING = 200;

function verdictCounts(counts: Record<string, number>): Record<Verdict, number> {
  const made: Record<Verdict, number> = { broken: 0, breaks: 0, 'at-risk': 0, ready: 0, 'not-affected': 0 };
  for (const verdict of VERDICTS) made[verdict] = counts[verdict] ?? 0;
  return made;
}

/**
 * `analyze --what-if`'s top-level section as the views show it: the policies under test with their verdicts, who would
 * newly fail (each with the sign-ins that prove it and the code that signs in as it), and how far the evaluator
 * agrees with the results Entra recorded. The identities are counted in full and listed up to LISTED_NEWLY_FAILING:
 * a policy requiring MFA of everyone can fail tens of thousands.
 */
export function whatIfDiffSummary(report: WhatIfReport): WhatIfDiffView {
  const names = new Map(report.policies.map((policy) => [policy.id, policy.displayName ?? policy.id]));
  const { agreement } = report;
  return {
    policies: report.policies.map((policy) => ({
      id: policy.id, displayName: policy.displayName, state: policy.state, file: policy.file, replaces: policy.replaces, byVerdict: verdictCounts(policy.byVerdict),
    })),
    newlyFailing: {
      total: report.diff.identities.length,
      listed: report.diff.identities.slice(0, LISTED_NEWLY_FAILING).map((entry) => {
        const [proof] = entry.proof;
        return {
          id: entry.id,
          name: entry.upn ?? entry.displayName,
          class: entry.class,
          verdict: entry.verdict,
          policies: entry.policies.map((policy) => names.get(policy) ?? policy),
          signIns: entry.signIns,
          first: entry.first,
          last: entry.last,
          proof: proof === undefined ? null : `${proof.client ?? '?'} → ${proof.target ?? '?'} (${proof.signIn} at ${proof.at}, ${proof.records} ${proof.records === 1 ? 'record' : 'records'})`,
          automation: entry.automation.map((link) => `${link.file}:${link.line}`),
        };
      }),
    },
    agreement: {
      enabled: { ...agreement.enabled },
      reportOnly: { ...agreement.reportOnly },
      disabled: { ...agreement.disabled },
      notComparable: agreement.notComparable,
      disagreements: agreement.disagreements.length,
      undefinedPolicies: agreement.undefinedPolicies.length,
    },
    notes: [...report.notes],
  };
}
