/** The answer key: every identity in the directory files with the class and verdict the analysis must reach. */
import type { IdentityKind } from '../../model/identity.js';
import type { IdentityClass, RecommendedAction, Verdict } from '../../model/analysis.js';
import type { DemoDirectory } from './directory.js';
import type { ScenarioDefinition, ScenarioId } from './scenarios.js';
import { ALL_SCENARIOS } from './scenarios.js';
import { PLAN_TRUTH, type PlanTruth } from './plan-truth.js';

export interface GroundTruthIdentity {
  id: string;
  upn: string | null;
  displayName: string;
  kind: IdentityKind;
  scenario: ScenarioId;
  class: IdentityClass;
  verdict: Verdict;
  breaksOn: string | null;
  recommendation: RecommendedAction;
  /** Service accounts only (additive): the plan's target, federation subject and stage the planner must reach. */
  plan?: PlanTruth | null;
}

export interface GroundTruth {
  schemaVersion: 1;
  seed: number;
  identities: GroundTruthIdentity[];
}

function definition(id: ScenarioId): ScenarioDefinition {
  const found = ALL_SCENARIOS.find((entry) => entry.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export function groundTruth(directory: DemoDirectory): GroundTruth {
  const identities: GroundTruthIdentity[] = [];
  for (const user of directory.users) {
    const d = definition(user.scenario);
    const truth = Object.entries(PLAN_TRUTH).find(([scenario]) => scenario === d.id);
    const planned = truth ? { plan: truth[1] } : {};
    identities.push({ id: user.id, upn: user.upn, displayName: user.displayName, kind: 'user', scenario: d.id, class: d.class, verdict: d.verdict, breaksOn: d.breaksOn, recommendation: d.recommendation, ...planned });
  }
  for (const workload of directory.workloads) {
    const d = definition(workload.scenario);
    identities.push({
      id: workload.id,
      upn: null,
      displayName: workload.displayName,
      kind: workload.kind,
      scenario: d.id,
      class: d.class,
      verdict: d.verdict,
      breaksOn: d.breaksOn,
      recommendation: d.recommendation,
    });
  }
  return { schemaVersion: 1, seed: directory.seed, identities };
}
