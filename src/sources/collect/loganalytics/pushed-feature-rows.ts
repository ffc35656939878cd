import { signInBlockText, type PushedFeatureRow } from '../../../features/kql/feature-answer.js';
import { PUSHED_FEATURES } from '../../../store/columns.js';
import { sqlList } from '../../../store/sql-literal.js';
import type { Store } from '../../../store/store.js';
import { insertRows, type RowValues } from '../../../store/write-rows.js';

/**
 * Feature halves a Kusto engine computed, into pushed_features: the columns the feature SQL's `pushed` source reads in
 * place of the sign-in summary and the Activity-log aggregate. A principal computed again replaces its row.
 */
function rowValues(row: PushedFeatureRow): RowValues {
  const f = row.features;
  return {
    pid: row.pid, pkind: row.pkind, upn: row.upn, user_display_name: row.userDisplayName, sp_name: row.spName, user_type: row.userType, sp_app_id: row.spAppId,
    first_seen: f.firstSeen ?? null, last_seen: f.lastSeen ?? null, sign_ins: f.signIns ?? 0, sign_in_block: signInBlockText(row), ok_ips: row.okIps,
    operations: row.operations, writes: f.writes ?? 0, deletes: f.deletes ?? 0, actions: f.actions ?? 0, ops_mfa: f.opsMfa ?? 0, ops_no_mfa: f.opsNoMfa ?? 0,
    ops_mfa_unknown: f.opsMfaUnknown ?? 0, ops_no_mfa_first: f.opsNoMfaFirst ?? null, ops_no_mfa_last: f.opsNoMfaLast ?? null,
    ops_no_mfa_names: JSON.stringify(f.opsNoMfaNames ?? []), last_operation: f.lastOperation ?? null, policy_denied: f.policyDenied ?? 0,
    policy_denied_first: f.policyDeniedFirst ?? null, policy_denied_last: f.policyDeniedLast ?? null, policy_denied_definitions: f.policyDeniedDefinitions ?? [],
    policy_audits: f.policyAudits ?? 0, policy_audit_first: f.policyAuditFirst ?? null, policy_audit_last: f.policyAuditLast ?? null,
  };
}

/** Store `rows` under `batchId` (inside the caller's transaction); returns how many. */
export async function storePushedRows(store: Store, rows: readonly PushedFeatureRow[], batchId: string): Promise<number> {
  if (rows.length === 0) return 0;
  await store.run(`DELETE FROM pushed_features WHERE pid IN (${sqlList(rows.map((row) => row.pid))})`);
  return insertRows(store, PUSHED_FEATURES, rows.map(rowValues), { batch_id: batchId });
}
