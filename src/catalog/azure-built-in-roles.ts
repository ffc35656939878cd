import { z } from 'zod';
import { BUILT_IN_ROLE_CATALOG } from './azure-built-in-roles-data.js';

/**
 * Azure built-in role definitions, as Microsoft's built-in roles reference publishes them: only what ranking the
 * closest roles to a workload's observed operations needs. Regenerate with `npx tsx scripts/refresh-built-in-roles.ts
 * <azure-docs checkout>`; the data file says which reference pages it came from and whether it holds every role.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

export const builtInRoleSchema = z.object({
  id: z.string().regex(GUID),
  name: z.string().min(1),
  /** The reference page (built-in-roles/<category>.md) the role is listed on. */
  category: z.string().regex(/^[a-z-]+$/u),
  actions: z.array(z.string().min(1)),
  notActions: z.array(z.string().min(1)),
  dataActions: z.array(z.string().min(1)),
});

export const builtInRoleCatalogSchema = z.object({
  /** The folder of the reference the roles were read from. */
  source: z.string().url(),
  /** When the reference was read (YYYY-MM-DD). */
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  /** Whether every category page was read: a partial catalog can miss a narrower role. */
  complete: z.boolean(),
  roles: z.array(builtInRoleSchema).min(1),
});

export type BuiltInRole = z.infer<typeof builtInRoleSchema>;
export type BuiltInRoleCatalog = z.infer<typeof builtInRoleCatalogSchema>;

/** The reference page a role is documented on. */
export function builtInRolePage(role: Pick<BuiltInRole, 'category'>): string {
  return `https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/${role.category}`;
}

/** The shipped catalog, checked once: a bad regeneration fails loudly instead of ranking nonsense. */
export const BUILT_IN_ROLES: BuiltInRoleCatalog = builtInRoleCatalogSchema.parse(BUILT_IN_ROLE_CATALOG);

export function builtInRoleById(id: string): BuiltInRole | null {
  const wanted = id.toLowerCase().split('/').pop() ?? '';
  return BUILT_IN_ROLES.roles.find((role) => role.id === wanted) ?? null;
}
