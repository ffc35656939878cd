/**
 * One case per scenario of the issue: who the identity is, what its logs show, and what analyze must say.
 * Each case builds its own small tenant (TenantFixture) and names the identity the assertions are about.
 */
import type { IdentityClass, RecommendedAction, Verdict } from '../../src/model/analysis.js';
import type { TenantFixture } from './tenant-fixture.js';
import { APPS, DAY, every, HOUR, NET, RESOURCES, UA, WINDOW_END, WINDOW_START, workdays, type Place, type UserSpec } from './tenant-fixture.js';

const GA = '62e90394-69f5-4237-9190-012177145e10';
const APP_ADMIN = '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3';
const MFA_WRITE_POLICY = '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b';
const PHASE2 = '2026-12-15';

export interface Expectation {
  class: IdentityClass;
  verdict: Verdict;
  breaksOn: string | null;
  action: RecommendedAction;
  /** A phrase one of the reasons must contain: the proof a person can check. */
  reason: string;
}

export interface ScenarioCase {
  name: string;
  build(tenant: TenantFixture): { id: string };
  expect: Expectation;
}

function uid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const HOME_ISPS = [
  { ip: '86.128.4.21', asn: 2856, country: 'GB', city: 'London' },
  { ip: '82.2.77.3', asn: 5089, country: 'GB', city: 'Manchester' },
  { ip: '90.196.12.8', asn: 5607, country: 'GB', city: 'Bristol' },
];

function svc(n: number, local: string, extra: Partial<UserSpec> = {}): UserSpec {
  return { id: uid(n), upn: `${local}@contoso.com`, displayName: local, licences: 0, passwordNeverExpires: true, mfaMethods: [], ...extra };
}

/** An office day for a person: Office in the browser, morning and afternoon. */
function officeDays(tenant: TenantFixture, user: UserSpec): void {
  workdays([8, 13]).forEach((at, index) => tenant.signIn({ at, user, app: APPS.officeHome, resource: RESOURCES.office, place: HOME_ISPS[index % 3] ?? NET.office, userAgent: UA.edge, interactive: true, mfa: true }));
}

function writes(tenant: TenantFixture, user: UserSpec, times: readonly number[], amr: string, appId: string, place: Place = NET.azure): void {
  times.forEach((at, index) => tenant.operation({ at: at + 60_000, caller: { objectId: user.id, upn: user.upn, appId }, operation: index % 3 === 0 ? 'MICROSOFT.WEB/SITES/WRITE' : 'MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE', amr, created: index % 2 === 0, place }));
}

/** A reason's minute: "2026-11-20 10:10 UTC". */
function minute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function session(n: number): string {
  return `5e55a0f1-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Each workday at 10:10: a portal sign-in with MFA begins a session; the portal refreshes it three times, logged single-factor. */
const portalDays = workdays([10]);
const lastPortalDay = portalDays.at(-1) ?? 0;
/** Each hour a password sign-in on the CLI begins a session; two refreshes ride it. */
const passwordRuns = every(WINDOW_START + 5 * 60_000, WINDOW_END - HOUR, HOUR);
const lastPasswordRun = passwordRuns.at(-1) ?? 0;
/** The first two days: portal refreshes of a session whose sign-in is before the window. */
const preWindowRefreshes = [WINDOW_START + 9 * HOUR, WINDOW_START + 11 * HOUR, WINDOW_START + DAY + 9 * HOUR];

export const CASES: readonly ScenarioCase[] = [
  {
    name: 'a human admin with MFA',
    build(t) {
      const user = t.user({ id: uid(1), upn: 'alex.admin@contoso.com', displayName: 'Alex Admin', licences: 1, mfaMethods: ['microsoftAuthenticatorPush'], roles: [APP_ADMIN] });
      officeDays(t, user);
      const portal = workdays([10]);
      portal.forEach((at, i) => t.signIn({ at, user, app: APPS.portal, resource: RESOURCES.arm, place: HOME_ISPS[i % 3] ?? NET.office, userAgent: UA.edge, interactive: true, mfa: true }));
      const cli = workdays([15]);
      cli.forEach((at) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.office, userAgent: UA.cliDesk, interactive: true, mfa: true }));
      writes(t, user, cli, 'pwd,mfa', APPS.cli.id, NET.office);
      return user;
    },
    expect: { class: 'human', verdict: 'ready', breaksOn: null, action: 'none', reason: 'In scope and ready' },
  },
  {
    name: 'a human admin on the CLI without MFA',
    build(t) {
      const user = t.user({ id: uid(2), upn: 'dana.ops@contoso.com', displayName: 'Dana Ops', licences: 1, mfaMethods: [], roles: [APP_ADMIN] });
      officeDays(t, user);
      const cli = workdays([11, 16], 25);
      cli.forEach((at, i) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: HOME_ISPS[i % 3] ?? NET.office, userAgent: UA.cliDesk, interactive: true, mfa: false }));
      writes(t, user, cli, 'pwd', APPS.cli.id, NET.office);
      return user;
    },
    expect: { class: 'human', verdict: 'breaks', breaksOn: PHASE2, action: 'enroll-mfa', reason: 'ARM write/delete operations in the Activity log with a token without MFA' },
  },
  {
    name: 'the Azure mobile app without MFA',
    build(t) {
      const user = t.user({ id: uid(3), upn: 'mo.bile@contoso.com', displayName: 'Mo Bile', licences: 1, mfaMethods: [] });
      officeDays(t, user);
      const mobile = workdays([19], 40).filter((_, i) => i % 2 === 0);
      mobile.forEach((at) => t.signIn({ at, user, app: APPS.mobile, resource: RESOURCES.arm, place: HOME_ISPS[0] ?? NET.office, userAgent: UA.mobile, interactive: true, mfa: false }));
      writes(t, user, mobile.slice(0, 4), 'pwd', APPS.mobile.id, HOME_ISPS[0]);
      return user;
    },
    expect: { class: 'human', verdict: 'breaks', breaksOn: PHASE2, action: 'enroll-mfa', reason: 'via Azure Mobile App' },
  },
  {
    name: 'a guest admin whose MFA comes from the home tenant',
    build(t) {
      const user = t.user({ id: uid(4), upn: 'gail_fabrikam.com#ext#@contoso.com', displayName: 'Gail (Fabrikam)', userType: 'Guest', roles: [APP_ADMIN] });
      workdays([9, 14]).forEach((at) => t.signIn({ at, user, app: APPS.portal, resource: RESOURCES.arm, place: { ip: '145.2.3.4', asn: 1103, country: 'NL', city: 'Utrecht' }, userAgent: UA.edge, interactive: true, guestFromHome: true }));
      writes(t, user, workdays([9]).slice(0, 5), 'pwd,mfa', APPS.portal.id);
      return user;
    },
    expect: { class: 'human', verdict: 'ready', breaksOn: null, action: 'none', reason: 'guest whose MFA comes from its home tenant' },
  },
  {
    name: 'a service account doing a CLI password sign-in from an Azure VM',
    build(t) {
      const user = t.user(svc(5, 'svc-vm-cli'));
      const hourly = every(WINDOW_START + 5 * 60_000, WINDOW_END, HOUR);
      hourly.forEach((at) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, protocol: 'ropc' }));
      writes(t, user, hourly.filter((_, i) => i % 6 === 0), 'pwd', APPS.cli.id);
      return user;
    },
    expect: { class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-managed-identity', reason: 'password (ROPC) grants via Microsoft Azure CLI' },
  },
  {
    name: 'a nightly PowerShell runbook from on-premises',
    build(t) {
      const user = t.user(svc(6, 'automation-runbook'));
      const nightly = every(WINDOW_START + 2 * HOUR + 3 * 60_000, WINDOW_END, DAY);
      nightly.forEach((at) => t.signIn({ at, user, app: APPS.powershell, resource: RESOURCES.arm, place: NET.onPrem, userAgent: UA.powershell, protocol: 'ropc' }));
      writes(t, user, nightly, 'pwd', APPS.powershell.id, NET.onPrem);
      return user;
    },
    expect: { class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-service-principal-certificate', reason: '1 sign-in address is in the trusted named location "Slough data centre": Conditional Access exclusions, trusted locations included, do not exempt anyone from mandatory MFA.' },
  },
  {
    name: 'Terraform through the CLI from CI',
    build(t) {
      const user = t.user(svc(7, 'terraform-deployer'));
      const runners = [{ ip: '4.227.10.11', asn: 8075, country: 'US', city: 'Boydton' }, { ip: '20.102.3.9', asn: 8075, country: 'US', city: 'Des Moines' }, { ip: '13.105.4.4', asn: 8075, country: 'US', city: 'San Antonio' }];
      const runs = workdays([7, 12, 17], 33);
      runs.forEach((at, i) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: runners[i % 3] ?? NET.azure, userAgent: UA.terraformGitHub, protocol: 'ropc' }));
      writes(t, user, runs, 'pwd', APPS.cli.id);
      return user;
    },
    expect: { class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-workload-federation', reason: 'They will be refused from 2026-12-15 (phase2).' },
  },
  {
    name: 'a read-only service account',
    build(t) {
      const user = t.user(svc(8, 'svc-inventory'));
      every(WINDOW_START + 30 * 60_000, WINDOW_END, 6 * HOUR).forEach((at) => t.signIn({ at, user, app: APPS.powershell, resource: RESOURCES.arm, place: NET.onPrem, userAgent: UA.powershell, protocol: 'ropc' }));
      return user;
    },
    expect: { class: 'service-account', verdict: 'at-risk', breaksOn: null, action: 'migrate-service-principal-certificate', reason: 'reads only, which are not enforced' },
  },
  {
    name: 'a Graph-only service account',
    build(t) {
      const user = t.user(svc(9, 'svc-graph-reports'));
      const reportApp = { id: 'c0c0c0c0-0000-4000-8000-000000000009', name: 'Reports Exporter' };
      every(WINDOW_START + 6 * HOUR, WINDOW_END, DAY).forEach((at) => t.signIn({ at, user, app: reportApp, resource: RESOURCES.graph, place: NET.onPrem, userAgent: UA.msalPython, protocol: 'ropc' }));
      return user;
    },
    expect: { class: 'service-account', verdict: 'not-affected', breaksOn: null, action: 'migrate-service-principal-certificate', reason: 'none to the Azure portal or Azure Resource Manager (Microsoft Graph (30))' },
  },
  {
    name: 'a custom client app doing ROPC against the ARM resource',
    build(t) {
      const user = t.user(svc(10, 'svc-custom-ropc'));
      const custom = { id: 'd0d0d0d0-0000-4000-8000-000000000010', name: 'Contoso Provisioner' };
      const runs = every(WINDOW_START + 20 * 60_000, WINDOW_END, 4 * HOUR);
      runs.forEach((at) => t.signIn({ at, user, app: custom, resource: RESOURCES.arm, place: NET.onPrem, userAgent: null, protocol: 'ropc' }));
      writes(t, user, runs, 'pwd', custom.id, NET.onPrem);
      return user;
    },
    expect: { class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-service-principal-certificate', reason: 'via Contoso Provisioner' },
  },
  {
    name: 'a human-named account behaving as a service',
    build(t) {
      const user = t.user({ id: uid(11), upn: 'peter.jones@contoso.com', displayName: 'Peter Jones', licences: 0, mfaMethods: [] });
      const quarterHours = every(WINDOW_START + 7 * 60_000, WINDOW_END, 15 * 60_000);
      quarterHours.forEach((at) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, protocol: 'ropc' }));
      writes(t, user, quarterHours.filter((_, i) => i % 16 === 0), 'pwd', APPS.cli.id);
      return user;
    },
    expect: { class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-managed-identity', reason: 'ARM write/delete operations' },
  },
  {
    name: 'an already-failing account (50076 and RequestDisallowedByPolicy)',
    build(t) {
      const user = t.user(svc(12, 'svc-deploy-legacy'));
      const runs = workdays([6, 18], 12);
      runs.forEach((at, i) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, userAgent: UA.adoAgent, protocol: 'ropc', errorCode: i % 2 === 0 ? 50076 : 0 }));
      runs.filter((_, i) => i % 2 === 1).forEach((at) => t.operation({ at, caller: { objectId: user.id, upn: user.upn, appId: APPS.cli.id }, operation: 'MICROSOFT.WEB/SITES/WRITE', amr: 'pwd', deniedBy: MFA_WRITE_POLICY, place: NET.onPrem }));
      return user;
    },
    expect: { class: 'service-account', verdict: 'broken', breaksOn: null, action: 'migrate-workload-federation', reason: 'RequestDisallowedByPolicy' },
  },
  {
    name: 'a stale account',
    build(t) {
      return t.user(svc(13, 'svc-stale', { lastSignIn: '2026-05-04T02:00:00Z' }));
    },
    expect: { class: 'service-account', verdict: 'not-affected', breaksOn: null, action: 'retire', reason: "the directory's last sign-in is 2026-05-04" },
  },
  {
    name: 'a migrated account (a new service principal signs in from the same source)',
    build(t) {
      const user = t.user(svc(14, 'svc-migrated'));
      const until = WINDOW_END - 10 * DAY;
      const before = every(WINDOW_START + 45 * 60_000, until, 2 * HOUR);
      before.forEach((at) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, protocol: 'ropc' }));
      writes(t, user, before, 'pwd', APPS.cli.id);
      const successor = t.workload({ id: 'e0e0e0e0-0000-4000-8000-000000000014', appId: 'f0f0f0f0-0000-4000-8000-000000000014', name: 'deploy-workload', kind: 'servicePrincipal' });
      every(until + HOUR, WINDOW_END, 2 * HOUR).forEach((at) => t.signIn({ at, workload: successor, app: { id: successor.appId, name: successor.name }, resource: RESOURCES.arm, place: NET.azure }));
      return user;
    },
    expect: { class: 'service-account', verdict: 'not-affected', breaksOn: null, action: 'retire', reason: 'has signed in from the same address 20.61.14.7' },
  },
  {
    name: 'a break-glass account with FIDO2',
    build(t) {
      const user = t.user({ id: uid(15), upn: 'breakglass-01@contoso.onmicrosoft.com', displayName: 'Break Glass 01', licences: 0, passwordNeverExpires: true, mfaMethods: ['passKeyDeviceBound'], roles: [GA] });
      t.excludeFromConditionalAccess(user.id);
      t.signIn({ at: WINDOW_START + 9 * DAY + 10 * HOUR, user, app: APPS.portal, resource: RESOURCES.arm, place: NET.office, userAgent: UA.edge, interactive: true, mfa: true, mfaMethod: 'FIDO2 security key' });
      return user;
    },
    expect: { class: 'break-glass', verdict: 'ready', breaksOn: null, action: 'none', reason: '1 Azure portal sign-in with MFA' },
  },
  {
    name: 'a break-glass account with a password only',
    build(t) {
      const user = t.user({ id: uid(16), upn: 'breakglass-02@contoso.onmicrosoft.com', displayName: 'Break Glass 02', licences: 0, passwordNeverExpires: true, mfaMethods: [], roles: [GA] });
      t.excludeFromConditionalAccess(user.id);
      t.signIn({ at: WINDOW_START + 12 * DAY + 10 * HOUR, user, app: APPS.portal, resource: RESOURCES.arm, place: NET.office, userAgent: UA.edge, interactive: true, errorCode: 50074 });
      return user;
    },
    expect: { class: 'break-glass', verdict: 'broken', breaksOn: null, action: 'enroll-phishing-resistant-mfa', reason: 'failed with 50074 (MFA required)' },
  },
  {
    name: 'a service principal',
    build(t) {
      const sp = t.workload({ id: 'e1e1e1e1-0000-4000-8000-000000000017', appId: 'f1f1f1f1-0000-4000-8000-000000000017', name: 'billing-export', kind: 'servicePrincipal' });
      every(WINDOW_START, WINDOW_END, 12 * HOUR).forEach((at) => t.signIn({ at, workload: sp, app: { id: sp.appId, name: sp.name }, resource: RESOURCES.arm, place: NET.azure }));
      t.operation({ at: WINDOW_END - 3 * HOUR, caller: { objectId: sp.id, appId: sp.appId, app: true }, operation: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE' });
      return sp;
    },
    expect: { class: 'workload-identity', verdict: 'not-affected', breaksOn: null, action: 'none', reason: 'A service principal: mandatory MFA applies to user sign-ins only' },
  },
  {
    name: 'a managed identity',
    build(t) {
      const mi = t.workload({ id: 'e2e2e2e2-0000-4000-8000-000000000018', appId: 'f2f2f2f2-0000-4000-8000-000000000018', name: 'vm-backup-mi', kind: 'managedIdentity' });
      every(WINDOW_START, WINDOW_END, 6 * HOUR).forEach((at) => t.signIn({ at, workload: mi, app: { id: mi.appId, name: mi.name }, resource: RESOURCES.arm, place: NET.azure }));
      return mi;
    },
    expect: { class: 'workload-identity', verdict: 'not-affected', breaksOn: null, action: 'none', reason: 'A managed identity' },
  },
  {
    name: 'a CLI password service account when no Activity log was imported',
    build(t) {
      t.withoutActivityLog();
      const user = t.user(svc(19, 'svc-nightly-cli'));
      every(WINDOW_START + 5 * 60_000, WINDOW_END, HOUR).forEach((at) => t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, protocol: 'ropc' }));
      return user;
    },
    expect: { class: 'service-account', verdict: 'at-risk', breaksOn: null, action: 'migrate-managed-identity', reason: 'No Activity log was imported, so writes cannot be told from reads' },
  },
  {
    name: 'a person whose portal refreshes are logged single-factor after an MFA sign-in in the same session',
    build(t) {
      const user = t.user({ id: uid(21), upn: 'sam.portal@contoso.com', displayName: 'Sam Portal', licences: 1, mfaMethods: ['microsoftAuthenticatorPush'] });
      officeDays(t, user);
      portalDays.forEach((at, day) => {
        t.signIn({ at, user, app: APPS.portal, resource: RESOURCES.arm, place: NET.office, userAgent: UA.edge, interactive: true, mfa: true, session: session(100 + day) });
        for (const later of [10, 40, 70]) t.signIn({ at: at + later * 60_000, user, app: APPS.portal, resource: RESOURCES.arm, place: NET.office, userAgent: UA.edge, refresh: true, session: session(100 + day) });
      });
      return user;
    },
    expect: {
      class: 'human', verdict: 'ready', breaksOn: null, action: 'none',
      reason: `yet carry the MFA of the session they ride: e.g. session ${session(100 + portalDays.length - 1)} completed MFA by Mobile app notification on "Azure Portal" at ${minute(lastPortalDay)}`,
    },
  },
  {
    name: 'a service account whose password sessions are refreshed without MFA',
    build(t) {
      const user = t.user(svc(22, 'svc-refresh-cli'));
      passwordRuns.forEach((at, run) => {
        t.signIn({ at, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, interactive: true, session: session(2000 + run) });
        for (const later of [15, 30]) t.signIn({ at: at + later * 60_000, user, app: APPS.cli, resource: RESOURCES.arm, place: NET.azure, userAgent: UA.cliVm, refresh: true, session: session(2000 + run) });
      });
      writes(t, user, passwordRuns.filter((_, run) => run % 6 === 0), 'pwd', APPS.cli.id);
      return user;
    },
    expect: {
      class: 'service-account', verdict: 'breaks', breaksOn: PHASE2, action: 'migrate-managed-identity',
      reason: `of them refreshing a session that began single-factor (session ${session(2000 + passwordRuns.length - 1)} began with a single-factor sign-in to "Microsoft Azure CLI" at ${minute(lastPasswordRun)} and was refreshed 2 times without MFA)`,
    },
  },
  {
    name: 'a person whose only portal access rides a session begun before the window',
    build(t) {
      const user = t.user({ id: uid(23), upn: 'kim.tab@contoso.com', displayName: 'Kim Tab', licences: 1, mfaMethods: ['microsoftAuthenticatorPush'] });
      officeDays(t, user);
      for (const at of preWindowRefreshes) t.signIn({ at, user, app: APPS.portal, resource: RESOURCES.arm, place: NET.office, userAgent: UA.edge, refresh: true, session: session(3000) });
      return user;
    },
    expect: {
      class: 'human', verdict: 'at-risk', breaksOn: null, action: 'none',
      reason: `their session began before the imported window (session ${session(3000)} was first seen at ${minute(preWindowRefreshes[0] ?? 0)}, already under way)`,
    },
  },
];
