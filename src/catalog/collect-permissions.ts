import { z } from 'zod';
import { SOURCES } from './sources.js';

/**
 * The read-only permissions `collect` asks for, and what the analysis loses without each one. The preflight and the
 * collection summary quote `costs` word for word, and a missing permission is recorded as a gap, never as a finding.
 */
export type PermissionId =
  | 'AuditLog.Read.All'
  | 'Directory.Read.All'
  | 'Policy.Read.All'
  | 'RoleManagement.Read.Directory'
  | 'Reader'
  | 'Log Analytics Reader';

const permissionSchema = z.object({
  id: z.enum(['AuditLog.Read.All', 'Directory.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'Reader', 'Log Analytics Reader']),
  /** 'graph': a Microsoft Graph application or delegated permission; 'azure': an Azure RBAC role on the subscriptions or workspace. */
  kind: z.enum(['graph', 'azure']),
  reads: z.string().min(1),
  costs: z.string().min(1),
  source: z.url(),
});

export type Permission = z.infer<typeof permissionSchema>;

export const COLLECT_PERMISSIONS = z.array(permissionSchema).parse([
  {
    id: 'AuditLog.Read.All',
    kind: 'graph',
    reads: 'sign-in logs (beta auditLogs/signIns), directory audits (auditLogs/directoryAudits), users\' signInActivity and manager, userRegistrationDetails',
    costs: 'sign-ins unavailable; verdicts will be unknown',
    source: SOURCES.graphListSignIns,
  },
  {
    id: 'Directory.Read.All',
    kind: 'graph',
    reads: 'users, service principals, applications and their federated credentials and owners, group members',
    costs: 'directory objects unavailable; identities are known only from their sign-ins, with no licences, credentials or owners',
    source: SOURCES.graphPermissions,
  },
  {
    id: 'Policy.Read.All',
    kind: 'graph',
    reads: 'Conditional Access policies and named locations',
    costs: 'Conditional Access unavailable; break-glass exclusions and trusted locations cannot be seen',
    source: SOURCES.graphPermissions,
  },
  {
    id: 'RoleManagement.Read.Directory',
    kind: 'graph',
    reads: 'directory role assignments',
    costs: 'directory roles unavailable; administrators and break-glass accounts are harder to tell',
    source: SOURCES.graphPermissions,
  },
  {
    id: 'Reader',
    kind: 'azure',
    reads: 'subscriptions, the Administrative Activity log, role assignments (Resource Graph), MFA policy states, the portal\'s MFA enforcement date',
    costs: 'Activity log unavailable; ARM writes cannot be told from reads, so ARM access without MFA is at-risk rather than breaks',
    source: SOURCES.activityLogRest,
  },
  {
    id: 'Log Analytics Reader',
    kind: 'azure',
    reads: 'the workspace holding SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs and AzureActivity',
    costs: 'the feature queries cannot run in the workspace; collect the sign-ins through Graph instead',
    source: SOURCES.logAnalyticsLimits,
  },
]);

export function permissionById(id: PermissionId): Permission {
  const found = COLLECT_PERMISSIONS.find((entry) => entry.id === id);
  if (!found) throw new Error(`catalog has no permission ${id}`);
  return found;
}
