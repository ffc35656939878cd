import type { ExceptionState, GovernedIdentity } from '../../model/governance.js';

/** What the accountability view needs of an identity: a snapshot's governed identity gives exactly this. */
export type AccountableIdentity = Pick<
  GovernedIdentity,
  'upn' | 'displayName' | 'class' | 'verdict' | 'breaksOn' | 'ownerTeam' | 'exceptionState' | 'exceptionExpires' | 'retiredOn' | 'retiredActive'
>;

export interface TeamAccountability {
  /** The owner team; null for the service accounts nobody owns yet. */
  team: string | null;
  owned: number;
  /** Broken now, or breaking on a date: the earliest first. */
  breaking: { name: string; breaksOn: string | null }[];
  excepted: { name: string; expires: string; state: ExceptionState }[];
  retiring: { name: string; date: string; stillActive: boolean }[];
}

function nameOf(identity: AccountableIdentity): string {
  return identity.upn ?? identity.displayName;
}

/** Broken (no date: failing today) before the earliest date. */
function byUrgency(a: { breaksOn: string | null; name: string }, b: { breaksOn: string | null; name: string }): number {
  return (a.breaksOn ?? '').localeCompare(b.breaksOn ?? '') || a.name.localeCompare(b.name);
}

/**
 * For each owner team: what it owns, what breaks and when, what is excepted until when, and what waits for retirement.
 * Teams by name, then one entry (team null) for the service accounts without an owner, when there are any.
 */
export function accountabilityByTeam(identities: readonly AccountableIdentity[]): TeamAccountability[] {
  const teams = new Map<string | null, TeamAccountability>();
  for (const identity of identities) {
    const team = identity.ownerTeam;
    if (team === null && identity.class !== 'service-account') continue;
    const entry = teams.get(team) ?? { team, owned: 0, breaking: [], excepted: [], retiring: [] };
    teams.set(team, entry);
    entry.owned += 1;
    const name = nameOf(identity);
    if (identity.verdict === 'broken' || identity.verdict === 'breaks') entry.breaking.push({ name, breaksOn: identity.verdict === 'broken' ? null : identity.breaksOn });
    if (identity.exceptionState !== null && identity.exceptionExpires !== null) entry.excepted.push({ name, expires: identity.exceptionExpires, state: identity.exceptionState });
    if (identity.retiredOn !== null) entry.retiring.push({ name, date: identity.retiredOn, stillActive: identity.retiredActive === true });
  }
  for (const entry of teams.values()) {
    entry.breaking.sort(byUrgency);
    entry.excepted.sort((a, b) => a.expires.localeCompare(b.expires) || a.name.localeCompare(b.name));
    entry.retiring.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  }
  const named = [...teams.values()].filter((entry) => entry.team !== null).sort((a, b) => (a.team ?? '').localeCompare(b.team ?? ''));
  const unowned = teams.get(null);
  return unowned ? [...named, unowned] : named;
}
