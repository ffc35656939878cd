import type { BuiltInRole } from '../../../catalog/azure-built-in-roles.js';

/**
 * Azure RBAC action strings compare without case, and `*` stands for any run of characters, slashes included
 * (`Microsoft.Web/*` allows `microsoft.web/sites/config/write`; `*\/read` every read).
 * Each pattern is compiled once into a test on the lower-cased action: most patterns are a plain action or one
 * prefix before a trailing `*`, which need no regular expression (the planner tests every built-in role's patterns
 * against every observed action of every identity).
 */
type ActionTest = (lowerAction: string) => boolean;
const compiled = new Map<string, ActionTest>();

function testFor(pattern: string): ActionTest {
  const known = compiled.get(pattern);
  if (known) return known;
  const lower = pattern.toLowerCase();
  const star = lower.indexOf('*');
  let test: ActionTest;
  if (star < 0) test = (action) => action === lower;
  else if (star === lower.length - 1) {
    const prefix = lower.slice(0, -1);
    test = (action) => action.startsWith(prefix);
  } else {
    const source = lower
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
      .join('.*');
    const regex = new RegExp(`^${source}$`, 'u');
    test = (action) => regex.test(action);
  }
  compiled.set(pattern, test);
  return test;
}

export function actionMatches(pattern: string, action: string): boolean {
  return testFor(pattern)(action.toLowerCase());
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
