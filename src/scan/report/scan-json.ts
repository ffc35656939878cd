import type { ScanFinding } from '../../model/scan-finding.js';
import type { ScanReporter } from './scan-report-input.js';

export const SCAN_JSON_SCHEMA_VERSION = 1;

/** One finding in the contract's key order (DESIGN.md `scan --format json`). */
function contractFinding(finding: ScanFinding): ScanFinding {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ecosystem: finding.ecosystem,
    authMethod: finding.authMethod,
    mfaImpact: finding.mfaImpact,
    identity: finding.identity ? { kind: finding.identity.kind, value: finding.identity.value } : null,
    rule: finding.rule,
    message: finding.message,
    fix: finding.fix,
    // Additive within schemaVersion 1: only on an ambient step resolved to a login in the same file.
    ...(finding.resolvedFrom ? { resolvedFrom: { line: finding.resolvedFrom.line, authMethod: finding.resolvedFrom.authMethod } } : {}),
  };
}

export const scanJsonReporter: ScanReporter = ({ result }) =>
  `${JSON.stringify({ schemaVersion: SCAN_JSON_SCHEMA_VERSION, findings: result.findings.map(contractFinding) }, null, 2)}\n`;
