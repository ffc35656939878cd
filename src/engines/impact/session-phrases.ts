import type { IdentityFeatures } from '../../features/identity-features.js';
import { minute } from './phrases.js';

/**
 * The sessions behind a verdict, named so that a person can find them in the logs: the sign-in whose MFA a session's
 * later sign-ins rode, the single-factor sign-in a refreshed session began with, the session first seen already
 * under way. reference/data-formats.md, "Sessions".
 */

function quoted(name: string | null): string {
  return name === null ? 'an unnamed app' : `"${name}"`;
}

/** "session S completed MFA by M on "App" at T (sign-in I)", or null. */
export function sessionMfaPhrase(f: IdentityFeatures): string | null {
  const example = f.sessionMfaExample;
  if (example === null) return null;
  const method = example.method === null ? '' : ` by ${example.method}`;
  return `session ${example.sessionId} completed MFA${method} on ${quoted(example.app)} at ${minute(example.at)} (sign-in ${example.signInId}), and ${example.refreshes} later sign-in${example.refreshes === 1 ? '' : 's'} rode it`;
}

/** "session S began with a single-factor sign-in to "App" at T and was refreshed N times", or null. */
export function singleFactorSessionPhrase(f: IdentityFeatures): string | null {
  const example = f.singleFactorSessionExample;
  if (example === null) return null;
  return `session ${example.sessionId} began with a single-factor sign-in to ${quoted(example.app)} at ${minute(example.startedAt)} and was refreshed ${example.refreshes} time${example.refreshes === 1 ? '' : 's'} without MFA`;
}

/** Why some in-scope sign-ins can be neither counted with MFA nor without it. */
export function untracedSentence(f: IdentityFeatures): string | null {
  const scope: string[] = [];
  if (f.portalSuccessUntraced > 0) scope.push(`${f.portalSuccessUntraced} Azure portal`);
  if (f.armSuccessUntraced > 0) scope.push(`${f.armSuccessUntraced} Azure Resource Manager`);
  if (scope.length === 0) return null;
  const total = f.portalSuccessUntraced + f.armSuccessUntraced;
  const when = f.scopeUntracedFirst && f.scopeUntracedLast ? (f.scopeUntracedFirst === f.scopeUntracedLast ? ` (at ${minute(f.scopeUntracedFirst)})` : ` (first ${minute(f.scopeUntracedFirst)}, last ${minute(f.scopeUntracedLast)})`) : '';
  const one = total === 1;
  const example = f.untracedSessionExample;
  const origin = example
    ? `${one ? 'its' : 'their'} session began before the imported window (session ${example.sessionId} was first seen at ${minute(example.firstSeen)}, already under way)`
    : `${one ? 'it carries' : 'they carry'} no session id to trace`;
  const noSession = f.untracedWithoutSession > 0 && example ? `; ${f.untracedWithoutSession} sign-in${f.untracedWithoutSession === 1 ? '' : 's'} carry no session id at all` : '';
  return `${scope.join(' and ')} sign-in${one ? '' : 's'}${when} ${one ? 'shows' : 'show'} no MFA of ${one ? 'its' : 'their'} own and cannot be traced: ${origin}${noSession}. Whether ${one ? 'it carries' : 'they carry'} MFA is unknown; ${one ? 'it proves' : 'they prove'} no breakage alone.`;
}
