import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './helpers/cli-process.js';
import { collectArgs, demoFixture, startFake, type DemoFixture } from './fake-azure/harness.js';

/**
 * `unattended collect` end to end, the CLI in a child process against the fake Azure serving the demo tenant:
 * collecting it gives the analysis importing its files gives; a missing permission is listed with its cost and makes
 * users unknown; a failure that outlasts the retries fails the run with its name; bad flags are one line and exit 2.
 */
let fixture: DemoFixture;

const analysisSchema = z.object({ identities: z.array(z.object({ kind: z.string(), class: z.string(), verdict: z.string(), reasons: z.array(z.string()) })) });

beforeAll(async () => {
  fixture = await demoFixture('collect-cli');
}, 300_000);

afterAll(() => fixture?.cleanup());

function analyze(db: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runCli(['analyze', '--db', db, '--format', 'json', '--policy', fixture.demo.configPath]);
}

describe('unattended collect', () => {
  it('collects the demo tenant into the same analysis as importing its files', async () => {
    const imported = join(fixture.work, 'imported.duckdb');
    const fake = await startFake(fixture.work, { tenant: fixture.tenant });
    try {
      const collected = join(fixture.work, 'collected.duckdb');
      // Import and collect side by side (two processes, two cores). The whole demo window (2026-10-22 → 2026-11-20),
      // and a day either side.
      const [importRun, run] = await Promise.all([runCli(['import', '--db', imported, fixture.demo.dataDir]), runCli(collectArgs(fake, collected, '2026-10-21', '2026-11-22'))]);
      expect(importRun.status, importRun.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^graph\.signIns\.nonInteractiveUser +32 +32 +[\d,]+$/mu);
      expect(run.stdout).toMatch(/^arm\.activityLog +96 +96 +11,575$/mu);
      const [fromImport, fromCollect] = await Promise.all([analyze(imported), analyze(collected)]);
      expect(fromImport.status).toBe(0);
      expect(fromCollect.status).toBe(0);
      expect(fromCollect.stdout.length).toBeGreaterThan(100_000);
      expect(fromCollect.stdout).toBe(fromImport.stdout);
    } finally {
      await fake.close();
    }
  }, 600_000);

  it('lists a missing permission with what it costs, goes on, and the analysis calls users unknown, never judged', async () => {
    const fake = await startFake(fixture.work, { tenant: fixture.tenant, denied: new Set(['AuditLog.Read.All']) });
    try {
      const db = join(fixture.work, 'no-auditlog.duckdb');
      const run = await runCli(collectArgs(fake, db, '2026-11-19', '2026-11-20'));
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('missing permissions (the identities they touch are analysed as unknown):\n  no AuditLog.Read.All: sign-ins unavailable; verdicts will be unknown\n');
      expect(run.stdout).toMatch(/^graph\.signIns\.interactiveUser +1 +0 +0$/mu);
      expect(run.stdout).toMatch(/^graph\.users +1 +1 +300$/mu);
      // The sign-in API was never called: the preflight's one probe was refused and that was enough.
      expect(fake.server.log.filter((entry) => entry.path.endsWith('/auditLogs/signIns')).map((entry) => entry.status)).toEqual([403]);
      const analysis = await analyze(db);
      const { identities } = analysisSchema.parse(JSON.parse(analysis.stdout));
      const users = identities.filter((identity) => identity.kind === 'user');
      expect(users).toHaveLength(300);
      expect(new Set(users.map((user) => `${user.class}/${user.verdict}`))).toEqual(new Set(['unknown/at-risk']));
      expect(users[0]?.reasons[0]).toBe('Unknown: the data this verdict rests on is incomplete (4 sign-in windows incomplete: no AuditLog.Read.All: sign-ins unavailable; verdicts will be unknown). Collect it again to decide.');
      expect(new Set(identities.filter((identity) => identity.kind !== 'user').map((identity) => identity.verdict))).toEqual(new Set(['not-affected']));
    } finally {
      await fake.close();
    }
  }, 300_000);

  it('fails with the failure named when a walk cannot end (a nextLink loop), after storing the rest', async () => {
    const fake = await startFake(fixture.work, { tenant: fixture.tenant, fault: { kind: 'nextlink-loop', every: 1 }, signInPageSize: 200 });
    try {
      const db = join(fixture.work, 'loop.duckdb');
      const run = await runCli(collectArgs(fake, db, '2026-11-19', '2026-11-20'));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^unattended: collect incomplete: graph\.signIns\.\w+ 2026-11-19T00:00:00\.000Z\/2026-11-20T00:00:00\.000Z: NextLinkLoop: graph sign-ins \w+ \S+: the service sent back a next link already followed \(after 2 pages\)\n$/u);
      expect(run.stdout).toContain('incomplete (1; run collect again to resume):');
    } finally {
      await fake.close();
    }
  }, 300_000);

  it('refuses bad flags in one line with exit 2', async () => {
    const db = join(fixture.work, 'unused.duckdb');
    const since = await runCli(['collect', '--db', db, '--access-token-file', 'none', '--since', 'yesterday']);
    expect(since).toMatchObject({ status: 2, stdout: '' });
    expect(since.stderr).toBe('unattended: --since yesterday is not a date or time (give --since as YYYY-MM-DD or an ISO-8601 time, or as 30d / 12h)\n');
    const insecure = await runCli(['collect', '--db', db, '--access-token-file', 'none', '--graph-url', 'http://graph.example.com']);
    expect(insecure.stderr).toBe('unattended: --graph-url http://graph.example.com is not an https URL (plain http is allowed only on this machine) (give --graph-url as https://…)\n');
    expect(insecure.status).toBe(2);
    const cloud = await runCli(['collect', '--db', db, '--cloud', 'mars']);
    expect(cloud.stderr).toBe('unattended: --cloud must be one of public, usgov, china (see unattended collect --help)\n');
  }, 120_000);
});
