import type { IdentityAnalysis } from '../model/analysis.js';
import type { ScanFinding } from '../model/scan-finding.js';
import { csvDocument, csvRecord, type CsvValue } from './csv-cell.js';
import { partsOf } from './report-bytes.js';
import type { ReportFile, ReportIdentities, ReportInput } from './report-input.js';

export const IDENTITIES_CSV = 'identities.csv';
export const SCAN_FINDINGS_CSV = 'scan-findings.csv';

const IDENTITY_HEADER = [
  'id', 'upn', 'displayName', 'kind', 'class', 'confidence', 'verdict', 'breaksOn', 'phase', 'recommendation', 'reasons', 'automationCount',
] as const;

const SCAN_HEADER = ['file', 'line', 'column', 'ecosystem', 'authMethod', 'mfaImpact', 'identityKind', 'identityValue', 'rule', 'message', 'fix'] as const;

export function identityRow(identity: IdentityAnalysis): CsvValue[] {
  return [
    identity.id, identity.upn, identity.displayName, identity.kind, identity.class, identity.confidence, identity.verdict,
    identity.breaksOn, identity.phase, identity.recommendation.action, identity.reasons.join(' | '), identity.automation.length,
  ];
}

function scanRow(finding: ScanFinding): CsvValue[] {
  return [
    finding.file, finding.line, finding.column, finding.ecosystem, finding.authMethod, finding.mfaImpact,
    finding.identity?.kind ?? null, finding.identity?.value ?? null, finding.rule, finding.message, finding.fix,
  ];
}

export function identitiesCsv(identities: readonly IdentityAnalysis[]): string {
  return csvDocument(IDENTITY_HEADER, identities.map(identityRow));
}

/** identities.csv record by record, each as the analysis rendered it. */
function* identitiesCsvParts(identities: ReportIdentities): Iterable<Uint8Array | string> {
  yield csvRecord(IDENTITY_HEADER);
  for (const entry of identities.entries()) yield entry.csv();
}

export function scanFindingsCsv(findings: readonly ScanFinding[]): string {
  return csvDocument(SCAN_HEADER, findings.map(scanRow));
}

/** Rows in the input's order: the engine and the read model already sort, and a CSV diff between runs should be stable. */
export function csvReporter(input: ReportInput): ReportFile[] {
  return [
    { fileName: IDENTITIES_CSV, bytes: partsOf(() => identitiesCsvParts(input.identities)) },
    { fileName: SCAN_FINDINGS_CSV, bytes: scanFindingsCsv(input.scanFindings) },
  ];
}
