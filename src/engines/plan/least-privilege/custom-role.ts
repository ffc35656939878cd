import type { OperationKind } from '../../../model/operation.js';
import type { CustomRoleProposal } from '../../../model/plan.js';
import { narrowestScopes } from './arm-scope.js';

/** One action an identity performed in the window, aggregated from the Activity log. */
export interface ObservedAction {
  /** RBAC action as the Activity log names it, lower-case, e.g. `microsoft.web/sites/config/write`. */
  action: string;
  kind: OperationKind;
  /** Events that succeeded, or were refused only by an MFA policy (the job needs them all the same). */
  count: number;
  /** Distinct resources acted on. */
  resources: number;
  /** Some of those resources (the loader keeps at most a fixed number per action, so memory stays bounded). */
  resourceIds: string[];
  /** Resource groups (or subscriptions) of all of them, for the scope when resourceIds had to be cut. */
  groupScopes: string[];
}

/** Reads a write implies: the CLI, PowerShell and Terraform read a resource before they change it. */
function impliedRead(action: string): string | null {
  const match = /^(?<type>.+)\/(?:write|delete)$/u.exec(action);
  return match?.groups?.['type'] ? `${match.groups['type']}/read` : null;
}

/**
 * The custom role for exactly what was observed: writes and actions, deletes listed apart, the reads they imply,
 * at the narrowest scope per subscription. Null when nothing was observed (reads alone never reach the Activity log).
 */
export function customRoleFor(name: string, observed: readonly ObservedAction[]): CustomRoleProposal | null {
  const kept = observed.filter((entry) => entry.kind !== 'read' && entry.count > 0);
  if (kept.length === 0) return null;
  const actions = new Set<string>();
  const deletes = new Set<string>();
  const reads = new Set<string>(['microsoft.resources/subscriptions/resourcegroups/read']);
  const scopeInputs: string[] = [];
  for (const entry of kept) {
    (entry.kind === 'delete' ? deletes : actions).add(entry.action);
    const read = impliedRead(entry.action);
    if (read) reads.add(read);
    // When the loader cut the resource list, the groups stand for the resources it left out.
    scopeInputs.push(...(entry.resourceIds.length < entry.resources ? entry.groupScopes : entry.resourceIds));
  }
  const scopes = narrowestScopes(scopeInputs);
  return {
    name,
    scopes,
    assignableScopes: [...new Set(scopes.map((scope) => scope.split('/').slice(0, 3).join('/')))].sort(),
    actions: [...actions].sort(),
    deleteActions: [...deletes].sort(),
    readActions: [...reads].filter((read) => !actions.has(read)).sort(),
    observed: [...kept].sort((a, b) => b.count - a.count || a.action.localeCompare(b.action)).map((entry) => ({ action: entry.action, count: entry.count, resources: entry.resources })),
  };
}
