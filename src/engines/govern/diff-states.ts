import type { UnattendedConfig } from '../../config/config-schema.js';
import { parseConfig } from '../../config/load-config.js';
import type { GovernanceDiff, PolicyEntryChange } from '../../model/governance-diff.js';
import type { GovernanceState, GovernedIdentity, SnapshotMeta } from '../../model/governance.js';
import { addedAutomation, automationKey } from './automation-key.js';
import { dayOf, daysBetween, exceptionState } from './exception-status.js';
import { gateThresholds } from './governance-policy.js';

function nameOf(identity: GovernedIdentity): string {
  return identity.upn ?? identity.displayName;
}

/** A stored policy as it was; one that no longer reads (written by hand outside the schema) counts as none. */
function policyOf(state: GovernanceState): UnattendedConfig | null {
  if (state.policyText === null) return null;
  try {
    return parseConfig(state.policyText, state.policyPath ?? 'unattended.yaml');
  } catch {
    return null;
  }
}

/** Entries of a policy list keyed by what they name, as flat text records. */
function keyed<T extends object>(entries: readonly T[] | undefined, key: (entry: T) => string): Map<string, Record<string, string>> {
  const map = new Map<string, Record<string, string>>();
  for (const entry of entries ?? []) {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
    map.set(key(entry).toLowerCase(), flat);
  }
  return map;
}

function entryChanges(before: Map<string, Record<string, string>>, after: Map<string, Record<string, string>>, subject: (entry: Record<string, string>) => string): PolicyEntryChange<Record<string, string>>[] {
  const changes: PolicyEntryChange<Record<string, string>>[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now === undefined) {
      changes.push({ change: 'removed', subject: subject(old), before: old, after: null, fields: [] });
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((field) => old[field] !== now[field]).sort();
    if (fields.length > 0) changes.push({ change: 'changed', subject: subject(now), before: old, after: now, fields });
  }
  for (const [key, now] of after) if (!before.has(key)) changes.push({ change: 'added', subject: subject(now), before: null, after: now, fields: [] });
  return changes.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

function exceptionSubject(entry: Record<string, string>): string {
  return entry['identity'] ?? entry['path'] ?? '?';
}

function byName<T extends { name?: string; subject?: string }>(items: T[]): T[] {
  const label = (item: T): string => item.name ?? item.subject ?? '';
  return items.sort((a, b) => (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
}

/**
 * What changed from one snapshot to another, and where the later one stands: new service accounts and breaking code,
 * verdicts, owners, exceptions and retirements (from the two policy files as they were), plan stages; then, as of the
 * later snapshot, exceptions expiring within `withinDays` or expired, missing owners and retired accounts still active,
 * each marked `new` when the earlier snapshot did not have it.
 */
export function diffStates(from: { meta: SnapshotMeta; state: GovernanceState }, to: { meta: SnapshotMeta; state: GovernanceState }, withinDays?: number): GovernanceDiff {
  const before = new Map(from.state.identities.map((identity) => [identity.id, identity]));
  const after = to.state.identities;
  const ref = (identity: GovernedIdentity) => ({ id: identity.id, name: nameOf(identity), class: identity.class });
  const oldPolicy = policyOf(from.state);
  const newPolicy = policyOf(to.state);
  const thresholds = gateThresholds(newPolicy);
  const within = withinDays ?? thresholds.expiringWithinDays;
  const day = dayOf(to.state.asOf);

  const automationOwnersBefore = new Map(from.state.automation.map((entry) => [automationKey(entry), entry.ownerTeam]));
  const ownerChanges: GovernanceDiff['ownerChanges'] = [];
  for (const identity of after) {
    const old = before.get(identity.id);
    if (old && old.ownerTeam !== identity.ownerTeam) ownerChanges.push({ subject: nameOf(identity), kind: 'identity', before: old.ownerTeam, after: identity.ownerTeam, rule: identity.ownerMatch });
  }
  for (const entry of to.state.automation) {
    const key = automationKey(entry);
    if (!automationOwnersBefore.has(key)) continue;
    const old = automationOwnersBefore.get(key) ?? null;
    if (old !== entry.ownerTeam) ownerChanges.push({ subject: `${entry.file}:${entry.line}`, kind: 'automation', before: old, after: entry.ownerTeam, rule: entry.ownerMatch });
  }

  const required = new Set(thresholds.ownersRequiredFor);
  const unownedBefore = new Set(from.state.identities.filter((identity) => identity.ownerTeam === null).map((identity) => identity.id));
  const unownedCodeBefore = new Set(from.state.automation.filter((entry) => entry.ownerTeam === null).map(automationKey));
  const missingOwners: GovernanceDiff['missingOwners'] = [
    ...after
      .filter((identity) => required.has(identity.class) && identity.ownerTeam === null && identity.retiredOn === null)
      .map((identity) => ({ subject: nameOf(identity), kind: 'identity' as const, detail: `${identity.class}, ${identity.verdict}${identity.breaksOn ? ` ${identity.breaksOn}` : ''}`, since: unownedBefore.has(identity.id) ? ('earlier' as const) : ('new' as const) })),
    ...to.state.automation
      .filter((entry) => entry.ownerTeam === null)
      .map((entry) => ({ subject: `${entry.file}:${entry.line}`, kind: 'automation' as const, detail: `${entry.authMethod} as ${entry.identityValue ?? 'an unnamed account'}`, since: unownedCodeBefore.has(automationKey(entry)) ? ('earlier' as const) : ('new' as const) })),
  ];

  const exceptionsNow = (newPolicy?.exceptions ?? []).map((entry) => ({ entry, state: exceptionState(entry, day, within), daysLeft: daysBetween(day, entry.expires) }));
  const exceptionLine = (item: (typeof exceptionsNow)[number]) => ({ subject: item.entry.identity ?? item.entry.path ?? '?', expires: item.entry.expires, daysLeft: item.daysLeft, approver: item.entry.approver ?? null });

  return {
    from: from.meta,
    to: to.meta,
    policyChanged: from.state.policyText !== to.state.policyText,
    newServiceAccounts: byName(
      after.filter((identity) => identity.class === 'service-account' && before.get(identity.id)?.class !== 'service-account').map((identity) => ({ ...ref(identity), verdict: identity.verdict, breaksOn: identity.breaksOn })),
    ),
    newBreakingAutomation: addedAutomation(from.state.automation, to.state.automation),
    removedBreakingAutomation: addedAutomation(to.state.automation, from.state.automation),
    verdictChanges: byName(
      after.flatMap((identity) => {
        const old = before.get(identity.id);
        if (!old || (old.verdict === identity.verdict && old.breaksOn === identity.breaksOn)) return [];
        return [{ ...ref(identity), before: { verdict: old.verdict, breaksOn: old.breaksOn }, after: { verdict: identity.verdict, breaksOn: identity.breaksOn } }];
      }),
    ),
    ownerChanges: byName(ownerChanges),
    exceptionChanges: entryChanges(
      keyed(oldPolicy?.exceptions, (entry) => `${entry.identity ?? ''}\u0000${entry.path ?? ''}\u0000${entry.created}`),
      keyed(newPolicy?.exceptions, (entry) => `${entry.identity ?? ''}\u0000${entry.path ?? ''}\u0000${entry.created}`),
      exceptionSubject,
    ),
    retirementChanges: entryChanges(keyed(oldPolicy?.retirements, (entry) => entry.identity), keyed(newPolicy?.retirements, (entry) => entry.identity), (entry) => entry['identity'] ?? '?'),
    stageChanges: byName(
      after.flatMap((identity) => {
        const old = before.get(identity.id);
        return old && old.planStage !== identity.planStage ? [{ ...ref(identity), before: old.planStage, after: identity.planStage }] : [];
      }),
    ),
    expiringExceptions: exceptionsNow.filter((item) => item.state === 'expiring').map(exceptionLine),
    expiredExceptions: exceptionsNow.filter((item) => item.state === 'expired').map(exceptionLine),
    missingOwners: byName(missingOwners),
    retiredStillActive: byName(
      after
        .filter((identity) => identity.retiredActive === true)
        .map((identity) => ({ ...ref(identity), retiredOn: identity.retiredOn ?? '', lastActivity: identity.lastActivity, since: before.get(identity.id)?.retiredActive === true ? ('earlier' as const) : ('new' as const) })),
    ),
  };
}
