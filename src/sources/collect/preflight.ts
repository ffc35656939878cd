import { z } from 'zod';
import { permissionById, type PermissionId } from '../../catalog/collect-permissions.js';
import { isKnownError, PermissionError } from '../../errors.js';
import { defaultScope } from './auth/token-source.js';
import type { CollectContext } from './collect-context.js';
import type { ApiRequest } from './http/api-client.js';
import { GRAPH_HEADERS } from './graph/graph-fields.js';
import { graphUrl } from './graph/graph-url.js';

/**
 * Before collecting, one small request per permission: which are missing, and what each costs. Collection then skips
 * what it cannot read and records it as a gap (the analysis calls the identities it touches unknown), instead of
 * failing half way or, worse, reading "no sign-ins" as "nothing to find".
 */
export interface PermissionCheck {
  permission: PermissionId;
  granted: boolean;
  /** What the analysis loses without it (the catalog's words). */
  costs: string;
}

export interface Preflight {
  checks: PermissionCheck[];
  missing: ReadonlySet<PermissionId>;
  tenantId: string | null;
  /** Whether the tenant has Entra ID P1/P2 (30 days of sign-ins, and the sign-in API at all); null when unknown. */
  premium: boolean | null;
}

const organizationSchema = z.object({
  value: z.array(z.looseObject({ id: z.string(), assignedPlans: z.array(z.looseObject({ service: z.string().nullish(), capabilityStatus: z.string().nullish() })).nullish() })),
});

/** The service name Entra ID P1/P2 plans carry in assignedPlans. */
const PREMIUM_SERVICE = 'AADPremiumService';

async function probe(context: CollectContext, request: ApiRequest): Promise<{ granted: boolean; json: unknown }> {
  try {
    const response = await context.client.request(request);
    return { granted: true, json: response.json };
  } catch (error) {
    if (error instanceof PermissionError) return { granted: false, json: null };
    // Anything else is not a permission question: the collection itself meets it and records it.
    if (isKnownError(error)) return { granted: true, json: null };
    throw error;
  }
}

export async function preflight(context: CollectContext): Promise<Preflight> {
  const graph = (permission: PermissionId, path: string, query: Readonly<Record<string, string | number>>, budget: 'graph-directory' | 'graph-reports' | 'graph-conditional-access', version: 'v1.0' | 'beta' = 'v1.0'): ApiRequest => ({
    method: 'GET',
    url: graphUrl(context.urls.graph, version, path, query),
    headers: GRAPH_HEADERS,
    budget: context.budgets[budget],
    scope: defaultScope(context.urls.graph),
    what: `preflight ${permission}`,
    permission,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const organization = await probe(context, graph('Directory.Read.All', 'organization', { $select: 'id,assignedPlans' }, 'graph-directory'));
  const signIns = await probe(context, graph('AuditLog.Read.All', 'auditLogs/signIns', { $top: 1, $select: 'id' }, 'graph-reports', 'beta'));
  const policies = await probe(context, graph('Policy.Read.All', 'identity/conditionalAccess/policies', { $select: 'id' }, 'graph-conditional-access'));
  const roles = await probe(context, graph('RoleManagement.Read.Directory', 'roleManagement/directory/roleAssignments', { $top: 1 }, 'graph-directory'));
  const arm = await probe(context, {
    method: 'GET',
    url: `${context.urls.arm.replace(/\/+$/u, '')}/subscriptions?api-version=2022-12-01`,
    budget: context.budgets.arm,
    scope: defaultScope(context.urls.arm),
    what: 'preflight Reader',
    permission: 'Reader',
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const subscriptions = z.object({ value: z.array(z.unknown()) }).safeParse(arm.json);
  const results: [PermissionId, boolean][] = [
    ['Directory.Read.All', organization.granted],
    ['AuditLog.Read.All', signIns.granted],
    ['Policy.Read.All', policies.granted],
    ['RoleManagement.Read.Directory', roles.granted],
    // No subscription readable is the same loss as no Reader role.
    ['Reader', arm.granted && (!subscriptions.success || subscriptions.data.value.length > 0)],
  ];
  const checks = results.map(([permission, granted]) => ({ permission, granted, costs: permissionById(permission).costs }));
  const org = organizationSchema.safeParse(organization.json);
  const first = org.success ? org.data.value[0] : undefined;
  const plans = first?.assignedPlans ?? null;
  return {
    checks,
    missing: new Set(checks.filter((check) => !check.granted).map((check) => check.permission)),
    tenantId: first?.id.toLowerCase() ?? null,
    premium: plans === null ? null : plans.some((plan) => plan.service === PREMIUM_SERVICE && (plan.capabilityStatus ?? 'Enabled') === 'Enabled'),
  };
}
