import { describe, expect, it } from 'vitest';
import type { WhatIfDiffEntry, WhatIfReport } from '../../model/analysis.js';
import { LISTED_NEWLY_FAILING, whatIfDiffSummary } from './what-if-diff-summary.js';

const NONE = { compared: 0, agreed: 0, rate: null };

function entry(n: number): WhatIfDiffEntry {
  return {
    id: `id-${n}`, upn: n === 0 ? null : `svc-${n}@contoso.com`, displayName: `Service ${n}`, class: 'service-account', verdict: 'breaks', policies: ['p-1', 'p-unknown'],
    signIns: 1000 - n, first: '2026-10-22T00:00:00.000Z', last: '2026-11-20T00:00:00.000Z',
    proof: n === 1 ? [] : [{ signIn: `si-${n}`, at: '2026-10-22T00:05:00.000Z', client: n === 2 ? null : 'Microsoft Azure CLI', target: 'Windows Azure Service Management API', records: n === 3 ? 1 : 479 }],
    automation: n === 0 ? [{ file: 'jobs/rotate.sh', line: 2, authMethod: 'user-password' }] : [],
  };
}

const REPORT: WhatIfReport = {
  policies: [{ id: 'p-1', displayName: 'Require MFA', state: 'reportOnly', file: 'mfa.json', replaces: true, byVerdict: { breaks: 4, ready: 2 } }],
  diff: { identities: Array.from({ length: LISTED_NEWLY_FAILING + 5 }, (_, n) => entry(n)), automation: [] },
  agreement: {
    enabled: { compared: 40, agreed: 39, rate: 0.975 }, reportOnly: NONE, disabled: NONE, notComparable: 7, byPolicy: [],
    disagreements: [{ policy: 'p-9', displayName: null, state: 'enabled', recorded: 'success', expected: 'failure', because: 'x', signIns: 1, example: { signIn: 's', at: 't' } }],
    undefinedPolicies: [],
  },
  notes: ['a stored policy could not be read'],
};

describe('whatIfDiffSummary', () => {
  const view = whatIfDiffSummary(REPORT);

  it('gives each policy every verdict, zero where the analysis counted none', () => {
    expect(view.policies).toEqual([{ id: 'p-1', displayName: 'Require MFA', state: 'reportOnly', file: 'mfa.json', replaces: true, byVerdict: { broken: 0, breaks: 4, 'at-risk': 0, ready: 2, 'not-affected': 0 } }]);
  });

  it('counts every newly failing identity and lists the first ones, policies by name, the first proof in one line', () => {
    expect(view.newlyFailing.total).toBe(LISTED_NEWLY_FAILING + 5);
    expect(view.newlyFailing.listed).toHaveLength(LISTED_NEWLY_FAILING);
    expect(view.newlyFailing.listed.slice(0, 4)).toEqual([
      { id: 'id-0', name: 'Service 0', class: 'service-account', verdict: 'breaks', policies: ['Require MFA', 'p-unknown'], signIns: 1000, first: '2026-10-22T00:00:00.000Z', last: '2026-11-20T00:00:00.000Z', proof: 'Microsoft Azure CLI → Windows Azure Service Management API (si-0 at 2026-10-22T00:05:00.000Z, 479 records)', automation: ['jobs/rotate.sh:2'] },
      expect.objectContaining({ name: 'svc-1@contoso.com', proof: null, automation: [] }),
      expect.objectContaining({ proof: '? → Windows Azure Service Management API (si-2 at 2026-10-22T00:05:00.000Z, 479 records)' }),
      expect.objectContaining({ proof: 'Microsoft Azure CLI → Windows Azure Service Management API (si-3 at 2026-10-22T00:05:00.000Z, 1 record)' }),
    ]);
  });

  it('keeps the agreement counts and notes, the disagreements and undefined policies counted', () => {
    expect(view.agreement).toEqual({ enabled: { compared: 40, agreed: 39, rate: 0.975 }, reportOnly: NONE, disabled: NONE, notComparable: 7, disagreements: 1, undefinedPolicies: 0 });
    expect(view.notes).toEqual(['a stored policy could not be read']);
  });
});
