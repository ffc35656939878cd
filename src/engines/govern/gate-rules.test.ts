import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.js';
import { policyLines } from '../../config/policy-lines.js';
import type { GateRuleId } from '../../model/gate.js';
import type { AutomationFinding, GovernanceState, GovernedIdentity } from '../../model/governance.js';
import { GATE_RULES } from './gate-rules.js';
import { governancePolicy } from './governance-policy.js';
import { governanceState } from './governance-state.js';
import { governIdentity } from './govern-identity.js';
import { runGate } from './run-gate.js';

const POLICY_TEXT = `gate:
  maxExceptionDays: 60
  expiringWithinDays: 10
owners:
  - upn: svc-backup@contoso.com
    owner: { team: Storage, approvers: [head@contoso.com] }
  - path: "pipelines/**"
    owner: { team: DevEx }
  - upn: svc-vm-cli@contoso.com
    owner: null
exceptions:
  - identity: svc-backup@contoso.com
    reason: vendor agent until 4.2
    approver: head@contoso.com
    created: 2026-10-01
    expires: 2026-11-27
    untilMigrationOf: backup-agent
  - identity: svc-old@contoso.com
    reason: forgotten
    approver: head@contoso.com
    created: 2026-08-01
    expires: 2026-09-30
  - path: "pipelines/legacy/*.yml"
    reason: no approver yet
    created: 2026-11-01
    expires: 2026-12-01
  - identity: AZ_USER
    reason: far too long
    approver: head@contoso.com
    created: 2026-06-01
    expires: 2026-12-31
retirements:
  - identity: svc-stale@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-11-01
  - identity: svc-zombie@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-11-01
`;
const config = parseConfig(POLICY_TEXT, 'unattended.yaml');
const policy = governancePolicy(config);
const AS_OF = '2026-11-20T23:59:59.000Z';

function identity(upn: string, cls: GovernedIdentity['class'], verdict: GovernedIdentity['verdict'], activity: { lastSuccess?: string } = {}): GovernedIdentity {
  const governed = governIdentity({ id: `id-${upn}`, kind: 'user', upn, displayName: upn, appId: null, lastSuccess: activity.lastSuccess ?? null, lastOperation: null }, policy, AS_OF);
  return {
    id: `id-${upn}`, upn, displayName: upn, kind: 'user', class: cls, verdict, breaksOn: verdict === 'breaks' ? '2026-12-15' : null,
    ownerTeam: governed.owner?.team ?? null, ownerMatch: governed.owner ? `${governed.owner.matchedBy.kind}:${governed.owner.matchedBy.value}` : null,
    exceptionState: governed.exception?.state ?? null, exceptionExpires: governed.exception?.expires ?? null, exceptionApprover: governed.exception?.approver ?? null,
    retiredOn: governed.retirement?.date ?? null, retiredActive: governed.retirement?.stillActive ?? null, lastActivity: governed.retirement?.lastActivity ?? null,
    planStage: null, breakingAutomation: [],
  };
}

const IDENTITIES = [
  identity('svc-backup@contoso.com', 'service-account', 'breaks'),
  identity('svc-vm-cli@contoso.com', 'service-account', 'broken'),
  identity('svc-stale@contoso.com', 'service-account', 'not-affected', { lastSuccess: '2026-05-04T02:00:00.000Z' }),
  identity('svc-zombie@contoso.com', 'service-account', 'breaks', { lastSuccess: '2026-11-19T02:00:00.000Z' }),
  identity('anna@contoso.com', 'human', 'ready'),
];

function finding(file: string, line: number, identityKind: AutomationFinding['identityKind'], identityValue: string | null): AutomationFinding {
  return { file, line, rule: 'shell/az-login-user-password', authMethod: 'user-password', identityKind, identityValue };
}

const FINDINGS = [
  finding('jobs/backup.ps1', 12, 'upn', 'svc-backup@contoso.com'),
  finding('jobs/vm.sh', 3, 'upn', 'svc-vm-cli@contoso.com'),
  finding('pipelines/legacy/deploy.yml', 20, 'env-var', 'AZ_USER'),
  finding('pipelines/release.yml', 8, 'secret-ref', 'DEPLOY_PASSWORD'),
];

function state(findings: readonly AutomationFinding[] = FINDINGS): GovernanceState {
  return governanceState({
    asOf: AS_OF, tenantId: null, enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' }, inputsDigest: 'x',
    policy: { path: 'unattended.yaml', text: POLICY_TEXT, config }, governance: policy, hasStore: true, identities: IDENTITIES, findings,
  });
}

function gate(current: GovernanceState, baseline: GovernanceState | null = null) {
  return runGate({ state: current, baseline, config, policyPath: 'unattended.yaml', lines: policyLines(POLICY_TEXT), thresholds: policy.gate, day: '2026-11-20' }, null);
}

function ofRule(rule: GateRuleId, current = state(), baseline: GovernanceState | null = null): string[] {
  return gate(current, baseline).findings.filter((found) => found.rule === rule).map((found) => `${found.level} ${found.file ?? '-'}:${found.line ?? '-'} ${found.subject} | ${found.message}`);
}

describe('gate rules, each with its exact findings', () => {
  it('identity-without-owner: a service account no rule owns (owner: null is no owner); retired ones and people are exempt', () => {
    expect(ofRule('identity-without-owner')).toEqual([
      'error unattended.yaml:4 svc-vm-cli@contoso.com | svc-vm-cli@contoso.com (service-account, already broken) has no owner',
    ]);
  });

  it('automation-without-owner: breaking code whose account and file no rule owns', () => {
    expect(ofRule('automation-without-owner')).toEqual([
      'error jobs/vm.sh:3 jobs/vm.sh:3 | jobs/vm.sh:3 signs in as svc-vm-cli@contoso.com with user-password (shell/az-login-user-password) and has no owner',
    ]);
  });

  it('exception-expired: an exception past its last day, pointing at its entry in the policy', () => {
    expect(ofRule('exception-expired')).toEqual([
      'error unattended.yaml:18 svc-old@contoso.com | the exception for svc-old@contoso.com expired on 2026-09-30 (51 days ago)',
    ]);
  });

  it('exception-without-approver', () => {
    expect(ofRule('exception-without-approver')).toEqual([
      'error unattended.yaml:23 pipelines/legacy/*.yml | the exception for pipelines/legacy/*.yml has no approver',
    ]);
  });

  it('exception-too-long: longer than gate.maxExceptionDays, or ending before it starts', () => {
    expect(ofRule('exception-too-long')).toEqual([
      'error unattended.yaml:27 AZ_USER | the exception for AZ_USER lasts 213 days (2026-06-01 to 2026-12-31), more than the maximum of 60',
    ]);
    const backwards = parseConfig('exceptions:\n  - identity: x\n    reason: r\n    approver: a\n    created: 2026-11-02\n    expires: 2026-11-01\n', 'p.yaml');
    const found = runGate({ state: state([]), baseline: null, config: backwards, policyPath: 'p.yaml', lines: policyLines('exceptions:\n  - identity: x\n'), thresholds: policy.gate, day: '2026-11-20' }, null).findings;
    expect(found.filter((f) => f.rule === 'exception-too-long').map((f) => f.message)).toEqual(['the exception for x expires (2026-11-01) before it was created (2026-11-02)']);
  });

  it('retired-identity-active: still signing in on or after its retirement day', () => {
    expect(ofRule('retired-identity-active')).toEqual([
      'error unattended.yaml:36 svc-zombie@contoso.com | svc-zombie@contoso.com was retired from 2026-11-01 (decided by it-ops@contoso.com) but was active on 2026-11-19',
    ]);
  });

  it('new-breaking-automation: code not in the baseline (file, rule and account; a moved line is not new), nothing without a baseline', () => {
    const baseline = state(FINDINGS.slice(0, 3).map((entry) => (entry.file === 'jobs/vm.sh' ? { ...entry, line: 40 } : entry)));
    expect(ofRule('new-breaking-automation', state(), baseline)).toEqual([
      'error pipelines/release.yml:8 pipelines/release.yml:8 | pipelines/release.yml:8 is new since the baseline: it signs in as the account in DEPLOY_PASSWORD with user-password (shell/az-login-user-password)',
    ]);
    expect(ofRule('new-breaking-automation', state(), null)).toEqual([]);
    // A second copy of the same login in the same file is new too.
    expect(ofRule('new-breaking-automation', state([...FINDINGS, finding('jobs/backup.ps1', 30, 'upn', 'svc-backup@contoso.com')]), state())).toEqual([
      'error jobs/backup.ps1:30 jobs/backup.ps1:30 | jobs/backup.ps1:30 is new since the baseline: it signs in as svc-backup@contoso.com with user-password (shell/az-login-user-password)',
    ]);
  });

  it('breaking-automation-not-excepted: no exception, or one not in force (an exception by path or variable name counts)', () => {
    expect(ofRule('breaking-automation-not-excepted')).toEqual([
      'error jobs/vm.sh:3 jobs/vm.sh:3 | jobs/vm.sh:3 signs in as svc-vm-cli@contoso.com with user-password (shell/az-login-user-password), which mandatory MFA breaks, and no exception covers it',
      'error pipelines/release.yml:8 pipelines/release.yml:8 | pipelines/release.yml:8 signs in as the account in DEPLOY_PASSWORD with user-password (shell/az-login-user-password), which mandatory MFA breaks, and no exception covers it',
    ]);
    const later = governanceState({ ...state(), asOf: '2026-12-20T00:00:00.000Z', policy: { path: 'unattended.yaml', text: POLICY_TEXT, config }, governance: policy, identities: IDENTITIES, findings: FINDINGS.slice(0, 1) });
    expect(later.automation.map((entry) => [entry.exceptedBy, entry.exceptionState])).toEqual([['identity:svc-backup@contoso.com', 'expired']]);
    expect(ofRule('breaking-automation-not-excepted', later)).toEqual([
      'error jobs/backup.ps1:12 jobs/backup.ps1:12 | jobs/backup.ps1:12 signs in as svc-backup@contoso.com with user-password (shell/az-login-user-password), which mandatory MFA breaks, and its exception (identity:svc-backup@contoso.com) is expired',
    ]);
  });

  it('exception-expiring: a warning, which does not fail the gate alone', () => {
    expect(ofRule('exception-expiring')).toEqual([
      'warning unattended.yaml:12 svc-backup@contoso.com | the exception for svc-backup@contoso.com expires on 2026-11-27 (in 7 days), waiting for the migration of backup-agent',
    ]);
    const quiet = parseConfig(POLICY_TEXT.split('\n  - identity: svc-old@contoso.com')[0] ?? '', 'unattended.yaml');
    const onlyWarning = runGate({ state: state([]), baseline: null, config: quiet, policyPath: 'unattended.yaml', lines: policyLines(POLICY_TEXT), thresholds: policy.gate, day: '2026-11-20' }, null);
    expect(onlyWarning.findings.filter((f) => f.rule !== 'identity-without-owner' && f.rule !== 'retired-identity-active').map((f) => f.rule)).toEqual(['exception-expiring']);
  });

  it('lists every rule once, in the order the findings are reported', () => {
    expect([...GATE_RULES.keys()]).toEqual([
      'identity-without-owner', 'automation-without-owner', 'exception-expired', 'exception-without-approver', 'exception-too-long',
      'retired-identity-active', 'new-breaking-automation', 'breaking-automation-not-excepted', 'exception-expiring',
    ]);
    expect(gate(state()).passed).toBe(false);
  });
});
