import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../src/config/load-config.js';
import { readWhatIfFiles } from '../src/cli/what-if-files.js';
import { prepareAnalysis, runAnalysis } from '../src/engines/run-analysis.js';
import { mandatoryMfaVerdict } from '../src/engines/whatif/mandatory-mfa-verdict.js';
import { runWhatIf } from '../src/engines/whatif/run-what-if.js';
import { loadIdentityFeatures } from '../src/features/load-features.js';
import type { AnalysisResult } from '../src/model/analysis.js';
import { scanPaths } from '../src/scan/index.js';
import { storeScanFindings } from '../src/scan/store-findings.js';
import { generateDemo, type DemoOutput } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore, type Store } from '../src/store/store.js';

/**
 * The demo tenant through the what-if engine: agreement with the Conditional Access results the generator recorded
 * from its own scenario logic (src/sources/demo/conditional-access.ts, which never calls the evaluator), mandatory
 * MFA's pseudo-policies against the impact engine's verdicts, and the demo's "require MFA for all users" what-if.
 */

const truthSchema = z.object({ identities: z.array(z.object({ id: z.string(), upn: z.string().nullable(), scenario: z.string(), class: z.string() })) });

const out = mkdtempSync(join(tmpdir(), 'unattended-demo-what-if-'));
let demo: DemoOutput;
let store: Store;
let result: AnalysisResult;
let scenarioOf: Map<string, string>;

beforeAll(async () => {
  demo = await generateDemo({ outDir: out });
  store = await openStore(':memory:');
  await importPaths(store, [demo.dataDir]);
  const scan = await scanPaths([demo.repoDir]);
  await storeScanFindings(store, demo.repoDir, scan.findings);
  result = await runAnalysis(store, { config: loadConfig(demo.configPath), whatIf: readWhatIfFiles([demo.whatIfPath]) });
  const truth = truthSchema.parse(JSON.parse(readFileSync(demo.groundTruthPath, 'utf8')));
  scenarioOf = new Map(truth.identities.map((entry) => [entry.id, entry.scenario]));
}, 600_000);

afterAll(() => {
  store.close();
  rmSync(out, { recursive: true, force: true });
});

function listFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => (statSync(join(root, name)).isDirectory() ? listFiles(join(root, name)) : [join(root, name)]));
}

describe('the demo tenant on the what-if engine', () => {
  it('keeps the generator independent of the evaluator it is checked against', () => {
    const demoSources = listFiles(join(import.meta.dirname, '..', 'src', 'sources', 'demo')).filter((file) => file.endsWith('.ts'));
    expect(demoSources.filter((file) => /engines\/whatif|engines\/impact/u.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('agrees with every Conditional Access result Entra recorded (as the generator wrote them) for enabled and report-only policies', () => {
    const agreement = result.whatIf?.agreement;
    expect(agreement?.enabled).toEqual({ compared: 98_011, agreed: 98_011, rate: 1 });
    expect(agreement?.reportOnly).toEqual({ compared: 41_667, agreed: 41_667, rate: 1 });
    expect(agreement?.disabled).toEqual({ compared: 0, agreed: 0, rate: null });
    expect(agreement?.disagreements).toEqual([]);
    expect(agreement?.undefinedPolicies).toEqual([]);
    expect(agreement?.notComparable).toBe(0);
    expect(agreement?.byPolicy.map((row) => [row.displayName, row.compared, row.agreed, row.notComparable])).toEqual([
      ['CA002: Block legacy authentication', 41_667, 41_667, 0],
      ['CA003: Require compliant device (report-only)', 41_667, 41_667, 0],
      ['CA001: Require multifactor authentication for admins', 41_667, 41_667, 0],
      ['CA004: Require MFA for production deployment accounts', 14_677, 14_677, 0],
    ]);
  });

  it('reaches the impact engine\'s verdict, phase and date for every identity with mandatory MFA as two pseudo-policies', async () => {
    const prepared = await prepareAnalysis(store, { config: loadConfig(demo.configPath) });
    const run = await runWhatIf(store, result.asOf, { proposed: [], mandatory: true, tenantId: result.tenantId });
    const features = new Map((await loadIdentityFeatures(store, result.asOf)).map((row) => [row.id, row]));
    const differing: string[] = [];
    for (const identity of result.identities) {
      const row = features.get(identity.id);
      if (!row) throw new Error(`no features for ${identity.id}`);
      const pseudo = mandatoryMfaVerdict(run.tallies.identities.get(identity.id)?.mandatory, row, identity.class, { asOf: result.asOf, enforcement: result.enforcement, tenant: prepared.context.tenant });
      const impact = { verdict: identity.verdict, breaksOn: identity.breaksOn, phase: identity.phase };
      if (JSON.stringify(pseudo) !== JSON.stringify(impact)) differing.push(`${identity.upn ?? identity.displayName}: ${JSON.stringify(pseudo)} vs ${JSON.stringify(impact)}`);
    }
    expect(differing).toEqual([]);
    expect(result.identities).toHaveLength(340);
  });

  it('names the service accounts and their code that "require MFA for all users" would newly break, and no person who completes MFA', () => {
    const report = result.whatIf;
    if (!report) throw new Error('no what-if report');
    expect(report.policies.map((policy) => [policy.displayName, policy.byVerdict])).toEqual([
      ['What-if: Require multifactor authentication for all users', { broken: 0, breaks: 17, 'at-risk': 272, ready: 8, 'not-affected': 43 }],
    ]);
    const diff = report.diff.identities.map((entry) => `${scenarioOf.get(entry.id) ?? '?'} ${entry.class}`).sort();
    // Every service account that signs in, but the deployment account, which today's CA004 already stops, and the
    // stale one, which has no sign-in; the two admins who use the CLI without MFA (people who do not complete MFA).
    expect(diff).toEqual([
      'admin-cli-no-mfa human',
      'admin-cli-no-mfa human',
      'entra-connect-sync service-account',
      'human-named-service service-account',
      'svc-ado-agent service-account',
      'svc-appservice-sdk service-account',
      'svc-backup service-account',
      'svc-custom-ropc service-account',
      'svc-disabled service-account',
      'svc-graph-reports service-account',
      'svc-inventory service-account',
      'svc-migrated service-account',
      'svc-runbook service-account',
      'svc-sql-reader service-account',
      'svc-terraform service-account',
      'svc-vm-cli service-account',
    ]);
    const people = result.identities.filter((identity) => identity.class === 'human' && identity.whatIf?.some((item) => item.outcome === 'unaffected'));
    expect(people.length).toBe(8);
    expect(report.diff.identities.filter((entry) => people.some((person) => person.id === entry.id))).toEqual([]);
    expect(report.diff.automation.map((link) => `${link.file}:${link.line} ${link.authMethod} ${link.identity}`)).toEqual([
      '.github/workflows/terraform.yml:25 user-password svc-terraform@contoso.example',
      '.github/workflows/terraform.yml:27 user-password svc-terraform@contoso.example',
      '.github/workflows/terraform.yml:30 user-password svc-terraform@contoso.example',
      'app/slot_settings.py:7 user-password automation-appsvc@contoso.example',
      'pipelines/data-refresh.yml:25 user-password svc-ado-agent@contoso.example',
      'scripts/backup-snapshots.ps1:12 user-password svc-backup@contoso.example',
      'scripts/billing_sync.py:15 user-password svc-billing-sync@contoso.example',
      'scripts/graph-report.py:14 user-password svc-graph-reports@contoso.example',
      'scripts/inventory.ps1:7 user-password svc-inventory@contoso.example',
      'scripts/nightly-runbook.ps1:16 user-password svc-runbook@contoso.example',
      'scripts/vm-maintenance.sh:8 user-password svc-vm-cli@contoso.example',
      'scripts/webapp-config.sh:6 user-password peter.jones@contoso.example',
    ]);
    // Each carries the sign-ins that prove it: the VM's hourly CLI password grants to ARM.
    const vm = report.diff.identities.find((entry) => entry.upn === 'svc-vm-cli@contoso.example');
    expect(vm?.signIns).toBe(930);
    expect(vm?.proof[0]?.client).toBe('Microsoft Azure CLI');
    expect(vm?.proof[0]?.target).toBe('Windows Azure Service Management API');
    const verdict = result.identities.find((identity) => identity.upn === 'svc-vm-cli@contoso.example')?.whatIf?.[0];
    expect(verdict?.phase).toBe(`policy:${report.policies[0]?.id ?? ''}`);
    expect([verdict?.outcome, verdict?.verdict, verdict?.newlyFails]).toEqual(['fails', 'breaks', true]);
  });
});
