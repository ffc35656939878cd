import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.js';
import { governancePolicy } from './governance-policy.js';
import { governIdentity, type GovernedSubject } from './govern-identity.js';

const POLICY = parseConfig(
  `gate: { expiringWithinDays: 10 }
owners:
  - pattern: "svc-*@contoso.com"
    owner: { team: Platform }
  - upn: svc-backup@contoso.com
    owner: { team: Storage, process: Nightly backups, contacts: [storage@contoso.com], approvers: [head@contoso.com] }
  - upn: svc-vm-cli@contoso.com
    owner: null
  - tag: team:payments
    owner: { team: Payments }
  - id: F0F0F0F0-0000-4000-8000-000000000001
    owner: { team: Billing }
  - pattern: "github-*"
    owner: { team: DevEx }
exceptions:
  - identity: SVC-BACKUP@contoso.com
    reason: vendor agent
    approver: head@contoso.com
    created: 2026-10-01
    expires: 2026-11-27
  - identity: svc-backup@contoso.com
    reason: older one
    created: 2026-08-01
    expires: 2026-09-30
  - identity: svc-late@contoso.com
    reason: not yet
    created: 2026-12-01
    expires: 2026-12-31
retirements:
  - identity: svc-stale@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-11-01
  - identity: svc-zombie@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-11-01
    reason: replaced by a managed identity
`,
  'u.yaml',
);

const policy = governancePolicy(POLICY, new Map([['sp-2', ['team:payments', 'windowsazureactivedirectoryintegratedapp']]]));
const AS_OF = '2026-11-20T23:59:59.000Z';

function user(upn: string, extra: Partial<GovernedSubject> = {}): GovernedSubject {
  return { id: `id-${upn}`, kind: 'user', upn, displayName: upn, appId: null, lastSuccess: null, lastOperation: null, ...extra };
}

function workload(id: string, displayName: string, appId: string): GovernedSubject {
  return { id, kind: 'servicePrincipal', upn: null, displayName, appId, lastSuccess: null, lastOperation: null };
}

describe('governIdentity', () => {
  it('gives the owner of the most specific rule: id, then UPN, then tag, then the first pattern', () => {
    const owners = [
      user('svc-backup@contoso.com'),
      user('svc-inventory@contoso.com'),
      user('svc-vm-cli@contoso.com'),
      user('anna@contoso.com'),
      workload('sp-1', 'billing-export', 'f0f0f0f0-0000-4000-8000-000000000001'),
      workload('sp-2', 'github-payments', 'a1'),
      workload('sp-3', 'github-deploy', 'a2'),
    ].map((subject) => {
      const owner = governIdentity(subject, policy, AS_OF).owner;
      return [subject.upn ?? subject.displayName, owner ? `${owner.team} by ${owner.matchedBy.kind}:${owner.matchedBy.value}` : null];
    });
    expect(owners).toEqual([
      ['svc-backup@contoso.com', 'Storage by upn:svc-backup@contoso.com'],
      ['svc-inventory@contoso.com', 'Platform by pattern:svc-*@contoso.com'],
      // owner: null assigns nothing: the broader pattern still does.
      ['svc-vm-cli@contoso.com', 'Platform by pattern:svc-*@contoso.com'],
      ['anna@contoso.com', null],
      // By client ID (written in capitals), not by the pattern.
      ['billing-export', 'Billing by id:F0F0F0F0-0000-4000-8000-000000000001'],
      ['github-payments', 'Payments by tag:team:payments'],
      ['github-deploy', 'DevEx by pattern:github-*'],
    ]);
    expect(governIdentity(user('svc-backup@contoso.com'), policy, AS_OF).owner).toEqual({
      team: 'Storage', process: 'Nightly backups', contacts: ['storage@contoso.com'], approvers: ['head@contoso.com'], matchedBy: { kind: 'upn', value: 'svc-backup@contoso.com' },
    });
  });

  it('picks the exception that holds over an expired one, and says how many days are left', () => {
    expect(governIdentity(user('svc-backup@contoso.com'), policy, AS_OF).exception).toEqual({
      identity: 'SVC-BACKUP@contoso.com', path: null, reason: 'vendor agent', approver: 'head@contoso.com', created: '2026-10-01', expires: '2026-11-27',
      untilMigrationOf: null, state: 'expiring', daysLeft: 7,
    });
    expect(governIdentity(user('svc-backup@contoso.com'), policy, '2026-11-10T12:00:00.000Z').exception?.state).toBe('active');
    expect(governIdentity(user('svc-backup@contoso.com'), policy, '2026-11-27T23:00:00.000Z').exception).toMatchObject({ state: 'expiring', daysLeft: 0 });
    // After both have lapsed: the one that expired last.
    expect(governIdentity(user('svc-backup@contoso.com'), policy, '2026-11-28T00:00:00.000Z').exception).toMatchObject({ reason: 'vendor agent', state: 'expired', daysLeft: -1 });
    expect(governIdentity(user('svc-late@contoso.com'), policy, AS_OF).exception).toMatchObject({ state: 'not-started', daysLeft: 41 });
    expect(governIdentity(user('svc-inventory@contoso.com'), policy, AS_OF).exception).toBeNull();
  });

  it('says whether a retired identity still signs in or writes on or after its retirement day', () => {
    expect(governIdentity(user('svc-stale@contoso.com', { lastSuccess: '2026-10-31T23:59:59.999Z' }), policy, AS_OF).retirement).toEqual({
      decidedBy: 'it-ops@contoso.com', date: '2026-11-01', reason: null, stillActive: false, lastActivity: '2026-10-31T23:59:59.999Z',
    });
    expect(governIdentity(user('svc-zombie@contoso.com', { lastSuccess: '2026-10-20T00:00:00.000Z', lastOperation: '2026-11-01T00:00:00.000Z' }), policy, AS_OF).retirement).toEqual({
      decidedBy: 'it-ops@contoso.com', date: '2026-11-01', reason: 'replaced by a managed identity', stillActive: true, lastActivity: '2026-11-01T00:00:00.000Z',
    });
    expect(governIdentity(user('svc-backup@contoso.com'), policy, AS_OF).retirement).toBeNull();
  });

  it('governs nothing without a policy', () => {
    expect(governIdentity(user('svc-backup@contoso.com'), null, AS_OF)).toEqual({ owner: null, exception: null, retirement: null });
  });
});
