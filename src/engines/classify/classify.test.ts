import { describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../catalog/directory-roles.js';
import { blankFeatures, blankTenant } from '../../features/blank-features.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import { classify } from './classify.js';

const tenant = blankTenant({ signIns: 5000, operations: 300, directoryObjects: 400, registrationDetails: 300, enabledCaPolicies: 3 });

/** A histogram with `perCell` sign-ins in every listed hour-of-week cell. */
function histogram(cells: (cell: number) => boolean, perCell: number): number[] {
  return Array.from({ length: 168 }, (_, cell) => (cells(cell) ? perCell : 0));
}
const weekdayOfficeHours = (cell: number): boolean => cell < 120 && cell % 24 >= 8 && cell % 24 < 18;

function officeWorker(overrides: Partial<IdentityFeatures> = {}): IdentityFeatures {
  return blankFeatures('u-human', 'user', {
    inDirectory: true, upn: 'anna.berg@contoso.com', displayName: 'Anna Berg', userType: 'member', licenseCount: 1,
    registrationKnown: true, mfaRegistered: true, methodsRegistered: ['microsoftAuthenticatorPush'],
    signIns: 400, interactive: 60, nonInteractive: 340, successes: 398, mfaSuccesses: 60, activeDays: 20, activeHours: 150, hoursOfDay: 10,
    hourOfWeek: histogram(weekdayOfficeHours, 8), gapMedianSeconds: 3600, gapCv: 2.1, regularGapShare: 0.35,
    distinctIps: 9, distinctCountries: 1, userAgents: [{ key: 'browser', name: null, count: 300 }, { key: 'other', name: null, count: 100 }],
    ...overrides,
  });
}

function cliJob(overrides: Partial<IdentityFeatures> = {}): IdentityFeatures {
  return blankFeatures('u-job', 'user', {
    inDirectory: true, upn: 'peter.jones@contoso.com', displayName: 'Peter Jones', userType: 'member', licenseCount: 0,
    registrationKnown: true, mfaRegistered: false, signIns: 2880, nonInteractive: 2880, successes: 2880, singleFactorSuccesses: 2880, ropc: 2880,
    activeDays: 30, activeHours: 720, hoursOfDay: 24, hourOfWeek: histogram(() => true, 17), gapMedianSeconds: 3600, gapCv: 0, regularGapShare: 1,
    distinctIps: 1, distinctCountries: 1, azureAsnSignIns: 2880, userAgents: [{ key: 'azure-cli', name: null, count: 2880 }],
    ...overrides,
  });
}

describe('classify', () => {
  it('calls a person-named account that signs in every 15 minutes from Azure with a password a service account: behaviour outweighs names', () => {
    const result = classify(cliJob(), { breakGlass: [], tenant });
    expect(result.class).toBe('service-account');
    expect(result.evidence.map((e) => e.signal)).toEqual([
      'periodic-schedule', 'around-the-clock', 'password-grant', 'automation-user-agent', 'hosting-network', 'no-mfa-registered',
      'fixed-address', 'non-interactive-only', 'unlicensed',
    ]);
    expect(result.evidence[0]).toEqual({ signal: 'periodic-schedule', detail: 'Signs in on a schedule: the typical gap between active hours is 1 h and 100% of gaps are within 10% of it.', weight: 2 });
    expect(result.confidence).toBe(0.97);
  });

  it('calls an office worker with MFA, browsers and a workday rhythm human, with weights toward human', () => {
    const result = classify(officeWorker(), { breakGlass: [], tenant });
    expect(result.class).toBe('human');
    expect(result.evidence.slice(0, 3)).toEqual([
      { signal: 'completes-mfa', detail: 'Completed MFA on 60 sign-ins.', weight: 1.5 },
      { signal: 'workday-rhythm', detail: 'A workday rhythm: 100% of sign-ins on weekdays, within 10 hours of the day.', weight: 1.5 },
      { signal: 'browser-user-agent', detail: '75% of sign-ins come from a browser or desktop app.', weight: 1 },
    ]);
  });

  it('takes break-glass from the configuration, or from Global Administrator + excluded from every CA policy + rarely used', () => {
    const bg = blankFeatures('u-bg', 'user', { inDirectory: true, upn: 'emergency-a@contoso.com', directoryRoleIds: [GLOBAL_ADMINISTRATOR_ROLE_ID], caPoliciesExcluding: 3, signIns: 1, registrationKnown: true, mfaRegistered: false });
    const bySignals = classify(bg, { breakGlass: [], tenant });
    expect(bySignals.class).toBe('break-glass');
    expect(bySignals.evidence.map((e) => [e.signal, e.weight])).toEqual([
      ['global-administrator', 1], ['excluded-from-conditional-access', 1], ['rarely-used', 0.5], ['break-glass-name', 0.5], ['few-sign-ins', 0],
    ]);
    const plain = blankFeatures('u-x', 'user', { inDirectory: true, upn: 'x@contoso.com', registrationKnown: true });
    expect(classify(plain, { breakGlass: ['X@Contoso.com'], tenant }).class).toBe('break-glass');
    // A Global Administrator who is not excluded from Conditional Access is an administrator, not an emergency account;
    // one sign-in and no MFA registered do not tell person from job either.
    const admin = classify({ ...bg, upn: 'admin@contoso.com', caPoliciesExcluding: 1 }, { breakGlass: [], tenant });
    expect([admin.class, admin.confidence]).toEqual(['unknown', 0.11]);
    expect(admin.evidence.map((e) => [e.signal, e.weight])).toEqual([['no-mfa-registered', 0.75], ['directory-roles', 0], ['undecided', 0], ['few-sign-ins', 0]]);
  });

  it('calls a guest human even without sign-ins or MFA registration here', () => {
    const guest = blankFeatures('u-guest', 'user', { inDirectory: true, upn: 'bob_fabrikam.com#ext#@contoso.com', displayName: '<img src=x onerror=alert(1)>', userType: 'guest', registrationKnown: true, mfaRegistered: false });
    const result = classify(guest, { breakGlass: [], tenant });
    expect(result.class).toBe('human');
    expect(result.evidence.map((e) => e.signal)).toEqual(['guest-account', 'no-sign-ins']);
  });

  it('says unknown, with what is missing, when only a few log records exist', () => {
    const seenOnce = blankFeatures('u-logs', 'user', { upn: 'harry.potter@hogwarts.com', signIns: 1, interactive: 1, successes: 1, userAgents: [{ key: 'browser', name: null, count: 1 }] });
    const result = classify(seenOnce, { breakGlass: [], tenant });
    expect(result.class).toBe('human');
    expect(result.evidence.map((e) => e.signal)).toEqual(['browser-user-agent', 'interactive-prompt', 'few-sign-ins', 'missing-directory-object', 'missing-registration']);
    // Two weak human signals from a single record: human, with less than even confidence.
    expect(result.confidence).toBe(0.47);
    const nothing = classify(blankFeatures('u-none', 'user'), { breakGlass: [], tenant: blankTenant() });
    expect(nothing.class).toBe('unknown');
    expect(nothing.evidence.map((e) => e.signal)).toEqual(['undecided', 'missing-sign-in-logs', 'missing-directory-object', 'missing-registration']);
  });

  it('classifies service principals and managed identities as workload identities', () => {
    expect(classify(blankFeatures('sp', 'servicePrincipal', { inDirectory: true, servicePrincipalType: 'Application', servicePrincipalSignIns: 4 }), { breakGlass: [], tenant })).toEqual({
      class: 'workload-identity',
      confidence: 1,
      evidence: [
        { signal: 'directory-object-type', detail: 'The directory object is a service principal (servicePrincipalType Application).', weight: 1 },
        { signal: 'workload-sign-ins', detail: '4 sign-ins are recorded in ServicePrincipalSignInLogs, the log of workload identities.', weight: 1 },
      ],
    });
    expect(classify(blankFeatures('mi', 'managedIdentity', { managedIdentitySignIns: 2 }), { breakGlass: [], tenant }).confidence).toBe(0.9);
  });

  it('weighs a person\'s directory profile as weakly as a name, and says when an account is disabled', () => {
    const person = classify(officeWorker({ jobTitle: 'Analyst', department: 'Finance', managerId: 'u-boss' }), { breakGlass: [], tenant });
    expect(person.evidence.find((e) => e.signal === 'person-profile')).toEqual({
      signal: 'person-profile', weight: 0.5,
      detail: 'The directory gives it what a person has: job title "Analyst", department "Finance", a manager, Microsoft Authenticator registered (a weak hint: service accounts get managers too).',
    });
    // A job whose owner is recorded as its manager stays a job: behaviour outweighs the profile.
    const job = classify(cliJob({ department: 'IT Operations', managerId: 'u-boss', accountEnabled: false, disabledAt: '2026-10-27T10:12:00.000Z', directoryLastSignIn: '2026-11-20T23:30:00.000Z' }), { breakGlass: [], tenant });
    expect(job.class).toBe('service-account');
    expect(job.evidence.find((e) => e.signal === 'person-profile')?.weight).toBe(-0.5);
    expect(job.evidence.find((e) => e.signal === 'account-disabled')).toEqual({
      signal: 'account-disabled', weight: 0, detail: "Disabled in the directory (accountEnabled false) since 2026-10-27 (audit log); the directory's last sign-in is 2026-11-20.",
    });
  });
});
