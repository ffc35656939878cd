import { z } from 'zod';
import { IDENTITY_CLASSES, VERDICTS } from '../../model/analysis.js';
import { EXCEPTION_STATES, type GovernanceState, type GovernedAutomation, type GovernedIdentity, type SnapshotMeta } from '../../model/governance.js';
import type { Store } from '../store.js';

const AUTH_METHODS = ['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation'] as const;
const REF_KINDS = ['upn', 'client-id', 'secret-ref', 'env-var', 'connection'] as const;
const COMMANDS = ['analyze', 'check', 'demo'] as const;

const metaRowSchema = z.object({
  id: z.number().int(),
  taken_at: z.string(),
  command: z.enum(COMMANDS),
  as_of: z.string(),
  inputs_digest: z.string(),
  policy_path: z.string().nullable(),
  gate_problems: z.number().int().nullable(),
});

const headRowSchema = metaRowSchema.extend({
  tenant_id: z.string().nullable(),
  phase1: z.string(),
  phase2: z.string(),
  policy_text: z.string().nullable(),
  has_store: z.boolean(),
  /** The snapshot whose rows it keeps: itself, or the one it shares them with (migration 008). */
  rows_id: z.number(),
});

const identityRowSchema = z.object({
  id: z.string(),
  upn: z.string().nullable(),
  display_name: z.string(),
  kind: z.enum(['user', 'servicePrincipal', 'managedIdentity']),
  class: z.enum(IDENTITY_CLASSES),
  verdict: z.enum(VERDICTS),
  breaks_on: z.string().nullable(),
  owner_team: z.string().nullable(),
  owner_match: z.string().nullable(),
  exception_state: z.enum(EXCEPTION_STATES).nullable(),
  exception_expires: z.string().nullable(),
  exception_approver: z.string().nullable(),
  retired_on: z.string().nullable(),
  retired_active: z.boolean().nullable(),
  last_activity: z.string().nullable(),
  plan_stage: z.string().nullable(),
  breaking_automation: z.array(z.string()),
});

const automationRowSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  rule: z.string(),
  auth_method: z.enum(AUTH_METHODS),
  identity_kind: z.enum(REF_KINDS).nullable(),
  identity_value: z.string().nullable(),
  owner_team: z.string().nullable(),
  owner_match: z.string().nullable(),
  excepted_by: z.string().nullable(),
  exception_state: z.enum(EXCEPTION_STATES).nullable(),
});

/** Instants as the contracts write them (DuckDB gives TIMESTAMPs as text without a zone, in UTC here). */
const ISO = (column: string): string => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
const META_COLUMNS = `id, ${ISO('taken_at')} AS taken_at, command, ${ISO('as_of')} AS as_of, inputs_digest, policy_path, gate_problems`;

function meta(row: z.infer<typeof metaRowSchema>): SnapshotMeta {
  return { id: row.id, takenAt: row.taken_at, command: row.command, asOf: row.as_of, inputsDigest: row.inputs_digest, policyPath: row.policy_path, gateProblems: row.gate_problems };
}

/** Every snapshot, oldest first. */
export async function listSnapshots(store: Store): Promise<SnapshotMeta[]> {
  const rows = await store.all(`SELECT ${META_COLUMNS} FROM snapshots ORDER BY id`);
  return rows.map((row) => meta(metaRowSchema.parse(row)));
}

/** A snapshot and the state it kept, or null when there is no such snapshot. */
export async function loadSnapshot(store: Store, id: number): Promise<{ meta: SnapshotMeta; state: GovernanceState } | null> {
  const [head] = await store.all(
    `SELECT ${META_COLUMNS}, tenant_id, CAST(phase1 AS VARCHAR) AS phase1, CAST(phase2 AS VARCHAR) AS phase2, policy_text, has_store, coalesce(rows_from, id) AS rows_id FROM snapshots WHERE id = ?`,
    [id],
  );
  if (head === undefined) return null;
  const row = headRowSchema.parse(head);
  const identityRows = await store.all(
    `SELECT id, upn, display_name, kind, class, verdict, CAST(breaks_on AS VARCHAR) AS breaks_on, owner_team, owner_match, exception_state,
            CAST(exception_expires AS VARCHAR) AS exception_expires, exception_approver, CAST(retired_on AS VARCHAR) AS retired_on, retired_active,
            ${ISO('last_activity')} AS last_activity, plan_stage, breaking_automation
     FROM snapshot_identities WHERE snapshot_id = ? ORDER BY id`,
    [row.rows_id],
  );
  const automationRows = await store.all(
    `SELECT file, line, rule, auth_method, identity_kind, identity_value, owner_team, owner_match, excepted_by, exception_state
     FROM snapshot_automation WHERE snapshot_id = ? ORDER BY file, line, rule, identity_value`,
    [row.rows_id],
  );
  const identities: GovernedIdentity[] = identityRows.map((raw) => {
    const r = identityRowSchema.parse(raw);
    return {
      id: r.id, upn: r.upn, displayName: r.display_name, kind: r.kind, class: r.class, verdict: r.verdict, breaksOn: r.breaks_on,
      ownerTeam: r.owner_team, ownerMatch: r.owner_match, exceptionState: r.exception_state, exceptionExpires: r.exception_expires,
      exceptionApprover: r.exception_approver, retiredOn: r.retired_on, retiredActive: r.retired_active, lastActivity: r.last_activity,
      planStage: r.plan_stage, breakingAutomation: r.breaking_automation,
    };
  });
  const automation: GovernedAutomation[] = automationRows.map((raw) => {
    const r = automationRowSchema.parse(raw);
    return {
      file: r.file, line: r.line, rule: r.rule, authMethod: r.auth_method, identityKind: r.identity_kind, identityValue: r.identity_value,
      ownerTeam: r.owner_team, ownerMatch: r.owner_match, exceptedBy: r.excepted_by, exceptionState: r.exception_state,
    };
  });
  return {
    meta: meta(row),
    state: {
      asOf: row.as_of, tenantId: row.tenant_id, enforcement: { phase1: row.phase1, phase2: row.phase2 }, inputsDigest: row.inputs_digest,
      policyPath: row.policy_path, policyText: row.policy_text, hasStore: row.has_store, identities, automation,
    },
  };
}

/** Whether the store has the snapshot tables (a store written before version 6 and opened read-only has not). */
export async function hasSnapshots(store: Store): Promise<boolean> {
  const [row] = await store.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'snapshots'",
  );
  return (row?.n ?? 0) > 0;
}
