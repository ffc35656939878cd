import type { IdentityFeatures } from '../../features/identity-features.js';
import type { IdentityAnalysis } from '../../model/analysis.js';
import type { MigrationPlan } from '../../model/plan.js';
import { automationChanges } from './automation-changes.js';
import { chooseTarget } from './choose-target.js';
import { leastPrivilege } from './least-privilege/least-privilege.js';
import { migrationStage } from './migration-stage.js';
import { ObservedActionsDeferred, type CodeFinding, type PlanContext } from './plan-context.js';

/** The code that signs in as the identity: by its UPN, or (an app) its client ID. */
export function linkedFindings(f: IdentityFeatures, context: PlanContext): CodeFinding[] {
  const byUpn = f.upn ? (context.findingsByUpn.get(f.upn.toLowerCase()) ?? []) : [];
  const byClient = f.kind !== 'user' && f.appId ? (context.findingsByClientId.get(f.appId.toLowerCase()) ?? []) : [];
  return [...byUpn, ...byClient];
}

/**
 * One identity's migration plan, from its features, its analysis (class and recommendation), its observed operations,
 * role assignments and the code that signs in as it. Null when nothing is to be done (action `none`).
 */
export function planMigration(f: IdentityFeatures, analysis: Pick<IdentityAnalysis, 'recommendation'>, context: PlanContext, asOf: string): MigrationPlan | null {
  const linked = linkedFindings(f, context);
  const target = chooseTarget(f, analysis.recommendation.action, analysis.recommendation.why, linked);
  if (target === null) return null;
  const automation = automationChanges(linked, context.terraformAmbient, target);
  const migrating = target.kind === 'managed-identity' || target.kind === 'workload-identity-federation' || target.kind === 'service-principal-certificate';
  if (migrating && context.observedDeferred === true) throw new ObservedActionsDeferred(f.id);
  const account = (f.upn ?? f.displayName ?? f.id).split('@')[0] ?? f.id;
  const leastPrivilegePlan = migrating ? leastPrivilege(`${account} workload`, context.observed.get(f.id) ?? [], context.assignments.get(f.id.toLowerCase()) ?? []) : null;
  const secrets = [...new Set(automation.findings.flatMap((finding) => finding.secrets))].sort();
  return {
    target,
    leastPrivilege: leastPrivilegePlan,
    automation: automation.changes,
    secrets,
    stage: migrationStage(f, target, context.federated, asOf, context.quietDays),
  };
}
