import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pushedRows } from '../../src/features/kql/feature-answer.js';
import { identityFeaturesSchema } from '../../src/features/identity-features.js';
import { loadIdentityFeatures, loadTenantFeatures } from '../../src/features/load-features.js';
import { storePushedRows } from '../../src/sources/collect/loganalytics/pushed-feature-rows.js';
import { importPaths } from '../../src/sources/import/index.js';
import { openStore } from '../../src/store/store.js';
import { EXPECTED_SP, EXPECTED_USER, handWrittenAnswer, LOG_ANALYTICS_ROWS, USERS_PAGE } from './hand-computed-tenant.js';

/**
 * The hand-computed tenant by both roads. DuckDB: its records imported (a Log Analytics KQL export and the Graph
 * users page), the features computed by the feature SQL. Kusto: the users page imported, and the feature query's answer
 * for its records, written by hand, read back and analysed by the same SQL. Each must give, literally, the row worked
 * out by hand.
 */
const work = mkdtempSync(join(tmpdir(), 'unattended-kql-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const UNTIL = '2026-11-20T00:00:00.000Z';

function writeInputs(): { users: string; logs: string } {
  const users = join(work, 'users.json');
  const logs = join(work, 'loganalytics.json');
  writeFileSync(users, JSON.stringify(USERS_PAGE));
  writeFileSync(logs, JSON.stringify(LOG_ANALYTICS_ROWS));
  return { users, logs };
}

describe('the hand-computed tenant', () => {
  it('gives the hand-computed rows on the DuckDB path (its records imported)', async () => {
    const { users, logs } = writeInputs();
    const store = await openStore(':memory:');
    try {
      const summary = await importPaths(store, [users, logs]);
      expect(summary.files.map((file) => [file.format, file.stored, file.quarantined])).toEqual([['graph-json', 1, 0], ['loganalytics-json', 8, 0]]);
      const rows = await loadIdentityFeatures(store, UNTIL);
      for (const row of rows) identityFeaturesSchema.parse(row);
      expect(rows).toEqual([EXPECTED_USER, EXPECTED_SP]);
      expect(await loadTenantFeatures(store)).toMatchObject({ signIns: 5, operations: 3, newestRecord: '2026-11-03T10:00:00.000Z' });
    } finally {
      store.close();
    }
  });

  it('gives the same rows on the Kusto path (a hand-written answer to the feature query, read back)', async () => {
    const { users } = writeInputs();
    const store = await openStore(':memory:');
    try {
      await importPaths(store, [users]);
      const pushed = pushedRows(handWrittenAnswer());
      expect(pushed.map((row) => [row.pid, row.pkind, row.operations, row.okIps])).toEqual([
        [EXPECTED_USER.id, 'user', 3, ['20.1.2.3']],
        [EXPECTED_SP.id, 'servicePrincipal', 0, ['40.1.1.1']],
      ]);
      await store.transaction(() => storePushedRows(store, pushed, 'pushed-batch'));
      const rows = await loadIdentityFeatures(store, UNTIL);
      for (const row of rows) identityFeaturesSchema.parse(row);
      expect(rows).toEqual([EXPECTED_USER, EXPECTED_SP]);
      // The tenant's facts count what the engine saw: five sign-ins, three Activity-log rows, the newest of them.
      expect(await loadTenantFeatures(store)).toMatchObject({ signIns: 5, operations: 3, newestRecord: '2026-11-03T10:00:00.000Z' });
    } finally {
      store.close();
    }
  });
});
