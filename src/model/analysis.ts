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
}

export interface AnalysisResult {
  schemaVersion: 1;
  tenantId: string | null;
  asOf: string;
  enforcement: { phase1: string; phase2: string };
  identities: IdentityAnalysis[];
  summary: { byClass: Record<string, number>; byVerdict: Record<string, number> };
}
