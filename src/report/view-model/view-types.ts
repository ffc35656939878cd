/**
 * What the views of the report and of the dashboard read: the same shapes whether they were embedded in report.html
 * or answered by `unattended serve`. Types and constants only (no Node import): the front end in web/ imports them.
 */
import type { AutomationLink, Evidence, IdentityClass, RecommendedAction, Verdict } from '../../model/analysis.js';
import type { IdentityKind } from '../../model/identity.js';
import type { AuthMethod, MfaImpact } from '../../model/scan-finding.js';

/** A label and a value, as governance and the planner add them (their shapes are theirs; the views list them). */
export type KeyValue = readonly [key: string, value: string];

/** One identity as a row of the identity table. `index` is its place in the contract's order (urgency). */
export interface TableRow {
  index: number;
  id: string;
  upn: string | null;
  displayName: string;
  kind: IdentityKind;
  class: IdentityClass;
  confidence: number;
  verdict: Verdict;
  breaksOn: string | null;
  phase: string | null;
  action: RecommendedAction;
  /** The owning team, when governance names one. */
  owner: string | null;
  /** A one-line summary of an approved exception, when there is one. */
  exception: string | null;
  /** The migration plan's stage, when the planner has made one. */
  stage: string | null;
  /** How many places in code sign in as this identity. */
  automation: number;
}

/** Everything the detail view shows of one identity. */
export interface IdentityDetail extends TableRow {
  evidence: Evidence[];
  reasons: string[];
  automationLinks: AutomationLink[];
  why: string;
  /** Sign-ins per hour of the week (168, Monday 00:00 UTC first); null when the features were not at hand. */
  hourOfWeek: number[] | null;
  plan: KeyValue[] | null;
  ownerDetail: KeyValue[] | null;
  exceptionDetail: KeyValue[] | null;
}

/** Identities that break on one date under one phase (or are broken now: `date` null), per class. */
export interface TimelineBar {
  date: string | null;
  phase: string;
  class: IdentityClass;
  count: number;
}

export interface OwnerTally {
  /** null: the identities governance has not given an owner. */
  owner: string | null;
  total: number;
  byVerdict: Record<Verdict, number>;
}

/** A what-if policy (phase `policy:<id>`) and the identities whose verdict it decides. */
export interface PolicyTally {
  phase: string;
  total: number;
  byVerdict: Record<Verdict, number>;
  firstBreak: string | null;
}

export interface StageTally {
  stage: string;
  count: number;
}

/** A migration plan in one line per fact, as the plan list shows it (the detail view lists all its facts). */
export interface PlanSummary {
  /** The plan's target kind: managed-identity, workload-identity-federation, retire… */
  target: string;
  /** The federated credential subjects, else the managed identity's assignment or the new identity's name. */
  subject: string | null;
  /** The least-privilege role proposed from observed operations, and the closest built-in role. */
  leastPrivilege: string | null;
  stage: string;
  /** What to run next, when the stage names it. */
  command: string | null;
}

/** One planned identity in the overview's plan list. */
export interface PlanListItem extends PlanSummary {
  id: string;
  name: string;
}

/** One place in code that signs in, as the scan table shows it; `identityIndex` links a UPN to its table row. */
export interface ScanFindingView {
  file: string;
  line: number;
  ecosystem: string;
  authMethod: AuthMethod;
  mfaImpact: MfaImpact;
  identityKind: string | null;
  identityValue: string | null;
  identityId: string | null;
  rule: string;
  message: string;
  fix: string;
}

export interface ImportCounts {
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

export interface ImportView extends ImportCounts {
  file: string;
  format: string | null;
}

/** What the verdicts rest on: every batch counted, by format, and the first batches listed. */
export interface CoverageView extends ImportCounts {
  batches: number;
  /** The folder every batch's file shares; `listed` names files below it. */
  folder: string;
  byFormat: (ImportCounts & { format: string | null; batches: number })[];
  listed: ImportView[];
}

export interface AgreementView {
  compared: number;
  agreed: number;
  rate: number | null;
}

/** An identity that would newly fail with the proposed policies on, in one line per fact. */
export interface NewlyFailingView {
  id: string;
  name: string;
  class: IdentityClass;
  /** Today's verdict (mandatory MFA). */
  verdict: Verdict;
  /** The display names (else ids) of the policies that make it fail. */
  policies: string[];
  signIns: number;
  first: string;
  last: string;
  /** The combination with the most records: client → target, the earliest sign-in and how many records it stands for. */
  proof: string | null;
  /** file:line of the code that signs in as it. */
  automation: string[];
}

/** `analyze --what-if` as the views show it: the policies under test, who would newly fail, the agreement with Entra. */
export interface WhatIfDiffView {
  policies: { id: string; displayName: string | null; state: string; file: string; replaces: boolean; byVerdict: Record<Verdict, number> }[];
  /** Every identity counted; the first LISTED_NEWLY_FAILING listed (analysis.json holds them all). */
  newlyFailing: { total: number; listed: NewlyFailingView[] };
  agreement: { enabled: AgreementView; reportOnly: AgreementView; disabled: AgreementView; notComparable: number; disagreements: number; undefinedPolicies: number };
  notes: string[];
}

/** One snapshot kept by analyze or check, with its service accounts by verdict. */
export interface SnapshotPointView {
  id: number;
  takenAt: string;
  command: string;
  asOf: string;
  identities: number;
  serviceAccounts: Record<Verdict, number>;
  /** Problems the gate found (null when the run was not a check). */
  gateProblems: number | null;
}

/** One kind of change between two snapshots (new service accounts, verdict changes…), counted, the first listed. */
export interface SnapshotChangeView {
  key: string;
  /** `change`: between the two snapshots; `state`: where the later one stands (expiring exceptions, missing owners…). */
  scope: 'change' | 'state';
  title: string;
  total: number;
  items: { subject: string; detail: string }[];
}

/** Governance snapshots over time: every one counted, the latest listed, and what changed in the latest run. */
export interface SnapshotsView {
  total: number;
  points: SnapshotPointView[];
  /** The latest snapshot against the one before it; null while there is only one. */
  latest: { from: SnapshotPointView; to: SnapshotPointView; policyChanged: boolean; changes: SnapshotChangeView[] } | null;
}

/** The headline, the charts and the small tables: everything but the identities themselves. */
export interface Overview {
  schemaVersion: 1;
  tenantId: string | null;
  asOf: string;
  enforcement: { phase1: string; phase2: string };
  generatedAt: string;
  total: number;
  byVerdict: Record<Verdict, number>;
  byClass: Record<IdentityClass, number>;
  matrix: Record<IdentityClass, Record<Verdict, number>>;
  /** The headline: the service accounts that break, when, and how many already have. */
  serviceAccounts: { total: number; broken: number; breaks: number; atRisk: number; firstBreak: string | null };
  timeline: TimelineBar[];
  /** Every phase a verdict names (null: none), for the table's filter. */
  phases: { phase: string | null; count: number }[];
  /** Empty when no identity has an owner: the view per owner team appears only when governance names owners. */
  owners: OwnerTally[];
  /** Empty when no verdict comes from a what-if policy. */
  policies: PolicyTally[];
  /** Empty when no identity has a migration plan. */
  stages: StageTally[];
  /** Migrations and retirements to carry out (MFA enrolments are not listed): how many, and the first in urgency order. */
  plans: { total: number; listed: PlanListItem[] };
  exceptions: number;
  /** Every finding counted; the most urgent listed (scan-findings.csv holds them all). */
  scan: { total: number; breaking: number; findings: ScanFindingView[] };
  coverage: CoverageView;
  /** Only when the analysis ran with what-if policies (`--what-if`). */
  whatIf: WhatIfDiffView | null;
  /** Only when the store keeps snapshots (analyze and check keep one per run). */
  snapshots: SnapshotsView | null;
}

export type SortKey = 'urgency' | 'name' | 'class' | 'verdict' | 'breaksOn' | 'confidence' | 'action' | 'owner' | 'stage' | 'automation';
export const SORT_KEYS: readonly SortKey[] = ['urgency', 'name', 'class', 'verdict', 'breaksOn', 'confidence', 'action', 'owner', 'stage', 'automation'];

/** A search, filters and a sort over the identity table; '' is "any". */
export interface TableQuery {
  text: string;
  class: IdentityClass | '';
  verdict: Verdict | '';
  /** A phase, NO_VALUE for identities without one, '' for any. */
  phase: string;
  /** A breaksOn date, '' for any. */
  breaksOn: string;
  /** An owner team, NO_VALUE for identities without an owner, '' for any. */
  owner: string;
  sort: SortKey;
  descending: boolean;
}

export const EMPTY_QUERY: TableQuery = { text: '', class: '', verdict: '', phase: '', breaksOn: '', owner: '', sort: 'urgency', descending: false };

/** A filter's value for "has none" (no phase, no owner): no phase or team can be named with a NUL. */
export const NO_VALUE = '\u0000';
