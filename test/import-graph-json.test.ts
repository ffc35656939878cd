import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'import');

describe('import of Graph JSON pages', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('detects every Graph page as graph-json and stores each record once', async () => {
    const summary = await importPaths(store, [resolve(FIXTURES, 'graph-json')]);
    expect(summary.files.map((file) => [file.path.split('/').pop(), file.format, file.read, file.stored, file.quarantined, file.error])).toEqual([
      ['applications.json', 'graph-json', 2, 2, 0, null],
      ['conditional-access-policies.json', 'graph-json', 2, 2, 0, null],
      ['directory-role-assignments.json', 'graph-json', 2, 2, 0, null],
      ['group-transitive-members.json', 'graph-json', 2, 2, 0, null],
      ['named-locations.json', 'graph-json', 1, 1, 0, null],
      ['service-principals.json', 'graph-json', 2, 2, 0, null],
      ['user-registration-details.json', 'graph-json', 2, 2, 0, null],
      ['users.json', 'graph-json', 3, 3, 0, null],
    ]);
    expect(summary.totals.directory).toEqual({ read: 16, stored: 16, updated: 0, duplicates: 0, quarantined: 0 });
  });

  it('normalises users: lowercase ids and UPNs, password expiry, licences, sign-in activity in UTC', async () => {
    await importPaths(store, [resolve(FIXTURES, 'graph-json', 'users.json')]);
    const rows = await store.all(
      `SELECT id, kind, upn, user_type, account_enabled, password_never_expires, on_premises_sync_enabled, license_count,
              strftime(last_non_interactive_sign_in, '%Y-%m-%dT%H:%M:%S.%f') AS last_ni
       FROM identities ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', kind: 'user', upn: 'svc-deploy@contoso.onmicrosoft.com', user_type: 'member', account_enabled: true, password_never_expires: true, on_premises_sync_enabled: null, license_count: 0, last_ni: '2026-11-26T02:00:14.123456' },
      { id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e02', kind: 'user', upn: 'alice@contoso.com', user_type: 'member', account_enabled: true, password_never_expires: false, on_premises_sync_enabled: true, license_count: 1, last_ni: null },
      { id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e03', kind: 'user', upn: 'partner_fabrikam.com#ext#@contoso.onmicrosoft.com', user_type: 'guest', account_enabled: false, password_never_expires: null, on_premises_sync_enabled: null, license_count: null, last_ni: null },
    ]);
  });

  it('splits service principals from managed identities and stores their credentials without secret material', async () => {
    await importPaths(store, [resolve(FIXTURES, 'graph-json', 'service-principals.json'), resolve(FIXTURES, 'graph-json', 'applications.json')]);
    expect(await store.all('SELECT id, kind, app_id, service_principal_type, tags FROM identities ORDER BY id')).toEqual([
      { id: '9e0c7a11-2222-4333-8444-555566667701', kind: 'servicePrincipal', app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff01', service_principal_type: 'Application', tags: ['WindowsAzureActiveDirectoryIntegratedApp'] },
      { id: '9e0c7a11-2222-4333-8444-555566667702', kind: 'managedIdentity', app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff02', service_principal_type: 'ManagedIdentity', tags: [] },
    ]);
    expect(await store.all('SELECT id, owner_kind, type, key_id, issuer, subject, CAST(raw AS VARCHAR) LIKE \'%MIIB%\' OR CAST(raw AS VARCHAR) LIKE \'%"hint"%\' AS leaks FROM credentials ORDER BY id')).toEqual([
      { id: '7b7b7b7b-1111-4222-8333-444455556601:f1f1f1f1-0000-4000-8000-000000000001', owner_kind: 'application', type: 'federated', key_id: 'f1f1f1f1-0000-4000-8000-000000000001', issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:contoso/infra:ref:refs/heads/main', leaks: false },
      { id: '9e0c7a11-2222-4333-8444-555566667701:aaaaaaaa-0000-4000-8000-000000000001', owner_kind: 'servicePrincipal', type: 'password', key_id: 'aaaaaaaa-0000-4000-8000-000000000001', issuer: null, subject: null, leaks: false },
      { id: '9e0c7a11-2222-4333-8444-555566667701:aaaaaaaa-0000-4000-8000-000000000002', owner_kind: 'servicePrincipal', type: 'certificate', key_id: 'aaaaaaaa-0000-4000-8000-000000000002', issuer: null, subject: null, leaks: false },
    ]);
    expect(await store.all('SELECT id, app_id FROM applications ORDER BY id')).toEqual([
      { id: '7b7b7b7b-1111-4222-8333-444455556601', app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff01' },
      { id: '7b7b7b7b-1111-4222-8333-444455556602', app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff03' },
    ]);
  });

  it('stores CA policies whole, role assignments with their catalog name, and group members', async () => {
    await importPaths(store, [resolve(FIXTURES, 'graph-json')]);
    expect(await store.all("SELECT id, state, raw->>'$.grantControls.builtInControls[0]' AS control FROM conditional_access_policies ORDER BY id")).toEqual([
      { id: 'c0c0c0c0-1111-4222-8333-444455556601', state: 'enabled', control: 'mfa' },
      { id: 'c0c0c0c0-1111-4222-8333-444455556602', state: 'enabledForReportingButNotEnforced', control: 'block' },
    ]);
    expect(await store.all('SELECT principal_id, role_name, scope, source FROM role_assignments ORDER BY principal_id')).toEqual([
      { principal_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', role_name: 'Global Administrator', scope: '/', source: 'directory' },
      { principal_id: '9e0c7a11-2222-4333-8444-555566667701', role_name: 'Application Administrator', scope: '/administrativeUnits/abc', source: 'directory' },
    ]);
    expect(await store.all('SELECT group_id, member_id, member_type FROM group_members ORDER BY member_id')).toEqual([
      { group_id: '6e6e6e6e-1111-4222-8333-444455556601', member_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e02', member_type: 'user' },
      { group_id: '6e6e6e6e-1111-4222-8333-444455556601', member_id: '9e0c7a11-2222-4333-8444-555566667701', member_type: 'servicePrincipal' },
    ]);
    expect(await store.all('SELECT id, display_name FROM named_locations')).toEqual([{ id: '1a2b3c4d-0000-4000-8000-000000000001', display_name: 'Build agents' }]);
    expect(await store.all("SELECT user_id, is_mfa_registered, methods_registered FROM registration_details ORDER BY user_id")).toEqual([
      { user_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', is_mfa_registered: false, methods_registered: [] },
      { user_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e02', is_mfa_registered: true, methods_registered: ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'] },
    ]);
  });
});

describe('import of the diagnostic Activity log', () => {
  it('normalises writes, deletes, policy audits and denials with the token claims', async () => {
    const store = await openStore(':memory:');
    const summary = await importPaths(store, [resolve(FIXTURES, 'diagnostic-jsonl', 'activity-administrative.jsonl')]);
    expect(summary.totals.activity).toEqual({ read: 5, stored: 5, updated: 0, duplicates: 0, quarantined: 0 });
    const rows = await store.all(
      `SELECT operation_name, kind, status, status_code, subscription_id, caller_upn, caller_object_id, caller_app_id, idtyp, appidacr, auth_methods, mfa, policy_definition_ids
       FROM operations ORDER BY time`,
    );
    expect(rows).toEqual([
      { operation_name: 'microsoft.web/sites/write', kind: 'create', status: 'succeeded', status_code: 'Created', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller_upn: 'svc-deploy@contoso.onmicrosoft.com', caller_object_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', caller_app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: null, appidacr: '0', auth_methods: 'pwd', mfa: false, policy_definition_ids: null },
      { operation_name: 'microsoft.web/sites/write', kind: 'update', status: 'succeeded', status_code: 'OK', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller_upn: 'alice@contoso.com', caller_object_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e02', caller_app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: null, appidacr: '0', auth_methods: 'pwd,mfa', mfa: true, policy_definition_ids: null },
      { operation_name: 'microsoft.storage/storageaccounts/delete', kind: 'delete', status: 'succeeded', status_code: 'OK', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller_upn: null, caller_object_id: '9e0c7a11-2222-4333-8444-555566667701', caller_app_id: '0f3e2d1c-aaaa-4bbb-8ccc-ddddeeeeff01', idtyp: 'app', appidacr: '2', auth_methods: null, mfa: false, policy_definition_ids: null },
      { operation_name: 'microsoft.authorization/policies/audit/action', kind: 'action', status: 'succeeded', status_code: null, subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller_upn: 'svc-deploy@contoso.onmicrosoft.com', caller_object_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', caller_app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: null, appidacr: '0', auth_methods: 'pwd', mfa: false, policy_definition_ids: '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b' },
      { operation_name: 'microsoft.web/sites/write', kind: 'update', status: 'failed', status_code: 'Forbidden', subscription_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', caller_upn: 'svc-deploy@contoso.onmicrosoft.com', caller_object_id: '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01', caller_app_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', idtyp: null, appidacr: '0', auth_methods: 'pwd', mfa: false, policy_definition_ids: '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b' },
    ]);
    store.close();
  });
});

describe('Graph v1.0 sign-ins and the admin center JSON download', () => {
  it('reads a v1.0 page (no signInEventTypes: interactive) and the same records as a bare array', async () => {
    const store = await openStore(':memory:');
    const page = resolve(FIXTURES, 'graph-json-signins', 'signins-v1.json');
    const summary = await importPaths(store, [page]);
    expect(summary.totals.interactiveUser).toEqual({ read: 1, stored: 1, updated: 0, duplicates: 0, quarantined: 0 });
    const rows = await store.all(
      `SELECT id, kind, upn, error_code, mfa_satisfied, authentication_requirement, CAST(applied_policies AS VARCHAR) AS policies FROM sign_ins`,
    );
    expect(rows).toEqual([
      {
        id: '66ea54eb-6301-4ee5-be62-ff5a759b0100', kind: 'interactiveUser', upn: 'alice@contoso.com', error_code: 50074, mfa_satisfied: null, authentication_requirement: null,
        policies: '[{"id":"c0c0c0c0-1111-4222-8333-444455556601","displayName":"Require MFA for admins","result":"failure","enforcedGrantControls":["mfa"]}]',
      },
    ]);
    store.close();
    // The admin center's JSON download: the same Graph objects as a bare array.
    const work = mkdtempSync(join(tmpdir(), 'unattended-portal-json-'));
    const parsed: unknown = JSON.parse(readFileSync(page, 'utf8'));
    const value = typeof parsed === 'object' && parsed !== null && 'value' in parsed ? parsed.value : null;
    writeFileSync(join(work, 'InteractiveSignIns_2026-11-25.json'), JSON.stringify(value, null, 2));
    const other = await openStore(':memory:');
    const download = await importPaths(other, [join(work, 'InteractiveSignIns_2026-11-25.json')]);
    expect(download.files.map((file) => [file.format, file.read, file.stored])).toEqual([['graph-json', 1, 1]]);
    expect(await other.all(`SELECT id, kind, upn, error_code, mfa_satisfied, authentication_requirement, CAST(applied_policies AS VARCHAR) AS policies FROM sign_ins`)).toEqual(rows);
    other.close();
    rmSync(work, { recursive: true, force: true });
  });
});
