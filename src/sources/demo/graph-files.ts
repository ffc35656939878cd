/**
 * The directory as Microsoft Graph (beta) returns it: JSON pages `{ "@odata.context", "value", "@odata.nextLink" }`.
 * Users come in pages of 100 (users.json, users-2.json, …) chained by nextLink, as a paged export saves them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoPolicy } from './conditional-access.js';
import { policyObjects } from './conditional-access.js';
import type { DemoDirectory, DemoUser, DemoWorkload } from './directory.js';
import type { SignInActivity } from './generate-logs.js';
import { namedLocationObjects } from './named-locations.js';
import { demoOwnership, directoryAuditObjects, ownersOf, type DemoOwnership } from './ownership.js';
import { createRng } from './prng.js';
import { graphTimestamp, WINDOW_END_MS, WINDOW_START_MS } from './timeline.js';
import { DISABLED_AT_MS } from './service-account-behaviour.js';

const GRAPH = 'https://graph.microsoft.com/beta';
const USER_SELECT = 'id,userPrincipalName,displayName,givenName,surname,userType,accountEnabled,createdDateTime,passwordPolicies,onPremisesSyncEnabled,assignedLicenses,signInActivity,jobTitle,department';
/** Users come with their manager: `$expand=manager($select=id,displayName)`. */
const USER_EXPAND = 'manager($select=id,displayName)';
const DEPARTMENTS = ['Finance', 'Sales', 'Engineering', 'IT Operations', 'Marketing', 'Human Resources', 'Customer Support'] as const;
const JOB_TITLES = ['Analyst', 'Account Manager', 'Software Engineer', 'Cloud Engineer', 'Consultant', 'Team Lead', 'Specialist'] as const;
/** Service accounts whose owner is recorded as their manager, as tenants often do: a weak human hint the analysis must not fall for. */
const MANAGED_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(['svc-backup', 'svc-runbook', 'human-named-service', 'svc-disabled']);

interface Profile {
  jobTitle: string | null;
  department: string | null;
  manager: { id: string; displayName: string } | null;
}

/** A member's job title, department and manager; a service account's recorded owner; nothing for guests and break-glass. */
function profileOf(directory: DemoDirectory, user: DemoUser, managers: readonly DemoUser[]): Profile {
  const none: Profile = { jobTitle: null, department: null, manager: null };
  if (user.userType === 'Guest' || user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password' || user.scenario === 'entra-connect-sync') return none;
  const rng = createRng(directory.seed, 'user-profile', user.index);
  const candidates = managers.filter((manager) => manager.id !== user.id);
  const manager = candidates.length > 0 ? candidates[rng.int(candidates.length)] : undefined;
  const managerRef = manager ? { id: manager.id, displayName: manager.displayName } : null;
  if (user.licensed) return { jobTitle: rng.pick(JOB_TITLES), department: rng.pick(DEPARTMENTS), manager: managerRef };
  return MANAGED_SERVICE_ACCOUNTS.has(user.scenario) ? { jobTitle: null, department: 'IT Operations', manager: managerRef } : none;
}
const USERS_PAGE_SIZE = 100;

const LICENCE_SKU = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';

function timestampOrNull(ms: number | null): string | null {
  return ms === null ? null : graphTimestamp(ms);
}

function userObject(user: DemoUser, activity: SignInActivity | undefined, profile: Profile): Record<string, unknown> {
  const before = user.lastSeenBeforeWindow;
  const interactive = activity?.lastInteractive ?? before;
  const nonInteractive = activity?.lastNonInteractive ?? before;
  const successful = activity?.lastSuccessful ?? before;
  return {
    id: user.id,
    userPrincipalName: user.upn,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    userType: user.userType === 'Guest' ? 'Guest' : 'Member',
    accountEnabled: user.scenario !== 'svc-disabled',
    createdDateTime: graphTimestamp(user.createdAt),
    passwordPolicies: user.passwordNeverExpires ? 'DisablePasswordExpiration' : null,
    onPremisesSyncEnabled: user.onPremisesSyncEnabled,
    assignedLicenses: user.licensed ? [{ disabledPlans: [], skuId: LICENCE_SKU }] : [],
    signInActivity: {
      lastSignInDateTime: timestampOrNull(interactive),
      lastSignInRequestId: null,
      lastNonInteractiveSignInDateTime: timestampOrNull(nonInteractive),
      lastNonInteractiveSignInRequestId: null,
      lastSuccessfulSignInDateTime: timestampOrNull(successful),
      lastSuccessfulSignInRequestId: null,
    },
    jobTitle: profile.jobTitle,
    department: profile.department,
    manager: profile.manager,
  };
}

/**
 * The audit events the demo's story leaves (Graph /auditLogs/directoryAudits): an administrator disabled svc-disabled,
 * and reset the passwords of two service accounts in the window.
 */
function directoryAudits(directory: DemoDirectory): Record<string, unknown>[] {
  const rng = createRng(directory.seed, 'directory-audits');
  const admin = directory.users.find((user) => user.scenario === 'admin-mfa');
  if (!admin) throw new Error('demo directory has no admin-mfa user');
  const initiatedBy = { user: { id: admin.id, displayName: null, userPrincipalName: admin.upn, ipAddress: admin.home.ip, userType: null, homeTenantId: null, homeTenantName: null }, app: null };
  const event = (at: number, activity: string, target: DemoUser, modified: readonly Record<string, unknown>[]): Record<string, unknown> => ({
    id: `Directory_${rng.uuid()}_${rng.base64url(5)}_${rng.int(1e8)}`,
    category: 'UserManagement',
    correlationId: rng.uuid(),
    result: 'success',
    resultReason: '',
    activityDisplayName: activity,
    activityDateTime: `${new Date(at).toISOString().slice(0, 23)}0000Z`,
    loggedByService: 'Core Directory',
    operationType: 'Update',
    initiatedBy,
    targetResources: [{ id: target.id, displayName: null, type: 'User', userPrincipalName: target.upn, groupType: null, modifiedProperties: modified }],
    additionalDetails: [],
  });
  const out: Record<string, unknown>[] = [];
  const disabled = directory.users.find((user) => user.scenario === 'svc-disabled');
  if (disabled) out.push(event(DISABLED_AT_MS, 'Disable account', disabled, [{ displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' }]));
  for (const [scenario, day] of [['svc-backup', 3], ['svc-inventory', 17]] as const) {
    const target = directory.users.find((user) => user.scenario === scenario);
    if (target) out.push(event(WINDOW_START_MS + day * 86_400_000 + 14 * 3_600_000, 'Reset user password', target, []));
  }
  return out.sort((a, b) => String(a['activityDateTime']).localeCompare(String(b['activityDateTime'])));
}

function registrationObject(user: DemoUser): Record<string, unknown> {
  const methods = user.mfaMethods;
  return {
    id: user.id,
    userPrincipalName: user.upn,
    userDisplayName: user.displayName,
    userType: user.userType === 'Guest' ? 'guest' : 'member',
    isAdmin: user.roles.length > 0 && user.scenario !== 'entra-connect-sync',
    isSsprRegistered: methods.length > 0,
    isSsprEnabled: true,
    isSsprCapable: methods.length > 0,
    isMfaRegistered: methods.length > 0,
    isMfaCapable: methods.length > 0,
    isPasswordlessCapable: methods.includes('passKeyDeviceBound'),
    methodsRegistered: methods,
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: methods.includes('passKeyDeviceBound') ? ['passKeyDeviceBound'] : methods.length > 0 ? ['push'] : [],
    userPreferredMethodForSecondaryAuthentication: methods.length > 0 ? 'push' : 'none',
    lastUpdatedDateTime: graphTimestamp(WINDOW_END_MS - 3_600_000 * 6),
  };
}

function servicePrincipalObject(directory: DemoDirectory, workload: DemoWorkload): Record<string, unknown> {
  const rng = createRng(directory.seed, 'service-principal-object', workload.index);
  const managed = workload.kind === 'managedIdentity';
  const created = graphTimestamp(workload.createdAt);
  const expires = graphTimestamp(workload.createdAt + 730 * 86_400_000);
  return {
    id: workload.id,
    appId: workload.appId,
    displayName: workload.displayName,
    servicePrincipalType: managed ? 'ManagedIdentity' : 'Application',
    appOwnerOrganizationId: managed ? null : directory.tenantId,
    accountEnabled: true,
    createdDateTime: created,
    alternativeNames: managed ? ['isExplicit=' + (workload.msiType === 'userAssigned' ? 'True' : 'False'), workload.associatedResourceId ?? ''] : [],
    servicePrincipalNames: managed ? [workload.appId, `https://identity.azure.net/${rng.base64url(43)}`] : [workload.appId],
    signInAudience: managed ? null : 'AzureADMyOrg',
    tags: managed ? [] : ['WindowsAzureActiveDirectoryIntegratedApp'],
    // App registrations keep their credentials on the application object (applications.json).
    passwordCredentials: [],
    keyCredentials: managed ? [{ customKeyIdentifier: rng.hex(40).toUpperCase(), displayName: `CN=${workload.appId}`, endDateTime: expires, key: null, keyId: rng.uuid(), startDateTime: created, type: 'AsymmetricX509Cert', usage: 'Verify' }] : [],
  };
}

/** The app registration behind a service principal: where its secrets, certificates and federated credentials live. */
function applicationObject(directory: DemoDirectory, workload: DemoWorkload, ownership: DemoOwnership): Record<string, unknown> {
  const rng = createRng(directory.seed, 'application-object', workload.index);
  const created = graphTimestamp(workload.createdAt);
  const expires = graphTimestamp(workload.createdAt + 730 * 86_400_000);
  const federated =
    workload.credential === 'federatedIdentityCredential' && workload.federatedSubject !== null
      ? [
          {
            id: workload.federatedCredentialId,
            name: workload.displayName,
            issuer: workload.federatedSubject.startsWith('repo:')
              ? 'https://token.actions.githubusercontent.com'
              : workload.federatedSubject.startsWith('sc://')
                ? `https://vstoken.dev.azure.com/${rng.uuid()}`
                : `https://uksouth.oic.prod-aks.azure.com/${directory.tenantId}/${rng.uuid()}/`,
            subject: workload.federatedSubject,
            audiences: ['api://AzureADTokenExchange'],
            description: null,
          },
        ]
      : [];
  return {
    id: rng.uuid(),
    appId: workload.appId,
    displayName: workload.displayName,
    createdDateTime: created,
    signInAudience: 'AzureADMyOrg',
    isFallbackPublicClient: workload.credential === 'none',
    passwordCredentials:
      workload.credential === 'clientSecret' ? [{ customKeyIdentifier: null, displayName: 'automation', endDateTime: expires, hint: rng.base64url(3), keyId: workload.keyId, secretText: null, startDateTime: created }] : [],
    keyCredentials:
      workload.credential === 'certificate'
        ? [{ customKeyIdentifier: workload.thumbprint, displayName: `CN=${workload.displayName}`, endDateTime: expires, key: null, keyId: workload.keyId, startDateTime: created, type: 'AsymmetricX509Cert', usage: 'Verify' }]
        : [],
    federatedIdentityCredentials: federated,
    owners: ownersOf(ownership, workload),
  };
}

function roleAssignments(directory: DemoDirectory): Record<string, unknown>[] {
  const rng = createRng(directory.seed, 'role-assignments');
  const out: Record<string, unknown>[] = [];
  for (const user of directory.users) {
    for (const roleDefinitionId of user.roles) {
      out.push({ id: `${rng.base64url(43)}-1`, principalId: user.id, roleDefinitionId, directoryScopeId: '/' });
    }
  }
  return out;
}

function page(context: string, value: readonly unknown[], nextLink: string | null): string {
  const body: Record<string, unknown> = { '@odata.context': `${GRAPH}/$metadata#${context}`, value };
  if (nextLink) body['@odata.nextLink'] = nextLink;
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Write the Graph pages; returns their paths relative to dataDir. */
export async function writeGraphFiles(dataDir: string, directory: DemoDirectory, policies: readonly DemoPolicy[], activity: ReadonlyMap<string, SignInActivity>): Promise<string[]> {
  const folder = join(dataDir, 'graph');
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  async function save(name: string, text: string): Promise<void> {
    await writeFile(join(folder, name), text);
    written.push(`graph/${name}`);
  }
  const skipTokens = createRng(directory.seed, 'skip-tokens');
  const ownership = demoOwnership(directory);
  const managers = directory.users.filter((user) => user.scenario === 'admin-mfa' || user.scenario === 'portal-mfa');
  const users = directory.users.map((user) => userObject(user, activity.get(user.id), profileOf(directory, user, managers)));
  const pages = Math.ceil(users.length / USERS_PAGE_SIZE);
  for (let i = 0; i < pages; i++) {
    const next = i + 1 < pages ? `${GRAPH}/users?$select=${USER_SELECT}&$expand=${USER_EXPAND}&$top=${USERS_PAGE_SIZE}&$skiptoken=${skipTokens.base64url(120)}` : null;
    await save(i === 0 ? 'users.json' : `users-${i + 1}.json`, page(`users(${USER_SELECT},manager())`, users.slice(i * USERS_PAGE_SIZE, (i + 1) * USERS_PAGE_SIZE), next));
  }
  await save('userRegistrationDetails.json', page('reports/authenticationMethods/userRegistrationDetails', directory.users.map(registrationObject), null));
  await save('servicePrincipals.json', page('servicePrincipals', directory.workloads.map((workload) => servicePrincipalObject(directory, workload)), null));
  const applications = directory.workloads.filter((workload) => workload.kind === 'servicePrincipal').map((workload) => applicationObject(directory, workload, ownership));
  await save('applications.json', page('applications(owners(id,displayName,userPrincipalName))', applications, null));
  await save('conditionalAccessPolicies.json', page('identity/conditionalAccess/policies', policyObjects(directory, policies), null));
  await save('roleAssignments.json', page('roleManagement/directory/roleAssignments', roleAssignments(directory), null));
  await save('namedLocations.json', page('identity/conditionalAccess/namedLocations', namedLocationObjects(directory.seed), null));
  // The disabled account's audit trail, then who created some accounts and reset some passwords (ownership.ts).
  await save('directoryAudits.json', page('auditLogs/directoryAudits', [...directoryAudits(directory), ...directoryAuditObjects(directory, ownership)], null));
  return written;
}
