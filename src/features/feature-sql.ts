import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, FIRST_PARTY_APPS, MFA_ERROR_CODES, MFA_POLICY_DEFINITIONS, POLICY_AUDIT_OPERATION, POLICY_DENY_STATUS } from '../catalog/enforcement.js';
import { IN_PROGRESS_STATUSES } from '../catalog/activity-log.js';
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

/** The first and last UTC hour (since the epoch) with sign-ins up to the cut-off: the bounds of each principal's hour bitstring. */
export interface HourRange {
  first: number;
  last: number;
}

function cutoffOf(until: string): string {
  return `CAST(${quote(until)} AS TIMESTAMPTZ)::TIMESTAMP`;
}

/** One row (first, last): both null when there is no sign-in up to the cut-off. */
export function hourRangeSql(until: string): string {
  return `SELECT (epoch_ms(min(created_at)) // 3600000)::INTEGER AS first, (epoch_ms(max(created_at)) // 3600000)::INTEGER AS last FROM sign_ins WHERE created_at <= ${cutoffOf(until)}`;
}

/**
 * `until` is an ISO instant (validated by the caller): records after it are ignored, so --as-of means "as of".
 * `hours` comes from hourRangeSql with the same `until` (bitstring_agg needs constant bounds).
 */
export function identityFeaturesSql(until: string, hours: HourRange): string {
  const cutoff = cutoffOf(until);
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
cells AS MATERIALIZED (
  -- The one pass over sign-ins for counts: a principal's sign-ins grouped by everything the features split on
  -- (app, resource, failure, network, user agent, kind, factor, protocol). Few cells per principal; the rest rolls up from here.
  -- Keyed on one 64-bit hash of the dimensions (collisions negligible) rather than on a dozen columns.
  SELECT pid, any_value(pkind) AS pkind, any_value(kind) AS kind, any_value(app_id) AS app_id, any_value(resource_id) AS resource_id,
    any_value(error_code) AS error_code, any_value(ok) AS ok, any_value(mfa) AS mfa, any_value(protocol) AS protocol,
    any_value(asn) AS asn, any_value(country) AS country, any_value(user_agent) AS user_agent,
    any_value(guest) AS guest, any_value(private) AS private, any_value(portal) AS portal, any_value(arm) AS arm, any_value(mfa_error) AS mfa_error,
    any_value(lower(upn)) FILTER (WHERE upn IS NOT NULL) AS upn,
    any_value(user_display_name) FILTER (WHERE user_display_name IS NOT NULL) AS user_display_name,
    any_value(service_principal_name) FILTER (WHERE service_principal_name IS NOT NULL) AS sp_name,
    any_value(lower(user_type)) FILTER (WHERE user_type IS NOT NULL) AS user_type,
    any_value(app_display_name) AS app_name, any_value(resource_display_name) AS resource_name,
    count(*)::INTEGER AS n, min(created_at) AS first, max(created_at) AS last
  FROM (
    SELECT pid, pkind, kind, app_id, resource_id, CASE WHEN ok THEN NULL ELSE error_code END AS error_code, ok, ok AND mfa AS mfa,
      CASE WHEN authentication_protocol IN ('ropc', 'deviceCode') THEN authentication_protocol END AS protocol,
      asn, country, user_agent, portal, arm, mfa_error,
      cross_tenant_access_type ILIKE 'b2b%' OR (home_tenant_id IS NOT NULL AND resource_tenant_id IS NOT NULL AND home_tenant_id <> resource_tenant_id) AS guest,
      ip_address LIKE '10.%' OR ip_address LIKE '192.168.%' OR (ip_address LIKE '172.%' AND TRY_CAST(split_part(ip_address, '.', 2) AS INTEGER) BETWEEN 16 AND 31) AS private,
      upn, user_display_name, service_principal_name, user_type, app_display_name, resource_display_name, created_at
    FROM si WHERE pid IS NOT NULL
  )
  GROUP BY pid, hash(kind, app_id, resource_id, error_code, ok, mfa, protocol, asn, country, user_agent, guest, private)
),
agg AS MATERIALIZED (
  SELECT pid,
    any_value(pkind) AS pkind,
    any_value(upn) FILTER (WHERE upn IS NOT NULL) AS upn,
    any_value(user_display_name) FILTER (WHERE user_display_name IS NOT NULL) AS user_display_name,
    any_value(sp_name) FILTER (WHERE sp_name IS NOT NULL) AS sp_name,
    any_value(app_id) FILTER (WHERE pkind <> 'user') AS sp_app_id,
    any_value(user_type) FILTER (WHERE user_type IS NOT NULL) AS user_type,
    sum(n)::INTEGER AS sign_ins,
    coalesce(sum(n) FILTER (WHERE kind = 'interactiveUser'), 0)::INTEGER AS interactive,
    coalesce(sum(n) FILTER (WHERE kind = 'nonInteractiveUser'), 0)::INTEGER AS non_interactive,
    coalesce(sum(n) FILTER (WHERE kind = 'servicePrincipal'), 0)::INTEGER AS sp_sign_ins,
    coalesce(sum(n) FILTER (WHERE kind = 'managedIdentity'), 0)::INTEGER AS mi_sign_ins,
    coalesce(sum(n) FILTER (WHERE ok), 0)::INTEGER AS successes,
    coalesce(sum(n) FILTER (WHERE ok AND mfa), 0)::INTEGER AS mfa_successes,
    coalesce(sum(n) FILTER (WHERE ok AND NOT mfa), 0)::INTEGER AS single_factor_successes,
    coalesce(sum(n) FILTER (WHERE protocol = 'ropc'), 0)::INTEGER AS ropc,
    coalesce(sum(n) FILTER (WHERE protocol = 'deviceCode'), 0)::INTEGER AS device_code,
    min(first) AS first_seen,
    max(last) AS last_seen,
    max(last) FILTER (WHERE ok) AS last_success,
    coalesce(sum(n) FILTER (WHERE guest), 0)::INTEGER AS guest_home,
    coalesce(sum(n) FILTER (WHERE asn IN (${inList(AZURE_ASNS)})), 0)::INTEGER AS azure_asn,
    coalesce(sum(n) FILTER (WHERE asn IN (${inList(CLOUD_ASNS)})), 0)::INTEGER AS cloud_asn,
    coalesce(sum(n) FILTER (WHERE private), 0)::INTEGER AS private_ip,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND mfa), 0)::INTEGER AS portal_mfa,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND NOT mfa), 0)::INTEGER AS portal_no_mfa,
    min(first) FILTER (WHERE portal AND ok AND NOT mfa) AS portal_no_mfa_first,
    max(last) FILTER (WHERE portal AND ok AND NOT mfa) AS portal_no_mfa_last,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND mfa), 0)::INTEGER AS arm_mfa,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND NOT mfa), 0)::INTEGER AS arm_no_mfa,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND NOT mfa AND protocol = 'ropc'), 0)::INTEGER AS arm_ropc,
    min(first) FILTER (WHERE arm AND ok AND NOT mfa) AS arm_no_mfa_first,
    max(last) FILTER (WHERE arm AND ok AND NOT mfa) AS arm_no_mfa_last,
    coalesce(sum(n) FILTER (WHERE (portal OR arm) AND mfa_error), 0)::INTEGER AS scope_mfa_failures,
    coalesce(sum(n) FILTER (WHERE portal AND mfa_error), 0)::INTEGER AS portal_mfa_failures,
    min(first) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_first,
    max(last) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_last,
    arg_max(coalesce(app_name, app_id), last) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_app,
    list(DISTINCT error_code::INTEGER) FILTER (WHERE (portal OR arm) AND mfa_error) AS scope_mfa_failure_codes,
    max(last) FILTER (WHERE (portal OR arm) AND ok AND mfa) AS last_scope_mfa_success,
    coalesce(sum(n) FILTER (WHERE NOT (portal OR arm) AND mfa_error), 0)::INTEGER AS other_mfa_failures
  FROM cells
  GROUP BY pid
),
dims AS (
  SELECT pid, app_id, resource_id, error_code, asn, country, user_agent, (arm AND ok AND NOT mfa) AS arm_no_mfa, app_name, resource_name, n FROM cells
),
ua_families AS MATERIALIZED (
  SELECT user_agent, ${userAgentFamilyCase('user_agent')} AS family FROM (SELECT DISTINCT user_agent FROM dims WHERE user_agent IS NOT NULL)
),
rolled AS (
  -- Every per-principal count list in one GROUP BY over the cells (dim says which list), rather than one GROUP BY per list.
  SELECT pid, dim, ks, kn, any_value(nm) AS nm, sum(n)::INTEGER AS n FROM (
    SELECT pid, 1 AS dim, app_id AS ks, NULL::INTEGER AS kn, app_name AS nm, n FROM dims WHERE app_id IS NOT NULL
    UNION ALL SELECT pid, 2, resource_id, NULL, resource_name, n FROM dims WHERE resource_id IS NOT NULL
    UNION ALL SELECT pid, 3, NULL, error_code, NULL, n FROM dims WHERE error_code IS NOT NULL
    UNION ALL SELECT pid, 4, NULL, asn, NULL, n FROM dims WHERE asn IS NOT NULL
    UNION ALL SELECT pid, 5, country, NULL, NULL, n FROM dims WHERE country IS NOT NULL
    UNION ALL SELECT d.pid, 6, f.family, NULL, NULL, d.n FROM dims d JOIN ua_families f ON f.user_agent = d.user_agent
    UNION ALL SELECT pid, 7, coalesce(app_id, ''), NULL, app_name, n FROM dims WHERE arm_no_mfa
  ) GROUP BY pid, dim, ks, kn
),
lists AS MATERIALIZED (
  -- Most sign-ins first, then by key: list_sort on a struct led by -count (keys are unique within a list), cheaper
  -- than an ordered aggregate.
  SELECT pid,
    list_transform(list_sort(list({'o': -n, 'key': ks, 'name': nm, 'count': n}) FILTER (WHERE dim = 1)), lambda e: {'key': e.key, 'name': e.name, 'count': e.count}) AS apps,
    list_transform(list_sort(list({'o': -n, 'key': ks, 'name': nm, 'count': n}) FILTER (WHERE dim = 2)), lambda e: {'key': e.key, 'name': e.name, 'count': e.count}) AS resources,
    list_transform(list_sort(list({'o': -n, 'code': kn, 'count': n}) FILTER (WHERE dim = 3)), lambda e: {'code': e.code, 'count': e.count}) AS failures,
    list_transform(list_sort(list({'o': -n, 'asn': kn, 'count': n}) FILTER (WHERE dim = 4)), lambda e: {'asn': e.asn, 'count': e.count}) AS asns,
    list_transform(list_sort(list({'o': -n, 'key': ks, 'name': NULL::VARCHAR, 'count': n}) FILTER (WHERE dim = 5)), lambda e: {'key': e.key, 'name': e.name, 'count': e.count}) AS countries,
    list_transform(list_sort(list({'o': -n, 'key': ks, 'name': NULL::VARCHAR, 'count': n}) FILTER (WHERE dim = 6)), lambda e: {'key': e.key, 'name': e.name, 'count': e.count}) AS user_agents,
    list_transform(list_sort(list({'o': -n, 'key': ks, 'name': nm, 'count': n}) FILTER (WHERE dim = 7)), lambda e: {'key': e.key, 'name': e.name, 'count': e.count}) AS arm_no_mfa_apps
  FROM rolled
  GROUP BY pid
),
timeline AS MATERIALIZED (
  -- The second pass, one group per principal whatever the number of sign-ins: active hours as a bitstring over the
  -- hours of the data set (UTC hours since the epoch; day = h // 24, hour of day = h % 24; 1970-01-01 was a Thursday),
  -- the hour-of-week histogram and the set of successful addresses (spread and migration check).
  SELECT pid, any_value(pkind) AS pkind,
    bitstring_agg(h, ${hours.first}, ${hours.last}) AS hour_bits,
    bit_count(bitstring_agg(h // 24, ${Math.floor(hours.first / 24)}, ${Math.floor(hours.last / 24)}))::INTEGER AS active_days,
    bit_count(bitstring_agg(h % 24, 0, 23))::INTEGER AS hours_of_day,
    -- histogram() keeps a map per group and is several times slower than histogramming each principal's list once.
    list_aggregate(list((((h // 24 + 3) % 7) * 24 + h % 24)::SMALLINT), 'histogram') AS week,
    list(DISTINCT ip_address) FILTER (WHERE ok AND ip_address IS NOT NULL) AS ok_ips
  FROM (SELECT pid, pkind, (epoch_ms(created_at) // 3600000)::INTEGER AS h, ip_address, ok FROM si WHERE pid IS NOT NULL)
  GROUP BY pid
),
timing AS MATERIALIZED (
  -- Gaps between consecutive active hours: the runs of zeros between the ones of the hour bitstring, no sort at all.
  -- The bitstring is kept as bits (span / 8 bytes per principal) and spelt out as text only here, row by row.
  SELECT pid, active_hours, active_days, hours_of_day, med AS gap_median,
    (list_aggregate(gaps, 'stddev_pop') / nullif(list_avg(gaps), 0))::DOUBLE AS gap_cv,
    (len(list_filter(gaps, lambda g: abs(g - med) <= 0.1 * med)) / nullif(len(gaps), 0))::DOUBLE AS regular_share
  FROM (SELECT *, list_aggregate(gaps, 'median')::DOUBLE AS med FROM (
    SELECT pid, (len(runs) - 1)::INTEGER AS active_hours, active_days, hours_of_day,
      list_transform(runs[2:len(runs) - 1], lambda zeros: ((len(zeros) + 1) * 3600)::INTEGER) AS gaps
    FROM (SELECT pid, active_days, hours_of_day, string_split(hour_bits::VARCHAR, '1') AS runs FROM timeline)
  ))
),
how AS (
  -- Sparse: only the hours of the week with sign-ins (Monday 00:00 UTC = 0); the loader spreads them over the 168 cells.
  SELECT pid, {'cells': list_transform(map_keys(week), lambda w: w::INTEGER), 'counts': list_transform(map_values(week), lambda c: c::INTEGER)} AS cells FROM timeline
),
ips AS MATERIALIZED (
  SELECT pid, pkind, unnest(ok_ips) AS ip FROM timeline
),
ip_spread AS (
  SELECT pid, len(ok_ips)::INTEGER AS distinct_ips FROM timeline
),
quiet_users AS (
  SELECT pid, last_seen FROM agg WHERE pkind = 'user' AND last_seen < (SELECT max(last_seen) FROM agg) - INTERVAL 3 DAY
),
successors AS (
  SELECT u.pid,
    arg_min({'id': w.pid, 'name': a.sp_name, 'firstSeen': a.first_seen, 'sharedIp': u.ip}, a.first_seen) AS successor
  FROM ips u
  JOIN quiet_users q ON q.pid = u.pid
  JOIN ips w ON u.ip = w.ip AND w.pkind <> 'user'
  JOIN agg a ON a.pid = w.pid
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
    coalesce(o.status, '') IN (${IN_PROGRESS_STATUSES.map(quote).join(', ')}) AS in_progress,
    ${mfaPolicyMatch('o.policy_definition_ids')} AS mfa_policy,
    (coalesce(o.sub_status, '') ILIKE ${quote(`%${POLICY_DENY_STATUS}%`)} OR coalesce(o.status_code, '') ILIKE ${quote(`%${POLICY_DENY_STATUS}%`)} OR o.status = 'failed') AS failed_by
  FROM operations o LEFT JOIN upn_map m ON lower(o.caller_upn) = m.upn
  WHERE o.time <= ${cutoff}
),
op_flags AS (
  SELECT *, (NOT is_audit AND mfa_policy AND failed_by) AS denied, (NOT is_audit AND NOT (mfa_policy AND failed_by) AND NOT in_progress) AS counted,
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
  coalesce(h.cells, {'cells': []::INTEGER[], 'counts': []::INTEGER[]}) AS hour_of_week,
  coalesce(t.active_days, 0) AS active_days, coalesce(t.active_hours, 0) AS active_hours, coalesce(t.hours_of_day, 0) AS hours_of_day,
  t.gap_median AS gap_median_seconds, t.gap_cv, t.regular_share AS regular_gap_share,
  coalesce(ip.distinct_ips, 0) AS distinct_ips, len(coalesce(l.asns, []))::INTEGER AS distinct_asns, len(coalesce(l.countries, []))::INTEGER AS distinct_countries,
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
LEFT JOIN ip_spread ip ON ip.pid = u.pid
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
