import { describe, expect, it } from 'vitest';
import { sortIdentities } from '../../engines/identity-order.js';
import type { IdentityAnalysis } from '../../model/analysis.js';
import { fixtureAnalysis, fixtureException, fixtureIdentities, fixturePlan, fixtureScanFindings } from '../../../test/report-fixture.js';
import { planSummaryOf, tableRowOf } from './identity-views.js';
import { commonFolder, coverageOf, OverviewBuilder } from './overview-builder.js';
import type { Overview } from './view-types.js';

const HEAD = { schemaVersion: 1 as const, tenantId: 't1', asOf: '2026-11-20T23:59:59Z', enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' } };

function overviewOf(identities: readonly IdentityAnalysis[]): Overview {
  const builder = new OverviewBuilder(fixtureScanFindings());
  sortIdentities(identities).forEach((identity, index) => builder.add(tableRowOf(identity, index), planSummaryOf(identity)));
  return builder.finish(HEAD, [], '2026-11-21T08:00:00Z');
}

describe('OverviewBuilder', () => {
  const overview = overviewOf(fixtureIdentities());

  it('counts the headline exactly as analyze\'s summary does', () => {
    const { summary } = fixtureAnalysis();
    expect(overview.total).toBe(13);
    expect(overview.byVerdict).toEqual({ broken: 2, breaks: 3, 'at-risk': 1, ready: 2, 'not-affected': 5 });
    expect(overview.byVerdict).toEqual(summary.byVerdict);
    expect(overview.byClass).toEqual({ 'service-account': 4, 'break-glass': 2, human: 5, 'workload-identity': 2, unknown: 0 });
    expect(overview.serviceAccounts).toEqual({ total: 4, broken: 1, breaks: 2, atRisk: 1, firstBreak: '2026-12-15' });
    expect(overview.matrix['service-account']).toEqual({ broken: 1, breaks: 2, 'at-risk': 1, ready: 0, 'not-affected': 0 });
    expect(overview.matrix.human).toEqual({ broken: 0, breaks: 1, 'at-risk': 0, ready: 1, 'not-affected': 3 });
  });

  it('puts broken identities on the timeline "now" and the breaking ones on their date, by phase and class', () => {
    expect(overview.timeline).toEqual([
      { date: null, phase: 'phase1', class: 'break-glass', count: 1 },
      { date: null, phase: 'phase2', class: 'service-account', count: 1 },
      { date: '2026-12-15', phase: 'phase2', class: 'human', count: 1 },
      { date: '2026-12-15', phase: 'phase2', class: 'service-account', count: 2 },
    ]);
    expect(overview.phases).toEqual([{ phase: 'phase1', count: 1 }, { phase: 'phase2', count: 4 }, { phase: null, count: 8 }]);
  });

  it('lists owner teams, the unowned last, once any identity has an owner', () => {
    expect(overview.owners).toEqual([
      { owner: 'Platform team', total: 1, byVerdict: { broken: 0, breaks: 1, 'at-risk': 0, ready: 0, 'not-affected': 0 } },
      { owner: null, total: 12, byVerdict: { broken: 2, breaks: 2, 'at-risk': 1, ready: 2, 'not-affected': 5 } },
    ]);
    expect(overviewOf(fixtureIdentities().map((identity) => ({ ...identity, owner: null }))).owners).toEqual([]);
  });

  it('tallies what-if policies, plan stages and exceptions only when verdicts carry them', () => {
    expect([overview.policies, overview.stages, overview.plans, overview.exceptions]).toEqual([[], [], { total: 0, listed: [] }, 0]);
    const [first, second, ...rest] = fixtureIdentities();
    if (!first || !second) throw new Error('fixture');
    const enrolment = fixturePlan('unused');
    const governed = overviewOf([
      { ...first, phase: 'policy:ca-require-mfa', breaksOn: '2026-12-01', exception: fixtureException('Vendor appliance'), plan: fixturePlan('repo:contoso/app:ref:refs/heads/main', 'ready-to-retire') },
      { ...second, phase: 'policy:ca-require-mfa', plan: { ...enrolment, target: { ...enrolment.target, kind: 'enroll-mfa', subjects: [] } } },
      ...rest,
    ]);
    expect(governed.policies).toEqual([
      { phase: 'policy:ca-require-mfa', total: 2, byVerdict: { broken: 1, breaks: 1, 'at-risk': 0, ready: 0, 'not-affected': 0 }, firstBreak: '2026-12-01' },
    ]);
    expect(governed.stages).toEqual([{ stage: 'planned', count: 1 }, { stage: 'ready-to-retire', count: 1 }]);
    // MFA enrolment is a stage in the table but no migration to list.
    expect(governed.plans).toEqual({
      total: 1,
      listed: [{ id: first.id, name: first.upn ?? first.displayName, target: 'workload-identity-federation', subject: 'repo:contoso/app:ref:refs/heads/main', leastPrivilege: '1 action at 1 scope; closest built-in: Website Contributor', stage: 'ready-to-retire', command: null }],
    });
    expect(governed.exceptions).toBe(1);
    expect(governed.timeline[0]).toEqual({ date: null, phase: 'phase1', class: 'break-glass', count: 1 });
    expect(governed.timeline).toContainEqual({ date: '2026-12-01', phase: 'policy:ca-require-mfa', class: 'service-account', count: 1 });
  });

  it('links a code finding to the identity its UPN names, breaking findings first', () => {
    expect(overview.scan.total).toBe(3);
    expect(overview.scan.breaking).toBe(1);
    expect(overview.scan.findings.map((finding) => [finding.file, finding.mfaImpact, finding.identityId])).toEqual([
      ['scripts/rotate-vms.sh', 'breaks', '11111111-0000-0000-0000-000000000001'],
      ['ops/login.ps1', 'depends', null],
      ['pipelines/deploy.yml', 'safe', null],
    ]);
  });
});

describe('coverage', () => {
  it('totals batches by format and lists each below the folder they share', () => {
    const coverage = coverageOf([
      { file: '/x/signins/h1.json', format: 'diagnostic-jsonl', read: 10, stored: 9, duplicates: 1, quarantined: 0 },
      { file: '/x/signins/h2.json', format: 'diagnostic-jsonl', read: 5, stored: 3, duplicates: 0, quarantined: 2 },
      { file: '/x/users.json', format: 'graph-json', read: 1200, stored: 1200, duplicates: 0, quarantined: 0 },
    ]);
    expect(coverage).toEqual({
      read: 1215, stored: 1212, duplicates: 1, quarantined: 2, batches: 3, folder: '/x/',
      byFormat: [
        { format: 'diagnostic-jsonl', batches: 2, read: 15, stored: 12, duplicates: 1, quarantined: 2 },
        { format: 'graph-json', batches: 1, read: 1200, stored: 1200, duplicates: 0, quarantined: 0 },
      ],
      listed: [
        { file: 'signins/h1.json', format: 'diagnostic-jsonl', read: 10, stored: 9, duplicates: 1, quarantined: 0 },
        { file: 'signins/h2.json', format: 'diagnostic-jsonl', read: 5, stored: 3, duplicates: 0, quarantined: 2 },
        { file: 'users.json', format: 'graph-json', read: 1200, stored: 1200, duplicates: 0, quarantined: 0 },
      ],
    });
  });

  it('finds the shared folder through its last separator', () => {
    expect(commonFolder(['/data/x/SignInLogs/h=01.json', '/data/x/AuditLogs/h=01.json'])).toBe('/data/x/');
    expect(commonFolder(['C:\\exports\\a.json', 'C:\\exports\\b.json'])).toBe('C:\\exports\\');
    expect(commonFolder(['a.json', 'b.json'])).toBe('');
    expect(commonFolder([])).toBe('');
  });
});
