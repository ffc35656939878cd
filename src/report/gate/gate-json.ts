import type { GateReporter } from './gate-report-input.js';

/** `check --format json` (schemaVersion 1): the verdict, what was judged, and every finding in the gate's order. */
export const gateJsonReporter: GateReporter = ({ result, identityCount }) => {
  const document = {
    schemaVersion: 1,
    passed: result.passed,
    asOf: result.asOf,
    policy: result.policyPath,
    hasStore: result.hasStore,
    identities: identityCount,
    baseline: result.baseline,
    problems: result.findings.filter((finding) => finding.level === 'error').length,
    findings: result.findings.map((finding) => ({
      rule: finding.rule,
      level: finding.level,
      subject: finding.subject,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      identityId: finding.identityId,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
