import type { AutomationFinding, ExceptionStatus, GovernedAutomation, GovernedIdentity } from '../../model/governance.js';
import { compiledPolicy } from './compiled-policy.js';
import { dayOf, exceptionStatus, preferredException } from './exception-status.js';
import type { GovernancePolicy } from './governance-policy.js';
import { ownerRuleFor } from './govern-identity.js';

/** The identities of the analysis, by each lower-cased name code may use for them (UPN, client ID, object ID). */
function identitiesByRef(identities: readonly GovernedIdentity[], appIds: ReadonlyMap<string, string>): Map<string, GovernedIdentity> {
  const byRef = new Map<string, GovernedIdentity>();
  for (const identity of identities) {
    byRef.set(identity.id.toLowerCase(), identity);
    if (identity.upn) byRef.set(identity.upn.toLowerCase(), identity);
    const appId = appIds.get(identity.id);
    if (appId) byRef.set(appId.toLowerCase(), identity);
  }
  return byRef;
}

function label(status: ExceptionStatus): string {
  return status.identity !== null ? `identity:${status.identity}` : `path:${status.path ?? ''}`;
}

/**
 * Who owns each breaking place in code and which exception covers it: a `path` owner rule for its file first (the code's
 * own owner), else the owner of the identity it signs in as (the analysis's, when the identity is in the store; else
 * by id, UPN or pattern). An exception covers it when it names the identity (by any of its names) or its file.
 */
export function governAutomation(
  findings: readonly AutomationFinding[],
  policy: GovernancePolicy | null,
  asOf: string,
  identities: readonly GovernedIdentity[] = [],
  appIds: ReadonlyMap<string, string> = new Map(),
): GovernedAutomation[] {
  // Only a policy looks identities up (52,500 of them at 10 M sign-ins: 0.1 s to index for nothing without one).
  const byRef = policy === null || findings.length === 0 ? new Map<string, GovernedIdentity>() : identitiesByRef(identities, appIds);
  const day = dayOf(asOf);
  return findings.map((finding) => {
    const governed: GovernedAutomation = { ...finding, ownerTeam: null, ownerMatch: null, exceptedBy: null, exceptionState: null };
    if (policy === null) return governed;
    const compiled = compiledPolicy(policy);
    const value = finding.identityValue?.trim() ?? null;
    const known = value === null ? undefined : byRef.get(value.toLowerCase());
    const pathRule = compiled.paths.find((entry) => entry.regex.test(finding.file))?.rule;
    if (pathRule) {
      governed.ownerTeam = pathRule.assignment.team;
      governed.ownerMatch = `path:${pathRule.value}`;
    } else if (known) {
      governed.ownerTeam = known.ownerTeam;
      governed.ownerMatch = known.ownerMatch;
    } else if (value !== null && (finding.identityKind === 'upn' || finding.identityKind === 'client-id')) {
      const rule = ownerRuleFor(compiled, { id: value, upn: finding.identityKind === 'upn' ? value : null, appId: null, displayName: value }, []);
      governed.ownerTeam = rule?.assignment.team ?? null;
      governed.ownerMatch = rule ? `${rule.kind}:${rule.value}` : null;
    }
    const refs = new Set<string>(value === null ? [] : [value.toLowerCase()]);
    if (known) for (const ref of [known.id, known.upn, appIds.get(known.id)]) if (ref) refs.add(ref.toLowerCase());
    const candidates = [
      ...[...refs].flatMap((ref) => compiled.exceptionsByRef.get(ref) ?? []),
      ...compiled.exceptionPaths.filter((entry) => entry.regex.test(finding.file)).map((entry) => entry.entry),
    ];
    const best = preferredException([...new Set(candidates)].map((entry) => exceptionStatus(entry, day, policy.gate.expiringWithinDays)));
    if (best) {
      governed.exceptedBy = label(best);
      governed.exceptionState = best.state;
    }
    return governed;
  });
}
