import type { ExceptionStatus, OwnerAssignment, RetirementStatus } from './governance.js';
import type { IdentityKind } from './identity.js';
import type { MigrationPlan } from './plan.js';
import type { AuthMethod } from './scan-finding.js';

export type IdentityClass = 'human' | 'service-account' | 'break-glass' | 'workload-identity' | 'unknown';
export const IDENTITY_CLASSES: readonly IdentityClass[] = ['human', 'service-account', 'break-glass', 'workload-identity', 'unknown'];

export type Verdict = 'broken' | 'breaks' | 'at-risk' | 'ready' | 'not-affected';
export const VERDICTS: readonly Verdict[] = ['broken', 'breaks', 'at-risk', 'ready', 'not-affected'];

export type RecommendedAction =
  | 'migrate-managed-identity'
  | 'migrate-workload-federation'
  | 'migrate-service-principal-certificate'
  | 'enroll-mfa'
  | 'enroll-phishing-resistant-mfa'
  | 'retire'
  | 'none';

export interface Evidence {
  /** kebab-case signal id, e.g. 'periodic-schedule'. */
  signal: string;
  /** One plain sentence a person can check. */
  detail: string;
  /** Positive toward the chosen class, negative against it. */
  weight: number;
}

export interface AutomationLink {
  file: string;
  line: number;
  authMethod: AuthMethod;
}

/** What a Conditional Access policy under test does to an identity's sign-ins (src/engines/whatif/). */
export type WhatIfOutcome = 'unaffected' | 'challenged' | 'fails' | 'blocked' | `unknown:${string}`;

/** A combination of records cited as proof: its earliest record, when, through which client and resource (or operation), and how many records it stands for. */
export interface WhatIfProof {
  signIn: string;
  at: string;
  client: string | null;
  target: string | null;
  records: number;
}

/** `analyze --what-if`: one policy under test, for one identity (additive, schemaVersion 1). */
export interface IdentityWhatIf {
  policy: string;
  displayName: string | null;
  /** `policy:<id>`, as the contract's phase names a policy. */
  phase: string;
  outcome: WhatIfOutcome;
  verdict: Verdict;
  /** Null: a policy under test breaks things when it is switched on, not on a date. */
  breaksOn: string | null;
  /** Whether sign-ins that go through today would fail with the proposed policies on. */
  newlyFails: boolean;
  signIns: { unaffected: number; challenged: number; fails: number; blocked: number; unknown: number; alreadyRefused: number };
  reasons: string[];
  proof: WhatIfProof[];
}

/** One identity in `analyze --format json` (DESIGN.md output contract, schemaVersion 1). */
export interface IdentityAnalysis {
  id: string;
  upn: string | null;
  displayName: string;
  kind: IdentityKind;
  class: IdentityClass;
  confidence: number;
  evidence: Evidence[];
  verdict: Verdict;
  breaksOn: string | null;
  /** 'phase1' | 'phase2' | `policy:<id>` | null */
  phase: string | null;
  reasons: string[];
  automation: AutomationLink[];
  recommendation: { action: RecommendedAction; why: string };
  /** The team unattended.yaml makes accountable for it (src/engines/govern/), or null. */
  owner: OwnerAssignment | null;
  /** The approved exception that applies to it, with where it stands as of asOf, or null. */
  exception: ExceptionStatus | null;
  /** Additive (schemaVersion 1): the migration plan (target, subject, role, stage); null when nothing is to be done. */
  plan?: MigrationPlan | null;
  /** Additive: the decision to retire it, and whether it still signs in since, or null. */
  retirement: RetirementStatus | null;
  /** Only with `analyze --what-if`: each policy under test that takes in any of its sign-ins. */
  whatIf?: IdentityWhatIf[];
}

/** An identity that would newly fail with the policies under test on, with the sign-ins that prove it and the code that signs in as it. */
export interface WhatIfDiffEntry {
  id: string;
  upn: string | null;
  displayName: string;
  class: IdentityClass;
  /** Today's verdict (mandatory MFA), for context. */
  verdict: Verdict;
  /** The policies under test that make its sign-ins fail. */
  policies: string[];
  signIns: number;
  first: string;
  last: string;
  proof: WhatIfProof[];
  automation: AutomationLink[];
}

export interface WhatIfAgreementCount {
  compared: number;
  agreed: number;
  /** agreed / compared, or null when nothing could be compared. */
  rate: number | null;
}

/** `analyze --what-if`: the policies under test, what would newly fail, and how the evaluator agrees with Entra (additive, schemaVersion 1). */
export interface WhatIfReport {
  policies: { id: string; displayName: string | null; state: string; file: string; replaces: boolean; byVerdict: Record<string, number> }[];
  diff: { identities: WhatIfDiffEntry[]; automation: (AutomationLink & { identity: string })[] };
  agreement: {
    /** Recorded results of enabled policies; of report-only ones; of disabled ones (notEnabled). Weighted by sign-ins. */
    enabled: WhatIfAgreementCount;
    reportOnly: WhatIfAgreementCount;
    disabled: WhatIfAgreementCount;
    /** Recorded results the evaluator could not reproduce for want of data. */
    notComparable: number;
    byPolicy: { policy: string; displayName: string | null; state: string; origin: string; compared: number; agreed: number; notComparable: number }[];
    disagreements: { policy: string; displayName: string | null; state: string; recorded: string; expected: string; because: string; signIns: number; example: { signIn: string; at: string } }[];
    /** Policies Entra recorded results for whose definition is neither imported nor in a file: not compared. */
    undefinedPolicies: { policy: string; displayName: string | null; signIns: number }[];
  };
  /** What was left out, and why (a stored policy that could not be read). */
  notes: string[];
}

export interface AnalysisResult {
  schemaVersion: 1;
  tenantId: string | null;
  asOf: string;
  enforcement: { phase1: string; phase2: string };
  identities: IdentityAnalysis[];
  summary: { byClass: Record<string, number>; byVerdict: Record<string, number> };
  /** Only with `analyze --what-if`. */
  whatIf?: WhatIfReport;
}
