import { AUDIT_ACTIVITIES } from '../catalog/audit-activities.js';
import { cellRowsSql, mergedCellsSql, mergedProfilesSql, profileRowsSql } from '../store/rollups/sign-in-rollup-sql.js';
import { signInSummarySql } from '../store/rollups/sign-in-summary-sql.js';
import { mergedSessionsSql, sessionRowsSql } from '../store/rollups/sign-in-session-sql.js';
import { resolvedSignInsSql } from '../store/sign-in-mfa-sql.js';
import { sqlString } from '../store/sql-literal.js';
import { ipBitsSql } from './ip-bits-sql.js';
import { operationFlagsSql } from './operation-flags-sql.js';
import { signInBlockJsonSql } from './sign-in-block-sql.js';
import { blankSignInBlockText } from './kql/feature-answer.js';

/**
 * The per-identity feature query (DuckDB SQL). Built from the catalog so that no ID or code is repeated here.
 * Sign-ins are read through their rollups (cells and profiles, src/store/rollups/): a few rows per principal whatever
 * the number of sign-ins.
 */



/**
 * The first instant after the cut-off. `until` has millisecond precision (an ISO string, like --as-of and the newest
 * record's time as JavaScript reports it) while the store keeps microseconds: the cut-off's whole millisecond counts,
 * or the newest sign-in itself would fall after "as of the newest record".
 */
export function afterCutoffSql(until: string): string {
  return `(CAST(${sqlString(until)} AS TIMESTAMPTZ)::TIMESTAMP + INTERVAL 1 MILLISECOND)`;
}

/**
 * Where the sign-in features come from (see signInRollupState): the summary an import kept, or the same summary
 * computed here from the stored rollups as they are (merged after the import), from the stored rollups merged here
 * (an import stopped before merging them), or from the sign-ins themselves, rolled up on the fly by the same SQL
 * (a cut-off before the newest sign-in, or a store whose rollups do not cover it); or, for a tenant whose aggregation ran
 * in Log Analytics or ADX (collect --from-log-analytics), the halves it pushed back (pushed_features).
 */
export type SignInSource = 'summary' | 'compacted-rollups' | 'rollups' | 'sign-ins' | 'pushed';

/** `profiles` (for the addresses) and `agg`, the sign-in summary per principal, from the chosen source. */
function signInRelations(until: string, source: SignInSource): string {
  // The stored tables are read where they are used: DuckDB would otherwise copy a CTE used more than once.
  if (source === 'pushed') {
    return `profiles AS NOT MATERIALIZED (SELECT pid, pkind, ok_ips FROM pushed_features),
agg AS NOT MATERIALIZED (SELECT pid, pkind, upn, user_display_name, sp_name, user_type, sp_app_id, first_seen, last_seen, sign_in_block FROM pushed_features WHERE sign_ins > 0),`;
  }
  if (source === 'summary') {
    return `profiles AS NOT MATERIALIZED (SELECT * FROM sign_in_profiles),
agg AS NOT MATERIALIZED (SELECT * FROM sign_in_summary),`;
  }
  if (source === 'compacted-rollups') {
    return `profiles AS NOT MATERIALIZED (SELECT * FROM sign_in_profiles),
agg AS MATERIALIZED (${signInSummarySql('sign_in_cells', 'sign_in_profiles', 'sign_in_sessions')}),`;
  }
  if (source === 'rollups') {
    return `cell_rows AS (${mergedCellsSql('sign_in_cells')}),
profiles AS MATERIALIZED (${mergedProfilesSql('sign_in_profiles')}),
session_rows AS (${mergedSessionsSql('sign_in_sessions')}),
agg AS MATERIALIZED (${signInSummarySql('cell_rows', 'profiles', 'session_rows')}),`;
  }
  // Resolved here from the sign-ins up to the cut-off, not read from the stored mfa_basis: rows written without a batch
  // have none, and a basis depends only on earlier sign-ins, so the cut-off changes no sign-in's basis.
  const upTo = `SELECT * FROM sign_ins WHERE created_at < ${afterCutoffSql(until)}`;
  const narrow = `SELECT * EXCLUDE (raw, authentication_steps, applied_policies) FROM sign_ins WHERE created_at < ${afterCutoffSql(until)}`;
  return `resolved AS MATERIALIZED (${resolvedSignInsSql(narrow)}),
cell_rows AS (${cellRowsSql('SELECT * FROM resolved')}),
profiles AS MATERIALIZED (${profileRowsSql(upTo)}),
session_rows AS (${sessionRowsSql('SELECT * FROM resolved')}),
agg AS MATERIALIZED (${signInSummarySql('cell_rows', 'profiles', 'session_rows')}),`;
}

/**
 * The Activity log per principal (`op_agg`, with `names`: its five commonest operations without MFA). From the
 * operations table, or, for a pushed-down tenant, from the halves Kusto computed (one row per principal seen in either
 * log).
 */
function operationRelations(after: string, source: SignInSource): string {
  if (source === 'pushed') {
    return `op_agg AS NOT MATERIALIZED (
  SELECT pid, CASE WHEN pkind = 'user' THEN 'user' ELSE 'servicePrincipal' END AS okind, upn, writes, deletes, actions, ops_mfa, ops_no_mfa,
    ops_mfa_unknown, ops_no_mfa_first, ops_no_mfa_last, last_operation, policy_denied, policy_denied_first, policy_denied_last,
    policy_denied_definitions, policy_audits, policy_audit_first, policy_audit_last,
    from_json(ops_no_mfa_names, '[{"key":"VARCHAR","name":"VARCHAR","count":"INTEGER"}]') AS names
  FROM pushed_features
),`;
  }
  // The operations without MFA are counted by name in the one pass over op_flags (a histogram): a second GROUP BY
  // would make DuckDB keep every operation's flags (op_flags) to read twice.
  return `${operationFlagsSql(after, 'upn_map')}op_agg AS (
  SELECT * EXCLUDE (no_mfa_ops),
    CASE WHEN no_mfa_ops IS NOT NULL THEN list_transform(
      list_sort(list_transform(map_entries(no_mfa_ops), e -> {'n': -e.value::BIGINT, 'key': e.key}))[1:5],
      e -> {'key': e.key, 'name': NULL::VARCHAR, 'count': (-e.n)::INTEGER}) END AS names
  FROM (SELECT pid,
    histogram(operation_name) FILTER (WHERE counted AND change AND mfa IS FALSE) AS no_mfa_ops,
    min(okind) AS okind,
    min(upn) FILTER (WHERE upn IS NOT NULL) AS upn,
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
  GROUP BY pid)
),`;
}

/**
 * Successful sign-in addresses inside the IP ranges of trusted named locations, per principal. Only built when the
 * tenant has trusted IP named locations: every distinct address is expanded to its bits to be compared.
 */
function trustedLocationRelations(): string {
  return `trusted_ranges AS MATERIALIZED (
  SELECT location, length(net) AS family, net[1:prefix] AS prefix_bits FROM (
    SELECT location, ${ipBitsSql("split_part(cidr, '/', 1)")} AS net, TRY_CAST(split_part(cidr, '/', 2) AS INTEGER) AS prefix
    FROM (
      SELECT coalesce(display_name, id) AS location, unnest(json_extract_string(raw, '$.ipRanges[*].cidrAddress')) AS cidr
      FROM named_locations WHERE ${TRUSTED_LOCATION}
    )
  ) WHERE net IS NOT NULL AND prefix BETWEEN 0 AND length(net)
),
trusted_addresses AS (
  -- Each distinct address is expanded once: an office's few egress addresses are shared by thousands of people.
  SELECT a.ip, list(DISTINCT t.location ORDER BY t.location) AS locations
  FROM (SELECT ip, ${ipBitsSql('ip')} AS bits FROM (SELECT DISTINCT unnest(ok_ips) AS ip FROM profiles)) a
  JOIN trusted_ranges t ON t.family = length(a.bits) AND starts_with(a.bits, t.prefix_bits)
  GROUP BY a.ip
),
trusted AS (
  -- A principal's addresses are distinct (profiles), so each joined row is one address.
  SELECT p.pid, count(*)::INTEGER AS ips, list_sort(list_distinct(flatten(list(t.locations))))[1:5] AS locations
  FROM (SELECT pid, unnest(ok_ips) AS ip FROM profiles) p JOIN trusted_addresses t ON t.ip = p.ip
  GROUP BY p.pid
),`;
}

/** A named location the tenant marked trusted. */
export const TRUSTED_LOCATION = "json_extract_string(raw, '$.isTrusted') = 'true'";

/**
 * `until` is an ISO instant (validated by the caller): records after it are ignored, so --as-of means "as of".
 * `trustedLocations`: whether the tenant has trusted named locations to match addresses against.
 */
export function identityFeaturesSql(until: string, source: SignInSource, trustedLocations = false): string {
  const after = afterCutoffSql(until);
  return `
WITH
${signInRelations(until, source)}
quiet_users AS (
  SELECT pid, last_seen FROM agg WHERE pkind = 'user' AND last_seen < (SELECT max(last_seen) FROM agg) - INTERVAL 3 DAY
),
successors AS (
  -- A user gone quiet whose address a workload identity first used from a day before the user's last sign-in on.
  -- Only quiet users' and workload identities' addresses are unnested: every person's would be millions of rows.
  SELECT u.pid,
    arg_min({'id': w.pid, 'name': a.sp_name, 'firstSeen': strftime(a.first_seen, '%Y-%m-%dT%H:%M:%S.%gZ'), 'sharedIp': u.ip}, a.first_seen) AS successor
  FROM (SELECT p.pid, q.last_seen, unnest(p.ok_ips) AS ip FROM profiles p JOIN quiet_users q ON q.pid = p.pid) u
  JOIN (SELECT pid, unnest(ok_ips) AS ip FROM profiles WHERE pkind <> 'user') w ON u.ip = w.ip
  JOIN agg a ON a.pid = w.pid
  WHERE a.first_seen >= u.last_seen - INTERVAL 1 DAY
  GROUP BY u.pid
),
upn_map AS (
  SELECT lower(upn) AS upn, min(id) AS id FROM identities WHERE upn IS NOT NULL GROUP BY 1
  UNION ALL
  SELECT upn, min(pid) FROM agg WHERE upn IS NOT NULL AND pkind = 'user' AND upn NOT IN (SELECT lower(upn) FROM identities WHERE upn IS NOT NULL) GROUP BY 1
),
${operationRelations(after, source)}
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
disabled AS (
  -- The audit log's latest word that the account was disabled, up to the cut-off: "Disable account", or "Update user"
  -- whose modified properties set AccountEnabled to [false] (in JSON records, or in Log Analytics' TargetResources text).
  SELECT pid, max(time) AS disabled_at FROM (SELECT unnest(target_ids) AS pid, time FROM audit_events
  WHERE time < ${after} AND coalesce(result, 'success') = 'success' AND (
    activity = ${sqlString(AUDIT_ACTIVITIES.disableAccount)}
    OR (activity = ${sqlString(AUDIT_ACTIVITIES.updateUser)} AND regexp_matches(
      coalesce(CAST(json_extract(raw, '$..modifiedProperties') AS VARCHAR), '') || coalesce(json_extract_string(raw, '$.TargetResources'), ''),
      ${sqlString(`"displayName":\\s*"${AUDIT_ACTIVITIES.accountEnabledProperty}"[^{}]*"newValue":\\s*"\\[false\\]"`)}))))
  GROUP BY pid
),
blank_sign_in_block AS (
  -- The block of an identity with no sign-ins: every column of the summary row NULL (pushed rows have no summary columns: a blank row's block).
  ${source === 'pushed' ? `SELECT ${sqlString(blankSignInBlockText())} AS block` : `SELECT ${signInBlockJsonSql('z')} AS block FROM (SELECT 1) LEFT JOIN agg z ON false`}
),
${trustedLocations ? trustedLocationRelations() : ''}
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
  dis.disabled_at, d.job_title, d.department, d.manager_id,
  r.user_id IS NOT NULL AS registration_known, r.is_mfa_registered AS mfa_registered, coalesce(r.methods_registered, []) AS methods_registered,
  coalesce(ro.role_ids, []) AS directory_role_ids,
  coalesce(ce.n, 0) AS ca_policies_excluding,
  coalesce(a.sign_in_block, (SELECT block FROM blank_sign_in_block)) AS sign_in_block,
  ${trustedLocations ? 'coalesce(t.ips, 0) AS trusted_location_ips, coalesce(t.locations, []) AS trusted_locations' : '0 AS trusted_location_ips, []::VARCHAR[] AS trusted_locations'},
  coalesce(o.writes, 0) AS writes, coalesce(o.deletes, 0) AS deletes, coalesce(o.actions, 0) AS actions,
  coalesce(o.ops_mfa, 0) AS ops_mfa, coalesce(o.ops_no_mfa, 0) AS ops_no_mfa, coalesce(o.ops_mfa_unknown, 0) AS ops_mfa_unknown,
  o.ops_no_mfa_first, o.ops_no_mfa_last, coalesce(o.names, []) AS ops_no_mfa_names, o.last_operation,
  coalesce(o.policy_denied, 0) AS policy_denied, o.policy_denied_first, o.policy_denied_last, coalesce(o.policy_denied_definitions, []) AS policy_denied_definitions,
  coalesce(o.policy_audits, 0) AS policy_audits, o.policy_audit_first, o.policy_audit_last,
  s.successor
FROM universe u
LEFT JOIN identities d ON d.id = u.pid
LEFT JOIN agg a ON a.pid = u.pid
LEFT JOIN op_agg o ON o.pid = u.pid
LEFT JOIN registration_details r ON r.user_id = u.pid
LEFT JOIN roles ro ON ro.pid = u.pid
LEFT JOIN ca_excluded ce ON ce.pid = u.pid
LEFT JOIN successors s ON s.pid = u.pid
LEFT JOIN disabled dis ON dis.pid = u.pid
${trustedLocations ? 'LEFT JOIN trusted t ON t.pid = u.pid' : ''}
`;
}

/**
 * The tenant's facts. `pushed`: the store holds feature halves a Kusto engine computed (pushed_features): their sign-ins
 * and Activity-log operations count, and their times bound the data, as the stored records' do.
 */
export function tenantFeaturesSql(pushed: boolean): string {
  const also = (sql: string): string => (pushed ? `, ${sql}` : '');
  const plus = (sql: string): string => (pushed ? ` + ${sql}` : '');
  return `
SELECT
  coalesce(
    (SELECT value FROM tenant WHERE key IN ('tenantId', 'tenant_id', 'tenant.id') ORDER BY key LIMIT 1),
    (SELECT tenant_id FROM sign_ins WHERE tenant_id IS NOT NULL LIMIT 1)
  ) AS tenant_id,
  greatest((SELECT max(created_at) FROM sign_ins), (SELECT max(time) FROM operations)${also('(SELECT max(greatest(last_seen, last_operation)) FROM pushed_features)')}) AS newest_record,
  least((SELECT min(created_at) FROM sign_ins)${also('(SELECT min(first_seen) FROM pushed_features)')}) AS oldest_sign_in,
  greatest((SELECT max(created_at) FROM sign_ins)${also('(SELECT max(last_seen) FROM pushed_features)')}) AS newest_sign_in,
  ((SELECT count(*) FROM sign_ins)${plus('(SELECT coalesce(sum(sign_ins), 0) FROM pushed_features)')})::INTEGER AS sign_ins,
  ((SELECT count(*) FROM operations)${plus('(SELECT coalesce(sum(operations), 0) FROM pushed_features)')})::INTEGER AS operations,
  (SELECT count(*)::INTEGER FROM identities) AS directory_objects,
  (SELECT count(*)::INTEGER FROM registration_details) AS registration_details,
  (SELECT count(*)::INTEGER FROM conditional_access_policies WHERE state = 'enabled') AS enabled_ca_policies,
  (SELECT count(*)::INTEGER FROM role_assignments) AS role_assignments
`;
}
