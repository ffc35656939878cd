import { describe, expect, it } from 'vitest';
import type { OrderedIdentity } from './identity-order.js';
import { orderKeyOf, sortByOrderKey, sortIdentities } from './identity-order.js';

function identity(id: string, verdict: OrderedIdentity['verdict'], breaksOn: string | null, upn: string | null, displayName = id): OrderedIdentity {
  return { id, verdict, breaksOn, upn, displayName };
}

describe('identity order', () => {
  const identities = [
    identity('r1', 'ready', null, 'zed@contoso.com'),
    identity('b2', 'breaks', '2026-12-15', 'svc-b@contoso.com'),
    identity('x1', 'broken', null, null, 'Évelyne'),
    identity('b1', 'breaks', '2026-09-01', 'svc-z@contoso.com'),
    identity('n1', 'not-affected', null, null, 'app-1'),
    identity('a2', 'at-risk', null, 'user1@contoso.com'),
    identity('a1', 'at-risk', null, 'user10@contoso.com'),
    identity('a4', 'at-risk', null, 'USER1@contoso.com'),
    identity('a3', 'at-risk', null, 'user1@contoso.com'),
    identity('x2', 'broken', null, null, 'zoe'),
    identity('x3', 'broken', null, 'svc_a@contoso.com'),
    identity('x4', 'broken', null, 'svc-a@contoso.com'),
  ];

  it('puts broken first, then by breaksOn, at-risk, ready and not-affected; ties by lower-cased name in code-unit order, then id', () => {
    // Code units, not the machine's locale: '-' (2D) < '0' (30) < '@' (40) < '_' (5F) < 'z' (7A) < 'é' (E9).
    expect(sortIdentities(identities).map((entry) => entry.id)).toEqual(['x4', 'x3', 'x2', 'x1', 'b1', 'b2', 'a1', 'a2', 'a3', 'a4', 'r1', 'n1']);
  });

  it('orders analyze\'s entries (keys made on any thread) as it orders whole identities, and leaves its input alone', () => {
    const before = identities.map((entry) => entry.id);
    const entries = identities.map((identity) => ({ ...orderKeyOf(identity), json: identity.id }));
    expect(sortByOrderKey(entries, (entry) => entry).map((entry) => entry.json)).toEqual(sortIdentities(identities).map((identity) => identity.id));
    expect(identities.map((entry) => entry.id)).toEqual(before);
  });
});
