/**
 * Writes a scenario's tenant as real exports: diagnostic-settings JSON Lines (sign-ins of the four kinds and the
 * Activity log, as Azure Monitor writes them) and Graph JSON pages (users, userRegistrationDetails,
 * servicePrincipals, directory role assignments, Conditional Access policies). The importer reads them as it
 * reads a customer's files; nothing here touches the store.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TENANT_ID = '8a3c1f2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b';
export const HOME_TENANT_ID = '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f';
export const SUBSCRIPTION = '6f1d2c3b-4a59-4e8f-9d7c-6b5a4f3e2d1c';
export const APPS = {
  portal: { id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal' },
  cli: { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
  powershell: { id: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
  mobile: { id: '0c1307d4-29d6-4389-a11c-5cbe7f65d7fa', name: 'Azure Mobile App' },
  officeHome: { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
} as const;
export const RESOURCES = {
  arm: { id: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' },
  graph: { id: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph' },
  office: { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online' },
} as const;
export const UA = {
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
  cliVm: 'azure-cli/2.58.0 (RPM) azsdk-python-core/1.29.0 Python/3.9.18 (Linux-5.14.0-427.el9.x86_64-x86_64-with-glibc2.34)',
  cliDesk: 'azure-cli/2.77.0 (MSI) azsdk-python-core/1.35.0 Python/3.12.10 (Windows-11-10.0.26100-SP0)',
  terraformGitHub: 'azure-cli/2.67.0 (DEB) azsdk-python-core/1.31.0 Python/3.12.7 (Linux-6.8.0-1017-azure-x86_64-with-glibc2.39) HashiCorp Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-azurerm/4.10.0 GITHUBACTIONS/AzureLogin@v2',
  powershell: 'AzurePowershell/v11.3.1 PSVersion/v5.1.17763.6414 Az.Accounts/2.13.2',
  mobile: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AzureMobile/5.41.0',
  msalPython: 'msal-python/1.31.0 python-requests/2.32.3 Python/3.11.9 (Windows-10-10.0.20348-SP0)',
  adoAgent: 'azure-cli/2.61.0 (MSI) azsdk-python-core/1.30.1 Python/3.11.8 (Windows-2022Server-10.0.20348-SP0) VSTS_agent_selfhosted',
} as const;
export const NET = {
  azure: { ip: '20.61.14.7', asn: 8075, country: 'NL', city: 'Amsterdam' },
  onPrem: { ip: '203.0.113.10', asn: 64500, country: 'GB', city: 'Slough' },
  office: { ip: '198.51.100.20', asn: 64500, country: 'GB', city: 'London' },
} as const;

export type Place = { ip: string; asn: number; country: string; city: string };
export type App = { id: string; name: string };

/** 30 days ending 2026-11-20T23:59:59Z, as in the demo. */
export const WINDOW_START = Date.UTC(2026, 9, 22);
export const WINDOW_END = Date.UTC(2026, 10, 20, 23, 59, 59);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface UserSpec {
  id: string;
  upn: string;
  displayName: string;
  userType?: 'Member' | 'Guest';
  licences?: number;
  passwordNeverExpires?: boolean;
  lastSignIn?: string | null;
  mfaMethods?: string[];
  roles?: string[];
}

export interface SignInSpec {
  at: number;
  user?: UserSpec;
  workload?: { id: string; appId: string; name: string; kind: 'servicePrincipal' | 'managedIdentity' };
  app: App;
  resource: App;
  place: Place;
  userAgent?: string | null;
  interactive?: boolean;
  mfa?: boolean;
  protocol?: 'ropc' | 'none' | 'deviceCode';
  errorCode?: number;
  guestFromHome?: boolean;
  mfaMethod?: string;
  /** The Entra session id (sessionId) the sign-in begins or rides. */
  session?: string;
  /** A token refresh: no authentication steps, logged single-factor, incomingTokenType refreshToken. */
  refresh?: boolean;
}

export interface OperationSpec {
  at: number;
  caller: { objectId: string; upn?: string; appId: string; app?: boolean };
  operation: string;
  amr?: string;
  created?: boolean;
  deniedBy?: string;
  auditOf?: string;
  place?: Place;
}

function guid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Entra writes seven fraction digits and +00:00 in createdDateTime. */
function entraTime(ms: number): string {
  return `${iso(ms).slice(0, 23)}0000+00:00`;
}

const CATEGORY = { interactiveUser: 'SignInLogs', nonInteractiveUser: 'NonInteractiveUserSignInLogs', servicePrincipal: 'ServicePrincipalSignInLogs', managedIdentity: 'ManagedIdentitySignInLogs' } as const;

export class TenantFixture {
  private readonly users: UserSpec[] = [];
  private readonly workloads: { id: string; appId: string; name: string; kind: 'servicePrincipal' | 'managedIdentity' }[] = [];
  private readonly signIns: SignInSpec[] = [];
  private readonly operations: OperationSpec[] = [];
  private readonly caExclusions: string[] = [];
  private activityLog = true;

  constructor() {
    // Every tenant has one deployment pipeline identity, so each case has an Activity log and a fixed newest record.
    const pipeline = this.workload({ id: 'a0a0a0a0-0000-4000-8000-000000000001', appId: 'b0b0b0b0-0000-4000-8000-000000000001', name: 'platform-pipeline', kind: 'servicePrincipal' });
    this.signIn({ at: WINDOW_END - HOUR, workload: pipeline, app: { id: pipeline.appId, name: pipeline.name }, resource: RESOURCES.arm, place: NET.azure });
    this.operation({ at: WINDOW_END - 2 * HOUR, caller: { objectId: pipeline.id, appId: pipeline.appId, app: true }, operation: 'MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE' });
  }

  user(spec: UserSpec): UserSpec {
    this.users.push(spec);
    return spec;
  }

  workload(spec: { id: string; appId: string; name: string; kind: 'servicePrincipal' | 'managedIdentity' }): typeof spec {
    this.workloads.push(spec);
    return spec;
  }

  signIn(spec: SignInSpec): void {
    this.signIns.push(spec);
  }

  operation(spec: OperationSpec): void {
    this.operations.push(spec);
  }

  excludeFromConditionalAccess(userId: string): void {
    this.caExclusions.push(userId);
  }

  withoutActivityLog(): void {
    this.activityLog = false;
  }

  private signInLine(spec: SignInSpec, index: number): string {
    const kind = spec.workload ? spec.workload.kind : spec.interactive ? 'interactiveUser' : 'nonInteractiveUser';
    const id = guid(`signin-${index}-${spec.at}`);
    const errorCode = spec.errorCode ?? 0;
    const mfa = spec.mfa ?? false;
    const common = {
      id, createdDateTime: entraTime(spec.at), appId: spec.app.id, appDisplayName: spec.app.name, ipAddress: spec.place.ip,
      autonomousSystemNumber: spec.place.asn, location: { city: spec.place.city, state: '', countryOrRegion: spec.place.country },
      status: { errorCode, ...(errorCode === 0 ? {} : { failureReason: errorCode === 50076 || errorCode === 50074 ? 'Strong Authentication is required.' : 'Sign-in failed.' }),
        ...(spec.guestFromHome ? { additionalDetails: 'MFA requirement satisfied by claim in the token' } : {}) },
      resourceDisplayName: spec.resource.name, resourceId: spec.resource.id, resourceTenantId: TENANT_ID, tenantId: TENANT_ID,
      correlationId: guid(`corr-${id}`),
    };
    let properties: Record<string, unknown>;
    if (spec.workload) {
      properties = {
        ...common, servicePrincipalId: spec.workload.id, servicePrincipalName: spec.workload.name, homeTenantId: TENANT_ID,
        clientCredentialType: spec.workload.kind === 'managedIdentity' ? 'managedIdentity' : 'certificate',
        ...(spec.workload.kind === 'managedIdentity' ? { managedServiceIdentity: { msiType: 'systemAssigned', associatedResourceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1` } } : {}),
      };
    } else {
      const user = spec.user;
      if (!user) throw new Error('a user sign-in needs a user');
      const steps = spec.refresh
        ? []
        : mfa
        ? [
            { authenticationStepDateTime: entraTime(spec.at), authenticationMethod: 'Password', succeeded: true, authenticationStepResultDetail: 'Correct password', authenticationStepRequirement: 'Primary authentication' },
            { authenticationStepDateTime: entraTime(spec.at), authenticationMethod: spec.mfaMethod ?? 'Mobile app notification', succeeded: errorCode === 0, authenticationStepResultDetail: 'MFA successfully completed', authenticationStepRequirement: 'Multi-factor authentication' },
          ]
        : [{ authenticationStepDateTime: entraTime(spec.at), authenticationMethod: 'Password', succeeded: errorCode !== 50126, authenticationStepResultDetail: errorCode === 0 ? 'Correct password' : 'MFA required', authenticationStepRequirement: 'Primary authentication' }];
      properties = {
        ...common, userDisplayName: user.displayName, userPrincipalName: user.upn, userId: user.id, userType: user.userType ?? 'Member',
        clientAppUsed: spec.userAgent?.startsWith('Mozilla') ? 'Browser' : 'Mobile Apps and Desktop clients', ...(spec.userAgent ? { userAgent: spec.userAgent } : {}),
        isInteractive: spec.interactive ?? false, authenticationRequirement: (mfa || spec.guestFromHome) && !spec.refresh ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
        ...(spec.session ? { sessionId: spec.session } : {}), incomingTokenType: spec.refresh ? 'refreshToken' : 'none',
        authenticationProtocol: spec.protocol ?? 'none', authenticationDetails: steps, clientCredentialType: 'none',
        homeTenantId: spec.guestFromHome ? HOME_TENANT_ID : TENANT_ID, crossTenantAccessType: spec.guestFromHome ? 'b2bCollaboration' : 'none',
        conditionalAccessStatus: 'success', appliedConditionalAccessPolicies: [],
      };
    }
    const envelope = {
      time: `${iso(spec.at).slice(0, 23)}1234Z`, resourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`, operationName: 'Sign-in activity', operationVersion: '1.0',
      category: CATEGORY[kind], tenantId: TENANT_ID, resultType: String(errorCode), resultSignature: errorCode === 0 ? 'SUCCESS' : 'FAILURE', durationMs: 0,
      ...(spec.workload?.kind === 'managedIdentity' ? {} : { callerIpAddress: spec.place.ip }), correlationId: common.correlationId,
      ...(spec.user ? { identity: spec.user.displayName } : {}), Level: 4, location: spec.place.country, properties,
    };
    return JSON.stringify(envelope);
  }

  private operationLine(spec: OperationSpec, index: number): string {
    const name = spec.auditOf ? 'Microsoft.Authorization/policies/audit/action' : spec.operation;
    const claims: Record<string, string> = {
      aud: 'https://management.core.windows.net/', iss: `https://sts.windows.net/${TENANT_ID}/`, appid: spec.caller.appId,
      appidacr: spec.caller.app ? '2' : '0', 'http://schemas.microsoft.com/identity/claims/objectidentifier': spec.caller.objectId,
      'http://schemas.microsoft.com/identity/claims/tenantid': TENANT_ID,
    };
    if (spec.caller.app) claims['idtyp'] = 'app';
    if (spec.caller.upn) claims['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'] = spec.caller.upn;
    if (spec.amr) claims['http://schemas.microsoft.com/claims/authnmethodsreferences'] = spec.amr;
    const denied = spec.deniedBy !== undefined;
    const policyId = spec.deniedBy ?? spec.auditOf;
    const entity = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-app/providers/${spec.operation.split('/').slice(0, -1).join('/')}/res${index}`;
    const properties: Record<string, unknown> = {
      statusCode: denied ? 'Forbidden' : spec.created ? 'Created' : 'OK', eventCategory: 'Administrative', entity, message: name, hierarchy: `${TENANT_ID}/${SUBSCRIPTION}`,
    };
    if (policyId) {
      properties['statusMessage'] = JSON.stringify({ error: { code: denied ? 'RequestDisallowedByPolicy' : 'AuditPolicy', additionalInfo: [{ type: 'PolicyViolation', info: { policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${policyId}` } }] } });
      properties['policies'] = JSON.stringify([{ policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${policyId}`, policyDefinitionEffect: denied ? 'Deny' : 'Audit' }]);
    }
    return JSON.stringify({
      time: `${iso(spec.at).slice(0, 23)}5678Z`, resourceId: entity.toUpperCase(), operationName: name.toUpperCase(), category: 'Administrative',
      resultType: denied ? 'Failure' : 'Success', resultSignature: denied ? 'Forbidden.RequestDisallowedByPolicy' : spec.created ? 'Succeeded.Created' : 'Succeeded.OK',
      durationMs: '812', callerIpAddress: (spec.place ?? NET.azure).ip, correlationId: guid(`op-corr-${index}-${spec.at}`),
      identity: { authorization: { scope: entity, action: spec.operation, evidence: { role: 'Contributor', principalId: spec.caller.objectId, principalType: spec.caller.app ? 'ServicePrincipal' : 'User' } }, claims },
      level: denied ? 'Error' : 'Information', location: 'global', properties,
    });
  }

  /** Write the exports into `dir` (one file per log category and per Graph collection). */
  write(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const byCategory = new Map<string, string[]>();
    this.signIns.forEach((spec, index) => {
      const kind = spec.workload ? spec.workload.kind : spec.interactive ? 'interactiveUser' : 'nonInteractiveUser';
      const lines = byCategory.get(CATEGORY[kind]) ?? [];
      lines.push(this.signInLine(spec, index));
      byCategory.set(CATEGORY[kind], lines);
    });
    for (const [category, lines] of byCategory) writeFileSync(join(dir, `${category}.jsonl`), `${lines.join('\n')}\n`);
    if (this.activityLog && this.operations.length > 0) {
      writeFileSync(join(dir, 'activity-log.jsonl'), `${this.operations.map((spec, index) => this.operationLine(spec, index)).join('\n')}\n`);
    }
    const page = (context: string, value: unknown[]): string => JSON.stringify({ '@odata.context': `https://graph.microsoft.com/beta/$metadata#${context}`, value }, null, 1);
    writeFileSync(join(dir, 'users.json'), page('users(id,userPrincipalName,displayName,userType,accountEnabled,createdDateTime,passwordPolicies,onPremisesSyncEnabled,assignedLicenses,signInActivity)', this.users.map((user) => ({
      id: user.id, userPrincipalName: user.upn, displayName: user.displayName, userType: user.userType ?? 'Member', accountEnabled: true, createdDateTime: '2024-01-15T09:00:00Z',
      passwordPolicies: user.passwordNeverExpires ? 'DisablePasswordExpiration' : 'None', onPremisesSyncEnabled: null,
      assignedLicenses: Array.from({ length: user.licences ?? 0 }, (_, n) => ({ disabledPlans: [], skuId: guid(`sku-${n}`) })),
      signInActivity: user.lastSignIn === undefined ? null : { lastSignInDateTime: user.lastSignIn, lastNonInteractiveSignInDateTime: user.lastSignIn, lastSuccessfulSignInDateTime: user.lastSignIn },
    }))));
    writeFileSync(join(dir, 'registration.json'), page('reports/authenticationMethods/userRegistrationDetails', this.users.filter((user) => user.userType !== 'Guest').map((user) => ({
      id: user.id, userPrincipalName: user.upn, userDisplayName: user.displayName, isAdmin: (user.roles ?? []).length > 0,
      isMfaRegistered: (user.mfaMethods ?? []).length > 0, isMfaCapable: (user.mfaMethods ?? []).length > 0, isPasswordlessCapable: (user.mfaMethods ?? []).some((m) => m.startsWith('passKey')),
      methodsRegistered: user.mfaMethods ?? [], lastUpdatedDateTime: '2026-10-01T00:00:00Z',
    }))));
    writeFileSync(join(dir, 'service-principals.json'), page('servicePrincipals', this.workloads.map((w) => ({
      id: w.id, appId: w.appId, displayName: w.name, servicePrincipalType: w.kind === 'managedIdentity' ? 'ManagedIdentity' : 'Application', appOwnerOrganizationId: TENANT_ID,
      passwordCredentials: [], keyCredentials: [], tags: [],
    }))));
    writeFileSync(join(dir, 'role-assignments.json'), page('roleManagement/directory/roleAssignments', this.users.flatMap((user) => (user.roles ?? []).map((role) => ({
      id: guid(`ra-${user.id}-${role}`), principalId: user.id, roleDefinitionId: role, directoryScopeId: '/',
    })))));
    const policy = (id: string, displayName: string, include: Record<string, unknown>): Record<string, unknown> => ({
      id, displayName, state: 'enabled', createdDateTime: '2025-01-01T00:00:00Z',
      conditions: { users: { includeUsers: [], excludeUsers: this.caExclusions, includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], ...include },
        applications: { includeApplications: ['All'], excludeApplications: [] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    // The on-premises data centre (NET.onPrem's /24 and an IPv6 prefix) is trusted; a guest network and a country
    // list are named locations that are not, and must match nothing.
    const location = (id: string, displayName: string, extra: Record<string, unknown>): Record<string, unknown> => ({
      id, displayName, createdDateTime: '2025-01-01T00:00:00Z', modifiedDateTime: '2025-06-01T00:00:00Z', ...extra,
    });
    writeFileSync(join(dir, 'named-locations.json'), page('identity/conditionalAccess/namedLocations', [
      location('22222222-bbbb-4bbb-8bbb-000000000001', 'Slough data centre', { '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: true, ipRanges: [
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' },
        { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: '2001:db8:5100::/48' },
      ] }),
      location('22222222-bbbb-4bbb-8bbb-000000000002', 'Guest Wi-Fi', { '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: false, ipRanges: [
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' },
      ] }),
      location('22222222-bbbb-4bbb-8bbb-000000000003', 'Sanctioned countries', { '@odata.type': '#microsoft.graph.countryNamedLocation', countriesAndRegions: ['KP'], includeUnknownCountriesAndRegions: false }),
    ]));
    writeFileSync(join(dir, 'ca-policies.json'), page('identity/conditionalAccess/policies', [
      policy('11111111-aaaa-4aaa-8aaa-000000000001', 'Require MFA for admins', { includeRoles: ['62e90394-69f5-4237-9190-012177145e10'] }),
      policy('11111111-aaaa-4aaa-8aaa-000000000002', 'Block legacy authentication', { includeUsers: ['All'] }),
    ]));
  }
}

/** Times from `start` to `end` every `step` ms. */
export function every(start: number, end: number, step: number): number[] {
  const times: number[] = [];
  for (let at = start; at <= end; at += step) times.push(at);
  return times;
}

/** Weekday times at the given UTC hours (and minute), over the whole window. */
export function workdays(hours: readonly number[], minute = 10): number[] {
  const times: number[] = [];
  for (let day = WINDOW_START; day < WINDOW_END; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of hours) times.push(day + hour * HOUR + minute * 60_000 + ((day / DAY) % 7) * 60_000);
  }
  return times;
}
