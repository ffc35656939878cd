import { IDENTITY_CLASSES, VERDICTS, type AnalysisResult, type IdentityAnalysis } from '../model/analysis.js';
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

function canonicalIdentity(identity: IdentityAnalysis): IdentityAnalysis {
  return {
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
    owner: identity.owner,
    exception: identity.exception,
  };
}

/**
 * The AnalysisResult rebuilt key by key in the order DESIGN.md's contract lists them, so the bytes do not depend
 * on how an engine happened to assemble its objects, and anything not in the contract is left out.
 */
export function canonicalAnalysis(analysis: AnalysisResult): AnalysisResult {
  return {
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
}

/** `analyze --format json` and analysis.json: two-space indent, trailing newline. */
export function analysisJson(analysis: AnalysisResult): string {
  return `${JSON.stringify(canonicalAnalysis(analysis), null, 2)}\n`;
}

export function jsonReporter(input: ReportInput): ReportFile[] {
  return [{ fileName: ANALYSIS_JSON, bytes: analysisJson(input.analysis) }];
}
