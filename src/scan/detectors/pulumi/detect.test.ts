import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { detectPulumi } from './detect.js';
import { pulumiDetector } from './index.js';

const engine = createEngine([pulumiDetector]);

async function scanAt(path: string, language: 'yaml' | 'typescript' | 'python', lines: readonly string[]) {
  const { findings } = await scanSource(engine, { path, language, text: lines.join('\n'), lineOffset: 1 });
  return findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity?.value ?? null]);
}

function scan(text: string) {
  return detectPulumi({ path: 'Pulumi.prod.yaml', language: 'yaml', text, lineOffset: 1 }, { kind: 'text' });
}

describe('pulumi', () => {
  it('reports the secret key with the literal client ID, one finding per provider namespace', () => {
    const findings = scan('config:\n  azure-native:clientId: 66666666-7777-8888-9999-000000000000\n  azure-native:clientSecret:\n    secure: abc\n  azuread:location: x\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [3, 3, 'pulumi/client-secret', { kind: 'client-id', value: '66666666-7777-8888-9999-000000000000' }],
      [5, 3, 'pulumi/azure-cli-default', null],
    ]);
  });

  it('does not count useMsi: false', () => {
    expect(scan('config:\n  azure:useMsi: false\n  azure:useCli: false\n')).toEqual([]);
  });

  it('reads a project: template config, a YAML program\'s default provider and its explicit providers', async () => {
    expect(
      await scanAt('infra/Pulumi.yaml', 'yaml', [
        'name: x',
        'runtime: yaml',
        'resources:',
        '  rg:',
        '    type: azure-native:resources:ResourceGroup',
        '  ad:',
        '    type: pulumi:providers:azuread',
        '    properties:',
        '      clientId: 0A1B2C3D-0000-4000-8000-0000000000AD',
        '      useMsi: true',
      ]),
    ).toEqual([
      [5, 5, 'pulumi/azure-cli-default', null],
      [10, 7, 'pulumi/managed-identity', '0a1b2c3d-0000-4000-8000-0000000000ad'],
    ]);
    // A package configured in the project config is not reported again from its resources.
    expect(await scanAt('Pulumi.yaml', 'yaml', ['name: x', 'runtime: yaml', 'config:', '  azure-native:useOidc:', '    value: true', 'resources:', '  rg:', '    type: azure-native:resources:ResourceGroup'])).toEqual([
      [4, 3, 'pulumi/oidc', null],
    ]);
  });

  it('classifies explicit providers in program code at their construction, settings followed through variables', async () => {
    expect(
      await scanAt('index.ts', 'typescript', [
        "import * as azure from '@pulumi/azure-native';",
        "const settings = { useOidc: true, clientId: '0a1b2c3d-0000-4000-8000-0000000000ae' };",
        "const p = new azure.Provider('ci', settings);",
        "const other = new somethingElse.Provider('x', { clientSecret: s });",
      ]),
    ).toEqual([[3, 15, 'pulumi/oidc', '0a1b2c3d-0000-4000-8000-0000000000ae']]);
    expect(
      await scanAt('__main__.py', 'python', ['import pulumi_azure as classic', 'p = classic.Provider("p", args=classic.ProviderArgs(use_msi=True))', 'q = classic.Provider("q", use_msi=False, use_cli=False)']),
    ).toEqual([[2, 5, 'pulumi/managed-identity', null]]);
  });

  it('reports one finding per provider when a project repeats its settings in template.config and config', async () => {
    expect(
      await scanAt('Pulumi.yaml', 'yaml', ['name: x', 'runtime: yaml', 'template:', '  config:', '    azure-native:location:', '      value: westus2', 'config:', '  azure-native:location:', '    value: westus2']),
    ).toEqual([[8, 3, 'pulumi/azure-cli-default', null]]);
  });
});
