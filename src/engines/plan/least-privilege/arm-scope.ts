/**
 * ARM scopes: `/subscriptions/S`, `/subscriptions/S/resourceGroups/G`, and resources below
 * (`…/providers/Ns/type/name[/type/name…]`). IDs from the Activity log are lower-cased by the importer.
 */

/** The scopes on the way down to a resource, broadest first (subscription, resource group, each resource level). */
export function scopeChain(resourceId: string): string[] {
  const parts = resourceId.toLowerCase().split('/').filter((part) => part.length > 0);
  const chain: string[] = [];
  if (parts[0] !== 'subscriptions' || parts[1] === undefined) return chain;
  chain.push(`/subscriptions/${parts[1]}`);
  if (parts[2] !== 'resourcegroups' || parts[3] === undefined) return chain;
  chain.push(`/subscriptions/${parts[1]}/resourcegroups/${parts[3]}`);
  if (parts[4] !== 'providers' || parts[5] === undefined) return chain;
  const base = `/subscriptions/${parts[1]}/resourcegroups/${parts[3]}/providers/${parts[5]}`;
  // After the namespace come type/name pairs: each complete pair is a resource one can assign a role on.
  for (let end = 8; end <= parts.length; end += 2) chain.push(`${base}/${parts.slice(6, end).join('/')}`);
  return chain;
}

export function subscriptionOf(resourceId: string): string | null {
  return scopeChain(resourceId)[0] ?? null;
}

/**
 * The narrowest scope holding every resource, per subscription (a custom role cannot be assigned across
 * subscriptions below a management group): the deepest scope all of that subscription's chains share.
 */
export function narrowestScopes(resourceIds: readonly string[]): string[] {
  const bySubscription = new Map<string, string[][]>();
  for (const id of resourceIds) {
    const chain = scopeChain(id);
    const subscription = chain[0];
    if (subscription === undefined) continue;
    const chains = bySubscription.get(subscription) ?? [];
    chains.push(chain);
    bySubscription.set(subscription, chains);
  }
  const scopes: string[] = [];
  for (const chains of bySubscription.values()) {
    const [first, ...rest] = chains;
    if (!first) continue;
    let depth = first.length;
    for (const chain of rest) {
      let shared = 0;
      while (shared < Math.min(depth, chain.length) && chain[shared] === first[shared]) shared += 1;
      depth = shared;
    }
    const scope = first[depth - 1];
    if (scope !== undefined) scopes.push(scope);
  }
  return scopes.sort();
}

/** Whether `inner` lies within (or is) `outer`. */
export function scopeContains(outer: string, inner: string): boolean {
  const a = outer.toLowerCase().replace(/\/+$/u, '');
  const b = inner.toLowerCase().replace(/\/+$/u, '');
  return a === '' || a === '/' || b === a || b.startsWith(`${a}/`);
}
