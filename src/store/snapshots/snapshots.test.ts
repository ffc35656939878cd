import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GovernanceState, GovernedIdentity } from '../../model/governance.js';
import { openStore, type Store } from '../store.js';
import { hasSnapshots, listSnapshots, loadSnapshot } from './read-snapshot.js';
import { snapshotAt } from './snapshot-ref.js';
import { loadSnapshotTrend } from './snapshot-trend.js';
import { recordSnapshot } from './write-snapshot.js';

function identity(id: string, overrides: Partial<GovernedIdentity> = {}): GovernedIdentity {
  return {
    id, upn: `${id}@contoso.com`, displayName: id, kind: 'user', class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15', ownerTeam: null, ownerMatch: null,
    exceptionState: null, exceptionExpires: null, exceptionApprover: null, retiredOn: null, retiredActive: null, lastActivity: null, planStage: null, breakingAutomation: [],
    ...overrides,
  };
}

const STATE: GovernanceState = {
  asOf: '2026-11-20T23:59:59.000Z',
  tenantId: 'tenant-1',
  enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' },
  inputsDigest: 'abc',
  policyPath: 'unattended.yaml',
  policyText: "owners: []\n# it's kept as written\n",
  hasStore: true,
  identities: [
    identity('svc-a', { ownerTeam: 'Storage', ownerMatch: 'upn:svc-a@contoso.com', exceptionState: 'expiring', exceptionExpires: '2026-11-27', exceptionApprover: 'h@contoso.com', breakingAutomation: ['jobs/a.ps1:3', 'jobs/b.sh:9'] }),
    identity('svc-b', { retiredOn: '2026-11-01', retiredActive: true, lastActivity: '2026-11-05T02:00:00.123Z', verdict: 'not-affected', breaksOn: null }),
    identity('sp-1', { upn: null, kind: 'servicePrincipal', class: 'workload-identity', verdict: 'not-affected', breaksOn: null, planStage: 'federated' }),
  ],
  automation: [
    { file: 'jobs/a.ps1', line: 3, rule: 'powershell/connect-azaccount-user-password', authMethod: 'user-password', identityKind: 'upn', identityValue: 'svc-a@contoso.com', ownerTeam: 'Storage', ownerMatch: 'upn:svc-a@contoso.com', exceptedBy: 'identity:svc-a@contoso.com', exceptionState: 'expiring' },
    { file: 'jobs/c.sh', line: 1, rule: 'shell/az-login-user-password', authMethod: 'user-password', identityKind: 'env-var', identityValue: 'AZ_USER', ownerTeam: null, ownerMatch: null, exceptedBy: null, exceptionState: null },
  ],
};

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

describe('snapshots', () => {
  it('has no trend in a store that never kept the snapshot tables', async () => {
    const bare = await openStore(':memory:');
    try {
      await bare.run('DROP TABLE snapshot_identities; DROP TABLE snapshot_automation; DROP TABLE snapshots');
      expect(await loadSnapshotTrend(bare)).toEqual([]);
    } finally {
      bare.close();
    }
  });

  it('keeps a run and gives back exactly what it kept', async () => {
    expect(await hasSnapshots(store)).toBe(true);
    const first = await recordSnapshot(store, STATE, { command: 'analyze', takenAt: '2026-11-21T08:00:00.000Z', gateProblems: null });
    const second = await recordSnapshot(store, { ...STATE, identities: [], automation: [], policyPath: null, policyText: null }, { command: 'check', takenAt: '2026-11-22T08:00:00.000+01:00', gateProblems: 3 });
    expect([first, second]).toEqual([1, 2]);
    const loaded = await loadSnapshot(store, 1);
    expect(loaded?.meta).toEqual({ id: 1, takenAt: '2026-11-21T08:00:00.000Z', command: 'analyze', asOf: '2026-11-20T23:59:59.000Z', inputsDigest: 'abc', policyPath: 'unattended.yaml', gateProblems: null });
    // Identities by id, automation by file and line.
    expect(loaded?.state).toEqual({ ...STATE, identities: [STATE.identities[2], STATE.identities[0], STATE.identities[1]] });
    expect(await listSnapshots(store)).toEqual([
      loaded?.meta,
      { id: 2, takenAt: '2026-11-22T07:00:00.000Z', command: 'check', asOf: '2026-11-20T23:59:59.000Z', inputsDigest: 'abc', policyPath: null, gateProblems: 3 },
    ]);
    expect(await loadSnapshot(store, 3)).toBeNull();
  });

  it('shares the rows of the newest snapshot when a run changed nothing, and copies them again once something changed', async () => {
    const separate = await openStore(':memory:');
    try {
      const run = (takenAt: string, command: 'analyze' | 'check' = 'analyze') => ({ command, takenAt, gateProblems: null });
      const rowCount = async (): Promise<number> => (await separate.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM snapshot_identities'))[0]?.n ?? -1;
      expect(await recordSnapshot(separate, STATE, run('2026-11-21T08:00:00.000Z'))).toBe(1);
      // The same state again, from another command and with other inputs: a head of its own, no copy of the rows.
      expect(await recordSnapshot(separate, { ...STATE, inputsDigest: 'def' }, run('2026-11-21T09:00:00.000Z', 'check'))).toBe(2);
      expect(await rowCount()).toBe(3);
      const shared = await loadSnapshot(separate, 2);
      expect(shared?.meta).toEqual({ id: 2, takenAt: '2026-11-21T09:00:00.000Z', command: 'check', asOf: '2026-11-20T23:59:59.000Z', inputsDigest: 'def', policyPath: 'unattended.yaml', gateProblems: null });
      expect(shared?.state).toEqual({ ...STATE, inputsDigest: 'def', identities: [STATE.identities[2], STATE.identities[0], STATE.identities[1]] });
      // One verdict changes: rows of its own; then the same again shares snapshot 3's, not 1's.
      const changed = { ...STATE, identities: STATE.identities.map((entry) => (entry.id === 'svc-b' ? { ...entry, verdict: 'breaks' as const } : entry)) };
      expect(await recordSnapshot(separate, changed, run('2026-11-22T08:00:00.000Z'))).toBe(3);
      expect(await recordSnapshot(separate, changed, run('2026-11-23T08:00:00.000Z'))).toBe(4);
      expect(await rowCount()).toBe(6);
      expect((await loadSnapshot(separate, 4))?.state.identities.find((entry) => entry.id === 'svc-b')?.verdict).toBe('breaks');
      expect((await loadSnapshot(separate, 2))?.state.identities.find((entry) => entry.id === 'svc-b')?.verdict).toBe('not-affected');
      expect(await separate.all('SELECT id, rows_from FROM snapshots ORDER BY id')).toEqual([
        { id: 1, rows_from: null }, { id: 2, rows_from: 1 }, { id: 3, rows_from: null }, { id: 4, rows_from: 3 },
      ]);
      // The trend counts a snapshot's shared rows as its own.
      expect((await loadSnapshotTrend(separate)).map((point) => [point.meta.id, point.identities, point.serviceAccounts.breaks])).toEqual([[1, 3, 1], [2, 3, 1], [3, 3, 2], [4, 3, 2]]);
    } finally {
      separate.close();
    }
  });

  it('counts each snapshot\'s identities and its service accounts by verdict, oldest first, an empty one as zeros', async () => {
    const [first, second] = await listSnapshots(store);
    expect(await loadSnapshotTrend(store)).toEqual([
      { meta: first, identities: 3, serviceAccounts: { broken: 0, breaks: 1, 'at-risk': 0, ready: 0, 'not-affected': 1 } },
      { meta: second, identities: 0, serviceAccounts: { broken: 0, breaks: 0, 'at-risk': 0, ready: 0, 'not-affected': 0 } },
    ]);
  });

  it('finds a snapshot by number, or the last one taken by a date or instant', async () => {
    const snapshots = await listSnapshots(store);
    expect(snapshotAt(snapshots, '2', '--since')?.id).toBe(2);
    expect(snapshotAt(snapshots, '2026-11-21', '--since')?.id).toBe(1);
    expect(snapshotAt(snapshots, '2026-11-22T06:59:59Z', '--since')?.id).toBe(1);
    expect(snapshotAt(snapshots, '2026-11-22', '--since')?.id).toBe(2);
    expect(snapshotAt(snapshots, '2026-11-20', '--since')).toBeNull();
    expect(() => snapshotAt(snapshots, '7', '--since')).toThrow('--since 7: no snapshot 7');
    expect(() => snapshotAt(snapshots, 'last tuesday', '--since')).toThrow('--since last tuesday is neither a snapshot number nor a date');
  });
});
