import { z } from 'zod';
import { SOURCES } from './sources.js';

/**
 * The five Log Analytics tables the feature queries read, with their columns and types as Microsoft's table reference
 * gives them (Azure Monitor Logs reference, tables SigninLogs, AADNonInteractiveUserSignInLogs,
 * AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs, AzureActivity). The query generator reads a column of
 * a table only if it is listed here, and the tests analyse every generated query against these schemas with the Kusto
 * language service. Note the type trap the reference documents: ConditionalAccessPolicies, DeviceDetail,
 * LocationDetails, MfaDetail and Status are dynamic in SigninLogs but strings in the other sign-in tables.
 * (loganalytics-tables.ts is the import's: the columns that tell an export's table apart, not their types.)
 */
export type KustoType = 'string' | 'datetime' | 'bool' | 'long' | 'int' | 'real' | 'dynamic';

const columnSchema = z.tuple([z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/u), z.enum(['string', 'datetime', 'bool', 'long', 'int', 'real', 'dynamic'])]);
const tableSchema = z.object({ name: z.string().min(1), columns: z.array(columnSchema).min(1), source: z.url() });

export type LogAnalyticsTable = z.infer<typeof tableSchema>;

const SIGNIN_LOGS: [string, KustoType][] = [
  ['AADTenantId', 'string'], ['Agent', 'dynamic'], ['AlternateSignInName', 'string'], ['AppDisplayName', 'string'], ['AppId', 'string'],
  ['AppliedConditionalAccessPolicies', 'string'], ['AppliedEventListeners', 'dynamic'], ['AppOwnerTenantId', 'string'],
  ['AuthenticationAppDeviceDetails', 'string'], ['AuthenticationAppPolicyEvaluationDetails', 'string'], ['AuthenticationContextClassReferences', 'string'],
  ['AuthenticationDetails', 'string'], ['AuthenticationMethodsUsed', 'string'], ['AuthenticationProcessingDetails', 'string'],
  ['AuthenticationProtocol', 'string'], ['AuthenticationRequirement', 'string'], ['AuthenticationRequirementPolicies', 'string'],
  ['AuthenticatorAppLocation', 'string'], ['AutonomousSystemNumber', 'string'], ['_BilledSize', 'real'], ['Category', 'string'], ['ClientAppUsed', 'string'],
  ['ClientCredentialType', 'string'], ['ClientSessionId', 'string'], ['ConditionalAccessAudiences', 'string'], ['ConditionalAccessPolicies', 'dynamic'],
  ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'], ['CreatedDateTime', 'datetime'], ['CrossTenantAccessType', 'string'],
  ['DeviceDetail', 'dynamic'], ['DurationMs', 'long'], ['FederatedCredentialId', 'string'], ['FlaggedForReview', 'bool'],
  ['GlobalSecureAccessIpAddress', 'string'], ['HomeTenantId', 'string'], ['HomeTenantName', 'string'], ['Id', 'string'], ['Identity', 'string'],
  ['IncomingTokenType', 'string'], ['IPAddress', 'string'], ['IPAddressFromResourceProvider', 'string'], ['_IsBillable', 'string'],
  ['IsInteractive', 'bool'], ['IsRisky', 'bool'], ['IsTenantRestricted', 'bool'], ['IsThroughGlobalSecureAccess', 'bool'], ['Level', 'string'],
  ['Location', 'string'], ['LocationDetails', 'dynamic'], ['MfaDetail', 'dynamic'], ['NetworkLocationDetails', 'string'], ['OperationName', 'string'],
  ['OperationVersion', 'string'], ['OriginalRequestId', 'string'], ['OriginalTransferMethod', 'string'], ['ProcessingTimeInMilliseconds', 'string'],
  ['Resource', 'string'], ['ResourceDisplayName', 'string'], ['ResourceGroup', 'string'], ['ResourceId', 'string'], ['ResourceIdentity', 'string'],
  ['ResourceOwnerTenantId', 'string'], ['ResourceProvider', 'string'], ['ResourceServicePrincipalId', 'string'], ['ResourceTenantId', 'string'],
  ['ResultDescription', 'string'], ['ResultSignature', 'string'], ['ResultType', 'string'], ['RiskDetail', 'string'], ['RiskEventTypes', 'string'],
  ['RiskEventTypes_V2', 'string'], ['RiskLevel', 'string'], ['RiskLevelAggregated', 'string'], ['RiskLevelDuringSignIn', 'string'], ['RiskState', 'string'],
  ['RootActorID', 'string'], ['ServicePrincipalId', 'string'], ['ServicePrincipalName', 'string'], ['SessionId', 'string'],
  ['SessionLifetimePolicies', 'string'], ['SignInIdentifier', 'string'], ['SignInIdentifierType', 'string'], ['SourceAppClientId', 'string'],
  ['SourceSystem', 'string'], ['Status', 'dynamic'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['TokenIssuerName', 'string'],
  ['TokenIssuerType', 'string'], ['TokenProtectionStatusDetails', 'dynamic'], ['Type', 'string'], ['UniqueTokenIdentifier', 'string'],
  ['UserAgent', 'string'], ['UserDisplayName', 'string'], ['UserId', 'string'], ['UserPrincipalName', 'string'], ['UserType', 'string'],
];

/**
 * SessionId: the reference's page (2024-07) does not list it, yet the category's diagnostic records carry
 * properties.sessionId (Microsoft's sample logs, 2025), as SigninLogs' do, and the table is those records' columns.
 */
const NON_INTERACTIVE: [string, KustoType][] = [
  ['AlternateSignInName', 'string'], ['AppDisplayName', 'string'], ['AppId', 'string'], ['AppliedEventListeners', 'dynamic'],
  ['AuthenticationContextClassReferences', 'string'], ['AuthenticationDetails', 'string'], ['AuthenticationMethodsUsed', 'string'],
  ['AuthenticationProcessingDetails', 'string'], ['AuthenticationProtocol', 'string'], ['AuthenticationRequirement', 'string'],
  ['AuthenticationRequirementPolicies', 'string'], ['AutonomousSystemNumber', 'string'], ['_BilledSize', 'real'], ['Category', 'string'],
  ['ClientAppUsed', 'string'], ['ConditionalAccessPolicies', 'string'], ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'],
  ['CreatedDateTime', 'datetime'], ['CrossTenantAccessType', 'string'], ['DeviceDetail', 'string'], ['DurationMs', 'long'], ['HomeTenantId', 'string'],
  ['Id', 'string'], ['Identity', 'string'], ['IPAddress', 'string'], ['_IsBillable', 'string'], ['IsInteractive', 'bool'], ['IsRisky', 'bool'],
  ['Level', 'string'], ['Location', 'string'], ['LocationDetails', 'string'], ['MfaDetail', 'string'], ['NetworkLocationDetails', 'string'],
  ['OperationName', 'string'], ['OperationVersion', 'string'], ['OriginalRequestId', 'string'], ['ProcessingTimeInMs', 'string'],
  ['ResourceDisplayName', 'string'], ['ResourceGroup', 'string'], ['ResourceIdentity', 'string'], ['ResourceServicePrincipalId', 'string'],
  ['ResourceTenantId', 'string'], ['ResultDescription', 'string'], ['ResultSignature', 'string'], ['ResultType', 'string'], ['RiskDetail', 'string'],
  ['RiskEventTypes', 'string'], ['RiskEventTypes_V2', 'string'], ['RiskLevelAggregated', 'string'], ['RiskLevelDuringSignIn', 'string'],
  ['RiskState', 'string'], ['ServicePrincipalId', 'string'], ['SessionId', 'string'], ['SessionLifetimePolicies', 'string'], ['SignInEventTypes', 'string'],
  ['SignInIdentifierType', 'string'], ['SourceSystem', 'string'], ['Status', 'string'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'],
  ['TokenIssuerName', 'string'], ['TokenIssuerType', 'string'], ['Type', 'string'], ['UniqueTokenIdentifier', 'string'], ['UserAgent', 'string'],
  ['UserDisplayName', 'string'], ['UserId', 'string'], ['UserPrincipalName', 'string'], ['UserType', 'string'],
];

/** AADServicePrincipalSignInLogs and AADManagedIdentitySignInLogs share their 35 columns. */
const WORKLOAD_SIGN_INS: [string, KustoType][] = [
  ['AppId', 'string'], ['AuthenticationContextClassReferences', 'string'], ['AuthenticationProcessingDetails', 'string'], ['_BilledSize', 'real'],
  ['Category', 'string'], ['ConditionalAccessPolicies', 'string'], ['ConditionalAccessStatus', 'string'], ['CorrelationId', 'string'],
  ['DurationMs', 'long'], ['FederatedCredentialId', 'string'], ['Id', 'string'], ['Identity', 'string'], ['IPAddress', 'string'], ['_IsBillable', 'string'],
  ['Level', 'string'], ['Location', 'string'], ['LocationDetails', 'string'], ['OperationName', 'string'], ['OperationVersion', 'string'],
  ['ResourceDisplayName', 'string'], ['ResourceGroup', 'string'], ['ResourceIdentity', 'string'], ['ResourceServicePrincipalId', 'string'],
  ['ResultDescription', 'string'], ['ResultSignature', 'string'], ['ResultType', 'string'], ['ServicePrincipalCredentialKeyId', 'string'],
  ['ServicePrincipalCredentialThumbprint', 'string'], ['ServicePrincipalId', 'string'], ['ServicePrincipalName', 'string'], ['SourceSystem', 'string'],
  ['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['Type', 'string'], ['UniqueTokenIdentifier', 'string'],
];

const AZURE_ACTIVITY: [string, KustoType][] = [
  ['ActivityStatus', 'string'], ['ActivityStatusValue', 'string'], ['ActivitySubstatus', 'string'], ['ActivitySubstatusValue', 'string'],
  ['Authorization', 'string'], ['Authorization_d', 'dynamic'], ['_BilledSize', 'real'], ['Caller', 'string'], ['CallerIpAddress', 'string'],
  ['Category', 'string'], ['CategoryValue', 'string'], ['Claims', 'string'], ['Claims_d', 'dynamic'], ['CorrelationId', 'string'],
  ['EventDataId', 'string'], ['EventSubmissionTimestamp', 'datetime'], ['Hierarchy', 'string'], ['HTTPRequest', 'string'], ['_IsBillable', 'string'],
  ['Level', 'string'], ['OperationId', 'string'], ['OperationName', 'string'], ['OperationNameValue', 'string'], ['Properties', 'string'],
  ['Properties_d', 'dynamic'], ['Resource', 'string'], ['ResourceGroup', 'string'], ['ResourceId', 'string'], ['_ResourceId', 'string'],
  ['ResourceProvider', 'string'], ['ResourceProviderValue', 'string'], ['SourceSystem', 'string'], ['SubscriptionId', 'string'],
  ['_SubscriptionId', 'string'], ['TenantId', 'string'], ['TimeGenerated', 'datetime'], ['Type', 'string'],
];

export const LOG_ANALYTICS_TABLES = z.array(tableSchema).parse([
  { name: 'SigninLogs', columns: SIGNIN_LOGS, source: SOURCES.tableSigninLogs },
  { name: 'AADNonInteractiveUserSignInLogs', columns: NON_INTERACTIVE, source: SOURCES.tableNonInteractiveSignIns },
  { name: 'AADServicePrincipalSignInLogs', columns: WORKLOAD_SIGN_INS, source: SOURCES.tableServicePrincipalSignIns },
  { name: 'AADManagedIdentitySignInLogs', columns: WORKLOAD_SIGN_INS, source: SOURCES.tableManagedIdentitySignIns },
  { name: 'AzureActivity', columns: AZURE_ACTIVITY, source: SOURCES.tableAzureActivity },
]);

export type SignInTableName = 'SigninLogs' | 'AADNonInteractiveUserSignInLogs' | 'AADServicePrincipalSignInLogs' | 'AADManagedIdentitySignInLogs';

export function logAnalyticsTable(name: string): LogAnalyticsTable {
  const found = LOG_ANALYTICS_TABLES.find((table) => table.name === name);
  if (!found) throw new Error(`catalog has no Log Analytics table ${name}`);
  return found;
}

/** The type of `column` in `table`, or null when the table has no such column. */
export function columnType(table: string, column: string): KustoType | null {
  return logAnalyticsTable(table).columns.find(([name]) => name === column)?.[1] ?? null;
}
