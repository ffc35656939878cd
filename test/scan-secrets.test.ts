import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { SCAN_FIXTURES, scanCli } from './scan-cli-helpers.js';

const REPO = resolve(SCAN_FIXTURES, 'planted-secrets');
const work = mkdtempSync(join(tmpdir(), 'unattended-scan-secrets-'));
const db = join(work, 'store.duckdb');
const outputs: string[] = [];

/** Every planted value, read from the fixture itself so a new plant is covered without editing the test. */
function plantedValues(): string[] {
  const values = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else for (const match of readFileSync(path, 'utf8').matchAll(/PLANTED-[A-Za-z0-9-]+/gu)) if (match[0] !== 'PLANTED') values.add(match[0]);
    }
  };
  visit(REPO);
  return [...values].sort();
}

// Three runs from source (tsx) overlap: on a loaded machine they mostly wait for the transpiler and wasm compiles.
beforeAll(async () => {
  const sarifPath = join(work, 'scan.sarif');
  const runs = await Promise.all([
    scanCli([REPO, '--db', db]),
    scanCli([REPO, '--format', 'json', '--db', join(work, 'other.duckdb')]),
    scanCli([REPO, '--format', 'sarif', '--out', sarifPath]),
  ]);
  for (const run of runs) {
    expect(run.status, run.stderr).toBe(0);
    outputs.push(run.stdout, run.stderr);
  }
  outputs.push(readFileSync(sarifPath, 'utf8'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scan never leaks a secret found in code', () => {
  it('plants at least 15 distinct values across shell, PowerShell, workflows, pipelines, env, Terraform and Python', () => {
    expect(plantedValues().length).toBeGreaterThanOrEqual(15);
  });

  it('reports the sign-ins around them', () => {
    const json: unknown = JSON.parse(outputs[2] ?? '');
    expect(json).toMatchObject({ schemaVersion: 1 });
    const text = outputs[2] ?? '';
    for (const identity of ['svc-deploy@contoso.com', 'svc-runbook@contoso.com', 'svc-gh-run@contoso.com', 'svc-ado-run@contoso.com', 'svc-rest@contoso.com', '7c1e2d3f-aaaa-bbbb-cccc-ddddeeeeffff']) {
      expect(text).toContain(identity);
    }
  });

  it('prints no planted value in table, JSON or SARIF output, or on stderr', () => {
    const everything = outputs.join('\n');
    expect(plantedValues().filter((value) => everything.includes(value))).toEqual([]);
    expect(everything.includes('PLANTED-')).toBe(false);
  });

  it('stores no planted value in any table of the store', async () => {
    const store = await openStore(db, { readOnly: true });
    try {
      const tables = await store.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
      expect(tables.length).toBeGreaterThan(5);
      let rows = 0;
      for (const { table_name: table } of tables) {
        const dump = await store.all(`SELECT * FROM "${table}"`);
        rows += dump.length;
        expect(JSON.stringify(dump).includes('PLANTED-'), `table ${table}`).toBe(false);
      }
      expect(rows).toBeGreaterThan(10);
      const [count] = await store.all<{ n: number }>('SELECT count(*) AS n FROM scan_findings');
      expect(count?.n).toBeGreaterThan(10);
    } finally {
      store.close();
    }
  });
});
