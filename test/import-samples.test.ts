import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';
import { failWithoutPrerequisite } from './helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from './helpers/shared-samples.js';

const SAMPLES = SHARED_SAMPLES;

describe.skipIf(sharedSamples.skip)('import of the real diagnostic-settings samples', () => {
  failWithoutPrerequisite(sharedSamples);
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('imports every sample file with exact counts and nothing quarantined', async () => {
    const summary = await importPaths(store, [SAMPLES]);
    const byFile = Object.fromEntries(summary.files.map((file) => [file.path.split('/').pop(), file]));
    expect(Object.keys(byFile).sort()).toEqual([
      'audit_logs.jsonl', 'managed_identity_sign_in_logs.jsonl',
      'non_interactive_user_sign_in_logs.jsonl', 'service_principal_sign_in_logs.jsonl', 'sign_in_logs.jsonl',
    ]);
    // The folder's README and licence can never be logs: skipped and counted, not tried as data.
    expect([summary.skipped, summary.skippedFiles.map((skip) => [skip.path.split('/').pop(), skip.reason])]).toEqual([2, [['LICENSE-Apache-2.0.txt', 'a licence'], ['README.md', 'Markdown text']]]);
    const counts = (name: string): unknown => {
      const file = byFile[name];
      return file && { format: file.format, read: file.read, stored: file.stored, updated: file.updated, duplicates: file.duplicates, quarantined: file.quarantined, error: file.error };
    };
    expect(counts('sign_in_logs.jsonl')).toEqual({ format: 'diagnostic-jsonl', read: 5, stored: 5, updated: 0, duplicates: 0, quarantined: 0, error: null });
    expect(counts('non_interactive_user_sign_in_logs.jsonl')).toEqual({ format: 'diagnostic-jsonl', read: 14, stored: 14, updated: 0, duplicates: 0, quarantined: 0, error: null });
    expect(counts('service_principal_sign_in_logs.jsonl')).toEqual({ format: 'diagnostic-jsonl', read: 25, stored: 25, updated: 0, duplicates: 0, quarantined: 0, error: null });
    // 24 records on 23 newline-terminated lines plus a last line without a newline; one sign-in
    // (id 0ca54ccd…, lines 11 and 15) was delivered twice by the diagnostic setting, an at-least-once export.
    expect(counts('managed_identity_sign_in_logs.jsonl')).toEqual({ format: 'diagnostic-jsonl', read: 24, stored: 23, updated: 0, duplicates: 1, quarantined: 0, error: null });
    expect(counts('audit_logs.jsonl')).toEqual({ format: 'diagnostic-jsonl', read: 22, stored: 22, updated: 0, duplicates: 0, quarantined: 0, error: null });

    expect(summary.totals).toEqual({
      interactiveUser: { read: 5, stored: 5, updated: 0, duplicates: 0, quarantined: 0 },
      nonInteractiveUser: { read: 14, stored: 14, updated: 0, duplicates: 0, quarantined: 0 },
      servicePrincipal: { read: 25, stored: 25, updated: 0, duplicates: 0, quarantined: 0 },
      managedIdentity: { read: 24, stored: 23, updated: 0, duplicates: 1, quarantined: 0 },
      activity: { read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0 },
      audit: { read: 22, stored: 22, updated: 0, duplicates: 0, quarantined: 0 },
      directory: { read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0 },
    });
    const kinds = await store.all('SELECT kind, count(*) AS n FROM sign_ins GROUP BY kind ORDER BY kind');
    expect(kinds).toEqual([
      { kind: 'interactiveUser', n: 5 }, { kind: 'managedIdentity', n: 23 }, { kind: 'nonInteractiveUser', n: 14 }, { kind: 'servicePrincipal', n: 25 },
    ]);
    expect(await store.all('SELECT count(*) AS n FROM quarantine')).toEqual([{ n: 0 }]);
    expect(await store.all("SELECT value FROM tenant WHERE key = 'tenantId'")).toEqual([{ value: '4d3bac44-0230-4732-9e70-cc00736f0a97' }]);
  });

  it('normalises a real interactive sign-in: lowercase UPN, member/guest, camelCase enums, UTC, single factor', async () => {
    await importPaths(store, [resolve(SAMPLES, 'sign_in_logs.jsonl')]);
    const [row] = await store.all(
      `SELECT id, kind, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%f') AS created, upn, user_type, app_id, is_interactive, authentication_requirement,
              mfa_satisfied, error_code, country, city, conditional_access_status, CAST(authentication_steps AS VARCHAR) AS steps
       FROM sign_ins WHERE id = '94cb51df-08a4-4a74-b42b-1210a7a12a00'`,
    );
    expect(row).toEqual({
      id: '94cb51df-08a4-4a74-b42b-1210a7a12a00',
      kind: 'interactiveUser',
      created: '2025-04-11T16:15:30.543135',
      upn: 'harry.potter@hogwarts.com',
      user_type: 'member',
      app_id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      is_interactive: true,
      authentication_requirement: 'singleFactorAuthentication',
      mfa_satisfied: false,
      error_code: 0,
      country: 'US',
      city: 'Westfield',
      conditional_access_status: 'notApplied',
      steps: '[{"method":"Previously satisfied","succeeded":true,"requirement":"Primary authentication","resultDetail":"First factor requirement satisfied by claim in the token"}]',
    });
  });

  it('is idempotent: a second import stores nothing and counts everything as duplicates', async () => {
    await importPaths(store, [SAMPLES]);
    const again = await importPaths(store, [SAMPLES]);
    const jsonl = again.files.filter((file) => file.format !== null);
    expect(jsonl.map((file) => [file.read, file.stored, file.duplicates])).toEqual([[22, 0, 22], [24, 0, 24], [14, 0, 14], [25, 0, 25], [5, 0, 5]]);
    expect(await store.all('SELECT count(*) AS n FROM sign_ins')).toEqual([{ n: 67 }]);
  });

  it('reads the same records from the storage-account blob layout, gzipped, and from an Event Hubs {"records":[…]} wrapper', async () => {
    const work = mkdtempSync(join(tmpdir(), 'unattended-samples-'));
    try {
      const blob = join(work, 'insights-logs-serviceprincipalsigninlogs', 'resourceId=', 'tenants', 't', 'providers', 'Microsoft.aadiam', 'y=2025', 'm=04', 'd=11', 'h=03', 'm=00');
      mkdirSync(blob, { recursive: true });
      writeFileSync(join(blob, 'PT1H.json'), gzipSync(readFileSync(resolve(SAMPLES, 'service_principal_sign_in_logs.jsonl'))));
      const records = readFileSync(resolve(SAMPLES, 'sign_in_logs.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line): unknown => JSON.parse(line));
      writeFileSync(join(work, 'eventhub-batch.json'), JSON.stringify({ records }));
      const summary = await importPaths(store, [work]);
      expect(summary.files.map((file) => [file.path.replace(work, ''), file.format, file.read, file.stored, file.quarantined, file.error])).toEqual([
        ['/eventhub-batch.json', 'diagnostic-jsonl', 5, 5, 0, null],
        ['/insights-logs-serviceprincipalsigninlogs/resourceId=/tenants/t/providers/Microsoft.aadiam/y=2025/m=04/d=11/h=03/m=00/PT1H.json', 'diagnostic-jsonl', 25, 25, 0, null],
      ]);
      expect(summary.totals.interactiveUser.stored).toBe(5);
      expect(summary.totals.servicePrincipal.stored).toBe(25);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
