import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWhatIf, type WhatIfRun } from '../src/engines/whatif/run-what-if.js';
import { tallyKey } from '../src/engines/whatif/tally.js';
import { caPolicySchema, type CaPolicy } from '../src/model/conditional-access-policy.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore, type Store } from '../src/store/store.js';
import { APPS, DAY, HOUR, NET, RESOURCES, TENANT_ID, TenantFixture, WINDOW_START, type Place, type UserSpec } from './scenarios/tenant-fixture.js';

/**
 * The what-if engine over a store, through the importers: IP named locations (IPv4 and IPv6 ranges, trusted or not)
 * and countries matched in DuckDB, nested groups and a role held through a group followed, MFA carried by a session
 * (with the method of its MFA sign-in, for an authentication strength), each distinct combination judged once and
 * counted exactly.
 */

const G_INNER = '33333333-cccc-4ccc-8ccc-000000000001';
const G_OUTER = '33333333-cccc-4ccc-8ccc-000000000002';
const G_ROLE = '33333333-cccc-4ccc-8ccc-000000000003';
const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const TRUSTED_V6: Place = { ip: '2001:db8:5100::17', asn: 64500, country: 'GB', city: 'Slough' };
const FRANCE: Place = { ip: '192.0.2.44', asn: 3215, country: 'FR', city: 'Paris' };
const GUEST_WIFI: Place = NET.office;

function user(n: number, extra: Partial<UserSpec> = {}): UserSpec {
  return { id: `44444444-dddd-4ddd-8ddd-00000000000${n}`, upn: `person${n}@contoso.example`, displayName: `Person ${n}`, licences: 1, mfaMethods: ['microsoftAuthenticatorPush'], ...extra };
}

const ada = user(1);
const ben = user(2);
const cy = user(3);
const dee = user(4);

function policy(id: string, conditions: Record<string, unknown>, grant: Record<string, unknown>): { policy: CaPolicy; file: string } {
  return {
    policy: caPolicySchema.parse({ id, displayName: id, state: 'enabled', conditions: { applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], ...conditions }, grantControls: grant }),
    file: 'policies.json',
  };
}

const BLOCK_UNTRUSTED = policy('block-untrusted', { users: { includeUsers: ['All'], excludeGroups: [G_OUTER] }, locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } }, { operator: 'OR', builtInControls: ['block'] });
const FRANCE_ONLY = policy('mfa-in-france', { users: { includeUsers: ['All'] }, locations: { includeLocations: ['22222222-bbbb-4bbb-8bbb-000000000004'] } }, { operator: 'OR', builtInControls: ['mfa'] });
const ROLE_HOLDERS = policy('mfa-security-readers', { users: { includeRoles: [SECURITY_READER] } }, { operator: 'OR', builtInControls: ['mfa'] });
const PHISHING_RESISTANT = policy('phishing-resistant-arm', { users: { includeUsers: ['All'] }, applications: { includeApplications: [RESOURCES.arm.id] } }, { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } });

let dir: string;
let store: Store;
let run: WhatIfRun;

function count(pid: string, policyId: string, judgement: string, subject = 'user-sign-in'): number {
  return run.tallies.identities.get(pid)?.policies.get(policyId)?.get(tallyKey({ refused: false, subject, code: null, judgement }))?.count ?? 0;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unattended-what-if-'));
  const t = new TenantFixture();
  for (const person of [ada, ben, cy, dee]) t.user(person);
  const day = (n: number, hour: number): number => WINDOW_START + n * DAY + hour * HOUR;
  // Ada: 3 single-factor portal sign-ins from the guest Wi-Fi (a named location, not trusted), 2 from the trusted data
  // centre over IPv4, 2 over IPv6, 1 from France (another country, in no IP location).
  for (const [n, place] of [[0, GUEST_WIFI], [1, GUEST_WIFI], [2, GUEST_WIFI], [3, NET.onPrem], [4, NET.onPrem], [5, TRUSTED_V6], [6, TRUSTED_V6], [7, FRANCE]] as const) {
    t.signIn({ at: day(n, 9), user: ada, app: APPS.portal, resource: RESOURCES.arm, place, userAgent: 'Mozilla/5.0', interactive: true });
  }
  // Ben, in the inner group, which is in the outer group: excluded from the block by nesting.
  for (const n of [0, 1]) t.signIn({ at: day(n, 10), user: ben, app: APPS.portal, resource: RESOURCES.arm, place: GUEST_WIFI, userAgent: 'Mozilla/5.0', interactive: true });
  // Cy holds Security Reader through a role-assignable group: a FIDO2 sign-in begins a session two refreshes ride.
  t.signIn({ at: day(0, 11), user: cy, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, interactive: true, mfa: true, mfaMethod: 'FIDO2 security key', session: 'sess-cy' });
  for (const minutes of [20, 40]) t.signIn({ at: day(0, 11) + minutes * 60_000, user: cy, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, refresh: true, session: 'sess-cy' });
  // Dee: a push MFA sign-in and a refresh riding it; a second session begun with a password and refreshed.
  t.signIn({ at: day(1, 8), user: dee, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, interactive: true, mfa: true, session: 'sess-dee-1' });
  t.signIn({ at: day(1, 8) + HOUR, user: dee, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, refresh: true, session: 'sess-dee-1' });
  t.signIn({ at: day(2, 8), user: dee, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, interactive: true, session: 'sess-dee-2' });
  t.signIn({ at: day(2, 8) + HOUR, user: dee, app: APPS.cli, resource: RESOURCES.arm, place: NET.onPrem, refresh: true, session: 'sess-dee-2' });
  t.write(dir);
  const page = (context: string, value: unknown[]): string => JSON.stringify({ '@odata.context': `https://graph.microsoft.com/beta/$metadata#${context}`, value });
  writeFileSync(join(dir, 'inner-members.json'), page(`groups('${G_INNER}')/members`, [{ '@odata.type': '#microsoft.graph.user', id: ben.id }]));
  writeFileSync(join(dir, 'outer-members.json'), page(`groups('${G_OUTER}')/members`, [{ '@odata.type': '#microsoft.graph.group', id: G_INNER }]));
  writeFileSync(join(dir, 'role-group-members.json'), page(`groups('${G_ROLE}')/members`, [{ '@odata.type': '#microsoft.graph.user', id: cy.id }]));
  writeFileSync(join(dir, 'role-assignments-groups.json'), page('roleManagement/directory/roleAssignments', [{ id: 'ra-group-1', principalId: G_ROLE, roleDefinitionId: SECURITY_READER, directoryScopeId: '/' }]));
  writeFileSync(join(dir, 'country-locations.json'), page('identity/conditionalAccess/namedLocations', [
    { '@odata.type': '#microsoft.graph.countryNamedLocation', id: '22222222-bbbb-4bbb-8bbb-000000000004', displayName: 'France', countriesAndRegions: ['FR'], includeUnknownCountriesAndRegions: false, countryLookupMethod: 'clientIpAddress' },
  ]));
  store = await openStore(':memory:');
  const imported = await importPaths(store, [dir]);
  expect(imported.files.filter((file) => file.error !== null || file.quarantined > 0)).toEqual([]);
  run = await runWhatIf(store, '2026-11-21T00:00:00.000Z', { proposed: [BLOCK_UNTRUSTED, FRANCE_ONLY, ROLE_HOLDERS, PHISHING_RESISTANT], mandatory: false, tenantId: TENANT_ID });
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what-if over a store', () => {
  it('matches IPv4 and IPv6 ranges of trusted named locations: only the untrusted addresses are blocked', () => {
    // 3 from the guest Wi-Fi + 1 from France; the 4 from the data centre (IPv4 and IPv6) are trusted.
    expect(count(ada.id, 'block-untrusted', 'blocked')).toBe(4);
    expect(run.tallies.identities.get(ada.id)?.policies.get('block-untrusted')?.size).toBe(1);
  });

  it('follows nested groups: a member of the inner group is excluded by the outer one', () => {
    expect(run.tallies.identities.get(ben.id)?.policies.get('block-untrusted')).toBeUndefined();
  });

  it('matches country named locations by the sign-in\'s country', () => {
    expect(count(ada.id, 'mfa-in-france', 'challenged')).toBe(1);
    expect(run.tallies.identities.get(ben.id)?.policies.get('mfa-in-france')).toBeUndefined();
  });

  it('takes in a role held through a role-assignable group, and only its holder', () => {
    // Cy's MFA sign-in and the two refreshes its session carries.
    expect(count(cy.id, 'mfa-security-readers', 'satisfied')).toBe(3);
    expect(run.tallies.identities.get(cy.id)?.policies.get('mfa-security-readers')?.size).toBe(1);
    expect(run.tallies.identities.get(ada.id)?.policies.get('mfa-security-readers')).toBeUndefined();
  });

  it('judges an authentication strength on the method of the MFA the session carries', () => {
    // Cy's FIDO2 sign-in and both refreshes that ride it meet phishing-resistant MFA; Dee's push does not, nor does its
    // refresh; Dee's password session and its refresh are single-factor: the interactive one is challenged, the refresh fails.
    expect(count(cy.id, 'phishing-resistant-arm', 'satisfied')).toBe(3);
    expect(count(dee.id, 'phishing-resistant-arm', 'challenged')).toBe(2);
    expect(count(dee.id, 'phishing-resistant-arm', 'fails')).toBe(2);
  });

  it('says what would newly fail against today\'s enabled policies', () => {
    const newly = (pid: string): number => run.tallies.identities.get(pid)?.newlyFailing?.count ?? 0;
    // The fixture's tenant already requires MFA of all users (its "Block legacy authentication" policy grants MFA):
    // Dee's single-factor refresh fails today; only the refresh riding the push session is new. Ada's four are
    // challenged today, blocked with the proposed policies.
    expect([newly(ada.id), newly(ben.id), newly(cy.id), newly(dee.id)]).toEqual([4, 0, 0, 1]);
    expect(run.tallies.identities.get(ada.id)?.newlyFailingBy).toEqual(['block-untrusted']);
    expect(run.tallies.identities.get(dee.id)?.newlyFailingBy).toEqual(['phishing-resistant-arm']);
  });
});
