import { BUILT_IN_ROLES, builtInRoleById, type BuiltInRoleCatalog } from '../../../catalog/azure-built-in-roles.js';
import type { CustomRoleProposal, LeastPrivilege, RoleAssignmentChange } from '../../../model/plan.js';
import { scopeContains } from './arm-scope.js';
import { customRoleFor, type ObservedAction } from './custom-role.js';
import { rankBuiltInRoles } from './rank-built-in-roles.js';
import { roleAllows } from './rbac-action.js';

/** An Azure RBAC assignment the old account holds now (Resource Graph `authorizationresources`). */
export interface CurrentAssignment {
  roleDefinitionId: string;
  roleName: string | null;
  scope: string;
}

function describe(assignment: CurrentAssignment): Pick<RoleAssignmentChange, 'roleName' | 'roleDefinitionId' | 'scope'> {
  const known = builtInRoleById(assignment.roleDefinitionId);
  return { roleName: assignment.roleName ?? known?.name ?? assignment.roleDefinitionId, roleDefinitionId: assignment.roleDefinitionId, scope: assignment.scope };
}

/** Why an assignment goes: what of it the workload used, against what the new identity gets. */
function removal(assignment: CurrentAssignment, custom: CustomRoleProposal | null): RoleAssignmentChange {
  const base = describe(assignment);
  if (custom === null) return { ...base, why: 'No write, delete or action by the account in the Activity log: the new identity gets none of it (reads need Reader at most).' };
  const needed = [...custom.actions, ...custom.deleteActions];
  const role = builtInRoleById(assignment.roleDefinitionId);
  const used = role ? needed.filter((action) => roleAllows(role, action)).length : null;
  const outside = custom.scopes.filter((scope) => !scopeContains(assignment.scope, scope)).length;
  const usedText = used === null ? 'a role not in the built-in catalog' : `${used} of its permissions used (${needed.length} observed action${needed.length === 1 ? '' : 's'})`;
  const scopeText = custom.scopes.every((scope) => scope === assignment.scope.toLowerCase())
    ? 'at the same scope'
    : outside === custom.scopes.length
      ? 'elsewhere'
      : `at ${custom.scopes.length === 1 ? 'a narrower scope' : 'narrower scopes'}`;
  return { ...base, why: `${usedText}; the new identity gets "${custom.name}" ${scopeText} instead, and the old account is disabled.` };
}

/**
 * Least privilege from observed use: the custom role of exactly the observed actions, the closest built-in roles
 * with what each grants beyond them, and the account's current assignments, all of which go with the account.
 */
export function leastPrivilege(roleName: string, observed: readonly ObservedAction[], current: readonly CurrentAssignment[], catalog: BuiltInRoleCatalog = BUILT_IN_ROLES): LeastPrivilege {
  const custom = customRoleFor(roleName, observed);
  const needed = custom ? [...custom.actions, ...custom.deleteActions] : [];
  const notes: string[] = [];
  if (custom === null) notes.push('No write, delete or action in the Activity log for this account: reads are not logged, so no custom role can be derived; grant Reader at the narrowest scope its job reads, or nothing if it reads none.');
  if (custom && custom.deleteActions.length > 0) notes.push(`Deletes are listed apart (${custom.deleteActions.join(', ')}): keep them only if the job must delete.`);
  if (current.length === 0) notes.push('No Azure role assignment of the account was imported (import Resource Graph authorizationresources to compare and see what would be removed).');
  if (!catalog.complete) notes.push(`The built-in role catalog is partial (${catalog.roles.length} roles, read ${catalog.retrieved}): a narrower role may exist; refresh it with scripts/refresh-built-in-roles.ts.`);
  const builtIn = rankBuiltInRoles(catalog.roles, needed);
  const best = builtIn[0];
  if (best && best.covers === best.of && best.excess > 0 && custom) {
    const everything = best.excessPermissions.some((permission) => permission === '*' || permission.startsWith('* '));
    const grants = everything ? 'allows every action (*)' : `grants ${best.excess} permission${best.excess === 1 ? '' : 's'}`;
    notes.push(`The closest built-in role, ${best.name}, ${grants} beyond the ${needed.length} observed: prefer the custom role.`);
  }
  const currentAssignments = current.map((assignment) => ({ ...describe(assignment), why: 'held now' }));
  return { custom, builtIn, catalogComplete: catalog.complete, currentAssignments, remove: current.map((assignment) => removal(assignment, custom)), notes };
}
