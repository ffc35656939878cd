import type { BuiltInRole } from '../../../catalog/azure-built-in-roles.js';

/**
 * Azure RBAC action strings compare without case, and `*` stands for any run of characters, slashes included
 * (`Microsoft.Web/*` allows `microsoft.web/sites/config/write`; `*\/read` every read).
 */
const compiled = new Map<string, RegExp>();

function patternRegex(pattern: string): RegExp {
  const known = compiled.get(pattern);
  if (known) return known;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'iu');
  compiled.set(pattern, regex);
  return regex;
}

export function actionMatches(pattern: string, action: string): boolean {
  return patternRegex(pattern).test(action);
}

/** Whether a role's control-plane permissions allow an action (an action listed in notActions is taken away). */
export function roleAllows(role: Pick<BuiltInRole, 'actions' | 'notActions'>, action: string): boolean {
  return role.actions.some((pattern) => actionMatches(pattern, action)) && !role.notActions.some((pattern) => actionMatches(pattern, action));
}

/**
 * How much a permission grants, for ranking: everything (`*`) ≫ all reads (`*\/read`) ≫ a provider (`Ns/*`) ≫ a
 * resource type's operations (`Ns/type/*`) ≫ one action. Not a count of operations (the catalog has none), an order.
 */
export function breadth(pattern: string): number {
  if (pattern === '*') return 10_000;
  if (pattern.startsWith('*')) return 1_000;
  if (!pattern.includes('*')) return 1;
  const fixed = pattern.slice(0, pattern.indexOf('*')).split('/').filter((part) => part.length > 0).length;
  return fixed <= 1 ? 100 : fixed === 2 ? 10 : 3;
}
