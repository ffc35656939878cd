import { AUTHENTICATION_FACTS } from '../../../catalog/authentication-facts.js';
import { DEVICE_TRUST_TYPES } from '../../../catalog/device-trust-types.js';
import { sqlString } from '../../../store/sql-literal.js';
import { credentialSql, mfaMethodSql } from '../../../store/sign-in-mfa-sql.js';
import { TIME_RANGE } from '../framework/values.js';

/**
 * The one sign-in normaliser. Every format stages its sign-ins as Graph-beta-shaped JSON
 * (diagnostic JSON Lines as they are: the envelope's `properties` is that shape), and this SQL turns
 * them into `sign_ins` rows. One normaliser means the same sign-in normalises to the same row
 * whichever format delivered it, and DuckDB parses the JSON, which is what makes a million records fast.
 */


/** Diagnostic-settings category → kind (the records carry no signInEventTypes). */
const CATEGORY_KINDS: readonly (readonly [string, string])[] = [
  ['signinlogs', 'interactiveUser'],
  ['noninteractiveusersigninlogs', 'nonInteractiveUser'],
  ['serviceprincipalsigninlogs', 'servicePrincipal'],
  ['managedidentitysigninlogs', 'managedIdentity'],
];

/** The subset of a Graph beta signIn the store keeps; everything read as text and cast here, so a wrong type is a null, not an error. */
const SIGN_IN_SHAPE = JSON.stringify({
  id: 'VARCHAR',
  createdDateTime: 'VARCHAR',
  tenantId: 'VARCHAR',
  userId: 'VARCHAR',
  userPrincipalName: 'VARCHAR',
  userDisplayName: 'VARCHAR',
  userType: 'VARCHAR',
  appId: 'VARCHAR',
  appDisplayName: 'VARCHAR',
  resourceId: 'VARCHAR',
  resourceDisplayName: 'VARCHAR',
  servicePrincipalId: 'VARCHAR',
  servicePrincipalName: 'VARCHAR',
  ipAddress: 'VARCHAR',
  autonomousSystemNumber: 'VARCHAR',
  location: { city: 'VARCHAR', countryOrRegion: 'VARCHAR' },
  clientAppUsed: 'VARCHAR',
  userAgent: 'VARCHAR',
  isInteractive: 'VARCHAR',
  signInEventTypes: ['VARCHAR'],
  authenticationRequirement: 'VARCHAR',
  authenticationProtocol: 'VARCHAR',
  authenticationDetails: [{ authenticationMethod: 'VARCHAR', succeeded: 'VARCHAR', authenticationStepRequirement: 'VARCHAR', authenticationStepResultDetail: 'VARCHAR' }],
  conditionalAccessStatus: 'VARCHAR',
  appliedConditionalAccessPolicies: [{ id: 'VARCHAR', displayName: 'VARCHAR', result: 'VARCHAR', enforcedGrantControls: ['VARCHAR'] }],
  status: { errorCode: 'VARCHAR', failureReason: 'VARCHAR', additionalDetails: 'VARCHAR' },
  clientCredentialType: 'VARCHAR',
  federatedCredentialId: 'VARCHAR',
  managedServiceIdentity: { msiType: 'VARCHAR', associatedResourceId: 'VARCHAR' },
  crossTenantAccessType: 'VARCHAR',
  homeTenantId: 'VARCHAR',
  resourceTenantId: 'VARCHAR',
  incomingTokenType: 'VARCHAR',
  sessionId: 'VARCHAR',
  correlationId: 'VARCHAR',
  uniqueTokenIdentifier: 'VARCHAR',
  deviceDetail: { deviceId: 'VARCHAR', operatingSystem: 'VARCHAR', browser: 'VARCHAR', isCompliant: 'VARCHAR', isManaged: 'VARCHAR', trustType: 'VARCHAR' },
  riskLevelDuringSignIn: 'VARCHAR',
  riskLevelAggregated: 'VARCHAR',
  riskState: 'VARCHAR',
  // Not a Graph field: where a format records when the log wrote this version of the sign-in (Log Analytics'
  // TimeGenerated), its reader puts it here. A diagnostic record's envelope time serves the same purpose.
  loggedDateTime: 'VARCHAR',
});

/**
 * Macros the normaliser uses; temp, so they live with the connection and touch no schema.
 * They run on every field of every record, so each tries the common case first: ua_text skips trim's copy when the value
 * is ASCII with no space at either end (trim also strips Unicode spaces, hence the ASCII test: bytes = characters), and
 * ua_camel returns a value that is already camelCase after one regex instead of splitting it into words.
 */
export const SIGN_IN_MACROS = `
CREATE OR REPLACE TEMP MACRO ua_text(s) AS CASE WHEN strlen(s) = length(s) AND NOT starts_with(s, ' ') AND NOT ends_with(s, ' ') THEN nullif(s, '')
  ELSE nullif(trim(s), '') END;
CREATE OR REPLACE TEMP MACRO ua_guid(s) AS lower(ua_text(s));
CREATE OR REPLACE TEMP MACRO ua_camel(s) AS CASE WHEN regexp_full_match(s, '[a-z0-9][A-Za-z0-9]*') THEN s
  WHEN nullif(trim(s), '') IS NULL THEN NULL
  ELSE array_to_string(list_transform(
  list_filter(string_split(regexp_replace(trim(s), '[^A-Za-z0-9]+', ' ', 'g'), ' '), lambda w: w <> ''),
  lambda w, i: CASE WHEN i = 1 THEN (CASE WHEN upper(w) = w THEN lower(w) ELSE lower(w[1]) || w[2:] END) ELSE upper(w[1]) || w[2:] END), '') END;
CREATE OR REPLACE TEMP MACRO ua_any_utc(s) AS CAST(timezone('UTC', try_cast(ua_text(s) AS TIMESTAMPTZ)) AS TIMESTAMP);
CREATE OR REPLACE TEMP MACRO ua_utc(s) AS CASE WHEN ua_any_utc(s) BETWEEN TIMESTAMP '${TIME_RANGE.first}' AND TIMESTAMP '${TIME_RANGE.last}' THEN ua_any_utc(s) END;
CREATE OR REPLACE TEMP MACRO ua_bool(s) AS try_cast(ua_text(s) AS BOOLEAN);
`;

export const STAGE_TABLE = 'ua_signin_stage';
export const NORMALISED_TABLE = 'ua_signin_normalised';

const categoryCase = `CASE lower(category) ${CATEGORY_KINDS.map(([category, kind]) => `WHEN ${sqlString(category)} THEN ${sqlString(kind)}`).join(' ')} END`;
const firstFactors = `[${AUTHENTICATION_FACTS.firstFactorMethods.map((m) => sqlString(m.toLowerCase())).join(', ')}]`;
const mfaTexts = (column: string): string => AUTHENTICATION_FACTS.mfaSatisfiedTexts.map((t) => `contains(lower(coalesce(${column}, '')), ${sqlString(t.toLowerCase())})`).join(' OR ');

/** deviceDetail.trustType in any of its spellings → azureAdJoined | hybridAzureAdJoined | azureAdRegistered (else kept as is). */
function trustTypeCase(value: string): string {
  const branches = Object.entries(DEVICE_TRUST_TYPES.byName).map(([name, type]) => `WHEN ${sqlString(name)} THEN ${sqlString(type)}`);
  return `CASE lower(${value}) ${branches.join(' ')} ELSE ${value} END`;
}

const ENVELOPE_SHAPE = `{"time":"VARCHAR","category":"VARCHAR","tenantId":"VARCHAR","resultType":"VARCHAR","correlationId":"VARCHAR","properties":${SIGN_IN_SHAPE}}`;

export interface NormaliseOptions {
  /** A relation of (line, kind hint, raw text, Graph-shaped doc or null = raw, envelope?): the stage table, or a read of a file. */
  source: string;
  /** Skip json_valid: every raw text came out of DuckDB's own JSON reader. */
  knownValid: boolean;
  /**
   * Add raw_hash, the hash of each raw text: a file read straight from disk is paired with its raw text by position when
   * it is stored, by reading the file again (holding raw here would hold every file twice), and the hash proves the pairing.
   */
  hashRaw: boolean;
}

/**
 * Staged records → one row per record with every `sign_ins` column except raw, and `reason` (null when valid). Rows keep
 * the source's order, so the insert pairs them with their raw text by position instead of copying it through here: raw
 * is most of the bytes.
 * Each record is parsed once by json_transform (plus once by json_valid unless the stage is known valid).
 */
export function normaliseSelect(options: NormaliseOptions): string {
  const ok = options.knownValid ? 'true' : 'json_valid(raw)';
  const hashed = options.hashRaw ? 'raw_hash, ' : '';
  return `
WITH checked AS (
  SELECT line, kind AS kind_hint, envelope, coalesce(doc, raw) AS raw, ${ok} AS ok FROM ${options.source}
), typed AS (
  SELECT line, ${options.hashRaw ? 'hash(raw) AS raw_hash, ' : ''}kind_hint, ok, envelope,
    CASE WHEN ok AND envelope THEN json_transform(raw, '${ENVELOPE_SHAPE}') END AS e,
    CASE WHEN ok AND NOT envelope THEN json_transform(raw, '${SIGN_IN_SHAPE}') END AS g
  FROM checked
), base AS (
  SELECT line, ${hashed}ok, e.category AS category, coalesce(e.properties, g) AS r, kind_hint, e.tenantId AS outer_tenant, e.resultType AS result_type,
    e.time AS outer_time, e.correlationId AS outer_correlation
  FROM typed
), kinded AS (
  SELECT line, ${hashed}ok, category, r,
    coalesce(kind_hint, ${categoryCase},
      CASE WHEN r.signInEventTypes[1] IN ('interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity') THEN r.signInEventTypes[1] END,
      CASE WHEN r IS NULL OR category IS NOT NULL THEN NULL
           WHEN ua_text(r.managedServiceIdentity.msiType) IS NOT NULL AND ua_text(r.managedServiceIdentity.msiType) <> 'none' THEN 'managedIdentity'
           WHEN ua_text(r.userId) IS NULL AND ua_text(r.servicePrincipalId) IS NOT NULL THEN 'servicePrincipal'
           WHEN ua_bool(r.isInteractive) = false THEN 'nonInteractiveUser'
           ELSE 'interactiveUser' END) AS kind,
    ua_guid(r.id) AS id,
    ua_utc(r.createdDateTime) AS created_at,
    coalesce(ua_guid(r.tenantId), ua_guid(outer_tenant), ua_guid(r.resourceTenantId)) AS tenant_id,
    coalesce(try_cast(r.status.errorCode AS INTEGER), try_cast(result_type AS INTEGER)) AS error_code,
    ua_camel(r.authenticationRequirement) AS authentication_requirement,
    list_transform(coalesce(r.authenticationDetails, []), lambda d: {
      'method': ua_text(d.authenticationMethod), 'succeeded': ua_bool(d.succeeded),
      'requirement': ua_text(d.authenticationStepRequirement), 'resultDetail': ua_text(d.authenticationStepResultDetail)}) AS steps,
    outer_time, outer_correlation
  FROM base
)
SELECT
  line,
  CASE WHEN NOT ok THEN 'invalid JSON'
       WHEN r IS NULL THEN 'not a JSON object'
       WHEN kind IS NULL THEN 'not a sign-in category: ' || coalesce(category, '(none)')
       WHEN id IS NULL THEN 'missing id'
       WHEN created_at IS NULL THEN 'missing or invalid createdDateTime'
       WHEN error_code IS NULL THEN 'missing or invalid status.errorCode'
  END AS reason,
  id, kind, created_at, tenant_id,
  ua_guid(r.userId) AS user_id,
  lower(ua_text(r.userPrincipalName)) AS upn,
  ua_text(r.userDisplayName) AS user_display_name,
  lower(ua_text(r.userType)) AS user_type,
  ua_guid(r.appId) AS app_id,
  ua_text(r.appDisplayName) AS app_display_name,
  ua_guid(r.resourceId) AS resource_id,
  ua_text(r.resourceDisplayName) AS resource_display_name,
  ua_guid(r.servicePrincipalId) AS service_principal_id,
  ua_text(r.servicePrincipalName) AS service_principal_name,
  ua_text(r.ipAddress) AS ip_address,
  try_cast(r.autonomousSystemNumber AS INTEGER) AS asn,
  ua_text(r.location.countryOrRegion) AS country,
  ua_text(r.location.city) AS city,
  ua_text(r.clientAppUsed) AS client_app_used,
  ua_text(r.userAgent) AS user_agent,
  kind = 'interactiveUser' AS is_interactive,
  authentication_requirement,
  ua_camel(r.authenticationProtocol) AS authentication_protocol,
  CASE
    WHEN error_code = 0 AND authentication_requirement = 'multiFactorAuthentication' THEN true
    WHEN len(list_filter(steps, lambda s: s.succeeded AND s.method IS NOT NULL AND NOT list_contains(${firstFactors}, lower(s.method)))) > 0 THEN true
    WHEN ${mfaTexts('r.status.additionalDetails')} THEN true
    WHEN len(list_filter(steps, lambda s: s.succeeded AND (${mfaTexts('s.resultDetail')}))) > 0 THEN true
    WHEN error_code = 0 AND authentication_requirement = 'singleFactorAuthentication' THEN false
  END AS mfa_satisfied,
  CAST(to_json(steps) AS JSON) AS authentication_steps,
  ua_camel(r.conditionalAccessStatus) AS conditional_access_status,
  CAST(to_json(list_transform(coalesce(r.appliedConditionalAccessPolicies, []), lambda a: {
    'id': ua_guid(a.id), 'displayName': ua_text(a.displayName), 'result': ua_camel(a.result),
    'enforcedGrantControls': list_transform(coalesce(a.enforcedGrantControls, []), lambda g: ua_camel(g))})) AS JSON) AS applied_policies,
  error_code,
  ua_text(r.status.failureReason) AS failure_reason,
  ua_text(r.status.additionalDetails) AS additional_details,
  ua_camel(r.clientCredentialType) AS client_credential_type,
  ua_guid(r.federatedCredentialId) AS federated_credential_id,
  ua_camel(r.managedServiceIdentity.msiType) AS msi_type,
  ua_text(r.managedServiceIdentity.associatedResourceId) AS associated_resource_id,
  ua_camel(r.crossTenantAccessType) AS cross_tenant_access_type,
  ua_guid(r.homeTenantId) AS home_tenant_id,
  ua_guid(r.resourceTenantId) AS resource_tenant_id,
  ua_camel(r.incomingTokenType) AS incoming_token_type,
  ua_guid(r.sessionId) AS session_id,
  coalesce(ua_guid(r.correlationId), ua_guid(outer_correlation)) AS correlation_id,
  ua_text(r.uniqueTokenIdentifier) AS unique_token_identifier,
  coalesce(ua_utc(r.loggedDateTime), ua_utc(outer_time)) AS logged_at,
  ${credentialSql('steps', 'ua_camel(r.authenticationProtocol)')} AS credential,
  ${mfaMethodSql('steps', 'r.status.additionalDetails')} AS mfa_method,
  ua_text(r.deviceDetail.deviceId) AS device_id,
  ua_text(r.deviceDetail.operatingSystem) AS device_os,
  ua_text(r.deviceDetail.browser) AS device_browser,
  ua_bool(r.deviceDetail.isCompliant) AS device_compliant,
  ua_bool(r.deviceDetail.isManaged) AS device_managed,
  ${trustTypeCase('ua_camel(r.deviceDetail.trustType)')} AS device_trust_type,
  ua_camel(r.riskLevelDuringSignIn) AS risk_level_sign_in,
  ua_camel(r.riskLevelAggregated) AS risk_level_aggregated,
  ua_camel(r.riskState) AS risk_state${options.hashRaw ? ',\n  raw_hash' : ''}
FROM kinded
`;
}

/** The slow path's normaliser: the stage table → the normalised temp table, raw left in the stage. */
export function normaliseSql(stageKnownValid: boolean): string {
  return `CREATE OR REPLACE TEMP TABLE ${NORMALISED_TABLE} AS ${normaliseSelect({ source: STAGE_TABLE, knownValid: stageKnownValid, hashRaw: false })}`;
}

/** The sign_ins columns in table order, minus raw and batch_id, which the insert adds. */
export const SIGN_IN_COLUMNS = [
  'id', 'kind', 'created_at', 'tenant_id', 'user_id', 'upn', 'user_display_name', 'user_type', 'app_id', 'app_display_name', 'resource_id',
  'resource_display_name', 'service_principal_id', 'service_principal_name', 'ip_address', 'asn', 'country', 'city', 'client_app_used', 'user_agent',
  'is_interactive', 'authentication_requirement', 'authentication_protocol', 'mfa_satisfied', 'authentication_steps', 'conditional_access_status',
  'applied_policies', 'error_code', 'failure_reason', 'additional_details', 'client_credential_type', 'federated_credential_id', 'msi_type',
  'associated_resource_id', 'cross_tenant_access_type', 'home_tenant_id', 'resource_tenant_id', 'incoming_token_type',
  'session_id', 'correlation_id', 'unique_token_identifier', 'logged_at', 'credential', 'mfa_method', 'device_id', 'device_os', 'device_browser',
  'device_compliant', 'device_managed', 'device_trust_type', 'risk_level_sign_in', 'risk_level_aggregated', 'risk_state',
] as const;
