import { describe, expect, it } from 'vitest';
import { blankFeatures, blankTenant } from '../../features/blank-features.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import { assessImpact, type ImpactContext } from './impact.js';

const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const withActivityLog: ImpactContext = { asOf: '2026-11-20T23:59:59.000Z', enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' }, tenant: blankTenant({ signIns: 1000, operations: 250 }) };
const withoutActivityLog: ImpactContext = { ...withActivityLog, tenant: blankTenant({ signIns: 1000, operations: 0 }) };

function armUser(overrides: Partial<IdentityFeatures> = {}): IdentityFeatures {
  return blankFeatures('u1', 'user', {
    signIns: 720, successes: 720, armSuccessNoMfa: 720, armRopcSuccess: 720, armNoMfaFirst: '2026-10-22T00:05:00.000Z', armNoMfaLast: '2026-11-20T23:05:00.000Z',
    armNoMfaApps: [{ key: CLI, name: 'Microsoft Azure CLI', count: 720 }], lastSeen: '2026-11-20T23:05:00.000Z',
    ...overrides,
  });
}

describe('assessImpact', () => {
  it('breaks on the phase 2 date when the Activity log shows writes without MFA, citing counts, times and operations', () => {
    const impact = assessImpact(
      armUser({ opsNoMfa: 30, opsNoMfaFirst: '2026-10-22T01:00:00.000Z', opsNoMfaLast: '2026-11-20T22:00:00.000Z', opsNoMfaNames: [{ key: 'microsoft.web/sites/write', name: null, count: 30 }] }),
      'service-account',
      withActivityLog,
    );
    expect(impact).toEqual({
      verdict: 'breaks',
      breaksOn: '2026-12-15',
      phase: 'phase2',
      migratedTo: null,
      reasons: [
        '30 ARM write/delete operations in the Activity log with a token without MFA (amr pwd), first 2026-10-22 01:00 UTC, last 2026-11-20 22:00 UTC: microsoft.web/sites/write (30).',
        '720 sign-ins to Azure Resource Manager without MFA, 720 of them password (ROPC) grants via Microsoft Azure CLI (720), first 2026-10-22 00:05 UTC, last 2026-11-20 23:05 UTC.',
        'They will be refused from 2026-12-15 (phase2).',
      ],
    });
  });

  it('says that trusted named locations do not exempt an account from mandatory MFA', () => {
    const writes = { opsNoMfa: 2, opsNoMfaFirst: '2026-10-22T01:00:00.000Z', opsNoMfaLast: '2026-11-20T22:00:00.000Z', opsNoMfaNames: [{ key: 'microsoft.web/sites/write', name: null, count: 2 }] };
    const breaks = assessImpact(armUser({ ...writes, trustedLocationIps: 3, trustedLocations: ['DR site', 'HQ', 'Lab'] }), 'service-account', withActivityLog);
    expect(breaks.reasons.at(-2)).toBe('3 sign-in addresses are in the trusted named locations "DR site", "HQ" and "Lab": Conditional Access exclusions, trusted locations included, do not exempt anyone from mandatory MFA.');
    const atRisk = assessImpact(armUser({ trustedLocationIps: 1, trustedLocations: ['HQ'] }), 'service-account', withActivityLog);
    expect(atRisk.verdict).toBe('at-risk');
    expect(atRisk.reasons.at(-1)).toBe('1 sign-in address is in the trusted named location "HQ": Conditional Access exclusions, trusted locations included, do not exempt anyone from mandatory MFA.');
    expect(assessImpact(armUser(writes), 'service-account', withActivityLog).reasons.some((line) => line.includes('trusted'))).toBe(false);
  });

  it('is at-risk when ARM is reached without MFA but no write is seen, and says why in each case', () => {
    expect(assessImpact(armUser(), 'service-account', withActivityLog)).toMatchObject({ verdict: 'at-risk', breaksOn: null, phase: 'phase2' });
    expect(assessImpact(armUser(), 'service-account', withActivityLog).reasons[1]).toBe(
      'No write, delete or action by it among the 250 Activity-log operations: reads only, which are not enforced; its first write without MFA will be refused (2026-12-15).',
    );
    const noLog = assessImpact(armUser(), 'service-account', withoutActivityLog);
    expect(noLog.verdict).toBe('at-risk');
    expect(noLog.reasons[1]).toBe('No Activity log was imported, so writes cannot be told from reads: any write without MFA will be refused from 2026-12-15. Import the Activity log to decide.');
  });

  it('is broken on MFA-required failures with no MFA success since, and on MFA policy denials', () => {
    const failing = armUser({ scopeMfaFailures: 12, scopeMfaFailureCodes: [50076], scopeMfaFailureApp: 'Microsoft Azure CLI', scopeMfaFailureFirst: '2026-11-01T02:00:00.000Z', scopeMfaFailureLast: '2026-11-20T02:00:00.000Z' });
    expect(assessImpact(failing, 'service-account', withActivityLog)).toEqual({
      verdict: 'broken', breaksOn: null, phase: 'phase2', migratedTo: null,
      reasons: ['12 sign-ins to Microsoft Azure CLI failed with 50076 (MFA required), first 2026-11-01 02:00 UTC, last 2026-11-20 02:00 UTC; no sign-in to the portal or ARM ever completed MFA.'],
    });
    const denied = armUser({ policyDenied: 3, policyDeniedFirst: '2026-11-02T10:00:00.000Z', policyDeniedLast: '2026-11-19T10:00:00.000Z', policyDeniedDefinitions: ['/providers/microsoft.authorization/policydefinitions/4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b'] });
    const impact = assessImpact(denied, 'service-account', withActivityLog);
    expect(impact.verdict).toBe('broken');
    expect(impact.phase).toBe('policy:4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b');
    expect(impact.reasons[0]).toBe(
      '3 Activity-log writes were refused with RequestDisallowedByPolicy by 4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b "Users must authenticate with multi-factor authentication to create or update resources", first 2026-11-02 10:00 UTC, last 2026-11-19 10:00 UTC.',
    );
  });

  it('is not broken by the MFA prompt a person answers: a 50074 followed by an MFA success', () => {
    const person = blankFeatures('u2', 'user', { signIns: 10, portalSuccessMfa: 9, scopeMfaFailures: 1, portalMfaFailures: 1, scopeMfaFailureCodes: [50074], scopeMfaFailureFirst: '2026-11-10T09:00:00.000Z', scopeMfaFailureLast: '2026-11-10T09:00:00.000Z', lastScopeMfaSuccess: '2026-11-10T09:00:30.000Z' });
    expect(assessImpact(person, 'human', withActivityLog)).toEqual({ verdict: 'ready', breaksOn: null, phase: null, migratedTo: null, reasons: ['In scope and ready: 9 Azure portal sign-ins with MFA.'] });
    const breakGlass = blankFeatures('u3', 'user', { signIns: 1, scopeMfaFailures: 1, portalMfaFailures: 1, scopeMfaFailureCodes: [50074], scopeMfaFailureApp: 'Azure Portal', scopeMfaFailureFirst: '2026-11-10T09:00:00.000Z', scopeMfaFailureLast: '2026-11-10T09:00:00.000Z' });
    expect(assessImpact(breakGlass, 'break-glass', withActivityLog)).toMatchObject({ verdict: 'broken', phase: 'phase1', breaksOn: null });
  });

  it('breaks on phase 1 for portal sign-ins without MFA, and says when that date has already passed', () => {
    const portal = blankFeatures('u4', 'user', { signIns: 3, portalSuccessNoMfa: 3, portalNoMfaFirst: '2026-11-01T09:00:00.000Z', portalNoMfaLast: '2026-11-03T09:00:00.000Z' });
    const impact = assessImpact(portal, 'human', withActivityLog);
    expect(impact).toMatchObject({ verdict: 'breaks', breaksOn: '2025-03-15', phase: 'phase1' });
    expect(impact.reasons[1]).toBe('phase1 has applied since 2025-03-15, yet these succeeded: a postponement or exemption is in place and will end.');
    expect(assessImpact(portal, 'human', { ...withActivityLog, enforcement: { phase1: '2026-12-01', phase2: '2026-12-15' } }).breaksOn).toBe('2026-12-01');
  });

  it('is not affected when the account went quiet and a workload identity took over from the same address', () => {
    const migrated = armUser({ lastSeen: '2026-11-10T10:00:00.000Z', opsNoMfa: 20, successor: { id: 'sp-new', name: 'deploy-sp', firstSeen: '2026-11-11T02:00:00.000Z', sharedIp: '20.61.4.5' } });
    expect(assessImpact(migrated, 'service-account', withActivityLog)).toEqual({
      verdict: 'not-affected', breaksOn: null, phase: null,
      migratedTo: { id: 'sp-new', name: 'deploy-sp', firstSeen: '2026-11-11T02:00:00.000Z', sharedIp: '20.61.4.5' },
      reasons: ['Quiet since 2026-11-10, 10 days before 2026-11-20.', 'Workload identity "deploy-sp" (sp-new) has signed in from the same address 20.61.4.5 since 2026-11-11: the work moved to it.'],
    });
  });

  it('is not affected without in-scope access, and for workload identities', () => {
    const graphOnly = blankFeatures('u5', 'user', { signIns: 30, resources: [{ key: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph', count: 30 }] });
    expect(assessImpact(graphOnly, 'service-account', withActivityLog).reasons).toEqual(['30 sign-ins, none to the Azure portal or Azure Resource Manager (Microsoft Graph (30)), and no ARM write.']);
    const stale = blankFeatures('u6', 'user', { directoryLastSignIn: '2026-05-04T00:00:00.000Z' });
    expect(assessImpact(stale, 'service-account', withActivityLog).reasons).toEqual(['No sign-in and no Activity-log operation in the data; the directory\'s last sign-in is 2026-05-04 (200 days before 2026-11-20).']);
    expect(assessImpact(blankFeatures('sp', 'servicePrincipal'), 'workload-identity', withActivityLog)).toMatchObject({ verdict: 'not-affected', breaksOn: null });
  });

  it('is not affected when the account is disabled, saying since when, its last sign-ins and what still tries to use it', () => {
    const disabled = armUser({ accountEnabled: false, disabledAt: '2026-10-27T10:12:00.000Z', lastSuccess: '2026-10-27T09:30:00.000Z', directoryLastSignIn: '2026-11-20T23:30:00.000Z', opsNoMfa: 30, failures: [{ code: 50057, count: 590 }] });
    expect(assessImpact(disabled, 'service-account', withActivityLog)).toEqual({
      verdict: 'not-affected', breaksOn: null, phase: null, migratedTo: null,
      reasons: [
        'Disabled in the directory (accountEnabled false) since 2026-10-27 10:12 UTC (audit log): it cannot sign in, so mandatory MFA cannot break it.',
        "The directory's last sign-in attempt is 2026-11-20; the last successful one in the logs is 2026-10-27 09:30 UTC, 24 days before 2026-11-20.",
        '590 sign-in attempts were refused with 50057 (account disabled): something still tries to use it.',
      ],
    });
    // Signed in after the audit log shows it disabled: re-enabled since, so judged on its sign-ins, with the note first.
    const back = armUser({ accountEnabled: false, disabledAt: '2026-10-27T10:12:00.000Z', lastSuccess: '2026-11-20T23:05:00.000Z', opsNoMfa: 30, opsNoMfaFirst: '2026-11-01T01:00:00.000Z', opsNoMfaLast: '2026-11-20T22:00:00.000Z', opsNoMfaNames: [{ key: 'microsoft.web/sites/write', name: null, count: 30 }] });
    const judged = assessImpact(back, 'service-account', withActivityLog);
    expect(judged).toMatchObject({ verdict: 'breaks', breaksOn: '2026-12-15', phase: 'phase2' });
    expect(judged.reasons[0]).toBe('Disabled in the directory since 2026-10-27 10:12 UTC (audit log), yet it signed in successfully after that, last 2026-11-20 23:05 UTC: re-enabled since, or the directory export is older than the logs.');
    // Disabled with no audit trail: nothing to show it signed in after, so not affected.
    expect(assessImpact(armUser({ accountEnabled: false, lastSuccess: '2026-11-20T23:05:00.000Z' }), 'service-account', withActivityLog).verdict).toBe('not-affected');
  });

  it('counts refreshes that ride an MFA session as MFA, names the session, and never lets an untraced session prove breakage', () => {
    const example = { sessionId: 's-1', signInId: 'i-1', at: '2026-11-19T11:10:00.000Z', app: 'Azure Portal', method: 'Mobile app notification', refreshes: 3 };
    const person = blankFeatures('u7', 'user', { signIns: 40, portalSuccessMfa: 12, portalSuccessSessionMfa: 9, sessionMfaSuccesses: 9, sessionMfaExample: example });
    expect(assessImpact(person, 'human', withActivityLog).reasons).toEqual([
      'In scope and ready: 12 Azure portal sign-ins with MFA (9 of them carried by their session).',
      'Token refreshes are logged single-factor when no policy asks for MFA again, yet carry the MFA of the session they ride: e.g. session s-1 completed MFA by Mobile app notification on "Azure Portal" at 2026-11-19 11:10 UTC (sign-in i-1), and 3 later sign-ins rode it.',
    ]);
    const untraced = blankFeatures('u8', 'user', { signIns: 3, portalSuccessUntraced: 3, scopeUntracedFirst: '2026-10-22T09:00:00.000Z', scopeUntracedLast: '2026-10-23T09:00:00.000Z', untracedSessionExample: { sessionId: 's-2', firstSeen: '2026-10-22T09:00:00.000Z', signIns: 3 } });
    expect(assessImpact(untraced, 'human', withActivityLog)).toEqual({
      verdict: 'at-risk', breaksOn: null, phase: 'phase1', migratedTo: null,
      reasons: [
        '3 Azure portal sign-ins (first 2026-10-22 09:00 UTC, last 2026-10-23 09:00 UTC) show no MFA of their own and cannot be traced: their session began before the imported window (session s-2 was first seen at 2026-10-22 09:00 UTC, already under way). Whether they carry MFA is unknown; they prove no breakage alone.',
        "To decide, import a window that holds the sessions' first sign-ins, or look the session up in the Entra sign-in logs.",
      ],
    });
    // Refreshes of a single-factor session are proof, like the password sign-in that began it.
    const single = blankFeatures('u9', 'user', { signIns: 4, portalSuccessNoMfa: 4, portalSuccessSessionSingle: 3, portalNoMfaFirst: '2026-11-01T09:00:00.000Z', portalNoMfaLast: '2026-11-01T10:00:00.000Z',
      singleFactorSessionExample: { sessionId: 's-3', startedAt: '2026-11-01T09:00:00.000Z', app: 'Azure Portal', refreshes: 3 } });
    expect(assessImpact(single, 'service-account', withActivityLog).reasons[0]).toBe(
      '4 Azure portal sign-ins without MFA, 3 of them refreshing a session that began single-factor (session s-3 began with a single-factor sign-in to "Azure Portal" at 2026-11-01 09:00 UTC and was refreshed 3 times without MFA), first 2026-11-01 09:00 UTC, last 2026-11-01 10:00 UTC.',
    );
  });
});
