import type { SignInKind } from '../../../model/sign-in.js';
import { dynamic, isRecord, text, utc } from '../framework/values.js';

/**
 * A Log Analytics row (CSV export or KQL JSON result), whatever shape its columns took:
 * `TimeGenerated [UTC]` in portal CSV exports, `X_dynamic` / `X_string` after a cross-table union, and
 * dynamic columns that arrive either as JSON or as JSON text (SigninLogs vs AADNonInteractiveUserSignInLogs).
 */
export class LogAnalyticsRow {
  private readonly columns = new Map<string, unknown>();

  constructor(record: Readonly<Record<string, unknown>>) {
    for (const [header, value] of Object.entries(record)) {
      const name = header.replace(/\s*\[(?:UTC|Local Time)\]\s*$/i, '').replace(/_(?:dynamic|string|d|s)$/i, '').trim().toLowerCase();
      const existing = this.columns.get(name);
      // Of a union's twin columns, the one that has a value wins.
      if (existing === undefined || existing === null || existing === '') this.columns.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.columns.has(name.toLowerCase());
  }

  /** The column's value, parsed when it is JSON text. */
  get(name: string): unknown {
    const value = this.columns.get(name.toLowerCase());
    return value === '' ? null : dynamic(value ?? null);
  }

  text(name: string): string | null {
    return text(this.get(name));
  }
}

const KIND_BY_TABLE: Readonly<Record<string, SignInKind>> = {
  signinlogs: 'interactiveUser',
  aadnoninteractiveusersigninlogs: 'nonInteractiveUser',
  aadserviceprincipalsigninlogs: 'servicePrincipal',
  aadmanagedidentitysigninlogs: 'managedIdentity',
  noninteractiveusersigninlogs: 'nonInteractiveUser',
  serviceprincipalsigninlogs: 'servicePrincipal',
  managedidentitysigninlogs: 'managedIdentity',
};

/** The table a row came from (`Type`), or its diagnostic category (`Category`). */
export function logAnalyticsKind(row: LogAnalyticsRow): SignInKind | null {
  for (const column of ['Type', 'Category']) {
    const value = row.text(column)?.toLowerCase();
    if (value !== undefined && value in KIND_BY_TABLE) return KIND_BY_TABLE[value] ?? null;
  }
  return null;
}

export function isAzureActivity(row: LogAnalyticsRow): boolean {
  return row.has('OperationNameValue') || row.text('Type') === 'AzureActivity';
}

function objectOrNull(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

/** The row as a Graph-beta-shaped signIn for the SQL normaliser. */
export function logAnalyticsSignInDoc(row: LogAnalyticsRow): Record<string, unknown> {
  const status = objectOrNull(row.get('Status')) ?? {};
  const location = objectOrNull(row.get('LocationDetails')) ?? {};
  const msi = objectOrNull(row.get('ManagedServiceIdentity'));
  return {
    id: row.text('Id') ?? row.text('OriginalRequestId'),
    createdDateTime: utc(row.get('CreatedDateTime')) ?? utc(row.get('TimeGenerated')),
    // LA's TenantId is the workspace; the Entra tenant is AADTenantId.
    tenantId: row.text('AADTenantId'),
    userId: row.text('UserId'),
    userPrincipalName: row.text('UserPrincipalName'),
    userDisplayName: row.text('UserDisplayName'),
    userType: row.text('UserType'),
    appId: row.text('AppId'),
    appDisplayName: row.text('AppDisplayName'),
    resourceId: row.text('ResourceIdentity'),
    resourceDisplayName: row.text('ResourceDisplayName'),
    servicePrincipalId: row.text('ServicePrincipalId'),
    servicePrincipalName: row.text('ServicePrincipalName'),
    ipAddress: row.text('IPAddress'),
    autonomousSystemNumber: row.text('AutonomousSystemNumber'),
    location: { city: text(location['city']), countryOrRegion: text(location['countryOrRegion']) },
    clientAppUsed: row.text('ClientAppUsed'),
    userAgent: row.text('UserAgent'),
    isInteractive: row.text('IsInteractive'),
    signInEventTypes: row.get('SignInEventTypes'),
    authenticationRequirement: row.text('AuthenticationRequirement'),
    authenticationProtocol: row.text('AuthenticationProtocol'),
    authenticationDetails: row.get('AuthenticationDetails'),
    conditionalAccessStatus: row.text('ConditionalAccessStatus'),
    appliedConditionalAccessPolicies: row.get('ConditionalAccessPolicies'),
    status: {
      errorCode: status['errorCode'] ?? row.text('ResultType'),
      failureReason: text(status['failureReason']) ?? row.text('ResultDescription'),
      additionalDetails: text(status['additionalDetails']),
    },
    clientCredentialType: row.text('ClientCredentialType'),
    federatedCredentialId: row.text('FederatedCredentialId'),
    managedServiceIdentity: msi,
    crossTenantAccessType: row.text('CrossTenantAccessType'),
    homeTenantId: row.text('HomeTenantId'),
    resourceTenantId: row.text('ResourceTenantId'),
    incomingTokenType: row.text('IncomingTokenType'),
  };
}
