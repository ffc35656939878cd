import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/store.js';
import { importPaths } from '../import-paths.js';
import type { Counts } from '../framework/import-summary.js';

/**
 * What one sign-in is (docs/sign-ins.md): its id and its createdDateTime. Real-shaped records: attempts of one request
 * share an id, Entra re-sends a sign-in with steps appended under a later envelope time, and a blob can hold a record
 * twice.
 */
const TENANT = '8a3c1f2e-5b6d-4e7f-9a0b-1c2d3e4f5a6b';
const USER = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const REQUEST = 'a1b2c3d4-0000-4000-8000-0000000000aa';
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

interface Version {
  created: string;
  time: string;
  error: number;
  steps: readonly { method: string; detail: string; ok: boolean }[];
  requirement?: 'singleFactorAuthentication' | 'multiFactorAuthentication';
  id?: string;
}

const PASSWORD = { method: 'Password', detail: 'Correct password', ok: true };
const PUSH = { method: 'Mobile app notification', detail: 'MFA successfully completed', ok: true };

function line(v: Version): string {
  const properties = {
    id: v.id ?? REQUEST, createdDateTime: v.created, userDisplayName: 'Robin Ops', userPrincipalName: 'robin.ops@contoso.com', userId: USER,
    appId: CLI, appDisplayName: 'Microsoft Azure CLI', ipAddress: '86.128.4.21', status: { errorCode: v.error }, clientAppUsed: 'Mobile Apps and Desktop clients',
    resourceId: ARM, resourceDisplayName: 'Azure Resource Manager', resourceTenantId: TENANT, homeTenantId: TENANT, isInteractive: true,
    authenticationRequirement: v.requirement ?? 'singleFactorAuthentication', authenticationProtocol: 'none', userType: 'Member', sessionId: '5e55a0f1-0000-4000-8000-000000000001',
    authenticationDetails: v.steps.map((step) => ({ authenticationMethod: step.method, succeeded: step.ok, authenticationStepResultDetail: step.detail, authenticationStepRequirement: 'Primary authentication' })),
  };
  return JSON.stringify({ time: v.time, resourceId: `/tenants/${TENANT}/providers/Microsoft.aadiam`, operationName: 'Sign-in activity', category: 'SignInLogs', tenantId: TENANT, resultType: String(v.error), properties });
}

const root = mkdtempSync(join(tmpdir(), 'unattended-sign-in-identity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

/** A file of its own folder (one import each), named as a diagnostic-settings blob unless told otherwise. */
function file(lines: readonly string[], name = 'PT1H.json'): string {
  files += 1;
  const dir = join(root, String(files));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function counts(summary: Awaited<ReturnType<typeof importPaths>>): Pick<Counts, 'read' | 'stored' | 'updated' | 'duplicates' | 'quarantined'> {
  const [entry] = summary.files;
  return { read: entry?.read ?? -1, stored: entry?.stored ?? -1, updated: entry?.updated ?? -1, duplicates: entry?.duplicates ?? -1, quarantined: entry?.quarantined ?? -1 };
}

async function rows(store: Store): Promise<{ created: string; error: number; steps: number; basis: string | null }[]> {
  return store.all(
    `SELECT strftime(created_at, '%H:%M:%S.%f') AS created, error_code AS error, json_array_length(authentication_steps)::INTEGER AS steps, mfa_basis AS basis
     FROM sign_ins ORDER BY created_at`,
  );
}

describe('what one sign-in is', () => {
  it('keeps every attempt of one request: the MFA interrupt, the retry and the 50158 share an id, not a createdDateTime', async () => {
    const store = await openStore(':memory:');
    try {
      const summary = await importPaths(store, [file([
        line({ created: '2026-11-02T09:00:01.1111111+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 50074, steps: [PASSWORD, { method: '', detail: 'MFA required in Azure AD', ok: false }], requirement: 'multiFactorAuthentication' }),
        line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 0, steps: [PASSWORD, PUSH], requirement: 'multiFactorAuthentication' }),
        line({ created: '2026-11-02T09:00:22.3333333+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 50158, steps: [] }),
      ])]);
      expect(counts(summary)).toEqual({ read: 3, stored: 3, updated: 0, duplicates: 0, quarantined: 0 });
      expect(await rows(store)).toEqual([
        { created: '09:00:01.111111', error: 50074, steps: 2, basis: null },
        { created: '09:00:21.222222', error: 0, steps: 2, basis: 'own-mfa' },
        { created: '09:00:22.333333', error: 50158, steps: 0, basis: null },
      ]);
    } finally {
      store.close();
    }
  });

  it('keeps the latest version of a sign-in re-sent with steps appended, and counts the earlier one as updated', async () => {
    const store = await openStore(':memory:');
    try {
      const v1 = line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 0, steps: [PASSWORD] });
      const v2 = line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:41:00.0000000Z', error: 0, steps: [PASSWORD, PUSH], requirement: 'multiFactorAuthentication' });
      expect(counts(await importPaths(store, [file([v2, v1])]))).toEqual({ read: 2, stored: 1, updated: 1, duplicates: 0, quarantined: 0 });
      expect(await rows(store)).toEqual([{ created: '09:00:21.222222', error: 0, steps: 2, basis: 'own-mfa' }]);
    } finally {
      store.close();
    }
  });

  it('counts an exact re-delivery in one blob once, as a duplicate', async () => {
    const store = await openStore(':memory:');
    try {
      const once = line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 0, steps: [PASSWORD] });
      expect(counts(await importPaths(store, [file([once, once])]))).toEqual({ read: 2, stored: 1, updated: 0, duplicates: 1, quarantined: 0 });
    } finally {
      store.close();
    }
  });

  it('replaces a stored version with a later one from another file, resolving its MFA again, and re-imports as duplicates', async () => {
    const store = await openStore(':memory:');
    try {
      const earlier = file([line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 0, steps: [PASSWORD] })]);
      const later = file([line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:41:00.0000000Z', error: 0, steps: [PASSWORD, PUSH], requirement: 'multiFactorAuthentication' })]);
      expect(counts(await importPaths(store, [earlier]))).toEqual({ read: 1, stored: 1, updated: 0, duplicates: 0, quarantined: 0 });
      expect(await rows(store)).toEqual([{ created: '09:00:21.222222', error: 0, steps: 1, basis: 'own-single' }]);
      expect(counts(await importPaths(store, [later]))).toEqual({ read: 1, stored: 0, updated: 1, duplicates: 0, quarantined: 0 });
      expect(await rows(store)).toEqual([{ created: '09:00:21.222222', error: 0, steps: 2, basis: 'own-mfa' }]);
      // The rollups follow the replacement: one sign-in, with MFA.
      expect(await store.all('SELECT sum(n)::INTEGER AS n, bool_and(mfa) AS mfa FROM sign_in_cells')).toEqual([{ n: 1, mfa: true }]);
      expect(counts(await importPaths(store, [earlier]))).toEqual({ read: 1, stored: 0, updated: 0, duplicates: 1, quarantined: 0 });
      expect(counts(await importPaths(store, [later]))).toEqual({ read: 1, stored: 0, updated: 0, duplicates: 1, quarantined: 0 });
      expect(await rows(store)).toEqual([{ created: '09:00:21.222222', error: 0, steps: 2, basis: 'own-mfa' }]);
    } finally {
      store.close();
    }
  });

  it('never lets a copy from another export (a Log Analytics projection) overwrite the stored record', async () => {
    const store = await openStore(':memory:');
    try {
      await importPaths(store, [file([line({ created: '2026-11-02T09:00:21.2222222+00:00', time: '2026-11-02T09:03:00.0000000Z', error: 0, steps: [PASSWORD, PUSH], requirement: 'multiFactorAuthentication' })])]);
      const projection = { TimeGenerated: '2026-11-02T09:50:00.000Z', Type: 'SigninLogs', Id: REQUEST, CreatedDateTime: '2026-11-02T09:00:21.222Z', UserId: USER, UserPrincipalName: 'robin.ops@contoso.com', AppId: CLI, ResultType: '0' };
      const summary = await importPaths(store, [file([JSON.stringify([projection])], 'projection.json')]);
      expect(counts(summary)).toEqual({ read: 1, stored: 0, updated: 0, duplicates: 1, quarantined: 0 });
      expect(await rows(store)).toEqual([{ created: '09:00:21.222222', error: 0, steps: 2, basis: 'own-mfa' }]);
    } finally {
      store.close();
    }
  });
});
