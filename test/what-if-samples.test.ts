import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../src/engines/run-analysis.js';
import { caPolicySchema } from '../src/model/conditional-access-policy.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore, type Store } from '../src/store/store.js';

// The agreement with Entra on Microsoft's real records, as far as they allow: they carry results for two policies
// (one off, one Microsoft-managed in report-only) but not the policies' definitions, so the test writes them from what
// the records and Microsoft's documentation say: "Require MFA" (state notEnabled in every record) and the managed policy
// for risky sign-ins (MFA when sign-in risk is high).
const SAMPLES = resolve(import.meta.dirname, '..', '..', 'shared', 'samples', 'entra-diagnostic-logs');
const have = existsSync(SAMPLES);
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '';
if (!have) console.warn(inCi ? 'FAILING: ../shared/samples is missing and CI is set' : 'skipped: ../shared/samples not present (a user clone)');

const ALL_USERS = { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] };
const POLICIES = [
  { id: 'ccb90f89-cdaf-4ae6-9dd1-a9ee6ea86a90', displayName: 'Require MFA', state: 'disabled', conditions: { users: ALL_USERS, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
  {
    id: 'd89dbd50-e9d5-47d5-9b68-43b1a88ac804', displayName: 'Microsoft-managed: Multifactor authentication and reauthentication for risky sign-ins', state: 'enabledForReportingButNotEnforced',
    conditions: { users: ALL_USERS, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'], signInRiskLevels: ['high'] }, grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  },
].map((policy) => ({ policy: caPolicySchema.parse(policy), file: 'samples-policies.json' }));

describe.skipIf(!have && !inCi)('what-if agreement with Entra on the real diagnostic-settings samples', () => {
  let store: Store;
  beforeAll(async () => {
    if (!have) throw new Error(`${SAMPLES} is missing and CI is set: the samples tests must run in CI`);
    store = await openStore(':memory:');
    await importPaths(store, [SAMPLES]);
  });
  afterAll(() => store?.close());

  it('lists the policies Entra recorded results for whose definitions it does not have, and compares nothing', async () => {
    const agreement = (await runAnalysis(store, { whatIf: [] })).whatIf?.agreement;
    expect([agreement?.enabled.compared, agreement?.reportOnly.compared, agreement?.disabled.compared]).toEqual([0, 0, 0]);
    expect(agreement?.undefinedPolicies).toEqual([
      { policy: 'ccb90f89-cdaf-4ae6-9dd1-a9ee6ea86a90', displayName: 'Require MFA', signIns: 16 },
      { policy: 'd89dbd50-e9d5-47d5-9b68-43b1a88ac804', displayName: 'Microsoft-managed: Multifactor authentication and reauthentication for risky sign-ins', signIns: 16 },
    ]);
  });

  it('agrees with every recorded result once the definitions are given (16 notEnabled, 16 reportOnlyNotApplied)', async () => {
    const agreement = (await runAnalysis(store, { whatIf: POLICIES })).whatIf?.agreement;
    expect(agreement?.enabled).toEqual({ compared: 0, agreed: 0, rate: null });
    expect(agreement?.reportOnly).toEqual({ compared: 16, agreed: 16, rate: 1 });
    expect(agreement?.disabled).toEqual({ compared: 16, agreed: 16, rate: 1 });
    expect([agreement?.notComparable, agreement?.disagreements, agreement?.undefinedPolicies]).toEqual([0, [], []]);
  });
});
