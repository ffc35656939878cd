import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { MfaImpact, ResolvedFrom, ScanFinding } from '../../model/scan-finding.js';
import type { RuleMeta } from '../core/detector.js';
import type { ScanReporter } from './scan-report-input.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/unattended-cli/unattended';

type Level = 'error' | 'warning' | 'note';

const LEVEL_OF: Readonly<Record<MfaImpact, Level>> = { breaks: 'error', 'needs-human': 'warning', depends: 'warning', safe: 'note' };

/** 'powershell/connect-azaccount-user-password' → 'PowershellConnectAzaccountUserPassword' (SARIF's rule name convention). */
function ruleName(id: string): string {
  return id
    .split(/[/-]/u)
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

function sarifRule(rule: RuleMeta): Record<string, unknown> {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: sentence(rule.summary) },
    fullDescription: { text: sentence(`${rule.summary} Sign-in method: ${rule.authMethod}`) },
    help: { text: sentence(rule.fix), markdown: `**Fix:** ${sentence(rule.fix)}\n\n[Reference](${rule.docUrl})` },
    helpUri: rule.docUrl,
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['security', 'authentication', 'mfa'], authMethod: rule.authMethod },
  };
}

function fingerprint(finding: ScanFinding): string {
  return createHash('sha256').update(`${finding.rule}\u0000${finding.file}\u0000${finding.identity?.value ?? ''}\u0000${finding.authMethod}`).digest('hex').slice(0, 32);
}

/** A relative path as an RFC 3986 URI reference: encodeURI would leave `#` and `?` (a folder named `c#`) as a fragment or query. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The login an ambient step was resolved to, as a related location a code-scanning UI links to. */
function resolvedFromLocation(finding: ScanFinding, from: ResolvedFrom): Record<string, unknown> {
  return {
    id: 1,
    physicalLocation: { artifactLocation: { uri: relativeUri(finding.file), uriBaseId: 'SRCROOT' }, region: { startLine: from.line } },
    message: { text: `Login at line ${from.line} (${from.authMethod}${finding.identity ? ` as ${finding.identity.kind} '${finding.identity.value}'` : ''}): the session this step runs with.` },
  };
}

function sarifResult(finding: ScanFinding, ruleIndex: number): Record<string, unknown> {
  const identity = finding.identity ? ` Identity: ${finding.identity.kind} '${finding.identity.value}'.` : '';
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL_OF[finding.mfaImpact],
    message: { text: `${sentence(finding.message)}${identity} Sign-in method: ${finding.authMethod}; under mandatory MFA: ${finding.mfaImpact}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: 'SRCROOT' },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    ...(finding.resolvedFrom ? { relatedLocations: [resolvedFromLocation(finding, finding.resolvedFrom)] } : {}),
    partialFingerprints: { 'unattendedFinding/v1': fingerprint(finding) },
    properties: {
      ecosystem: finding.ecosystem,
      authMethod: finding.authMethod,
      mfaImpact: finding.mfaImpact,
      ...(finding.identity ? { identityKind: finding.identity.kind, identityValue: finding.identity.value } : {}),
      fix: finding.fix,
    },
  };
}

/**
 * SARIF 2.1.0 for code-scanning upload: the rules the results cite (sorted by id, with help text and the fix),
 * results in the findings' stable order, paths relative to SRCROOT with forward slashes.
 */
export const scanSarifReporter: ScanReporter = ({ result, rules, root, toolVersion }) => {
  const cited = [...new Set(result.findings.map((finding) => finding.rule))].sort();
  const index = new Map(cited.map((id, position) => [id, position]));
  const ruleObjects = cited.map((id) => {
    const rule = rules.get(id);
    if (!rule) throw new Error(`finding cites unknown rule ${id}`);
    return sarifRule(rule);
  });
  const run: Record<string, unknown> = {
    tool: { driver: { name: 'unattended', version: toolVersion, semanticVersion: toolVersion, informationUri: INFORMATION_URI, rules: ruleObjects } },
    ...(root ? { originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(root).href.replace(/\/?$/u, '/')}` } } } : {}),
    results: result.findings.map((finding) => sarifResult(finding, index.get(finding.rule) ?? 0)),
    columnKind: 'utf16CodeUnits',
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
};
