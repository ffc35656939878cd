/** The gate's rules (`unattended check`), in the order their findings are listed. */
export type GateRuleId =
  | 'identity-without-owner'
  | 'automation-without-owner'
  | 'exception-expired'
  | 'exception-without-approver'
  | 'exception-too-long'
  | 'retired-identity-active'
  | 'new-breaking-automation'
  | 'breaking-automation-not-excepted'
  | 'exception-expiring';

export type GateLevel = 'error' | 'warning';

/** One thing the gate found: an error fails it (exit 1), a warning is shown and does not. */
export interface GateFinding {
  rule: GateRuleId;
  level: GateLevel;
  /** What it is about: an identity's UPN or name, `file:line` of code, or what an exception names. */
  subject: string;
  message: string;
  /** Where to look: the scanned file (relative to the scanned folder) or the policy file, and the line; null when nowhere. */
  file: string | null;
  line: number | null;
  identityId: string | null;
}

export interface GateResult {
  passed: boolean;
  asOf: string;
  policyPath: string | null;
  /** Whether identity rules ran (a check on code alone has no store). */
  hasStore: boolean;
  baseline: { id: number; takenAt: string } | null;
  findings: GateFinding[];
}
