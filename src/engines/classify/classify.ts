import { DIRECTORY_ROLES, GLOBAL_ADMINISTRATOR_ROLE_ID, directoryRoleName } from '../../catalog/directory-roles.js';
import { FIRST_PARTY_APPS } from '../../catalog/enforcement.js';
import type { IdentityFeatures, TenantFeatures } from '../../features/identity-features.js';
import type { Evidence, IdentityClass } from '../../model/analysis.js';
import { behaviourOf, duration, percent } from './behaviour-signals.js';
import { sessionMfaPhrase, singleFactorSessionPhrase, untracedSentence } from '../impact/session-phrases.js';

export interface ClassifyContext {
  /** Break-glass accounts from unattended.yaml: UPNs or object IDs, any case. */
  breakGlass: readonly string[];
  tenant: TenantFeatures;
}

export interface Classification {
  class: IdentityClass;
  confidence: number;
  evidence: Evidence[];
}

/** Score at which the evidence is taken to point one way; between the two the class is unknown. */
const DECISION = 1;
const SYNC_ROLE_ID = DIRECTORY_ROLES.find((role) => role.name === 'Directory Synchronization Accounts')?.id ?? '';
const MOBILE_APP_ID = FIRST_PARTY_APPS.find((app) => app.name === 'Azure Mobile App')?.id ?? '';
const PRODUCTIVITY_APP_IDS = new Set(FIRST_PARTY_APPS.filter((app) => app.role === 'other' && app.name !== 'Windows Azure Active Directory').map((app) => app.id));
const SERVICE_NAME = /(?:^|[^a-z])(?:svc|sa|srv|service|automation|auto|deploy|deployer|pipeline|runbook|robot|bot|batch|job|sync|backup|terraform|devops|ci|cd|app|api|daemon|scheduler|task)(?:$|[^a-z])/u;
const BREAK_GLASS_NAME = /break.?glass|emergency|bg.?admin/u;
/** userRegistrationDetails methods of the Microsoft Authenticator app on a phone. */
const AUTHENTICATOR_APP = /^microsoftAuthenticator/iu;

/** Machine-positive weights: each signal adds to the "service account" score, or subtracts toward "human". */
interface Signal {
  signal: string;
  detail: string;
  machine: number;
}

function nameOf(features: IdentityFeatures): string {
  const upn = features.upn ?? '';
  const at = upn.indexOf('@');
  return `${at < 0 ? upn : upn.slice(0, at)} ${features.displayName ?? ''}`.toLowerCase();
}

function workload(features: IdentityFeatures): Classification {
  const evidence: Evidence[] = [];
  const what = features.kind === 'managedIdentity' ? 'a managed identity' : 'a service principal';
  if (features.inDirectory) {
    const type = features.servicePrincipalType ? ` (servicePrincipalType ${features.servicePrincipalType})` : '';
    evidence.push({ signal: 'directory-object-type', detail: `The directory object is ${what}${type}.`, weight: 1 });
  }
  const logged = features.servicePrincipalSignIns + features.managedIdentitySignIns;
  if (logged > 0) {
    const log = features.managedIdentitySignIns > 0 ? 'ManagedIdentitySignInLogs' : 'ServicePrincipalSignInLogs';
    evidence.push({ signal: 'workload-sign-ins', detail: `${logged} sign-ins are recorded in ${log}, the log of workload identities.`, weight: 1 });
  }
  if (evidence.length === 0) {
    evidence.push({ signal: 'app-only-token', detail: `Seen only in the Activity log with an app-only token (idtyp app): ${what}.`, weight: 0.8 });
  }
  if (!features.inDirectory) evidence.push({ signal: 'missing-directory-object', detail: 'No directory object was imported for it; its credentials and owners are unknown.', weight: 0 });
  return { class: 'workload-identity', confidence: features.inDirectory ? 1 : 0.9, evidence };
}

function isConfiguredBreakGlass(features: IdentityFeatures, configured: readonly string[]): boolean {
  const wanted = new Set(configured.map((entry) => entry.toLowerCase()));
  return wanted.has(features.id.toLowerCase()) || (features.upn !== null && wanted.has(features.upn.toLowerCase()));
}

function breakGlassSignals(features: IdentityFeatures, context: ClassifyContext): { score: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  let score = 0;
  if (isConfiguredBreakGlass(features, context.breakGlass)) {
    score += 3;
    evidence.push({ signal: 'configured-break-glass', detail: 'Listed under breakGlass in unattended.yaml.', weight: 3 });
  }
  if (features.directoryRoleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID)) {
    score += 1;
    evidence.push({ signal: 'global-administrator', detail: 'Holds the Global Administrator directory role.', weight: 1 });
  }
  const policies = context.tenant.enabledCaPolicies;
  if (policies > 0 && features.caPoliciesExcluding >= policies) {
    score += 1;
    evidence.push({ signal: 'excluded-from-conditional-access', detail: `Excluded from every enabled Conditional Access policy (${policies} of ${policies}).`, weight: 1 });
  }
  if (score >= 2 && features.signIns <= 5) {
    score += 0.5;
    evidence.push({ signal: 'rarely-used', detail: `Rarely used: ${features.signIns} sign-in${features.signIns === 1 ? '' : 's'} in the window.`, weight: 0.5 });
  }
  if (BREAK_GLASS_NAME.test(nameOf(features))) {
    score += 0.5;
    evidence.push({ signal: 'break-glass-name', detail: 'Its name reads as an emergency-access account (a weak hint).', weight: 0.5 });
  }
  if (score >= 2.5 && policies === 0) {
    evidence.push({ signal: 'missing-conditional-access', detail: 'No Conditional Access policies were imported, so exclusion from them could not be checked.', weight: 0 });
  }
  return { score, evidence };
}

function userSignals(features: IdentityFeatures): Signal[] {
  const signals: Signal[] = [];
  const behaviour = behaviourOf(features);
  const guest = features.userType === 'guest';

  if (features.directoryRoleIds.includes(SYNC_ROLE_ID) || /^sync_/u.test(features.upn ?? '')) {
    signals.push({ signal: 'directory-sync-account', detail: 'The Entra Connect / Cloud Sync account (Directory Synchronization Accounts role or Sync_ name).', machine: 4 });
  }
  if (features.signIns >= 12 && features.activeHours >= 6 && features.gapCv !== null && features.gapMedianSeconds !== null && features.regularGapShare !== null) {
    if (features.regularGapShare >= 0.6 && features.gapCv <= 0.75) {
      signals.push({
        signal: 'periodic-schedule',
        detail: `Signs in on a schedule: the typical gap between active hours is ${duration(features.gapMedianSeconds)} and ${percent(features.regularGapShare)} of gaps are within 10% of it.`,
        machine: 2,
      });
    } else if (features.regularGapShare < 0.4 && features.gapCv > 1) {
      signals.push({ signal: 'irregular-timing', detail: `Irregular timing: only ${percent(features.regularGapShare)} of gaps between active hours are alike.`, machine: -0.5 });
    }
  }
  if (features.hoursOfDay >= 20 && behaviour.weekendShare >= 0.15) {
    signals.push({ signal: 'around-the-clock', detail: `Active in ${features.hoursOfDay} of 24 hours of the day, weekends included (${percent(behaviour.weekendShare)} of sign-ins).`, machine: 1.5 });
  } else if (features.activeDays >= 3 && behaviour.weekendShare <= 0.1 && features.hoursOfDay <= 14) {
    signals.push({ signal: 'workday-rhythm', detail: `A workday rhythm: ${percent(1 - behaviour.weekendShare)} of sign-ins on weekdays, within ${features.hoursOfDay} hours of the day.`, machine: -1.5 });
  } else if (features.activeDays >= 5 && behaviour.peakHourShare >= 0.8) {
    signals.push({ signal: 'fixed-hour', detail: `${percent(behaviour.peakHourShare)} of sign-ins fall in the same hour of the day, every day.`, machine: 1 });
  }
  if (features.ropc > 0) {
    signals.push({ signal: 'password-grant', detail: `${features.ropc} password (ROPC) sign-ins: a program holds this password and sends it without a person.`, machine: 1.5 });
  }
  if (behaviour.promptedSignIns > 0) {
    signals.push({ signal: 'interactive-prompt', detail: `${behaviour.promptedSignIns} interactive sign-ins that were not password grants: someone at a browser or device prompt.`, machine: -1 });
  }
  if (behaviour.withUserAgent >= 3 && behaviour.automationAgentShare >= 0.8 && behaviour.browserShare === 0) {
    const top = features.userAgents[0]?.key ?? 'tools';
    signals.push({ signal: 'automation-user-agent', detail: `${percent(behaviour.automationAgentShare)} of user agents are tools or SDKs (mostly ${top}), none a browser.`, machine: 1 });
  } else if (behaviour.browserShare >= 0.3) {
    signals.push({ signal: 'browser-user-agent', detail: `${percent(behaviour.browserShare)} of sign-ins come from a browser or desktop app.`, machine: -1 });
  }
  if (features.signIns >= 10 && behaviour.azureShare + behaviour.cloudShare >= 0.8) {
    signals.push({ signal: 'hosting-network', detail: `${percent(behaviour.azureShare + behaviour.cloudShare)} of sign-ins come from a data centre (${behaviour.azureShare >= behaviour.cloudShare ? 'Azure, ASN 8075' : 'another cloud'}).`, machine: 1 });
  }
  if (features.signIns >= 50 && features.distinctIps <= 2) {
    signals.push({ signal: 'fixed-address', detail: `${features.signIns} sign-ins from only ${features.distinctIps} IP address${features.distinctIps === 1 ? '' : 'es'}.`, machine: 0.5 });
  } else if (features.distinctCountries >= 2 || features.distinctIps >= 6) {
    signals.push({ signal: 'varied-locations', detail: `Signs in from ${features.distinctIps} addresses in ${features.distinctCountries} countries, as a person moving around does.`, machine: -0.5 });
  }
  if (features.mfaSuccesses > 0) {
    signals.push({ signal: 'completes-mfa', detail: `Completed MFA on ${features.mfaSuccesses} sign-ins.`, machine: -1.5 });
  }
  signals.push(...sessionSignals(features));
  if (features.apps.some((app) => app.key === MOBILE_APP_ID)) {
    signals.push({ signal: 'azure-mobile-app', detail: 'Uses the Azure mobile app: a person with a phone.', machine: -1 });
  }
  const productivity = features.apps.filter((app) => PRODUCTIVITY_APP_IDS.has(app.key)).reduce((sum, app) => sum + app.count, 0);
  if (productivity > 0 && features.ropc === 0) {
    signals.push({ signal: 'productivity-apps', detail: `${productivity} sign-ins to Office apps (mail, files, Office home).`, machine: -0.5 });
  }
  if (features.signIns >= 20 && features.interactive === 0) {
    signals.push({ signal: 'non-interactive-only', detail: `All ${features.signIns} user sign-ins are non-interactive: no one ever typed at a prompt.`, machine: 0.5 });
  }
  if (guest) {
    signals.push({ signal: 'guest-account', detail: 'A guest (B2B) account: a person from another organisation; its MFA lives in the home tenant.', machine: -1.5 });
  } else if (features.registrationKnown) {
    if (features.mfaRegistered === true) {
      signals.push({ signal: 'mfa-registered', detail: `MFA methods registered: ${features.methodsRegistered.join(', ') || 'yes'}.`, machine: -0.75 });
    } else if (features.mfaRegistered === false) {
      signals.push({ signal: 'no-mfa-registered', detail: 'No MFA method registered (weak alone: new starters have none either).', machine: 0.75 });
    }
  }
  const profile = personProfile(features);
  if (profile.length > 0) {
    signals.push({ signal: 'person-profile', detail: `The directory gives it what a person has: ${profile.join(', ')} (a weak hint: service accounts get managers too).`, machine: -0.5 });
  }
  if (features.passwordNeverExpires === true) {
    signals.push({ signal: 'password-never-expires', detail: 'Its password is set never to expire (DisablePasswordExpiration).', machine: 0.5 });
  }
  if (!guest && features.licenseCount !== null) {
    if (features.licenseCount > 0) signals.push({ signal: 'licensed', detail: `Holds ${features.licenseCount} licence${features.licenseCount === 1 ? '' : 's'}.`, machine: -0.5 });
    else signals.push({ signal: 'unlicensed', detail: 'Holds no licence.', machine: 0.25 });
  }
  const roles = features.directoryRoleIds.map((id) => directoryRoleName(id) ?? id).filter((name) => name !== 'Directory Synchronization Accounts');
  if (roles.length > 0) {
    signals.push({ signal: 'directory-roles', detail: `Directory roles: ${roles.join(', ')}.`, machine: 0 });
  }
  if (SERVICE_NAME.test(nameOf(features))) {
    signals.push({ signal: 'service-name', detail: 'Its name reads like a service account (a weak hint: behaviour decides).', machine: 0.5 });
  }
  return signals;
}

/**
 * What the sessions show, as evidence a person can check (weight 0: completes-mfa and password-grant already weigh the
 * same facts; these name the session and sign-in to look up).
 */
function sessionSignals(features: IdentityFeatures): Signal[] {
  const signals: Signal[] = [];
  const mfa = sessionMfaPhrase(features);
  if (features.sessionMfaSuccesses > 0 && mfa !== null) {
    signals.push({ signal: 'session-mfa', detail: `${features.sessionMfaSuccesses} sign-in${features.sessionMfaSuccesses === 1 ? '' : 's'} with no MFA step of their own carry their session's MFA: e.g. ${mfa}.`, machine: 0 });
  }
  const single = singleFactorSessionPhrase(features);
  if (single !== null) signals.push({ signal: 'single-factor-session', detail: `Token refreshes without MFA in sessions that began single-factor: e.g. ${single}.`, machine: 0 });
  const untraced = untracedSentence(features);
  if (untraced !== null) signals.push({ signal: 'untraced-session', detail: untraced, machine: 0 });
  return signals;
}

/** Directory attributes a person has: job title, department, manager, a registered Authenticator app. */
function personProfile(features: IdentityFeatures): string[] {
  const found: string[] = [];
  if (features.jobTitle !== null) found.push(`job title "${features.jobTitle}"`);
  if (features.department !== null) found.push(`department "${features.department}"`);
  if (features.managerId !== null) found.push('a manager');
  if (features.methodsRegistered.some((method) => AUTHENTICATOR_APP.test(method))) found.push('Microsoft Authenticator registered');
  return found;
}

/** Whether an account is disabled, for the evidence (the verdict reads the same facts, see impact). */
function disabledEvidence(features: IdentityFeatures): Evidence[] {
  if (features.accountEnabled !== false) return [];
  const since = features.disabledAt ? ` since ${features.disabledAt.slice(0, 10)} (audit log)` : '';
  const last = features.directoryLastSignIn ? `; the directory's last sign-in is ${features.directoryLastSignIn.slice(0, 10)}` : '; the directory records no sign-in';
  return [{ signal: 'account-disabled', detail: `Disabled in the directory (accountEnabled false)${since}${last}.`, weight: 0 }];
}

function missingData(features: IdentityFeatures, context: ClassifyContext): { evidence: Evidence[]; factor: number } {
  const evidence: Evidence[] = [];
  let factor = 1;
  if (context.tenant.signIns === 0) {
    evidence.push({ signal: 'missing-sign-in-logs', detail: 'No sign-in logs were imported: behaviour could not be observed.', weight: 0 });
    factor *= 0.7;
  } else if (features.signIns === 0) {
    const last = features.directoryLastSignIn ? `; the directory's last sign-in is ${features.directoryLastSignIn.slice(0, 10)}` : '';
    evidence.push({ signal: 'no-sign-ins', detail: `No sign-ins in the imported logs${last}: the class rests on account properties.`, weight: 0 });
    factor *= 0.8;
  } else if (features.signIns < 5) {
    evidence.push({ signal: 'few-sign-ins', detail: `Only ${features.signIns} sign-in${features.signIns === 1 ? '' : 's'}: too few to judge rhythm or schedule.`, weight: 0 });
    factor *= 0.9;
  }
  if (!features.inDirectory) {
    evidence.push({ signal: 'missing-directory-object', detail: 'No directory object was imported: licences, password policy and roles are unknown.', weight: 0 });
    factor *= 0.75;
  }
  if (!features.registrationKnown && features.userType !== 'guest') {
    evidence.push({ signal: 'missing-registration', detail: 'MFA registration unknown: no userRegistrationDetails record for this user.', weight: 0 });
    factor *= 0.9;
  }
  return { evidence, factor };
}

function confidenceOf(score: number, factor: number): number {
  // Inferred from behaviour, never certain: the ceiling stays below 1.
  const strength = 0.5 + 0.47 * Math.tanh(Math.abs(score) / 3);
  return Math.round(strength * factor * 100) / 100;
}

/** localeCompare's order, from one collator made once: localeCompare itself looks one up on every call. */
const SIGNAL_ORDER = new Intl.Collator();

/** Who is behind this identity: a person, a job using a person's account, an emergency account, or a workload. */
export function classify(features: IdentityFeatures, context: ClassifyContext): Classification {
  if (features.kind !== 'user') return workload(features);
  const missing = missingData(features, context);

  const breakGlass = breakGlassSignals(features, context);
  if (breakGlass.score >= 2.5) {
    return { class: 'break-glass', confidence: confidenceOf(breakGlass.score, missing.factor), evidence: [...breakGlass.evidence, ...disabledEvidence(features), ...missing.evidence] };
  }

  const signals = userSignals(features);
  const score = signals.reduce((sum, signal) => sum + signal.machine, 0);
  const chosen: IdentityClass = score >= DECISION ? 'service-account' : score <= -DECISION ? 'human' : 'unknown';
  // Evidence weights are toward the chosen class: machine-positive for a service account, flipped for a human.
  const direction = chosen === 'human' ? -1 : 1;
  const evidence: Evidence[] = signals.map((signal) => ({ signal: signal.signal, detail: signal.detail, weight: signal.machine * direction }));
  if (chosen === 'unknown') {
    evidence.push({
      signal: 'undecided',
      detail: `The signals do not point clearly to a person or to a job (score ${score.toFixed(2)}; ±${DECISION} decides).`,
      weight: 0,
    });
  }
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || SIGNAL_ORDER.compare(a.signal, b.signal));
  const confidence = chosen === 'unknown' ? Math.round((1 - Math.abs(score) / DECISION) * 0.5 * missing.factor * 100) / 100 : confidenceOf(score, missing.factor);
  return { class: chosen, confidence, evidence: [...evidence, ...disabledEvidence(features), ...missing.evidence] };
}
