import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore } from '../src/store/store.js';
import { SCAN_FIXTURES, scanCli, type CliRun } from './scan-cli-helpers.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-scan-cli-'));
const repo = join(work, 'repo');
const db = join(work, 'store.duckdb');
const sarifPath = join(work, 'out.sarif');
let table: CliRun;
let json: CliRun;
let sarif: CliRun;
let missing: CliRun;

beforeAll(async () => {
  cpSync(resolve(SCAN_FIXTURES, 'repo'), repo, { recursive: true });
  // What a real checkout also has: vendored code, ignored build output, a symlink out of the repository.
  mkdirSync(join(repo, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(repo, 'node_modules', 'dep', 'install.sh'), 'az login -u vendored@contoso.com -p "$X"\n');
  mkdirSync(join(repo, 'build'), { recursive: true });
  writeFileSync(join(repo, 'build', 'generated.sh'), 'az login -u ignored@contoso.com -p "$X"\n');
  mkdirSync(join(work, 'elsewhere'), { recursive: true });
  writeFileSync(join(work, 'elsewhere', 'other.sh'), 'az login -u outside@contoso.com -p "$X"\n');
  symlinkSync(join(work, 'elsewhere'), join(repo, 'linked'));
  [table, json, sarif, missing] = await Promise.all([
    scanCli([repo, '--db', db]),
    scanCli([repo, '--format', 'json']),
    scanCli([repo, '--format', 'sarif', '--out', sarifPath]),
    scanCli([join(work, 'no-such-dir')]),
  ]);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EXPECTED = [
  ['.github/workflows/deploy.yml', 9, 'github-actions/azure-login-oidc', 'workload-federation'],
  ['.github/workflows/deploy.yml', 13, 'github-actions/azure-cli-ambient', 'workload-federation'],
  ['.github/workflows/deploy.yml', 15, 'shell/az-deployment-ambient', 'workload-federation'],
  ['scripts/nightly.sh', 2, 'shell/az-login-user-password', 'user-password'],
  ['scripts/nightly.sh', 3, 'shell/az-deployment-ambient', 'user-password'],
  ['scripts/runbook.ps1', 1, 'powershell/connect-azaccount-managed-identity', 'managed-identity'],
  ['scripts/runbook.ps1', 2, 'powershell/az-deployment-ambient', 'managed-identity'],
];

const jsonSchema = z.object({
  schemaVersion: z.literal(1),
  findings: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), rule: z.string(), authMethod: z.string(), mfaImpact: z.string(), identity: z.object({ kind: z.string(), value: z.string() }).nullable() })),
});

describe('unattended scan (CLI)', () => {
  it('--format json: the contract, every sign-in with ambient steps resolved; vendored, ignored and out-of-root files left out', () => {
    expect(json.status).toBe(0);
    const output = jsonSchema.parse(JSON.parse(json.stdout));
    expect(output.findings.map((f) => [f.file, f.line, f.rule, f.authMethod])).toEqual(EXPECTED);
    expect(output.findings[3]?.identity).toEqual({ kind: 'upn', value: 'nightly@contoso.com' });
    expect(output.findings[0]?.identity).toEqual({ kind: 'client-id', value: '5a6b7c8d-1111-2222-3333-444455556666' });
    // resolvedFrom (additive): on the resolved ambient steps only, naming the login's line and method.
    const resolved = z.object({ findings: z.array(z.object({ line: z.number(), resolvedFrom: z.object({ line: z.number(), authMethod: z.string() }).optional() })) }).parse(JSON.parse(json.stdout));
    expect(resolved.findings.map((f) => f.resolvedFrom ?? null)).toEqual([
      null, { line: 9, authMethod: 'workload-federation' }, { line: 9, authMethod: 'workload-federation' },
      null, { line: 2, authMethod: 'user-password' },
      null, { line: 1, authMethod: 'managed-identity' },
    ]);
    expect(json.stderr).toBe('unattended: skipped 1 file(s):\n  linked: symlink pointing outside the scan root\n');
  });

  it('table: one row per finding and a summary; stores the findings when --db is given', async () => {
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LOCATION\s+METHOD\s+IMPACT\s+IDENTITY\s+RULE$/u);
    expect(lines).toHaveLength(1 + EXPECTED.length + 2);
    expect(lines.at(-1)).toBe('7 findings (2 breaks, 5 safe); 5 files seen, 3 parsed; 1 file skipped (1 symlink pointing outside the scan root).');
    expect(table.stderr).toContain(`unattended: stored 7 findings in ${db} (0 linked to identities in the store)`);
    const store = await openStore(db, { readOnly: true });
    try {
      const rows = await store.all('SELECT file, line, rule, auth_method FROM scan_findings ORDER BY file, line');
      expect(rows.map((row) => [row['file'], row['line'], row['rule'], row['auth_method']])).toEqual(EXPECTED);
    } finally {
      store.close();
    }
  });

  it('--format sarif --out: a SARIF 2.1.0 file with the same results', () => {
    expect(sarif.status).toBe(0);
    expect(sarif.stdout).toBe('');
    expect(sarif.stderr).toContain(`unattended: wrote ${sarifPath} (7 findings)`);
    const log = z.object({ version: z.literal('2.1.0'), runs: z.array(z.object({ results: z.array(z.object({ ruleId: z.string() })) })) }).parse(JSON.parse(readFileSync(sarifPath, 'utf8')));
    expect(log.runs[0]?.results.map((result) => result.ruleId)).toEqual(EXPECTED.map((row) => row[2]));
  });

  it('a missing folder is an input error: one line, exit 2', () => {
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^unattended: no such file or directory: .*no-such-dir \(pass a folder of scripts, pipelines or IaC to scan\)\n$/u);
  });
});
