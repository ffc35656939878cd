import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { ScanFinding } from '../model/scan-finding.js';
import { SCAN_FINDINGS } from '../store/columns.js';
import type { Store } from '../store/store.js';
import { insertRows, type RowValues } from '../store/write-rows.js';

export interface StoredScan {
  batchId: string;
  stored: number;
  /** Findings whose UPN or client id names an identity already in the store (analyze links them). */
  linked: number;
}

/** A finding's key: the same place in the same root always gets the same id, so re-scans do not duplicate. */
export function scanFindingId(root: string, finding: ScanFinding): string {
  return createHash('sha256').update([root, finding.file, finding.line, finding.column, finding.rule].join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Stores one root's findings as a batch, replacing that root's earlier findings (code that no longer signs in
 * must disappear). Only identity *names* and literals are stored; findings never hold secret values.
 */
export async function storeScanFindings(store: Store, root: string, findings: readonly ScanFinding[]): Promise<StoredScan> {
  const absoluteRoot = resolve(root);
  const batchId = randomUUID();
  const rows: RowValues[] = findings.map((finding) => ({
    id: scanFindingId(absoluteRoot, finding),
    root: absoluteRoot,
    file: finding.file,
    line: finding.line,
    col: finding.column,
    ecosystem: finding.ecosystem,
    auth_method: finding.authMethod,
    mfa_impact: finding.mfaImpact,
    identity_kind: finding.identity?.kind ?? null,
    identity_value: finding.identity?.value ?? null,
    rule: finding.rule,
    message: finding.message,
    fix: finding.fix,
    batch_id: batchId,
  }));
  const stored = await store.transaction(async () => {
    await store.run('INSERT INTO batches (batch_id, source, file, format, started_at) VALUES (?, ?, ?, ?, now()::TIMESTAMP)', [batchId, 'scan', absoluteRoot, 'code']);
    await store.run('DELETE FROM scan_findings WHERE root = ?', [absoluteRoot]);
    const count = await insertRows(store, SCAN_FINDINGS, rows);
    await store.run('UPDATE batches SET finished_at = now()::TIMESTAMP, read = ?, stored = ?, duplicates = ? WHERE batch_id = ?', [rows.length, count, rows.length - count, batchId]);
    return count;
  });
  const [linkedRow] = await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM scan_findings f WHERE f.batch_id = ? AND EXISTS (
       SELECT 1 FROM identities i WHERE (f.identity_kind = 'upn' AND lower(i.upn) = lower(f.identity_value))
          OR (f.identity_kind = 'client-id' AND lower(i.app_id) = lower(f.identity_value)))`,
    [batchId],
  );
  return { batchId, stored, linked: linkedRow?.n ?? 0 };
}
