import { z } from 'zod';
import type { AuthMethod, IdentityRefKind, MfaImpact, ScanFinding } from '../../model/scan-finding.js';
import type { Store } from '../store.js';

/** What the report needs from the store besides the analysis: code findings and the batches that fed it. */
export interface ReportStoreParts {
  scanFindings: ScanFinding[];
  imports: { file: string; format: string | null; read: number; stored: number; duplicates: number; quarantined: number }[];
}

const AUTH_METHODS = [
  'user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation',
] as const satisfies readonly AuthMethod[];
const MFA_IMPACTS = ['breaks', 'needs-human', 'depends', 'safe'] as const satisfies readonly MfaImpact[];
const IDENTITY_REF_KINDS = ['upn', 'client-id', 'secret-ref', 'env-var', 'connection'] as const satisfies readonly IdentityRefKind[];

const scanRowSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  ecosystem: z.string(),
  auth_method: z.enum(AUTH_METHODS),
  mfa_impact: z.enum(MFA_IMPACTS),
  identity_kind: z.enum(IDENTITY_REF_KINDS).nullable(),
  identity_value: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  fix: z.string(),
});

const batchRowSchema = z.object({
  file: z.string(),
  format: z.string().nullable(),
  read: z.number(),
  stored: z.number(),
  duplicates: z.number(),
  quarantined: z.number(),
});

function toScanFinding(row: z.infer<typeof scanRowSchema>): ScanFinding {
  return {
    file: row.file,
    line: row.line,
    column: row.col,
    ecosystem: row.ecosystem,
    authMethod: row.auth_method,
    mfaImpact: row.mfa_impact,
    identity: row.identity_kind !== null && row.identity_value !== null ? { kind: row.identity_kind, value: row.identity_value } : null,
    rule: row.rule,
    message: row.message,
    fix: row.fix,
  };
}

/**
 * Scan findings in code order and batches in the order they ran. A batch without a file (a live collection)
 * is listed under its source name so the coverage table still accounts for it.
 */
export async function loadReportStoreParts(store: Store): Promise<ReportStoreParts> {
  const scanRows = await store.all(
    'SELECT file, line, col, ecosystem, auth_method, mfa_impact, identity_kind, identity_value, rule, message, fix FROM scan_findings ORDER BY root, file, line, col, rule',
  );
  const batchRows = await store.all(
    'SELECT coalesce(file, source) AS file, format, read, stored, duplicates, quarantined FROM batches ORDER BY started_at, batch_id',
  );
  return {
    scanFindings: scanRows.map((row) => toScanFinding(scanRowSchema.parse(row))),
    imports: batchRows.map((row) => batchRowSchema.parse(row)),
  };
}
