import type { Store } from '../store.js';
import { sqlString } from '../sql-literal.js';
import { CELL_COLUMNS, cellRowsSql, mergedCellsSql, mergedProfilesSql, PROFILE_COLUMNS, profileRowsSql, SIGN_IN_ROLLUP_VERSION } from './sign-in-rollup-sql.js';
import { SIGN_IN_SUMMARY_VERSION, signInSummarySql } from './sign-in-summary-sql.js';
import { mergedSessionsSql, SESSION_COLUMNS, sessionRowsSql } from './sign-in-session-sql.js';
import { resolvedSignInsSql } from '../sign-in-mfa-sql.js';

/**
 * Keeping the sign-in rollups in step with sign_ins: appended with each batch (in the batch's transaction, so a killed
 * import leaves neither), merged and summarised per principal at the end of an import, rebuilt when their definition
 * changes.
 */

/** The rows of derived_tables that record the rollups and the summary (the integrity check reads them too). */
export const ROLLUP_NAME = 'sign_in_rollups';
export const SUMMARY_NAME = 'sign_in_summary';


/** Roll up the sign-ins of `source` (a SELECT over sign_ins, mfa_basis resolved); `sessions` too unless told otherwise. */
export async function insertRollups(store: Store, source: string, parts: { cells: boolean; profiles: boolean; sessions: boolean } = { cells: true, profiles: true, sessions: true }): Promise<void> {
  if (parts.cells) await store.run(`INSERT INTO sign_in_cells (${CELL_COLUMNS.join(', ')}) ${cellRowsSql(source)}`);
  if (parts.profiles) await store.run(`INSERT INTO sign_in_profiles (${PROFILE_COLUMNS.join(', ')}) ${profileRowsSql(source)}`);
  if (parts.sessions) await store.run(`INSERT INTO sign_in_sessions (${SESSION_COLUMNS.join(', ')}) ${sessionRowsSql(source)}`);
}

/** The sign_ins columns the rollups and the session rules read: all but the bulky JSON ones. */
export const SIGN_IN_ROLLUP_SOURCE_COLUMNS = '* EXCLUDE (raw, authentication_steps, applied_policies)';
const NARROW = SIGN_IN_ROLLUP_SOURCE_COLUMNS;

function principalSql(): string {
  return "CASE WHEN kind IN ('servicePrincipal', 'managedIdentity') THEN coalesce(service_principal_id, app_id) ELSE coalesce(user_id, lower(upn)) END";
}

/**
 * Resolve again, from the stored sign-ins alone, every sign-in of the principals in `table` (pid, profiles), and roll
 * their cells and sessions up again (their profiles too where `profiles`): a batch moved one of their sessions' first
 * MFA or credential sign-in before sign-ins stored earlier, or replaced a stored version (sign-in-write-sql.ts).
 * Call in the batch's transaction, after its own rows are rolled up; drops `table`.
 */
export async function settleSignInPrincipals(store: Store, table: string): Promise<void> {
  const ofPrincipals = `${principalSql()} IN (SELECT pid FROM ${table})`;
  await store.run(
    `UPDATE sign_ins SET mfa_basis = r.basis
     FROM (SELECT rid, mfa_basis AS basis FROM (${resolvedSignInsSql(`SELECT rowid AS rid, ${NARROW} FROM sign_ins WHERE ${ofPrincipals}`)})) r
     WHERE sign_ins.rowid = r.rid AND sign_ins.mfa_basis IS DISTINCT FROM r.basis`,
  );
  await store.run(`DELETE FROM sign_in_cells WHERE pid IN (SELECT pid FROM ${table})`);
  await store.run(`DELETE FROM sign_in_sessions WHERE pid IN (SELECT pid FROM ${table})`);
  await store.run(`DELETE FROM sign_in_profiles WHERE pid IN (SELECT pid FROM ${table} WHERE profiles)`);
  await insertRollups(store, `SELECT ${NARROW} FROM sign_ins WHERE ${ofPrincipals}`, { cells: true, profiles: false, sessions: true });
  await insertRollups(store, `SELECT ${NARROW} FROM sign_ins WHERE ${principalSql()} IN (SELECT pid FROM ${table} WHERE profiles)`, { cells: false, profiles: true, sessions: false });
  await store.run('UPDATE derived_tables SET compacted = false WHERE name = ?', [ROLLUP_NAME]);
  await store.run(`DROP TABLE ${table}`);
}

/** Roll up the `stored` sign-ins the given batches stored. Call inside the transaction that stored them. */
export async function appendSignInRollups(store: Store, batchIds: readonly string[], stored: number): Promise<void> {
  if (batchIds.length === 0 || stored === 0) return;
  await insertRollups(store, `SELECT ${NARROW} FROM sign_ins WHERE batch_id IN (${batchIds.map(sqlString).join(', ')})`);
  await store.run('UPDATE derived_tables SET covered = covered + ?, compacted = false WHERE name = ?', [stored, ROLLUP_NAME]);
}

/** Keep the per-principal summary of the (merged) rollups, recording which rollups it summarises. */
async function summarise(store: Store): Promise<void> {
  await store.run(`CREATE OR REPLACE TABLE sign_in_summary AS ${signInSummarySql('sign_in_cells', 'sign_in_profiles', 'sign_in_sessions')}`);
  await store.run(
    `INSERT OR REPLACE INTO derived_tables (name, version, covered, compacted, built_at)
     VALUES (?, ?, (SELECT covered FROM derived_tables WHERE name = ?), true, now()::TIMESTAMP)`,
    [SUMMARY_NAME, SIGN_IN_SUMMARY_VERSION, ROLLUP_NAME],
  );
}

/**
 * Merge the rows that batches spread over (one principal in many files) so that analyze reads one row per key, and
 * summarise them per principal. Nothing to do when that is already so.
 */
export async function compactSignInRollups(store: Store): Promise<void> {
  const [current] = await store.all<{ compacted: boolean | null; summarised: boolean | null }>(
    `SELECT r.compacted, s.version = ? AND s.covered = r.covered AS summarised
     FROM derived_tables r LEFT JOIN derived_tables s ON s.name = ? WHERE r.name = ?`,
    [SIGN_IN_SUMMARY_VERSION, SUMMARY_NAME, ROLLUP_NAME],
  );
  if (current?.compacted === true && current.summarised === true) return;
  await store.transaction(async () => {
    if (current?.compacted !== true) await mergeSpreadRows(store);
    await summarise(store);
  });
}

async function mergeSpreadRows(store: Store): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ua_cells_merged AS ${mergedCellsSql('sign_in_cells')}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE ua_profiles_merged AS ${mergedProfilesSql('sign_in_profiles')}`);
  await store.run(`CREATE OR REPLACE TEMP TABLE ua_sessions_merged AS ${mergedSessionsSql('sign_in_sessions')}`);
  const [sizes] = await store.all<{ cells: number; merged_cells: number; profiles: number; merged_profiles: number; sessions: number; merged_sessions: number }>(
    `SELECT (SELECT count(*) FROM sign_in_cells) AS cells, (SELECT count(*) FROM temp.ua_cells_merged) AS merged_cells,
            (SELECT count(*) FROM sign_in_profiles) AS profiles, (SELECT count(*) FROM temp.ua_profiles_merged) AS merged_profiles,
            (SELECT count(*) FROM sign_in_sessions) AS sessions, (SELECT count(*) FROM temp.ua_sessions_merged) AS merged_sessions`,
  );
  if (sizes && sizes.merged_cells < sizes.cells) {
    await store.run('DELETE FROM sign_in_cells');
    await store.run(`INSERT INTO sign_in_cells (${CELL_COLUMNS.join(', ')}) SELECT ${CELL_COLUMNS.join(', ')} FROM temp.ua_cells_merged`);
  }
  if (sizes && sizes.merged_profiles < sizes.profiles) {
    await store.run('DELETE FROM sign_in_profiles');
    await store.run(`INSERT INTO sign_in_profiles (${PROFILE_COLUMNS.join(', ')}) SELECT ${PROFILE_COLUMNS.join(', ')} FROM temp.ua_profiles_merged`);
  }
  if (sizes && sizes.merged_sessions < sizes.sessions) {
    await store.run('DELETE FROM sign_in_sessions');
    await store.run(`INSERT INTO sign_in_sessions (${SESSION_COLUMNS.join(', ')}) SELECT ${SESSION_COLUMNS.join(', ')} FROM temp.ua_sessions_merged`);
  }
  await store.run('UPDATE derived_tables SET compacted = true WHERE name = ?', [ROLLUP_NAME]);
  await store.run('DROP TABLE temp.ua_cells_merged');
  await store.run('DROP TABLE temp.ua_profiles_merged');
  await store.run('DROP TABLE temp.ua_sessions_merged');
}

/**
 * Resolve every stored sign-in's mfa_basis from the stored sign-ins alone, and rebuild the rollups from them (a store
 * written before they existed, or by an older definition).
 */
export async function rebuildSignInRollups(store: Store): Promise<void> {
  await store.transaction(async () => {
    await store.run(
      `UPDATE sign_ins SET mfa_basis = r.basis FROM (SELECT rid, mfa_basis AS basis FROM (${resolvedSignInsSql(`SELECT rowid AS rid, ${NARROW} FROM sign_ins`)})) r
       WHERE sign_ins.rowid = r.rid AND sign_ins.mfa_basis IS DISTINCT FROM r.basis`,
    );
    await store.run('DELETE FROM sign_in_cells');
    await store.run('DELETE FROM sign_in_profiles');
    await store.run('DELETE FROM sign_in_sessions');
    await insertRollups(store, `SELECT ${NARROW} FROM sign_ins`);
    await store.run(
      'INSERT OR REPLACE INTO derived_tables (name, version, covered, compacted, built_at) VALUES (?, ?, (SELECT count(*) FROM sign_ins), true, now()::TIMESTAMP)',
      [ROLLUP_NAME, SIGN_IN_ROLLUP_VERSION],
    );
    await summarise(store);
  });
}

/**
 * On opening a store for writing: rebuild the rollups when they were built by another definition (or never);
 * otherwise finish what an interrupted import left (merge, summarise) or summarise again for another catalog.
 */
export async function refreshSignInRollups(store: Store): Promise<void> {
  const [row] = await store.all<{ version: number }>('SELECT version FROM derived_tables WHERE name = ?', [ROLLUP_NAME]);
  if (row?.version !== SIGN_IN_ROLLUP_VERSION) await rebuildSignInRollups(store);
  else await compactSignInRollups(store);
}

/**
 * What the rollups hold for a cut-off `until`:
 * - 'summarised': every stored sign-in up to the cut-off, merged, and summarised per principal by this catalog;
 * - 'compacted': the same without a current summary (a store summarised by another catalog, opened read-only);
 * - 'spread': every such sign-in, but batches left rows to merge (an import stopped before merging);
 * - 'stale': not usable (built by another definition, not covering every stored sign-in, or a sign-in after the
 *   cut-off's millisecond: the store keeps microseconds, a cut-off milliseconds, see afterCutoffSql).
 * Every insert into sign_ins goes through a batch that appends to the rollups and counts what it covered.
 */
export type SignInRollupState = 'summarised' | 'compacted' | 'spread' | 'stale';

export async function signInRollupState(store: Store, until: string): Promise<SignInRollupState> {
  // A store written by an older version and opened read-only has not been migrated: no rollups to use.
  const [tables] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'derived_tables'",
  );
  if ((tables?.n ?? 0) === 0) return 'stale';
  const [row] = await store.all<{ version: number | null; covered: number | null; compacted: boolean | null; summarised: boolean | null; stored: number; newest_after: boolean | null }>(
    `SELECT r.version, r.covered, r.compacted, s.version = ? AND s.covered = r.covered AS summarised, (SELECT count(*) FROM sign_ins)::BIGINT AS stored,
            (SELECT max(created_at) FROM sign_ins) >= CAST(? AS TIMESTAMPTZ)::TIMESTAMP + INTERVAL 1 MILLISECOND AS newest_after
     FROM (SELECT 1) LEFT JOIN derived_tables r ON r.name = ? LEFT JOIN derived_tables s ON s.name = ?`,
    [SIGN_IN_SUMMARY_VERSION, until, ROLLUP_NAME, SUMMARY_NAME],
  );
  if (!row || row.version !== SIGN_IN_ROLLUP_VERSION || row.covered !== row.stored || row.newest_after === true) return 'stale';
  if (row.compacted !== true) return 'spread';
  return row.summarised === true ? 'summarised' : 'compacted';
}
