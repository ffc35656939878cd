import type { AccessFacts, DirectoryFacts } from '../../../model/access-facts.js';
import { allOf, anyOf, not, unknown, type Answer } from '../answers.js';
import type { CaPolicy } from '../../../model/conditional-access-policy.js';

/** The keyword for every service principal registered in the tenant (single-tenant apps the organisation owns). */
const IN_MY_TENANT = 'ServicePrincipalsInMyTenant';

function inMyTenant(facts: AccessFacts, directory: DirectoryFacts): Answer {
  const sp = directory.servicePrincipals.get(facts.principalId);
  if (sp === undefined || sp.appOwnerTenantId === null || directory.tenantId === null) return unknown('clientApplications.includeServicePrincipals');
  // Managed identities are outside workload identity Conditional Access.
  if (sp.type === 'ManagedIdentity') return 'no';
  return sp.appOwnerTenantId === directory.tenantId ? 'yes' : 'no';
}

function names(ids: readonly string[], facts: AccessFacts, directory: DirectoryFacts): Answer {
  return anyOf(ids.map((id) => (id === IN_MY_TENANT ? inMyTenant(facts, directory) : id.toLowerCase() === facts.principalId ? 'yes' : 'no')));
}

/**
 * The workload identity condition (clientApplications): which service principals a policy takes in. Applies to
 * service-principal sign-ins only; managed identities are not covered by Conditional Access (SOURCES.caWorkloadIdentities).
 */
export function clientApplicationsCondition(policy: CaPolicy, facts: AccessFacts, directory: DirectoryFacts): Answer {
  const clients = policy.conditions.clientApplications;
  if (clients === null || clients.includeServicePrincipals.length === 0) return 'no';
  const included = names(clients.includeServicePrincipals, facts, directory);
  if (included === 'no') return 'no';
  if (clients.servicePrincipalFilter !== null) return unknown('clientApplications.servicePrincipalFilter');
  return allOf([included, not(names(clients.excludeServicePrincipals, facts, directory))]);
}

export function targetsWorkloads(policy: CaPolicy): boolean {
  return (policy.conditions.clientApplications?.includeServicePrincipals.length ?? 0) > 0;
}
