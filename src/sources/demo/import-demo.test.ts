import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../import/index.js';
import { openStore } from '../../store/store.js';
import type { Store } from '../../store/store.js';
import { generateDemo } from './index.js';
import type { DemoOutput } from './index.js';

const TABLES = ['identities', 'registration_details', 'sign_ins', 'operations', 'role_assignments', 'conditional_access_policies', 'applications', 'credentials', 'quarantine'] as const;

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = await store.all(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]?.['n']);
  }
  return counts;
}

const root = mkdtempSync(join(tmpdir(), 'unattended-demo-import-'));
let output: DemoOutput;
let store: Store;

beforeAll(async () => {
  // Scale 0: the scenario identities' own activity only, so the round trip stays quick.
  output = await generateDemo({ outDir: root, signIns: 0 });
  store = await openStore(':memory:');
}, 300_000);

afterAll(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the demo through the real importers', () => {
  it('imports every record with nothing quarantined, and a second import changes nothing', async () => {
    const firstRun = await importPaths(store, [output.dataDir]);
    expect(firstRun.files.filter((file) => file.error !== null || file.quarantined > 0)).toEqual([]);
    const signIns = firstRun.totals.interactiveUser.stored + firstRun.totals.nonInteractiveUser.stored + firstRun.totals.servicePrincipal.stored + firstRun.totals.managedIdentity.stored;
    expect(signIns).toBe(output.counts.signIns);
    expect(firstRun.totals.activity.stored).toBe(output.counts.operations);
    const counts = await rowCounts(store);
    expect(counts).toEqual({
      identities: output.counts.users + output.counts.workloads,
      registration_details: output.counts.users,
      sign_ins: output.counts.signIns,
      operations: output.counts.operations,
      role_assignments: 11,
      conditional_access_policies: 4,
      applications: 24,
      // 23 app registration secrets, certificates and federated credentials, and 16 managed-identity certificates.
      credentials: 39,
      quarantine: 0,
    });

    const secondRun = await importPaths(store, [output.dataDir]);
    expect(Object.values(secondRun.totals).reduce((sum, kind) => sum + kind.stored + kind.quarantined, 0)).toBe(0);
    expect(secondRun.totals.interactiveUser.duplicates).toBe(firstRun.totals.interactiveUser.stored);
    expect(await rowCounts(store)).toEqual(counts);
  }, 300_000);
});
