import { createHash } from 'node:crypto';
import type { GateFinding } from '../../model/gate.js';
import type { GateReporter } from './gate-report-input.js';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

function ruleName(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** The same problem keeps its fingerprint across runs (the line of code or policy may move). */
function fingerprint(finding: GateFinding): string {
  return createHash('sha256').update(`${finding.rule}\u0000${finding.file ?? ''}\u0000${finding.subject.replace(/:\d+$/u, '')}\u0000${finding.identityId ?? ''}`).digest('hex').slice(0, 32);
}

function location(finding: GateFinding, policyPath: string | null): Record<string, unknown> {
  // Code scanning needs a place for every result: a problem with none (an identity without an owner) sits in the policy.
  const file = finding.file ?? policyPath ?? 'unattended.yaml';
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file.replaceAll('\\', '/')), uriBaseId: 'SRCROOT' }, region: { startLine: finding.line ?? 1 } } };
}

/**
 * SARIF 2.1.0 for code scanning: one result per gate finding, at the code it is about (breaking automation) or the entry
 * of unattended.yaml it is about (exceptions, retirements, owners), rules cited by index.
 */
export const gateSarifReporter: GateReporter = ({ result, rules, toolVersion }) => {
  const cited = rules.filter((rule) => result.findings.some((finding) => finding.rule === rule.id));
  const index = new Map(cited.map((rule, position) => [rule.id, position]));
  const run = {
    tool: {
      driver: {
        name: 'unattended-check',
        version: toolVersion,
        semanticVersion: toolVersion,
        rules: cited.map((rule) => ({
          id: rule.id,
          name: ruleName(rule.id),
          shortDescription: { text: rule.summary },
          defaultConfiguration: { level: rule.level },
          properties: { tags: ['governance', 'mfa'] },
        })),
      },
    },
    results: result.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: index.get(finding.rule) ?? 0,
      level: finding.level,
      message: { text: `${finding.message}.` },
      locations: [location(finding, result.policyPath)],
      partialFingerprints: { 'unattendedGate/v1': fingerprint(finding) },
      ...(finding.identityId ? { properties: { identityId: finding.identityId } } : {}),
    })),
    columnKind: 'utf16CodeUnits',
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
};
