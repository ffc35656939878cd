/**
 * The plan each service account must get: its target, and for the CI accounts the federated credential subject that
 * the sample repository's code and git remotes give (the pipeline files name the job, branch and service connection;
 * `.git/config` names the GitHub repository and the Azure DevOps organization and project).
 */
import type { MigrationStage, PlanTargetKind } from '../../model/plan.js';
import type { ServiceAccountScenarioId } from './scenarios.js';

export interface PlanTruth {
  target: PlanTargetKind;
  assignment: 'system-assigned' | 'user-assigned' | null;
  subject: string | null;
  stage: MigrationStage;
}

function plan(target: PlanTargetKind, stage: MigrationStage = 'planned', extra: Partial<PlanTruth> = {}): PlanTruth {
  return { target, assignment: null, subject: null, stage, ...extra };
}

const SYSTEM_ASSIGNED = { assignment: 'system-assigned' } as const;

/** Null: nothing to plan (the sync account is exempt). */
export const PLAN_TRUTH: Readonly<Record<ServiceAccountScenarioId, PlanTruth | null>> = {
  'svc-vm-cli': plan('managed-identity', 'planned', SYSTEM_ASSIGNED),
  'svc-runbook': plan('service-principal-certificate'),
  'svc-terraform': plan('workload-identity-federation', 'planned', { subject: 'repo:contoso/ops-automation:ref:refs/heads/main' }),
  'svc-inventory': plan('service-principal-certificate'),
  'svc-graph-reports': plan('service-principal-certificate'),
  'svc-custom-ropc': plan('service-principal-certificate'),
  'human-named-service': plan('managed-identity', 'planned', SYSTEM_ASSIGNED),
  'svc-deploy-legacy': plan('workload-identity-federation', 'planned', { subject: 'sc://contoso/Platform/sc-contoso-prod' }),
  'svc-stale': plan('retire', 'ready-to-retire'),
  'svc-migrated': plan('retire', 'ready-to-retire'),
  'svc-backup': plan('service-principal-certificate'),
  'svc-ado-agent': plan('workload-identity-federation', 'planned', { subject: 'sc://contoso/Platform/sc-data-nonprod' }),
  'svc-sql-reader': plan('managed-identity', 'planned', SYSTEM_ASSIGNED),
  'svc-appservice-sdk': plan('managed-identity', 'planned', SYSTEM_ASSIGNED),
  // Disabled, but its job still tries: retire once the job is gone and it has been quiet long enough.
  'svc-disabled': plan('retire'),
  'entra-connect-sync': null,
};
