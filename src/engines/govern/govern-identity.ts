import type { IdentityKind } from '../../model/identity.js';
import type { ExceptionStatus, OwnerAssignment, RetirementStatus } from '../../model/governance.js';
import { compiledPolicy, type CompiledPolicy, type OwnerRuleMatch } from './compiled-policy.js';
import { dayOf, exceptionStatus, preferredException } from './exception-status.js';
import type { GovernancePolicy } from './governance-policy.js';

/** What governance needs to know of an identity: how unattended.yaml can name it, and when it last did anything. */
export interface GovernedSubject {
  id: string;
  kind: IdentityKind;
  upn: string | null;
  displayName: string;
  appId: string | null;
  /** Latest successful sign-in, and latest Activity-log operation (ISO instants), if any. */
  lastSuccess: string | null;
  lastOperation: string | null;
}

export interface IdentityGovernance {
  owner: OwnerAssignment | null;
  exception: ExceptionStatus | null;
  retirement: RetirementStatus | null;
}

const NONE: IdentityGovernance = { owner: null, exception: null, retirement: null };

/** The lower-cased names unattended.yaml may use for the identity: object ID, UPN, client (app) ID. */
export function referencesOf(subject: Pick<GovernedSubject, 'id' | 'upn' | 'appId'>): string[] {
  const refs = [subject.id.toLowerCase()];
  if (subject.upn) refs.push(subject.upn.toLowerCase());
  if (subject.appId) refs.push(subject.appId.toLowerCase());
  return refs;
}

/**
 * The owner rule for an identity: by object or client ID, then UPN, then directory tag, then the first glob (over the
 * UPN, or the display name of an identity without one) in file order. Specific rules win over broad ones.
 */
export function ownerRuleFor(compiled: CompiledPolicy, subject: Pick<GovernedSubject, 'id' | 'upn' | 'appId' | 'displayName'>, tags: readonly string[]): OwnerRuleMatch | null {
  const byId = compiled.byId.get(subject.id.toLowerCase()) ?? (subject.appId ? compiled.byId.get(subject.appId.toLowerCase()) : undefined);
  if (byId) return byId;
  const byUpn = subject.upn ? compiled.byUpn.get(subject.upn.toLowerCase()) : undefined;
  if (byUpn) return byUpn;
  for (const tag of tags) {
    const byTag = compiled.byTag.get(tag);
    if (byTag) return byTag;
  }
  const name = subject.upn ?? subject.displayName;
  return compiled.patterns.find((entry) => entry.regex.test(name))?.rule ?? null;
}

function latest(...instants: (string | null)[]): string | null {
  return instants.reduce<string | null>((best, next) => (next !== null && (best === null || next > best) ? next : best), null);
}

/** Owner, exception and retirement of one identity as of `asOf`. A pure function: it runs on any thread. */
export function governIdentity(subject: GovernedSubject, policy: GovernancePolicy | null, asOf: string): IdentityGovernance {
  if (policy === null) return NONE;
  const compiled = compiledPolicy(policy);
  const refs = referencesOf(subject);
  const rule = ownerRuleFor(compiled, subject, policy.tagsById.get(subject.id.toLowerCase()) ?? []);
  const day = dayOf(asOf);
  const exceptions = refs.flatMap((ref) => compiled.exceptionsByRef.get(ref) ?? []).map((entry) => exceptionStatus(entry, day, policy.gate.expiringWithinDays));
  const retired = refs.map((ref) => compiled.retirementsByRef.get(ref)).find((entry) => entry !== undefined);
  let retirement: RetirementStatus | null = null;
  if (retired) {
    const lastActivity = latest(subject.lastSuccess, subject.lastOperation);
    // On or after the retirement day: `date` is the first day it must not sign in.
    const since = `${retired.date}T00:00:00.000Z`;
    retirement = { decidedBy: retired.decidedBy, date: retired.date, reason: retired.reason ?? null, stillActive: lastActivity !== null && lastActivity >= since, lastActivity };
  }
  return { owner: rule ? { ...rule.assignment, contacts: [...rule.assignment.contacts], approvers: [...rule.assignment.approvers] } : null, exception: preferredException(exceptions), retirement };
}
