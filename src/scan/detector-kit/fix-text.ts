import type { AuthMethod } from '../../model/scan-finding.js';

/** What to do instead, by how the code signs in today (the finding's `fix` and SARIF help). */
export const FIX_BY_METHOD: Readonly<Record<AuthMethod, string>> = {
  'user-password':
    'Stop signing in as a user: use a managed identity where this runs in Azure, workload identity federation (OIDC) from CI, or a service principal with a certificate; then remove the password.',
  'user-interactive':
    'Fine for a person at a keyboard; for unattended runs switch to a managed identity or workload identity federation.',
  ambient:
    'Trace the login this inherits (CLI/PowerShell context, environment): make sure it is a managed identity or federated workload identity, not a user.',
  'service-connection':
    'Use a workload identity federation service connection (no secret to rotate).',
  'workload-secret':
    'Safe under MFA. Prefer workload identity federation or a managed identity: secrets leak and expire.',
  'workload-certificate':
    'Safe under MFA. Keep the certificate in a key vault; consider workload identity federation to remove it.',
  'managed-identity': 'Safe under MFA; nothing to change.',
  'workload-federation': 'Safe under MFA; nothing to change.',
};

/** Severity a rule of this method gets: breaks → error, needs a person or depends → warning, safe → note. */
export function severityOf(method: AuthMethod): 'error' | 'warning' | 'note' {
  if (method === 'user-password') return 'error';
  if (method === 'user-interactive' || method === 'ambient') return 'warning';
  return 'note';
}
