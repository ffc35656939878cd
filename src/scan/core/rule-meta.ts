import type { AuthMethod } from '../../model/scan-finding.js';
import type { RuleMeta, Session } from './detector.js';

/** Severity by consequence: breaks under MFA → error; needs a person or depends → warning; safe → note. */
export function severityFor(method: AuthMethod): RuleMeta['severity'] {
  if (method === 'user-password') return 'error';
  if (method === 'user-interactive' || method === 'ambient') return 'warning';
  return 'note';
}

/** The standard advice per method; a rule may give a more specific fix. */
export const FIX_FOR: Readonly<Record<AuthMethod, string>> = {
  'user-password':
    'Stop signing in as a user with a password: use a managed identity when this runs on Azure, workload identity federation (OIDC) from CI, or a service principal with a certificate; then remove the password and the account\'s role assignments.',
  'user-interactive': 'A person must sign in each time: fine at a keyboard; for unattended runs use a managed identity or workload identity federation.',
  ambient: 'Uses a login made elsewhere: trace it (the resolved login is in the message when it is in the same script or job) and make that login a workload identity.',
  'service-connection': 'A service connection is never a user; prefer one using workload identity federation (no secret to rotate).',
  'workload-secret': 'Safe under MFA. Prefer workload identity federation or a managed identity: client secrets leak and expire.',
  'workload-certificate': 'Safe under MFA. Keep the certificate in Key Vault, or remove it with workload identity federation.',
  'managed-identity': 'Safe under MFA; nothing to change.',
  'workload-federation': 'Safe under MFA; nothing to change.',
};

export interface RuleSpec {
  id: string;
  authMethod: AuthMethod;
  summary: string;
  docUrl: string;
  fix?: string;
  severity?: RuleMeta['severity'];
  session?: Session;
  sets?: Session;
}

/** RuleMeta from a short spec: severity and fix default from the method. */
export function defineRule(spec: RuleSpec): RuleMeta {
  const rule: RuleMeta = {
    id: spec.id,
    authMethod: spec.authMethod,
    severity: spec.severity ?? severityFor(spec.authMethod),
    summary: spec.summary,
    fix: spec.fix ?? FIX_FOR[spec.authMethod],
    docUrl: spec.docUrl,
  };
  if (spec.session) rule.session = spec.session;
  if (spec.sets) rule.sets = spec.sets;
  return rule;
}
