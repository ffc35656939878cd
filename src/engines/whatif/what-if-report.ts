import { automationFor, type AutomationIndex } from '../../features/load-automation.js';
import type { IdentityClass, IdentityWhatIf, Verdict, WhatIfAgreementCount, WhatIfDiffEntry, WhatIfReport } from '../../model/analysis.js';
import { VERDICTS } from '../../model/analysis.js';
import type { Agreement } from './judge.js';
import type { WhatIfRun } from './run-what-if.js';

/** What the report needs of each analysed identity. */
export interface WhatIfIdentity {
  id: string;
  upn: string | null;
  displayName: string;
  class: IdentityClass;
  verdict: Verdict;
  kind: string;
  appId: string | null;
  whatIf: readonly Pick<IdentityWhatIf, 'policy' | 'verdict' | 'newlyFails'>[];
}

/**
 * What the report needs of an analysed identity, as an object literal: a copy made by spreading the identity and
 * adding `appId` and `whatIf` gets a hidden class of its own in V8, and the report reads every identity's `whatIf`
 * once per policy.
 */
export function whatIfIdentityOf(identity: Omit<WhatIfIdentity, 'appId' | 'whatIf'> & { whatIf?: WhatIfIdentity['whatIf'] }, appId: string | null): WhatIfIdentity {
  return { id: identity.id, upn: identity.upn, displayName: identity.displayName, class: identity.class, verdict: identity.verdict, kind: identity.kind, appId, whatIf: identity.whatIf ?? [] };
}

function rate(compared: number, agreed: number): WhatIfAgreementCount {
  return { compared, agreed, rate: compared === 0 ? null : agreed / compared };
}

/** The recorded results by the state of the policy compared: enabled, report-only, disabled. */
function agreementSummary(agreement: Agreement): WhatIfReport['agreement'] {
  const sum = (state: string): WhatIfAgreementCount => {
    const rows = agreement.byPolicy.filter((row) => row.state === state);
    return rate(rows.reduce((total, row) => total + row.compared, 0), rows.reduce((total, row) => total + row.agreed, 0));
  };
  return {
    enabled: sum('enabled'),
    reportOnly: sum('enabledForReportingButNotEnforced'),
    disabled: sum('disabled'),
    notComparable: agreement.byPolicy.reduce((total, row) => total + row.notComparable, 0),
    byPolicy: agreement.byPolicy.map((row) => ({ policy: row.policyId, displayName: row.displayName, state: row.state, origin: row.origin, compared: row.compared, agreed: row.agreed, notComparable: row.notComparable })),
    disagreements: agreement.disagreements.map((row) => ({
      policy: row.policyId,
      displayName: row.displayName,
      state: row.state,
      recorded: row.recorded,
      expected: row.expected,
      because: row.judgement,
      signIns: row.signIns,
      example: { signIn: row.example.id, at: row.example.at },
    })),
    undefinedPolicies: agreement.undefinedPolicies.map((row) => ({ policy: row.policyId, displayName: row.displayName, signIns: row.signIns })),
  };
}

function byOrder(a: WhatIfDiffEntry, b: WhatIfDiffEntry): number {
  if (a.signIns !== b.signIns) return b.signIns - a.signIns;
  const an = (a.upn ?? a.displayName).toLowerCase();
  const bn = (b.upn ?? b.displayName).toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The top of `analyze --what-if`'s answer: per policy under test, how many identities get each verdict; the
 * identities whose sign-ins would newly fail, with the sign-ins that prove it and the code that signs in as them; and
 * the agreement of the evaluator with the results Entra recorded for the existing policies.
 */
export function whatIfReport(run: WhatIfRun, identities: readonly WhatIfIdentity[], automation: AutomationIndex): WhatIfReport {
  const storedIds = new Set(run.stored.map((entry) => entry.policy.id));
  const policies = run.proposed.map((entry) => {
    const byVerdict: Record<string, number> = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0]));
    for (const identity of identities) {
      const found = identity.whatIf.find((item) => item.policy === entry.policy.id);
      const verdict = found?.verdict ?? 'not-affected';
      byVerdict[verdict] = (byVerdict[verdict] ?? 0) + 1;
    }
    return { id: entry.policy.id, displayName: entry.policy.displayName, state: entry.policy.state, file: entry.origin, replaces: storedIds.has(entry.policy.id), byVerdict };
  });
  const diff: WhatIfDiffEntry[] = [];
  for (const identity of identities) {
    const tallies = run.tallies.identities.get(identity.id);
    const failing = tallies?.newlyFailing;
    if (!tallies || !failing) continue;
    diff.push({
      id: identity.id,
      upn: identity.upn,
      displayName: identity.displayName,
      class: identity.class,
      verdict: identity.verdict,
      policies: [...tallies.newlyFailingBy],
      signIns: failing.count,
      first: failing.first,
      last: failing.last,
      proof: failing.proof.map((entry) => ({ signIn: entry.id, at: entry.at, client: entry.client, target: entry.target, records: entry.count })),
      automation: automationFor(automation, identity.upn, identity.kind === 'user' ? null : identity.appId),
    });
  }
  diff.sort(byOrder);
  const code = diff.flatMap((entry) => entry.automation.map((link) => ({ ...link, identity: entry.upn ?? entry.displayName })));
  code.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { policies, diff: { identities: diff, automation: code }, agreement: agreementSummary(run.tallies.agreement), notes: run.notes };
}
