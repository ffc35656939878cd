import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { DETECTORS } from '../registry.js';
import { lexBicep } from './bicep-lexer.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/deployment-scripts.bicep', import.meta.url));

describe('bicep', () => {
  it('lexes multi-line strings verbatim and drops comments', () => {
    const tokens = lexBicep("// resource x 'T@1' = {}\nvar s = '''\na\\n'b'\n'''\nvar t = 'it\\'s ${x}'\n");
    expect(tokens.filter((token) => token.kind.endsWith('string')).map((token) => [token.kind, token.value, token.interpolated])).toEqual([
      ['multiline-string', "a\\n'b'\n", false],
      ['string', "it's ${x}", true],
    ]);
    expect(tokens.some((token) => token.text === 'resource')).toBe(false);
  });

  it('resolves an ambient command inside a deployment script to the script identity', async () => {
    const engine = createEngine(DETECTORS.values());
    const { findings } = await scanSource(engine, { path: 'infra/main.bicep', language: 'bicep', text: readFileSync(FIXTURE, 'utf8'), lineOffset: 1 });
    const deployment = findings.find((finding) => finding.rule === 'powershell/az-deployment-ambient');
    expect(deployment).toMatchObject({ line: 23, authMethod: 'managed-identity', mfaImpact: 'safe' });
    const login = findings.find((finding) => finding.rule === 'shell/az-login-user-password');
    expect(login).toMatchObject({ line: 42, authMethod: 'user-password', identity: { kind: 'env-var', value: 'AZURE_USERNAME' } });
  });

  it('maps each command of an ARM scriptContent string to its own column and reads a quoted user in it', async () => {
    const engine = createEngine(DETECTORS.values());
    const template = [
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
      '  "resources": [ { "type": "Microsoft.Resources/deploymentScripts", "kind": "AzureCLI",',
      '    "properties": { "scriptContent": "set -e\\naz login -u \\"ops@contoso.com\\" -p \\"$P\\"\\naz deployment sub create -l westeurope -f main.bicep" } } ] }',
    ].join('\n');
    const { findings } = await scanSource(engine, { path: 'azuredeploy.json', language: 'json', text: template, lineOffset: 1 });
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity?.value])).toEqual([
      [3, 47, 'shell/az-login-user-password', 'ops@contoso.com'],
      [3, 90, 'shell/az-deployment-ambient', 'ops@contoso.com'],
    ]);
  });
});
