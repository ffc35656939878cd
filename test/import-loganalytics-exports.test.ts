import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../src/sources/import/index.js';
import { openStore } from '../src/store/store.js';

/**
 * Log Analytics exports as people make them (fixtures written from Microsoft's table reference for SigninLogs,
 * AADNonInteractiveUserSignInLogs and AuditLogs): a portal "Export to CSV" of a query that projected columns, with no
 * TimeGenerated, a CreatedDateTime [UTC], a UTF-8 BOM, multi-line JSON in its dynamic cells and a column nothing maps;
 * KQL results from a union of the two user tables (X_dynamic / X_string); AuditLogs as CSV and as JSON rows without Type.
 */
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'import', 'loganalytics-exports');

describe('Log Analytics exports whatever the query projected', () => {
  it('recognises each file by its columns, and lands every sign-in and audit row', async () => {
    const store = await openStore(':memory:');
    try {
      const summary = await importPaths(store, [FIXTURES]);
      expect(summary.files.map((file) => [file.path.split('/').pop(), file.format, file.read, file.stored, file.quarantined, file.error])).toEqual([
        ['AuditLogs-export.csv', 'loganalytics-csv', 2, 2, 0, null],
        ['SigninLogs-projection.csv', 'loganalytics-csv', 3, 3, 0, null],
        ['auditlogs-projection.json', 'loganalytics-json', 1, 1, 0, null],
        ['union-user-signins.json', 'loganalytics-json', 2, 2, 0, null],
      ]);
      expect(await store.all(
        `SELECT id, kind, strftime(created_at, '%H:%M:%S.%f') AS created, strftime(logged_at, '%H:%M:%S') AS logged, upn, error_code, session_id, mfa_basis,
           device_os, device_trust_type, country
         FROM sign_ins ORDER BY created_at`,
      )).toEqual([
        { id: 'b1e2c3d4-1111-4000-8000-000000000001', kind: 'interactiveUser', created: '09:12:00.500000', logged: null, upn: 'alice@contoso.com', error_code: 0, session_id: '5e55a0f1-2222-4000-8000-000000000001', mfa_basis: 'own-mfa', device_os: 'Windows10', device_trust_type: 'azureAdJoined', country: 'GB' },
        { id: 'b1e2c3d4-1111-4000-8000-000000000011', kind: 'nonInteractiveUser', created: '09:14:59.123456', logged: '09:15:03', upn: 'alice@contoso.com', error_code: 0, session_id: '5e55a0f1-2222-4000-8000-000000000001', mfa_basis: 'session-mfa', device_os: 'Windows10', device_trust_type: 'azureAdJoined', country: 'GB' },
        { id: 'b1e2c3d4-1111-4000-8000-000000000012', kind: 'interactiveUser', created: '09:19:58.000000', logged: '09:20:00', upn: 'alice@contoso.com', error_code: 0, session_id: '5e55a0f1-2222-4000-8000-000000000001', mfa_basis: 'session-mfa', device_os: 'Windows10', device_trust_type: null, country: 'GB' },
        { id: 'b1e2c3d4-1111-4000-8000-000000000002', kind: 'interactiveUser', created: '09:40:02.250000', logged: null, upn: 'svc-deploy@contoso.com', error_code: 0, session_id: '5e55a0f1-2222-4000-8000-000000000002', mfa_basis: 'own-single', device_os: 'Linux', device_trust_type: null, country: 'NL' },
        { id: 'b1e2c3d4-1111-4000-8000-000000000003', kind: 'interactiveUser', created: '10:02:11.000000', logged: null, upn: 'svc-deploy@contoso.com', error_code: 50076, session_id: null, mfa_basis: null, device_os: 'Linux', device_trust_type: null, country: 'NL' },
      ]);
      expect(await store.all(
        "SELECT id, strftime(time, '%Y-%m-%d %H:%M:%S.%g') AS time, activity, operation_type, result, initiated_by_upn, initiated_by_app_id, target_ids FROM audit_events ORDER BY time",
      )).toEqual([
        { id: 'Directory_0a1b2c3d_ABCDE_11111111', time: '2026-11-20 15:00:00.120', activity: 'Reset user password', operation_type: 'Update', result: 'success', initiated_by_upn: 'alice@contoso.com', initiated_by_app_id: null, target_ids: ['5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01'] },
        { id: 'Directory_0a1b2c3d_ABCDE_22222222', time: '2026-11-21 08:30:00.900', activity: 'Add user', operation_type: 'Add', result: 'success', initiated_by_upn: null, initiated_by_app_id: 'a0a0a0a0-0000-4000-8000-000000000001', target_ids: ['6b6b6b6b-0000-4000-8000-000000000001'] },
        { id: 'Directory_0a1b2c3d_ABCDE_33333333', time: '2026-11-22 10:00:00.500', activity: 'Update user', operation_type: 'Update', result: 'success', initiated_by_upn: 'alice@contoso.com', initiated_by_app_id: null, target_ids: ['5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01'] },
      ]);
      // A column no mapping knows stays in the record as it arrived.
      const [raw] = await store.all<{ extra: string | null }>("SELECT json_extract_string(raw, '$.ExtraColumnNobodyMaps') AS extra FROM sign_ins WHERE id = 'b1e2c3d4-1111-4000-8000-000000000001'");
      expect(raw).toEqual({ extra: 'kept in raw' });
    } finally {
      store.close();
    }
  });

  it('imports the same files again with nothing new', async () => {
    const store = await openStore(':memory:');
    try {
      await importPaths(store, [FIXTURES]);
      const again = await importPaths(store, [FIXTURES]);
      expect(again.files.map((file) => [file.stored, file.updated, file.duplicates])).toEqual([[0, 0, 2], [0, 0, 3], [0, 0, 1], [0, 0, 2]]);
    } finally {
      store.close();
    }
  });
});
