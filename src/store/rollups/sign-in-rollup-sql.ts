import { OWN_MFA_SQL } from '../sign-in-mfa-sql.js';

/**
 * Sign-in rollups: the store's sign-ins summarised at the grain the per-identity features need, so that analyze reads
 * hundreds of thousands of rows instead of every sign-in. Two relations, both keyed on the principal (`pid`):
 * - cells: one row per principal × (kind, app, resource, error code, factor, protocol, ASN, country, user agent,
 *   guest, private address) with its count, first and last time and the names seen;
 * - profiles: one row per principal with its sorted active UTC hours (hours since the epoch), the hour-of-week
 *   histogram (168 counts, Monday 00:00 UTC first), its distinct addresses of successful sign-ins, and the timing derived
 *   from its hours.
 * Only facts of the records are kept here: what the catalog says about them (which app is the portal, which codes
 * mean MFA, which ASNs are Azure, which user agent is which tool) is applied when the features are computed, so a
 * newer catalog needs no rebuild.
 * The same SQL builds them from any sign_ins-shaped relation: a batch being imported, the whole table, or the
 * sign-ins up to an --as-of cut-off.
 */

/**
 * Bump when the SQL below changes what a rollup row holds: stores with another version are rebuilt on open.
 * 3: a principal's names are the least of those it signed in with (min), not any one of them (any_value), so a user
 * whose records carry two display names gets the same one from the rollups and from the sign-ins, every run.
 */
export const SIGN_IN_ROLLUP_VERSION = 3;

export const CELL_KEY_COLUMNS = [
  'pid', 'pkind', 'kind', 'app_id', 'resource_id', 'error_code', 'mfa', 'basis', 'protocol', 'asn', 'country', 'user_agent', 'guest', 'private',
] as const;

const CELL_NAME_COLUMNS = ['upn', 'user_display_name', 'sp_name', 'user_type', 'app_name', 'resource_name'] as const;

export const CELL_COLUMNS = [...CELL_KEY_COLUMNS, ...CELL_NAME_COLUMNS, 'n', 'first', 'last'] as const;
export const PROFILE_COLUMNS = [
  'pid', 'pkind', 'hours', 'hour_of_week', 'ok_ips',
  'active_hours', 'active_days', 'hours_of_day', 'gap_median', 'gap_cv', 'regular_share', 'distinct_ips',
] as const;

/** The principal a sign-in belongs to and its kind: a user (by object ID, else UPN) or an application (by service principal, else app ID). */
function principalSql(source: string): string {
  return `
  SELECT
    CASE WHEN kind IN ('servicePrincipal', 'managedIdentity') THEN coalesce(service_principal_id, app_id) ELSE coalesce(user_id, lower(upn)) END AS pid,
    CASE WHEN kind = 'managedIdentity' THEN 'managedIdentity' WHEN kind = 'servicePrincipal' THEN 'servicePrincipal' ELSE 'user' END AS pkind,
    *
  FROM (${source})`;
}

/**
 * Cells of the sign-ins in `source` (a SELECT over sign_ins columns with mfa_basis resolved). `mfa` is the sign-in's
 * MFA from its own record or its session (mfa_basis) for a successful user sign-in, its own record otherwise.
 */
export function cellRowsSql(source: string): string {
  return `
SELECT pid, pkind, kind, app_id, resource_id, error_code, mfa, basis, protocol, asn, country, user_agent, guest, private,
  min(lower(upn)) FILTER (WHERE upn IS NOT NULL) AS upn,
  min(user_display_name) FILTER (WHERE user_display_name IS NOT NULL) AS user_display_name,
  min(service_principal_name) FILTER (WHERE service_principal_name IS NOT NULL) AS sp_name,
  min(lower(user_type)) FILTER (WHERE user_type IS NOT NULL) AS user_type,
  min(app_display_name) FILTER (WHERE app_display_name IS NOT NULL) AS app_name,
  min(resource_display_name) FILTER (WHERE resource_display_name IS NOT NULL) AS resource_name,
  count(*)::INTEGER AS n, min(created_at) AS first, max(created_at) AS last
FROM (
  SELECT pid, pkind, kind, app_id, resource_id, error_code,
    coalesce(mfa_basis IN ('own-mfa', 'session-mfa'), ${OWN_MFA_SQL}) AS mfa, mfa_basis AS basis,
    CASE WHEN authentication_protocol IN ('ropc', 'deviceCode') THEN authentication_protocol END AS protocol,
    asn, country, user_agent,
    coalesce(cross_tenant_access_type ILIKE 'b2b%' OR (home_tenant_id IS NOT NULL AND resource_tenant_id IS NOT NULL AND home_tenant_id <> resource_tenant_id), false) AS guest,
    coalesce(ip_address LIKE '10.%' OR ip_address LIKE '192.168.%' OR (ip_address LIKE '172.%' AND TRY_CAST(split_part(ip_address, '.', 2) AS INTEGER) BETWEEN 16 AND 31), false) AS private,
    upn, user_display_name, service_principal_name, user_type, app_display_name, resource_display_name, created_at
  FROM (${principalSql(source)}) WHERE pid IS NOT NULL
)
GROUP BY ALL`;
}

/**
 * A principal's timing from its sorted, distinct active hours: how many hours, days and hours of the day, and the gaps
 * between consecutive active hours (median seconds, coefficient of variation, share within 10% of the median).
 * Computed once when the profile is built or merged, not at every analysis.
 */
/**
 * The longest gap between two active hours a profile counts, in hours (68 years): the gaps are INTEGER seconds, and a
 * tenant's log holding a sign-in dated year 1 beside one dated 9999 (hostile or broken, but valid ISO) must not
 * overflow them and fail the whole import. No periodicity depends on gaps that long.
 */
const MAX_GAP_HOURS = Math.floor(2_147_483_647 / 3600);

function timingSql(hours: string): string {
  return `
  SELECT *, len(hours)::INTEGER AS active_hours,
    len(list_distinct(list_transform(hours, lambda h: h // 24)))::INTEGER AS active_days,
    len(list_distinct(list_transform(hours, lambda h: h % 24)))::INTEGER AS hours_of_day,
    med AS gap_median,
    (list_aggregate(gaps, 'stddev_pop') / nullif(list_avg(gaps), 0))::DOUBLE AS gap_cv,
    (len(list_filter(gaps, lambda g: abs(g - med) <= 0.1 * med)) / nullif(len(gaps), 0))::DOUBLE AS regular_share,
    len(ok_ips)::INTEGER AS distinct_ips
  FROM (SELECT *, list_aggregate(gaps, 'median')::DOUBLE AS med FROM (
    SELECT *, list_transform(range(1, len(hours)), lambda i: (least(hours[i + 1] - hours[i], ${MAX_GAP_HOURS}) * 3600)::INTEGER) AS gaps FROM (${hours})
  ))`;
}

/** Profiles of the sign-ins in `source`. Hour of the week: Monday 00:00 UTC = 0 (1970-01-01, hour 0, was a Thursday). */
export function profileRowsSql(source: string): string {
  // Lists aggregated per principal and reduced once (histogram and distinct over each list): an aggregate keeping a map or a set per group is several times slower.
  return `
SELECT ${PROFILE_COLUMNS.join(', ')} FROM (${timingSql(`
  SELECT pid, pkind, list_sort(list_distinct(hs)) AS hours,
    list_transform(range(168), lambda w: coalesce(week[w::SMALLINT], 0)::INTEGER) AS hour_of_week,
    coalesce(list_sort(list_distinct(ips)), []) AS ok_ips
  FROM (
    SELECT pid, min(pkind) AS pkind, list(h) AS hs, list_aggregate(list((((h // 24 + 3) % 7) * 24 + h % 24)::SMALLINT), 'histogram') AS week,
      list(ip_address) FILTER (WHERE error_code = 0 AND ip_address IS NOT NULL) AS ips
    FROM (SELECT pid, pkind, (epoch_ms(created_at) // 3600000)::INTEGER AS h, ip_address, error_code FROM (${principalSql(source)}) WHERE pid IS NOT NULL)
    GROUP BY pid
  )`)})`;
}

/**
 * Rows of `cells` (a relation with CELL_COLUMNS) that share a key, merged: the table gains rows batch by batch, and the
 * same principal × key recurs across batches.
 */
export function mergedCellsSql(cells: string): string {
  return `
SELECT ${CELL_KEY_COLUMNS.join(', ')},
  ${CELL_NAME_COLUMNS.map((name) => `min(${name}) FILTER (WHERE ${name} IS NOT NULL) AS ${name}`).join(',\n  ')},
  sum(n)::INTEGER AS n, min(first) AS first, max(last) AS last
FROM ${cells}
GROUP BY ALL`;
}

/** Profiles of one principal spread over several rows, merged into one (a principal in one row passes through unchanged). */
export function mergedProfilesSql(profiles: string): string {
  return `
WITH p AS (SELECT *, count(*) OVER (PARTITION BY pid) AS copies FROM ${profiles}),
spread AS (SELECT * FROM p WHERE copies > 1),
how AS (
  SELECT pid, list(n ORDER BY w) AS hour_of_week FROM (
    SELECT pid, w, sum(n)::INTEGER AS n FROM (SELECT pid, generate_subscripts(hour_of_week, 1) AS w, unnest(hour_of_week) AS n FROM spread) GROUP BY pid, w
  ) GROUP BY pid
)
SELECT ${PROFILE_COLUMNS.join(', ')} FROM p WHERE copies = 1
UNION ALL
SELECT ${PROFILE_COLUMNS.join(', ')} FROM (${timingSql(`
  SELECT s.pid, s.pkind, s.hours, h.hour_of_week, s.ok_ips FROM (
    SELECT pid, min(pkind) AS pkind, list_sort(list_distinct(flatten(list(hours)))) AS hours, list_sort(list_distinct(flatten(list(ok_ips)))) AS ok_ips
    FROM spread GROUP BY pid
  ) s JOIN how h ON h.pid = s.pid`)})`;
}
