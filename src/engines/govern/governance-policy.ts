import type { UnattendedConfig } from '../../config/config-schema.js';
import type { ExceptionEntry, OwnerRule, RetirementEntry } from '../../config/governance-schema.js';
import type { IdentityClass } from '../../model/analysis.js';

/** The gate's thresholds with their defaults filled in. */
export interface GateThresholds {
  maxExceptionDays: number;
  expiringWithinDays: number;
  ownersRequiredFor: IdentityClass[];
}

export const DEFAULT_GATE: GateThresholds = { maxExceptionDays: 90, expiringWithinDays: 14, ownersRequiredFor: ['service-account'] };

/**
 * The governance half of unattended.yaml as every identity's analysis needs it: plain data (it crosses to worker
 * threads as a structured clone), with the directory tags of the identities an owner rule could match by tag.
 */
export interface GovernancePolicy {
  owners: OwnerRule[];
  exceptions: ExceptionEntry[];
  retirements: RetirementEntry[];
  gate: GateThresholds;
  /** Object ID → its directory tags, lower-cased; only filled when an owner rule matches by tag. */
  tagsById: Map<string, string[]>;
}

export function gateThresholds(config: UnattendedConfig | null | undefined): GateThresholds {
  const gate = config?.gate;
  return {
    maxExceptionDays: gate?.maxExceptionDays ?? DEFAULT_GATE.maxExceptionDays,
    expiringWithinDays: gate?.expiringWithinDays ?? DEFAULT_GATE.expiringWithinDays,
    ownersRequiredFor: gate?.ownersRequiredFor ? [...gate.ownersRequiredFor] : [...DEFAULT_GATE.ownersRequiredFor],
  };
}

export function governancePolicy(config: UnattendedConfig | null | undefined, tagsById: Map<string, string[]> = new Map()): GovernancePolicy {
  return {
    owners: config?.owners ?? [],
    exceptions: config?.exceptions ?? [],
    retirements: config?.retirements ?? [],
    gate: gateThresholds(config),
    tagsById,
  };
}

/** Whether any owner rule matches by tag (then the analysis loads the identities' tags). */
export function needsTags(config: UnattendedConfig | null | undefined): boolean {
  return (config?.owners ?? []).some((rule) => rule.tag !== undefined);
}
