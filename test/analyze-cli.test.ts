import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBenchStore } from '../bench/analyze-data.js';
import { renderAnalysisTable } from '../src/cli/analyze.js';
import { analysedTenantJsonParts, analyseStore } from '../src/engines/parallel/analyse-store.js';
import { runAnalysis } from '../src/engines/run-analysis.js';
import { analysisJson } from '../src/report/json.js';
import { SCAN_FINDINGS } from '../src/store/columns.js';
import { openStore } from '../src/store/store.js';
import { insertRows } from '../src/store/write-rows.js';
import { runCli } from './helpers/cli-process.js';

// A tenant of 17,850 identities (the benchmark's generator, small): enough directory objects for a worker thread to
// start with the query, and several DuckDB chunks of feature rows to share with it; one account is also named in code.
const work = mkdtempSync(join(tmpdir(), 'unattended-analyze-cli-'));
const db = join(work, 'tenant.duckdb');
let expectedJson = '';
let expectedTable = '';

beforeAll(async () => {
  await ensureBenchStore(db, { signIns: 40_000, users: 17_000, serviceAccounts: 340, servicePrincipals: 850 });
  const store = await openStore(db);
  try {
    await insertRows(store, SCAN_FINDINGS, [{
      id: 's1', root: work, file: 'jobs/nightly.sh', line: 7, col: 1, ecosystem: 'azure-cli', auth_method: 'user-password', mfa_impact: 'breaks',
      identity_kind: 'upn', identity_value: 'user5@contoso.com', rule: 'azure-cli/login-user-password', message: 'az login with a username and password',
      fix: 'az login --identity', batch_id: null,
    }]);
    const analysis = await runAnalysis(store, {});
    expectedJson = analysisJson(analysis);
    expectedTable = renderAnalysisTable(analysis);
    expect(analysis.identities).toHaveLength(17_850);
    expect(analysis.identities.find((identity) => identity.upn === 'user5@contoso.com')?.automation).toEqual([{ file: 'jobs/nightly.sh', line: 7, authMethod: 'user-password' }]);
  } finally {
    store.close();
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('analyze on several threads', () => {
  it('gives the bytes of analysisJson(runAnalysis(…)) and the same table, with and without a worker thread', async () => {
    const store = await openStore(db, { readOnly: true });
    try {
      for (const workers of [0, 1]) {
        const tenant = await analyseStore(store, {}, workers);
        // Which chunks the worker takes depends on when it is ready; the bytes do not.
        expect(tenant.threads.here + tenant.threads.onWorkers).toBeGreaterThan(2);
        expect(tenant.threads.workers).toBe(workers);
        expect(Buffer.concat(analysedTenantJsonParts(tenant)).toString('utf8')).toBe(expectedJson);
        expect(renderAnalysisTable(tenant)).toBe(expectedTable);
      }
    } finally {
      store.close();
    }
  });

  it('prints the same JSON and table from the CLI whatever --workers says', async () => {
    for (const workers of ['0', '1', '2']) {
      const json = await runCli(['analyze', '--db', db, '--format', 'json', '--workers', workers]);
      expect({ status: json.status, stderr: json.stderr }).toEqual({ status: 0, stderr: '' });
      expect(json.stdout).toBe(expectedJson);
    }
    const table = await runCli(['analyze', '--db', db]);
    expect(table.stdout).toBe(expectedTable);
  });

  it('refuses a --workers that is not a whole number from 0 to 64 with one line and exit 2', async () => {
    for (const workers of ['-1', 'two', '1.5', '65']) {
      const result = await runCli(['analyze', '--db', db, '--workers', workers]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/--workers takes (a whole number|at most 64)/u);
    }
  });
});
