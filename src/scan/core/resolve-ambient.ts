import { MFA_IMPACT_OF, type ScanFinding } from '../../model/scan-finding.js';
import type { RuleMeta, Session } from './detector.js';

function compatible(login: Session, use: Session): boolean {
  return login === 'any' || use === 'any' || login === use;
}

function before(a: ScanFinding, b: ScanFinding): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function describeIdentity(finding: ScanFinding): string {
  return finding.identity ? ` as ${finding.identity.value}` : '';
}

/**
 * Each unresolved `ambient` finding whose rule uses a session takes the method, impact and identity of the
 * nearest preceding login (a non-ambient rule creating a compatible session) among `findings`, which must
 * come from one script or one job. Findings with no such login stay `ambient` (the session comes from elsewhere).
 */
export function resolveAmbient(findings: readonly ScanFinding[], rules: ReadonlyMap<string, RuleMeta>, isLogin: (finding: ScanFinding) => boolean = () => true): ScanFinding[] {
  return findings.map((finding) => {
    if (finding.authMethod !== 'ambient') return finding;
    const use = rules.get(finding.rule);
    if (!use || use.authMethod !== 'ambient' || !use.session) return finding;
    let login: ScanFinding | null = null;
    for (const candidate of findings) {
      if (!before(candidate, finding)) continue;
      const rule = rules.get(candidate.rule);
      if (!rule || rule.authMethod === 'ambient' || !rule.session || !compatible(rule.session, use.session) || !isLogin(candidate)) continue;
      if (login === null || before(login, candidate)) login = candidate;
    }
    if (login === null) return finding;
    return {
      ...finding,
      authMethod: login.authMethod,
      mfaImpact: MFA_IMPACT_OF[login.authMethod],
      identity: login.identity,
      message: `${finding.message}; resolved to the login at line ${login.line} (${login.authMethod}${describeIdentity(login)})`,
    };
  });
}
