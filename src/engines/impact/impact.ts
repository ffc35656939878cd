import { DISABLED_ACCOUNT_ERROR, MFA_POLICY_DEFINITIONS } from '../../catalog/enforcement.js';
import type { IdentityFeatures, TenantFeatures } from '../../features/identity-features.js';
import type { IdentityClass, Verdict } from '../../model/analysis.js';
import { countList, day, daysBetween, minute, span } from './phrases.js';
import { sessionMfaPhrase, singleFactorSessionPhrase, untracedSentence } from './session-phrases.js';

export interface EnforcementDates {
  phase1: string;
  phase2: string;
}

export interface ImpactContext {
  asOf: string;
  enforcement: EnforcementDates;
  tenant: TenantFeatures;
}

export interface Impact {
  verdict: Verdict;
  breaksOn: string | null;
  phase: string | null;
  reasons: string[];
  /** The workload identity that took over, when the account has gone quiet since. */
  migratedTo: IdentityFeatures['successor'];
}

/** An account quiet this long, with a workload identity signing in from its address since, has moved. */
const QUIET_DAYS = 7;
/** Failures for want of MFA this long after the last in-scope MFA success mean the identity is failing now. */
export const FAILING_DAYS = 7;

export type PhaseId = keyof EnforcementDates;

function latest(...times: (string | null)[]): string | null {
  return times.filter((time): time is string => time !== null).sort().pop() ?? null;
}

function verdictOf(verdict: Verdict, reasons: string[], extra: Partial<Impact> = {}): Impact {
  return { verdict, breaksOn: null, phase: null, reasons, migratedTo: null, ...extra };
}

/** The phase that will stop this identity: one still ahead if any, else the latest already passed. */
export function choosePhase(phases: PhaseId[], context: ImpactContext): PhaseId | null {
  const today = context.asOf.slice(0, 10);
  const sorted = [...phases].sort((a, b) => context.enforcement[a].localeCompare(context.enforcement[b]));
  return sorted.find((id) => context.enforcement[id] >= today) ?? sorted.pop() ?? null;
}

function brokenReasons(f: IdentityFeatures): { reasons: string[]; phase: string | null } {
  const reasons: string[] = [];
  let phase: string | null = null;
  if (f.policyDenied > 0) {
    const definitions = MFA_POLICY_DEFINITIONS.filter((entry) => f.policyDeniedDefinitions.some((ids) => ids.toLowerCase().includes(entry.id)));
    const named = definitions.map((entry) => `${entry.id} "${entry.name}"`).join(', ') || 'an MFA policy definition';
    reasons.push(`${f.policyDenied} Activity-log write${f.policyDenied === 1 ? ' was' : 's were'} refused with RequestDisallowedByPolicy by ${named}, ${span(f.policyDeniedFirst, f.policyDeniedLast)}.`);
    phase = `policy:${definitions[0]?.id ?? 'mfa'}`;
  }
  const failingSince = f.scopeMfaFailureLast;
  const recovered = f.lastScopeMfaSuccess !== null && failingSince !== null && daysBetween(f.lastScopeMfaSuccess, failingSince) < FAILING_DAYS;
  if (f.scopeMfaFailures > 0 && !recovered) {
    const codes = f.scopeMfaFailureCodes.join('/');
    const after = f.lastScopeMfaSuccess ? `the last sign-in with MFA was ${day(f.lastScopeMfaSuccess)}` : 'no sign-in to the portal or ARM ever completed MFA';
    reasons.push(`${f.scopeMfaFailures} sign-in${f.scopeMfaFailures === 1 ? '' : 's'} to ${f.scopeMfaFailureApp ?? 'an in-scope app'} failed with ${codes} (MFA required), ${span(f.scopeMfaFailureFirst, f.scopeMfaFailureLast)}; ${after}.`);
    phase ??= f.portalMfaFailures > 0 ? 'phase1' : 'phase2';
  }
  return { reasons, phase };
}

/** ", N of them refreshes of a single-factor session (session S began …)" when the count is not zero. */
function sessionSingleClause(count: number, f: IdentityFeatures): string {
  if (count === 0) return '';
  const example = singleFactorSessionPhrase(f);
  return `, ${count} of them refreshing a session that began single-factor${example ? ` (${example})` : ''}`;
}

function armAccessSentence(f: IdentityFeatures): string {
  const apps = countList(f.armNoMfaApps.map((app) => ({ label: app.name ?? app.key, count: app.count })));
  const ropc = f.armRopcSuccess > 0 ? `, ${f.armRopcSuccess} of them password (ROPC) grants` : '';
  return `${f.armSuccessNoMfa} sign-in${f.armSuccessNoMfa === 1 ? '' : 's'} to Azure Resource Manager without MFA${ropc}${sessionSingleClause(f.armSuccessSessionSingle, f)} via ${apps || 'an unnamed client'}, ${span(f.armNoMfaFirst, f.armNoMfaLast)}`;
}

/** "N Azure portal sign-ins with MFA (M of them carried by their session)". */
function withMfa(count: number, carried: number, what: string): string {
  const base = `${count} ${what}${count === 1 ? '' : 's'} with MFA`;
  if (carried === 0) return base;
  return `${base} (${carried === count ? 'all' : `${carried}`} of them carried by their session)`;
}

/** The session MFA the ready verdict counts, named so it can be checked. */
function sessionMfaReasons(f: IdentityFeatures): string[] {
  const example = sessionMfaPhrase(f);
  if (f.portalSuccessSessionMfa + f.armSuccessSessionMfa === 0 || example === null) return [];
  return [`Token refreshes are logged single-factor when no policy asks for MFA again, yet carry the MFA of the session they ride: e.g. ${example}.`];
}

/**
 * A machine account gone quiet for QUIET_DAYS while a workload identity signs in from its address: its work moved,
 * whatever any policy would have done to its sign-ins.
 */
export function hasMoved(f: IdentityFeatures, identityClass: IdentityClass, asOf: string): boolean {
  const lastActivity = latest(f.lastSeen, f.lastOperation);
  return (identityClass === 'service-account' || identityClass === 'unknown') && f.successor !== null && lastActivity !== null && daysBetween(lastActivity, asOf) >= QUIET_DAYS;
}

/** Whether, when and why mandatory MFA breaks this identity, from its features alone. */
export function assessImpact(f: IdentityFeatures, identityClass: IdentityClass, context: ImpactContext): Impact {
  if (f.kind !== 'user') {
    const what = f.kind === 'managedIdentity' ? 'A managed identity' : 'A service principal';
    return verdictOf('not-affected', [`${what}: mandatory MFA applies to user sign-ins only, not to workload identities.`]);
  }
  const disabled = disabledAccount(f, context);
  if (disabled === null) return assessUser(f, identityClass, context);
  if (!disabled.signedInSince) return verdictOf('not-affected', disabled.reasons);
  const judged = assessUser(f, identityClass, context);
  return { ...judged, reasons: [...disabled.reasons, ...judged.reasons] };
}

/** A user account that can sign in (or did, after the audit log shows it disabled), judged on its sign-ins and writes. */
function assessUser(f: IdentityFeatures, identityClass: IdentityClass, context: ImpactContext): Impact {
  const activityLog = context.tenant.operations > 0;
  const lastActivity = latest(f.lastSeen, f.lastOperation);

  if (hasMoved(f, identityClass, context.asOf) && f.successor && lastActivity) {
    const who = f.successor.name ? `"${f.successor.name}" (${f.successor.id})` : f.successor.id;
    return verdictOf(
      'not-affected',
      [
        `Quiet since ${day(lastActivity)}, ${Math.floor(daysBetween(lastActivity, context.asOf))} days before ${day(context.asOf)}.`,
        `Workload identity ${who} has signed in from the same address ${f.successor.sharedIp} since ${day(f.successor.firstSeen)}: the work moved to it.`,
      ],
      { migratedTo: f.successor },
    );
  }

  const broken = brokenReasons(f);
  if (broken.reasons.length > 0) return verdictOf('broken', broken.reasons, { phase: broken.phase });

  const phases: PhaseId[] = [];
  const reasons: string[] = [];
  if (f.portalSuccessNoMfa > 0) {
    phases.push('phase1');
    reasons.push(`${f.portalSuccessNoMfa} Azure portal sign-in${f.portalSuccessNoMfa === 1 ? '' : 's'} without MFA${sessionSingleClause(f.portalSuccessSessionSingle, f)}, ${span(f.portalNoMfaFirst, f.portalNoMfaLast)}.`);
  }
  if (f.opsNoMfa > 0 || f.policyAudits > 0) {
    phases.push('phase2');
    if (f.opsNoMfa > 0) {
      const names = countList(f.opsNoMfaNames.map((op) => ({ label: op.key, count: op.count })));
      reasons.push(`${f.opsNoMfa} ARM write/delete operation${f.opsNoMfa === 1 ? '' : 's'} in the Activity log with a token without MFA (amr pwd), ${span(f.opsNoMfaFirst, f.opsNoMfaLast)}: ${names}.`);
    }
    if (f.policyAudits > 0) {
      reasons.push(`${f.policyAudits} MFA Azure Policy audit event${f.policyAudits === 1 ? '' : 's'} (Audit mode: a write without MFA), ${span(f.policyAuditFirst, f.policyAuditLast)}.`);
    }
    if (f.armSuccessNoMfa > 0) reasons.push(`${armAccessSentence(f)}.`);
  }
  const chosen = choosePhase(phases, context);
  if (chosen) {
    const date = context.enforcement[chosen];
    const when = date >= context.asOf.slice(0, 10) ? `They will be refused from ${date} (${chosen}).` : `${chosen} has applied since ${date}, yet these succeeded: a postponement or exemption is in place and will end.`;
    return verdictOf('breaks', [...reasons, ...untracedReasons(f), ...trustedLocationReasons(f), when], { breaksOn: date, phase: chosen });
  }

  const demonstratedMfa = f.portalSuccessMfa + f.armSuccessMfa + f.opsMfa > 0;
  if (f.armSuccessNoMfa > 0 && !demonstratedMfa) {
    const phase2 = context.enforcement.phase2;
    if (!activityLog) {
      return verdictOf('at-risk', [`${armAccessSentence(f)}.`, `No Activity log was imported, so writes cannot be told from reads: any write without MFA will be refused from ${phase2}. Import the Activity log to decide.`, ...trustedLocationReasons(f)], { phase: 'phase2' });
    }
    return verdictOf(
      'at-risk',
      [`${armAccessSentence(f)}.`, `No write, delete or action by it among the ${context.tenant.operations} Activity-log operations: reads only, which are not enforced; its first write without MFA will be refused (${phase2}).`, ...trustedLocationReasons(f)],
      { phase: 'phase2' },
    );
  }

  if (demonstratedMfa) {
    const parts: string[] = [];
    if (f.portalSuccessMfa > 0) parts.push(withMfa(f.portalSuccessMfa, f.portalSuccessSessionMfa, 'Azure portal sign-in'));
    if (f.armSuccessMfa > 0) parts.push(withMfa(f.armSuccessMfa, f.armSuccessSessionMfa, 'ARM sign-in'));
    if (f.opsMfa > 0) parts.push(`${f.opsMfa} ARM write${f.opsMfa === 1 ? '' : 's'} whose token carries the mfa claim`);
    const readyReasons = [`In scope and ready: ${parts.join(', ')}.`, ...sessionMfaReasons(f)];
    if (f.armSuccessNoMfa > 0) readyReasons.push(`${armAccessSentence(f)}: reads, and this identity completes MFA when challenged.`);
    if (f.guestFromHomeTenant > 0 && f.userType === 'guest') readyReasons.push(`A guest whose MFA comes from its home tenant (${f.guestFromHomeTenant} cross-tenant sign-ins).`);
    return verdictOf('ready', [...readyReasons, ...untracedReasons(f)]);
  }

  const untraced = untracedSentence(f);
  if (untraced !== null) {
    // In scope, but nothing shows whether the tokens carry MFA: a risk to check, never proof of breakage.
    const phase: PhaseId = f.portalSuccessUntraced > 0 ? 'phase1' : 'phase2';
    const check = 'To decide, import a window that holds the sessions\' first sign-ins, or look the session up in the Entra sign-in logs.';
    return verdictOf('at-risk', [untraced, check, ...trustedLocationReasons(f)], { phase });
  }

  return verdictOf('not-affected', [notAffectedReason(f, context)]);
}

/**
 * A disabled account cannot sign in, so mandatory MFA cannot break it: unless it signed in after the audit log shows it
 * disabled (re-enabled since, or a directory export older than the logs), when it is judged on its sign-ins as usual.
 */
export function disabledAccount(f: IdentityFeatures, context: ImpactContext): { reasons: string[]; signedInSince: boolean } | null {
  if (f.accountEnabled !== false) return null;
  const since = f.disabledAt ? ` since ${minute(f.disabledAt)} (audit log)` : '';
  const signedInSince = f.disabledAt !== null && f.lastSuccess !== null && f.lastSuccess > f.disabledAt;
  if (signedInSince) {
    return { signedInSince, reasons: [`Disabled in the directory${since}, yet it signed in successfully after that, last ${minute(f.lastSuccess ?? '')}: re-enabled since, or the directory export is older than the logs.`] };
  }
  const reasons = [`Disabled in the directory (accountEnabled false)${since}: it cannot sign in, so mandatory MFA cannot break it.`];
  // The directory's last sign-in counts attempts, refused ones included; the logs tell the last that succeeded.
  const directory = f.directoryLastSignIn ? `The directory's last sign-in attempt is ${day(f.directoryLastSignIn)}` : 'The directory records no sign-in';
  const success = f.lastSuccess ? `; the last successful one in the logs is ${minute(f.lastSuccess)}, ${Math.floor(daysBetween(f.lastSuccess, context.asOf))} days before ${day(context.asOf)}` : '';
  reasons.push(`${directory}${success}.`);
  const refused = f.failures.find((failure) => failure.code === DISABLED_ACCOUNT_ERROR)?.count ?? 0;
  if (refused > 0) reasons.push(`${refused} sign-in attempt${refused === 1 ? ' was' : 's were'} refused with ${DISABLED_ACCOUNT_ERROR} (account disabled): something still tries to use it.`);
  return { signedInSince, reasons };
}

/** In-scope sign-ins whose MFA cannot be traced, as a note beside a verdict decided by other evidence. */
function untracedReasons(f: IdentityFeatures): string[] {
  const sentence = untracedSentence(f);
  return sentence === null ? [] : [sentence];
}

/** Names as the reasons quote them: "A", "A" and "B". */
function quotedNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

/** Addresses in trusted named locations: a Conditional Access exemption the tenant may be relying on, which mandatory MFA ignores. */
function trustedLocationReasons(f: IdentityFeatures): string[] {
  if (f.trustedLocationIps === 0) return [];
  const addresses = f.trustedLocationIps === 1 ? '1 sign-in address is' : `${f.trustedLocationIps} sign-in addresses are`;
  const where = `the trusted named location${f.trustedLocations.length === 1 ? '' : 's'} ${quotedNames(f.trustedLocations)}`;
  return [`${addresses} in ${where}: Conditional Access exclusions, trusted locations included, do not exempt anyone from mandatory MFA.`];
}

function notAffectedReason(f: IdentityFeatures, context: ImpactContext): string {
  if (f.signIns === 0 && f.lastOperation === null) {
    const last = f.directoryLastSignIn ? `; the directory's last sign-in is ${day(f.directoryLastSignIn)} (${Math.floor(daysBetween(f.directoryLastSignIn, context.asOf))} days before ${day(context.asOf)})` : '; the directory records no sign-in';
    return `No sign-in and no Activity-log operation in the data${last}.`;
  }
  const resources = countList(f.resources.slice(0, 3).map((resource) => ({ label: resource.name ?? resource.key, count: resource.count })));
  const other = f.otherMfaFailures > 0 ? ` ${f.otherMfaFailures} sign-ins elsewhere failed for want of MFA (Conditional Access, not mandatory MFA).` : '';
  return `${f.signIns} sign-in${f.signIns === 1 ? '' : 's'}, none to the Azure portal or Azure Resource Manager${resources ? ` (${resources})` : ''}, and no ARM write.${other}`;
}
