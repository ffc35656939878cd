import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIdentityFeatures } from '../../features/load-features.js';
import { SIGN_INS } from '../columns.js';
import { openStore, type Store } from '../store.js';
import { insertRows, type RowValues } from '../write-rows.js';
import { appendSignInRollups, compactSignInRollups, signInRollupState } from './sign-in-rollups.js';

const dir = mkdtempSync(join(tmpdir(), 'unattended-rollups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

function signIn(id: string, createdAt: string, batch: string, overrides: RowValues = {}): RowValues {
  return {
    id, kind: 'nonInteractiveUser', created_at: createdAt, user_id: 'u-svc', upn: 'svc@contoso.com', is_interactive: false, error_code: 0,
    app_id: CLI, app_display_name: 'Microsoft Azure CLI', resource_id: ARM, ip_address: '20.1.2.3', asn: 8075, country: 'NL',
    authentication_requirement: 'singleFactorAuthentication', authentication_protocol: 'ropc', mfa_satisfied: false, raw: '{}', batch_id: batch,
    ...overrides,
  };
}

/** Two files' worth of sign-ins of one service account (hourly, then a failure and a new address), as two batches. */
async function twoBatches(store: Store): Promise<void> {
  const first: RowValues[] = [];
  for (let hour = 0; hour < 5; hour += 1) first.push(signIn(`a${hour}`, `2026-11-02T0${hour}:10:00Z`, 'batch-1'));
  const second = [
    signIn('b0', '2026-11-02T05:10:00Z', 'batch-2'),
    signIn('b1', '2026-11-02T07:10:00.123456Z', 'batch-2', { error_code: 50076, mfa_satisfied: null, ip_address: '20.9.9.9' }),
    signIn('b2', '2026-11-03T07:10:00Z', 'batch-2', { ip_address: '20.9.9.9', user_id: 'u-other', upn: 'other@contoso.com' }),
  ];
  for (const [batch, rows] of [['batch-1', first], ['batch-2', second]] as const) {
    await store.transaction(async () => {
      await insertRows(store, SIGN_INS, rows);
      await appendSignInRollups(store, [batch], rows.length);
    });
  }
}

describe('sign-in rollups', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('are appended per batch, merged by compaction, and give the features the sign-ins give', async () => {
    await twoBatches(store);
    const newest = '2026-11-03T07:10:00.000Z';
    expect(await signInRollupState(store, newest)).toBe('spread');
    expect(await store.all('SELECT pid, count(*)::INTEGER AS rows FROM sign_in_profiles GROUP BY pid ORDER BY pid')).toEqual([
      { pid: 'u-other', rows: 1 },
      { pid: 'u-svc', rows: 2 },
    ]);
    const fromSignIns = await loadIdentityFeatures(store, newest, 'sign-ins');
    expect(await loadIdentityFeatures(store, newest)).toEqual(fromSignIns);

    await compactSignInRollups(store);
    expect(await signInRollupState(store, newest)).toBe('summarised');
    expect(await store.all(`SELECT pid, hours, hour_of_week[1:8] AS monday, ok_ips, active_hours, active_days, hours_of_day, gap_median, distinct_ips
      FROM sign_in_profiles ORDER BY pid`)).toEqual([
      // 2026-11-03 07:00 UTC is hour 498,247 since the epoch, a Tuesday (hour of the week 31).
      { pid: 'u-other', hours: [498247], monday: [0, 0, 0, 0, 0, 0, 0, 0], ok_ips: ['20.9.9.9'], active_hours: 1, active_days: 1, hours_of_day: 1, gap_median: null, distinct_ips: 1 },
      // Monday 00:00 to 05:00 hourly, then 07:00 (a failure, its address not counted as a successful one).
      { pid: 'u-svc', hours: [498216, 498217, 498218, 498219, 498220, 498221, 498223], monday: [1, 1, 1, 1, 1, 1, 0, 1], ok_ips: ['20.1.2.3'], active_hours: 7, active_days: 1, hours_of_day: 7, gap_median: 3600, distinct_ips: 1 },
    ]);
    // The five hourly cells of batch 1 and the one of batch 2 are one cell: same principal, app, resource, result, network.
    expect(await store.all("SELECT error_code, n, CAST(first AS VARCHAR) AS first, CAST(last AS VARCHAR) AS last FROM sign_in_cells WHERE pid = 'u-svc' ORDER BY error_code")).toEqual([
      { error_code: 0, n: 6, first: '2026-11-02 00:10:00', last: '2026-11-02 05:10:00' },
      { error_code: 50076, n: 1, first: '2026-11-02 07:10:00.123456', last: '2026-11-02 07:10:00.123456' },
    ]);
    const summarised = await loadIdentityFeatures(store, newest);
    expect(summarised).toEqual(fromSignIns);
    expect(summarised.find((features) => features.id === 'u-svc')).toMatchObject({ signIns: 7, successes: 6, activeHours: 7, gapMedianSeconds: 3600, lastSeen: '2026-11-02T07:10:00.123Z' });
    // A summary made with another catalog is not used; the merged rollups are summarised on the fly instead.
    await store.run("UPDATE derived_tables SET version = version + 1 WHERE name = 'sign_in_summary'");
    expect(await signInRollupState(store, newest)).toBe('compacted');
    expect(await loadIdentityFeatures(store, newest)).toEqual(fromSignIns);
    await compactSignInRollups(store);
    expect(await signInRollupState(store, newest)).toBe('summarised');
  });

  it('are not used for a cut-off before the newest sign-in, nor when a sign-in reached the table without them', async () => {
    await twoBatches(store);
    await compactSignInRollups(store);
    // The newest sign-in's millisecond counts as "as of" it; a millisecond earlier does not include it.
    expect(await signInRollupState(store, '2026-11-03T07:10:00.000Z')).toBe('summarised');
    expect(await signInRollupState(store, '2026-11-03T07:09:59.999Z')).toBe('stale');
    const earlier = await loadIdentityFeatures(store, '2026-11-02T06:00:00.000Z');
    expect(earlier.find((features) => features.id === 'u-svc')).toMatchObject({ signIns: 6, activeHours: 6 });
    expect(earlier.find((features) => features.id === 'u-other')).toBeUndefined();

    await insertRows(store, SIGN_INS, [signIn('c0', '2026-11-03T08:00:00Z', 'batch-3')]);
    expect(await signInRollupState(store, '2026-11-03T08:00:00.000Z')).toBe('stale');
    expect((await loadIdentityFeatures(store, '2026-11-03T08:00:00.000Z')).find((features) => features.id === 'u-svc')).toMatchObject({ signIns: 8 });
  });

  it('are not looked for in a store written before they existed (opened read-only, so not migrated)', async () => {
    await twoBatches(store);
    await store.run('DROP TABLE derived_tables');
    expect(await signInRollupState(store, '2026-11-03T07:10:00.000Z')).toBe('stale');
    expect((await loadIdentityFeatures(store, '2026-11-03T07:10:00.000Z')).map((features) => [features.id, features.signIns])).toEqual([
      ['u-other', 1],
      ['u-svc', 7],
    ]);
  });

  it('are rebuilt from the sign-ins when a store was written by another definition', async () => {
    const path = join(dir, 'rebuild.duckdb');
    const first = await openStore(path);
    await twoBatches(first);
    await first.run("UPDATE derived_tables SET version = 0, covered = 0 WHERE name = 'sign_in_rollups'");
    await first.run('DELETE FROM sign_in_cells');
    first.close();
    const reopened = await openStore(path);
    try {
      expect(await signInRollupState(reopened, '2026-11-03T07:10:00.000Z')).toBe('summarised');
      expect(await reopened.all('SELECT sum(n)::INTEGER AS n FROM sign_in_cells')).toEqual([{ n: 8 }]);
    } finally {
      reopened.close();
    }
  });
});
