import { describe, expect, it } from 'vitest';
import { sampleRepoFiles } from './sample-repo-files.js';
import type { SampleRepoNames } from './sample-repo-files.js';

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

describe('sampleRepoFiles', () => {
  const files = sampleRepoFiles(names);
  const byPath = new Map(files.map((file) => [file.path, file.content]));

  it('writes the automation the brief lists, and a README', () => {
    expect(files.map((file) => file.path).sort()).toEqual([
      '.git/HEAD',
      '.git/config',
      '.github/workflows/deploy-oidc.yml',
      '.github/workflows/terraform.yml',
      'README.md',
      'app/slot_settings.py',
      'azure-pipelines.yml',
      'infra/main.tf',
      'pipelines/data-refresh.yml',
      'scripts/backup-snapshots.ps1',
      'scripts/billing_sync.py',
      'scripts/graph-report.py',
      'scripts/inventory.ps1',
      'scripts/nightly-runbook.ps1',
      'scripts/vm-maintenance.sh',
      'scripts/webapp-config.sh',
    ]);
  });

  it.each([
    ['scripts/nightly-runbook.ps1', names.runbookUpn, 'Get-AutomationPSCredential'],
    ['scripts/vm-maintenance.sh', names.vmCliUpn, 'az login -u'],
    ['scripts/inventory.ps1', names.inventoryUpn, 'Connect-AzAccount -Credential'],
    ['scripts/graph-report.py', names.graphReportsUpn, 'acquire_token_by_username_password'],
    ['scripts/backup-snapshots.ps1', names.backupUpn, 'Connect-AzAccount @connect'],
    ['scripts/billing_sync.py', names.billingUpn, '"grant_type": "password"'],
    ['scripts/webapp-config.sh', names.humanNamedUpn, 'az login --username'],
    ['app/slot_settings.py', names.appServiceUpn, 'UsernamePasswordCredential('],
    ['azure-pipelines.yml', names.deployLegacyUpn, '$(SVC_DEPLOY_PASSWORD)'],
    ['.github/workflows/terraform.yml', names.terraformUpn, '${{ secrets.AZ_PASSWORD }}'],
    ['pipelines/data-refresh.yml', names.adoAgentUpn, '$(SVC_ADO_PASSWORD)'],
    ['.github/workflows/deploy-oidc.yml', names.oidcClientId, 'id-token: write'],
  ])('%s signs in as %s', (path, identity, pattern) => {
    const content = byPath.get(path) ?? '';
    expect(content).toContain(identity);
    expect(content).toContain(pattern);
  });

  it('commits no secret: every password comes from a variable, secret or credential store', () => {
    const literalPassword = /(?:password|-p)\s*[=:]?\s*["'](?![$(])[^"'\s]{6,}["']/giu;
    for (const file of files) expect(file.content.match(literalPassword) ?? []).toEqual([]);
  });

  it('leaves credentials out of the Terraform provider (ambient CLI login)', () => {
    expect(byPath.get('infra/main.tf')).toContain('provider "azurerm" {\n  features {}\n}\n');
  });
});
