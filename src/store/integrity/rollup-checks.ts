import { mergedCellsSql, mergedProfilesSql, SIGN_IN_ROLLUP_VERSION, cellRowsSql, profileRowsSql } from '../rollups/sign-in-rollup-sql.js';
import { mergedSessionsSql, sessionRowsSql } from '../rollups/sign-in-session-sql.js';
import { SIGN_IN_SUMMARY_VERSION, signInSummarySql } from '../rollups/sign-in-summary-sql.js';
import { ROLLUP_NAME, SIGN_IN_ROLLUP_SOURCE_COLUMNS, SUMMARY_NAME } from '../rollups/sign-in-rollups.js';
import { resolvedSignInsSql } from '../sign-in-mfa-sql.js';
import type { Store } from '../store.js';
import type { IntegrityCheck } from './integrity-types.js';

/** What derived_tables says of the rollups and the summary, and how many sign-ins are stored. */
interface RollupRecord {
  version: number | null;
  covered: number | null;
  compacted: boolean | null;
  summaryVersion: number | null;
  summaryCovered: number | null;
  stored: number;
}

async function rollupRecord(store: Store): Promise<RollupRecord> {
  const [row] = await store.all<{ version: number | null; covered: number | null; compacted: boolean | null; summary_version: number | null; summary_covered: number | null; stored: number }>(
    `SELECT r.version, r.covered, r.compacted, s.version AS summary_version, s.covered AS summary_covered, (SELECT count(*) FROM sign_ins)::BIGINT AS stored
     FROM (SELECT 1) LEFT JOIN derived_tables r ON r.name = ? LEFT JOIN derived_tables s ON s.name = ?`,
    [ROLLUP_NAME, SUMMARY_NAME],
  );
  return {
    version: row?.version ?? null, covered: row?.covered ?? null, compacted: row?.compacted ?? null,
    summaryVersion: row?.summary_version ?? null, summaryCovered: row?.summary_covered ?? null, stored: row?.stored ?? 0,
  };
}

function current(record: RollupRecord): boolean {
  return record.version === SIGN_IN_ROLLUP_VERSION;
}

const NOT_CURRENT = 'the rollups were built by another definition (or never): they are rebuilt when the store is next opened for writing';

/** Rows in one relation and not the other, both ways, as a count (0: the same multiset). */
async function difference(store: Store, left: string, right: string): Promise<number> {
  const [row] = await store.all<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM ((SELECT * FROM (${left}) EXCEPT ALL SELECT * FROM (${right})) UNION ALL (SELECT * FROM (${right}) EXCEPT ALL SELECT * FROM (${left})))`,
  );
  return row?.n ?? 0;
}

/** The rollups count exactly the stored sign-ins: every batch appended its sign-ins' rollups in its own transaction. */
export async function rollupCoverage(store: Store): Promise<IntegrityCheck> {
  const record = await rollupRecord(store);
  if (!current(record)) return { name: 'rollup-coverage', status: 'skipped', detail: NOT_CURRENT };
  const [cells] = await store.all<{ n: number | null }>('SELECT sum(n)::BIGINT AS n FROM sign_in_cells');
  const counted = cells?.n ?? 0;
  if (record.covered !== record.stored || counted !== record.stored) {
    return { name: 'rollup-coverage', status: 'failed', detail: `${record.stored} sign-ins stored, the rollups record covering ${record.covered ?? 0} and their cells count ${counted}` };
  }
  return { name: 'rollup-coverage', status: 'ok', detail: `${record.stored.toLocaleString('en-US')} sign-ins stored, covered and counted by the rollups` };
}

/**
 * The rollups equal a rebuild from the stored sign-ins: cells, profiles and sessions, each merged to one row per key
 * (an import killed before it merged leaves them spread over batches, which is not a fault).
 */
export async function rollupsRebuild(store: Store): Promise<IntegrityCheck> {
  const record = await rollupRecord(store);
  if (!current(record)) return { name: 'rollups-rebuild', status: 'skipped', detail: NOT_CURRENT };
  const source = `SELECT ${SIGN_IN_ROLLUP_SOURCE_COLUMNS} FROM sign_ins`;
  const differing = {
    cells: await difference(store, mergedCellsSql('sign_in_cells'), mergedCellsSql(`(${cellRowsSql(source)})`)),
    profiles: await difference(store, mergedProfilesSql('sign_in_profiles'), mergedProfilesSql(`(${profileRowsSql(source)})`)),
    sessions: await difference(store, mergedSessionsSql('sign_in_sessions'), mergedSessionsSql(`(${sessionRowsSql(source)})`)),
  };
  const wrong = Object.entries(differing).filter(([, n]) => n > 0);
  if (wrong.length > 0) return { name: 'rollups-rebuild', status: 'failed', detail: `rows differing from a rebuild from sign_ins: ${wrong.map(([table, n]) => `${table} ${n}`).join(', ')}` };
  return { name: 'rollups-rebuild', status: 'ok', detail: `cells, profiles and sessions equal a rebuild from ${record.stored.toLocaleString('en-US')} sign-ins${record.compacted === true ? '' : ' (spread over batches: merged when the store is next opened for writing)'}` };
}

/** Each stored sign-in's MFA basis is what its session's sign-ins, all of them, resolve it to. */
export async function mfaBasis(store: Store): Promise<IntegrityCheck> {
  const record = await rollupRecord(store);
  if (!current(record)) return { name: 'mfa-basis', status: 'skipped', detail: NOT_CURRENT };
  const [row] = await store.all<{ n: number; wrong: number }>(
    `SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE stored_basis IS DISTINCT FROM mfa_basis)::BIGINT AS wrong
     FROM (${resolvedSignInsSql(`SELECT mfa_basis AS stored_basis, ${SIGN_IN_ROLLUP_SOURCE_COLUMNS} FROM sign_ins`)})`,
  );
  const wrong = row?.wrong ?? 0;
  if (wrong > 0) return { name: 'mfa-basis', status: 'failed', detail: `${wrong} of ${row?.n ?? 0} sign-ins hold an MFA basis their sessions do not resolve to` };
  return { name: 'mfa-basis', status: 'ok', detail: `${(row?.n ?? 0).toLocaleString('en-US')} sign-ins, each with the MFA basis its session resolves to` };
}

/** A summary recorded as current equals the summary of the rollups it says it summarises. */
export async function summary(store: Store): Promise<IntegrityCheck> {
  const record = await rollupRecord(store);
  if (!current(record)) return { name: 'summary', status: 'skipped', detail: NOT_CURRENT };
  if (record.summaryVersion !== SIGN_IN_SUMMARY_VERSION || record.summaryCovered !== record.covered || record.compacted !== true) {
    return { name: 'summary', status: 'skipped', detail: 'no current summary (an import stopped before it ended, or another catalog): summarised again when the store is next opened for writing' };
  }
  const differing = await difference(store, 'SELECT * FROM sign_in_summary', signInSummarySql('sign_in_cells', 'sign_in_profiles', 'sign_in_sessions'));
  if (differing > 0) return { name: 'summary', status: 'failed', detail: `${differing} summary rows differ from a summary of the rollups` };
  const [row] = await store.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM sign_in_summary');
  return { name: 'summary', status: 'ok', detail: `${(row?.n ?? 0).toLocaleString('en-US')} principals summarised, as the rollups give them` };
}
