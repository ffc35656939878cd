import { describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../catalog/directory-roles.js';
import type { AccessFacts, DirectoryFacts, NamedLocationFacts } from '../../model/access-facts.js';
import { caPolicySchema } from '../../model/conditional-access-policy.js';
import { evaluatePolicy, expectedEntraResult, type EntraResult, type Judgement } from './evaluate-policy.js';
import type { EnforcementPoint, WhatIfPolicy } from './what-if-policy.js';

const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const GRAPH = '00000003-0000-0000-c000-000000000000';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const TENANT = '11111111-1111-4111-8111-111111111111';
const PARTNER = '22222222-2222-4222-8222-222222222222';
const OFFICE = 'aaaaaaaa-0000-4000-8000-000000000001';
const LAB = 'aaaaaaaa-0000-4000-8000-000000000002';
const COUNTRIES = 'aaaaaaaa-0000-4000-8000-000000000003';
const UNKNOWN_COUNTRIES = 'aaaaaaaa-0000-4000-8000-000000000004';
const GPS = 'aaaaaaaa-0000-4000-8000-000000000005';
const PHISHING_RESISTANT = '00000000-0000-0000-0000-000000000004';
const MULTIFACTOR = '00000000-0000-0000-0000-000000000002';

function location(id: string, overrides: Partial<NamedLocationFacts>): NamedLocationFacts {
  return { id, name: id, kind: 'ip', trusted: false, countries: [], includeUnknownCountries: false, lookup: 'clientIpAddress', ...overrides };
}

/** u1 is in g-admins directly and in g-all through g-admins (nested), holds Global Administrator; sp1 is the tenant's own app. */
const DIRECTORY: DirectoryFacts = {
  tenantId: TENANT,
  groupMembers: new Map([
    ['g-admins', new Set(['u1'])],
    ['g-all', new Set(['g-admins', 'u1', 'u2'])],
    ['g-empty', new Set<string>()],
  ]),
  roleHolders: new Map([[GLOBAL_ADMINISTRATOR_ROLE_ID, new Set(['u1'])]]),
  rolesImported: true,
  userTypes: new Map([['u1', 'member']]),
  namedLocations: new Map([
    [OFFICE, location(OFFICE, { trusted: true })],
    [LAB, location(LAB, {})],
    [COUNTRIES, location(COUNTRIES, { kind: 'country', countries: ['FR', 'DE'] })],
    [UNKNOWN_COUNTRIES, location(UNKNOWN_COUNTRIES, { kind: 'country', countries: ['KP'], includeUnknownCountries: true })],
    [GPS, location(GPS, { kind: 'country', countries: ['FR'], lookup: 'authenticatorAppGps' })],
  ]),
  servicePrincipals: new Map([
    ['sp1', { appOwnerTenantId: TENANT, type: 'Application' }],
    ['sp-partner', { appOwnerTenantId: PARTNER, type: 'Application' }],
    ['mi1', { appOwnerTenantId: TENANT, type: 'ManagedIdentity' }],
  ]),
};

const NO_ROLES: DirectoryFacts = { ...DIRECTORY, roleHolders: new Map(), rolesImported: false };

/** A person's interactive single-factor sign-in with the Azure CLI to ARM, from a browser on Windows in Great Britain. */
function facts(overrides: Partial<AccessFacts> = {}): AccessFacts {
  return {
    subject: 'user-sign-in', principalId: 'u1', interactive: true, protocol: 'none', clientAppId: CLI, resourceId: ARM, clientAppUsed: 'Browser',
    deviceOs: 'Windows10', deviceCompliant: null, deviceTrustType: null, ipLocations: [], country: 'GB', signInRisk: 'none', userType: 'member',
    crossTenantAccessType: 'none', homeTenantId: TENANT, resourceTenantId: TENANT, errorCode: 0, mfa: 'own-single', mfaMethod: null,
    ...overrides,
  };
}

interface PolicyShape {
  state?: string;
  users?: Record<string, unknown>;
  applications?: Record<string, unknown>;
  conditions?: Record<string, unknown>;
  grant?: Record<string, unknown> | null;
}

/** Require MFA of every user on every app, with the given parts replaced. */
function policy(shape: PolicyShape = {}, enforcedAt: EnforcementPoint = 'sign-in'): WhatIfPolicy {
  return {
    policy: caPolicySchema.parse({
      id: 'P1',
      displayName: 'test',
      state: shape.state ?? 'enabled',
      conditions: {
        users: shape.users ?? { includeUsers: ['All'] },
        applications: shape.applications ?? { includeApplications: ['All'] },
        clientAppTypes: ['all'],
        ...shape.conditions,
      },
      grantControls: shape.grant === undefined ? { operator: 'OR', builtInControls: ['mfa'] } : shape.grant,
    }),
    enforcedAt,
    origin: 'test',
  };
}

interface Case {
  name: string;
  policy: WhatIfPolicy;
  facts?: Partial<AccessFacts>;
  directory?: DirectoryFacts;
  judgement: Judgement;
  entra?: EntraResult | null;
}

function run(cases: readonly Case[]): void {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
    const subject = facts(entry.facts);
    const evaluation = evaluatePolicy(entry.policy, subject, entry.directory ?? DIRECTORY);
    expect(evaluation.judgement).toBe(entry.judgement);
    if (entry.entra !== undefined) expect(expectedEntraResult(entry.policy, evaluation, subject)).toBe(entry.entra);
  });
}

const guests = (types: string, tenants?: Record<string, unknown>): PolicyShape => ({ users: { includeGuestsOrExternalUsers: { guestOrExternalUserTypes: types, externalTenants: tenants ?? null } } });
const b2bGuest: Partial<AccessFacts> = { userType: 'guest', crossTenantAccessType: 'b2bCollaboration', homeTenantId: PARTNER };

describe('users: users, groups, roles, guests and external users', () => {
  run([
    { name: 'All users takes in a member', policy: policy(), judgement: 'challenged', entra: 'failure' },
    { name: 'None takes in no one', policy: policy({ users: { includeUsers: ['None'] } }), judgement: 'not-applied', entra: 'notApplied' },
    { name: 'a user named in the policy', policy: policy({ users: { includeUsers: ['U1'] } }), judgement: 'challenged' },
    { name: 'a user not named', policy: policy({ users: { includeUsers: ['u2'] } }), judgement: 'not-applied' },
    { name: 'an exclusion beats an inclusion (same user)', policy: policy({ users: { includeUsers: ['u1'], excludeUsers: ['u1'] } }), judgement: 'not-applied', entra: 'notApplied' },
    { name: 'an exclusion by group beats All', policy: policy({ users: { includeUsers: ['All'], excludeGroups: ['g-admins'] } }), judgement: 'not-applied' },
    { name: 'inclusion by group', policy: policy({ users: { includeGroups: ['g-admins'] } }), judgement: 'challenged' },
    { name: 'inclusion by a group of groups (nested, transitive members)', policy: policy({ users: { includeGroups: ['g-all'] } }), facts: { principalId: 'u2' }, judgement: 'challenged' },
    { name: 'a group the user is not in', policy: policy({ users: { includeGroups: ['g-empty'] } }), judgement: 'not-applied' },
    { name: 'a group whose members were not imported', policy: policy({ users: { includeGroups: ['g-missing'] } }), judgement: 'unknown:users.includeGroups', entra: null },
    { name: 'an excluded group whose members were not imported', policy: policy({ users: { includeUsers: ['All'], excludeGroups: ['g-missing'] } }), judgement: 'unknown:users.excludeGroups' },
    { name: 'inclusion by role', policy: policy({ users: { includeRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] } }), judgement: 'challenged' },
    { name: 'a role the user does not hold', policy: policy({ users: { includeRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] } }), facts: { principalId: 'u2' }, judgement: 'not-applied' },
    { name: 'a role when no role assignment was imported', policy: policy({ users: { includeRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] } }), directory: NO_ROLES, judgement: 'unknown:users.includeRoles' },
    { name: 'B2B collaboration guest', policy: policy(guests('b2bCollaborationGuest')), facts: b2bGuest, judgement: 'challenged' },
    { name: 'B2B collaboration member is another type', policy: policy(guests('b2bCollaborationGuest')), facts: { ...b2bGuest, userType: 'member' }, judgement: 'not-applied' },
    { name: 'B2B collaboration member', policy: policy(guests('b2bCollaborationMember')), facts: { ...b2bGuest, userType: 'member' }, judgement: 'challenged' },
    { name: 'internal guest (guest of this tenant, no other home)', policy: policy(guests('internalGuest')), facts: { userType: 'guest' }, judgement: 'challenged' },
    { name: 'an internal guest is not a B2B guest', policy: policy(guests('b2bCollaborationGuest')), facts: { userType: 'guest' }, judgement: 'not-applied' },
    { name: 'a guest from another home tenant is external without a cross-tenant type', policy: policy(guests('b2bCollaborationGuest')), facts: { userType: 'guest', homeTenantId: PARTNER }, judgement: 'challenged' },
    { name: 'B2B direct connect', policy: policy(guests('b2bDirectConnectUser,serviceProvider')), facts: { crossTenantAccessType: 'b2bDirectConnect', userType: 'member' }, judgement: 'challenged' },
    { name: 'service provider (GDAP)', policy: policy(guests('serviceProvider')), facts: { crossTenantAccessType: 'serviceProvider' }, judgement: 'challenged' },
    { name: 'a member is no guest', policy: policy(guests('internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider')), judgement: 'not-applied' },
    { name: 'a guest type the record cannot tell', policy: policy(guests('internalGuest')), facts: { principalId: 'u9', userType: null }, judgement: 'unknown:users.guestsOrExternalUsers' },
    { name: 'the directory says the user type when the sign-in does not', policy: policy(guests('internalGuest')), facts: { userType: null }, judgement: 'not-applied' },
    { name: 'external tenants enumerated: the guest\'s home is listed', policy: policy(guests('b2bCollaborationGuest', { membershipKind: 'enumerated', members: [PARTNER] })), facts: b2bGuest, judgement: 'challenged' },
    { name: 'external tenants enumerated: another home', policy: policy(guests('b2bCollaborationGuest', { membershipKind: 'enumerated', members: [TENANT] })), facts: b2bGuest, judgement: 'not-applied' },
    { name: 'the legacy GuestsOrExternalUsers keyword', policy: policy({ users: { includeUsers: ['GuestsOrExternalUsers'] } }), facts: b2bGuest, judgement: 'challenged' },
    { name: 'guests excluded from All users', policy: policy({ users: { includeUsers: ['All'], excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' } } }), facts: b2bGuest, judgement: 'not-applied' },
  ]);
});

describe('applications: All, Office365, MicrosoftAdminPortals, app ids, user actions', () => {
  run([
    { name: 'the Azure management app, by the resource', policy: policy({ applications: { includeApplications: [ARM] } }), judgement: 'challenged' },
    { name: 'another resource than the one named', policy: policy({ applications: { includeApplications: [ARM] } }), facts: { resourceId: GRAPH }, judgement: 'not-applied' },
    { name: 'an ARM client whose export lacks the resource stands for ARM', policy: policy({ applications: { includeApplications: [ARM] } }), facts: { resourceId: null }, judgement: 'challenged' },
    { name: 'an unknown client with no resource recorded', policy: policy({ applications: { includeApplications: [ARM] } }), facts: { resourceId: null, clientAppId: 'cccccccc-0000-4000-8000-000000000000' }, judgement: 'unknown:applications.resource' },
    { name: 'Office365 takes in Exchange Online', policy: policy({ applications: { includeApplications: ['Office365'] } }), facts: { resourceId: EXCHANGE }, judgement: 'challenged' },
    { name: 'Office365 leaves ARM out', policy: policy({ applications: { includeApplications: ['Office365'] } }), judgement: 'not-applied' },
    { name: 'Office365 and an app the catalog does not know', policy: policy({ applications: { includeApplications: ['Office365'] } }), facts: { resourceId: 'dddddddd-0000-4000-8000-000000000000' }, judgement: 'unknown:applications.Office365' },
    { name: 'MicrosoftAdminPortals matches the portal client whatever it asks for', policy: policy({ applications: { includeApplications: ['MicrosoftAdminPortals'] } }), facts: { clientAppId: PORTAL, resourceId: GRAPH }, judgement: 'challenged' },
    { name: 'MicrosoftAdminPortals leaves the CLI to Graph out', policy: policy({ applications: { includeApplications: ['MicrosoftAdminPortals'] } }), facts: { resourceId: GRAPH }, judgement: 'not-applied' },
    { name: 'an excluded app beats All', policy: policy({ applications: { includeApplications: ['All'], excludeApplications: [ARM] } }), judgement: 'not-applied' },
    { name: 'Office365 excluded from All: Exchange is out, ARM stays in', policy: policy({ applications: { includeApplications: ['All'], excludeApplications: ['Office365'] } }), judgement: 'challenged' },
    { name: 'a user action on an interactive sign-in cannot be told', policy: policy({ applications: { includeUserActions: ['urn:user:registersecurityinfo'] } }), judgement: 'unknown:applications.includeUserActions' },
    { name: 'a user action is never a token refresh', policy: policy({ applications: { includeUserActions: ['urn:user:registersecurityinfo'] } }), facts: { interactive: false }, judgement: 'not-applied' },
    { name: 'an authentication context is not in the logs', policy: policy({ applications: { includeAuthenticationContextClassReferences: ['c1'] } }), judgement: 'unknown:applications.includeAuthenticationContextClassReferences' },
  ]);
});

describe('client app types, platforms, locations, risk, devices, flows', () => {
  const legacy = policy({ conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] }, grant: { operator: 'OR', builtInControls: ['block'] } });
  const mobile = policy({ conditions: { platforms: { includePlatforms: ['iOS', 'android'] } } });
  const notWindows = policy({ conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: ['windows'] } } });
  const untrusted = policy({ conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } } });
  const countries = policy({ conditions: { locations: { includeLocations: [COUNTRIES] } } });
  const risky = policy({ conditions: { signInRiskLevels: ['high', 'medium'] } });
  run([
    { name: 'legacy clients: IMAP is "other"', policy: legacy, facts: { clientAppUsed: 'IMAP4' }, judgement: 'blocked', entra: 'failure' },
    { name: 'legacy clients: a browser is not', policy: legacy, judgement: 'not-applied', entra: 'notApplied' },
    { name: 'legacy clients: Exchange ActiveSync', policy: legacy, facts: { clientAppUsed: 'Exchange ActiveSync' }, judgement: 'blocked' },
    { name: 'easSupported takes Exchange ActiveSync', policy: policy({ conditions: { clientAppTypes: ['easSupported'] } }), facts: { clientAppUsed: 'Exchange ActiveSync' }, judgement: 'challenged' },
    { name: 'a client app the catalog does not know', policy: legacy, facts: { clientAppUsed: 'Teleporter' }, judgement: 'unknown:clientAppTypes' },
    { name: 'mobile platforms: iOS', policy: mobile, facts: { deviceOs: 'Ios 18.6' }, judgement: 'challenged' },
    { name: 'mobile platforms: Windows is left out', policy: mobile, judgement: 'not-applied' },
    { name: 'mobile platforms: no operating system logged', policy: mobile, facts: { deviceOs: null }, judgement: 'unknown:platforms' },
    { name: 'all platforms but Windows: macOS', policy: notWindows, facts: { deviceOs: 'MacOs' }, judgement: 'challenged' },
    { name: 'all platforms but Windows: Windows', policy: notWindows, judgement: 'not-applied' },
    { name: 'a platform Conditional Access does not know is only in all', policy: notWindows, facts: { deviceOs: 'BeOS' }, judgement: 'challenged' },
    { name: 'named location by IP range: outside the trusted ones', policy: untrusted, facts: { ipLocations: [LAB] }, judgement: 'challenged' },
    { name: 'named location by IP range: inside a trusted one', policy: untrusted, facts: { ipLocations: [OFFICE] }, judgement: 'not-applied' },
    { name: 'named location by IP range: no address recorded', policy: untrusted, facts: { ipLocations: null }, judgement: 'unknown:locations.ipAddress' },
    { name: 'named location by IP range, by id', policy: policy({ conditions: { locations: { includeLocations: [LAB] } } }), facts: { ipLocations: [LAB, OFFICE] }, judgement: 'challenged' },
    { name: 'named location by country: listed', policy: countries, facts: { country: 'FR' }, judgement: 'challenged' },
    { name: 'named location by country: not listed', policy: countries, judgement: 'not-applied' },
    { name: 'named location by country: country not recorded', policy: countries, facts: { country: null }, judgement: 'unknown:locations.country' },
    { name: 'named location by country: unknown countries included', policy: policy({ conditions: { locations: { includeLocations: [UNKNOWN_COUNTRIES] } } }), facts: { country: null }, judgement: 'challenged' },
    { name: 'named location by GPS is in no export', policy: policy({ conditions: { locations: { includeLocations: [GPS] } } }), judgement: 'unknown:locations.countryLookupMethod' },
    { name: 'the MFA trusted IPs are in no export', policy: policy({ conditions: { locations: { includeLocations: ['00000000-0000-0000-0000-000000000000'] } } }), judgement: 'unknown:locations.mfaTrustedIps' },
    { name: 'a named location that was not imported', policy: policy({ conditions: { locations: { includeLocations: ['eeeeeeee-0000-4000-8000-000000000000'] } } }), judgement: 'unknown:locations.namedLocation' },
    { name: 'sign-in risk: high', policy: risky, facts: { signInRisk: 'high' }, judgement: 'challenged' },
    { name: 'sign-in risk: none', policy: risky, judgement: 'not-applied' },
    { name: 'sign-in risk: hidden (no P2)', policy: risky, facts: { signInRisk: 'hidden' }, judgement: 'unknown:signInRiskLevels' },
    { name: 'sign-in risk: not logged', policy: risky, facts: { signInRisk: null }, judgement: 'unknown:signInRiskLevels' },
    { name: 'user risk is in no sign-in record (an unknown condition)', policy: policy({ conditions: { userRiskLevels: ['high'] } }), judgement: 'unknown:userRiskLevels', entra: null },
    { name: 'a condition that leaves the sign-in out settles it whatever another cannot answer', policy: policy({ conditions: { userRiskLevels: ['high'] }, applications: { includeApplications: [GRAPH] } }), judgement: 'not-applied' },
    { name: 'insider risk is in no export', policy: policy({ conditions: { insiderRiskLevels: 'elevated' } }), judgement: 'unknown:insiderRiskLevels' },
    { name: 'a device filter', policy: policy({ conditions: { devices: { deviceFilter: { mode: 'exclude', rule: 'device.trustType -eq "ServerAD"' } } } }), judgement: 'unknown:devices.deviceFilter' },
    { name: 'device code flow: a device code sign-in', policy: policy({ conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } } }), facts: { protocol: 'deviceCode' }, judgement: 'challenged' },
    { name: 'device code flow: another protocol', policy: policy({ conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } } }), judgement: 'not-applied' },
  ]);
});

describe('workload identities (clientApplications)', () => {
  const blockSp = policy({ users: {}, conditions: { clientApplications: { includeServicePrincipals: ['sp1'] } }, grant: { operator: 'OR', builtInControls: ['block'] } });
  const blockMine = policy({ users: {}, conditions: { clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] } }, grant: { operator: 'OR', builtInControls: ['block'] } });
  const workload: Partial<AccessFacts> = { subject: 'workload-sign-in', principalId: 'sp1', interactive: false, mfa: null };
  run([
    { name: 'a named service principal is blocked', policy: blockSp, facts: workload, judgement: 'blocked' },
    { name: 'a workload policy leaves users out', policy: blockSp, judgement: 'not-applied' },
    { name: 'a user policy leaves workloads out', policy: policy(), facts: workload, judgement: 'not-applied' },
    { name: 'the tenant\'s own service principals', policy: blockMine, facts: workload, judgement: 'blocked' },
    { name: 'another tenant\'s app is not in mine', policy: blockMine, facts: { ...workload, principalId: 'sp-partner' }, judgement: 'not-applied' },
    { name: 'managed identities are outside workload Conditional Access', policy: blockMine, facts: { ...workload, principalId: 'mi1' }, judgement: 'not-applied' },
    { name: 'a service principal not imported', policy: blockMine, facts: { ...workload, principalId: 'sp-unknown' }, judgement: 'unknown:clientApplications.includeServicePrincipals' },
    { name: 'service principal risk', policy: policy({ users: {}, conditions: { clientApplications: { includeServicePrincipals: ['sp1'] }, servicePrincipalRiskLevels: ['high'] }, grant: { operator: 'OR', builtInControls: ['block'] } }), facts: { ...workload, signInRisk: 'low' }, judgement: 'not-applied' },
  ]);
});

describe('grant controls and how they combine', () => {
  const control = (controls: string[], operator = 'OR'): WhatIfPolicy => policy({ grant: { operator, builtInControls: controls } });
  const strength = (value: Record<string, unknown>): WhatIfPolicy => policy({ grant: { operator: 'OR', builtInControls: [], authenticationStrength: value } });
  run([
    { name: 'block', policy: control(['block']), judgement: 'blocked', entra: 'failure' },
    { name: 'mfa: MFA of its own', policy: control(['mfa']), facts: { mfa: 'own-mfa' }, judgement: 'satisfied', entra: 'success' },
    { name: 'mfa: MFA carried by the session counts', policy: control(['mfa']), facts: { mfa: 'session-mfa', interactive: false }, judgement: 'satisfied', entra: 'success' },
    { name: 'mfa: single factor, interactive: a person is prompted', policy: control(['mfa']), judgement: 'challenged', entra: 'failure' },
    { name: 'mfa: single-factor session refreshed: nobody to answer', policy: control(['mfa']), facts: { mfa: 'session-single', interactive: false }, judgement: 'fails' },
    { name: 'mfa: a password grant cannot do MFA', policy: control(['mfa']), facts: { protocol: 'ropc' }, judgement: 'fails' },
    { name: 'mfa: an untraced session is unknown, never a failure', policy: control(['mfa']), facts: { mfa: 'untraced', interactive: false }, judgement: 'unknown:session', entra: null },
    { name: 'compliant device: compliant', policy: control(['compliantDevice']), facts: { deviceCompliant: true }, judgement: 'satisfied' },
    { name: 'compliant device: not compliant', policy: control(['compliantDevice']), facts: { deviceCompliant: false }, judgement: 'challenged' },
    { name: 'compliant device: not logged', policy: control(['compliantDevice']), judgement: 'unknown:grantControls.compliantDevice' },
    { name: 'hybrid joined device: hybrid joined', policy: control(['domainJoinedDevice']), facts: { deviceTrustType: 'hybridAzureAdJoined' }, judgement: 'satisfied' },
    { name: 'hybrid joined device: Entra joined only', policy: control(['domainJoinedDevice']), facts: { deviceTrustType: 'azureAdJoined' }, judgement: 'challenged' },
    { name: 'hybrid joined device: an unregistered device is logged not compliant', policy: control(['domainJoinedDevice']), facts: { deviceCompliant: false }, judgement: 'challenged' },
    { name: 'hybrid joined device: nothing logged', policy: control(['domainJoinedDevice']), judgement: 'unknown:grantControls.domainJoinedDevice' },
    { name: 'OR: MFA or a compliant device, the device suffices', policy: control(['mfa', 'compliantDevice']), facts: { deviceCompliant: true }, judgement: 'satisfied' },
    { name: 'OR: neither', policy: control(['mfa', 'compliantDevice']), facts: { deviceCompliant: false }, judgement: 'challenged' },
    { name: 'OR: one unknown, one not met', policy: control(['mfa', 'compliantDevice']), facts: { mfa: 'untraced', deviceCompliant: false }, judgement: 'unknown:session' },
    { name: 'OR: one unknown, one met', policy: control(['mfa', 'compliantDevice']), facts: { mfa: 'untraced', deviceCompliant: true }, judgement: 'satisfied' },
    { name: 'AND: MFA and a compliant device, both', policy: control(['mfa', 'compliantDevice'], 'AND'), facts: { mfa: 'own-mfa', deviceCompliant: true }, judgement: 'satisfied' },
    { name: 'AND: MFA without the device', policy: control(['mfa', 'compliantDevice'], 'AND'), facts: { mfa: 'own-mfa', deviceCompliant: false }, judgement: 'challenged' },
    { name: 'AND: MFA, device not logged', policy: control(['mfa', 'compliantDevice'], 'AND'), facts: { mfa: 'own-mfa' }, judgement: 'unknown:grantControls.compliantDevice' },
    { name: 'AND: no MFA settles it whatever the device', policy: control(['mfa', 'compliantDevice'], 'AND'), judgement: 'challenged' },
    { name: 'approved client app is in no record', policy: control(['approvedApplication']), judgement: 'unknown:grantControls.approvedApplication' },
    { name: 'terms of use are in no record', policy: policy({ grant: { operator: 'OR', builtInControls: [], termsOfUse: ['t1'] } }), judgement: 'unknown:grantControls.termsOfUse' },
    { name: 'session controls only: nothing to meet', policy: policy({ grant: null }), judgement: 'satisfied', entra: 'success' },
    { name: 'phishing-resistant strength: a FIDO2 key', policy: strength({ id: PHISHING_RESISTANT }), facts: { mfa: 'own-mfa', mfaMethod: 'FIDO2 security key' }, judgement: 'satisfied' },
    { name: 'phishing-resistant strength: a push notification is not enough', policy: strength({ id: PHISHING_RESISTANT }), facts: { mfa: 'own-mfa', mfaMethod: 'Mobile app notification' }, judgement: 'challenged' },
    { name: 'phishing-resistant strength: the session\'s FIDO2 key', policy: strength({ id: PHISHING_RESISTANT }), facts: { mfa: 'session-mfa', mfaMethod: 'FIDO2 security key', interactive: false }, judgement: 'satisfied' },
    { name: 'phishing-resistant strength: MFA claimed in the token, method unknown', policy: strength({ id: PHISHING_RESISTANT }), facts: { mfa: 'own-mfa', mfaMethod: 'MFA claim in the token' }, judgement: 'unknown:grantControls.authenticationStrength' },
    { name: 'phishing-resistant strength: a certificate may have been single-factor', policy: strength({ id: PHISHING_RESISTANT }), facts: { mfa: 'own-mfa', mfaMethod: 'X.509 Certificate' }, judgement: 'unknown:grantControls.authenticationStrength' },
    { name: 'multifactor strength: a push after a password or a federated factor', policy: strength({ id: MULTIFACTOR }), facts: { mfa: 'own-mfa', mfaMethod: 'Mobile app notification' }, judgement: 'satisfied' },
    { name: 'multifactor strength: single factor', policy: strength({ id: MULTIFACTOR }), judgement: 'challenged' },
    { name: 'custom strength: SMS after a password only (the first factor is not logged)', policy: strength({ allowedCombinations: ['password, sms'] }), facts: { mfa: 'own-mfa', mfaMethod: 'Text message' }, judgement: 'unknown:grantControls.authenticationStrength' },
    { name: 'custom strength: SMS after either first factor', policy: strength({ allowedCombinations: ['password,sms', 'sms,federatedSingleFactor'] }), facts: { mfa: 'own-mfa', mfaMethod: 'Text message' }, judgement: 'satisfied' },
    { name: 'custom strength that allows a password alone', policy: strength({ allowedCombinations: ['password'] }), judgement: 'satisfied' },
  ]);
});

describe('policy state, failed sign-ins and where a policy is enforced', () => {
  run([
    { name: 'report-only: judged like enabled, recorded as report-only', policy: policy({ state: 'enabledForReportingButNotEnforced' }), judgement: 'challenged', entra: 'reportOnlyFailure' },
    { name: 'report-only: met', policy: policy({ state: 'enabledForReportingButNotEnforced' }), facts: { mfa: 'own-mfa' }, judgement: 'satisfied', entra: 'reportOnlySuccess' },
    { name: 'report-only: not applied', policy: policy({ state: 'enabledForReportingButNotEnforced', users: { includeUsers: ['u2'] } }), judgement: 'not-applied', entra: 'reportOnlyNotApplied' },
    { name: 'disabled: recorded not enabled', policy: policy({ state: 'disabled' }), judgement: 'challenged', entra: 'notEnabled' },
    { name: 'a sign-in refused for want of MFA was judged and failed', policy: policy(), facts: { errorCode: 50076 }, judgement: 'challenged', entra: 'failure' },
    { name: 'a wrong password never reaches Conditional Access', policy: policy(), facts: { errorCode: 50126 }, judgement: 'not-applied', entra: 'notApplied' },
    { name: 'an error that does not say whether the policies were reached', policy: policy(), facts: { errorCode: 7000215 }, judgement: 'challenged', entra: null },
    { name: 'enforced at ARM writes: a sign-in without MFA may only read', policy: policy({ applications: { includeApplications: [ARM] } }, 'arm-write'), judgement: 'unknown:operations' },
    { name: 'enforced at ARM writes: a sign-in with MFA', policy: policy({ applications: { includeApplications: [ARM] } }, 'arm-write'), facts: { mfa: 'session-mfa' }, judgement: 'satisfied' },
    { name: 'enforced at ARM writes: a write without MFA fails', policy: policy({ applications: { includeApplications: [ARM] } }, 'arm-write'), facts: { subject: 'arm-write', interactive: false }, judgement: 'fails' },
    { name: 'enforced at ARM writes: a write whose token says nothing', policy: policy({ applications: { includeApplications: [ARM] } }, 'arm-write'), facts: { subject: 'arm-write', interactive: false, mfa: null }, judgement: 'unknown:mfa' },
    { name: 'a sign-in policy never judges a write', policy: policy(), facts: { subject: 'arm-write', interactive: false }, judgement: 'not-applied' },
  ]);
});
