import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, FIRST_PARTY_APPS, MFA_ERROR_CODES, MFA_POLICY_DEFINITIONS, POLICY_AUDIT_OPERATION, POLICY_DENY_STATUS } from '../catalog/enforcement.js';
import { HOSTING_ASNS } from '../catalog/networks.js';
import { USER_AGENT_FAMILIES } from '../catalog/user-agents.js';

/**
 * The per-identity feature query (DuckDB SQL). Built from the catalog so that no ID or code is repeated here.
 * Shape: few scans of sign_ins, each a GROUP BY on the principal; everything about time is derived from
 * the (principal, hour) aggregate, which is small whatever the number of sign-ins.
 */

function quote(text: string): string {
  return `'${text.replace(/'/gu, "''")}'`;
}

function inList(values: readonly (string | number)[]): string {
  return values.map((value) => (typeof value === 'number' ? String(value) : quote(value))).join(', ');
}

const ARM_CLIENTS = FIRST_PARTY_APPS.filter((app) => app.role === 'arm-client').map((app) => app.id);
const AZURE_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'azure').map((entry) => entry.asn);
const CLOUD_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'cloud').map((entry) => entry.asn);
const MFA_CODES = MFA_ERROR_CODES.map((entry) => entry.code);

function userAgentFamilyCase(column: string): string {
  const branches = USER_AGENT_FAMILIES.map((family) => {
    const tests = family.contains.map((needle) => `contains(ua, ${quote(needle)})`).join(' OR ');
    return `WHEN ${tests} THEN ${quote(family.id)}`;
  });
  return `(SELECT CASE WHEN ua IS NULL OR ua = '' THEN NULL ${branches.join(' ')} ELSE 'other' END FROM (SELECT lower(${column}) AS ua))`;
}

function mfaPolicyMatch(column: string): string {
  return `(${MFA_POLICY_DEFINITIONS.map((entry) => `contains(lower(coalesce(${column}, '')), ${quote(entry.id)})`).join(' OR ')})`;
}

/** `until` is an ISO instant (validated by the caller): records after it are ignored, so --as-of means "as of". */
export function identityFeaturesSql(until: string): string {
  const cutoff = `CAST(${quote(until)} AS TIMESTAMPTZ)::TIMESTAMP`;
  return `
WITH
si AS NOT MATERIALIZED (
  SELECT
    CASE WHEN kind IN ('servicePrincipal', 'managedIdentity') THEN coalesce(service_principal_id, app_id) ELSE coalesce(user_id, lower(upn)) END AS pid,
    CASE WHEN kind = 'managedIdentity' THEN 'managedIdentity' WHEN kind = 'servicePrincipal' THEN 'servicePrincipal' ELSE 'user' END AS pkind,
    kind, created_at, upn, user_display_name, user_type, app_id, app_display_name, resource_id, resource_display_name,
    service_principal_name, ip_address, asn, country, user_agent, authentication_protocol, error_code,
    home_tenant_id, resource_tenant_id, cross_tenant_access_type,
    error_code = 0 AS ok,
    (mfa_satisfied IS TRUE OR authentication_requirement = 'multiFactorAuthentication' OR coalesce(additional_details, '') ILIKE '%MFA requirement satisfied%') AS mfa,
    app_id = ${quote(AZURE_PORTAL_APP_ID)} AS portal,
    coalesce(app_id, '') <> ${quote(AZURE_PORTAL_APP_ID)}
      AND (resource_id = ${quote(ARM_RESOURCE_ID)} OR (resource_id IS NULL AND app_id IN (${inList(ARM_CLIENTS)}))) AS arm,
    error_code IN (${inList(MFA_CODES)}) AS mfa_error
  FROM sign_ins
  WHERE created_at <= ${cutoff}
),
agg AS (
  SELECT pid,
    any_value(pkind) AS pkind,
    any_value(lower(upn)) FILTER (WHERE upn IS NOT NULL) AS upn,
    any_value(user_display_name) FILTER (WHERE user_display_name IS NOT NULL) AS user_display_name,
    any_value(service_principal_name) FILTER (WHERE service_principal_name IS NOT NULL) AS sp_name,
    any_value(app_id) FILTER (WHERE pkind <> 'user') AS sp_app_id,
    any_value(lower(user_type)) FILTER (WHERE user_type IS NOT NULL) AS user_type,
    count(*)::INTEGER AS sign_ins,
    count(*) FILTER (WHERE kind = 'interactiveUser')::INTEGER AS interactive,
    count(*) FILTER (WHERE kind = 'nonInteractiveUser')::INTEGER AS non_interactive,
    count(*) FILTER (WHERE kind = 'servicePrincipal')::INTEGER AS sp_sign_ins,
    count(*) FILTER (WHERE kind = 'managedIdentity')::INTEGER AS mi_sign_ins,
    count(*) FILTER (WHERE ok)::INTEGER AS successes,
    count(*) FILTER (WHERE ok AND mfa)::INTEGER AS mfa_successes,
    count(*) FILTER (WHERE ok AND NOT mfa)::INTEGER AS single_factor_successes,
    count(*) FILTER (WHERE authentication_protocol = 'ropc')::INTEGER AS ropc,
    count(*) FILTER (WHERE authentication_protocol = 'deviceCode')::INTEGER AS device_code,
    min(created_at) AS first_seen,
    max(created_at) AS last_seen,
    max(created_at) FILTER (WHERE ok) AS last_success,
    count(*) FILTER (WHERE cross_tenant_access_type ILIKE 'b2b%' OR (home_tenant_id IS NOT NULL AND resource_tenant_id IS NOT NULL AND home_tenant_id <> resource_tenant_id))::INTEGER AS guest_home,
    count(DISTINCT ip_address)::INTEGER AS distinct_ips,
    count(DISTINCT asn)::INTEGER AS distinct_asns,
    count(DISTINCT country)::INTEGER AS distinct_countries,
    count(*) FILTER (WHERE asn IN (${inList(AZURE_ASNS)}))::INTEGER AS azure_asn,
    count(*) FILTER (WHERE asn IN (${inList(CLOUD_ASNS)}))::INTEGER AS cloud_asn,
    count(*) FILTER (WHERE ip_address LIKE '10.%' OR ip_address LIKE '192.168.%' OR regexp_matches(coalesce(ip_address, ''), '^172\\.(1[6-9]|2[0-9]|3[01])\\.'))::INTEGER AS private_ip,
    count(*) FILTER (WHERE portal AND ok AND mfa)::INTEGER AS portal_mfa,
    count(*) FILTER (WHERE portal AND ok AND NOT mfa)::INTEGER AS portal_no_mfa,
    min(created_at) FILTER (WHERE portal AND ok AND NOT mfa) AS portal_no_mfa_first,
    max(created_at) FILTER (WHERE portal AND ok AND NOT mfa) AS portal_no_mfa_last,
    count(*) FILTER (WHERE arm AND ok AND mfa)::INTEGER AS arm_mfa,
    count(*) FILTER (WHERE arm AND ok AND NOT mfa)::INTEGER AS arm_no_mfa,
    count(*) FILTER (WHERE arm AND ok AND NOT mfa AND authentication_protocol = 'ropc')::INTEGER AS arm_ropc,
    min(created_at) FILTER (WHERE arm AND ok AND NOT mfa) AS arm_no_mfa_first,
    max(created_at) FILTER (WHERE arm AND ok AND NOT mfa) AS arm_no_mfa_last,
    count(*) FILTER (WHERE (portal OR arm) AND mfa_error)::INTEGER AS scope_mfa_failures,
    count(*) FILTER (WHERE portal AND mfa_error)::INTEGER AS portal_mfa_failures,
    min(created_at) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_first,
    max(created_at) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_last,
    arg_max(coalesce(app_display_name, app_id), created_at) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_app,
    list(DISTINCT error_code::INTEGER) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_codes,
    max(created_at) FILTER (WHERE (portal OR arm) AND ok AND mfa) AS last_scope_mfa_success,
    count(*) FILTER (WHERE NOT (portal OR arm) AND mfa_error)::INTEGER AS other_mfa_failures
  FROM si
  WHERE pid IS NOT NULL
  GROUP BY pid
),
dims AS (
  SELECT pid, app_id, resource_id, error_code, asn, country, ua_family, arm_no_mfa_app,
    any_value(app_display_name) AS app_name, any_value(resource_display_name) AS resource_name, count(*)::INTEGER AS n,
    GROUPING(app_id) AS g_app, GROUPING(resource_id) AS g_resource, GROUPING(error_code) AS g_error, GROUPING(asn) AS g_asn,
    GROUPING(country) AS g_country, GROUPING(ua_family) AS g_ua, GROUPING(arm_no_mfa_app) AS g_arm
  FROM (
    SELECT pid, app_id, app_display_name, resource_id, resource_display_name, CASE WHEN ok THEN NULL ELSE error_code END AS error_code,
      asn, country, ${userAgentFamilyCase('user_agent')} AS ua_family,
      CASE WHEN arm AND ok AND NOT mfa THEN coalesce(app_id, '') END AS arm_no_mfa_app
    FROM si WHERE pid IS NOT NULL
  )
  GROUP BY GROUPING SETS ((pid, app_id), (pid, resource_id), (pid, error_code), (pid, asn), (pid, country), (pid, ua_family), (pid, arm_no_mfa_app))
),
lists AS (
  SELECT pid,
    list({'key': app_id, 'name': app_name, 'count': n} ORDER BY n DESC, app_id) FILTER (WHERE app_id IS NOT NULL AND g_app = 0) AS apps,
    list({'key': resource_id, 'name': resource_name, 'count': n} ORDER BY n DESC, resource_id) FILTER (WHERE resource_id IS NOT NULL AND g_resource = 0) AS resources,
    list({'code': error_code, 'count': n} ORDER BY n DESC, error_code) FILTER (WHERE error_code IS NOT NULL AND g_error = 0) AS failures,
    list({'asn': asn, 'count': n} ORDER BY n DESC, asn) FILTER (WHERE asn IS NOT NULL AND g_asn = 0) AS asns,
    list({'key': country, 'name': NULL::VARCHAR, 'count': n} ORDER BY n DESC, country) FILTER (WHERE country IS NOT NULL AND g_country = 0) AS countries,
    list({'key': ua_family, 'name': NULL::VARCHAR, 'count': n} ORDER BY n DESC, ua_family) FILTER (WHERE ua_family IS NOT NULL AND g_ua = 0) AS user_agents,
    list({'key': arm_no_mfa_app, 'name': app_name, 'count': n} ORDER BY n DESC, arm_no_mfa_app) FILTER (WHERE arm_no_mfa_app IS NOT NULL AND g_arm = 0) AS arm_no_mfa_apps
  FROM dims
  GROUP BY pid
),
hourly AS (
  SELECT pid, date_trunc('hour', created_at) AS h, count(*)::INTEGER AS n FROM si WHERE pid IS NOT NULL GROUP BY ALL
),
gaps AS (
  SELECT pid, h, n, epoch(h) - epoch(lag(h) OVER (PARTITION BY pid ORDER BY h)) AS gap FROM hourly
),
gap_stats AS (
  SELECT pid, median(gap) AS med, avg(gap) AS mean, stddev_pop(gap) AS sd FROM gaps WHERE gap IS NOT NULL GROUP BY pid
),
timing AS (
  SELECT g.pid,
    count(*)::INTEGER AS active_hours,
    count(DISTINCT date_trunc('day', g.h))::INTEGER AS active_days,
    count(DISTINCT hour(g.h))::INTEGER AS hours_of_day,
    any_value(s.med)::DOUBLE AS gap_median,
    any_value(s.sd / nullif(s.mean, 0))::DOUBLE AS gap_cv,
    (count(*) FILTER (WHERE g.gap IS NOT NULL AND abs(g.gap - s.med) <= 0.1 * s.med) / nullif(count(g.gap), 0))::DOUBLE AS regular_share
  FROM gaps g LEFT JOIN gap_stats s USING (pid)
  GROUP BY g.pid
),
how AS (
  SELECT pid, list_transform(range(168), lambda i: coalesce(list_sum(list_transform(list_filter(cells, lambda x: x.w = i), lambda x: x.c)), 0)::INTEGER) AS hour_of_week
  FROM (
    SELECT pid, list({'w': w, 'c': c}) AS cells
    FROM (SELECT pid, ((isodow(h) - 1) * 24 + hour(h))::INTEGER AS w, sum(n)::INTEGER AS c FROM hourly GROUP BY ALL)
    GROUP BY pid
  )
),
quiet_users AS (
  SELECT pid, last_seen FROM agg WHERE pkind = 'user' AND last_seen < (SELECT max(last_seen) FROM agg) - INTERVAL 3 DAY
),
user_ips AS (
  SELECT DISTINCT si.pid, si.ip_address AS ip FROM si SEMI JOIN quiet_users q ON si.pid = q.pid WHERE si.ip_address IS NOT NULL AND si.ok
),
workload_ips AS (
  SELECT DISTINCT pid, ip_address AS ip FROM si WHERE pkind <> 'user' AND ip_address IS NOT NULL AND ok
),
successors AS (
  SELECT u.pid,
    arg_min({'id': w.pid, 'name': a.sp_name, 'firstSeen': a.first_seen, 'sharedIp': u.ip}, a.first_seen) AS successor
  FROM user_ips u
  JOIN workload_ips w ON u.ip = w.ip
  JOIN agg a ON a.pid = w.pid
  JOIN quiet_users q ON q.pid = u.pid
  WHERE a.first_seen >= q.last_seen - INTERVAL 1 DAY
  GROUP BY u.pid
),
upn_map AS (
  SELECT lower(upn) AS upn, min(id) AS id FROM identities WHERE upn IS NOT NULL GROUP BY 1
  UNION ALL
  SELECT upn, min(pid) FROM agg WHERE upn IS NOT NULL AND pkind = 'user' AND upn NOT IN (SELECT lower(upn) FROM identities WHERE upn IS NOT NULL) GROUP BY 1
),
op AS (
  SELECT
    coalesce(o.caller_object_id, m.id, lower(o.caller_upn), lower(o.caller)) AS pid,
    CASE WHEN o.idtyp = 'app' THEN 'servicePrincipal' ELSE 'user' END AS okind,
    lower(o.caller_upn) AS upn, o.time, o.operation_name, o.kind, o.mfa, o.policy_definition_ids,
    lower(o.operation_name) = ${quote(POLICY_AUDIT_OPERATION)} AS is_audit,
    ${mfaPolicyMatch('o.policy_definition_ids')} AS mfa_policy,
    (coalesce(o.sub_status, '') ILIKE ${quote(`%${POLICY_DENY_STATUS}%`)} OR coalesce(o.status_code, '') ILIKE ${quote(`%${POLICY_DENY_STATUS}%`)} OR o.status = 'failed') AS failed_by
  FROM operations o LEFT JOIN upn_map m ON lower(o.caller_upn) = m.upn
  WHERE o.time <= ${cutoff}
),
op_flags AS (
  SELECT *, (NOT is_audit AND mfa_policy AND failed_by) AS denied, (NOT is_audit AND NOT (mfa_policy AND failed_by)) AS counted,
    kind IN ('create', 'update', 'delete') AS change
  FROM op WHERE pid IS NOT NULL
),
op_agg AS (
  SELECT pid,
    any_value(okind) AS okind,
    any_value(upn) FILTER (WHERE upn IS NOT NULL) AS upn,
    count(*) FILTER (WHERE counted AND kind IN ('create', 'update'))::INTEGER AS writes,
    count(*) FILTER (WHERE counted AND kind = 'delete')::INTEGER AS deletes,
    count(*) FILTER (WHERE counted AND kind = 'action')::INTEGER AS actions,
    count(*) FILTER (WHERE counted AND change AND mfa IS TRUE)::INTEGER AS ops_mfa,
    count(*) FILTER (WHERE counted AND change AND mfa IS FALSE)::INTEGER AS ops_no_mfa,
    count(*) FILTER (WHERE counted AND change AND mfa IS NULL)::INTEGER AS ops_mfa_unknown,
    min(time) FILTER (WHERE counted AND change AND mfa IS FALSE) AS ops_no_mfa_first,
    max(time) FILTER (WHERE counted AND change AND mfa IS FALSE) AS ops_no_mfa_last,
    max(time) FILTER (WHERE counted) AS last_operation,
    count(*) FILTER (WHERE denied)::INTEGER AS policy_denied,
    min(time) FILTER (WHERE denied) AS policy_denied_first,
    max(time) FILTER (WHERE denied) AS policy_denied_last,
    list(DISTINCT policy_definition_ids) FILTER (WHERE denied AND policy_definition_ids IS NOT NULL) AS policy_denied_definitions,
    count(*) FILTER (WHERE is_audit AND mfa_policy)::INTEGER AS policy_audits,
    min(time) FILTER (WHERE is_audit AND mfa_policy) AS policy_audit_first,
    max(time) FILTER (WHERE is_audit AND mfa_policy) AS policy_audit_last
  FROM op_flags
  GROUP BY pid
),
op_names AS (
  SELECT pid, list({'key': operation_name, 'name': NULL::VARCHAR, 'count': n} ORDER BY n DESC, operation_name)[1:5] AS names
  FROM (SELECT pid, operation_name, count(*)::INTEGER AS n FROM op_flags WHERE counted AND change AND mfa IS FALSE GROUP BY ALL)
  GROUP BY pid
),
roles AS (
  SELECT principal_id AS pid, list(DISTINCT lower(role_definition_id) ORDER BY lower(role_definition_id)) AS role_ids
  FROM role_assignments WHERE source = 'directory' GROUP BY 1
),
ca AS (
  SELECT id,
    json_extract_string(raw, '$.conditions.users.excludeUsers[*]') AS xu,
    json_extract_string(raw, '$.conditions.users.excludeGroups[*]') AS xg,
    json_extract_string(raw, '$.conditions.users.excludeRoles[*]') AS xr
  FROM conditional_access_policies WHERE state = 'enabled'
),
ca_excluded AS (
  SELECT pid, count(DISTINCT policy)::INTEGER AS n FROM (
    SELECT id AS policy, unnest(xu) AS pid FROM ca
    UNION ALL
    SELECT c.id, gm.member_id FROM (SELECT id, unnest(xg) AS g FROM ca) c JOIN group_members gm ON gm.group_id = c.g
    UNION ALL
    SELECT c.id, ra.principal_id FROM (SELECT id, unnest(xr) AS r FROM ca) c JOIN role_assignments ra ON lower(ra.role_definition_id) = lower(c.r) AND ra.source = 'directory'
  ) GROUP BY pid
),
universe AS (
  SELECT id AS pid FROM identities
  UNION SELECT pid FROM agg
  UNION SELECT pid FROM op_agg
)
SELECT
  u.pid AS id,
  coalesce(d.kind, a.pkind, o.okind, 'user') AS kind,
  d.id IS NOT NULL AS in_directory,
  coalesce(lower(d.upn), a.upn, o.upn) AS upn,
  coalesce(d.display_name, a.user_display_name, a.sp_name) AS display_name,
  lower(coalesce(d.user_type, a.user_type)) AS user_type,
  d.account_enabled, d.created_at, d.password_never_expires, d.on_premises_sync_enabled, d.license_count,
  coalesce(d.app_id, a.sp_app_id) AS app_id, d.service_principal_type,
  greatest(d.last_sign_in, d.last_non_interactive_sign_in) AS directory_last_sign_in,
  r.user_id IS NOT NULL AS registration_known, r.is_mfa_registered AS mfa_registered, coalesce(r.methods_registered, []) AS methods_registered,
  coalesce(ro.role_ids, []) AS directory_role_ids,
  coalesce(ce.n, 0) AS ca_policies_excluding,
  coalesce(a.sign_ins, 0) AS sign_ins, coalesce(a.interactive, 0) AS interactive, coalesce(a.non_interactive, 0) AS non_interactive,
  coalesce(a.sp_sign_ins, 0) AS service_principal_sign_ins, coalesce(a.mi_sign_ins, 0) AS managed_identity_sign_ins,
  coalesce(a.successes, 0) AS successes, coalesce(a.mfa_successes, 0) AS mfa_successes, coalesce(a.single_factor_successes, 0) AS single_factor_successes,
  coalesce(a.ropc, 0) AS ropc, coalesce(a.device_code, 0) AS device_code,
  a.first_seen, a.last_seen, a.last_success, coalesce(a.guest_home, 0) AS guest_from_home_tenant,
  coalesce(h.hour_of_week, list_transform(range(168), lambda i: 0::INTEGER)) AS hour_of_week,
  coalesce(t.active_days, 0) AS active_days, coalesce(t.active_hours, 0) AS active_hours, coalesce(t.hours_of_day, 0) AS hours_of_day,
  t.gap_median AS gap_median_seconds, t.gap_cv, t.regular_share AS regular_gap_share,
  coalesce(a.distinct_ips, 0) AS distinct_ips, coalesce(a.distinct_asns, 0) AS distinct_asns, coalesce(a.distinct_countries, 0) AS distinct_countries,
  coalesce(a.azure_asn, 0) AS azure_asn_sign_ins, coalesce(a.cloud_asn, 0) AS cloud_asn_sign_ins, coalesce(a.private_ip, 0) AS private_ip_sign_ins,
  coalesce(l.asns, []) AS asns, coalesce(l.countries, []) AS countries, coalesce(l.user_agents, []) AS user_agents,
  coalesce(l.apps[1:10], []) AS apps, coalesce(l.resources[1:10], []) AS resources, coalesce(l.failures[1:10], []) AS failures,
  coalesce(a.portal_mfa, 0) AS portal_success_mfa, coalesce(a.portal_no_mfa, 0) AS portal_success_no_mfa,
  a.portal_no_mfa_first, a.portal_no_mfa_last,
  coalesce(a.arm_mfa, 0) AS arm_success_mfa, coalesce(a.arm_no_mfa, 0) AS arm_success_no_mfa, coalesce(a.arm_ropc, 0) AS arm_ropc_success,
  a.arm_no_mfa_first, a.arm_no_mfa_last,
  coalesce(l.arm_no_mfa_apps, []) AS arm_no_mfa_apps,
  coalesce(a.scope_mfa_failures, 0) AS scope_mfa_failures, coalesce(a.portal_mfa_failures, 0) AS portal_mfa_failures, a.scope_mfa_failure_first, a.scope_mfa_failure_last, a.scope_mfa_failure_app,
  coalesce(a.scope_mfa_failure_codes, []) AS scope_mfa_failure_codes, a.last_scope_mfa_success, coalesce(a.other_mfa_failures, 0) AS other_mfa_failures,
  coalesce(o.writes, 0) AS writes, coalesce(o.deletes, 0) AS deletes, coalesce(o.actions, 0) AS actions,
  coalesce(o.ops_mfa, 0) AS ops_mfa, coalesce(o.ops_no_mfa, 0) AS ops_no_mfa, coalesce(o.ops_mfa_unknown, 0) AS ops_mfa_unknown,
  o.ops_no_mfa_first, o.ops_no_mfa_last, coalesce(n.names, []) AS ops_no_mfa_names, o.last_operation,
  coalesce(o.policy_denied, 0) AS policy_denied, o.policy_denied_first, o.policy_denied_last, coalesce(o.policy_denied_definitions, []) AS policy_denied_definitions,
  coalesce(o.policy_audits, 0) AS policy_audits, o.policy_audit_first, o.policy_audit_last,
  s.successor
FROM universe u
LEFT JOIN identities d ON d.id = u.pid
LEFT JOIN agg a ON a.pid = u.pid
LEFT JOIN lists l ON l.pid = u.pid
LEFT JOIN timing t ON t.pid = u.pid
LEFT JOIN how h ON h.pid = u.pid
LEFT JOIN op_agg o ON o.pid = u.pid
LEFT JOIN op_names n ON n.pid = u.pid
LEFT JOIN registration_details r ON r.user_id = u.pid
LEFT JOIN roles ro ON ro.pid = u.pid
LEFT JOIN ca_excluded ce ON ce.pid = u.pid
LEFT JOIN successors s ON s.pid = u.pid
ORDER BY u.pid
`;
}

export const TENANT_FEATURES_SQL = `
SELECT
  coalesce(
    (SELECT value FROM tenant WHERE key IN ('tenantId', 'tenant_id', 'tenant.id') ORDER BY key LIMIT 1),
    (SELECT tenant_id FROM sign_ins WHERE tenant_id IS NOT NULL LIMIT 1)
  ) AS tenant_id,
  greatest((SELECT max(created_at) FROM sign_ins), (SELECT max(time) FROM operations)) AS newest_record,
  (SELECT min(created_at) FROM sign_ins) AS oldest_sign_in,
  (SELECT max(created_at) FROM sign_ins) AS newest_sign_in,
  (SELECT count(*)::INTEGER FROM sign_ins) AS sign_ins,
  (SELECT count(*)::INTEGER FROM operations) AS operations,
  (SELECT count(*)::INTEGER FROM identities) AS directory_objects,
  (SELECT count(*)::INTEGER FROM registration_details) AS registration_details,
  (SELECT count(*)::INTEGER FROM conditional_access_policies WHERE state = 'enabled') AS enabled_ca_policies,
  (SELECT count(*)::INTEGER FROM role_assignments) AS role_assignments
`;
