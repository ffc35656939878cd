import { AUTHENTICATION_FACTS } from '../../catalog/authentication-facts.js';
import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, FIRST_PARTY_APPS, MFA_ERROR_CODES, MFA_POLICY_DEFINITIONS, POLICY_AUDIT_OPERATION, POLICY_DENY_STATUS } from '../../catalog/enforcement.js';
import { IN_PROGRESS_STATUSES } from '../../catalog/activity-log.js';
import { HOSTING_ASNS } from '../../catalog/networks.js';
import { USER_AGENT_FAMILIES } from '../../catalog/user-agents.js';
import type { IdentityFeatures } from '../identity-features.js';
import { fieldsOf, KQL_FEATURES, type ListDim } from './feature-kql-fields.js';
import { containsAny, kqlDatetime, kqlDynamic, kqlString } from './kql-literal.js';
import { SIGN_IN_TABLES, signInTableKql } from './sign-in-rows-kql.js';

/**
 * The per-identity feature query in KQL, for the five Log Analytics tables (or the same tables in Azure Data Explorer),
 * generated from the feature definitions (feature-kql-fields.ts) and the catalog: the sign-in and Activity-log halves
 * of every principal's feature row, and the helper columns the local half is joined on. One query per shard: a shard
 * is the principals whose id hashes to it, so each principal's row is whole in one answer.
 */
export interface FeatureQueryOptions {
  since: Date;
  until: Date;
  /** Hash shard of the principals (`hash(pid, count) == index`); null: every principal. */
  shard: { index: number; count: number } | null;
}

/** The columns a feature query returns besides the feature fields: who each row is. */
export const HELPER_COLUMNS = ['pid', 'pkind', 'upn', 'userDisplayName', 'spName', 'userType', 'spAppId', 'okIps', 'okind', 'opUpn', 'operations'] as const;

const ARM_CLIENTS = FIRST_PARTY_APPS.filter((app) => app.role === 'arm-client').map((app) => app.id);
const AZURE_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'azure').map((entry) => entry.asn);
const CLOUD_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'cloud').map((entry) => entry.asn);
const OID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
const UPN_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const AMR_CLAIM = 'http://schemas.microsoft.com/claims/authnmethodsreferences';

function constants(options: FeatureQueryOptions): string[] {
  return [
    `let window_start = ${kqlDatetime(options.since)};`,
    `let window_end = ${kqlDatetime(options.until)};`,
    `let portal_app = ${kqlString(AZURE_PORTAL_APP_ID)};`,
    `let arm_resource = ${kqlString(ARM_RESOURCE_ID)};`,
    `let arm_clients = ${kqlDynamic(ARM_CLIENTS)};`,
    `let mfa_error_codes = ${kqlDynamic(MFA_ERROR_CODES.map((entry) => entry.code))};`,
    `let azure_asns = ${kqlDynamic(AZURE_ASNS)};`,
    `let cloud_asns = ${kqlDynamic(CLOUD_ASNS)};`,
    `let first_factor_methods = ${kqlDynamic(AUTHENTICATION_FACTS.firstFactorMethods.map((method) => method.toLowerCase()))};`,
    `let claim_method = ${kqlString(AUTHENTICATION_FACTS.claimMethod.toLowerCase())};`,
  ];
}

function shardFilter(options: FeatureQueryOptions): string {
  return options.shard === null || options.shard.count <= 1 ? 'isnotempty(pid)' : `isnotempty(pid) and hash(pid, ${options.shard.count}) == ${options.shard.index}`;
}

/** The user-agent family of `column` (lower-cased), first match in the catalog's order, as the summary SQL decides it. */
function userAgentFamily(column: string): string {
  const branches = USER_AGENT_FAMILIES.map((family) => `${containsAny(column, family.contains)}, ${kqlString(family.id)}`);
  return `case(isempty(${column}), '', ${branches.join(', ')}, 'other')`;
}

function signInRows(options: FeatureQueryOptions): string {
  const window = 'TimeGenerated >= window_start and TimeGenerated < window_end';
  const legs = SIGN_IN_TABLES.map(([table, kind]) => `(${signInTableKql(table, kind, window)})`);
  const mfaTexts = [...AUTHENTICATION_FACTS.mfaSatisfiedTexts, AUTHENTICATION_FACTS.mfaSatisfiedDetail];
  return `let own_sign_ins = union
    ${legs.join(',\n    ')}
| extend pid = iff(sign_in_kind in ('servicePrincipal', 'managedIdentity'), coalesce(sp_id, app_id), coalesce(user_id, upn)),
    pkind = case(sign_in_kind == 'managedIdentity', 'managedIdentity', sign_in_kind == 'servicePrincipal', 'servicePrincipal', 'user')
| where ${shardFilter(options)}
| mv-apply step = details to typeof(dynamic) on (
    summarize strong_steps = countif(tobool(step.succeeded) and isnotempty(tostring(step.authenticationMethod)) and tolower(tostring(step.authenticationMethod)) !in (first_factor_methods)),
      claim_steps = countif(tobool(step.succeeded) and ${containsAny('tostring(step.authenticationStepResultDetail)', AUTHENTICATION_FACTS.mfaSatisfiedTexts)}),
      credential_steps = countif(tobool(step.succeeded) and isnotempty(tostring(step.authenticationMethod)) and tolower(tostring(step.authenticationMethod)) != claim_method)
  )
| extend ok = error_code == 0,
    // As the rollups' mfa: true on any sign of MFA; unknown (null) when the record has no authentication requirement at
    // all (workload sign-ins), so such a sign-in is neither an MFA nor a single-factor success; false otherwise.
    mfa = iff(requirement =~ 'multiFactorAuthentication' or strong_steps > 0 or claim_steps > 0 or ${containsAny('additional_details', mfaTexts)}, true, iff(isempty(requirement), bool(null), false)),
    protocol = case(protocol_raw =~ 'ropc', 'ropc', protocol_raw =~ 'deviceCode', 'deviceCode', ''),
    // A credential presented on this request (a real method, or a password grant): else the sign-in rides a token.
    credential = protocol_raw =~ 'ropc' or credential_steps > 0,
    user_sign_in = sign_in_kind in ('interactiveUser', 'nonInteractiveUser'),
    portal = app_id == portal_app,
    arm = app_id != portal_app and (resource_id == arm_resource or (isempty(resource_id) and app_id in (arm_clients))),
    mfa_error = error_code in (mfa_error_codes),
    guest = cross_tenant startswith 'b2b' or (isnotempty(home_tenant) and isnotempty(resource_tenant) and home_tenant != resource_tenant),
    private = ip startswith '10.' or ip startswith '192.168.' or (ip startswith '172.' and toint(tostring(split(ip, '.')[1])) between (16 .. 31)),
    ua_family = ${userAgentFamily('tolower(user_agent)')},
    how = tolong((toint(dayofweek(at) / 1d) + 6) % 7 * 24 + hourofday(at));
${sessionBasis()}`;
}

/**
 * How each successful user sign-in's MFA is known (the store's mfa_basis, src/store/sign-in-mfa-sql.ts): from its own
 * record, or from its session's first MFA or first credential sign-in at or before it; 'untraced' when it rides a token
 * whose session began before the data. \`mfa\` then counts MFA carried by the session, as the rollups' does.
 */
function sessionBasis(): string {
  return `let sessions = own_sign_ins
| where ok and user_sign_in and isnotempty(session_id)
| summarize mfa_at = minif(at, mfa == true), start_at = minif(at, credential) by pid, session_id;
let sign_ins = own_sign_ins
| join kind=leftouter (sessions) on pid, session_id
| project-away pid1, session_id1
| extend basis = case(not(ok) or not(user_sign_in), '',
    mfa == true, 'own-mfa',
    isnotempty(session_id) and mfa_at <= at, 'session-mfa',
    credential, 'own-single',
    isnotempty(session_id) and start_at <= at, 'session-single',
    'untraced')
| extend mfa = iff(basis == 'session-mfa', true, mfa);`;
}

/**
 * A principal's names are the least of those it signed in with, as the store's rollups take them (min, byte order, not
 * any one of them): a user renamed within the window, or an app whose display name changed, gets the same name on both
 * paths. Kusto's min()/minif() take strings; empty is Kusto's null for a string, so it is left out as SQL leaves NULL.
 */
function signInSummary(): string {
  const fields = fieldsOf('sign-ins').map((key) => {
    const feature = KQL_FEATURES[key];
    return feature.stage === 'sign-ins' ? `${key} = ${feature.kql}` : '';
  });
  return `let sign_in_rows = sign_ins
| summarize pkind = min(pkind),
    upn = minif(upn, isnotempty(upn)),
    userDisplayName = minif(user_display_name, isnotempty(user_display_name)),
    spName = minif(sp_name, isnotempty(sp_name)),
    userType = minif(user_type, isnotempty(user_type)),
    spAppId = minif(app_id, pkind != 'user' and isnotempty(app_id)),
    okIps = make_set_if(ip, ok and isnotempty(ip)),
    ${fields.join(',\n    ')}
  by pid;`;
}

/** Active hours, days and hours of the day, and the gaps between consecutive active hours (seconds): median, CV, share within 10% of the median. */
function timing(): string {
  return `let timing = sign_ins
| summarize by pid, hour = bin(at, 1h)
| summarize activeHours = count(), days = make_set(bin(hour, 1d)), day_hours = make_set(hourofday(hour)), hours = make_list(datetime_diff('hour', hour, datetime(1970-01-01))) by pid
| extend activeDays = array_length(days), hoursOfDay = array_length(day_hours), sorted = array_sort_asc(hours)
| extend gaps = series_multiply(series_subtract(array_slice(sorted, 1, -1), array_slice(sorted, 0, -2)), 3600)
| extend gap_count = array_length(gaps), sorted_gaps = array_sort_asc(gaps)
| extend gapMedianSeconds = iff(gap_count == 0, real(null), iff(gap_count % 2 == 1, todouble(sorted_gaps[gap_count / 2]), (todouble(sorted_gaps[gap_count / 2 - 1]) + todouble(sorted_gaps[gap_count / 2])) / 2.0))
| mv-apply gap = gaps to typeof(real) on (
    summarize gap_mean = avg(gap), gap_sd = stdevp(gap), regular = countif(abs(gap - gapMedianSeconds) <= 0.1 * gapMedianSeconds)
  )
| extend gapCv = iff(gap_count == 0 or gap_mean == 0, real(null), gap_sd / gap_mean),
    regularGapShare = iff(gap_count == 0, real(null), todouble(regular) / gap_count)
| project pid, activeDays, activeHours, hoursOfDay, gapMedianSeconds, gapCv, regularGapShare;`;
}

function hourOfWeek(): string {
  return `let hour_of_week = sign_ins
| make-series hourOfWeek = count() default = 0 on how from 0 to 168 step 1 by pid
| project pid, hourOfWeek;`;
}

/** Where each list's counts come from: the relation, its filter, its key and name, and the shape of an entry. */
const LIST_SOURCES: Readonly<Record<ListDim, { from: 'sign_ins' | 'operations'; where: string; key: string; name: string | null; entry: 'key' | 'code' | 'asn' }>> = {
  app: { from: 'sign_ins', where: 'isnotempty(app_id)', key: 'app_id', name: 'app_name', entry: 'key' },
  resource: { from: 'sign_ins', where: 'isnotempty(resource_id)', key: 'resource_id', name: 'resource_name', entry: 'key' },
  failure: { from: 'sign_ins', where: 'isnotnull(error_code) and error_code != 0', key: 'error_code', name: null, entry: 'code' },
  asn: { from: 'sign_ins', where: 'isnotnull(asn)', key: 'asn', name: null, entry: 'asn' },
  country: { from: 'sign_ins', where: 'isnotempty(country)', key: 'country', name: null, entry: 'key' },
  'user-agent': { from: 'sign_ins', where: 'isnotempty(ua_family)', key: 'ua_family', name: null, entry: 'key' },
  'arm-no-mfa-app': { from: 'sign_ins', where: "arm and ok and not(mfa) and basis != 'untraced'", key: 'app_id', name: 'app_name', entry: 'key' },
  'ops-no-mfa-name': { from: 'operations', where: 'counted and change and mfa == false', key: 'op_name', name: null, entry: 'key' },
};

function listRelation(key: keyof IdentityFeatures, dim: ListDim): string {
  const source = LIST_SOURCES[dim];
  const named = source.name !== null;
  const entry = source.entry === 'key' ? `bag_pack('key', key, 'name', ${named ? 'nm' : "''"}, 'count', n)` : `bag_pack('${source.entry}', key, 'count', n)`;
  // The least name, as the store's lists take it (see signInSummary).
  const name = source.name === null ? '' : `, nm = minif(${source.name}, isnotempty(${source.name}))`;
  return `let list_${key} = ${source.from}
| where ${source.where}
| summarize n = count()${name} by pid, key = ${source.key}
| summarize ${key} = make_list(${entry}) by pid;`;
}

function latestRelation(key: keyof IdentityFeatures, where: string, value: string): string {
  return `let latest_${key} = sign_ins
| where ${where}
| summarize arg_max(at, latest_value = ${value}) by pid
| project pid, ${key} = latest_value;`;
}

function operations(options: FeatureQueryOptions): string {
  const policyIds = MFA_POLICY_DEFINITIONS.map((definition) => `iff(policy_text contains ${kqlString(definition.id)}, ${kqlString(definition.id)}, '')`);
  return `let operations = AzureActivity
| where TimeGenerated >= window_start and TimeGenerated < window_end
| extend claims = Claims_d
| extend pid = coalesce(tolower(tostring(claims[${kqlString(OID_CLAIM)}])), tolower(tostring(claims['oid'])), tolower(tostring(claims[${kqlString(UPN_CLAIM)}])), tolower(tostring(claims['upn'])), tolower(Caller)),
    okind = iff(tolower(tostring(claims['idtyp'])) == 'app', 'servicePrincipal', 'user'),
    op_upn = tolower(coalesce(tostring(claims[${kqlString(UPN_CLAIM)}]), tostring(claims['upn']))),
    amr = tolower(coalesce(tostring(claims[${kqlString(AMR_CLAIM)}]), tostring(claims['amr']))),
    op_name = tolower(OperationNameValue),
    status = tolower(ActivityStatusValue),
    policy_text = tostring(Properties_d)
| where ${shardFilter(options)}
| extend mfa = iff(isempty(tostring(claims)), bool(null), set_has_element(split(replace_regex(amr, @'[,\\s]+', ','), ','), 'mfa')),
    is_audit = op_name == ${kqlString(POLICY_AUDIT_OPERATION)},
    in_progress = status in (${IN_PROGRESS_STATUSES.map(kqlString).join(', ')}, 'start', 'accept'),
    op_kind = case(op_name endswith '/write', 'write', op_name endswith '/delete', 'delete', op_name endswith '/read', 'read', 'action')
| extend policy_event = is_audit or policy_text contains ${kqlString(POLICY_DENY_STATUS)} or ActivitySubstatusValue contains ${kqlString(POLICY_DENY_STATUS)}
| extend policy_ids = iff(policy_event, trim(',', replace_regex(strcat_delim(',', ${policyIds.join(', ')}), ',+', ',')), '')
| extend mfa_policy = isnotempty(policy_ids),
    failed_by = ActivitySubstatusValue contains ${kqlString(POLICY_DENY_STATUS)} or tostring(Properties_d.statusCode) contains ${kqlString(POLICY_DENY_STATUS)} or status in ('failed', 'failure')
| extend denied = not(is_audit) and mfa_policy and failed_by,
    counted = not(is_audit) and not(mfa_policy and failed_by) and not(in_progress),
    change = op_kind in ('write', 'delete');`;
}

function operationSummary(): string {
  const fields = fieldsOf('activity').map((key) => {
    const feature = KQL_FEATURES[key];
    return feature.stage === 'activity' ? `${key} = ${feature.kql}` : '';
  });
  return `let op_rows = operations
| summarize okind = min(okind), opUpn = minif(op_upn, isnotempty(op_upn)), operations = count(),
    ${fields.join(',\n    ')}
  by pid;`;
}

/** `left | join kind=leftouter (right) on pid | project-away pid1` for each right-hand relation. */
function joined(left: string, rights: readonly string[]): string {
  return [left, ...rights.map((right) => `| join kind=leftouter (${right}) on pid | project-away pid1`)].join('\n');
}

/** The feature query of one shard. */
export function featureQuery(options: FeatureQueryOptions): string {
  const lists = fieldsOf('list').flatMap((key) => {
    const feature = KQL_FEATURES[key];
    return feature.stage === 'list' ? [{ key, dim: feature.dim }] : [];
  });
  const latest = fieldsOf('latest').flatMap((key) => {
    const feature = KQL_FEATURES[key];
    return feature.stage === 'latest' ? [{ key, where: feature.where, value: feature.value }] : [];
  });
  const signInLists = lists.filter((entry) => LIST_SOURCES[entry.dim].from === 'sign_ins');
  const opLists = lists.filter((entry) => LIST_SOURCES[entry.dim].from === 'operations');
  const signInSide = joined('sign_in_rows', ['timing', 'hour_of_week', ...signInLists.map((entry) => `list_${entry.key}`), ...latest.map((entry) => `latest_${entry.key}`)]);
  const opSide = joined('op_rows', opLists.map((entry) => `list_${entry.key}`));
  const shard = options.shard === null ? 'all principals' : `shard ${options.shard.index + 1} of ${options.shard.count} (hash of the principal)`;
  return [
    `// unattended: per-identity features from ${options.since.toISOString()} to ${options.until.toISOString()}, ${shard}.`,
    '// The sign-in and Activity-log halves of each feature row; the directory half is joined locally.',
    ...constants(options),
    signInRows(options),
    signInSummary(),
    timing(),
    hourOfWeek(),
    ...signInLists.map((entry) => listRelation(entry.key, entry.dim)),
    ...latest.map((entry) => latestRelation(entry.key, entry.where, entry.value)),
    operations(options),
    operationSummary(),
    ...opLists.map((entry) => listRelation(entry.key, entry.dim)),
    `${signInSide}
| join kind=fullouter (${opSide}) on pid
| extend pid = coalesce(pid, pid1)
| project-away pid1`,
  ].join('\n');
}
