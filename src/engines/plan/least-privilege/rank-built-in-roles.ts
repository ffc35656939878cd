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
 * Rankings already made, per catalog and per set of observed actions: identities doing the same job (a team's
 * deployment accounts, a tenant's copies of one runbook) observe the same actions, and a ranking tests every pattern
 * of every role. At most RANKINGS_KEPT are kept per catalog; the rankings are frozen, as they are shared.
 */
const RANKINGS_KEPT = 10_000;
const rankings = new WeakMap<readonly BuiltInRole[], Map<string, readonly RankedBuiltInRole[]>>();

/**
 * The closest built-in roles: those allowing every observed action first, then by how much more they grant
 * (the sum of their extra permissions' breadth), then by name. Roles covering none of the actions are left out.
 */
export function rankBuiltInRoles(roles: readonly BuiltInRole[], needed: readonly string[], limit = 5): readonly RankedBuiltInRole[] {
  if (needed.length === 0) return [];
  const key = `${limit}\u0000${needed.join('\u0000')}`;
  let known = rankings.get(roles);
  if (!known) {
    known = new Map();
    rankings.set(roles, known);
  }
  const kept = known.get(key);
  if (kept) return kept;
  const ranked = deepFreeze(rank(roles, needed, limit));
  if (known.size >= RANKINGS_KEPT) known.clear();
  known.set(key, ranked);
  return ranked;
}

function deepFreeze(ranked: RankedBuiltInRole[]): readonly RankedBuiltInRole[] {
  for (const role of ranked) {
    Object.freeze(role.excessPermissions);
    Object.freeze(role);
  }
  return Object.freeze(ranked);
}

function rank(roles: readonly BuiltInRole[], needed: readonly string[], limit: number): RankedBuiltInRole[] {
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
