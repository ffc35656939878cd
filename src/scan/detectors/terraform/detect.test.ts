import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { DETECTORS } from '../registry.js';

const engine = createEngine(DETECTORS.values());

async function scan(text: string, path = 'infra/main.tf') {
  return (await scanSource(engine, { path, language: path.endsWith('.tfbackend') ? 'hcl' : 'terraform', text, lineOffset: 1 })).findings;
}

describe('terraform', () => {
  it('reports the secret argument with the literal client ID as identity', async () => {
    const findings = await scan('provider "azurerm" {\n  client_id = "5A1D2C3E-0000-4000-8000-000000000001"\n  client_secret = "s3cret"\n  features {}\n}\n');
    expect(findings).toEqual([
      expect.objectContaining({ line: 3, column: 3, rule: 'terraform/client-secret', authMethod: 'workload-secret', mfaImpact: 'safe', identity: { kind: 'client-id', value: '5a1d2c3e-0000-4000-8000-000000000001' } }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('s3cret');
  });

  it('prefers the certificate over a secret, as the provider does', async () => {
    const findings = await scan('provider "azuread" {\n  client_secret = var.s\n  client_certificate = var.c\n}\n');
    expect(findings.map((finding) => [finding.line, finding.rule])).toEqual([[3, 'terraform/client-certificate']]);
  });

  it('reports the CLI default on the block line and names a variable client ID', async () => {
    const findings = await scan('\nprovider "azurerm" {\n  client_id = var.client_id\n  features {}\n}\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([[2, 1, 'terraform/azure-cli-default', { kind: 'secret-ref', value: 'var.client_id' }]]);
  });

  it('reads a remote state\'s azurerm config and a partial backend, naming what it is', async () => {
    const findings = await scan(
      [
        'terraform {',
        '  backend "azurerm" {}',
        '}',
        'data "terraform_remote_state" "net" {',
        '  backend = "azurerm"',
        '  config = { storage_account_name = "st", container_name = "c", key = "k", client_id = "6F1C1D2E-0000-4000-8000-00000000000A" }',
        '}',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity?.value ?? null, finding.message.split(':')[0]])).toEqual([
      [2, 3, 'terraform/azure-cli-default', null, 'backend "azurerm"'],
      [4, 1, 'terraform/azure-cli-default', '6f1c1d2e-0000-4000-8000-00000000000a', 'data "terraform_remote_state" "net"'],
    ]);
    expect(findings[0]?.message).toContain('-backend-config');
  });

  it('classifies a -backend-config file only when it sets a credential', async () => {
    expect((await scan('storage_account_name = "st"\nuse_msi = true\n', 'env/prod.tfbackend')).map((finding) => [finding.line, finding.rule])).toEqual([[2, 'terraform/managed-identity']]);
    expect(await scan('storage_account_name = "st"\n', 'env/dev.tfbackend')).toEqual([]);
  });

  it('scans a heredoc script at its own lines, names a Terraform variable as the identity and never the password', async () => {
    const findings = await scan(
      [
        'resource "azurerm_linux_virtual_machine" "vm" {',
        '  custom_data = base64encode(<<-EOT',
        '    #!/bin/sh',
        '    az login -u ${var.ops_user} -p \'Planted-Secret-1\'',
        '  EOT',
        '  )',
        '}',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([[4, 5, 'shell/az-login-user-password', { kind: 'secret-ref', value: 'var.ops_user' }]]);
    expect(JSON.stringify(findings)).not.toContain('Planted-Secret-1');
  });

  it('decodes a quoted command\'s escapes in place so the nested PowerShell reads its credential', async () => {
    const findings = await scan(
      [
        'resource "azurerm_virtual_machine_extension" "win" {',
        '  type     = "CustomScriptExtension"',
        '  settings = jsonencode({',
        '    commandToExecute = "powershell -Command \\"$c = [pscredential]::new(\'ops@contoso.com\', $p); Connect-AzAccount -Credential $c\\""',
        '  })',
        '}',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity?.value])).toEqual([[4, 96, 'powershell/connect-azaccount-user-password', 'ops@contoso.com']]);
  });
});
