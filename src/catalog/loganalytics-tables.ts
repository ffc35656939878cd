import { SOURCES } from './sources.js';

/**
 * The Log Analytics tables an export can come from, and how to know each when the query that made the export projected
 * away `Type`: its own columns, from Microsoft's table reference (Azure Monitor Logs reference, one page per table).
 * A row names its table in `Type` (or `$table` after a `union withsource`, or the diagnostic `Category`); a file whose
 * rows do not is known by its header: the table with the most of its own columns present, at least `minimum` of them.
 * Columns shared by every table (TimeGenerated, TenantId, CorrelationId, OperationName…) tell nothing and are not listed.
 */
export type LogAnalyticsRecord = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity' | 'audit' | 'activity';

export interface LogAnalyticsTable {
  name: string;
  /** What a row of the table is. */
  record: LogAnalyticsRecord;
  /** Columns of this table (or of this family of tables) that others do not have. */
  columns: readonly string[];
  minimum: number;
}

/** Columns every sign-in table has (SigninLogs, the non-interactive, service principal and managed identity tables). */
const SIGN_IN_COLUMNS = ['AppId', 'AppDisplayName', 'ResourceIdentity', 'ResourceDisplayName', 'IPAddress', 'LocationDetails', 'ConditionalAccessStatus', 'ConditionalAccessPolicies', 'UniqueTokenIdentifier', 'ResultDescription'];
/** Columns of the two user sign-in tables. */
const USER_SIGN_IN_COLUMNS = [...SIGN_IN_COLUMNS, 'CreatedDateTime', 'UserPrincipalName', 'UserId', 'UserDisplayName', 'UserType', 'AuthenticationRequirement', 'AuthenticationDetails', 'ClientAppUsed', 'UserAgent', 'IsInteractive', 'DeviceDetail', 'AutonomousSystemNumber', 'SessionId'];

export const LOG_ANALYTICS_TABLES = {
  tables: [
    { name: 'SigninLogs', record: 'interactiveUser', columns: USER_SIGN_IN_COLUMNS, minimum: 3 },
    { name: 'AADNonInteractiveUserSignInLogs', record: 'nonInteractiveUser', columns: [...USER_SIGN_IN_COLUMNS, 'SignInEventTypes'], minimum: 3 },
    { name: 'AADServicePrincipalSignInLogs', record: 'servicePrincipal', columns: [...SIGN_IN_COLUMNS, 'ServicePrincipalId', 'ServicePrincipalName', 'ServicePrincipalCredentialKeyId', 'ServicePrincipalCredentialThumbprint', 'FederatedCredentialId'], minimum: 3 },
    { name: 'AADManagedIdentitySignInLogs', record: 'managedIdentity', columns: [...SIGN_IN_COLUMNS, 'ServicePrincipalId', 'ServicePrincipalName', 'FederatedCredentialId'], minimum: 3 },
    { name: 'AuditLogs', record: 'audit', columns: ['ActivityDisplayName', 'ActivityDateTime', 'AADOperationType', 'InitiatedBy', 'TargetResources', 'LoggedByService', 'ResultReason', 'AdditionalDetails'], minimum: 2 },
    { name: 'AzureActivity', record: 'activity', columns: ['OperationNameValue', 'ActivityStatusValue', 'ActivitySubstatusValue', 'CategoryValue', 'Caller', 'CallerIpAddress', 'Authorization', 'Claims', 'EventDataId', 'EventSubmissionTimestamp', 'ResourceProviderValue', 'SubscriptionId', 'HTTPRequest', 'Hierarchy'], minimum: 2 },
  ] satisfies readonly LogAnalyticsTable[],
  /** The columns a row names its table in, in the order they are read. */
  tableColumns: ['Type', '$table', 'Category'],
  /** Diagnostic categories a `Category` column may hold instead of the table name. */
  categoryAliases: {
    signinlogs: 'SigninLogs',
    noninteractiveusersigninlogs: 'AADNonInteractiveUserSignInLogs',
    serviceprincipalsigninlogs: 'AADServicePrincipalSignInLogs',
    managedidentitysigninlogs: 'AADManagedIdentitySignInLogs',
    auditlogs: 'AuditLogs',
    administrative: 'AzureActivity',
    policy: 'AzureActivity',
  } satisfies Readonly<Record<string, string>>,
  source: SOURCES.logAnalyticsTables,
} as const;
