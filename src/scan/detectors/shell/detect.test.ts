import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { shellDetector } from './index.js';

const engine = createEngine([shellDetector]);

async function scan(text: string) {
  return (await scanSource(engine, { path: 'deploy.sh', language: 'bash', text, lineOffset: 1 })).findings;
}

describe('shell detector', () => {
  it('follows a variable to the UPN and names the password only by reference', async () => {
    const findings = await scan('U="svc@contoso.com"\nPW="Hunter2!"\naz login -u "$U" -p "$PW"\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, column: 1, rule: 'shell/az-login-user-password', authMethod: 'user-password', mfaImpact: 'breaks', identity: { kind: 'upn', value: 'svc@contoso.com' } });
    expect(JSON.stringify(findings)).not.toContain('Hunter2');
  });

  it('uses the password variable name when the user is unknown, never its value', async () => {
    const findings = await scan('PW="Hunter2!"\naz login -u "$(whoami)" -p "$PW"\n');
    expect(findings[0]?.identity).toEqual({ kind: 'env-var', value: 'PW' });
  });

  it('resolves an ambient deployment to the nearest preceding compatible login', async () => {
    const findings = await scan('az login --identity --client-id 22222222-3333-4444-5555-666666666666\naz deployment group create -g x -f main.bicep\n');
    expect(findings.map((f) => [f.line, f.rule, f.authMethod, f.mfaImpact])).toEqual([
      [1, 'shell/az-login-managed-identity', 'managed-identity', 'safe'],
      [2, 'shell/az-deployment-ambient', 'managed-identity', 'safe'],
    ]);
    expect(findings[1]?.identity).toEqual({ kind: 'client-id', value: '22222222-3333-4444-5555-666666666666' });
    expect(findings[1]?.message).toBe('az deployment group create deploys with the Azure CLI login it inherits; resolved to the login at line 1 (managed-identity as 22222222-3333-4444-5555-666666666666)');
  });

  it('leaves a deployment with no login before it ambient', async () => {
    const findings = await scan('terraform apply\n');
    expect(findings.map((f) => [f.rule, f.authMethod, f.mfaImpact])).toEqual([['shell/terraform-ambient', 'ambient', 'depends']]);
  });
});
