import type { SignInKind } from '../../../model/sign-in.js';
import { LOG_ANALYTICS_TABLES, type LogAnalyticsTable } from '../../../catalog/loganalytics-tables.js';
import { dynamic, isRecord, text, utc } from '../framework/values.js';

/**
 * A column's name with what exports add to it taken off, lower-cased: "TimeGenerated [UTC]" and "CreatedDateTime [Local
 * Time]" (portal CSV), "X_dynamic" / "X_string" (a union of tables that typed X differently), "Claims_d" (AzureActivity).
 */
export function logAnalyticsColumn(header: string): string {
  return header.replace(/^\uFEFF/u, '').replace(/\s*\[(?:UTC|Local Time)\]\s*$/iu, '').replace(/_(?:dynamic|string|d|s)$/iu, '').trim().toLowerCase();
}

/**
 * A Log Analytics row (CSV export or KQL JSON result), whatever shape its columns took:
 * `TimeGenerated [UTC]` in portal CSV exports, `X_dynamic` / `X_string` after a cross-table union, and
 * dynamic columns that arrive either as JSON or as JSON text (SigninLogs vs AADNonInteractiveUserSignInLogs).
 */
export class LogAnalyticsRow {
  private readonly columns = new Map<string, unknown>();

  constructor(record: Readonly<Record<string, unknown>>) {
    for (const [header, value] of Object.entries(record)) {
      const name = logAnalyticsColumn(header);
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

const TABLES: readonly LogAnalyticsTable[] = LOG_ANALYTICS_TABLES.tables;
const TABLE_BY_NAME = new Map<string, LogAnalyticsTable>(TABLES.map((table) => [table.name.toLowerCase(), table]));
const ALIASES: Readonly<Record<string, string>> = LOG_ANALYTICS_TABLES.categoryAliases;

function tableNamed(value: string | null): LogAnalyticsTable | null {
  if (value === null) return null;
  const name = value.toLowerCase();
  return TABLE_BY_NAME.get(name) ?? TABLE_BY_NAME.get((ALIASES[name] ?? '').toLowerCase()) ?? null;
}

/** The table a row names itself (`Type`, `$table`, or a diagnostic `Category`), or null. */
export function rowTable(row: LogAnalyticsRow): LogAnalyticsTable | null {
  for (const column of LOG_ANALYTICS_TABLES.tableColumns) {
    const table = tableNamed(row.text(column));
    if (table !== null) return table;
  }
  return null;
}

/**
 * The table whose own columns a file's header (or first record's keys) holds the most of, at least its minimum; null
 * when none does. Ties go to the first in the catalog (the two user sign-in tables share most columns; a row's kind is
 * then read from the row itself).
 */
export function headerTable(headers: readonly string[]): LogAnalyticsTable | null {
  const present = new Set(headers.map(logAnalyticsColumn));
  let best: LogAnalyticsTable | null = null;
  let bestScore = 0;
  for (const table of TABLES) {
    const score = table.columns.filter((column) => present.has(column.toLowerCase())).length;
    if (score >= table.minimum && score > bestScore) {
      best = table;
      bestScore = score;
    }
  }
  return best;
}

/** The sign-in kind a table's rows have, when the row named the table; null lets the normaliser read it from the row. */
export function signInKindOf(table: LogAnalyticsTable | null): SignInKind | null {
  if (table === null) return null;
  switch (table.record) {
    case 'interactiveUser':
    case 'nonInteractiveUser':
    case 'servicePrincipal':
    case 'managedIdentity':
      return table.record;
    default:
      return null;
  }
}

/** An AuditLogs row as a Graph directoryAudit, for the audit normaliser. */
export function logAnalyticsAuditDoc(row: LogAnalyticsRow): Record<string, unknown> {
  return {
    id: row.text('Id'),
    activityDateTime: utc(row.get('ActivityDateTime')) ?? utc(row.get('TimeGenerated')),
    category: row.text('Category'),
    activityDisplayName: row.text('ActivityDisplayName') ?? row.text('OperationName'),
    operationType: row.text('AADOperationType'),
    result: row.text('Result') ?? row.text('ResultType'),
    loggedByService: row.text('LoggedByService'),
    initiatedBy: row.get('InitiatedBy'),
    targetResources: row.get('TargetResources'),
    additionalDetails: row.get('AdditionalDetails'),
  };
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
    sessionId: row.text('SessionId'),
    correlationId: row.text('CorrelationId'),
    uniqueTokenIdentifier: row.text('UniqueTokenIdentifier'),
    deviceDetail: objectOrNull(row.get('DeviceDetail')),
    riskLevelDuringSignIn: row.text('RiskLevelDuringSignIn'),
    riskLevelAggregated: row.text('RiskLevelAggregated'),
    riskState: row.text('RiskState'),
    loggedDateTime: utc(row.get('TimeGenerated')),
  };
}
