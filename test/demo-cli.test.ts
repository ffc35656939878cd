import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IDENTITY_CLASSES, VERDICTS } from '../src/model/analysis.js';
import { reportBlocks } from './helpers/report-blocks.js';
import { runCli, type CliRun } from './helpers/cli-process.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-demo-cli-'));

// Piped stdio and CI set: the run must stay quiet on stderr (no progress when not a terminal).
function demo(args: readonly string[]): Promise<CliRun> {
  return runCli(['demo', ...args], { cwd: work });
}

const groundTruthSchema = z.object({
  identities: z.array(z.object({ id: z.string(), class: z.string(), verdict: z.string() })),
});

const analysisSchema = z.object({
  schemaVersion: z.literal(1),
  tenantId: z.string(),
  asOf: z.string(),
  enforcement: z.object({ phase1: z.string(), phase2: z.string() }),
  identities: z.array(
    z.object({
      id: z.string(),
      class: z.enum(IDENTITY_CLASSES),
      verdict: z.enum(VERDICTS),
      evidence: z.array(z.object({ signal: z.string(), detail: z.string(), weight: z.number() })),
    }),
  ),
  summary: z.object({ byClass: z.record(z.string(), z.number()), byVerdict: z.record(z.string(), z.number()) }),
});

let first: CliRun;

beforeAll(async () => {
  // Scale 0: the scenario identities only, so the end-to-end run stays quick in CI.
  first = await demo(['--out', 'out', '--sign-ins', '0']);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('unattended demo (CLI, end to end)', () => {
  it('exits 0, stays quiet on stderr when piped, and prints the summary and where the report is', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toMatch(/^Demo tenant [0-9a-f-]{36}: 300 users \(16 service accounts\), 40 workload identities, [\d,]+ sign-ins, [\d,]+ Activity-log operations\.$/u);
    // The sample repository is fixed: a scanner that finds nothing must not pass (its count is exact, like the ground truth).
    expect(lines[1]).toMatch(/^Imported [\d,]+ records from \d+ files \(0 quarantined\); scanned 14 files of the sample repository: 21 sign-ins in code\.$/u);
    expect(lines).toContain(`HTML report:   ${join('out', 'report', 'report.html')}`);
    expect(lines).toContain(`analyze JSON:  ${join('out', 'report', 'analysis.json')}`);
    expect(first.stdout).not.toContain('\u001b');
  });

  it('writes analyze JSON in the contract, agreeing with the generator on every identity', () => {
    const analysis = analysisSchema.parse(JSON.parse(readFileSync(join(work, 'out', 'report', 'analysis.json'), 'utf8')));
    const truth = groundTruthSchema.parse(JSON.parse(readFileSync(join(work, 'out', 'ground-truth.json'), 'utf8')));
    expect(analysis.enforcement).toEqual({ phase1: '2025-03-15', phase2: '2026-12-15' });
    expect(analysis.identities).toHaveLength(truth.identities.length);
    const computed = new Map(analysis.identities.map((identity) => [identity.id, `${identity.class}/${identity.verdict}`]));
    const mismatches = truth.identities.filter((expected) => computed.get(expected.id) !== `${expected.class}/${expected.verdict}`);
    expect(mismatches).toEqual([]);
    expect(analysis.identities.every((identity) => identity.evidence.length > 0)).toBe(true);
    const classTotal = Object.values(analysis.summary.byClass).reduce((sum, n) => sum + n, 0);
    expect(classTotal).toBe(analysis.identities.length);
  });

  it('gives every service account the plan of the ground truth, subjects of the CI accounts included; prints one; the report shows them', () => {
    const planSchema = z.object({ target: z.object({ kind: z.string(), assignment: z.string().nullable(), subjects: z.array(z.object({ subject: z.string().nullable() })) }), stage: z.object({ stage: z.string(), command: z.string().nullable() }) });
    const plans = z.object({ identities: z.array(z.object({ id: z.string(), upn: z.string().nullable(), plan: planSchema.nullable() })) }).parse(JSON.parse(readFileSync(join(work, 'out', 'report', 'analysis.json'), 'utf8')));
    const truth = z.object({ identities: z.array(z.object({ id: z.string(), scenario: z.string(), plan: z.object({ target: z.string(), assignment: z.string().nullable(), subject: z.string().nullable(), stage: z.string() }).nullable().optional() })) }).parse(JSON.parse(readFileSync(join(work, 'out', 'ground-truth.json'), 'utf8')));
    const byId = new Map(plans.identities.map((identity) => [identity.id, identity.plan]));
    const expected = truth.identities.filter((identity) => identity.plan !== undefined);
    expect(expected).toHaveLength(16);
    const got = expected.map((identity) => {
      const plan = byId.get(identity.id) ?? null;
      return { scenario: identity.scenario, plan: plan ? { target: plan.target.kind, assignment: plan.target.assignment, subject: plan.target.subjects[0]?.subject ?? null, stage: plan.stage.stage } : null };
    });
    expect(got).toEqual(expected.map((identity) => ({ scenario: identity.scenario, plan: identity.plan ?? null })));
    const migrated = expected.find((identity) => identity.scenario === 'svc-migrated');
    expect(byId.get(migrated?.id ?? '')?.stage.command).toMatch(/^az ad user update --id svc-webapp-config@\S+ --account-enabled false$/u);
    expect(first.stdout).toMatch(/\nExample migration plan \(unattended plan \S+ --db \S+\):\nplan for \S+ \(/u);
    // The most urgent federated migration: the broken Azure Pipelines account, its subject read from the sample repository.
    expect(first.stdout).toContain('issuer https://vstoken.dev.azure.com/<organization-id> subject sc://contoso/Platform/sc-contoso-prod (azure-pipelines.yml:37 (service connection sc-contoso-prod))');
    expect(first.stdout).toMatch(/migrations: 17 planned, 0 new-identity-active, 0 old-account-quiet, 2 ready-to-retire/u);
    const html = readFileSync(join(work, 'out', 'report', 'report.html'), 'utf8');
    // The report's plan list: every migration or retirement (people's MFA enrolment is the table's action), subjects shown.
    const { overview } = reportBlocks(html);
    const migrations = plans.identities.filter((identity) => identity.plan !== null && identity.plan.target.kind !== 'enroll-mfa');
    expect(overview.plans.total).toBe(migrations.length);
    expect(overview.plans.listed.map((plan) => plan.id)).toEqual(migrations.map((identity) => identity.id));
    expect(overview.plans.listed.map((plan) => plan.subject)).toContain('sc://contoso/Platform/sc-data-nonprod');
  });

  it('renders the hostile guest names of the demo tenant as text', () => {
    const html = readFileSync(join(work, 'out', 'report', 'report.html'), 'utf8');
    expect(html).not.toContain('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('</script><script>alert(1)</script>');
    // They travel in the compressed table block and come back as the characters they are.
    expect(reportBlocks(html).table.name).toEqual(expect.arrayContaining(['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>']));
    const csv = readFileSync(join(work, 'out', 'report', 'identities.csv'), 'utf8');
    expect(csv).toContain(',<img src=x onerror=alert(1)>,');
  });

  it('gives byte-identical analyze JSON when run again', async () => {
    const before = readFileSync(join(work, 'out', 'report', 'analysis.json'));
    const again = await demo(['--out', 'out', '--sign-ins', '0']);
    expect(again.status).toBe(0);
    expect(readFileSync(join(work, 'out', 'report', 'analysis.json')).equals(before)).toBe(true);
  });

  it('shows its governance: owners and an exception about to expire, in the terminal summary, the report and check', async () => {
    const lines = first.stdout.split('\n');
    const owners = lines.indexOf('owners (unattended.yaml)');
    expect(lines.slice(owners, owners + 9)).toEqual([
      'owners (unattended.yaml)',
      '  Compute: owns 1, 1 broken or breaking',
      '    breaks 2026-12-15 svc-vm-cli@contoso.example',
      '    excepted active   svc-vm-cli@contoso.example until 2027-01-10',
      '  Developer experience: owns 3, 0 broken or breaking',
      '  Platform engineering: owns 1, 1 broken or breaking',
      '    breaks 2026-12-15 svc-terraform@contoso.example',
      '  Storage: owns 1, 1 broken or breaking',
      '    breaks 2026-12-15 svc-backup@contoso.example',
    ]);
    expect(lines[owners + 9]).toBe('    excepted expiring svc-backup@contoso.example until 2026-11-27');
    const html = readFileSync(join(work, 'out', 'report', 'report.html'), 'utf8');
    // The report's owner view: each team with its identities by verdict; the two exceptions counted.
    const { overview } = reportBlocks(html);
    expect(overview.owners.find((row) => row.owner === 'Storage')).toEqual({ owner: 'Storage', total: 1, byVerdict: { broken: 0, breaks: 1, 'at-risk': 0, ready: 0, 'not-affected': 0 } });
    expect(overview.exceptions).toBe(2);
    const check = await runCli(['check', '--db', join('out', 'unattended.duckdb'), '--policy', join('out', 'unattended.yaml'), '--no-snapshot'], { cwd: work });
    expect(check.status).toBe(1);
    const out = check.stdout.split('\n');
    expect(out[0]).toMatch(/^unattended check: FAILED, \d+ problems; 1 warning$/u);
    expect(out.slice(-4)).toEqual([
      'warnings',
      '  exception-expiring (1)',
      `    ${join('out', 'unattended.yaml')}:16  the exception for svc-backup@contoso.example expires on 2026-11-27 (in 7 days), waiting for the migration of backup agent 4.2 (certificate login)`,
      '',
    ]);
  });

  it('rejects a bad --sign-ins with one line and exit 2', async () => {
    const bad = await demo(['--out', 'bad', '--sign-ins', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^unattended: invalid --signIns: /u);
  });
});
