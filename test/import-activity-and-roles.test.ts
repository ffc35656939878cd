import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'import');

async function imported(paths: readonly string[]): Promise<{ summary: Awaited<ReturnType<typeof importPaths>>; rows: Record<string, unknown>[]; roles: Record<string, unknown>[] }> {
  const store = await openStore(':memory:');
  try {
    const summary = await importPaths(store, paths);
    const rows = await store.all(
      `SELECT id, strftime(time, '%Y-%m-%dT%H:%M:%S') AS time, operation_name, kind, status, sub_status, status_code, subscription_id, caller, caller_upn,
              caller_object_id, caller_app_id, idtyp, appidacr, mfa, policy_definition_ids, category
       FROM operations ORDER BY time`,
    );
    const roles = await store.all('SELECT id, principal_id, role_definition_id, role_name, scope, source FROM role_assignments ORDER BY id');
    return { summary, rows, roles };
  } finally {
    store.close();
  }
}

describe('Activity log from az monitor activity-log list', () => {
  it('detects activity-log-json and normalises REST events', async () => {
    const { summary, rows } = await imported([resolve(FIXTURES, 'activity-log', 'az-monitor-activity-log-list.json')]);
    expect(summary.files.map((file) => [file.format, file.read, file.stored, file.quarantined])).toEqual([['activity-log-json', 2, 2, 0]]);
    expect(rows).toEqual([
      { id: 'e0e0e0e0-0000-4000-8000-000000000001', time: '2026-11-20T02:00:14', operation_name: 'microsoft.web/sites/write', kind: 'create', status: 'succeeded', sub_status: 'Created', status_code: 'Created', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller: 'svc-deploy@contoso.onmicrosoft.com', caller_upn: 'svc-deploy@contoso.onmicrosoft.com', caller_object_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', caller_app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: null, appidacr: '0', mfa: false, policy_definition_ids: null, category: 'Administrative' },
      { id: 'e0e0e0e0-0000-4000-8000-000000000002', time: '2026-11-21T03:00:00', operation_name: 'microsoft.resources/deployments/delete', kind: 'delete', status: 'succeeded', sub_status: 'OK', status_code: 'OK', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller: '9e0c7a11-2222-4333-8444-555566667701', caller_upn: null, caller_object_id: '9e0c7a11-2222-4333-8444-555566667701', caller_app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff01', idtyp: 'app', appidacr: '1', mfa: false, policy_definition_ids: null, category: 'Administrative' },
    ]);
  });
});

describe('Activity log from the AzureActivity table', () => {
  it('reads KQL JSON (tables/columns/rows) and the CSV export (Claims_d, US dates) into the same operations model', async () => {
    const { summary, rows } = await imported([resolve(FIXTURES, 'loganalytics')]);
    expect(summary.files.map((file) => [file.path.split('/').pop(), file.format, file.read, file.stored, file.quarantined])).toEqual([
      ['azure-activity-export.csv', 'loganalytics-csv', 2, 2, 0],
      ['azure-activity-kql.json', 'loganalytics-json', 2, 2, 0],
    ]);
    expect(summary.totals.activity).toEqual({ read: 4, stored: 4, updated: 0, duplicates: 0, quarantined: 0 });
    expect(rows.map((row) => [row['time'], row['operation_name'], row['kind'], row['status'], row['caller_upn'], row['mfa'], row['policy_definition_ids']])).toEqual([
      ['2026-11-22T02:00:14', 'microsoft.web/sites/write', 'update', 'succeeded', 'svc-deploy@contoso.onmicrosoft.com', false, null],
      ['2026-11-22T02:10:00', 'microsoft.authorization/policies/audit/action', 'action', 'succeeded', 'svc-deploy@contoso.onmicrosoft.com', false, '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b'],
      ['2026-11-23T02:00:14', 'microsoft.web/sites/write', 'update', 'failed', 'svc-deploy@contoso.onmicrosoft.com', false, '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b'],
      ['2026-11-23T13:30:00', 'microsoft.storage/storageaccounts/delete', 'delete', 'succeeded', 'alice@contoso.com', true, null],
    ]);
  });
});

describe('Azure Resource Graph role assignments', () => {
  it('reads whole and projected authorizationresources rows as azure role assignments', async () => {
    const { summary, roles } = await imported([resolve(FIXTURES, 'resource-graph', 'role-assignments.json')]);
    expect(summary.files.map((file) => [file.format, file.read, file.stored, file.quarantined])).toEqual([['resource-graph-json', 2, 2, 0]]);
    expect(roles).toEqual([
      { id: '/subscriptions/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/providers/microsoft.authorization/roleassignments/77777777-0000-4000-8000-000000000001', principal_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', role_definition_id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', role_name: null, scope: '/subscriptions/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', source: 'azure' },
      { id: '/subscriptions/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/resourcegroups/rg-app/providers/microsoft.authorization/roleassignments/77777777-0000-4000-8000-000000000002', principal_id: '9e0c7a11-2222-4333-8444-555566667701', role_definition_id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', role_name: 'Owner', scope: '/subscriptions/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/resourcegroups/rg-app', source: 'azure' },
    ]);
  });
});
