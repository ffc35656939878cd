import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemo, type DemoOutput } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { SCAN_FINDINGS } from '../src/store/columns.js';
import { openStore } from '../src/store/store.js';
import { insertRows } from '../src/store/write-rows.js';
import { runCli, type CliRun } from './helpers/cli-process.js';

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'unattended-report-cli-'));
const db = join(work, 'demo.duckdb');
let demo: DemoOutput;

function cli(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  return runCli(['report', ...args], { cwd });
}

beforeAll(async () => {
  // The demo tenant at scale 0 (its scenario identities only), through the real importers.
  demo = await generateDemo({ outDir: join(work, 'demo'), signIns: 0 });
  const store = await openStore(db);
  await importPaths(store, [demo.dataDir]);
  const finding = {
    root: demo.repoDir, col: 1, ecosystem: 'azure-cli', auth_method: 'user-password', mfa_impact: 'breaks', identity_kind: 'upn',
    rule: 'azure-cli/login-user-password', message: 'az login with a username and password', fix: 'az login --identity', batch_id: null,
  };
  await insertRows(store, SCAN_FINDINGS, [{ ...finding, id: 's1', file: 'scripts/nightly.sh', line: 7, identity_value: 'svc-vm-cli@contoso.example' }]);
  store.close();
  // The demo's generation and import alone outlast the default 120 s on a machine shared by several test runs.
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('unattended report (CLI)', async () => {
  it('writes the four files from the store and prints their paths and the most urgent identities', async () => {
    const out = join(work, 'report');
    const result = await cli(['--db', db, '--out', out, '--policy', demo.configPath]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`report: ${join(out, 'report.html')}`);
    expect(lines[1]).toBe(`data:   ${join(out, 'analysis.json')}, ${join(out, 'identities.csv')}, ${join(out, 'scan-findings.csv')}`);
    expect(lines[2]).toMatch(/^\d+ identities: \d+ broken, \d+ breaks, \d+ at risk, \d+ ready, \d+ not affected; 1 code finding\.$/u);
    expect(lines[3]).toBe('  svc-deploy-legacy <svc-deploy-legacy@contoso.example>: failing now (service-account) → Migrate to workload identity federation');
    expect(result.stdout).not.toContain('\u001b');

    const analysis: unknown = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(analysis).toMatchObject({ schemaVersion: 1, tenantId: demo.tenantId, asOf: new Date(demo.asOf).toISOString(), enforcement: demo.enforcement });
    const identities = readFileSync(join(out, 'identities.csv'), 'utf8').split('\r\n');
    // Header + one row per user and workload identity + the final CRLF.
    expect(identities).toHaveLength(demo.counts.users + demo.counts.workloads + 2);
    expect(readFileSync(join(out, 'scan-findings.csv'), 'utf8').split('\r\n')[1]).toBe(
      'scripts/nightly.sh,7,1,azure-cli,user-password,breaks,upn,svc-vm-cli@contoso.example,azure-cli/login-user-password,az login with a username and password,az login --identity',
    );

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</script><script>');
    // The code finding, linked to the identity it names, in the overview block.
    expect(html).toMatch(/"file":"scripts\/nightly\.sh","line":7,"ecosystem":"azure-cli","authMethod":"user-password","mfaImpact":"breaks","identityKind":"upn","identityValue":"svc-vm-cli@contoso\.example","identityId":"[^"]+"/u);
  });

  it('passes the enforcement flags through to the analysis', async () => {
    const out = join(work, 'flags');
    expect((await cli(['--db', db, '--out', out, '--policy', demo.configPath, '--phase2-date', '2027-01-01'])).status).toBe(0);
    const analysis: unknown = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(analysis).toMatchObject({ enforcement: { phase1: demo.enforcement.phase1, phase2: '2027-01-01' } });
  });

  it('writes into ./unattended-report by default', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    expect((await cli(['--db', db, '--policy', demo.configPath], cwd)).status).toBe(0);
    expect(existsSync(join(cwd, 'unattended-report', 'report.html'))).toBe(true);
  });

  it('exits 2 with one line when the output folder cannot be made', async () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const result = await cli(['--db', db, '--out', join(blocker, 'report'), '--policy', demo.configPath]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`unattended: cannot write the report to ${join(blocker, 'report')} (ENOTDIR) (pass --out DIR naming a folder you can write)\n`);
  });

  it('adds the what-if diff with --what-if and the snapshots analyze kept, as analyze --what-if and diff give them', async () => {
    // Two analyses, the second after a pull request renamed a team: two snapshots, one owner change.
    const renamed = join(work, 'renamed.yaml');
    writeFileSync(renamed, readFileSync(demo.configPath, 'utf8').replace('team: Compute,', 'team: Compute and storage,'));
    for (const policy of [demo.configPath, renamed]) expect((await runCli(['analyze', '--db', db, '--policy', policy])).status).toBe(0);
    const analyzed = await runCli(['analyze', '--db', db, '--policy', renamed, '--what-if', demo.whatIfPath, '--no-snapshot', '--format', 'json']);
    const diffed = await runCli(['diff', '--db', db, '--format', 'json']);
    const out = join(work, 'what-if');
    const reported = await cli(['--db', db, '--out', out, '--policy', renamed, '--what-if', demo.whatIfPath]);
    expect([reported.status, reported.stderr]).toEqual([0, '']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const overview = z.object({
      whatIf: z.object({ policies: z.array(z.object({ id: z.string(), byVerdict: z.record(z.string(), z.number()) })), newlyFailing: z.object({ total: z.number(), listed: z.array(z.object({ id: z.string() })) }) }),
      snapshots: z.object({ total: z.number(), latest: z.object({ changes: z.array(z.object({ key: z.string(), total: z.number(), items: z.array(z.object({ subject: z.string(), detail: z.string() })) })) }) }),
    }).parse(JSON.parse(/<script type="application\/json" id="overview-data">(?<json>.*?)<\/script>/su.exec(html)?.groups?.['json'] ?? 'null'));
    const whatIf = z.object({ whatIf: z.object({ policies: z.array(z.object({ id: z.string() })), diff: z.object({ identities: z.array(z.object({ id: z.string() })) }) }) }).parse(JSON.parse(analyzed.stdout)).whatIf;
    expect(whatIf.diff.identities.length).toBeGreaterThan(0);
    expect(overview.whatIf.policies.map((policy) => policy.id)).toEqual(whatIf.policies.map((policy) => policy.id));
    expect(overview.whatIf.newlyFailing.total).toBe(whatIf.diff.identities.length);
    expect(overview.whatIf.newlyFailing.listed.map((entry) => entry.id)).toEqual(whatIf.diff.identities.map((entry) => entry.id));
    const diff = z.object({ to: z.object({ id: z.number() }), ownerChanges: z.array(z.object({ subject: z.string() })), missingOwners: z.array(z.unknown()) }).parse(JSON.parse(diffed.stdout));
    expect(overview.snapshots.total).toBe(diff.to.id);
    const owners = overview.snapshots.latest.changes.find((change) => change.key === 'owner-changes');
    // The account and the code that signs in as it (the store's scan finding) both changed team.
    const detail = 'Compute → Compute and storage (upn:svc-vm-cli@contoso.example)';
    expect(owners?.items).toEqual([{ subject: 'scripts/nightly.sh:7', detail }, { subject: 'svc-vm-cli@contoso.example', detail }]);
    expect(diff.ownerChanges.map((change) => change.subject)).toEqual(['scripts/nightly.sh:7', 'svc-vm-cli@contoso.example']);
    expect(overview.snapshots.latest.changes.find((change) => change.key === 'missing-owners')?.total).toBe(diff.missingOwners.length);
  }, 300_000);

  it('exits 2 with one line when there is no store', async () => {
    const result = await cli(['--db', join(work, 'missing.duckdb'), '--out', join(work, 'none')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`unattended: no store at ${join(work, 'missing.duckdb')} (run "unattended import" or "unattended demo" first, or pass --db FILE)\n`);
    expect(existsSync(join(work, 'none'))).toBe(false);
  });
});
