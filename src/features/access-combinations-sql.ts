import { ARM_RESOURCE_ID } from '../catalog/enforcement.js';
import { OWN_MFA_SQL, resolvedSignInsSql, USER_PID_SQL } from '../store/sign-in-mfa-sql.js';
import { afterCutoffSql } from './feature-sql.js';
import { ipBitsSql } from './ip-bits-sql.js';
import { operationFlagsSql } from './operation-flags-sql.js';

/**
 * The sign-ins and Activity-log writes aggregated on the facts Conditional Access reads (one row per distinct
 * combination, with how many records had it, the first and last time and the earliest record's id), so that the
 * what-if evaluator judges each combination once whatever the volume. Only the facts the policies being judged read
 * are grouped on (`AccessNeeds`); the others are NULL in every row, so that a tenant's 10 million sign-ins make as few
 * combinations as its policies allow. An address is replaced by the IP named locations that hold it.
 */

export interface AccessNeeds {
  /** clientAppUsed (clientAppTypes). */
  clientApp: boolean;
  /** Operating system, compliance and join type (platforms, compliantDevice, domainJoinedDevice). */
  device: boolean;
  /** The IP named locations holding the address (locations by IP range, AllTrusted). */
  ipLocations: boolean;
  /** The country of the address (country named locations). */
  country: boolean;
  /** Risk during sign-in (signInRiskLevels, servicePrincipalRiskLevels). */
  risk: boolean;
  /** User type, cross-tenant access type and tenants (guests and external users). */
  guests: boolean;
  /** The method that satisfied MFA, own or of the session (authentication strengths). */
  mfaMethod: boolean;
  /** Service-principal sign-ins (workload identity policies). */
  workloads: boolean;
  /** The results Entra recorded (appliedConditionalAccessPolicies), to compare with. */
  applied: boolean;
}

/** The columns of a combination row, in order: what load-access-combinations.ts reads. */
export const ACCESS_COLUMNS = [
  'pid', 'subject', 'interactive', 'protocol', 'client_app_id', 'resource_id', 'client_app_used', 'device_os', 'device_compliant', 'device_trust_type',
  'ip_locations', 'country', 'sign_in_risk', 'user_type', 'cross_tenant_access_type', 'home_tenant_id', 'resource_tenant_id', 'error_code', 'mfa', 'mfa_method',
  'applied', 'n', 'first', 'last', 'example_id', 'client_name', 'resource_name', 'detail',
] as const;

const ISO = "'%Y-%m-%dT%H:%M:%S.%gZ'";

function either(needed: boolean, expression: string, type: string): string {
  return needed ? expression : `NULL::${type}`;
}

/**
 * IP named locations' ranges, as bit-string prefixes (only built when a policy reads them). The addresses come from
 * sign_ins itself, not from `picked`: a second reference to `picked` would have DuckDB compute it twice (7 s of 19 s
 * over a million sign-ins); a few addresses past the filters cost nothing, the lookup is a LEFT JOIN.
 */
function ipLocationRelations(after: string): string {
  return `ip_ranges AS MATERIALIZED (
  SELECT location, length(net) AS family, net[1:prefix] AS prefix_bits FROM (
    SELECT location, ${ipBitsSql("split_part(cidr, '/', 1)")} AS net, TRY_CAST(split_part(cidr, '/', 2) AS INTEGER) AS prefix
    FROM (SELECT id AS location, unnest(json_extract_string(raw, '$.ipRanges[*].cidrAddress')) AS cidr FROM named_locations)
  ) WHERE net IS NOT NULL AND prefix BETWEEN 0 AND length(net)
),
ip_locations AS MATERIALIZED (
  -- Each distinct address is expanded once; an address in no location gets an empty list, not NULL (NULL: no address).
  SELECT a.ip, coalesce(list(DISTINCT r.location ORDER BY r.location) FILTER (WHERE r.location IS NOT NULL), []::VARCHAR[]) AS locations
  FROM (SELECT ip, ${ipBitsSql('ip')} AS bits FROM (SELECT DISTINCT ip_address AS ip FROM sign_ins WHERE ip_address IS NOT NULL AND created_at < ${after})) a
  LEFT JOIN ip_ranges r ON r.family = length(a.bits) AND starts_with(a.bits, r.prefix_bits)
  GROUP BY a.ip
),`;
}

/**
 * Sign-in combinations up to the cut-off `until` (an ISO instant). `resolved`: the stored mfa_basis covers every stored
 * sign-in (the rollups are current); otherwise it is resolved here from the sign-ins themselves, as the features do.
 */
export function signInCombinationsSql(until: string, needs: AccessNeeds, resolved: boolean): string {
  const after = afterCutoffSql(until);
  const kinds = needs.workloads ? "('interactiveUser', 'nonInteractiveUser', 'servicePrincipal')" : "('interactiveUser', 'nonInteractiveUser')";
  const narrow = `SELECT * EXCLUDE (raw, authentication_steps${needs.applied ? '' : ', applied_policies'}) FROM sign_ins WHERE created_at < ${after} AND kind IN ${kinds}`;
  const source = resolved ? narrow : resolvedSignInsSql(narrow);
  const user = "kind IN ('interactiveUser', 'nonInteractiveUser')";
  // A failed sign-in has no basis: its own record says whether it satisfied MFA (its requirement alone does not: a
  // sign-in refused for want of MFA was required to do it).
  const mfa = `CASE WHEN ${user} THEN coalesce(mfa_basis, CASE WHEN mfa_satisfied IS TRUE THEN 'own-mfa' ELSE 'own-single' END) END`;
  // The method of the sign-in that satisfied MFA: its own, or the first MFA sign-in of the session it rides.
  // Grouped once per session from sign_ins and joined, rather than a window over every sign-in (a sort of them all:
  // 7 s of 19 s over a million sign-ins). A sign-in with no session id rides no session.
  const sessionMethods = `session_methods AS (
  SELECT ${USER_PID_SQL} AS pid, session_id, arg_min(mfa_method, created_at) AS session_method
  FROM sign_ins
  WHERE created_at < ${after} AND ${user} AND session_id IS NOT NULL AND error_code = 0 AND ${OWN_MFA_SQL}
  GROUP BY ALL
),`;
  // The join is on the keys alone (session_methods has one row per user and session) and `method` reads it only for
  // session-mfa: a condition on p.basis in the ON clause made DuckDB join by nested loops (24.5 of 34 s over 100,000
  // sign-ins, and 300 s over a million).
  const method = needs.mfaMethod ? "CASE p.basis WHEN 'session-mfa' THEN s.session_method WHEN 'own-mfa' THEN p.mfa_method END" : 'NULL::VARCHAR';
  return `
WITH
picked AS (
  SELECT
    CASE WHEN ${user} THEN ${USER_PID_SQL} ELSE coalesce(service_principal_id, app_id) END AS pid,
    CASE WHEN ${user} THEN 'user-sign-in' ELSE 'workload-sign-in' END AS subject,
    kind = 'interactiveUser' AS interactive,
    authentication_protocol AS protocol, app_id, resource_id,
    ${either(needs.clientApp, 'client_app_used', 'VARCHAR')} AS client_app_used,
    ${either(needs.device, 'device_os', 'VARCHAR')} AS device_os,
    ${either(needs.device, 'device_compliant', 'BOOLEAN')} AS device_compliant,
    ${either(needs.device, 'device_trust_type', 'VARCHAR')} AS device_trust_type,
    ${either(needs.ipLocations, 'ip_address', 'VARCHAR')} AS ip_address,
    ${either(needs.country, 'upper(country)', 'VARCHAR')} AS country,
    ${either(needs.risk, 'risk_level_sign_in', 'VARCHAR')} AS sign_in_risk,
    ${either(needs.guests, 'lower(user_type)', 'VARCHAR')} AS user_type,
    ${either(needs.guests, 'cross_tenant_access_type', 'VARCHAR')} AS cross_tenant_access_type,
    ${either(needs.guests, 'home_tenant_id', 'VARCHAR')} AS home_tenant_id,
    ${either(needs.guests, 'resource_tenant_id', 'VARCHAR')} AS resource_tenant_id,
    error_code, ${mfa} AS basis,
    ${needs.mfaMethod ? 'mfa_method, session_id' : 'NULL::VARCHAR AS mfa_method, NULL::VARCHAR AS session_id'},
    ${either(needs.applied, 'CAST(applied_policies AS VARCHAR)', 'VARCHAR')} AS applied,
    id, created_at, app_display_name, resource_display_name
  FROM (${source})
),
${needs.ipLocations ? ipLocationRelations(after) : ''}
${needs.mfaMethod ? sessionMethods : ''}
combined AS (
  SELECT p.pid, p.subject, p.interactive, p.protocol, p.app_id, p.resource_id, p.client_app_used, p.device_os, p.device_compliant, p.device_trust_type,
    ${needs.ipLocations ? 'l.locations' : 'NULL::VARCHAR[]'} AS ip_locations,
    p.country, p.sign_in_risk, p.user_type, p.cross_tenant_access_type, p.home_tenant_id, p.resource_tenant_id, p.error_code, p.basis,
    ${method} AS mfa_method, p.applied, p.id, p.created_at, p.app_display_name, p.resource_display_name
  FROM picked p ${needs.ipLocations ? 'LEFT JOIN ip_locations l ON l.ip = p.ip_address' : ''}
  ${needs.mfaMethod ? "LEFT JOIN session_methods s ON s.pid = p.pid AND s.session_id = p.session_id" : ''}
  WHERE p.pid IS NOT NULL
)
SELECT pid, subject, interactive, protocol, app_id AS client_app_id, resource_id, client_app_used, device_os, device_compliant, device_trust_type,
  ip_locations, country, sign_in_risk, user_type, cross_tenant_access_type, home_tenant_id, resource_tenant_id, error_code, basis AS mfa, mfa_method, applied,
  count(*)::INTEGER AS n, strftime(min(created_at), ${ISO}) AS first, strftime(max(created_at), ${ISO}) AS last,
  arg_min(id, (created_at, id)) AS example_id,
  any_value(app_display_name) FILTER (WHERE app_display_name IS NOT NULL) AS client_name,
  any_value(resource_display_name) FILTER (WHERE resource_display_name IS NOT NULL) AS resource_name,
  NULL::VARCHAR AS detail
FROM combined
GROUP BY ALL`;
}

/**
 * Activity-log writes (create, update, delete) and MFA-policy events, as combinations: per principal, whether the
 * write was counted, refused by an MFA policy definition (`detail` names it) or an MFA Azure Policy audit event, and
 * the MFA claim of its token. Same definitions as the features (operation-flags-sql.ts).
 */
export function writeCombinationsSql(until: string): string {
  const after = afterCutoffSql(until);
  return `
WITH
upn_map AS (
  SELECT lower(upn) AS upn, min(id) AS id FROM identities WHERE upn IS NOT NULL GROUP BY 1
  UNION ALL
  SELECT upn, min(pid) FROM (
    SELECT lower(upn) AS upn, ${USER_PID_SQL} AS pid FROM sign_ins
    WHERE kind IN ('interactiveUser', 'nonInteractiveUser') AND upn IS NOT NULL AND created_at < ${after}
  ) WHERE upn NOT IN (SELECT lower(upn) FROM identities WHERE upn IS NOT NULL) GROUP BY 1
),
${operationFlagsSql(after, 'upn_map')}
writes AS (
  SELECT pid, okind, id, caller_app_id, time, operation_name, mfa, policy_definition_ids,
    CASE WHEN denied THEN 'denied' WHEN is_audit AND mfa_policy THEN 'audit' ELSE 'write' END AS what
  FROM op_flags
  WHERE okind = 'user' AND (denied OR (is_audit AND mfa_policy) OR (counted AND change))
)
SELECT pid, 'arm-write' AS subject, false AS interactive, NULL::VARCHAR AS protocol, caller_app_id AS client_app_id, '${ARM_RESOURCE_ID}' AS resource_id,
  NULL::VARCHAR AS client_app_used, NULL::VARCHAR AS device_os, NULL::BOOLEAN AS device_compliant, NULL::VARCHAR AS device_trust_type,
  NULL::VARCHAR[] AS ip_locations, NULL::VARCHAR AS country, NULL::VARCHAR AS sign_in_risk, NULL::VARCHAR AS user_type, NULL::VARCHAR AS cross_tenant_access_type,
  NULL::VARCHAR AS home_tenant_id, NULL::VARCHAR AS resource_tenant_id,
  0 AS error_code,
  CASE WHEN what = 'audit' OR mfa IS FALSE THEN 'own-single' WHEN mfa IS TRUE THEN 'own-mfa' END AS mfa,
  NULL::VARCHAR AS mfa_method, NULL::VARCHAR AS applied,
  count(*)::INTEGER AS n, strftime(min(time), ${ISO}) AS first, strftime(max(time), ${ISO}) AS last,
  arg_min(id, (time, id)) AS example_id,
  NULL::VARCHAR AS client_name, arg_min(operation_name, (time, id)) AS resource_name,
  what || CASE WHEN what = 'denied' THEN ':' || coalesce(string_agg(DISTINCT policy_definition_ids, ' '), '') ELSE '' END AS detail
FROM writes
GROUP BY pid, caller_app_id, what, mfa`;
}
