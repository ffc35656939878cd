import type { BuiltInRole } from '../../../catalog/azure-built-in-roles.js';
import type { RankedBuiltInRole } from '../../../model/plan.js';
import { actionMatches, breadth, roleAllows } from './rbac-action.js';

/** Permissions nearly every built-in role carries (read roles, deployments, support, alert rules): not counted as excess. */
const HOUSEKEEPING = new Set(
  [
    'Microsoft.Authorization/*/read',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Resources/deployments/*',
    'Microsoft.Support/*',
    'Microsoft.Insights/alertRules/*',
    'Microsoft.ResourceHealth/availabilityStatuses/read',
  ].map((pattern) => pattern.toLowerCase()),
);

interface Scored extends RankedBuiltInRole {
  breadth: number;
}

/**
 * A role's permissions beyond the observed actions: patterns that allow none of them, and wildcards broader than
 * the actions they cover (`Microsoft.Web/sites/*` for one `sites/config/write`). Data actions always count: no
 * control-plane operation needs them.
 */
function excessOf(role: BuiltInRole, needed: readonly string[]): { list: string[]; breadth: number } {
  const list: string[] = [];
  let total = 0;
  for (const pattern of role.actions) {
    if (HOUSEKEEPING.has(pattern.toLowerCase())) continue;
    const used = needed.some((action) => actionMatches(pattern, action));
    if (used && !pattern.includes('*')) continue;
    list.push(used ? `${pattern} (broader than the ${needed.filter((action) => actionMatches(pattern, action)).length} observed)` : pattern);
    total += breadth(pattern);
  }
  for (const pattern of role.dataActions) {
    list.push(`${pattern} (data)`);
    total += breadth(pattern);
  }
  return { list, breadth: total };
}

/**
 * The closest built-in roles: those allowing every observed action first, then by how much more they grant
 * (the sum of their extra permissions' breadth), then by name. Roles covering none of the actions are left out.
 */
export function rankBuiltInRoles(roles: readonly BuiltInRole[], needed: readonly string[], limit = 5): RankedBuiltInRole[] {
  if (needed.length === 0) return [];
  const scored: Scored[] = [];
  for (const role of roles) {
    const covers = needed.filter((action) => roleAllows(role, action)).length;
    if (covers === 0) continue;
    const excess = excessOf(role, needed);
    scored.push({ id: role.id, name: role.name, covers, of: needed.length, excess: excess.list.length, excessPermissions: excess.list, breadth: excess.breadth });
  }
  scored.sort((a, b) => b.covers - a.covers || a.breadth - b.breadth || a.excess - b.excess || a.name.localeCompare(b.name, 'en'));
  return scored.slice(0, limit).map(({ breadth: _breadth, ...ranked }) => ranked);
}
