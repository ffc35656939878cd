import { DIRECTORY_OWNERS } from '../../../store/columns.js';
import type { RowValues } from '../../../store/write-rows.js';
import type { TableSpec } from '../../../store/columns.js';
import { isRecord, lower, text } from '../framework/values.js';

/**
 * Relations Graph gives only when asked to expand them: a user's manager (`$expand=manager`) and the owners of an app
 * registration or service principal (`$expand=owners`). The first evidence of who is accountable for an account.
 */

/** The object ID at the end of a Graph URL: `https://graph.microsoft.com/v1.0/users/{id}` or `…/directoryObjects('{id}')`. */
function idFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const last = decodeURIComponent(path.split('/').filter((part) => part.length > 0).at(-1) ?? '');
  const quoted = last.indexOf("('");
  const id = quoted >= 0 ? last.slice(quoted + 2, last.endsWith("')") ? -2 : undefined) : last;
  return id.length > 0 ? id.toLowerCase() : null;
}

/** A user's manager: the `manager` expansion's id, else the object a `manager@odata.bind` points at (the shape a provisioning export writes). */
export function managerIdOf(user: Record<string, unknown>): string | null {
  const manager = user['manager'];
  if (isRecord(manager)) return lower(manager['id']);
  const bind = text(user['manager@odata.bind']);
  return bind === null ? null : idFromUrl(bind);
}

/** One row per owner of an app registration or service principal, from its `owners` expansion. */
export function ownerRows(objectId: string, objectKind: 'application' | 'servicePrincipal' | 'managedIdentity', object: Record<string, unknown>): { table: TableSpec; row: RowValues }[] {
  const owners = object['owners'];
  if (!Array.isArray(owners)) return [];
  const rows: { table: TableSpec; row: RowValues }[] = [];
  for (const owner of owners) {
    if (!isRecord(owner)) continue;
    const ownerId = lower(owner['id']);
    if (ownerId === null) continue;
    const type = text(owner['@odata.type']);
    rows.push({
      table: DIRECTORY_OWNERS,
      row: {
        object_id: objectId, object_kind: objectKind, owner_id: ownerId, owner_upn: lower(owner['userPrincipalName']), owner_display_name: text(owner['displayName']),
        owner_type: type === null ? null : type.replace(/^#microsoft\.graph\./u, ''),
      },
    });
  }
  return rows;
}
