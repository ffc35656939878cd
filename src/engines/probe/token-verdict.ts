import { appById } from '../../catalog/enforcement.js';
import { amrMeaning, audienceOf, IDENTITY_CLAIMS } from '../../catalog/token-claims.js';
import type { Verdict } from '../../model/analysis.js';
import type { EnforcementDates } from '../impact/impact.js';
import type { AccessTokenClaims } from './decode-token.js';

/**
 * Whether the sign-in a token comes from survives mandatory MFA, in analyze's vocabulary: a workload identity is not
 * affected; a user whose token carries no MFA breaks on the phase of its audience (the portal: phase 1; ARM: phase 2,
 * whose writes are refused); with MFA it is ready; a user token for anything else is outside mandatory MFA.
 */

export type TokenIdentity = 'user' | 'service-principal' | 'managed-identity' | 'unknown';

export interface TokenMethod {
  value: string;
  meaning: string | null;
}

export interface TokenProbe {
  identity: TokenIdentity;
  /** The user's UPN (or name), the application's id: never the token. */
  subject: string | null;
  objectId: string | null;
  tenant: string | null;
  client: { id: string | null; name: string | null };
  audience: { value: string; name: string | null; phase: 'phase1' | 'phase2' | 'none' | null; sovereign: boolean };
  methods: TokenMethod[];
  mfa: boolean;
  expires: string | null;
  expired: boolean;
  verdict: Verdict | 'unknown';
  breaksOn: string | null;
  phase: 'phase1' | 'phase2' | null;
  reasons: string[];
  /** Exit code: 1 when the identity will break, 0 otherwise. */
  exitCode: 0 | 1;
}

function identityOf(claims: AccessTokenClaims): TokenIdentity {
  if (claims.xms_mirid !== null) return 'managed-identity';
  if (claims.idtyp === 'app') return 'service-principal';
  if (claims.idtyp === 'user' || claims.scp !== null || claims.upn !== null || claims.unique_name !== null) return 'user';
  // An app-only token without idtyp carries roles and no delegated scope.
  if (claims.roles.length > 0) return 'service-principal';
  return 'unknown';
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function minutes(from: number, to: number): string {
  const total = Math.round(Math.abs(to - from) / 60);
  if (total < 120) return `${total} min`;
  return total < 48 * 60 ? `${Math.round(total / 60)} h` : `${Math.round(total / 1440)} days`;
}

export interface ProbeContext {
  /** Now, as an ISO instant (the probe's --as-of, for tests). */
  asOf: string;
  enforcement: EnforcementDates;
}

export function probeToken(claims: AccessTokenClaims, context: ProbeContext): TokenProbe {
  const identity = identityOf(claims);
  const [aud = ''] = claims.aud;
  const audience = audienceOf(aud);
  const methods = claims.amr.map((value) => ({ value, meaning: amrMeaning(value)?.meaning ?? null }));
  const mfa = claims.amr.some((value) => amrMeaning(value)?.mfa === true);
  const clientId = claims.appid ?? claims.azp;
  const now = Date.parse(context.asOf) / 1000;
  const expired = claims.exp !== null && claims.exp <= now;
  const probe: TokenProbe = {
    identity,
    subject: identity === 'user' ? (claims.upn ?? claims.unique_name ?? claims.preferred_username) : clientId,
    objectId: claims.oid,
    tenant: claims.tid,
    client: { id: clientId, name: claims.app_displayname ?? appById(clientId)?.name ?? null },
    audience: { value: aud, name: audience?.name ?? null, phase: audience?.phase ?? null, sovereign: audience?.sovereign ?? false },
    methods,
    mfa,
    expires: claims.exp === null ? null : iso(claims.exp),
    expired,
    verdict: 'unknown',
    breaksOn: null,
    phase: null,
    reasons: [],
    exitCode: 0,
  };
  if (expired && claims.exp !== null) probe.reasons.push(`The token expired ${minutes(claims.exp, now)} ago: it still says how that sign-in was made; probe a fresh one to judge the sign-in the job makes now.`);
  if (identity === 'managed-identity' || identity === 'service-principal') {
    probe.verdict = 'not-affected';
    probe.reasons.unshift(`${identity === 'managed-identity' ? `A managed identity (${IDENTITY_CLAIMS.managedIdentityResource} names its resource)` : 'A service principal (an app-only token)'}: mandatory MFA applies to user sign-ins only.`);
    return probe;
  }
  if (identity === 'unknown') {
    probe.reasons.unshift(`The token says neither a user nor an app signed in (no ${IDENTITY_CLAIMS.identityType}, upn or scope): nothing to judge.`);
    return probe;
  }
  const how = methods.length === 0 ? 'no authentication method recorded' : methods.map((method) => method.value).join(', ');
  if (audience === null || audience.phase === 'none') {
    probe.verdict = 'not-affected';
    const what = audience?.sovereign ? `${audience.name}: mandatory MFA was enforced in public Azure only` : `${audience?.name ?? aud}, which mandatory MFA does not cover`;
    probe.reasons.unshift(`Signs in as a user (${how}) for ${what}. A Conditional Access policy requiring MFA would still stop it.`);
    return probe;
  }
  const phase = audience.phase;
  const date = context.enforcement[phase];
  if (mfa) {
    probe.verdict = 'ready';
    probe.reasons.unshift(`Signs in as a user with MFA (${how}): ${audience.name} accepts it under ${phase}.`);
    return probe;
  }
  const passed = date <= context.asOf.slice(0, 10);
  const what = phase === 'phase2' ? 'ARM writes are refused' : 'portal sign-ins are refused';
  const only = methods.length > 0 && methods.every((method) => method.value === 'pwd') ? 'password only' : `no MFA (${how})`;
  probe.verdict = 'breaks';
  probe.breaksOn = date;
  probe.phase = phase;
  probe.exitCode = 1;
  probe.reasons.unshift(`Signs in as a user with ${only}: ${what} ${passed ? 'since' : 'from'} ${date} (${phase})${passed ? ', unless the tenant\'s enforcement is postponed' : ''}.`);
  probe.reasons.push('Move the job to a workload identity: a managed identity on Azure compute, workload identity federation from CI.');
  return probe;
}
