import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../catalog/directory-roles.js';
import type { AccessFacts, DirectoryFacts } from '../../model/access-facts.js';
import { caPolicySchema } from '../../model/conditional-access-policy.js';
import { evaluatePolicy } from './evaluate-policy.js';
import { PolicyEvaluations } from './policy-evaluations.js';
import type { WhatIfPolicy } from './what-if-policy.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const PARTNER = '22222222-2222-4222-8222-222222222222';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const OFFICE = 'aaaaaaaa-0000-4000-8000-000000000001';
const COUNTRIES = 'aaaaaaaa-0000-4000-8000-000000000003';

/** u1 is in g-admins and holds Global Administrator, u2 is a guest; sp1 is the tenant's own app, sp2 a partner's. */
const DIRECTORY: DirectoryFacts = {
  tenantId: TENANT,
  groupMembers: new Map([['g-admins', new Set(['u1'])]]),
  roleHolders: new Map([[GLOBAL_ADMINISTRATOR_ROLE_ID, new Set(['u1'])]]),
  rolesImported: true,
  userTypes: new Map([['u1', 'member'], ['u2', 'guest']]),
  namedLocations: new Map([
    [OFFICE, { id: OFFICE, name: 'office', kind: 'ip', trusted: true, countries: [], includeUnknownCountries: false, lookup: 'clientIpAddress' }],
    [COUNTRIES, { id: COUNTRIES, name: 'fr', kind: 'country', trusted: false, countries: ['FR'], includeUnknownCountries: false, lookup: 'clientIpAddress' }],
  ]),
  servicePrincipals: new Map([
    ['sp1', { appOwnerTenantId: TENANT, type: 'Application' }],
    ['sp2', { appOwnerTenantId: PARTNER, type: 'Application' }],
  ]),
};

function policy(id: string, conditions: Record<string, unknown>, grantControls: Record<string, unknown>): WhatIfPolicy {
  const users = { includeUsers: ['All'] };
  return {
    policy: caPolicySchema.parse({ id, displayName: id, state: 'enabled', conditions: { users, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], ...conditions }, grantControls }),
    enforcedAt: 'sign-in',
    origin: 'test',
  };
}

const MFA = { operator: 'OR', builtInControls: ['mfa'] };

/** Policies whose assignments read the principal (by id, group, role, guest type, service principal) and policies whose do not. */
const POLICIES: WhatIfPolicy[] = [
  policy('all-users', {}, MFA),
  policy('named-user', { users: { includeUsers: ['u1'] } }, MFA),
  policy('all-but-u2', { users: { includeUsers: ['All'], excludeUsers: ['u2'] } }, MFA),
  policy('group', { users: { includeGroups: ['g-admins'] } }, { operator: 'OR', builtInControls: ['block'] }),
  policy('role', { users: { includeRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] } }, { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } }),
  policy('guests', { users: { includeUsers: ['GuestsOrExternalUsers'] } }, MFA),
  policy('arm-untrusted', { applications: { includeApplications: [ARM] }, locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } }, MFA),
  policy('platform-device', { clientAppTypes: ['browser'], platforms: { includePlatforms: ['android', 'windows'], excludePlatforms: [] } }, { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] }),
  policy('workloads', { users: null, clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: ['sp1'] } }, { operator: 'OR', builtInControls: ['block'] }),
];

const PRINCIPALS = fc.constantFrom('u1', 'u2', 'u3', 'sp1', 'sp2');

const nullable = <T>(values: readonly T[]): fc.Arbitrary<T | null> => fc.constantFrom<T | null>(null, ...values);

/** Facts from small sets of values, so that a run repeats combinations that differ in the principal alone. */
const factsArbitrary: fc.Arbitrary<AccessFacts> = fc.record({
  subject: fc.constantFrom('user-sign-in', 'workload-sign-in', 'arm-write'),
  principalId: PRINCIPALS,
  interactive: fc.boolean(),
  protocol: nullable(['none', 'ropc']),
  clientAppId: nullable([CLI, PORTAL]),
  resourceId: nullable([ARM]),
  clientAppUsed: nullable(['Browser', 'Mobile Apps and Desktop clients']),
  deviceOs: nullable(['Windows10', 'Android']),
  deviceCompliant: fc.constantFrom(null, true, false),
  deviceTrustType: nullable(['hybridAzureAdJoined']),
  ipLocations: fc.constantFrom(null, [], [OFFICE]),
  country: nullable(['GB', 'FR']),
  signInRisk: nullable(['none', 'high']),
  userType: nullable(['member', 'guest']),
  crossTenantAccessType: nullable(['none', 'b2bCollaboration']),
  homeTenantId: nullable([TENANT, PARTNER]),
  resourceTenantId: nullable([TENANT]),
  errorCode: fc.constantFrom(0, 50126, 53003),
  mfa: nullable(['own-mfa', 'session-mfa', 'own-single', 'untraced'] as const),
  mfaMethod: nullable(['FIDO2 security key', 'Mobile app notification']),
});

describe('PolicyEvaluations', () => {
  it('gives what evaluatePolicy gives, for every policy and every combination of a run', () => {
    fc.assert(
      // A few sets of facts, each signed in with by several principals: what the memory must not mix up.
      fc.property(fc.array(factsArbitrary, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(3), PRINCIPALS), { minLength: 1, maxLength: 40 }), (bases, picks) => {
        const evaluations = new PolicyEvaluations(DIRECTORY);
        for (const [index, principalId] of picks) {
          const base = bases[index % bases.length];
          if (base === undefined) continue;
          const facts = { ...base, principalId };
          const keys = evaluations.keys(facts);
          for (const entry of POLICIES) expect(evaluations.evaluate(entry, facts, keys)).toEqual(evaluatePolicy(entry, facts, DIRECTORY));
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('tells apart combinations that differ only in who signed in, when the policy names them', () => {
    const evaluations = new PolicyEvaluations(DIRECTORY);
    const base: AccessFacts = {
      subject: 'user-sign-in', principalId: 'u1', interactive: false, protocol: 'ropc', clientAppId: CLI, resourceId: ARM, clientAppUsed: null, deviceOs: null,
      deviceCompliant: null, deviceTrustType: null, ipLocations: [], country: 'GB', signInRisk: null, userType: null, crossTenantAccessType: null,
      homeTenantId: null, resourceTenantId: null, errorCode: 0, mfa: 'own-single', mfaMethod: null,
    };
    const judged = ['u1', 'u2', 'u3', 'u1'].map((principalId) => {
      const facts = { ...base, principalId };
      const keys = evaluations.keys(facts);
      return POLICIES.slice(0, 6).map((entry) => evaluations.evaluate(entry, facts, keys).judgement);
    });
    expect(judged).toEqual([
      ['fails', 'fails', 'fails', 'blocked', 'fails', 'not-applied'],
      ['fails', 'not-applied', 'not-applied', 'not-applied', 'not-applied', 'fails'],
      // u3 is not in the directory and the record does not say whether it is a guest.
      ['fails', 'not-applied', 'fails', 'not-applied', 'not-applied', 'unknown:users.guestsOrExternalUsers'],
      ['fails', 'fails', 'fails', 'blocked', 'fails', 'not-applied'],
    ]);
  });
});
