import type { LoadedPolicy } from '../../config/load-config.js';
import type { AutomationFinding, GovernanceState, GovernedIdentity } from '../../model/governance.js';
import type { GovernancePolicy } from './governance-policy.js';
import { governAutomation } from './govern-automation.js';

export interface GovernanceStateInput {
  asOf: string;
  tenantId: string | null;
  enforcement: { phase1: string; phase2: string };
  inputsDigest: string;
  policy: LoadedPolicy | null;
  governance: GovernancePolicy | null;
  hasStore: boolean;
  identities: readonly GovernedIdentity[];
  /** Breaking places in code (mfaImpact `breaks`). */
  findings: readonly AutomationFinding[];
  appIds?: ReadonlyMap<string, string>;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One run's governed state, in a stable order: what a snapshot keeps and the gate judges. */
export function governanceState(input: GovernanceStateInput): GovernanceState {
  const identities = [...input.identities].sort((a, b) => byCodeUnits(a.id, b.id));
  const automation = governAutomation(input.findings, input.governance, input.asOf, identities, input.appIds ?? new Map()).sort(
    (a, b) => byCodeUnits(a.file, b.file) || a.line - b.line || byCodeUnits(a.rule, b.rule) || byCodeUnits(a.identityValue ?? '', b.identityValue ?? ''),
  );
  return {
    asOf: input.asOf,
    tenantId: input.tenantId,
    enforcement: { ...input.enforcement },
    inputsDigest: input.inputsDigest,
    policyPath: input.policy?.path ?? null,
    policyText: input.policy?.text ?? null,
    hasStore: input.hasStore,
    identities,
    automation,
  };
}
