import { blankFeatures } from '../../src/features/blank-features.js';
import type { IdentityFeatures } from '../../src/features/identity-features.js';

/**
 * A tenant small enough to compute by hand: one service account (in the directory) with three sign-ins and three
 * Activity-log events, and one service principal seen only in its two sign-ins, renamed between them. The records are written as a Log
 * Analytics KQL export (the table rows the feature query reads), and the feature rows below were worked out from them
 * by hand, field by field, not by running either path.
 */
export const TENANT = '11111111-1111-4111-8111-111111111111';
export const USER = 'aaaaaaaa-0000-4000-8000-000000000001';
export const SP = 'bbbbbbbb-0000-4000-8000-000000000002';
const SP_APP = 'cccccccc-0000-4000-8000-000000000003';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const GRAPH = '00000003-0000-0000-c000-000000000000';
const UPN = 'svc-deploy@contoso.example';

/** The directory: the user, as Graph returns it. */
export const USERS_PAGE = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
  value: [
    {
      id: USER, userPrincipalName: UPN, displayName: 'svc-deploy', userType: 'Member', accountEnabled: true, createdDateTime: '2025-01-01T00:00:00Z',
      passwordPolicies: 'DisablePasswordExpiration', onPremisesSyncEnabled: null, assignedLicenses: [],
    },
  ],
};

const USER_COMMON = {
  UserId: USER, UserPrincipalName: UPN, UserDisplayName: 'svc-deploy', UserType: 'Member', IPAddress: '20.1.2.3', AutonomousSystemNumber: '8075',
  CrossTenantAccessType: 'none', HomeTenantId: TENANT, ResourceTenantId: TENANT, AADTenantId: TENANT,
};

/** The records, as a KQL export of the five tables (Type names the table). */
export const LOG_ANALYTICS_ROWS: readonly Record<string, unknown>[] = [
  {
    ...USER_COMMON, Type: 'SigninLogs', Id: 'aaaa0001-0000-4000-8000-000000000001', TimeGenerated: '2026-11-02T09:00:00Z', CreatedDateTime: '2026-11-02T09:00:00Z',
    AppId: CLI, AppDisplayName: 'Microsoft Azure CLI', ResourceIdentity: ARM, ResourceDisplayName: 'Windows Azure Service Management API',
    LocationDetails: { city: 'Amsterdam', countryOrRegion: 'NL' }, UserAgent: 'python-requests/2.31 AZURECLI/2.60', IsInteractive: true,
    AuthenticationRequirement: 'singleFactorAuthentication', AuthenticationProtocol: 'ropc',
    AuthenticationDetails: '[{"authenticationMethod":"Password","succeeded":true}]', ResultType: '0', Status: { errorCode: 0 },
  },
  {
    ...USER_COMMON, Type: 'AADNonInteractiveUserSignInLogs', Id: 'aaaa0002-0000-4000-8000-000000000002', TimeGenerated: '2026-11-02T10:00:00Z',
    CreatedDateTime: '2026-11-02T10:00:00Z', AppId: CLI, AppDisplayName: 'Microsoft Azure CLI', ResourceIdentity: ARM,
    ResourceDisplayName: 'Windows Azure Service Management API', LocationDetails: '{"city":"Amsterdam","countryOrRegion":"NL"}',
    UserAgent: 'python-requests/2.31 AZURECLI/2.60', IsInteractive: false, AuthenticationRequirement: 'singleFactorAuthentication',
    AuthenticationProtocol: 'none', AuthenticationDetails: '[]', ResultType: '0', Status: '{"errorCode":0}',
  },
  {
    ...USER_COMMON, Type: 'SigninLogs', Id: 'aaaa0003-0000-4000-8000-000000000003', TimeGenerated: '2026-11-03T09:00:00Z', CreatedDateTime: '2026-11-03T09:00:00Z',
    AppId: PORTAL, AppDisplayName: 'Azure Portal', ResourceIdentity: ARM, ResourceDisplayName: 'Windows Azure Service Management API',
    LocationDetails: { city: 'Amsterdam', countryOrRegion: 'NL' }, UserAgent: 'Mozilla/5.0 (Windows NT 10.0) Edge/130', IsInteractive: true,
    AuthenticationRequirement: 'multiFactorAuthentication', AuthenticationProtocol: 'none',
    AuthenticationDetails: '[{"authenticationMethod":"Password","succeeded":true}]', ResultType: '50076',
    Status: { errorCode: 50076, failureReason: 'Due to a configuration change made by your administrator, you must use multi-factor authentication.' },
  },
  {
    Type: 'AADServicePrincipalSignInLogs', Id: 'bbbb0001-0000-4000-8000-000000000001', TimeGenerated: '2026-11-02T09:30:00Z', ServicePrincipalId: SP,
    ServicePrincipalName: 'deploy-app', AppId: SP_APP, ResourceIdentity: GRAPH, ResourceDisplayName: 'Microsoft Graph', IPAddress: '40.1.1.1',
    LocationDetails: '{"countryOrRegion":"US"}', ResultType: '0',
  },
  {
    Type: 'AADServicePrincipalSignInLogs', Id: 'bbbb0002-0000-4000-8000-000000000002', TimeGenerated: '2026-11-02T13:30:00Z', ServicePrincipalId: SP,
    ServicePrincipalName: 'Deploy App', AppId: SP_APP, ResourceIdentity: GRAPH, ResourceDisplayName: 'Microsoft Graph', IPAddress: '40.1.1.1',
    LocationDetails: '{"countryOrRegion":"US"}', ResultType: '0',
  },
  ...(['Start', 'Success'] as const).map((status, index) => ({
    Type: 'AzureActivity', EventDataId: `e000000${index + 1}-0000-4000-8000-000000000000`, TimeGenerated: `2026-11-02T09:0${5 + index}:00Z`,
    OperationNameValue: 'MICROSOFT.WEB/SITES/WRITE', ActivityStatusValue: status, CategoryValue: 'Administrative', Caller: UPN,
    Claims_d: { 'http://schemas.microsoft.com/identity/claims/objectidentifier': USER, 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': UPN, 'http://schemas.microsoft.com/claims/authnmethodsreferences': 'pwd', appid: CLI },
    Properties_d: status === 'Success' ? { statusCode: 'Created' } : {}, _ResourceId: '/subscriptions/s1/resourcegroups/rg/providers/microsoft.web/sites/app1', SubscriptionId: 's1',
  })),
  {
    Type: 'AzureActivity', EventDataId: 'e0000003-0000-4000-8000-000000000000', TimeGenerated: '2026-11-03T10:00:00Z', OperationNameValue: 'MICROSOFT.WEB/SITES/DELETE',
    ActivityStatusValue: 'Success', CategoryValue: 'Administrative', Caller: UPN,
    Claims_d: { 'http://schemas.microsoft.com/identity/claims/objectidentifier': USER, 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': UPN, 'http://schemas.microsoft.com/claims/authnmethodsreferences': 'pwd,mfa', appid: CLI },
    Properties_d: { statusCode: 'OK' }, _ResourceId: '/subscriptions/s1/resourcegroups/rg/providers/microsoft.web/sites/app1', SubscriptionId: 's1',
  },
];

function week(hours: Readonly<Record<number, number>>): number[] {
  return Array.from({ length: 168 }, (_, index) => hours[index] ?? 0);
}

/** The service account's row, by hand. Monday 09:00 and 10:00 and Tuesday 09:00 UTC: hours of the week 9, 10 and 33. */
export const EXPECTED_USER: IdentityFeatures = {
  ...blankFeatures(USER, 'user'),
  inDirectory: true, upn: UPN, displayName: 'svc-deploy', userType: 'member', accountEnabled: true, createdAt: '2025-01-01T00:00:00.000Z',
  passwordNeverExpires: true, onPremisesSyncEnabled: null, licenseCount: 0, appId: null, servicePrincipalType: null, directoryLastSignIn: null,
  registrationKnown: false, mfaRegistered: null, methodsRegistered: [], directoryRoleIds: [], caPoliciesExcluding: 0,
  signIns: 3, interactive: 2, nonInteractive: 1, servicePrincipalSignIns: 0, managedIdentitySignIns: 0,
  // The portal sign-in failed (50076): two successes, both single factor, one of them a password (ROPC) grant.
  successes: 2, mfaSuccesses: 0, singleFactorSuccesses: 2, ropc: 1, deviceCode: 0,
  firstSeen: '2026-11-02T09:00:00.000Z', lastSeen: '2026-11-03T09:00:00.000Z', lastSuccess: '2026-11-02T10:00:00.000Z', guestFromHomeTenant: 0,
  hourOfWeek: week({ 9: 1, 10: 1, 33: 1 }),
  // Active hours 9, 10 and 33 (two days, two hours of the day): gaps of 1 h and 23 h, median 12 h, population
  // standard deviation 11 h, so CV 11/12, and neither gap within 10% of the median.
  activeDays: 2, activeHours: 3, hoursOfDay: 2, gapMedianSeconds: 43_200, gapCv: 39_600 / 43_200, regularGapShare: 0,
  distinctIps: 1, distinctAsns: 1, distinctCountries: 1, azureAsnSignIns: 3, cloudAsnSignIns: 0, privateIpSignIns: 0,
  asns: [{ asn: 8075, count: 3 }],
  countries: [{ key: 'NL', name: null, count: 3 }],
  // "azurecli" is the Azure CLI family (before the Python SDK it is built on); the portal's browser is a browser.
  userAgents: [{ key: 'azure-cli', name: null, count: 2 }, { key: 'browser', name: null, count: 1 }],
  apps: [{ key: CLI, name: 'Microsoft Azure CLI', count: 2 }, { key: PORTAL, name: 'Azure Portal', count: 1 }],
  resources: [{ key: ARM, name: 'Windows Azure Service Management API', count: 3 }],
  failures: [{ code: 50076, count: 1 }],
  portalSuccessMfa: 0, portalSuccessNoMfa: 0, portalNoMfaFirst: null, portalNoMfaLast: null,
  // The ROPC grant presented a password: single-factor by its own record. The 10:00 refresh presented no credential and
  // has no session id: it rides a token whose origin is not in the data (untraced), neither with nor without MFA.
  armSuccessMfa: 0, armSuccessNoMfa: 1, armRopcSuccess: 1, armNoMfaFirst: '2026-11-02T09:00:00.000Z', armNoMfaLast: '2026-11-02T09:00:00.000Z',
  armNoMfaApps: [{ key: CLI, name: 'Microsoft Azure CLI', count: 1 }],
  armSuccessUntraced: 1, scopeUntracedFirst: '2026-11-02T10:00:00.000Z', scopeUntracedLast: '2026-11-02T10:00:00.000Z', untracedWithoutSession: 1,
  scopeMfaFailures: 1, portalMfaFailures: 1, scopeMfaFailureFirst: '2026-11-03T09:00:00.000Z', scopeMfaFailureLast: '2026-11-03T09:00:00.000Z',
  scopeMfaFailureApp: 'Azure Portal', scopeMfaFailureCodes: [50076], lastScopeMfaSuccess: null, otherMfaFailures: 0,
  trustedLocationIps: 0, trustedLocations: [],
  // The write's Start is in progress (not counted); its Success created the site with a password-only token; the delete had MFA.
  writes: 1, deletes: 1, actions: 0, opsMfa: 1, opsNoMfa: 1, opsMfaUnknown: 0, opsNoMfaFirst: '2026-11-02T09:06:00.000Z', opsNoMfaLast: '2026-11-02T09:06:00.000Z',
  opsNoMfaNames: [{ key: 'microsoft.web/sites/write', name: null, count: 1 }], lastOperation: '2026-11-03T10:00:00.000Z',
  policyDenied: 0, policyDeniedFirst: null, policyDeniedLast: null, policyDeniedDefinitions: [], policyAudits: 0, policyAuditFirst: null, policyAuditLast: null,
  successor: null,
};

/**
 * The service principal's row: two Graph sign-ins four hours apart on the Monday, known only from its sign-in log. Its
 * name is the least of the two it signed in with, in byte order ('D' before 'd'): the later one here, so neither "the
 * first" nor "the latest" would give it. Both paths take it so (min in the store, minif in Kusto).
 */
export const EXPECTED_SP: IdentityFeatures = {
  ...blankFeatures(SP, 'servicePrincipal'),
  displayName: 'Deploy App', appId: SP_APP,
  // A workload's sign-in records no authentication requirement: it is neither an MFA nor a single-factor success.
  signIns: 2, servicePrincipalSignIns: 2, successes: 2, singleFactorSuccesses: 0,
  firstSeen: '2026-11-02T09:30:00.000Z', lastSeen: '2026-11-02T13:30:00.000Z', lastSuccess: '2026-11-02T13:30:00.000Z',
  hourOfWeek: week({ 9: 1, 13: 1 }),
  activeDays: 1, activeHours: 2, hoursOfDay: 2, gapMedianSeconds: 14_400, gapCv: 0, regularGapShare: 1,
  distinctIps: 1, distinctCountries: 1, countries: [{ key: 'US', name: null, count: 2 }],
  apps: [{ key: SP_APP, name: null, count: 2 }],
  resources: [{ key: GRAPH, name: 'Microsoft Graph', count: 2 }],
};

/**
 * What Log Analytics answers to the feature query for these records, written by hand in the query API's documented
 * shape: one table, its columns with their Kusto types, one row per principal. Lists come as Kusto builds them
 * (make_list, in no particular order), dynamics as JSON text, datetimes as ISO strings.
 */
function column(name: string, type: string): { name: string; type: string } {
  return { name, type };
}

const NUMBER_COLUMNS = [
  'signIns', 'interactive', 'nonInteractive', 'servicePrincipalSignIns', 'managedIdentitySignIns', 'successes', 'mfaSuccesses', 'singleFactorSuccesses', 'ropc',
  'deviceCode', 'guestFromHomeTenant', 'distinctIps', 'distinctAsns', 'distinctCountries', 'azureAsnSignIns', 'cloudAsnSignIns', 'privateIpSignIns', 'portalSuccessMfa',
  'portalSuccessNoMfa', 'armSuccessMfa', 'armSuccessNoMfa', 'armRopcSuccess', 'scopeMfaFailures', 'portalMfaFailures', 'otherMfaFailures', 'activeDays', 'activeHours',
  'hoursOfDay', 'writes', 'deletes', 'actions', 'opsMfa', 'opsNoMfa', 'opsMfaUnknown', 'policyDenied', 'policyAudits', 'sessionMfaSuccesses', 'portalSuccessSessionMfa',
  'armSuccessSessionMfa', 'portalSuccessSessionSingle', 'armSuccessSessionSingle', 'portalSuccessUntraced', 'armSuccessUntraced', 'untracedWithoutSession',
] as const;

export function handWrittenAnswer(): unknown {
  const columns = [
    column('pid', 'string'), column('pkind', 'string'), column('upn', 'string'), column('userDisplayName', 'string'), column('spName', 'string'),
    column('userType', 'string'), column('spAppId', 'string'), column('okIps', 'dynamic'), column('okind', 'string'), column('opUpn', 'string'),
    column('operations', 'long'), ...NUMBER_COLUMNS.map((name) => column(name, 'long')),
    ...['firstSeen', 'lastSeen', 'lastSuccess', 'portalNoMfaFirst', 'portalNoMfaLast', 'armNoMfaFirst', 'armNoMfaLast', 'scopeMfaFailureFirst', 'scopeMfaFailureLast',
      'lastScopeMfaSuccess', 'opsNoMfaFirst', 'opsNoMfaLast', 'lastOperation', 'policyDeniedFirst', 'policyDeniedLast', 'policyAuditFirst', 'policyAuditLast',
      'scopeUntracedFirst', 'scopeUntracedLast'].map((name) => column(name, 'datetime')),
    column('gapMedianSeconds', 'real'), column('gapCv', 'real'), column('regularGapShare', 'real'), column('scopeMfaFailureApp', 'string'),
    ...['hourOfWeek', 'asns', 'countries', 'userAgents', 'apps', 'resources', 'failures', 'armNoMfaApps', 'scopeMfaFailureCodes', 'opsNoMfaNames', 'policyDeniedDefinitions'].map((name) => column(name, 'dynamic')),
  ];
  const user: Record<string, unknown> = {
    pid: USER, pkind: 'user', upn: UPN, userDisplayName: 'svc-deploy', spName: '', userType: 'member', spAppId: '', okIps: '["20.1.2.3"]', okind: 'user', opUpn: UPN, operations: 3,
    signIns: 3, interactive: 2, nonInteractive: 1, servicePrincipalSignIns: 0, managedIdentitySignIns: 0, successes: 2, mfaSuccesses: 0, singleFactorSuccesses: 2, ropc: 1,
    deviceCode: 0, guestFromHomeTenant: 0, distinctIps: 1, distinctAsns: 1, distinctCountries: 1, azureAsnSignIns: 3, cloudAsnSignIns: 0, privateIpSignIns: 0,
    portalSuccessMfa: 0, portalSuccessNoMfa: 0, armSuccessMfa: 0, armSuccessNoMfa: 1, armRopcSuccess: 1, scopeMfaFailures: 1, portalMfaFailures: 1, otherMfaFailures: 0,
    sessionMfaSuccesses: 0, portalSuccessSessionMfa: 0, armSuccessSessionMfa: 0, portalSuccessSessionSingle: 0, armSuccessSessionSingle: 0, portalSuccessUntraced: 0,
    armSuccessUntraced: 1, untracedWithoutSession: 1, scopeUntracedFirst: '2026-11-02T10:00:00Z', scopeUntracedLast: '2026-11-02T10:00:00Z',
    activeDays: 2, activeHours: 3, hoursOfDay: 2, writes: 1, deletes: 1, actions: 0, opsMfa: 1, opsNoMfa: 1, opsMfaUnknown: 0, policyDenied: 0, policyAudits: 0,
    firstSeen: '2026-11-02T09:00:00Z', lastSeen: '2026-11-03T09:00:00Z', lastSuccess: '2026-11-02T10:00:00Z', portalNoMfaFirst: null, portalNoMfaLast: null,
    armNoMfaFirst: '2026-11-02T09:00:00Z', armNoMfaLast: '2026-11-02T09:00:00Z', scopeMfaFailureFirst: '2026-11-03T09:00:00Z', scopeMfaFailureLast: '2026-11-03T09:00:00Z',
    lastScopeMfaSuccess: null, opsNoMfaFirst: '2026-11-02T09:06:00Z', opsNoMfaLast: '2026-11-02T09:06:00Z', lastOperation: '2026-11-03T10:00:00Z',
    policyDeniedFirst: null, policyDeniedLast: null, policyAuditFirst: null, policyAuditLast: null,
    gapMedianSeconds: 43_200, gapCv: 0.9166666666666666, regularGapShare: 0, scopeMfaFailureApp: 'Azure Portal',
    hourOfWeek: JSON.stringify(week({ 9: 1, 10: 1, 33: 1 })),
    asns: '[{"asn":8075,"count":3}]',
    countries: '[{"key":"NL","name":"","count":3}]',
    userAgents: '[{"key":"browser","name":"","count":1},{"key":"azure-cli","name":"","count":2}]',
    apps: `[{"key":"${PORTAL}","name":"Azure Portal","count":1},{"key":"${CLI}","name":"Microsoft Azure CLI","count":2}]`,
    resources: `[{"key":"${ARM}","name":"Windows Azure Service Management API","count":3}]`,
    failures: '[{"code":50076,"count":1}]',
    armNoMfaApps: `[{"key":"${CLI}","name":"Microsoft Azure CLI","count":1}]`,
    scopeMfaFailureCodes: '[50076]',
    opsNoMfaNames: '[{"key":"microsoft.web/sites/write","name":"","count":1}]',
    policyDeniedDefinitions: '[]',
  };
  // Seen only in its sign-in log: the full outer join leaves the Activity-log columns empty.
  const servicePrincipal: Record<string, unknown> = {
    pid: SP, pkind: 'servicePrincipal', upn: '', userDisplayName: '', spName: 'Deploy App', userType: '', spAppId: SP_APP, okIps: '["40.1.1.1"]', okind: '', opUpn: '',
    operations: null, signIns: 2, interactive: 0, nonInteractive: 0, servicePrincipalSignIns: 2, managedIdentitySignIns: 0, successes: 2, mfaSuccesses: 0,
    singleFactorSuccesses: 0, ropc: 0, deviceCode: 0, guestFromHomeTenant: 0, distinctIps: 1, distinctAsns: 0, distinctCountries: 1, azureAsnSignIns: 0, cloudAsnSignIns: 0,
    privateIpSignIns: 0, portalSuccessMfa: 0, portalSuccessNoMfa: 0, armSuccessMfa: 0, armSuccessNoMfa: 0, armRopcSuccess: 0, scopeMfaFailures: 0, portalMfaFailures: 0,
    otherMfaFailures: 0, sessionMfaSuccesses: 0, portalSuccessSessionMfa: 0, armSuccessSessionMfa: 0, portalSuccessSessionSingle: 0, armSuccessSessionSingle: 0,
    portalSuccessUntraced: 0, armSuccessUntraced: 0, untracedWithoutSession: 0, scopeUntracedFirst: null, scopeUntracedLast: null,
    activeDays: 1, activeHours: 2, hoursOfDay: 2, writes: null, deletes: null, actions: null, opsMfa: null, opsNoMfa: null, opsMfaUnknown: null,
    policyDenied: null, policyAudits: null, firstSeen: '2026-11-02T09:30:00Z', lastSeen: '2026-11-02T13:30:00Z', lastSuccess: '2026-11-02T13:30:00Z',
    portalNoMfaFirst: null, portalNoMfaLast: null, armNoMfaFirst: null, armNoMfaLast: null, scopeMfaFailureFirst: null, scopeMfaFailureLast: null, lastScopeMfaSuccess: null,
    opsNoMfaFirst: null, opsNoMfaLast: null, lastOperation: null, policyDeniedFirst: null, policyDeniedLast: null, policyAuditFirst: null, policyAuditLast: null,
    gapMedianSeconds: 14_400, gapCv: 0, regularGapShare: 1, scopeMfaFailureApp: '', hourOfWeek: JSON.stringify(week({ 9: 1, 13: 1 })), asns: '[]',
    countries: '[{"key":"US","name":"","count":2}]', userAgents: '[]', apps: `[{"key":"${SP_APP}","name":"","count":2}]`,
    resources: `[{"key":"${GRAPH}","name":"Microsoft Graph","count":2}]`, failures: '[]', armNoMfaApps: '[]', scopeMfaFailureCodes: '[]', opsNoMfaNames: null, policyDeniedDefinitions: null,
  };
  return { tables: [{ name: 'PrimaryResult', columns, rows: [user, servicePrincipal].map((row) => columns.map((entry) => row[entry.name] ?? null)) }] };
}
