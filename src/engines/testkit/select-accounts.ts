import type { IdentityAnalysis } from '../../model/analysis.js';

/**
 * The accounts the test kit targets: users analyze finds broken, breaking or at risk, except break-glass accounts,
 * which are excluded from every policy as Microsoft advises. Graph takes object ids only: an account known by its
 * UPN alone is listed for the reader to add by hand, never guessed.
 */

const AT_RISK: ReadonlySet<string> = new Set(['broken', 'breaks', 'at-risk']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface KitAccount {
  id: string;
  upn: string | null;
  class: string;
  verdict: string;
  breaksOn: string | null;
}

export interface KitAccounts {
  targets: KitAccount[];
  /** At-risk accounts without an object id in the data. */
  withoutObjectId: KitAccount[];
  breakGlass: KitAccount[];
  /** Break-glass entries of unattended.yaml matched by no identity in the data. */
  breakGlassUnmatched: string[];
}

function account(identity: IdentityAnalysis): KitAccount {
  return { id: identity.id, upn: identity.upn, class: identity.class, verdict: identity.verdict, breaksOn: identity.breaksOn };
}

export function selectKitAccounts(identities: readonly IdentityAnalysis[], configuredBreakGlass: readonly string[]): KitAccounts {
  const configured = new Set(configuredBreakGlass.map((entry) => entry.toLowerCase()));
  const matched = new Set<string>();
  const isConfigured = (identity: IdentityAnalysis): boolean => {
    const keys = [identity.id.toLowerCase(), identity.upn?.toLowerCase() ?? ''].filter((key) => configured.has(key));
    for (const key of keys) matched.add(key);
    return keys.length > 0;
  };
  const users = identities.filter((identity) => identity.kind === 'user');
  const breakGlass = users.filter((identity) => isConfigured(identity) || identity.class === 'break-glass');
  const glass = new Set(breakGlass.map((identity) => identity.id));
  const atRisk = users.filter((identity) => !glass.has(identity.id) && AT_RISK.has(identity.verdict));
  return {
    targets: atRisk.filter((identity) => GUID.test(identity.id)).map(account),
    withoutObjectId: atRisk.filter((identity) => !GUID.test(identity.id)).map(account),
    breakGlass: breakGlass.map(account),
    breakGlassUnmatched: [...configured].filter((entry) => !matched.has(entry)).sort(),
  };
}
