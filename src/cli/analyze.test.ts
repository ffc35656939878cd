import { describe, expect, it } from 'vitest';
import type { AnalysisResult, IdentityAnalysis } from '../model/analysis.js';
import { renderAnalysisTable } from './analyze.js';

function identity(overrides: Partial<IdentityAnalysis>): IdentityAnalysis {
  return {
    id: 'x', upn: null, displayName: 'x', kind: 'user', class: 'human', confidence: 0.9, evidence: [], verdict: 'not-affected', breaksOn: null, phase: null,
    reasons: [], automation: [], recommendation: { action: 'none', why: '' }, owner: null, exception: null, retirement: null, ...overrides,
  };
}

describe('renderAnalysisTable', () => {
  it('prints class × verdict counts, then the broken and soonest-breaking identities with their first reason, terminal-safe', () => {
    const result: AnalysisResult = {
      schemaVersion: 1, tenantId: 't1', asOf: '2026-11-20T23:55:36.917Z', enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' },
      identities: [
        identity({ id: 'a', upn: 'svc-legacy@contoso.com', class: 'service-account', verdict: 'broken', reasons: ['12 sign-ins failed with 50076.'], recommendation: { action: 'migrate-workload-federation', why: '' } }),
        identity({ id: 'b', upn: 'evil\u001b[2J@contoso.com', class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15', reasons: ['30 writes without MFA.'], recommendation: { action: 'migrate-managed-identity', why: '' } }),
        identity({ id: 'c', upn: 'anna@contoso.com', verdict: 'ready' }),
      ],
      summary: {
        byClass: { human: 1, 'service-account': 2, 'break-glass': 0, 'workload-identity': 0, unknown: 0 },
        byVerdict: { broken: 1, breaks: 1, 'at-risk': 0, ready: 1, 'not-affected': 0 },
      },
    };
    expect(renderAnalysisTable(result).split('\n')).toEqual([
      'as of 2026-11-20T23:55:36.917Z; enforcement phase 1 2025-03-15, phase 2 2026-12-15; tenant t1',
      '',
      'class              broken  breaks  at-risk  ready  not-affected  total',
      'human                   0       0        0      1             0      1',
      'service-account         1       1        0      0             0      2',
      'break-glass             0       0        0      0             0      0',
      'workload-identity       0       0        0      0             0      0',
      'unknown                 0       0        0      0             0      0',
      'total                   1       1        0      1             0      3',
      '',
      'broken, or breaking soonest',
      '  broken now         service-account  svc-legacy@contoso.com     migrate-workload-federation',
      '      12 sign-ins failed with 50076.',
      '  breaks 2026-12-15  service-account  evil\\u001b[2J@contoso.com  migrate-managed-identity',
      '      30 writes without MFA.',
      '',
    ]);
  });
});
