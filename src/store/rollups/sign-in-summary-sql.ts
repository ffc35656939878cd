import { createHash } from 'node:crypto';
import { ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, FIRST_PARTY_APPS, MFA_ERROR_CODES } from '../../catalog/enforcement.js';
import { HOSTING_ASNS } from '../../catalog/networks.js';
import { USER_AGENT_FAMILIES } from '../../catalog/user-agents.js';
import { signInBlockJsonSql } from '../../features/sign-in-block-sql.js';
import { sqlList, sqlString } from '../sql-literal.js';

/**
 * The sign-in half of the per-identity features, from the rollups: one row per principal with its counts (by kind,
 * result, factor, protocol, portal / ARM scope, network), first and last times, most-used apps, resources, failures,
 * ASNs, countries and user-agent families, and its timing; and that half of the feature row as JSON text
 * (`sign_in_block`, src/features/sign-in-block-sql.ts). This is where the catalog is applied to the rollups.
 * Computed on the fly by analyze, or kept as `sign_in_summary` when an import ends (then analyze only joins it);
 * its version is a digest of this SQL, catalog included, so a store summarised by another catalog is summarised again.
 */



const ARM_CLIENTS = FIRST_PARTY_APPS.filter((app) => app.role === 'arm-client').map((app) => app.id);
const AZURE_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'azure').map((entry) => entry.asn);
const CLOUD_ASNS = HOSTING_ASNS.filter((entry) => entry.hosting === 'cloud').map((entry) => entry.asn);
const MFA_CODES = MFA_ERROR_CODES.map((entry) => entry.code);

function userAgentFamilyCase(column: string): string {
  const branches = USER_AGENT_FAMILIES.map((family) => {
    const tests = family.contains.map((needle) => `contains(ua, ${sqlString(needle)})`).join(' OR ');
    return `WHEN ${tests} THEN ${sqlString(family.id)}`;
  });
  return `(SELECT CASE WHEN ua IS NULL OR ua = '' THEN NULL ${branches.join(' ')} ELSE 'other' END FROM (SELECT lower(${column}) AS ua))`;
}

const ISO = "'%Y-%m-%dT%H:%M:%S.%gZ'";

/** The cells' portal OR arm, for a {app_id, resource_id} struct `t` of a session's targets, in a lambda. */
function scopeLambda(t: string): string {
  return `(${t}.app_id = ${sqlString(AZURE_PORTAL_APP_ID)} OR ${t}.resource_id = ${sqlString(ARM_RESOURCE_ID)} OR (${t}.resource_id IS NULL AND ${t}.app_id IN (${sqlList(ARM_CLIENTS)})))`;
}

/**
 * `cellRows`, `profiles` and `sessions`: relations with the columns of sign_in_cells, sign_in_profiles and
 * sign_in_sessions (tables or CTE names), each merged: one row per key.
 */
export function signInSummarySql(cellRows: string, profiles: string, sessions: string): string {
  return `
WITH
cells AS MATERIALIZED (
  -- The rollup's cells with what the catalog says about them: the portal, the ARM resource (or an ARM client with no
  -- resource recorded), the error codes that mean MFA was required.
  SELECT pid, pkind, kind, app_id, resource_id, CASE WHEN error_code = 0 THEN NULL ELSE error_code END AS error_code,
    error_code = 0 AS ok, error_code = 0 AND mfa AS mfa, basis, protocol, asn, country, user_agent, guest, private,
    app_id = ${sqlString(AZURE_PORTAL_APP_ID)} AS portal,
    coalesce(app_id, '') <> ${sqlString(AZURE_PORTAL_APP_ID)}
      AND (resource_id = ${sqlString(ARM_RESOURCE_ID)} OR (resource_id IS NULL AND app_id IN (${sqlList(ARM_CLIENTS)}))) AS arm,
    error_code IN (${sqlList(MFA_CODES)}) AS mfa_error,
    upn, user_display_name, sp_name, user_type, app_name, resource_name, n, first, last
  FROM ${cellRows}
),
agg AS MATERIALIZED (
  SELECT pid,
    min(pkind) AS pkind,
    min(upn) FILTER (WHERE upn IS NOT NULL) AS upn,
    min(user_display_name) FILTER (WHERE user_display_name IS NOT NULL) AS user_display_name,
    min(sp_name) FILTER (WHERE sp_name IS NOT NULL) AS sp_name,
    min(app_id) FILTER (WHERE pkind <> 'user') AS sp_app_id,
    min(user_type) FILTER (WHERE user_type IS NOT NULL) AS user_type,
    sum(n)::INTEGER AS sign_ins,
    coalesce(sum(n) FILTER (WHERE kind = 'interactiveUser'), 0)::INTEGER AS interactive,
    coalesce(sum(n) FILTER (WHERE kind = 'nonInteractiveUser'), 0)::INTEGER AS non_interactive,
    coalesce(sum(n) FILTER (WHERE kind = 'servicePrincipal'), 0)::INTEGER AS sp_sign_ins,
    coalesce(sum(n) FILTER (WHERE kind = 'managedIdentity'), 0)::INTEGER AS mi_sign_ins,
    coalesce(sum(n) FILTER (WHERE ok), 0)::INTEGER AS successes,
    coalesce(sum(n) FILTER (WHERE ok AND mfa AND basis IS DISTINCT FROM 'session-mfa'), 0)::INTEGER AS mfa_successes,
    coalesce(sum(n) FILTER (WHERE ok AND basis = 'session-mfa'), 0)::INTEGER AS session_mfa_successes,
    coalesce(sum(n) FILTER (WHERE ok AND basis = 'untraced'), 0)::INTEGER AS untraced_successes,
    coalesce(sum(n) FILTER (WHERE ok AND NOT mfa), 0)::INTEGER AS single_factor_successes,
    coalesce(sum(n) FILTER (WHERE protocol = 'ropc'), 0)::INTEGER AS ropc,
    coalesce(sum(n) FILTER (WHERE protocol = 'deviceCode'), 0)::INTEGER AS device_code,
    min(first) AS first_seen,
    max(last) AS last_seen,
    max(last) FILTER (WHERE ok) AS last_success,
    coalesce(sum(n) FILTER (WHERE guest), 0)::INTEGER AS guest_home,
    coalesce(sum(n) FILTER (WHERE asn IN (${sqlList(AZURE_ASNS)})), 0)::INTEGER AS azure_asn,
    coalesce(sum(n) FILTER (WHERE asn IN (${sqlList(CLOUD_ASNS)})), 0)::INTEGER AS cloud_asn,
    coalesce(sum(n) FILTER (WHERE private), 0)::INTEGER AS private_ip,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND mfa), 0)::INTEGER AS portal_mfa,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced'), 0)::INTEGER AS portal_no_mfa,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND basis = 'session-mfa'), 0)::INTEGER AS portal_session_mfa,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND basis = 'session-single'), 0)::INTEGER AS portal_session_single,
    coalesce(sum(n) FILTER (WHERE portal AND ok AND basis = 'untraced'), 0)::INTEGER AS portal_untraced,
    min(first) FILTER (WHERE portal AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced') AS portal_no_mfa_first,
    max(last) FILTER (WHERE portal AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced') AS portal_no_mfa_last,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND mfa), 0)::INTEGER AS arm_mfa,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced'), 0)::INTEGER AS arm_no_mfa,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND basis = 'session-mfa'), 0)::INTEGER AS arm_session_mfa,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND basis = 'session-single'), 0)::INTEGER AS arm_session_single,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND basis = 'untraced'), 0)::INTEGER AS arm_untraced,
    coalesce(sum(n) FILTER (WHERE arm AND ok AND NOT mfa AND protocol = 'ropc'), 0)::INTEGER AS arm_ropc,
    min(first) FILTER (WHERE (portal OR arm) AND ok AND basis = 'untraced') AS scope_untraced_first,
    max(last) FILTER (WHERE (portal OR arm) AND ok AND basis = 'untraced') AS scope_untraced_last,
    min(first) FILTER (WHERE arm AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced') AS arm_no_mfa_first,
    max(last) FILTER (WHERE arm AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced') AS arm_no_mfa_last,
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
  SELECT pid, app_id, resource_id, error_code, asn, country, user_agent, (arm AND ok AND NOT mfa AND basis IS DISTINCT FROM 'untraced') AS arm_no_mfa, app_name, resource_name, n FROM cells
),
ua_families AS MATERIALIZED (
  SELECT user_agent, ${userAgentFamilyCase('user_agent')} AS family FROM (SELECT DISTINCT user_agent FROM dims WHERE user_agent IS NOT NULL)
),
rolled AS (
  -- Every per-principal count list in one GROUP BY over the cells (dim says which list), rather than one GROUP BY per list.
  SELECT pid, dim, ks, kn, min(nm) AS nm, sum(n)::INTEGER AS n FROM (
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
session_facts AS (
  -- Per principal, one session of each kind to name in the evidence: the latest whose MFA carried later sign-ins, the
  -- latest single-factor session refreshed, the latest that began before the data; a session that reached the portal or
  -- ARM first, since those are the sign-ins the verdict rests on. Ties broken by session id, so the example does not
  -- depend on the order rows were merged in.
  SELECT pid,
    coalesce(sum(untraced), 0)::INTEGER AS untraced_in_sessions,
    arg_max({'sessionId': session_id, 'signInId': mfa_sign_in_id, 'at': strftime(mfa_at, ${ISO}), 'app': mfa_app, 'method': mfa_method, 'refreshes': covered},
      (in_scope, covered_last, session_id)) FILTER (WHERE covered > 0 AND mfa_at IS NOT NULL) AS session_mfa_example,
    arg_max({'sessionId': session_id, 'startedAt': strftime(start_at, ${ISO}), 'app': start_app, 'refreshes': single_refreshes},
      (in_scope, single_refresh_last, session_id)) FILTER (WHERE single_refreshes > 0 AND start_at IS NOT NULL) AS single_session_example,
    arg_max({'sessionId': session_id, 'firstSeen': strftime(first_at, ${ISO}), 'signIns': untraced},
      (in_scope, untraced_last, session_id)) FILTER (WHERE untraced > 0) AS untraced_session_example
  FROM (
    SELECT *, len(list_filter(targets, lambda t: ${scopeLambda('t')})) > 0 AS in_scope FROM ${sessions}
  )
  GROUP BY pid
)
SELECT b.*, ${signInBlockJsonSql('b')} AS sign_in_block FROM (
  SELECT a.*, l.apps, l.resources, l.failures, l.asns, l.countries, l.user_agents, l.arm_no_mfa_apps,
    p.hour_of_week, p.active_hours, p.active_days, p.hours_of_day, p.gap_median, p.gap_cv, p.regular_share, p.distinct_ips,
    s.untraced_in_sessions, s.session_mfa_example, s.single_session_example, s.untraced_session_example
  FROM agg a
  LEFT JOIN lists l ON l.pid = a.pid
  LEFT JOIN ${profiles} p ON p.pid = a.pid
  LEFT JOIN session_facts s ON s.pid = a.pid
) b`;
}

/** A digest of the summary's SQL, catalog literals included: what `derived_tables` records for sign_in_summary. */
export const SIGN_IN_SUMMARY_VERSION = Number.parseInt(createHash('sha256').update(signInSummarySql('c', 'p', 's')).digest('hex').slice(0, 7), 16);
