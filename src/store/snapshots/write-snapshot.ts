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

/**
 * Keep one run's governed state as the next snapshot, in one transaction: its head, one row per identity and one per
 * breaking place in code, each table written by one INSERT from rows staged through DuckDB's appender.
 * Returns the snapshot's number.
 */
export async function recordSnapshot(store: Store, state: GovernanceState, run: SnapshotRun): Promise<number> {
  return store.transaction(async () => {
    const [next] = await store.all<{ id: number }>('SELECT (coalesce(max(id), 0) + 1)::INTEGER AS id FROM snapshots');
    const id = next?.id ?? 1;
    await store.run(
      `INSERT INTO snapshots VALUES (?, CAST(timezone('UTC', CAST(? AS TIMESTAMPTZ)) AS TIMESTAMP), ?, CAST(timezone('UTC', CAST(? AS TIMESTAMPTZ)) AS TIMESTAMP), ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, run.takenAt, run.command, state.asOf, state.tenantId, state.enforcement.phase1, state.enforcement.phase2, state.inputsDigest, state.policyPath,
        state.policyText, state.hasStore, state.identities.length, state.automation.length, run.gateProblems,
      ],
    );
    const identities: RowValues[] = state.identities.map((identity) => ({
      snapshot_id: id,
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
    await appendRows(store, SNAPSHOT_IDENTITIES, identities);
    const automation: RowValues[] = state.automation.map((entry) => ({
      snapshot_id: id,
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
    await appendRows(store, SNAPSHOT_AUTOMATION, automation);
    return id;
  });
}
