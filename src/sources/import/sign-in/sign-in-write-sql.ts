import { CREDENTIAL_SQL, mfaBasisSql, OWN_MFA_SQL } from '../../../store/sign-in-mfa-sql.js';
import { SIGN_IN_COLUMNS } from './sign-in-sql.js';

/**
 * What a batch's normalised sign-ins do to the store, as SQL over temp tables (the batch's transaction runs them in
 * order; sign-in-stage.ts inserts and counts).
 *
 * What one sign-in is (issue "What one sign-in is"): its `id` and its `createdDateTime`. Entra gives every attempt of a
 * request one id (the MFA interrupt 50074, the retry, the 50158 after it, each with its own createdDateTime): those are
 * distinct sign-ins and all count. It also re-sends a sign-in when steps are appended or risk is evaluated later (same
 * id and createdDateTime, later TimeGenerated): those are versions of one sign-in, and the latest is kept. Times are
 * compared to the millisecond: the Log Analytics CSV export carries no more, and two attempts of one request are
 * seconds apart.
 * - Within a file, the latest version wins (by logged_at, else file order); the others are `updated` when their content
 *   differs and `duplicates` when it does not.
 * - Against the store: the same content is a duplicate (a re-delivery, a re-import); a later version replaces the stored
 *   one (`updated`) only when both came by the same format, which is where versions live: another export of the same
 *   sign-in is a copy, often a projection of fewer columns, and never overwrites a fuller record. Without logged_at on
 *   the newcomer (Graph, the portal download), the stored version stays.
 *
 * Each kept sign-in's mfa_basis is resolved against the stored sessions and the batch's own sign-ins (their first MFA
 * and first credential sign-in per user and session): mfaBasisSql depends on those two minima only, so this equals
 * resolving over every stored sign-in. When the batch moves a session's minimum before sign-ins already stored with a
 * basis it changes, or replaces stored versions, the principals concerned are left in UNSETTLED_TABLE to be resolved
 * and rolled up again from sign_ins (sign-in-rollups.ts) once the batch's own rows are rolled up.
 */

export const CANDIDATE_TABLE = 'ua_signin_candidates';
export const PRIOR_TABLE = 'ua_signin_prior';
const VERSIONS_TABLE = 'ua_signin_versions';
export const KEEP_TABLE = 'ua_signin_keep';
const FRESH_TABLE = 'ua_signin_fresh_sessions';
const STORED_TABLE = 'ua_signin_stored_sessions';
/** Per (pid, session_id) of the batch: the session's first MFA and first credential sign-in, stored and new together. */
export const FACTS_TABLE = 'ua_signin_session_facts';
/** (pid, profiles): principals to settle again, profiles too when a stored version was replaced. Dropped by the settle. */
export const UNSETTLED_TABLE = 'ua_signin_unsettled';
/** The batch's work tables, dropped when it has been written. */
export const SIGN_IN_WRITE_TABLES = [CANDIDATE_TABLE, PRIOR_TABLE, VERSIONS_TABLE, KEEP_TABLE, FRESH_TABLE, STORED_TABLE, FACTS_TABLE] as const;

const USER_KINDS = "('interactiveUser', 'nonInteractiveUser')";
const CONTENT_COLUMNS = SIGN_IN_COLUMNS.filter((name) => name !== 'logged_at');
const MILLISECOND = "date_trunc('millisecond', created_at)";

function contentHash(alias: string): string {
  return `hash(${CONTENT_COLUMNS.map((name) => `${alias}.${name}`).join(', ')})`;
}

function principalSql(alias: string): string {
  return `CASE WHEN ${alias}.kind IN ('servicePrincipal', 'managedIdentity') THEN coalesce(${alias}.service_principal_id, ${alias}.app_id) ELSE coalesce(${alias}.user_id, lower(${alias}.upn)) END`;
}

const LATEST_FIRST = 'PARTITION BY id, ms ORDER BY logged_at DESC NULLS LAST, pos DESC';

/** The file's valid rows, each with its rank among the file's versions of its sign-in (1 = latest) and the latest's position. */
export function candidatesSql(normalised: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${CANDIDATE_TABLE} AS
    SELECT pos, id, kind, ms, logged_at, row_number() OVER (${LATEST_FIRST}) AS rank, first_value(pos) OVER (${LATEST_FIRST}) AS latest
    FROM (SELECT n.rowid AS pos, n.id, n.kind, ${MILLISECOND} AS ms, n.logged_at FROM ${normalised} n WHERE n.reason IS NULL)`;
}

/**
 * The stored rows sharing a latest version's id and millisecond, found on the columns the zone maps and the join need.
 * Parameters: $lo and $hi, the batch's created_at range.
 */
export function priorSql(): string {
  return `CREATE OR REPLACE TEMP TABLE ${PRIOR_TABLE} AS
    SELECT c.pos, t.rowid AS row, t.logged_at, t.batch_id, ${principalSql('t')} AS pid
    FROM (SELECT pos, id, ms FROM ${CANDIDATE_TABLE} WHERE rank = 1) c
    JOIN sign_ins t ON t.id = c.id AND date_trunc('millisecond', t.created_at) = c.ms
    WHERE t.created_at >= date_trunc('millisecond', CAST($lo AS TIMESTAMP))
      AND t.created_at < date_trunc('millisecond', CAST($hi AS TIMESTAMP)) + INTERVAL 1 MILLISECOND`;
}

/** How much of the rest of the write a batch needs: stored versions met, versions within the file, rows in sessions. */
export function writeNeedsSql(normalised: string): string {
  return `SELECT (SELECT count(*) FROM ${PRIOR_TABLE})::INTEGER AS prior, (SELECT count(*) FROM ${CANDIDATE_TABLE} WHERE rank > 1)::INTEGER AS versions,
    (SELECT count(*) FROM ${normalised} WHERE reason IS NULL AND session_id IS NOT NULL AND kind IN ${USER_KINDS})::INTEGER AS sessions`;
}

/**
 * Each latest version's outcome (KEEP_TABLE), deciding against the stored versions met (only those few rows are hashed
 * whole). Parameter: $format. Without stored versions met, every latest version is new.
 */
export function keepStatements(normalised: string, metStored: boolean): string[] {
  if (!metStored) return [`CREATE OR REPLACE TEMP TABLE ${KEEP_TABLE} AS SELECT pos, kind, 'stored' AS outcome FROM ${CANDIDATE_TABLE} WHERE rank = 1`];
  return [
    `CREATE OR REPLACE TEMP TABLE ${VERSIONS_TABLE} AS
     SELECT p.pos, p.row, p.logged_at, coalesce(b.format = $format, false) AS same_format, ${contentHash('t')} = ${contentHash('n')} AS same_content
     FROM ${PRIOR_TABLE} p
     JOIN sign_ins t ON t.rowid = p.row
     JOIN ${normalised} n ON n.rowid = p.pos
     LEFT JOIN batches b ON b.batch_id = p.batch_id`,
    `CREATE OR REPLACE TEMP TABLE ${KEEP_TABLE} AS
     SELECT c.pos, c.kind,
       CASE WHEN p.pos IS NULL THEN 'stored'
            WHEN p.same_content THEN 'duplicate'
            WHEN p.all_same_format AND c.logged_at IS NOT NULL AND (p.newest IS NULL OR c.logged_at > p.newest) THEN 'updated'
            ELSE 'duplicate' END AS outcome
     FROM ${CANDIDATE_TABLE} c
     LEFT JOIN (
       SELECT pos, bool_or(same_content) AS same_content, bool_and(same_format) AS all_same_format, max(logged_at) AS newest FROM ${VERSIONS_TABLE} GROUP BY pos
     ) p ON p.pos = c.pos
     WHERE c.rank = 1`,
  ];
}

/** Counts per kind and outcome: the latest versions' outcomes, and the earlier versions in the file (hashed only if any). */
export function tallySql(normalised: string, fileVersions: boolean): string {
  const earlier = fileVersions
    ? `UNION ALL
       SELECT c.kind, CASE WHEN ${contentHash('n')} = ${contentHash('l')} THEN 'duplicate' ELSE 'updated' END
       FROM ${CANDIDATE_TABLE} c JOIN ${normalised} n ON n.rowid = c.pos JOIN ${normalised} l ON l.rowid = c.latest
       WHERE c.rank > 1`
    : '';
  return `SELECT kind, count(*)::INTEGER AS read, count(*) FILTER (WHERE outcome = 'stored')::INTEGER AS stored,
      count(*) FILTER (WHERE outcome = 'updated')::INTEGER AS updated, count(*) FILTER (WHERE outcome = 'duplicate')::INTEGER AS duplicates
    FROM (SELECT kind, outcome FROM ${KEEP_TABLE} ${earlier}) GROUP BY kind`;
}

/** The kept rows of `normalised` (new sign-ins and later versions), with their principal. */
export function keptSql(normalised: string): string {
  return `SELECT n.*, coalesce(n.user_id, lower(n.upn)) AS pid FROM ${normalised} n
    WHERE n.rowid IN (SELECT pos FROM ${KEEP_TABLE} WHERE outcome IN ('stored', 'updated'))`;
}

/**
 * The batch's sessions with their first MFA and first credential sign-in over the stored sessions and the batch
 * (FACTS_TABLE: what each kept row's mfa_basis is resolved against, see BASIS_SQL), and the principals whose stored
 * sign-ins the batch's sessions resolve differently now (UNSETTLED_TABLE).
 */
export function sessionStatements(normalised: string): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE ${FRESH_TABLE} AS
     SELECT pid, session_id,
       min(created_at) FILTER (WHERE error_code = 0 AND ${OWN_MFA_SQL}) AS mfa_at,
       min(created_at) FILTER (WHERE error_code = 0 AND ${CREDENTIAL_SQL}) AS start_at
     FROM (${keptSql(normalised)}) WHERE session_id IS NOT NULL AND pid IS NOT NULL AND kind IN ${USER_KINDS}
     GROUP BY pid, session_id`,
    `CREATE OR REPLACE TEMP TABLE ${STORED_TABLE} AS
     SELECT s.pid, s.session_id, min(s.mfa_at) AS mfa_at, min(s.start_at) AS start_at, max(s.open_last) AS open_last, max(s.untraced_last) AS untraced_last
     FROM sign_in_sessions s JOIN ${FRESH_TABLE} f ON f.pid = s.pid AND f.session_id = s.session_id
     GROUP BY s.pid, s.session_id`,
    `CREATE OR REPLACE TEMP TABLE ${FACTS_TABLE} AS
     SELECT f.pid, f.session_id, least(f.mfa_at, s.mfa_at) AS mfa_at, least(f.start_at, s.start_at) AS start_at
     FROM ${FRESH_TABLE} f LEFT JOIN ${STORED_TABLE} s ON s.pid = f.pid AND s.session_id = f.session_id`,
  ];
}

/** Principals to settle again: sessions whose minima moved before stored sign-ins they change, and replaced versions. */
export function unsettledSql(sessions: boolean): string {
  const moved = `SELECT f.pid, false AS profiles FROM ${FRESH_TABLE} f JOIN ${STORED_TABLE} s ON s.pid = f.pid AND s.session_id = f.session_id
       WHERE (f.mfa_at < coalesce(s.mfa_at, 'infinity'::TIMESTAMP) AND f.mfa_at <= s.open_last)
          OR (f.start_at < coalesce(s.start_at, 'infinity'::TIMESTAMP) AND f.start_at <= s.untraced_last)
       UNION ALL`;
  return `CREATE OR REPLACE TEMP TABLE ${UNSETTLED_TABLE} AS
     SELECT pid, bool_or(profiles) AS profiles FROM (
       ${sessions ? moved : ''}
       SELECT p.pid, true AS profiles FROM ${PRIOR_TABLE} p JOIN ${KEEP_TABLE} k ON k.pos = p.pos AND k.outcome = 'updated'
     ) WHERE pid IS NOT NULL GROUP BY pid`;
}

/** The join that brings each inserted row (alias n) its session's facts (alias f), when the batch has sessions. */
export const BASIS_JOIN = `LEFT JOIN ${FACTS_TABLE} f ON f.pid = coalesce(n.user_id, lower(n.upn)) AND f.session_id = n.session_id`;
/** A row's mfa_basis from its own record and its session's facts; without sessions, from its own record alone. */
export function basisSql(sessions: boolean): string {
  return sessions ? mfaBasisSql('n.', 'f.mfa_at', 'f.start_at') : mfaBasisSql('n.', 'NULL::TIMESTAMP', 'NULL::TIMESTAMP');
}
