import { createHash, type Hash } from 'node:crypto';
import type { GovernanceState, SnapshotMeta } from '../../model/governance.js';
import type { Store } from '../store.js';
import { appendRows, type CellValue, type RowValues } from '../write-rows.js';
import { SNAPSHOT_AUTOMATION, SNAPSHOT_IDENTITIES } from './snapshot-tables.js';

export interface SnapshotRun {
  command: SnapshotMeta['command'];
  /** ISO-8601; the clock's time for a command, given in tests. */
  takenAt: string;
  gateProblems: number | null;
}

/**
 * Rows handed to the hash at once, as one JSON list of lists of their values: JSON.stringify writes lists of values
 * several times faster than objects of 17 keys (28 against 212 ms for 52,500 identities, measured).
 */
const DIGEST_BATCH = 512;

function hashRows(hash: Hash, rows: readonly (readonly unknown[])[]): void {
  for (let at = 0; at < rows.length; at += DIGEST_BATCH) hash.update(JSON.stringify(rows.slice(at, at + DIGEST_BATCH)));
}

/**
 * SHA-256 of the rows a snapshot keeps, their values in the tables' column order, in the order they are written:
 * equal digests, equal rows. (Digests of snapshots kept before this encoding differ from new ones: the first snapshot
 * after it copies its rows once instead of sharing them.)
 */
function stateDigest(identities: readonly (readonly unknown[])[], automation: readonly (readonly unknown[])[]): string {
  const hash = createHash('sha256');
  hashRows(hash, identities);
  hash.update('\u0000');
  hashRows(hash, automation);
  return hash.digest('hex');
}

/** Rows as lists of values in `columns`' order, written as records with the snapshot's id. */
function records(id: number, columns: readonly string[], rows: readonly (readonly CellValue[])[]): RowValues[] {
  return rows.map((values) => Object.fromEntries([['snapshot_id', id], ...columns.map((column, index) => [column, values[index] ?? null])]) as RowValues);
}

const IDENTITY_COLUMNS = [
  'id', 'upn', 'display_name', 'kind', 'class', 'verdict', 'breaks_on', 'owner_team', 'owner_match', 'exception_state', 'exception_expires',
  'exception_approver', 'retired_on', 'retired_active', 'last_activity', 'plan_stage', 'breaking_automation',
] as const;
const AUTOMATION_COLUMNS = ['file', 'line', 'rule', 'auth_method', 'identity_kind', 'identity_value', 'owner_team', 'owner_match', 'excepted_by', 'exception_state'] as const;
for (const [spec, columns] of [[SNAPSHOT_IDENTITIES, IDENTITY_COLUMNS], [SNAPSHOT_AUTOMATION, AUTOMATION_COLUMNS]] as const) {
  if (spec.columns.map(([name]) => name).join() !== ['snapshot_id', ...columns].join()) throw new Error(`${spec.table}: the snapshot writer's columns are not the table's`);
}

/**
 * Keep one run's governed state as the next snapshot, in one transaction: its head, and one row per identity and one
 * per breaking place in code, each table written by one INSERT from rows staged through DuckDB's appender. When the
 * rows equal the newest snapshot's (an unchanged store analysed again), the head points to those rows (`rows_from`,
 * migration 008) instead of copying them. Returns the snapshot's number.
 */
export async function recordSnapshot(store: Store, state: GovernanceState, run: SnapshotRun): Promise<number> {
  // Lists of values in IDENTITY_COLUMNS' and AUTOMATION_COLUMNS' order: the digest's input, and the rows when written.
  const identities: CellValue[][] = state.identities.map((identity) => [
    identity.id, identity.upn, identity.displayName, identity.kind, identity.class, identity.verdict, identity.breaksOn, identity.ownerTeam, identity.ownerMatch,
    identity.exceptionState, identity.exceptionExpires, identity.exceptionApprover, identity.retiredOn, identity.retiredActive, identity.lastActivity,
    identity.planStage, identity.breakingAutomation,
  ]);
  const automation: CellValue[][] = state.automation.map((entry) => [
    entry.file, entry.line, entry.rule, entry.authMethod, entry.identityKind, entry.identityValue, entry.ownerTeam, entry.ownerMatch, entry.exceptedBy, entry.exceptionState,
  ]);
  const digest = stateDigest(identities, automation);
  return store.transaction(async () => {
    const [next] = await store.all<{ id: number }>('SELECT (coalesce(max(id), 0) + 1)::INTEGER AS id FROM snapshots');
    const id = next?.id ?? 1;
    const [newest] = await store.all<{ state_digest: string | null; rows_id: number }>('SELECT state_digest, coalesce(rows_from, id) AS rows_id FROM snapshots ORDER BY id DESC LIMIT 1');
    const rowsFrom = newest !== undefined && newest.state_digest === digest ? newest.rows_id : null;
    await store.run(
      `INSERT INTO snapshots (id, taken_at, command, as_of, tenant_id, phase1, phase2, inputs_digest, policy_path, policy_text, has_store, identity_count, automation_count, gate_problems, state_digest, rows_from)
       VALUES (?, CAST(timezone('UTC', CAST(? AS TIMESTAMPTZ)) AS TIMESTAMP), ?, CAST(timezone('UTC', CAST(? AS TIMESTAMPTZ)) AS TIMESTAMP), ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, run.takenAt, run.command, state.asOf, state.tenantId, state.enforcement.phase1, state.enforcement.phase2, state.inputsDigest, state.policyPath,
        state.policyText, state.hasStore, state.identities.length, state.automation.length, run.gateProblems, digest, rowsFrom,
      ],
    );
    if (rowsFrom !== null) return id;
    await appendRows(store, SNAPSHOT_IDENTITIES, records(id, IDENTITY_COLUMNS, identities));
    await appendRows(store, SNAPSHOT_AUTOMATION, records(id, AUTOMATION_COLUMNS, automation));
    return id;
  });
}
