import { z } from 'zod';
import type { DirectoryFacts, NamedLocationFacts } from '../model/access-facts.js';
import { caPolicySchema, type CaPolicy } from '../model/conditional-access-policy.js';
import type { Store } from '../store/store.js';
import { sqlList } from '../store/sql-literal.js';

/**
 * What the what-if evaluator reads from the directory, limited to what the policies name: the transitive members of
 * the groups they include or exclude (group_members holds Graph's transitiveMembers; nested groups are followed here
 * too, for a direct-members export), the holders of the roles they name (members of a role-assignable group included),
 * the users' types, the named locations, and the service principals' owning tenants.
 */

/** How deep nested groups are followed: a cycle stops here instead of looping. */
const MAX_NESTING = 32;

const namedLocationSchema = z.looseObject({
  '@odata.type': z.string().nullish(),
  isTrusted: z.boolean().nullish(),
  ipRanges: z.array(z.unknown()).nullish(),
  countriesAndRegions: z.array(z.string()).nullish(),
  includeUnknownCountriesAndRegions: z.boolean().nullish(),
  countryLookupMethod: z.string().nullish(),
});

function locationOf(id: string, name: string | null, raw: string): NamedLocationFacts | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = namedLocationSchema.safeParse(value);
  if (!parsed.success) return null;
  const location = parsed.data;
  const country = (location['@odata.type'] ?? '').toLowerCase().includes('country') || Array.isArray(location.countriesAndRegions);
  return {
    id,
    name,
    kind: country ? 'country' : 'ip',
    trusted: location.isTrusted === true,
    countries: location.countriesAndRegions ?? [],
    includeUnknownCountries: location.includeUnknownCountriesAndRegions === true,
    lookup: location.countryLookupMethod ?? 'clientIpAddress',
  };
}

function lowerIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** Groups and roles the policies name (included or excluded). */
function named(policies: readonly CaPolicy[]): { groups: string[]; roles: string[] } {
  const groups: string[] = [];
  const roles: string[] = [];
  for (const policy of policies) {
    const users = policy.conditions.users;
    if (users === null) continue;
    groups.push(...users.includeGroups, ...users.excludeGroups);
    roles.push(...users.includeRoles, ...users.excludeRoles);
  }
  return { groups: lowerIds(groups), roles: lowerIds(roles) };
}

function closureSql(roots: string): string {
  return `
WITH RECURSIVE closure(root, member_id, depth) AS (
  SELECT group_id, member_id, 0 FROM group_members WHERE group_id IN (${roots})
  UNION
  SELECT c.root, m.member_id, c.depth + 1 FROM closure c JOIN group_members m ON m.group_id = c.member_id WHERE c.depth < ${MAX_NESTING}
)
SELECT root, list(DISTINCT member_id) AS members FROM closure GROUP BY root`;
}

async function groupMembers(store: Store, groups: readonly string[]): Promise<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>();
  if (groups.length === 0) return map;
  const rows = await store.all<{ root: string; members: string[] }>(closureSql(sqlList(groups)));
  for (const row of rows) map.set(row.root, new Set(row.members));
  return map;
}

async function roleHolders(store: Store, roles: readonly string[]): Promise<{ holders: Map<string, Set<string>>; imported: boolean }> {
  const [count] = await store.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM role_assignments WHERE source = 'directory'");
  const holders = new Map<string, Set<string>>();
  if (roles.length === 0) return { holders, imported: (count?.n ?? 0) > 0 };
  const rows = await store.all<{ role: string; principals: string[] }>(
    `SELECT lower(role_definition_id) AS role, list(DISTINCT principal_id) AS principals FROM role_assignments
     WHERE source = 'directory' AND lower(role_definition_id) IN (${sqlList(roles)}) GROUP BY 1`,
  );
  const principals = [...new Set(rows.flatMap((row) => row.principals))];
  // A role held by a (role-assignable) group is held by its members.
  const viaGroups = await groupMembers(store, principals);
  for (const row of rows) {
    const set = new Set(row.principals);
    for (const principal of row.principals) for (const member of viaGroups.get(principal) ?? []) set.add(member);
    holders.set(row.role, set);
  }
  return { holders, imported: (count?.n ?? 0) > 0 };
}

export interface DirectoryNeeds {
  /** The users' directory userType (guest conditions). */
  userTypes: boolean;
  /** The service principals' owning tenants (workload identity policies). */
  servicePrincipals: boolean;
}

export async function loadCaDirectory(store: Store, policies: readonly CaPolicy[], tenantId: string | null, needs: DirectoryNeeds): Promise<DirectoryFacts> {
  const { groups, roles } = named(policies);
  const roleFacts = await roleHolders(store, roles);
  const userTypes = new Map<string, string>();
  if (needs.userTypes) {
    for (const row of await store.all<{ id: string; user_type: string }>("SELECT id, lower(user_type) AS user_type FROM identities WHERE kind = 'user' AND user_type IS NOT NULL")) userTypes.set(row.id, row.user_type);
  }
  const servicePrincipals = new Map<string, { appOwnerTenantId: string | null; type: string | null }>();
  if (needs.servicePrincipals) {
    const rows = await store.all<{ id: string; owner: string | null; type: string | null }>(
      "SELECT id, app_owner_tenant_id AS owner, service_principal_type AS type FROM identities WHERE kind IN ('servicePrincipal', 'managedIdentity')",
    );
    for (const row of rows) servicePrincipals.set(row.id, { appOwnerTenantId: row.owner, type: row.type });
  }
  const namedLocations = new Map<string, NamedLocationFacts>();
  for (const row of await store.all<{ id: string; display_name: string | null; raw: string | null }>('SELECT id, display_name, CAST(raw AS VARCHAR) AS raw FROM named_locations')) {
    const location = row.raw === null ? null : locationOf(row.id, row.display_name, row.raw);
    if (location) namedLocations.set(row.id, location);
  }
  return { tenantId, groupMembers: await groupMembers(store, groups), roleHolders: roleFacts.holders, rolesImported: roleFacts.imported, userTypes, namedLocations, servicePrincipals };
}

/** A stored policy that could not be read as a Conditional Access policy: reported, not judged. */
export interface UnreadablePolicy {
  id: string;
  reason: string;
}

/** The tenant's Conditional Access policies as imported (every state), each parsed like a policy file's. */
export async function loadStoredPolicies(store: Store): Promise<{ policies: CaPolicy[]; unreadable: UnreadablePolicy[] }> {
  const policies: CaPolicy[] = [];
  const unreadable: UnreadablePolicy[] = [];
  for (const row of await store.all<{ id: string; raw: string }>('SELECT id, CAST(raw AS VARCHAR) AS raw FROM conditional_access_policies ORDER BY id')) {
    let value: unknown;
    try {
      value = JSON.parse(row.raw);
    } catch {
      unreadable.push({ id: row.id, reason: 'its stored record is not JSON' });
      continue;
    }
    const parsed = caPolicySchema.safeParse(value);
    if (parsed.success) policies.push(parsed.data);
    else unreadable.push({ id: row.id, reason: `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  }
  return { policies, unreadable };
}
