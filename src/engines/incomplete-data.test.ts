import { describe, expect, it } from 'vitest';
import { blankFeatures, blankTenant } from '../features/blank-features.js';
import type { IdentityFeatures } from '../features/identity-features.js';
import { analyseIdentity, type AnalysisContext } from './analyse-identity.js';

const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const enforcement = { phase1: '2025-03-15', phase2: '2026-12-15' };

function context(dataGaps: AnalysisContext['tenant']['dataGaps']): AnalysisContext {
  return { asOf: '2026-11-20T23:59:59.000Z', enforcement, tenant: blankTenant({ signIns: 1000, operations: 250, dataGaps }), breakGlass: [], automation: { byUpn: new Map(), byClientId: new Map() }, governance: null };
}

/** A service account that breaks on the phase 2 date when the data is complete. */
function breakingUser(): IdentityFeatures {
  return blankFeatures('u1', 'user', {
    upn: 'svc-deploy@contoso.example', signIns: 720, successes: 720, armSuccessNoMfa: 720, armRopcSuccess: 720, ropc: 720,
    armNoMfaFirst: '2026-10-22T00:05:00.000Z', armNoMfaLast: '2026-11-20T23:05:00.000Z', armNoMfaApps: [{ key: CLI, name: 'Microsoft Azure CLI', count: 720 }],
    lastSeen: '2026-11-20T23:05:00.000Z', opsNoMfa: 30, writes: 30, opsNoMfaFirst: '2026-10-22T01:00:00.000Z', opsNoMfaLast: '2026-11-20T22:00:00.000Z',
    opsNoMfaNames: [{ key: 'microsoft.web/sites/write', name: null, count: 30 }],
  });
}

const SIGN_IN_GAP = { affects: 'sign-ins', scopes: 3, reason: 'RetriesExhausted: graph sign-ins nonInteractiveUser …: failed 8 times; last: 503' } as const;

describe('incomplete data', () => {
  it('leaves an identity alone when nothing is missing', () => {
    expect(analyseIdentity(breakingUser(), context([]))).toMatchObject({ class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15' });
  });

  it('makes a user unknown (at-risk, no date) when sign-in windows are missing, with the gap first, and keeps what was seen as a secondary reason', () => {
    const analysis = analyseIdentity(breakingUser(), context([SIGN_IN_GAP]));
    expect(analysis).toMatchObject({ class: 'unknown', confidence: 0, verdict: 'at-risk', breaksOn: null, phase: null, recommendation: { action: 'none' } });
    expect(analysis.reasons[0]).toBe('Unknown: the data this verdict rests on is incomplete (3 sign-in windows incomplete: RetriesExhausted: graph sign-ins nonInteractiveUser …: failed 8 times; last: 503). Collect it again to decide.');
    expect(analysis.reasons[1]).toMatch(/^In the data that was collected: 30 ARM write\/delete operations/u);
    expect(analysis.evidence[0]).toEqual({ signal: 'incomplete-data', detail: `Unknown: 3 sign-in windows incomplete: ${SIGN_IN_GAP.reason}.`, weight: 0 });
  });

  it('makes unknown only the users who reach ARM when the Activity log is what is missing', () => {
    const gap = { affects: 'activity-log', scopes: 1, reason: 'no Reader: Activity log unavailable' } as const;
    expect(analyseIdentity(breakingUser(), context([gap])).class).toBe('unknown');
    const officeOnly = blankFeatures('u2', 'user', { upn: 'alice@contoso.example', signIns: 40, successes: 40, mfaSuccesses: 40 });
    expect(analyseIdentity(officeOnly, context([gap])).verdict).toBe('not-affected');
  });

  it('keeps workload identities not affected whatever is missing', () => {
    const workload = blankFeatures('sp1', 'servicePrincipal', { inDirectory: true, servicePrincipalSignIns: 10, signIns: 10 });
    expect(analyseIdentity(workload, context([SIGN_IN_GAP]))).toMatchObject({ class: 'workload-identity', verdict: 'not-affected' });
  });
});
