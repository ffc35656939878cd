import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_EVENTS, CONDITIONAL_ACCESS_POLICIES, GROUP_MEMBERS, IDENTITIES, NAMED_LOCATIONS, OPERATIONS, REGISTRATION_DETAILS, ROLE_ASSIGNMENTS, SIGN_INS } from '../store/columns.js';
import { openStore, type Store } from '../store/store.js';
import { insertRows, type RowValues } from '../store/write-rows.js';
import { featuresFromText } from './identity-row.js';
import { identityFeatureRows, identityFeatureTexts, loadIdentityFeatures, loadTenantFeatures } from './load-features.js';

const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const GA = '62e90394-69f5-4237-9190-012177145e10';

let counter = 0;
function signIn(overrides: Record<string, string | number | boolean | null>): RowValues {
  counter += 1;
  return {
    id: `s${counter}`, kind: 'nonInteractiveUser', created_at: '2026-11-02T10:00:00Z', user_id: 'u-svc', upn: 'svc@contoso.com', is_interactive: false,
    error_code: 0, app_id: CLI, app_display_name: 'Microsoft Azure CLI', resource_id: ARM, resource_display_name: 'Windows Azure Service Management API',
    ip_address: '20.1.2.3', asn: 8075, country: 'NL', user_agent: 'python-requests/2.31 AZURECLI/2.60.0', authentication_requirement: 'singleFactorAuthentication',
    authentication_protocol: 'ropc', mfa_satisfied: false, raw: '{}',
    ...overrides,
  };
}

describe('loadIdentityFeatures', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('aggregates sign-ins, timing, network, operations and directory facts per identity', async () => {
    const rows: RowValues[] = [];
    // An hourly job: 48 sign-ins on consecutive hours, Monday 2026-11-02 00:00 onwards.
    for (let hour = 0; hour < 48; hour += 1) rows.push(signIn({ created_at: new Date(Date.UTC(2026, 10, 2, hour, 5)).toISOString() }));
    rows.push(signIn({ created_at: '2026-11-04T03:00:00Z', error_code: 50076, mfa_satisfied: null }));
    rows.push(signIn({ user_id: 'u-alice', upn: 'Alice@contoso.com', kind: 'interactiveUser', app_id: PORTAL, app_display_name: 'Azure Portal', resource_id: ARM, is_interactive: true,
      user_agent: 'Mozilla/5.0', authentication_requirement: 'multiFactorAuthentication', authentication_protocol: null, mfa_satisfied: true, asn: 3320, country: 'DE', created_at: '2026-11-03T09:00:00Z' }));
    rows.push(signIn({ kind: 'servicePrincipal', user_id: null, upn: null, service_principal_id: 'sp-1', service_principal_name: 'deployer', app_id: 'app-1', authentication_protocol: null, user_agent: null, created_at: '2026-11-05T00:00:00Z' }));
    await insertRows(store, SIGN_INS, rows);
    await insertRows(store, IDENTITIES, [
      { id: 'u-svc', kind: 'user', upn: 'svc@contoso.com', display_name: 'svc', user_type: 'Member', password_never_expires: true, license_count: 0, last_sign_in: '2026-11-01T00:00:00Z', raw: '{}' },
      { id: 'u-alice', kind: 'user', upn: 'alice@contoso.com', display_name: 'Alice', user_type: 'Member', license_count: 2, raw: '{}' },
      { id: 'u-idle', kind: 'user', upn: 'idle@contoso.com', display_name: 'Idle', raw: '{}' },
    ]);
    await insertRows(store, REGISTRATION_DETAILS, [{ user_id: 'u-alice', is_mfa_registered: true, methods_registered: ['microsoftAuthenticatorPush'], raw: '{}' }]);
    await insertRows(store, ROLE_ASSIGNMENTS, [{ id: 'ra1', principal_id: 'u-alice', role_definition_id: GA, scope: '/', source: 'directory', raw: '{}' }]);
    await insertRows(store, GROUP_MEMBERS, [{ group_id: 'g-bg', member_id: 'u-alice' }]);
    await insertRows(store, CONDITIONAL_ACCESS_POLICIES, [
      { id: 'ca1', state: 'enabled', raw: JSON.stringify({ conditions: { users: { includeUsers: ['All'], excludeUsers: ['u-idle'], excludeGroups: ['g-bg'] } } }) },
      { id: 'ca2', state: 'enabled', raw: JSON.stringify({ conditions: { users: { includeUsers: ['All'], excludeRoles: [GA] } } }) },
      { id: 'ca3', state: 'disabled', raw: JSON.stringify({ conditions: { users: { excludeUsers: ['u-svc'] } } }) },
    ]);
    await insertRows(store, OPERATIONS, [
      { id: 'o1', time: '2026-11-02T10:06:00Z', operation_name: 'microsoft.web/sites/write', kind: 'update', status: 'succeeded', caller_upn: 'svc@contoso.com', auth_methods: 'pwd', mfa: false, raw: '{}' },
      { id: 'o2', time: '2026-11-02T11:06:00Z', operation_name: 'microsoft.web/sites/delete', kind: 'delete', status: 'succeeded', caller_object_id: 'u-svc', auth_methods: 'pwd', mfa: false, raw: '{}' },
      { id: 'o3', time: '2026-11-02T12:06:00Z', operation_name: 'microsoft.web/sites/write', kind: 'create', status: 'failed', sub_status: 'RequestDisallowedByPolicy', caller_object_id: 'u-svc', mfa: false,
        policy_definition_ids: '/providers/microsoft.authorization/policydefinitions/4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b', raw: '{}' },
      { id: 'o4', time: '2026-11-03T09:30:00Z', operation_name: 'microsoft.storage/storageaccounts/write', kind: 'create', status: 'succeeded', caller_upn: 'ALICE@contoso.com', mfa: true, raw: '{}' },
      { id: 'o5', time: '2026-11-03T09:31:00Z', operation_name: 'microsoft.compute/virtualmachines/write', kind: 'create', status: 'succeeded', caller_object_id: 'sp-9', idtyp: 'app', raw: '{}' },
    ]);

    const features = await loadIdentityFeatures(store, '2026-12-01T00:00:00Z');
    expect(features.map((f) => [f.id, f.kind, f.inDirectory])).toEqual([
      ['sp-1', 'servicePrincipal', false], ['sp-9', 'servicePrincipal', false], ['u-alice', 'user', true], ['u-idle', 'user', true], ['u-svc', 'user', true],
    ]);
    const svc = features.find((f) => f.id === 'u-svc');
    expect(svc).toMatchObject({
      signIns: 49, nonInteractive: 49, successes: 48, singleFactorSuccesses: 48, mfaSuccesses: 0, ropc: 49,
      firstSeen: '2026-11-02T00:05:00.000Z', lastSeen: '2026-11-04T03:00:00.000Z',
      activeHours: 49, activeDays: 3, hoursOfDay: 24, gapMedianSeconds: 3600,
      distinctIps: 1, azureAsnSignIns: 49, armSuccessNoMfa: 48, armRopcSuccess: 48,
      scopeMfaFailures: 1, scopeMfaFailureCodes: [50076], scopeMfaFailureApp: 'Microsoft Azure CLI',
      writes: 1, deletes: 1, opsNoMfa: 2, opsMfa: 0, policyDenied: 1, policyDeniedFirst: '2026-11-02T12:06:00.000Z',
      passwordNeverExpires: true, licenseCount: 0, directoryLastSignIn: '2026-11-01T00:00:00.000Z', registrationKnown: false, caPoliciesExcluding: 0,
      userAgents: [{ key: 'azure-cli', name: null, count: 49 }],
      failures: [{ code: 50076, count: 1 }],
      armNoMfaApps: [{ key: CLI, name: 'Microsoft Azure CLI', count: 48 }],
    });
    expect(svc?.hourOfWeek.slice(0, 3)).toEqual([1, 1, 1]);
    expect(svc?.hourOfWeek.reduce((sum, n) => sum + n, 0)).toBe(49);
    expect(svc?.regularGapShare).toBeCloseTo(47 / 48, 5);
    expect(svc?.opsNoMfaNames).toEqual([
      { key: 'microsoft.web/sites/delete', name: null, count: 1 },
      { key: 'microsoft.web/sites/write', name: null, count: 1 },
    ]);

    const alice = features.find((f) => f.id === 'u-alice');
    expect(alice).toMatchObject({
      upn: 'alice@contoso.com', portalSuccessMfa: 1, portalSuccessNoMfa: 0, armSuccessMfa: 0, writes: 1, opsMfa: 1, opsNoMfa: 0,
      mfaRegistered: true, registrationKnown: true, methodsRegistered: ['microsoftAuthenticatorPush'], directoryRoleIds: [GA], caPoliciesExcluding: 2,
      userAgents: [{ key: 'browser', name: null, count: 1 }],
    });
    expect(features.find((f) => f.id === 'u-idle')).toMatchObject({ signIns: 0, caPoliciesExcluding: 1, firstSeen: null, hourOfWeek: new Array<number>(168).fill(0) });
    expect(features.find((f) => f.id === 'sp-9')).toMatchObject({ writes: 1, opsMfaUnknown: 1, signIns: 0 });
  });

  it('reads when the audit log shows an account disabled, in every shape of the record, and a person\'s directory profile', async () => {
    await insertRows(store, IDENTITIES, [
      { id: 'u-a', kind: 'user', upn: 'a@contoso.com', account_enabled: false, job_title: 'Analyst', department: 'Finance', manager_id: 'u-boss', raw: '{}' },
      { id: 'u-b', kind: 'user', upn: 'b@contoso.com', account_enabled: false, raw: '{}' },
      { id: 'u-c', kind: 'user', upn: 'c@contoso.com', account_enabled: false, raw: '{}' },
      { id: 'u-d', kind: 'user', upn: 'd@contoso.com', account_enabled: true, raw: '{}' },
    ]);
    const enabledFalse = { displayName: 'AccountEnabled', oldValue: '[true]', newValue: '[false]' };
    await insertRows(store, AUDIT_EVENTS, [
      { id: 'e1', time: '2026-11-01T10:00:00Z', activity: 'Disable account', result: 'success', target_ids: ['u-a'], raw: '{}' },
      { id: 'e2', time: '2026-11-05T10:00:00Z', activity: 'Disable account', result: 'success', target_ids: ['u-a'], raw: '{}' },
      // Graph / diagnostic shape: the modified property inside targetResources.
      { id: 'e3', time: '2026-11-02T10:00:00Z', activity: 'Update user', result: 'success', target_ids: ['u-b'], raw: JSON.stringify({ properties: { targetResources: [{ id: 'u-b', modifiedProperties: [enabledFalse] }] } }) },
      // Log Analytics shape: TargetResources is JSON text in a column.
      { id: 'e4', time: '2026-11-03T10:00:00Z', activity: 'Update user', result: 'success', target_ids: ['u-c'], raw: JSON.stringify({ TargetResources: JSON.stringify([{ id: 'u-c', modifiedProperties: [enabledFalse] }]) }) },
      // Another update of the user, and a failed disable, say nothing.
      { id: 'e5', time: '2026-11-04T10:00:00Z', activity: 'Update user', result: 'success', target_ids: ['u-d'], raw: JSON.stringify({ targetResources: [{ id: 'u-d', modifiedProperties: [{ displayName: 'JobTitle', oldValue: '[]', newValue: '["x"]' }] }] }) },
      { id: 'e6', time: '2026-11-04T11:00:00Z', activity: 'Disable account', result: 'failure', target_ids: ['u-d'], raw: '{}' },
    ]);
    const features = await loadIdentityFeatures(store, '2026-11-20T00:00:00.000Z');
    expect(features.map((f) => [f.id, f.accountEnabled, f.disabledAt, f.jobTitle, f.department, f.managerId])).toEqual([
      ['u-a', false, '2026-11-05T10:00:00.000Z', 'Analyst', 'Finance', 'u-boss'],
      ['u-b', false, '2026-11-02T10:00:00.000Z', null, null, null],
      ['u-c', false, '2026-11-03T10:00:00.000Z', null, null, null],
      ['u-d', true, null, null, null, null],
    ]);
    // As of before the second disable, the first counts.
    expect((await loadIdentityFeatures(store, '2026-11-03T00:00:00.000Z')).find((f) => f.id === 'u-a')?.disabledAt).toBe('2026-11-01T10:00:00.000Z');
  });

  it('ignores records after the cut-off and reports tenant-wide facts', async () => {
    await insertRows(store, SIGN_INS, [signIn({ created_at: '2026-11-02T10:00:00Z' }), signIn({ created_at: '2026-11-09T10:00:00Z' })]);
    const features = await loadIdentityFeatures(store, '2026-11-05T00:00:00Z');
    expect(features.map((f) => [f.id, f.signIns])).toEqual([['u-svc', 1]]);
    const tenant = await loadTenantFeatures(store);
    expect(tenant).toMatchObject({ newestRecord: '2026-11-09T10:00:00.000Z', signIns: 2, operations: 0, directoryObjects: 0, enabledCaPolicies: 0 });
  });

  it('finds the workload identity that took over from a user gone quiet', async () => {
    const rows: RowValues[] = [];
    for (let day = 1; day <= 10; day += 1) rows.push(signIn({ created_at: new Date(Date.UTC(2026, 10, day, 2)).toISOString(), ip_address: '52.1.1.1' }));
    for (let day = 11; day <= 20; day += 1) {
      rows.push(signIn({ kind: 'servicePrincipal', user_id: null, upn: null, service_principal_id: 'sp-new', service_principal_name: 'deploy-sp', app_id: 'app-new', created_at: new Date(Date.UTC(2026, 10, day, 2)).toISOString(), ip_address: '52.1.1.1' }));
    }
    await insertRows(store, SIGN_INS, rows);
    const features = await loadIdentityFeatures(store, '2026-12-01T00:00:00Z');
    expect(features.find((f) => f.id === 'u-svc')?.successor).toEqual({ id: 'sp-new', name: 'deploy-sp', firstSeen: '2026-11-11T02:00:00.000Z', sharedIp: '52.1.1.1' });
    expect(features.find((f) => f.id === 'sp-new')?.successor).toBeNull();
  });
});

describe('Activity-log operations', () => {
  it('count each write once: the Started event before its Succeeded event is not a second write', async () => {
    const store = await openStore(':memory:');
    await insertRows(store, OPERATIONS, [
      { id: 'a1', time: '2026-11-02T10:00:00Z', operation_name: 'microsoft.compute/virtualmachines/write', kind: 'update', status: 'started', caller_object_id: 'u-job', auth_methods: 'pwd', mfa: false, raw: '{}' },
      { id: 'a2', time: '2026-11-02T10:00:09Z', operation_name: 'microsoft.compute/virtualmachines/write', kind: 'create', status: 'succeeded', caller_object_id: 'u-job', auth_methods: 'pwd', mfa: false, raw: '{}' },
      { id: 'a3', time: '2026-11-02T11:00:00Z', operation_name: 'microsoft.compute/snapshots/delete', kind: 'delete', status: 'accepted', caller_object_id: 'u-job', auth_methods: 'pwd', mfa: false, raw: '{}' },
      { id: 'a4', time: '2026-11-02T11:00:30Z', operation_name: 'microsoft.compute/snapshots/delete', kind: 'delete', status: 'succeeded', caller_object_id: 'u-job', auth_methods: 'pwd', mfa: false, raw: '{}' },
    ]);
    const features = await loadIdentityFeatures(store, '2026-11-03T00:00:00Z');
    const job = features.find((row) => row.id === 'u-job');
    expect(job?.writes).toBe(1);
    expect(job?.deletes).toBe(1);
    expect(job?.opsNoMfa).toBe(2);
    store.close();
  });

  it('name the five commonest changes without MFA, most first, ties by name; those with MFA or in progress do not count', async () => {
    const store = await openStore(':memory:');
    // Counts per operation: g 4, c 3, a 2, e 2, b 1, d 1 (six names: one is left out), plus writes that must not count.
    const counts: [string, number][] = [['g', 4], ['c', 3], ['a', 2], ['e', 2], ['b', 1], ['d', 1]];
    const rows: RowValues[] = counts.flatMap(([name, n]) =>
      Array.from({ length: n }, (_, index) => ({
        id: `${name}${index}`, time: `2026-11-02T10:0${index}:00Z`, operation_name: `microsoft.web/${name}/write`, kind: 'update', status: 'succeeded',
        caller_object_id: 'u-job', auth_methods: 'pwd', mfa: false, raw: '{}',
      })),
    );
    rows.push(
      { id: 'm1', time: '2026-11-02T11:00:00Z', operation_name: 'microsoft.web/b/write', kind: 'update', status: 'succeeded', caller_object_id: 'u-job', mfa: true, raw: '{}' },
      { id: 'm2', time: '2026-11-02T11:00:00Z', operation_name: 'microsoft.web/d/write', kind: 'update', status: 'started', caller_object_id: 'u-job', mfa: false, raw: '{}' },
      { id: 'm3', time: '2026-11-02T11:00:00Z', operation_name: 'microsoft.web/d/write', kind: 'update', status: 'started', caller_object_id: 'u-job', mfa: false, raw: '{}' },
    );
    await insertRows(store, OPERATIONS, rows);
    const job = (await loadIdentityFeatures(store, '2026-11-03T00:00:00Z')).find((row) => row.id === 'u-job');
    expect(job?.opsNoMfa).toBe(13);
    expect(job?.opsNoMfaNames).toEqual([
      { key: 'microsoft.web/g/write', name: null, count: 4 },
      { key: 'microsoft.web/c/write', name: null, count: 3 },
      { key: 'microsoft.web/a/write', name: null, count: 2 },
      { key: 'microsoft.web/e/write', name: null, count: 2 },
      { key: 'microsoft.web/b/write', name: null, count: 1 },
    ]);
    store.close();
  });
});

describe('identityFeatureTexts', () => {
  it('leaves the connection as it found it when the reader stops after the first chunk', async () => {
    const store = await openStore(':memory:');
    const setting = async (): Promise<string | undefined> => (await store.all<{ value: string }>("SELECT current_setting('streaming_buffer_size')::VARCHAR AS value"))[0]?.value;
    const before = await setting();
    await insertRows(store, IDENTITIES, Array.from({ length: 5000 }, (_, index) => ({ id: `u-${index}`, kind: 'user', upn: `user${index}@contoso.com`, raw: '{}' })));
    let rows = 0;
    for await (const texts of identityFeatureTexts(store, '2026-11-03T00:00:00Z')) {
      rows += texts.length;
      break;
    }
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(5000);
    expect(await setting()).toBe(before);
    expect((await loadIdentityFeatures(store, '2026-11-03T00:00:00Z')).length).toBe(5000);
    store.close();
  });

  it('gives each chunk\'s rows by position, decoded when asked for, in any order and again', async () => {
    const store = await openStore(':memory:');
    await insertRows(store, IDENTITIES, Array.from({ length: 3000 }, (_, index) => ({ id: `u-${String(index).padStart(4, '0')}`, kind: 'user', upn: `user${index}@contoso.com`, raw: '{}' })));
    const ids: string[] = [];
    for await (const rows of identityFeatureRows(store, '2026-11-03T00:00:00Z')) {
      expect(rows.at(-1)).toBeUndefined();
      expect(rows.at(rows.length)).toBeUndefined();
      const last = rows.at(rows.length - 1);
      for (let index = 0; index < rows.length; index += 1) ids.push(featuresFromText(rows.at(index) ?? '').id);
      expect(rows.at(rows.length - 1)).toBe(last);
    }
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
    expect(ids.sort()[2999]).toBe('u-2999');
    store.close();
  });
});

describe('trusted named locations', () => {
  it('counts the successful addresses inside trusted IP ranges, IPv4 and IPv6, and names the locations', async () => {
    const store = await openStore(':memory:');
    const ranges = (cidrs: string[]): { '@odata.type': string; cidrAddress: string }[] => cidrs.map((cidr) => ({ '@odata.type': cidr.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange', cidrAddress: cidr }));
    await insertRows(store, NAMED_LOCATIONS, [
      { id: 'l1', display_name: 'HQ', raw: JSON.stringify({ '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: true, ipRanges: ranges(['203.0.113.0/25', '2001:db8:51::/48']) }) },
      { id: 'l2', display_name: 'DR site', raw: JSON.stringify({ '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: true, ipRanges: ranges(['198.51.100.7/32', 'not-a-range', '10.0.0.0/99']) }) },
      { id: 'l3', display_name: 'Guest Wi-Fi', raw: JSON.stringify({ '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: false, ipRanges: ranges(['192.0.2.0/24']) }) },
      { id: 'l4', display_name: 'Countries', raw: JSON.stringify({ '@odata.type': '#microsoft.graph.countryNamedLocation', countriesAndRegions: ['KP'] }) },
    ]);
    await insertRows(store, SIGN_INS, [
      signIn({ user_id: 'u-a', ip_address: '203.0.113.5' }),
      signIn({ user_id: 'u-a', ip_address: '203.0.113.5' }),
      signIn({ user_id: 'u-a', ip_address: '2001:DB8:51:0:0:0:0:9' }),
      signIn({ user_id: 'u-a', ip_address: '198.51.100.7' }),
      // Outside every trusted range: the /25 ends at .127, the /32 is one address, Guest Wi-Fi is not trusted.
      signIn({ user_id: 'u-a', ip_address: '203.0.113.200' }),
      signIn({ user_id: 'u-a', ip_address: '198.51.100.8' }),
      signIn({ user_id: 'u-a', ip_address: '192.0.2.1' }),
      signIn({ user_id: 'u-a', ip_address: '2001:db8:52::9' }),
      // A failed sign-in from inside HQ does not count: only addresses that signed in.
      signIn({ user_id: 'u-b', ip_address: '203.0.113.9', error_code: 50126 }),
      signIn({ user_id: 'u-c', ip_address: '192.0.2.50' }),
    ]);
    const features = await loadIdentityFeatures(store, '2026-12-01T00:00:00Z');
    const of = (id: string): [number, string[]] | undefined => {
      const row = features.find((entry) => entry.id === id);
      return row ? [row.trustedLocationIps, row.trustedLocations] : undefined;
    };
    expect(of('u-a')).toEqual([3, ['DR site', 'HQ']]);
    expect(of('u-b')).toEqual([0, []]);
    expect(of('u-c')).toEqual([0, []]);
    expect(await loadIdentityFeatures(store, '2026-12-01T00:00:00Z', 'sign-ins')).toEqual(features);
    store.close();
  });
});
