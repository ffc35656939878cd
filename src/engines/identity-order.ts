import type { IdentityAnalysis, Verdict } from '../model/analysis.js';

/** What the order of identities depends on, with the name already lower-cased (it is compared many times). */
export interface OrderKey {
  verdict: Verdict;
  breaksOn: string | null;
  /** UPN, else display name, lower-cased. */
  sortName: string;
  id: string;
}

export type OrderedIdentity = Pick<IdentityAnalysis, 'id' | 'upn' | 'displayName' | 'verdict' | 'breaksOn'>;

const VERDICT_ORDER: Readonly<Record<Verdict, number>> = { broken: 0, breaks: 1, 'at-risk': 2, ready: 3, 'not-affected': 4 };

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function orderKeyOf(identity: OrderedIdentity): OrderKey {
  return { verdict: identity.verdict, breaksOn: identity.breaksOn, sortName: (identity.upn ?? identity.displayName).toLowerCase(), id: identity.id };
}

/**
 * Broken first, then what breaks soonest, at-risk, ready, not affected; ties by lower-cased UPN or name, then id.
 * Names compare by UTF-16 code units, not by the machine's locale: the same store gives the same bytes everywhere.
 */
export function compareOrderKeys(a: OrderKey, b: OrderKey): number {
  const byVerdict = VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict];
  if (byVerdict !== 0) return byVerdict;
  // YYYY-MM-DD dates order as their characters do.
  const dateA = a.breaksOn ?? '9999';
  const dateB = b.breaksOn ?? '9999';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return byCodeUnits(a.sortName, b.sortName) || byCodeUnits(a.id, b.id);
}

/**
 * Items in the contract's order by their keys, each made once and all of one shape (items that crossed from another
 * thread have another hidden class than those made here, which would slow every comparison).
 */
export function sortByOrderKey<T>(items: readonly T[], keyOf: (item: T) => OrderKey): T[] {
  return items
    .map((item) => {
      const key = keyOf(item);
      return { verdict: key.verdict, breaksOn: key.breaksOn, sortName: key.sortName, id: key.id, item };
    })
    .sort(compareOrderKeys)
    .map(({ item }) => item);
}

export function sortIdentities<T extends OrderedIdentity>(identities: readonly T[]): T[] {
  return sortByOrderKey(identities, orderKeyOf);
}
