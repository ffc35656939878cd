import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../../catalog/azure-built-in-roles.js';
import { actionMatches, roleAllows } from './rbac-action.js';
import { rankBuiltInRoles } from './rank-built-in-roles.js';

describe('Azure RBAC action patterns', () => {
  it.each([
    ['Microsoft.Compute/virtualMachines/start/action', 'microsoft.compute/virtualmachines/start/action', true],
    ['Microsoft.Compute/virtualMachines/start/action', 'Microsoft.Compute/virtualMachines/start/actions', false],
    ['Microsoft.Web/*', 'microsoft.web/sites/config/write', true],
    ['Microsoft.Web/*', 'Microsoft.WebX/sites/write', false],
    ['*', 'Microsoft.Storage/storageAccounts/delete', true],
    ['*/read', 'Microsoft.Storage/storageAccounts/read', true],
    ['*/read', 'Microsoft.Storage/storageAccounts/write', false],
    ['Microsoft.Authorization/*/read', 'MICROSOFT.AUTHORIZATION/roleAssignments/read', true],
    ['Microsoft.Authorization/*/read', 'Microsoft.Authorization/roleAssignments/write', false],
    ['Microsoft.Network/locations/*/checkDnsNameAvailability/read', 'Microsoft.Network/locations/westeurope/checkDnsNameAvailability/read', true],
    // Dots are literal, not "any character".
    ['Microsoft.Web/sites.config/write', 'Microsoft.Web/sitesXconfig/write', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it('takes notActions away', () => {
    const role = { actions: ['Microsoft.Storage/*'], notActions: ['Microsoft.Storage/storageAccounts/delete'] };
    expect(roleAllows(role, 'Microsoft.Storage/storageAccounts/write')).toBe(true);
    expect(roleAllows(role, 'microsoft.storage/storageaccounts/delete')).toBe(false);
  });

  it('ranks a set of actions once and hands the same frozen ranking to the next identity that observed it', () => {
    const needed = ['Microsoft.Compute/virtualMachines/start/action', 'Microsoft.Compute/virtualMachines/deallocate/action'];
    const first = rankBuiltInRoles(BUILT_IN_ROLES.roles, needed);
    const again = rankBuiltInRoles(BUILT_IN_ROLES.roles, [...needed]);
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && first.every((role) => Object.isFrozen(role) && Object.isFrozen(role.excessPermissions))).toBe(true);
    expect(first[0]?.name).toBe('Virtual Machine Contributor');
    expect(rankBuiltInRoles(BUILT_IN_ROLES.roles, needed, 2)).toHaveLength(2);
  });
});
