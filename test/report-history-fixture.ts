import type { WhatIfReport } from '../src/model/analysis.js';
import type { GovernanceDiff, SnapshotHistory } from '../src/model/governance-diff.js';
import type { SnapshotMeta } from '../src/model/governance.js';

/** Hostile text in the what-if and snapshot views: each must be shown as the characters it is. */
export const HOSTILE_HISTORY = {
  policy: 'Require MFA <img src=x onerror=alert(11)>',
  subject: '</script><script>alert(12)</script>',
  team: 'Team\u202eevil',
} as const;

const NONE = { compared: 0, agreed: 0, rate: null };

/** `analyze --what-if` with one proposed policy that two identities of the fixture would newly fail. */
export function fixtureWhatIf(): WhatIfReport {
  const proof = (signIn: string, records: number) => [{ signIn, at: '2026-10-22T00:05:29.943Z', client: 'Microsoft Azure CLI', target: 'Windows Azure Service Management API', records }];
  return {
    policies: [{ id: 'd2e3e15f-0000-4000-8000-000000000001', displayName: HOSTILE_HISTORY.policy, state: 'reportOnly', file: 'what-if.json', replaces: false, byVerdict: { breaks: 2, 'at-risk': 1, 'not-affected': 13 } }],
    diff: {
      identities: [
        {
          id: '11111111-0000-0000-0000-000000000001', upn: 'svc-vm-cli@contoso.example', displayName: 'svc-vm-cli', class: 'service-account', verdict: 'breaks',
          policies: ['d2e3e15f-0000-4000-8000-000000000001'], signIns: 930, first: '2026-10-22T00:05:29.943Z', last: '2026-11-20T23:05:00.000Z', proof: proof('656612f6', 479),
          automation: [{ file: 'scripts/rotate-vms.sh', line: 12, authMethod: 'user-password' }],
        },
        {
          id: '11111111-0000-0000-0000-000000000010', upn: null, displayName: HOSTILE_HISTORY.subject, class: 'human', verdict: 'not-affected',
          policies: ['d2e3e15f-0000-4000-8000-000000000001'], signIns: 1, first: '2026-11-02T10:00:00.000Z', last: '2026-11-02T10:00:00.000Z', proof: proof('0b1c', 1), automation: [],
        },
      ],
      automation: [{ file: 'scripts/rotate-vms.sh', line: 12, authMethod: 'user-password', identity: 'svc-vm-cli@contoso.example' }],
    },
    agreement: { enabled: { compared: 1200, agreed: 1188, rate: 0.99 }, reportOnly: NONE, disabled: NONE, notComparable: 4, byPolicy: [], disagreements: [], undefinedPolicies: [] },
    notes: [],
  };
}

function meta(id: number, command: SnapshotMeta['command'], takenAt: string, gateProblems: number | null): SnapshotMeta {
  return { id, takenAt, command, asOf: '2026-11-20T23:59:59.000Z', inputsDigest: 'digest', policyPath: 'unattended.yaml', gateProblems };
}

/** Three snapshots: an analyze, a failing check, then an analyze after an owner was named and an account migrated. */
export function fixtureHistory(): SnapshotHistory {
  const first = meta(1, 'analyze', '2026-11-18T08:00:00.000Z', null);
  const second = meta(2, 'check', '2026-11-19T08:00:00.000Z', 3);
  const third = meta(3, 'analyze', '2026-11-21T08:00:00.000Z', null);
  const latest: GovernanceDiff = {
    from: second, to: third, policyChanged: true,
    newServiceAccounts: [], newBreakingAutomation: [], removedBreakingAutomation: [],
    verdictChanges: [{ id: '11111111-0000-0000-0000-000000000003', name: 'svc-inventory@contoso.example', class: 'service-account', before: { verdict: 'breaks', breaksOn: '2026-12-15' }, after: { verdict: 'not-affected', breaksOn: null } }],
    ownerChanges: [{ subject: HOSTILE_HISTORY.subject, kind: 'identity', before: null, after: HOSTILE_HISTORY.team, rule: 'pattern:svc-*' }],
    exceptionChanges: [], retirementChanges: [], stageChanges: [], expiringExceptions: [], expiredExceptions: [],
    missingOwners: [{ subject: 'svc-deploy-legacy@contoso.example', kind: 'identity', detail: 'service-account, broken', since: 'earlier' }],
    retiredStillActive: [],
  };
  return {
    points: [
      { meta: first, identities: 16, serviceAccounts: { broken: 1, breaks: 3, 'at-risk': 1, ready: 0, 'not-affected': 0 } },
      { meta: second, identities: 16, serviceAccounts: { broken: 1, breaks: 3, 'at-risk': 1, ready: 0, 'not-affected': 0 } },
      { meta: third, identities: 16, serviceAccounts: { broken: 1, breaks: 2, 'at-risk': 1, ready: 0, 'not-affected': 1 } },
    ],
    latest,
  };
}
