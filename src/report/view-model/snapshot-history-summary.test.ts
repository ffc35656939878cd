import { describe, expect, it } from 'vitest';
import type { GovernanceDiff } from '../../model/governance-diff.js';
import type { SnapshotMeta, SnapshotTrendPoint } from '../../model/governance.js';
import { LISTED_CHANGES, LISTED_SNAPSHOTS, snapshotHistorySummary } from './snapshot-history-summary.js';

function meta(id: number): SnapshotMeta {
  return { id, takenAt: `2026-11-${String(id).padStart(2, '0')}T08:00:00.000Z`, command: id % 2 === 0 ? 'check' : 'analyze', asOf: '2026-11-20T23:00:00.000Z', inputsDigest: 'd', policyPath: null, gateProblems: id % 2 === 0 ? 2 : null };
}

function point(id: number): SnapshotTrendPoint {
  return { meta: meta(id), identities: 100 + id, serviceAccounts: { broken: 1, breaks: id, 'at-risk': 0, ready: 0, 'not-affected': 3 } };
}

const EMPTY_DIFF: Omit<GovernanceDiff, 'from' | 'to'> = {
  policyChanged: false, newServiceAccounts: [], newBreakingAutomation: [], removedBreakingAutomation: [], verdictChanges: [], ownerChanges: [], exceptionChanges: [],
  retirementChanges: [], stageChanges: [], expiringExceptions: [], expiredExceptions: [], missingOwners: [], retiredStillActive: [],
};

describe('snapshotHistorySummary', () => {
  it('is null without snapshots, so the view is not drawn', () => {
    expect(snapshotHistorySummary(null)).toBeNull();
    expect(snapshotHistorySummary({ points: [], latest: null })).toBeNull();
  });

  it('shows one snapshot without changes', () => {
    expect(snapshotHistorySummary({ points: [point(1)], latest: null })).toEqual({
      total: 1,
      points: [{ id: 1, takenAt: '2026-11-01T08:00:00.000Z', command: 'analyze', asOf: '2026-11-20T23:00:00.000Z', identities: 101, serviceAccounts: { broken: 1, breaks: 1, 'at-risk': 0, ready: 0, 'not-affected': 3 }, gateProblems: null }],
      latest: null,
    });
  });

  it('keeps the latest snapshots and says, in diff\'s words, what changed and where the later one stands', () => {
    const points = Array.from({ length: LISTED_SNAPSHOTS + 2 }, (_, n) => point(n + 1));
    const last = LISTED_SNAPSHOTS + 2;
    const diff: GovernanceDiff = {
      ...EMPTY_DIFF,
      from: meta(last - 1),
      to: meta(last),
      policyChanged: true,
      newServiceAccounts: Array.from({ length: LISTED_CHANGES + 1 }, (_, n) => ({ id: `sa-${n}`, name: `svc-${n}`, class: 'service-account' as const, verdict: 'breaks' as const, breaksOn: '2026-12-15' })),
      verdictChanges: [{ id: 'x', name: 'svc-x', class: 'service-account', before: { verdict: 'breaks', breaksOn: '2026-12-15' }, after: { verdict: 'ready', breaksOn: null } }],
      exceptionChanges: [{ change: 'changed', subject: 'svc-a', before: { expires: '2026-12-01', approver: 'a' }, after: { expires: '2027-01-01', approver: 'a' }, fields: ['expires'] }],
      retirementChanges: [{ change: 'added', subject: 'svc-old', before: null, after: { date: '2026-11-01' }, fields: [] }],
      expiredExceptions: [{ subject: 'svc-b', expires: '2026-11-19', daysLeft: -1, approver: null }],
      missingOwners: [{ subject: 'jobs/a.sh:3', kind: 'automation', detail: 'user-password as AZ_USER', since: 'new' }],
    };
    const view = snapshotHistorySummary({ points, latest: diff });
    expect(view?.total).toBe(LISTED_SNAPSHOTS + 2);
    expect(view?.points.map((shown) => shown.id)).toEqual(points.slice(2).map((kept) => kept.meta.id));
    expect(view?.latest?.from.id).toBe(last - 1);
    expect(view?.latest?.to).toEqual({ id: last, takenAt: `2026-11-${last}T08:00:00.000Z`, command: 'check', asOf: '2026-11-20T23:00:00.000Z', identities: 100 + last, serviceAccounts: { broken: 1, breaks: last, 'at-risk': 0, ready: 0, 'not-affected': 3 }, gateProblems: 2 });
    expect(view?.latest?.policyChanged).toBe(true);
    expect(view?.latest?.changes.map(({ key, scope, title, total, items }) => [key, scope, title, total, items.length, items[0]])).toEqual([
      ['new-service-accounts', 'change', 'New service accounts', LISTED_CHANGES + 1, LISTED_CHANGES, { subject: 'svc-0', detail: 'breaks 2026-12-15' }],
      ['verdict-changes', 'change', 'Verdict changes', 1, 1, { subject: 'svc-x', detail: 'breaks 2026-12-15 → ready' }],
      ['exception-changes', 'change', 'Exception changes', 1, 1, { subject: 'svc-a', detail: 'expires 2026-12-01 → 2027-01-01' }],
      ['retirement-changes', 'change', 'Retirement changes', 1, 1, { subject: 'svc-old', detail: 'added from 2026-11-01' }],
      ['expired-exceptions', 'state', 'Expired exceptions', 1, 1, { subject: 'svc-b', detail: 'expired 2026-11-19 (1 day ago)' }],
      ['missing-owners', 'state', 'Missing owners', 1, 1, { subject: 'jobs/a.sh:3', detail: 'user-password as AZ_USER [new]' }],
    ]);
  });
});
