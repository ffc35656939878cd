import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../../model/plan.js';
import { scanPaths } from '../../../../scan/index.js';
import { sampleRepoFiles, type SampleRepoNames } from '../../../../sources/demo/sample-repo-files.js';
import { fileKey } from '../../../../store/read-model/plan-inputs.js';
import { automationChanges } from '../../automation-changes.js';
import { buildPlanContext, type PlanContext } from '../../plan-context.js';
import { codePatches } from './code-patches.js';

const names: SampleRepoNames = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  runbookUpn: 'svc-runbook@contoso.example',
  vmCliUpn: 'svc-vm-cli@contoso.example',
  terraformUpn: 'svc-terraform@contoso.example',
  deployLegacyUpn: 'svc-deploy-legacy@contoso.example',
  adoAgentUpn: 'svc-ado-agent@contoso.example',
  inventoryUpn: 'svc-inventory@contoso.example',
  graphReportsUpn: 'svc-graph-reports@contoso.example',
  backupUpn: 'svc-backup@contoso.example',
  billingUpn: 'svc-billing-sync@contoso.example',
  billingClientId: '22222222-2222-4222-8222-222222222222',
  appServiceUpn: 'automation-appsvc@contoso.example',
  humanNamedUpn: 'peter.jones@contoso.example',
  graphClientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
  cliClientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  oidcClientId: '33333333-3333-4333-8333-333333333333',
  prodSubscriptionId: '44444444-4444-4444-8444-444444444444',
  nonprodSubscriptionId: '55555555-5555-4555-8555-555555555555',
  sharedSubscriptionId: '66666666-6666-4666-8666-666666666666',
};

function target(kind: PlanTarget['kind'], extra: Partial<PlanTarget> = {}): PlanTarget {
  return { kind, assignment: null, platform: null, name: null, subjects: [], runsOn: [], reasons: [], ...extra };
}

const root = mkdtempSync(join(tmpdir(), 'unattended-patches-'));
const repo = join(root, 'repo');
afterAll(() => rmSync(root, { recursive: true, force: true }));

let context: PlanContext;
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const file of sampleRepoFiles(names)) {
    mkdirSync(dirname(join(repo, file.path)), { recursive: true });
    writeFileSync(join(repo, file.path), file.content);
    texts.set(file.path, file.content);
  }
  const scan = await scanPaths([repo]);
  const files = new Map([...texts].map(([path, text]) => [fileKey(repo, path), text]));
  const findings = scan.findings.map((finding) => ({ root: repo, file: finding.file, line: finding.line, ecosystem: finding.ecosystem, authMethod: finding.authMethod, rule: finding.rule, identityKind: finding.identity?.kind ?? null, identityValue: finding.identity?.value ?? null }));
  context = buildPlanContext({ observed: [], assignments: [], findings, files, git: new Map([[repo, { config: texts.get('.git/config') ?? '', head: texts.get('.git/HEAD') ?? null }]]), federated: [] });
});

/** Applies each diff with `git apply` (after `--check`) in a copy of the repository, then scans the patched files again. */
async function applyAndRescan(upn: string, planTarget: PlanTarget): Promise<{ files: string[]; rescanned: { file: string; line: number; authMethod: string; mfaImpact: string }[]; patched: Map<string, string> }> {
  const linked = context.findingsByUpn.get(upn) ?? [];
  const { findings } = automationChanges(linked, context.terraformAmbient, planTarget);
  const patches = codePatches({ target: planTarget, leastPrivilege: null, automation: [], secrets: [], stage: { stage: 'planned', detail: '', command: null } }, findings, texts, names.tenantId);
  const copy = mkdtempSync(join(root, 'apply-'));
  for (const [path, text] of texts) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), text);
  }
  const patched = new Map<string, string>();
  for (const patch of patches) {
    // The demo repository reads its passwords from variables and secrets: no line is withheld.
    expect([patch.notes, patch.applies]).toEqual([[], true]);
    const file = join(copy, `${patch.file.replace(/\//gu, '_')}.patch`);
    writeFileSync(file, patch.diff);
    execFileSync('git', ['apply', '--check', file], { cwd: copy });
    execFileSync('git', ['apply', file], { cwd: copy });
    patched.set(patch.file, readFileSync(join(copy, patch.file), 'utf8'));
    expect(patched.get(patch.file)).toBe(patch.patched);
  }
  // The whole copy is scanned (detectors know workflows by their folder), and the patched files' findings kept.
  const rescanned = (await scanPaths([copy])).findings.filter((finding) => patches.some((patch) => patch.file === finding.file));
  return { files: patches.map((patch) => patch.file), rescanned: rescanned.map((finding) => ({ file: finding.file, line: finding.line, authMethod: finding.authMethod, mfaImpact: finding.mfaImpact })), patched };
}

describe('code patches: apply cleanly to the file they were made from, and the patched file scans as safe', () => {
  it('shell az login -u/-p → az login --identity', async () => {
    const result = await applyAndRescan(names.vmCliUpn, target('managed-identity', { assignment: 'system-assigned' }));
    expect(result.files).toEqual(['scripts/vm-maintenance.sh']);
    expect(result.patched.get('scripts/vm-maintenance.sh')).toContain(`az login --identity --output none\n`);
    expect(result.rescanned.filter((finding) => finding.line === 8)).toEqual([{ file: 'scripts/vm-maintenance.sh', line: 8, authMethod: 'managed-identity', mfaImpact: 'safe' }]);
    expect(result.rescanned.filter((finding) => finding.mfaImpact !== 'safe')).toEqual([]);
  });

  it('PowerShell Connect-AzAccount -Credential → a certificate service principal, splatted or not', async () => {
    for (const [upn, file] of [[names.runbookUpn, 'nightly-runbook.ps1'], [names.inventoryUpn, 'inventory.ps1'], [names.backupUpn, 'backup-snapshots.ps1']] as const) {
      const result = await applyAndRescan(upn, target('service-principal-certificate'));
      expect(result.files).toEqual([`scripts/${file}`]);
      expect(result.rescanned.filter((finding) => finding.authMethod !== 'ambient').map((finding) => [finding.file, finding.authMethod, finding.mfaImpact])).toEqual([[`scripts/${file}`, 'workload-certificate', 'safe']]);
      expect(result.rescanned.filter((finding) => finding.mfaImpact !== 'safe' && finding.mfaImpact !== 'depends')).toEqual([]);
    }
  });

  it('Python UsernamePasswordCredential → ManagedIdentityCredential', async () => {
    const result = await applyAndRescan(names.appServiceUpn, target('managed-identity', { assignment: 'system-assigned' }));
    expect(result.patched.get('app/slot_settings.py')).toContain('from azure.identity import ManagedIdentityCredential\n');
    expect(result.patched.get('app/slot_settings.py')).toContain('credential = ManagedIdentityCredential()\n');
    expect(result.rescanned).toEqual([{ file: 'app/slot_settings.py', line: 7, authMethod: 'managed-identity', mfaImpact: 'safe' }]);
  });

  it('GitHub Actions password login → azure/login OIDC with id-token: write, and the Terraform provider → use_oidc', async () => {
    const result = await applyAndRescan(names.terraformUpn, target('workload-identity-federation', { platform: 'github-actions' }));
    expect(result.files).toEqual(['.github/workflows/terraform.yml', 'infra/main.tf']);
    const workflow = result.patched.get('.github/workflows/terraform.yml') ?? '';
    expect(workflow).toContain('permissions:\n  id-token: write\n  contents: read\n\njobs:');
    expect(workflow).toContain(`        uses: azure/login@v2\n        with:\n          client-id: \${{ vars.AZURE_CLIENT_ID }}\n          tenant-id: ${names.tenantId}\n          subscription-id: ${names.nonprodSubscriptionId}\n`);
    expect(workflow).not.toContain('AZ_PASSWORD');
    expect(result.patched.get('infra/main.tf')).toContain('provider "azurerm" {\n  use_oidc = true\n  features {}');
    const byFile = new Map<string, string[]>();
    for (const finding of result.rescanned) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), `${finding.authMethod}/${finding.mfaImpact}`]);
    expect(byFile.get('.github/workflows/terraform.yml')?.[0]).toBe('workload-federation/safe');
    expect(new Set(byFile.get('infra/main.tf'))).toEqual(new Set(['workload-federation/safe']));
    expect(result.rescanned.filter((finding) => finding.mfaImpact === 'breaks')).toEqual([]);
  });

  it('Azure Pipelines inline user login → the task\'s own service connection', async () => {
    for (const upn of [names.deployLegacyUpn, names.adoAgentUpn]) {
      const result = await applyAndRescan(upn, target('workload-identity-federation', { platform: 'azure-pipelines' }));
      expect(result.files).toHaveLength(1);
      expect(result.patched.get(result.files[0] ?? '')).not.toContain('az login');
      expect(result.rescanned.filter((finding) => finding.mfaImpact === 'breaks')).toEqual([]);
      expect(result.rescanned.some((finding) => finding.authMethod === 'service-connection' && finding.mfaImpact === 'safe')).toBe(true);
    }
  });
});
