import { CREDENTIAL_SQL, OWN_MFA_SQL, USER_PID_SQL } from '../sign-in-mfa-sql.js';

/**
 * Session rows: one per user and session (pid, session_id) with what the session rules and the evidence need: when the
 * session was first seen, first presented a credential and first completed MFA (with that sign-in's id, app and method,
 * so a person can check it), and how its sign-ins were resolved (mfa_basis): how many rode its MFA, how many refreshed
 * a single-factor session, how many could not be traced, and the latest of those whose basis a sign-in found later in
 * another file could still change (`open_last`), and the apps and resources its sign-ins reached (`targets`, so that
 * the summary can name a session of the portal or ARM). Facts of the records only, like the cells.
 * An import appends one row per session for each batch and merges them when it ends; an import resolves a batch's
 * sign-ins against these rows instead of the stored sign-ins.
 */

export const SESSION_COLUMNS = [
  'pid', 'session_id', 'n', 'first_at', 'start_at', 'start_app', 'mfa_at', 'mfa_sign_in_id', 'mfa_app', 'mfa_method',
  'covered', 'covered_last', 'single_refreshes', 'single_refresh_last', 'untraced', 'untraced_last', 'open_last', 'targets',
] as const;

/** Session rows of the sign-ins in `source` (a SELECT over sign_ins columns, mfa_basis resolved). */
export function sessionRowsSql(source: string): string {
  const ok = 'error_code = 0';
  // Struct arguments: arg_min skips a NULL argument, and the three facts of the MFA sign-in must come from one row.
  return `
SELECT pid, session_id, n, first_at, start_at, start_app, mfa.at AS mfa_at, mfa.id AS mfa_sign_in_id, mfa.app AS mfa_app, mfa.method AS mfa_method,
  covered, covered_last, single_refreshes, single_refresh_last, untraced, untraced_last, open_last, targets
FROM (
SELECT ${USER_PID_SQL} AS pid, session_id, count(*)::INTEGER AS n, min(created_at) AS first_at,
  min(created_at) FILTER (WHERE ${ok} AND ${CREDENTIAL_SQL}) AS start_at,
  (arg_min({'app': coalesce(app_display_name, app_id)}, (created_at, id)) FILTER (WHERE ${ok} AND ${CREDENTIAL_SQL})).app AS start_app,
  arg_min({'at': created_at, 'id': id, 'app': coalesce(app_display_name, app_id), 'method': mfa_method}, (created_at, id)) FILTER (WHERE ${ok} AND ${OWN_MFA_SQL}) AS mfa,
  count(*) FILTER (WHERE mfa_basis = 'session-mfa')::INTEGER AS covered,
  max(created_at) FILTER (WHERE mfa_basis = 'session-mfa') AS covered_last,
  count(*) FILTER (WHERE mfa_basis = 'session-single')::INTEGER AS single_refreshes,
  max(created_at) FILTER (WHERE mfa_basis = 'session-single') AS single_refresh_last,
  count(*) FILTER (WHERE mfa_basis = 'untraced')::INTEGER AS untraced,
  max(created_at) FILTER (WHERE mfa_basis = 'untraced') AS untraced_last,
  max(created_at) FILTER (WHERE mfa_basis IN ('own-single', 'session-single', 'untraced')) AS open_last,
  list_sort(list(DISTINCT {'app_id': app_id, 'resource_id': resource_id})) AS targets
FROM (${source})
WHERE session_id IS NOT NULL AND kind IN ('interactiveUser', 'nonInteractiveUser') AND ${USER_PID_SQL} IS NOT NULL
GROUP BY ALL
)`;
}

/** Rows of `sessions` (a relation with SESSION_COLUMNS) that share a session, merged into one. */
export function mergedSessionsSql(sessions: string): string {
  return `
SELECT pid, session_id, sum(n)::INTEGER AS n, min(first_at) AS first_at,
  min(start_at) AS start_at, (arg_min({'app': start_app}, (start_at, start_app)) FILTER (WHERE start_at IS NOT NULL)).app AS start_app,
  min(mfa_at) AS mfa_at, (arg_min({'id': mfa_sign_in_id, 'app': mfa_app, 'method': mfa_method}, (mfa_at, mfa_sign_in_id)) FILTER (WHERE mfa_at IS NOT NULL)).id AS mfa_sign_in_id,
  (arg_min({'id': mfa_sign_in_id, 'app': mfa_app, 'method': mfa_method}, (mfa_at, mfa_sign_in_id)) FILTER (WHERE mfa_at IS NOT NULL)).app AS mfa_app,
  (arg_min({'id': mfa_sign_in_id, 'app': mfa_app, 'method': mfa_method}, (mfa_at, mfa_sign_in_id)) FILTER (WHERE mfa_at IS NOT NULL)).method AS mfa_method,
  sum(covered)::INTEGER AS covered, max(covered_last) AS covered_last,
  sum(single_refreshes)::INTEGER AS single_refreshes, max(single_refresh_last) AS single_refresh_last,
  sum(untraced)::INTEGER AS untraced, max(untraced_last) AS untraced_last,
  max(open_last) AS open_last,
  list_sort(list_distinct(flatten(list(targets)))) AS targets
FROM ${sessions}
GROUP BY pid, session_id`;
}
