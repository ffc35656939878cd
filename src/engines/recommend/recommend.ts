import { DIRECTORY_ROLES } from '../../catalog/directory-roles.js';
import { userAgentFamily } from '../../catalog/user-agents.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import type { IdentityClass, RecommendedAction } from '../../model/analysis.js';
import type { Impact } from '../impact/impact.js';
import { behaviourOf, percent } from '../classify/behaviour-signals.js';
import { day, daysBetween } from '../impact/phrases.js';

export interface Recommendation {
  action: RecommendedAction;
  why: string;
}

/** No sign-in for this long (and none in the logs) makes an account stale. */
const STALE_DAYS = 90;
const SYNC_ROLE_ID = DIRECTORY_ROLES.find((role) => role.name === 'Directory Synchronization Accounts')?.id ?? '';
/** Methods that resist phishing, as userRegistrationDetails names them. */
const PHISHING_RESISTANT = /^(?:fido2|passKey|windowsHelloForBusiness|x509Certificate|certificateBasedAuthentication)/iu;

function isStale(f: IdentityFeatures, asOf: string): boolean {
  if (f.signIns > 0 || f.lastOperation !== null) return false;
  return f.directoryLastSignIn === null || daysBetween(f.directoryLastSignIn, asOf) > STALE_DAYS;
}

/** Where an account's job runs decides its workload identity: CI → federation, Azure → managed identity, elsewhere → certificate. */
function migration(f: IdentityFeatures): Recommendation {
  const behaviour = behaviourOf(f);
  const ciAgent = f.userAgents.find((agent) => userAgentFamily(agent.key)?.ci);
  if (ciAgent && behaviour.ciAgentShare >= 0.3) {
    const label = userAgentFamily(ciAgent.key)?.label ?? ciAgent.key;
    return {
      action: 'migrate-workload-federation',
      why: `Runs from a CI pipeline (${label} in ${percent(behaviour.ciAgentShare)} of user agents): federate the pipeline with a workload identity, no secret to keep.`,
    };
  }
  if (f.signIns > 0 && behaviour.azureShare >= 0.5) {
    return {
      action: 'migrate-managed-identity',
      why: `Runs on Azure compute (${percent(behaviour.azureShare)} of sign-ins from ASN 8075): give that resource a managed identity with the roles the account uses.`,
    };
  }
  const trusted = f.trustedLocations.length > 0 ? ` (${f.trustedLocationIps} address${f.trustedLocationIps === 1 ? '' : 'es'} in the trusted named location ${f.trustedLocations.map((name) => `"${name}"`).join(', ')})` : '';
  const where = f.signIns === 0 ? 'Where it runs is unknown (no sign-ins)' : trusted ? `Runs on-premises${trusted}` : 'Runs outside Azure (on-premises or another network)';
  return {
    action: 'migrate-service-principal-certificate',
    why: `${where}: use a service principal with a certificate, with the roles the account uses.`,
  };
}

/** In-scope access whose MFA cannot be traced is all the risk there is: nothing shows a sign-in or write without MFA. */
function untracedOnly(f: IdentityFeatures): boolean {
  return f.portalSuccessNoMfa + f.armSuccessNoMfa + f.opsNoMfa === 0 && f.portalSuccessUntraced + f.armSuccessUntraced > 0;
}

export function recommend(f: IdentityFeatures, identityClass: IdentityClass, impact: Impact, asOf: string): Recommendation {
  switch (identityClass) {
    case 'workload-identity':
      return { action: 'none', why: 'Already a workload identity: mandatory MFA does not apply.' };
    case 'break-glass': {
      const strong = f.methodsRegistered.filter((method) => PHISHING_RESISTANT.test(method));
      if (strong.length > 0) return { action: 'none', why: `Emergency access with a phishing-resistant method registered (${strong.join(', ')}).` };
      return { action: 'enroll-phishing-resistant-mfa', why: 'Emergency-access account without a phishing-resistant method: register a FIDO2 passkey or certificate-based authentication, as Microsoft recommends.' };
    }
    case 'human':
      if (f.accountEnabled === false && impact.verdict === 'not-affected') return { action: 'none', why: 'A disabled account: nothing to enroll while it cannot sign in.' };
      if (impact.verdict === 'at-risk' && untracedOnly(f) && (f.mfaRegistered === true || f.mfaSuccesses > 0)) {
        const shown = f.mfaSuccesses > 0 ? `completed MFA on ${f.mfaSuccesses} sign-in${f.mfaSuccesses === 1 ? '' : 's'}` : 'has MFA registered';
        return { action: 'none', why: `A person who ${shown}; the in-scope sign-ins ride sessions that began before the data, nothing shows they lack MFA.` };
      }
      if (impact.verdict === 'broken' || impact.verdict === 'breaks' || impact.verdict === 'at-risk') {
        return { action: 'enroll-mfa', why: 'A person without MFA on Azure access: register an MFA method (Authenticator, passkey) before enforcement.' };
      }
      return { action: 'none', why: impact.verdict === 'ready' ? 'A person who already completes MFA.' : 'A person without Azure portal or ARM access.' };
    case 'service-account': {
      if (f.directoryRoleIds.includes(SYNC_ROLE_ID) || /^sync_/u.test(f.upn ?? '')) {
        return { action: 'none', why: 'The directory synchronisation account is exempt from mandatory MFA; keep it as it is.' };
      }
      if (f.accountEnabled === false && impact.verdict === 'not-affected') {
        const last = f.lastSuccess ?? f.directoryLastSignIn;
        const seen = last ? `last successful sign-in ${day(last)}` : 'no sign-in recorded';
        return { action: 'retire', why: `Disabled (${seen}): check that no script, pipeline or job still references it (the scan links them), then delete it.` };
      }
      if (impact.migratedTo) {
        return { action: 'retire', why: `Its work moved to ${impact.migratedTo.name ?? impact.migratedTo.id} on ${day(impact.migratedTo.firstSeen)}: disable the account, then delete it.` };
      }
      if (isStale(f, asOf)) {
        const last = f.directoryLastSignIn ? `last sign-in ${day(f.directoryLastSignIn)}` : 'never signed in';
        return { action: 'retire', why: `Unused (${last}, nothing in the logs): disable the account, then delete it.` };
      }
      return migration(f);
    }
    case 'unknown':
      return { action: 'none', why: 'Not classified: confirm whether a person or a job uses it (see the evidence), then enroll MFA or migrate.' };
  }
}
