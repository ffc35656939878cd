import type { IdentityClass, Verdict } from './analysis.js';
import type { IdentityKind } from './identity.js';
import type { AuthMethod, IdentityRefKind } from './scan-finding.js';

/** What an owner rule matched on: an object or client ID, a UPN, a directory tag, a glob over names, or a glob over files. */
export type OwnerMatchKind = 'id' | 'upn' | 'tag' | 'pattern' | 'path';

/** `owner` in `analyze --format json`: the team accountable for the identity, and the rule of unattended.yaml that says so. */
export interface OwnerAssignment {
  team: string;
  process: string | null;
  contacts: string[];
  approvers: string[];
  matchedBy: { kind: OwnerMatchKind; value: string };
}

/**
 * Where an exception stands on a day: `not-started` before `created`, `active` until the expiring window, `expiring`
 * within gate.expiringWithinDays of `expires` (the last day it holds), `expired` after.
 */
export type ExceptionState = 'not-started' | 'active' | 'expiring' | 'expired';
export const EXCEPTION_STATES: readonly ExceptionState[] = ['not-started', 'active', 'expiring', 'expired'];

/** `exception` in `analyze --format json`: the exception of unattended.yaml that applies, and where it stands as of asOf. */
export interface ExceptionStatus {
  identity: string | null;
  path: string | null;
  reason: string;
  approver: string | null;
  created: string;
  expires: string;
  untilMigrationOf: string | null;
  state: ExceptionState;
  /** Days from asOf's day to `expires`: 0 on the last day, negative once expired. */
  daysLeft: number;
}

/** `retirement` in `analyze --format json` (additive): the decision, and whether the identity still signs in since. */
export interface RetirementStatus {
  decidedBy: string;
  date: string;
  reason: string | null;
  /** A successful sign-in or an Activity-log operation on or after `date`. */
  stillActive: boolean;
  lastActivity: string | null;
}

/** One identity as a snapshot keeps it: what `diff` compares and `check` judges. */
export interface GovernedIdentity {
  id: string;
  upn: string | null;
  displayName: string;
  kind: IdentityKind;
  class: IdentityClass;
  verdict: Verdict;
  breaksOn: string | null;
  ownerTeam: string | null;
  /** `kind:value` of the owner rule that matched, e.g. `upn:svc-backup@contoso.com`. */
  ownerMatch: string | null;
  exceptionState: ExceptionState | null;
  exceptionExpires: string | null;
  exceptionApprover: string | null;
  retiredOn: string | null;
  retiredActive: boolean | null;
  lastActivity: string | null;
  /** The migration plan's stage, once the planner gives one (null until then). */
  planStage: string | null;
  /** `file:line` of each place in code that signs in as it with a method MFA breaks. */
  breakingAutomation: string[];
}

/** A place in code that signs in, as the store or a scan JSON gives it. */
export interface AutomationFinding {
  file: string;
  line: number;
  rule: string;
  authMethod: AuthMethod;
  identityKind: IdentityRefKind | null;
  identityValue: string | null;
}

/** One place in code that signs in with a method mandatory MFA breaks, with who owns it and what excepts it. */
export interface GovernedAutomation extends AutomationFinding {
  ownerTeam: string | null;
  ownerMatch: string | null;
  /** `identity` or `path` of the exception that covers it, with its state; null when none does. */
  exceptedBy: string | null;
  exceptionState: ExceptionState | null;
}

/** Everything a snapshot records of one run: when, on what, under which policy, and the governed state. */
export interface GovernanceState {
  asOf: string;
  tenantId: string | null;
  enforcement: { phase1: string; phase2: string };
  /** Digest of what the run read: the store's batches, the scan findings, the policy file and the options. */
  inputsDigest: string;
  policyPath: string | null;
  /** The policy file as it was (null without one): the record of who decided what. */
  policyText: string | null;
  /** Whether the identities come from a store (a `check` on code alone has none). */
  hasStore: boolean;
  identities: GovernedIdentity[];
  automation: GovernedAutomation[];
}

/** A stored snapshot's head. */
export interface SnapshotMeta {
  id: number;
  takenAt: string;
  command: 'analyze' | 'check' | 'demo';
  asOf: string;
  inputsDigest: string;
  policyPath: string | null;
  /** Problems the gate found (null when the run was not a check). */
  gateProblems: number | null;
}

/** A snapshot with its identities counted: how many, and its service accounts by verdict (the views over time). */
export interface SnapshotTrendPoint {
  meta: SnapshotMeta;
  identities: number;
  serviceAccounts: Record<Verdict, number>;
}

/** One fact in the store that points at who may own an identity (what `unattended init` suggests from). */
export type OwnerEvidence =
  | { source: 'app-owner'; who: string; name: string | null; on: 'application' | 'servicePrincipal' | 'managedIdentity'; objectName: string | null }
  | { source: 'manager'; who: string; name: string | null }
  | { source: 'created-by' | 'password-set-by'; who: string; at: string; activity: string }
  | { source: 'code'; repository: string; file: string; line: number; pipeline: boolean };

/** A person who may own an identity, and every fact that points at them. Never a decision: init writes it as a comment. */
export interface OwnerSuggestion {
  who: string;
  name: string | null;
  /** Sentences, each naming where the fact came from. */
  because: string[];
}

export interface OwnerLeads {
  suggestions: OwnerSuggestion[];
  /** Code that signs in as the identity: the team owning the repository or pipeline may own the account. */
  code: string[];
}
