import type { IdentityFeatures } from '../../features/identity-features.js';
import type { PlanTarget, StageStatus } from '../../model/plan.js';
import { day, daysBetween } from '../impact/phrases.js';
import type { FederatedWorkload } from './plan-context.js';

/** Disable first (reversible), delete later. */
function disableCommand(f: IdentityFeatures): string {
  const who = f.upn ?? f.id;
  if (f.accountEnabled === false) return `az ad user delete --id ${who}   # already disabled: delete it once nothing has complained`;
  return `az ad user update --id ${who} --account-enabled false`;
}

interface Successor {
  name: string;
  firstSeen: string;
  how: string;
}

/** The new identity at work from the same source: the same address (impact's successor) or a planned federated subject. */
function successorOf(f: IdentityFeatures, target: PlanTarget, federated: readonly FederatedWorkload[]): Successor | null {
  if (f.successor) return { name: f.successor.name ?? f.successor.id, firstSeen: f.successor.firstSeen, how: `from the same address ${f.successor.sharedIp}` };
  for (const subject of target.subjects) {
    const match = federated.find((workload) => workload.firstSignIn !== null && workload.issuer === subject.issuer && workload.subject === subject.subject);
    if (match?.firstSignIn) return { name: match.name ?? match.principalId, firstSeen: match.firstSignIn, how: `with the planned federated subject ${match.subject}` };
  }
  return null;
}

/**
 * Where a migration stands on this import: planned → the new identity active from the same source → the old account
 * quiet (fewer than `quietDays` days) → ready to retire once it has been quiet `quietDays` days, with the command.
 * A retirement of an unused account is ready at once: its evidence is that nothing signs in as it.
 */
export function migrationStage(f: IdentityFeatures, target: PlanTarget, federated: readonly FederatedWorkload[], asOf: string, quietDays: number): StageStatus {
  const last = f.lastSeen ?? f.lastOperation ?? null;
  const quiet = last === null ? null : Math.floor(daysBetween(last, asOf));
  if (target.kind === 'enroll-mfa' || target.kind === 'phishing-resistant-mfa') return { stage: 'planned', detail: 'Register the method, then sign in with it once.', command: null };
  const successor = successorOf(f, target, federated);
  if (target.kind === 'retire' && successor === null) {
    const since = last === null ? (f.directoryLastSignIn ? `last sign-in ${day(f.directoryLastSignIn)}, none in the logs` : 'never signed in') : `quiet ${quiet ?? 0} days`;
    if (last === null || (quiet ?? 0) >= quietDays) return { stage: 'ready-to-retire', detail: `Nothing uses it (${since}).`, command: disableCommand(f) };
    return { stage: 'planned', detail: `Last used ${day(last)}: retire once quiet ${quietDays} days.`, command: null };
  }
  if (successor === null) return { stage: 'planned', detail: 'The new identity has not signed in from the same source yet.', command: null };
  const active = `${successor.name} active since ${day(successor.firstSeen)} ${successor.how}`;
  if (last !== null && last > successor.firstSeen && (quiet ?? 0) < 1) return { stage: 'new-identity-active', detail: `${active}; the old account still signs in (last ${day(last)}).`, command: null };
  if ((quiet ?? quietDays) >= quietDays) return { stage: 'ready-to-retire', detail: `${active}; the old account has been quiet ${quiet ?? 'all'} days (≥ ${quietDays}).`, command: disableCommand(f) };
  return { stage: 'old-account-quiet', detail: `${active}; the old account has been quiet ${quiet ?? 0} of ${quietDays} days.`, command: null };
}
