import { IDENTITY_CLASSES, VERDICTS, type AnalysisResult, type IdentityAnalysis, type IdentityWhatIf } from '../model/analysis.js';
import type { MigrationPlan } from '../model/plan.js';
import { partsOf } from './report-bytes.js';
import type { ExceptionStatus, OwnerAssignment, RetirementStatus } from '../model/governance.js';
import type { ReportFile, ReportInput } from './report-input.js';

export const ANALYSIS_JSON = 'analysis.json';

/** Known keys in contract order, then any others by name: the same counts always print the same way. */
function orderedCounts(counts: Record<string, number>, known: readonly string[]): Record<string, number> {
  const keys = Object.keys(counts);
  const ordered = [...known.filter((key) => keys.includes(key)), ...keys.filter((key) => !known.includes(key)).sort()];
  const out: Record<string, number> = {};
  for (const key of ordered) out[key] = counts[key] ?? 0;
  return out;
}

/** The plan key by key in the contract's order (docs/README.md), whatever order the planner built it in. */
function canonicalPlan(plan: MigrationPlan): MigrationPlan {
  const lp = plan.leastPrivilege;
  return {
    target: {
      kind: plan.target.kind,
      assignment: plan.target.assignment,
      platform: plan.target.platform,
      name: plan.target.name,
      subjects: plan.target.subjects.map((s) => ({ issuer: s.issuer, subject: s.subject, claimsMatchingExpression: s.claimsMatchingExpression, from: s.from, unresolved: [...s.unresolved] })),
      runsOn: [...plan.target.runsOn],
      reasons: [...plan.target.reasons],
    },
    leastPrivilege: lp
      ? {
          custom: lp.custom
            ? {
                name: lp.custom.name,
                scopes: [...lp.custom.scopes],
                assignableScopes: [...lp.custom.assignableScopes],
                actions: [...lp.custom.actions],
                deleteActions: [...lp.custom.deleteActions],
                readActions: [...lp.custom.readActions],
                observed: lp.custom.observed.map((o) => ({ action: o.action, count: o.count, resources: o.resources })),
              }
            : null,
          builtIn: lp.builtIn.map((r) => ({ id: r.id, name: r.name, covers: r.covers, of: r.of, excess: r.excess, excessPermissions: [...r.excessPermissions] })),
          catalogComplete: lp.catalogComplete,
          currentAssignments: lp.currentAssignments.map((a) => ({ roleName: a.roleName, roleDefinitionId: a.roleDefinitionId, scope: a.scope, why: a.why })),
          remove: lp.remove.map((a) => ({ roleName: a.roleName, roleDefinitionId: a.roleDefinitionId, scope: a.scope, why: a.why })),
          notes: [...lp.notes],
        }
      : null,
    automation: plan.automation.map((a) => ({ file: a.file, line: a.line, authMethod: a.authMethod, change: a.change, patch: a.patch })),
    secrets: [...plan.secrets],
    stage: { stage: plan.stage.stage, detail: plan.stage.detail, command: plan.stage.command },
  };
}

function canonicalOwner(owner: OwnerAssignment): OwnerAssignment {
  return { team: owner.team, process: owner.process, contacts: [...owner.contacts], approvers: [...owner.approvers], matchedBy: { kind: owner.matchedBy.kind, value: owner.matchedBy.value } };
}

function canonicalException(exception: ExceptionStatus): ExceptionStatus {
  return {
    identity: exception.identity,
    path: exception.path,
    reason: exception.reason,
    approver: exception.approver,
    created: exception.created,
    expires: exception.expires,
    untilMigrationOf: exception.untilMigrationOf,
    state: exception.state,
    daysLeft: exception.daysLeft,
  };
}

function canonicalRetirement(retirement: RetirementStatus): RetirementStatus {
  return { decidedBy: retirement.decidedBy, date: retirement.date, reason: retirement.reason, stillActive: retirement.stillActive, lastActivity: retirement.lastActivity };
}

function canonicalWhatIf(item: IdentityWhatIf): IdentityWhatIf {
  return {
    policy: item.policy,
    displayName: item.displayName,
    phase: item.phase,
    outcome: item.outcome,
    verdict: item.verdict,
    breaksOn: item.breaksOn,
    newlyFails: item.newlyFails,
    signIns: { unaffected: item.signIns.unaffected, challenged: item.signIns.challenged, fails: item.signIns.fails, blocked: item.signIns.blocked, unknown: item.signIns.unknown, alreadyRefused: item.signIns.alreadyRefused },
    reasons: [...item.reasons],
    proof: item.proof.map((proof) => ({ signIn: proof.signIn, at: proof.at, client: proof.client, target: proof.target, records: proof.records })),
  };
}

function canonicalIdentity(identity: IdentityAnalysis): IdentityAnalysis {
  const canonical: IdentityAnalysis = {
    id: identity.id,
    upn: identity.upn,
    displayName: identity.displayName,
    kind: identity.kind,
    class: identity.class,
    confidence: identity.confidence,
    evidence: identity.evidence.map((item) => ({ signal: item.signal, detail: item.detail, weight: item.weight })),
    verdict: identity.verdict,
    breaksOn: identity.breaksOn,
    phase: identity.phase,
    reasons: [...identity.reasons],
    automation: identity.automation.map((link) => ({ file: link.file, line: link.line, authMethod: link.authMethod })),
    recommendation: { action: identity.recommendation.action, why: identity.recommendation.why },
    owner: identity.owner === null ? null : canonicalOwner(identity.owner),
    exception: identity.exception === null ? null : canonicalException(identity.exception),
    plan: identity.plan ? canonicalPlan(identity.plan) : null,
    retirement: identity.retirement === null ? null : canonicalRetirement(identity.retirement),
  };
  // Additive, and only with analyze --what-if: without it the bytes are what they always were.
  if (identity.whatIf !== undefined) canonical.whatIf = identity.whatIf.map(canonicalWhatIf);
  return canonical;
}

/**
 * The AnalysisResult rebuilt key by key in the order DESIGN.md's contract lists them, so the bytes do not depend
 * on how an engine happened to assemble its objects, and anything not in the contract is left out.
 */
export function canonicalAnalysis(analysis: AnalysisResult): AnalysisResult {
  const canonical: AnalysisResult = {
    schemaVersion: analysis.schemaVersion,
    tenantId: analysis.tenantId,
    asOf: analysis.asOf,
    enforcement: { phase1: analysis.enforcement.phase1, phase2: analysis.enforcement.phase2 },
    identities: analysis.identities.map(canonicalIdentity),
    summary: {
      byClass: orderedCounts(analysis.summary.byClass, IDENTITY_CLASSES),
      byVerdict: orderedCounts(analysis.summary.byVerdict, VERDICTS),
    },
  };
  if (analysis.whatIf !== undefined) canonical.whatIf = analysis.whatIf;
  return canonical;
}

/**
 * One identity as it appears in analysis.json: the canonical object, two-space indent, at its depth in the document
 * (four spaces in), without the comma between identities. Built by JSON.stringify itself around the identity so that
 * the bytes are exactly those of the whole document stringified at once.
 */
export function identityJsonText(identity: IdentityAnalysis): string {
  const nested = JSON.stringify([[canonicalIdentity(identity)]], null, 2);
  return nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
}

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';
/** Where the identities go: no string value can hold it, as JSON escapes a newline inside a string. */
const EMPTY_IDENTITIES = '\n  "identities": [],\n';

/** analysis.json around its identities: `open`, the identities (identityJsonText) joined by `separator`, `close`. */
export interface AnalysisJsonFrame {
  open: string;
  separator: string;
  close: string;
}

/**
 * The frame for `identityCount` identities, so that identities rendered apart (on several threads, as bytes) make
 * exactly the document analysisJson gives for the whole result.
 */
export function analysisJsonFrame(analysis: Omit<AnalysisResult, 'identities'>, identityCount: number): AnalysisJsonFrame {
  const wrapper = `${JSON.stringify(canonicalAnalysis({ ...analysis, identities: [] }), null, 2)}\n`;
  if (identityCount === 0) return { open: wrapper, separator: '', close: '' };
  const at = wrapper.indexOf(EMPTY_IDENTITIES);
  if (at < 0) throw new Error('analysis.json wrapper has no identities list');
  return { open: `${wrapper.slice(0, at)}\n  "identities": [\n`, separator: ',\n', close: `\n  ],\n${wrapper.slice(at + EMPTY_IDENTITIES.length)}` };
}

/** `analyze --format json` and analysis.json: two-space indent, trailing newline. */
export function analysisJson(analysis: AnalysisResult): string {
  const frame = analysisJsonFrame(analysis, analysis.identities.length);
  return `${frame.open}${analysis.identities.map(identityJsonText).join(frame.separator)}${frame.close}`;
}

/** analysis.json part by part: each identity's text as the entry holds it (the analysis's own bytes, when it made them). */
function* analysisJsonParts(input: ReportInput): Iterable<Uint8Array | string> {
  const frame = analysisJsonFrame(input.analysis, input.identities.count);
  yield frame.open;
  let first = true;
  for (const entry of input.identities.entries()) {
    if (!first) yield frame.separator;
    first = false;
    yield entry.json();
  }
  yield frame.close;
}

export function jsonReporter(input: ReportInput): ReportFile[] {
  return [{ fileName: ANALYSIS_JSON, bytes: partsOf(() => analysisJsonParts(input)) }];
}
