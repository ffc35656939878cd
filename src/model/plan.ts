import type { AuthMethod } from './scan-finding.js';

/** What an identity moves to (or what is done with it). */
export type PlanTargetKind =
  | 'managed-identity'
  | 'workload-identity-federation'
  | 'service-principal-certificate'
  | 'phishing-resistant-mfa'
  | 'enroll-mfa'
  | 'retire';

export type FederationPlatform = 'github-actions' | 'azure-pipelines' | 'kubernetes' | 'terraform-cloud';

/** One federated identity credential to create: issuer + subject, or a claims-matching expression (flexible credential). */
export interface FederatedSubject {
  issuer: string;
  /** Exact subject, or null for a flexible credential. */
  subject: string | null;
  /** Flexible federated credential (claimsMatchingExpression), e.g. `claims['sub'] matches 'repo:o/r:ref:refs/heads/release/*'`. */
  claimsMatchingExpression: string | null;
  /** Where in the code it was read from (file:line) and how. */
  from: string;
  /** Parts the code cannot give (e.g. the Azure DevOps organization id, an AKS cluster's issuer URL), to fill in. */
  unresolved: string[];
}

export interface PlanTarget {
  kind: PlanTargetKind;
  /** managed-identity: system-assigned on one resource, or user-assigned shared by several. */
  assignment: 'system-assigned' | 'user-assigned' | null;
  platform: FederationPlatform | null;
  /** The new identity's proposed name. */
  name: string | null;
  /** Federated credentials to create (workload-identity-federation). */
  subjects: FederatedSubject[];
  /** Resources or addresses the identity is attached to or runs from. */
  runsOn: string[];
  reasons: string[];
}

export interface CustomRoleProposal {
  name: string;
  /** Narrowest scope holding every observed operation, one per subscription: where the role is assigned. */
  scopes: string[];
  /** The subscriptions those scopes lie in: where the role definition can be assigned. */
  assignableScopes: string[];
  /** Observed create/update and action operations, as RBAC actions. */
  actions: string[];
  /** Observed deletes, listed apart so they can be dropped or kept knowingly. */
  deleteActions: string[];
  /** Reads the workload needs but the Activity log does not record, inferred from the writes. */
  readActions: string[];
  /** Operations observed (events) per action. */
  observed: { action: string; count: number; resources: number }[];
}

export interface RankedBuiltInRole {
  id: string;
  name: string;
  /** Observed actions the role allows, of all observed. */
  covers: number;
  of: number;
  /** The role's permissions beyond what was observed, counted and listed (broader wildcards included). */
  excess: number;
  excessPermissions: string[];
}

export interface RoleAssignmentChange {
  roleName: string;
  roleDefinitionId: string;
  scope: string;
  /** Why it would be removed or kept. */
  why: string;
}

export interface LeastPrivilege {
  /** Null when no operation was observed (reads are not logged). */
  custom: CustomRoleProposal | null;
  builtIn: readonly RankedBuiltInRole[];
  /** Whether the built-in catalog holds every role (a partial one can miss a narrower role). */
  catalogComplete: boolean;
  currentAssignments: RoleAssignmentChange[];
  /** Current assignments the new identity would not get. */
  remove: RoleAssignmentChange[];
  notes: string[];
}

export interface AutomationChange {
  file: string;
  line: number;
  authMethod: AuthMethod;
  /** What to change there. */
  change: string;
  /** Whether `plan --emit patch` writes a unified diff for it. */
  patch: boolean;
}

export type MigrationStage = 'planned' | 'new-identity-active' | 'old-account-quiet' | 'ready-to-retire';
export const MIGRATION_STAGES: readonly MigrationStage[] = ['planned', 'new-identity-active', 'old-account-quiet', 'ready-to-retire'];

export interface StageStatus {
  stage: MigrationStage;
  detail: string;
  /** The command that disables the old account, once ready to retire (disable first, delete later). */
  command: string | null;
}

/** One identity's migration plan: `plan` (one or --all) and `analyze --format json` (`plan`, additive). */
export interface MigrationPlan {
  target: PlanTarget;
  leastPrivilege: LeastPrivilege | null;
  automation: AutomationChange[];
  /** Secrets and variables that hold the old password: delete them after the cut-over. */
  secrets: string[];
  stage: StageStatus;
}
