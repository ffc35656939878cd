import type { AnalysisResult, IdentityClass, Verdict } from '../../model/analysis.js';
import type { SnapshotHistory } from '../../model/governance-diff.js';
import type { ScanFinding } from '../../model/scan-finding.js';
import { MFA_IMPACT_URGENCY } from '../presentation.js';
import { snapshotHistorySummary } from './snapshot-history-summary.js';
import { whatIfDiffSummary } from './what-if-diff-summary.js';
import type { CoverageView, ImportCounts, ImportView, OwnerTally, Overview, PlanListItem, PlanSummary, PolicyTally, ScanFindingView, StageTally, TableRow, TimelineBar } from './view-types.js';

/** Findings listed in the overview (the most urgent first); every one is counted and in scan-findings.csv. */
export const LISTED_SCAN_FINDINGS = 2_000;
/** Plans listed in the overview (the table's stage column and each detail view hold every one). */
export const LISTED_PLANS = 200;
/** Batches listed one by one (an export can be thousands of hourly files); every one is counted by format. */
export const LISTED_BATCHES = 1_000;

const POLICY_PREFIX = 'policy:';

function zeroVerdicts(): Record<Verdict, number> {
  return { broken: 0, breaks: 0, 'at-risk': 0, ready: 0, 'not-affected': 0 };
}

function zeroClasses(): Record<IdentityClass, number> {
  return { 'service-account': 0, 'break-glass': 0, human: 0, 'workload-identity': 0, unknown: 0 };
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings that break first, then by place in the code. */
function scanOrder(a: ScanFinding, b: ScanFinding): number {
  return MFA_IMPACT_URGENCY.indexOf(a.mfaImpact) - MFA_IMPACT_URGENCY.indexOf(b.mfaImpact) || byCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function addCounts<T extends ImportCounts>(sum: T, batch: ImportCounts): T {
  return { ...sum, read: sum.read + batch.read, stored: sum.stored + batch.stored, duplicates: sum.duplicates + batch.duplicates, quarantined: sum.quarantined + batch.quarantined };
}

/** The folder every batch file shares (through its last separator), so the list shows what differs. */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  let prefix = files[0] ?? '';
  for (const file of files) {
    let length = 0;
    while (length < prefix.length && length < file.length && prefix[length] === file[length]) length += 1;
    prefix = prefix.slice(0, length);
  }
  const cut = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\'));
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

export function coverageOf(imports: readonly ImportView[]): CoverageView {
  const byFormat = new Map<string | null, ImportCounts & { format: string | null; batches: number }>();
  let total: ImportCounts = { read: 0, stored: 0, duplicates: 0, quarantined: 0 };
  for (const batch of imports) {
    total = addCounts(total, batch);
    const sum = byFormat.get(batch.format) ?? { format: batch.format, batches: 0, read: 0, stored: 0, duplicates: 0, quarantined: 0 };
    byFormat.set(batch.format, { ...addCounts(sum, batch), batches: sum.batches + 1 });
  }
  const folder = commonFolder(imports.map((batch) => batch.file));
  return {
    ...total,
    batches: imports.length,
    folder,
    byFormat: [...byFormat.values()].sort((a, b) => byCodeUnits(a.format ?? '', b.format ?? '')),
    listed: imports.slice(0, LISTED_BATCHES).map((batch) => ({ ...batch, file: batch.file.slice(folder.length) })),
  };
}

/**
 * The overview counted from the identities themselves as they stream past in the contract's order, so the headline,
 * the charts and the table can never disagree. Only the UPNs that code findings name are remembered (to link a finding
 * to its identity), not every identity.
 */
export class OverviewBuilder {
  private total = 0;
  private readonly byVerdict = zeroVerdicts();
  private readonly byClass = zeroClasses();
  private readonly matrix: Record<IdentityClass, Record<Verdict, number>> = {
    'service-account': zeroVerdicts(), 'break-glass': zeroVerdicts(), human: zeroVerdicts(), 'workload-identity': zeroVerdicts(), unknown: zeroVerdicts(),
  };
  private firstServiceAccountBreak: string | null = null;
  private readonly timeline = new Map<string, TimelineBar>();
  private readonly phases = new Map<string | null, number>();
  private readonly owners = new Map<string | null, OwnerTally>();
  private ownersNamed = false;
  private readonly policies = new Map<string, PolicyTally>();
  private readonly stages = new Map<string, number>();
  private plansTotal = 0;
  private readonly plansListed: PlanListItem[] = [];
  private exceptions = 0;
  private readonly wantedUpns: ReadonlySet<string>;
  private readonly idByUpn = new Map<string, string>();

  constructor(private readonly scanFindings: readonly ScanFinding[]) {
    this.wantedUpns = new Set(scanFindings.flatMap((finding) => (finding.identity?.kind === 'upn' ? [finding.identity.value.toLowerCase()] : [])));
  }

  /** One identity, in the contract's order, with its plan's summary when it has a migration to carry out. */
  add(row: TableRow, plan: PlanSummary | null = null): void {
    this.total += 1;
    this.byVerdict[row.verdict] += 1;
    this.byClass[row.class] += 1;
    this.matrix[row.class][row.verdict] += 1;
    if (row.class === 'service-account' && row.verdict === 'breaks') this.firstServiceAccountBreak = earlier(this.firstServiceAccountBreak, row.breaksOn);
    if (row.verdict === 'broken' || row.verdict === 'breaks') {
      const date = row.verdict === 'broken' ? null : row.breaksOn;
      const phase = row.phase ?? '';
      const key = `${date ?? ''}|${phase}|${row.class}`;
      const bar = this.timeline.get(key) ?? { date, phase, class: row.class, count: 0 };
      bar.count += 1;
      this.timeline.set(key, bar);
    }
    this.phases.set(row.phase, (this.phases.get(row.phase) ?? 0) + 1);
    if (row.owner !== null) this.ownersNamed = true;
    const owner = this.owners.get(row.owner) ?? { owner: row.owner, total: 0, byVerdict: zeroVerdicts() };
    owner.total += 1;
    owner.byVerdict[row.verdict] += 1;
    this.owners.set(row.owner, owner);
    if (row.phase?.startsWith(POLICY_PREFIX)) {
      const policy = this.policies.get(row.phase) ?? { phase: row.phase, total: 0, byVerdict: zeroVerdicts(), firstBreak: null };
      policy.total += 1;
      policy.byVerdict[row.verdict] += 1;
      if (row.verdict === 'breaks') policy.firstBreak = earlier(policy.firstBreak, row.breaksOn);
      this.policies.set(row.phase, policy);
    }
    if (row.stage !== null) this.stages.set(row.stage, (this.stages.get(row.stage) ?? 0) + 1);
    if (plan !== null) {
      this.plansTotal += 1;
      if (this.plansListed.length < LISTED_PLANS) this.plansListed.push({ id: row.id, name: row.upn ?? row.displayName, ...plan });
    }
    if (row.exception !== null) this.exceptions += 1;
    if (row.upn !== null && this.wantedUpns.has(row.upn.toLowerCase()) && !this.idByUpn.has(row.upn.toLowerCase())) this.idByUpn.set(row.upn.toLowerCase(), row.id);
  }

  private scanView(finding: ScanFinding): ScanFindingView {
    const upn = finding.identity?.kind === 'upn' ? finding.identity.value.toLowerCase() : null;
    return {
      file: finding.file,
      line: finding.line,
      ecosystem: finding.ecosystem,
      authMethod: finding.authMethod,
      mfaImpact: finding.mfaImpact,
      identityKind: finding.identity?.kind ?? null,
      identityValue: finding.identity?.value ?? null,
      identityId: upn === null ? null : (this.idByUpn.get(upn) ?? null),
      rule: finding.rule,
      message: finding.message,
      fix: finding.fix,
    };
  }

  /** The overview; the what-if diff when the analysis has one, the snapshots over time when the store keeps any. */
  finish(head: Omit<AnalysisResult, 'identities' | 'summary'>, imports: readonly ImportView[], generatedAt: string, history: SnapshotHistory | null = null): Overview {
    const owners = this.ownersNamed
      ? [...this.owners.values()].sort(
          (a, b) =>
            Number(a.owner === null) - Number(b.owner === null) ||
            b.byVerdict.broken + b.byVerdict.breaks - (a.byVerdict.broken + a.byVerdict.breaks) ||
            b.total - a.total ||
            byCodeUnits(a.owner ?? '', b.owner ?? ''),
        )
      : [];
    const stages: StageTally[] = [...this.stages.entries()].map(([stage, count]) => ({ stage, count })).sort((a, b) => byCodeUnits(a.stage, b.stage));
    const timeline = [...this.timeline.values()].sort(
      (a, b) => byCodeUnits(a.date ?? '', b.date ?? '') || byCodeUnits(a.phase, b.phase) || byCodeUnits(a.class, b.class),
    );
    return {
      schemaVersion: head.schemaVersion,
      tenantId: head.tenantId,
      asOf: head.asOf,
      enforcement: { phase1: head.enforcement.phase1, phase2: head.enforcement.phase2 },
      generatedAt,
      total: this.total,
      byVerdict: { ...this.byVerdict },
      byClass: { ...this.byClass },
      matrix: this.matrix,
      serviceAccounts: {
        total: this.byClass['service-account'],
        broken: this.matrix['service-account'].broken,
        breaks: this.matrix['service-account'].breaks,
        atRisk: this.matrix['service-account']['at-risk'],
        firstBreak: this.firstServiceAccountBreak,
      },
      timeline,
      phases: [...this.phases.entries()].map(([phase, count]) => ({ phase, count })).sort((a, b) => Number(a.phase === null) - Number(b.phase === null) || byCodeUnits(a.phase ?? '', b.phase ?? '')),
      owners,
      policies: [...this.policies.values()].sort((a, b) => byCodeUnits(a.phase, b.phase)),
      stages,
      plans: { total: this.plansTotal, listed: [...this.plansListed] },
      exceptions: this.exceptions,
      scan: {
        total: this.scanFindings.length,
        breaking: this.scanFindings.filter((finding) => finding.mfaImpact === 'breaks').length,
        findings: [...this.scanFindings].sort(scanOrder).slice(0, LISTED_SCAN_FINDINGS).map((finding) => this.scanView(finding)),
      },
      coverage: coverageOf(imports),
      whatIf: head.whatIf ? whatIfDiffSummary(head.whatIf) : null,
      snapshots: snapshotHistorySummary(history),
    };
  }
}
