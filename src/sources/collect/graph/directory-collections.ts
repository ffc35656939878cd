import { COLLECTION_FACTS, type BudgetId } from '../../../catalog/api-limits.js';
import type { PermissionId } from '../../../catalog/collect-permissions.js';
import type { Store } from '../../../store/store.js';
import { sqlList } from '../../../store/sql-literal.js';
import type { FileBatch } from '../../import/framework/file-batch.js';
import { isRecord } from '../../import/framework/values.js';
import { GRAPH_NORMALISERS } from '../../import/graph-json/graph-json-format.js';
import type { GraphEntity } from '../../import/graph-json/classify-graph-object.js';
import { defaultScope } from '../auth/token-source.js';
import type { Affects } from '../checkpoints.js';
import type { CollectContext } from '../collect-context.js';
import { walk, type WalkSpec } from '../walk.js';
import { GRAPH_HEADERS, SERVICE_PRINCIPAL_SELECT, USER_ACTIVITY_SELECT, USER_MANAGER_EXPAND, USER_SELECT } from './graph-fields.js';
import { graphUrl, type GraphVersion } from './graph-url.js';
import { idsOf, storedObjects } from './stored-objects.js';

/**
 * The Graph directory collections, one entry each: where it is read, how (delta, or a whole listing each run), which
 * budget and permission it needs, and which normaliser its records go through (the importers' own). Adding a
 * collection is one entry here.
 */
export interface DirectoryCollection {
  endpoint: string;
  entity: Exclude<GraphEntity, 'signIn' | 'directoryAudit'>;
  version: GraphVersion;
  path: string;
  query: Readonly<Record<string, string | number>>;
  budget: BudgetId;
  permission: PermissionId;
  affects: Affects;
  mode: 'delta' | 'listing';
  /** Where the normalised rows live, for replacing and sweeping them. */
  table: { name: string; key: string; owned: string };
  /** For delta objects: the stored table whose raw object an update is laid over. */
  merge?: 'identities';
  /** Extra records a page needs before it is stored (an application's owners). */
  enrich?: (context: CollectContext, records: unknown[]) => Promise<unknown[]>;
}

export const DIRECTORY_COLLECTIONS: ReadonlyMap<string, DirectoryCollection> = new Map<string, DirectoryCollection>([
  ['graph.users', {
    endpoint: 'graph.users', entity: 'user', version: 'v1.0', path: 'users/delta', query: { $select: USER_SELECT.join(',') },
    budget: 'graph-directory', permission: 'Directory.Read.All', affects: 'directory', mode: 'delta',
    table: { name: 'identities', key: 'id', owned: "kind = 'user'" }, merge: 'identities',
  }],
  ['graph.servicePrincipals', {
    endpoint: 'graph.servicePrincipals', entity: 'servicePrincipal', version: 'v1.0', path: 'servicePrincipals/delta', query: { $select: SERVICE_PRINCIPAL_SELECT.join(',') },
    budget: 'graph-directory', permission: 'Directory.Read.All', affects: 'directory', mode: 'delta',
    table: { name: 'identities', key: 'id', owned: "kind <> 'user'" }, merge: 'identities',
  }],
  ['graph.userRegistrationDetails', {
    endpoint: 'graph.userRegistrationDetails', entity: 'registrationDetails', version: 'beta', path: 'reports/authenticationMethods/userRegistrationDetails', query: {},
    budget: 'graph-reports', permission: 'AuditLog.Read.All', affects: 'registration', mode: 'listing',
    table: { name: 'registration_details', key: 'user_id', owned: 'true' },
  }],
  ['graph.conditionalAccessPolicies', {
    endpoint: 'graph.conditionalAccessPolicies', entity: 'conditionalAccessPolicy', version: 'v1.0', path: 'identity/conditionalAccess/policies', query: {},
    budget: 'graph-conditional-access', permission: 'Policy.Read.All', affects: 'conditional-access', mode: 'listing',
    table: { name: 'conditional_access_policies', key: 'id', owned: 'true' },
  }],
  ['graph.namedLocations', {
    endpoint: 'graph.namedLocations', entity: 'namedLocation', version: 'v1.0', path: 'identity/conditionalAccess/namedLocations', query: {},
    budget: 'graph-conditional-access', permission: 'Policy.Read.All', affects: 'conditional-access', mode: 'listing',
    table: { name: 'named_locations', key: 'id', owned: 'true' },
  }],
  ['graph.directoryRoleAssignments', {
    endpoint: 'graph.directoryRoleAssignments', entity: 'directoryRoleAssignment', version: 'v1.0', path: 'roleManagement/directory/roleAssignments', query: {},
    budget: 'graph-directory', permission: 'RoleManagement.Read.Directory', affects: 'roles', mode: 'listing',
    table: { name: 'role_assignments', key: 'id', owned: "source = 'directory'" },
  }],
]);

/** Normalised keys of a page's records: what the table holds them under (ids are lower-cased, role assignment ids are not). */
function keysOf(collection: DirectoryCollection, records: readonly unknown[]): string[] {
  if (collection.entity === 'directoryRoleAssignment') {
    return records.flatMap((record) => (isRecord(record) && typeof record['id'] === 'string' ? [record['id']] : []));
  }
  return idsOf(records);
}

async function fillDirectory(collection: DirectoryCollection, records: readonly unknown[], batch: FileBatch, store: Store): Promise<void> {
  const normalise = GRAPH_NORMALISERS[collection.entity];
  let stored = new Map<string, Record<string, unknown>>();
  if (collection.merge) {
    // Read what the store holds before the page replaces it: the update is laid over it.
    stored = await storedObjects(store, collection.merge, idsOf(records));
    await deleteReplaced(collection, records, store);
  }
  records.forEach((record, index) => {
    if (!isRecord(record)) {
      batch.quarantine(index + 1, 'not a JSON object', JSON.stringify(record), 'directory');
      return;
    }
    // A delta page reports a deleted object with @removed: the replace step already took it out.
    if ('@removed' in record) return;
    const id = typeof record['id'] === 'string' ? record['id'].toLowerCase() : '';
    const merged = { ...(stored.get(id) ?? {}), ...record };
    const raw = JSON.stringify(merged);
    const outcome = normalise(merged, raw);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(index + 1, outcome.reason, raw, 'directory');
  });
}

/** Rows the page replaces: the objects it brings again, and what was derived from them (their credentials). */
async function deleteReplaced(collection: DirectoryCollection, records: readonly unknown[], store: Store): Promise<void> {
  const keys = keysOf(collection, records);
  if (keys.length === 0) return;
  await store.run(`DELETE FROM ${collection.table.name} WHERE ${collection.table.key} IN (${sqlList(keys)})`);
  if (collection.entity === 'servicePrincipal') await store.run(`DELETE FROM credentials WHERE owner_id IN (${sqlList(keys)})`);
}

export function directoryWalk(context: CollectContext, collection: DirectoryCollection): WalkSpec {
  const spec: WalkSpec = {
    endpoint: collection.endpoint,
    scope: '',
    affects: collection.affects,
    format: 'graph',
    mode: collection.mode,
    request: {
      method: 'GET',
      url: graphUrl(context.urls.graph, collection.version, collection.path, collection.query),
      headers: GRAPH_HEADERS,
      budget: context.budgets[collection.budget],
      scope: defaultScope(context.urls.graph),
      what: `graph ${collection.path}`,
      permission: collection.permission,
      ...(context.signal ? { signal: context.signal } : {}),
    },
    ...(collection.merge ? {} : { replace: (records: readonly unknown[], store: Store) => deleteReplaced(collection, records, store) }),
    fill: (records, batch, store) => fillDirectory(collection, records, batch, store),
  };
  if (collection.mode === 'listing') {
    spec.sweep = async (store, batches) => {
      await store.run(`DELETE FROM ${collection.table.name} WHERE ${collection.table.owned} AND (batch_id IS NULL OR batch_id NOT IN ${batches})`);
    };
  }
  return spec;
}

export async function collectDirectory(context: CollectContext, collection: DirectoryCollection): Promise<void> {
  context.progress.plan(collection.endpoint, 1);
  const outcome = await walk(context, directoryWalk(context, collection));
  context.progress.scopeDone(collection.endpoint, outcome);
}

/**
 * signInActivity: each user's last sign-ins, and their manager, laid over the stored user object (a delta query cannot
 * return either as the importer reads them).
 * Asked with $top 500, the most Graph allows with it.
 */
export async function collectSignInActivity(context: CollectContext): Promise<void> {
  const endpoint = 'graph.users.signInActivity';
  context.progress.plan(endpoint, 1);
  const outcome = await walk(context, {
    endpoint,
    scope: '',
    affects: 'directory',
    format: 'graph',
    mode: 'listing',
    request: {
      method: 'GET',
      url: graphUrl(context.urls.graph, 'v1.0', 'users', { $select: USER_ACTIVITY_SELECT.join(','), $expand: USER_MANAGER_EXPAND, $top: COLLECTION_FACTS.usersWithActivityPageSize.value }),
      headers: GRAPH_HEADERS,
      budget: context.budgets['graph-directory'],
      scope: defaultScope(context.urls.graph),
      what: 'graph users signInActivity',
      permission: 'AuditLog.Read.All',
      ...(context.signal ? { signal: context.signal } : {}),
    },
    fill: async (records, batch, store) => {
      const ids = idsOf(records);
      const stored = await storedObjects(store, 'identities', ids);
      const normalise = GRAPH_NORMALISERS.user;
      const updated: string[] = [];
      for (const record of records) {
        if (!isRecord(record) || typeof record['id'] !== 'string') continue;
        // Only users already stored are updated: an object is never made from its activity alone.
        const base = stored.get(record['id'].toLowerCase());
        if (!base) continue;
        const merged = { ...base, signInActivity: record['signInActivity'] ?? null, manager: record['manager'] ?? null };
        const outcome = normalise(merged, JSON.stringify(merged));
        if (!outcome.ok) continue;
        updated.push(record['id'].toLowerCase());
        batch.add(outcome.record);
      }
      if (updated.length > 0) await store.run(`DELETE FROM identities WHERE id IN (${sqlList(updated)})`);
    },
  });
  context.progress.scopeDone(endpoint, outcome);
}
