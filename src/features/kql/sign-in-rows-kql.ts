import { columnType, type SignInTableName } from '../../catalog/log-analytics-table-schemas.js';
import type { SignInKind } from '../../model/sign-in.js';

/**
 * Each sign-in table read into one row shape, the KQL twin of what the importers' normaliser makes of a Log Analytics
 * record: the same columns whatever the table, lower-cased IDs, the error code from Status (dynamic in SigninLogs, a
 * JSON string elsewhere, absent from the workload tables) or ResultType. A column a table does not have (per the
 * catalog's copy of Microsoft's table reference) is an empty value of its type, so every query passes the language
 * service's analysis against the real schemas.
 */
export const SIGN_IN_TABLES: readonly (readonly [table: SignInTableName, kind: SignInKind])[] = [
  ['SigninLogs', 'interactiveUser'],
  ['AADNonInteractiveUserSignInLogs', 'nonInteractiveUser'],
  ['AADServicePrincipalSignInLogs', 'servicePrincipal'],
  ['AADManagedIdentitySignInLogs', 'managedIdentity'],
];

/** A normalised column: its KQL expression from the table's own columns (null when the table has none of them). */
type Builder = (has: (column: string) => boolean, type: (column: string) => string | null) => string | null;

/** A field of a JSON column that is dynamic in one table and a string in another. */
function jsonField(type: (column: string) => string | null, column: string, field: string): string | null {
  const found = type(column);
  if (found === null) return null;
  return found === 'dynamic' ? `${column}.${field}` : `parse_json(${column}).${field}`;
}

const text = (column: string, lower = false): Builder => (has) => (has(column) ? (lower ? `tolower(${column})` : column) : null);

const ROW: readonly (readonly [name: string, empty: string, build: Builder])[] = [
  ['at', 'datetime(null)', (has) => (has('CreatedDateTime') ? 'coalesce(CreatedDateTime, TimeGenerated)' : 'TimeGenerated')],
  ['user_id', "''", text('UserId', true)],
  ['upn', "''", text('UserPrincipalName', true)],
  ['user_display_name', "''", text('UserDisplayName')],
  ['user_type', "''", text('UserType', true)],
  ['app_id', "''", text('AppId', true)],
  ['app_name', "''", text('AppDisplayName')],
  ['resource_id', "''", text('ResourceIdentity', true)],
  ['resource_name', "''", text('ResourceDisplayName')],
  ['sp_id', "''", text('ServicePrincipalId', true)],
  ['sp_name', "''", text('ServicePrincipalName')],
  ['ip', "''", text('IPAddress')],
  ['asn', 'int(null)', (has) => (has('AutonomousSystemNumber') ? 'toint(AutonomousSystemNumber)' : null)],
  ['country', "''", (_has, type) => {
    const field = jsonField(type, 'LocationDetails', 'countryOrRegion');
    return field === null ? null : `tostring(${field})`;
  }],
  ['user_agent', "''", text('UserAgent')],
  ['requirement', "''", text('AuthenticationRequirement')],
  ['protocol_raw', "''", text('AuthenticationProtocol')],
  ['details', 'dynamic([])', (has) => (has('AuthenticationDetails') ? 'parse_json(AuthenticationDetails)' : null)],
  ['error_code', 'int(null)', (has, type) => {
    const status = jsonField(type, 'Status', 'errorCode');
    return status === null ? 'toint(ResultType)' : `coalesce(toint(${status}), toint(ResultType))`;
  }],
  ['additional_details', "''", (_has, type) => {
    const field = jsonField(type, 'Status', 'additionalDetails');
    return field === null ? null : `tostring(${field})`;
  }],
  ['cross_tenant', "''", text('CrossTenantAccessType')],
  ['home_tenant', "''", text('HomeTenantId', true)],
  ['session_id', "''", text('SessionId')],
  ['resource_tenant', "''", text('ResourceTenantId', true)],
];

export const SIGN_IN_ROW_COLUMNS: readonly string[] = ['sign_in_kind', ...ROW.map(([name]) => name)];

/** `Table | where <window> | project sign_in_kind = '…', at = …, …` for one sign-in table (kind and time are KQL keywords). */
export function signInTableKql(table: SignInTableName, kind: SignInKind, windowFilter: string): string {
  const has = (column: string): boolean => columnType(table, column) !== null;
  const type = (column: string): string | null => columnType(table, column);
  const columns = ROW.map(([name, empty, build]) => `${name} = ${build(has, type) ?? empty}`);
  return `${table}\n    | where ${windowFilter}\n    | project sign_in_kind = '${kind}', ${columns.join(', ')}`;
}
