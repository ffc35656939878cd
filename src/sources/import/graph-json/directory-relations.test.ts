import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../store/store.js';
import { importPaths } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'unattended-relations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GET /users?$select=id,userPrincipalName,displayName&$expand=manager($select=id,displayName,userPrincipalName) */
const USERS = JSON.stringify({
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,displayName,manager(id,displayName,userPrincipalName))',
  value: [
    { id: 'A0000000-0000-4000-8000-000000000001', userPrincipalName: 'svc-backup@contoso.com', displayName: 'svc-backup', manager: { '@odata.type': '#microsoft.graph.user', id: 'B0000000-0000-4000-8000-000000000002', displayName: 'Maria Storage', userPrincipalName: 'maria@contoso.com' } },
    { id: 'a0000000-0000-4000-8000-000000000003', userPrincipalName: 'svc-nightly@contoso.com', displayName: 'svc-nightly', 'manager@odata.bind': "https://graph.microsoft.com/v1.0/directoryObjects('C0000000-0000-4000-8000-000000000004')" },
    { id: 'a0000000-0000-4000-8000-000000000005', userPrincipalName: 'anna@contoso.com', displayName: 'Anna' },
  ],
});

/** GET /applications?$expand=owners($select=id,displayName,userPrincipalName) and the same on /servicePrincipals */
const APPLICATIONS = JSON.stringify({
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications(owners(id,displayName,userPrincipalName))',
  value: [
    {
      id: 'd0000000-0000-4000-8000-000000000001', appId: 'e0000000-0000-4000-8000-000000000001', displayName: 'billing-export', signInAudience: 'AzureADMyOrg',
      owners: [
        { '@odata.type': '#microsoft.graph.user', id: 'F0000000-0000-4000-8000-000000000001', displayName: 'Ben Billing', userPrincipalName: 'Ben@contoso.com' },
        { '@odata.type': '#microsoft.graph.servicePrincipal', id: 'f0000000-0000-4000-8000-000000000002', displayName: 'provisioning-sp' },
        { displayName: 'no id: skipped' },
      ],
    },
    { id: 'd0000000-0000-4000-8000-000000000002', appId: 'e0000000-0000-4000-8000-000000000002', displayName: 'no-owners', owners: [] },
  ],
});

const SERVICE_PRINCIPALS = JSON.stringify({
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals',
  value: [{ id: 'd1000000-0000-4000-8000-000000000001', appId: 'e0000000-0000-4000-8000-000000000001', displayName: 'billing-export', servicePrincipalType: 'Application', owners: [{ '@odata.type': '#microsoft.graph.user', id: 'f0000000-0000-4000-8000-000000000003', userPrincipalName: 'carla@contoso.com' }] }],
});

describe('Graph relations: manager and owners', () => {
  it('keeps each user\'s manager and each app registration\'s and service principal\'s owners', async () => {
    writeFileSync(join(dir, 'users.json'), USERS);
    writeFileSync(join(dir, 'applications.json'), APPLICATIONS);
    writeFileSync(join(dir, 'servicePrincipals.json'), SERVICE_PRINCIPALS);
    const store = await openStore(':memory:');
    try {
      const summary = await importPaths(store, [dir]);
      expect(summary.files.map((file) => [file.stored, file.quarantined, file.error])).toEqual([[2, 0, null], [1, 0, null], [3, 0, null]]);
      expect(await store.all("SELECT id, manager_id FROM identities WHERE kind = 'user' ORDER BY id")).toEqual([
        { id: 'a0000000-0000-4000-8000-000000000001', manager_id: 'b0000000-0000-4000-8000-000000000002' },
        { id: 'a0000000-0000-4000-8000-000000000003', manager_id: 'c0000000-0000-4000-8000-000000000004' },
        { id: 'a0000000-0000-4000-8000-000000000005', manager_id: null },
      ]);
      expect(await store.all('SELECT object_id, object_kind, owner_id, owner_upn, owner_display_name, owner_type FROM directory_owners ORDER BY object_id, owner_id')).toEqual([
        { object_id: 'd0000000-0000-4000-8000-000000000001', object_kind: 'application', owner_id: 'f0000000-0000-4000-8000-000000000001', owner_upn: 'ben@contoso.com', owner_display_name: 'Ben Billing', owner_type: 'user' },
        { object_id: 'd0000000-0000-4000-8000-000000000001', object_kind: 'application', owner_id: 'f0000000-0000-4000-8000-000000000002', owner_upn: null, owner_display_name: 'provisioning-sp', owner_type: 'servicePrincipal' },
        { object_id: 'd1000000-0000-4000-8000-000000000001', object_kind: 'servicePrincipal', owner_id: 'f0000000-0000-4000-8000-000000000003', owner_upn: 'carla@contoso.com', owner_display_name: null, owner_type: 'user' },
      ]);
    } finally {
      store.close();
    }
  });
});
