import { createHash, type Hash } from 'node:crypto';
import type { GovernanceState, SnapshotMeta } from '../../model/governance.js';
import type { Store } from '../store.js';
import { appendRows, type RowValues } from '../write-rows.js';
import { SNAPSHOT_AUTOMATION, SNAPSHOT_IDENTITIES } from './snapshot-tables.js';

export interface SnapshotRun {
  command: SnapshotMeta['command'];
  /** ISO-8601; the clock's time for a command, given in tests. */
  takenAt: string;
  gateProblems: number | null;
}

/** SHA-256 of the rows a snapshot keeps, in the order they are written: equal digests, equal rows. */
/** Rows' text handed to the hash at once: one update per row cost more than the hashing at 52,500 identities. */
const DIGEST_BATCH = 512;

function hashRows(hash: Hash, rows: readonly RowValues[]): void {
  for (let at = 0; at < rows.length; at += DIGEST_BATCH) {
    let text = '';
    for (const row of rows.slice(at, at + DIGEST_BATCH)) text += `${JSON.stringify(row)}\n`;
    hash.update(text);
  }
}

function stateDigest(identities: readonly RowValues[], automation: readonly RowValues[]): string {
  const hash = createHash('sha256');
  hashRows(hash, identities);
  hash.update('\u0000');
  hashRows(hash, automation);
  return hash.digest('hex');
}

/**
 * Keep one run's governed state as the next snapshot, in one transaction: its head, and one row per identity and one
 * per breaking place in code, each table written by one INSERT from rows staged through DuckDB's appender. When the
 * rows equal the newest snapshot's (an unchanged store analysed again), the head points to those rows (`rows_from`,
 * migration 008) instead of copying them. Returns the snapshot's number.
 */
export async function recordSnapshot(store: Store, state: GovernanceState, run: SnapshotRun): Promise<number> {
  const identities: Omit<RowValues, 'snapshot_id'>[] = state.identities.map((identity) => ({
    id: identity.id,
    upn: identity.upn,
    display_name: identity.displayName,
    kind: identity.kind,
    class: identity.class,
    verdict: identity.verdict,
    breaks_on: identity.breaksOn,
    owner_team: identity.ownerTeam,
    owner_match: identity.ownerMatch,
    exception_state: identity.exceptionState,
    exception_expires: identity.exceptionExpires,
    exception_approver: identity.exceptionApprover,
    retired_on: identity.retiredOn,
    retired_active: identity.retiredActive,
    last_activity: identity.lastActivity,
    plan_stage: identity.planStage,
    breaking_automation: identity.breakingAutomation,
  }));
  const automation: Omit<RowValues, 'snapshot_id'>[] = state.automation.map((entry) => ({
    file: entry.file,
    line: entry.line,
    rule: entry.rule,
    auth_method: entry.authMethod,
    identity_kind: entry.identityKind,
    identity_value: entry.identityValue,
    owner_team: entry.ownerTeam,
    owner_match: entry.ownerMatch,
    excepted_by: entry.exceptedBy,
    exception_state: entry.exceptionState,
  }));
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
    await appendRows(store, SNAPSHOT_IDENTITIES, identities.map((row) => ({ snapshot_id: id, ...row })));
    await appendRows(store, SNAPSHOT_AUTOMATION, automation.map((row) => ({ snapshot_id: id, ...row })));
    return id;
  });
}
