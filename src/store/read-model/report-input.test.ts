import { describe, expect, it } from 'vitest';
import { SCAN_FINDINGS } from '../columns.js';
import { openStore } from '../store.js';
import { insertRows } from '../write-rows.js';
import { loadReportStoreParts } from './report-input.js';

describe('loadReportStoreParts', () => {
  it('reads scan findings in code order and batches in run order', async () => {
    const store = await openStore(':memory:');
    const finding = {
      root: '/repo', file: 'b.sh', line: 4, col: 1, ecosystem: 'azure-cli', auth_method: 'user-password', mfa_impact: 'breaks',
      identity_kind: 'upn', identity_value: 'svc@x.example', rule: 'azure-cli/login-user-password', message: 'az login -u -p', fix: 'use --identity', batch_id: 'b3',
    };
    await insertRows(store, SCAN_FINDINGS, [
      { ...finding, id: 'f1' },
      { ...finding, id: 'f2', file: 'a.ps1', line: 9, col: 3, ecosystem: 'powershell', auth_method: 'ambient', mfa_impact: 'depends', identity_kind: null, identity_value: null },
    ]);
    await store.run(`INSERT INTO batches (batch_id, source, file, format, started_at, read, stored, duplicates, quarantined) VALUES
      ('b2', 'import', 'users.json', 'graph-json', '2026-11-21 08:01:00', 13, 13, 0, 0),
      ('b1', 'import', 'signins.jsonl', 'diagnostic-jsonl', '2026-11-21 08:00:00', 1200, 1180, 15, 5),
      ('b3', 'collect', NULL, NULL, '2026-11-21 08:02:00', 7, 7, 0, 0)`);
    const parts = await loadReportStoreParts(store);
    expect(parts.scanFindings).toEqual([
      { file: 'a.ps1', line: 9, column: 3, ecosystem: 'powershell', authMethod: 'ambient', mfaImpact: 'depends', identity: null, rule: 'azure-cli/login-user-password', message: 'az login -u -p', fix: 'use --identity' },
      { file: 'b.sh', line: 4, column: 1, ecosystem: 'azure-cli', authMethod: 'user-password', mfaImpact: 'breaks', identity: { kind: 'upn', value: 'svc@x.example' }, rule: 'azure-cli/login-user-password', message: 'az login -u -p', fix: 'use --identity' },
    ]);
    expect(parts.imports).toEqual([
      { file: 'signins.jsonl', format: 'diagnostic-jsonl', read: 1200, stored: 1180, duplicates: 15, quarantined: 5 },
      { file: 'users.json', format: 'graph-json', read: 13, stored: 13, duplicates: 0, quarantined: 0 },
      { file: 'collect', format: null, read: 7, stored: 7, duplicates: 0, quarantined: 0 },
    ]);
    store.close();
  });

  it('gives empty lists for an empty store', async () => {
    const store = await openStore(':memory:');
    expect(await loadReportStoreParts(store)).toEqual({ scanFindings: [], imports: [] });
    store.close();
  });
});
