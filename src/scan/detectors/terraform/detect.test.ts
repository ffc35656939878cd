import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectTerraform } from './detect.js';

async function scan(text: string) {
  const tree = await parse('terraform', text);
  try {
    return detectTerraform({ path: 'infra/main.tf', language: 'terraform', text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
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
});
