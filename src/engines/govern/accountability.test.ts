import { describe, expect, it } from 'vitest';
import { accountabilityLines } from '../../report/accountability/accountability-text.js';
import { accountabilityByTeam, type AccountableIdentity } from './accountability.js';

function identity(upn: string, fields: Partial<AccountableIdentity>): AccountableIdentity {
  return {
    upn, displayName: upn, class: 'service-account', verdict: 'not-affected', breaksOn: null, ownerTeam: null,
    exceptionState: null, exceptionExpires: null, retiredOn: null, retiredActive: null, ...fields,
  };
}

const IDENTITIES: AccountableIdentity[] = [
  identity('svc-backup@contoso.com', { verdict: 'breaks', breaksOn: '2026-12-15', ownerTeam: 'Storage', exceptionState: 'expiring', exceptionExpires: '2026-11-27' }),
  identity('svc-vm@contoso.com', { verdict: 'breaks', breaksOn: '2026-12-15', ownerTeam: 'Compute', exceptionState: 'active', exceptionExpires: '2027-01-10' }),
  identity('svc-old@contoso.com', { ownerTeam: 'Compute', retiredOn: '2026-11-01', retiredActive: true }),
  identity('svc-legacy@contoso.com', { verdict: 'broken', ownerTeam: 'Compute' }),
  identity('svc-orphan@contoso.com', { verdict: 'breaks', breaksOn: '2026-12-15' }),
  identity('svc-quiet@contoso.com', { retiredOn: '2026-11-15', retiredActive: false }),
  // People without an owner are nobody's accountability here; a workload without one is not counted as unowned either.
  identity('alice@contoso.com', { class: 'human', verdict: 'breaks', breaksOn: '2026-12-15' }),
  identity('app-x', { class: 'workload-identity' }),
];

describe('accountability by owner team', () => {
  it('gives each team what it owns, what breaks and when, what is excepted until when, and what waits for retirement', () => {
    expect(accountabilityByTeam(IDENTITIES)).toEqual([
      {
        team: 'Compute', owned: 3,
        breaking: [{ name: 'svc-legacy@contoso.com', breaksOn: null }, { name: 'svc-vm@contoso.com', breaksOn: '2026-12-15' }],
        excepted: [{ name: 'svc-vm@contoso.com', expires: '2027-01-10', state: 'active' }],
        retiring: [{ name: 'svc-old@contoso.com', date: '2026-11-01', stillActive: true }],
      },
      { team: 'Storage', owned: 1, breaking: [{ name: 'svc-backup@contoso.com', breaksOn: '2026-12-15' }], excepted: [{ name: 'svc-backup@contoso.com', expires: '2026-11-27', state: 'expiring' }], retiring: [] },
      { team: null, owned: 2, breaking: [{ name: 'svc-orphan@contoso.com', breaksOn: '2026-12-15' }], excepted: [], retiring: [{ name: 'svc-quiet@contoso.com', date: '2026-11-15', stillActive: false }] },
    ]);
  });

  it('prints the view in the terminal, and nothing before any owner is named', () => {
    expect(accountabilityLines(accountabilityByTeam(IDENTITIES))).toEqual([
      '',
      'owners (unattended.yaml)',
      '  Compute: owns 3, 2 broken or breaking',
      '    broken now        svc-legacy@contoso.com',
      '    breaks 2026-12-15 svc-vm@contoso.com',
      '    excepted active   svc-vm@contoso.com until 2027-01-10',
      '    retiring          svc-old@contoso.com from 2026-11-01, STILL ACTIVE',
      '  Storage: owns 1, 1 broken or breaking',
      '    breaks 2026-12-15 svc-backup@contoso.com',
      '    excepted expiring svc-backup@contoso.com until 2026-11-27',
      '  no owner: 2 service accounts, 1 broken or breaking (unattended init suggests owners)',
      '    retiring          svc-quiet@contoso.com from 2026-11-15',
    ]);
    expect(accountabilityLines(accountabilityByTeam([identity('svc-a@contoso.com', { verdict: 'breaks', breaksOn: '2026-12-15' })]))).toEqual([]);
  });
});
