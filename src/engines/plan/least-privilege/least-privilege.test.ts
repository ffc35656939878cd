import { describe, expect, it } from 'vitest';
import { leastPrivilege } from './least-privilege.js';
import type { ObservedAction } from './custom-role.js';
import { narrowestScopes } from './arm-scope.js';

const SHARED = '/subscriptions/aae4a249-d0d7-4882-94e8-a429874e3694';
const NONPROD = '/subscriptions/5b1c7d2e-0000-4000-8000-000000000002';

function observed(action: string, kind: ObservedAction['kind'], resourceIds: string[], count = resourceIds.length): ObservedAction {
  const groups = [...new Set(resourceIds.map((id) => id.split('/').slice(0, 5).join('/')))];
  return { action, kind, count, resources: resourceIds.length, resourceIds, groupScopes: groups };
}

const vm = (name: string): string => `${SHARED}/resourcegroups/rg-vm-maintenance/providers/microsoft.compute/virtualmachines/${name}`;

describe('least privilege from observed operations', () => {
  it('gives a VM job the three actions it used, on its resource group, and ranks Virtual Machine Contributor first', () => {
    const plan = leastPrivilege('svc-vm-cli workload', [
      observed('microsoft.compute/virtualmachines/write', 'update', [vm('vm-app-01'), vm('vm-app-02'), vm('vm-build-01')], 720),
      observed('microsoft.compute/virtualmachines/deallocate/action', 'action', [vm('vm-build-01')], 30),
      observed('microsoft.compute/virtualmachines/start/action', 'action', [vm('vm-build-01')], 30),
    ], []);
    expect(plan.custom).toEqual({
      name: 'svc-vm-cli workload',
      scopes: [`${SHARED}/resourcegroups/rg-vm-maintenance`],
      assignableScopes: [SHARED],
      actions: ['microsoft.compute/virtualmachines/deallocate/action', 'microsoft.compute/virtualmachines/start/action', 'microsoft.compute/virtualmachines/write'],
      deleteActions: [],
      readActions: ['microsoft.compute/virtualmachines/read', 'microsoft.resources/subscriptions/resourcegroups/read'],
      observed: [
        { action: 'microsoft.compute/virtualmachines/write', count: 720, resources: 3 },
        { action: 'microsoft.compute/virtualmachines/deallocate/action', count: 30, resources: 1 },
        { action: 'microsoft.compute/virtualmachines/start/action', count: 30, resources: 1 },
      ],
    });
    expect(plan.builtIn.map((role) => [role.name, role.covers, role.of])).toEqual([
      ['Virtual Machine Contributor', 3, 3],
      ['Contributor', 3, 3],
      ['Owner', 3, 3],
    ]);
    expect(plan.builtIn[0]?.excessPermissions.slice(0, 3)).toEqual(['Microsoft.Compute/availabilitySets/*', 'Microsoft.Compute/locations/*', 'Microsoft.Compute/virtualMachines/* (broader than the 3 observed)']);
    expect(plan.builtIn[0]?.excess).toBe(39);
  });

  it('narrows the scope to the one resource when every operation is on it', () => {
    expect(narrowestScopes([`${SHARED}/resourcegroups/rg-web-shared/providers/microsoft.web/sites/app-intranet/config/appsettings`, `${SHARED}/resourcegroups/rg-web-shared/providers/microsoft.web/sites/app-intranet/config/web`])).toEqual([
      `${SHARED}/resourcegroups/rg-web-shared/providers/microsoft.web/sites/app-intranet`,
    ]);
  });

  it('keeps one scope per subscription; the best built-in role for networks plus a key vault is Contributor, far broader', () => {
    const nonprod = `${NONPROD}/resourcegroups/rg-platform-nonprod/providers/microsoft.network`;
    const plan = leastPrivilege('svc-terraform workload', [
      observed('microsoft.network/virtualnetworks/write', 'update', [`${nonprod}/virtualnetworks/vnet-nonprod-01`, `${nonprod}/virtualnetworks/vnet-nonprod-02`], 92),
      observed('microsoft.network/networksecuritygroups/securityrules/write', 'update', [`${nonprod}/networksecuritygroups/nsg-app/securityrules/allow-https`], 87),
      observed('microsoft.keyvault/vaults/write', 'update', [`${SHARED}/resourcegroups/rg-platform-shared/providers/microsoft.keyvault/vaults/kv-platform-shared`], 86),
    ], [{ roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', roleName: null, scope: NONPROD }]);
    expect(plan.custom?.scopes).toEqual([`${NONPROD}/resourcegroups/rg-platform-nonprod`, `${SHARED}/resourcegroups/rg-platform-shared/providers/microsoft.keyvault/vaults/kv-platform-shared`]);
    expect(plan.custom?.assignableScopes).toEqual([NONPROD, SHARED]);
    expect(plan.builtIn.map((role) => `${role.name} ${role.covers}/${role.of}`)).toEqual(['Contributor 3/3', 'Owner 3/3', 'Network Contributor 2/3', 'Key Vault Contributor 1/3']);
    expect(plan.builtIn[0]?.excessPermissions).toEqual(['* (broader than the 3 observed)']);
    expect(plan.notes).toContain('The closest built-in role, Contributor, allows every action (*) beyond the 3 observed: prefer the custom role.');
    expect(plan.remove).toEqual([
      {
        roleName: 'Owner',
        roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        scope: NONPROD,
        why: '3 of its permissions used (3 observed actions); the new identity gets "svc-terraform workload" at narrower scopes instead, and the old account is disabled.',
      },
    ]);
  });

  it('lists deletes apart and finds the snapshot role', () => {
    const rg = `${SHARED}/resourcegroups/rg-backup/providers/microsoft.compute/snapshots`;
    const plan = leastPrivilege('svc-backup workload', [observed('microsoft.compute/snapshots/write', 'create', [`${rg}/snap-a-1`], 90), observed('microsoft.compute/snapshots/delete', 'delete', [`${rg}/snap-a-0`], 90)], []);
    expect([plan.custom?.actions, plan.custom?.deleteActions, plan.custom?.scopes]).toEqual([['microsoft.compute/snapshots/write'], ['microsoft.compute/snapshots/delete'], [`${SHARED}/resourcegroups/rg-backup`]]);
    expect(plan.builtIn[0]?.name).toBe('Disk Snapshot Contributor');
    expect(plan.notes[0]).toBe('Deletes are listed apart (microsoft.compute/snapshots/delete): keep them only if the job must delete.');
  });

  it('derives no custom role from reads alone and says why', () => {
    const plan = leastPrivilege('reader', [], []);
    expect([plan.custom, plan.builtIn]).toEqual([null, []]);
    expect(plan.notes[0]).toMatch(/^No write, delete or action in the Activity log/u);
  });
});
