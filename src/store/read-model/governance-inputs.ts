import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AutomationFinding } from '../../model/governance.js';
import type { Store } from '../store.js';

const digestRowSchema = z.object({ batches: z.string().nullable(), findings: z.string().nullable() });

/**
 * What an analysis read from the store, as one digest: the import batches (each file once, with its counts) and the
 * code findings (stable ids: a re-scan of the same code gives the same digest, though it is a new batch).
 */
export async function storeInputsDigest(store: Store): Promise<string> {
  const [row] = await store.all(
    `SELECT (SELECT md5(string_agg(batch_id || ':' || coalesce(stored, 0) || ':' || coalesce(updated, 0), ',' ORDER BY batch_id)) FROM batches WHERE source <> 'scan') AS batches,
            (SELECT md5(string_agg(id, ',' ORDER BY id)) FROM scan_findings) AS findings`,
  );
  const parsed = digestRowSchema.parse(row);
  return `${parsed.batches ?? '-'}:${parsed.findings ?? '-'}`;
}

/** One digest of everything a run read: the store's part, the policy file's text and the options that change results. */
export function inputsDigest(parts: { store: string | null; policyText: string | null; options: Record<string, string | null | undefined> }): string {
  const options = Object.keys(parts.options).sort().map((key) => `${key}=${parts.options[key] ?? ''}`).join('&');
  return createHash('sha256').update(`${parts.store ?? 'no-store'}\u0000${parts.policyText ?? 'no-policy'}\u0000${options}`).digest('hex');
}

const AUTH_METHODS = ['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation'] as const;
const findingRowSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  rule: z.string(),
  auth_method: z.enum(AUTH_METHODS),
  identity_kind: z.enum(['upn', 'client-id', 'secret-ref', 'env-var', 'connection']).nullable(),
  identity_value: z.string().nullable(),
});

/** The places in stored code that sign in with a method mandatory MFA breaks, in a stable order. */
export async function loadBreakingAutomation(store: Store): Promise<AutomationFinding[]> {
  const rows = await store.all(
    `SELECT file, line, rule, auth_method, identity_kind, identity_value FROM scan_findings WHERE mfa_impact = 'breaks' ORDER BY file, line, col, rule`,
  );
  return rows.map((raw) => {
    const row = findingRowSchema.parse(raw);
    return { file: row.file, line: row.line, rule: row.rule, authMethod: row.auth_method, identityKind: row.identity_kind, identityValue: row.identity_value };
  });
}

const appIdRowSchema = z.object({ id: z.string(), app_id: z.string() });

/** Client (app) IDs of the service principals and managed identities, by object ID: names code may sign in with. */
export async function loadAppIds(store: Store): Promise<Map<string, string>> {
  const rows = await store.all('SELECT id, app_id FROM identities WHERE app_id IS NOT NULL');
  return new Map(rows.map((raw) => appIdRowSchema.parse(raw)).map((row) => [row.id, row.app_id]));
}
