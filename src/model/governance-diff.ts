import type { IdentityClass, Verdict } from './analysis.js';
import type { GovernedAutomation, SnapshotMeta, SnapshotTrendPoint } from './governance.js';

/** An identity as a diff names it. */
export interface DiffIdentity {
  id: string;
  name: string;
  class: IdentityClass;
}

export interface PolicyEntryChange<T> {
  change: 'added' | 'removed' | 'changed';
  /** What the entry names (identity, or path). */
  subject: string;
  before: T | null;
  after: T | null;
  /** The keys whose values differ (changed only). */
  fields: string[];
}

/** `unattended diff --format json` (schemaVersion 1): what changed between two snapshots, and where the later one stands. */
export interface GovernanceDiff {
  from: SnapshotMeta;
  to: SnapshotMeta;
  policyChanged: boolean;
  newServiceAccounts: (DiffIdentity & { verdict: Verdict; breaksOn: string | null })[];
  newBreakingAutomation: GovernedAutomation[];
  removedBreakingAutomation: GovernedAutomation[];
  verdictChanges: (DiffIdentity & { before: { verdict: Verdict; breaksOn: string | null }; after: { verdict: Verdict; breaksOn: string | null } })[];
  ownerChanges: { subject: string; kind: 'identity' | 'automation'; before: string | null; after: string | null; rule: string | null }[];
  exceptionChanges: PolicyEntryChange<Record<string, string>>[];
  retirementChanges: PolicyEntryChange<Record<string, string>>[];
  stageChanges: (DiffIdentity & { before: string | null; after: string | null })[];
  /** As of the later snapshot. */
  expiringExceptions: { subject: string; expires: string; daysLeft: number; approver: string | null }[];
  expiredExceptions: { subject: string; expires: string; daysLeft: number; approver: string | null }[];
  missingOwners: { subject: string; kind: 'identity' | 'automation'; detail: string; since: 'new' | 'earlier' }[];
  retiredStillActive: (DiffIdentity & { retiredOn: string; lastActivity: string | null; since: 'new' | 'earlier' })[];
}

/** The snapshots as the report and the dashboard show them: each one counted, and what changed in the latest run. */
export interface SnapshotHistory {
  points: SnapshotTrendPoint[];
  /** The latest snapshot against the one before it; null while there is only one. */
  latest: GovernanceDiff | null;
}
