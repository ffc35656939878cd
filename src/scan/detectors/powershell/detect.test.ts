import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { shellDetector } from '../shell/index.js';
import { powershellDetector } from './index.js';

const engine = createEngine([powershellDetector, shellDetector]);

async function scan(text: string) {
  return (await scanSource(engine, { path: 'run.ps1', language: 'powershell', text, lineOffset: 1 })).findings;
}

describe('powershell detector', () => {
  it('follows the credential to its user across lines, through a splat, and never reports the password', async () => {
    const findings = await scan(
      [
        "$u = 'svc@contoso.com'",
        "$pw = ConvertTo-SecureString 'P@ssw0rd-planted' -AsPlainText -Force",
        '$c = New-Object PSCredential($u, $pw)',
        '$p = @{ Credential = $c }',
        'Connect-AzAccount @p `',
        '  -Tenant contoso.onmicrosoft.com',
        'New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile main.bicep',
      ].join('\n'),
    );
    expect(findings.map((f) => [f.line, f.column, f.rule, f.authMethod, f.identity?.kind, f.identity?.value])).toEqual([
      [5, 1, 'powershell/connect-azaccount-user-password', 'user-password', 'upn', 'svc@contoso.com'],
      [7, 1, 'powershell/az-deployment-ambient', 'user-password', 'upn', 'svc@contoso.com'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('P@ssw0rd-planted');
  });

  it('names an Automation credential asset and an app id for the Graph secret trap', async () => {
    const findings = await scan(
      "$c = Get-AutomationPSCredential -Name 'SvcCred'\nConnect-AzAccount -Credential $c\n$a = [pscredential]::new('11111111-2222-3333-4444-555555555555', $s)\nConnect-MgGraph -Credential $a\n",
    );
    expect(findings.map((f) => [f.rule, f.authMethod, f.identity])).toEqual([
      ['powershell/connect-azaccount-user-password', 'user-password', { kind: 'secret-ref', value: 'SvcCred' }],
      ['powershell/connect-mggraph-service-principal-secret', 'workload-secret', { kind: 'client-id', value: '11111111-2222-3333-4444-555555555555' }],
    ]);
  });

  it('does not resolve an Az PowerShell deployment to an Azure CLI login (different sessions)', async () => {
    const findings = await scan('az login -u a@contoso.com -p $env:PW\nNew-AzDeployment -Location westeurope -TemplateFile x.bicep\n');
    expect(findings.map((f) => [f.rule, f.authMethod])).toEqual([
      ['shell/az-login-user-password', 'user-password'],
      ['powershell/az-deployment-ambient', 'ambient'],
    ]);
  });

  it('reads a script passed to powershell -Command at its column, and stops after a few nested levels', async () => {
    expect((await scan('powershell.exe -NoProfile -Command "Connect-AzAccount -Identity"')).map((f) => [f.line, f.column, f.rule])).toEqual([[1, 37, 'powershell/connect-azaccount-managed-identity']]);
    // A hostile chain of thousands of -Command levels is cut off instead of being re-parsed level after level.
    expect(await scan(`${'pwsh -Command '.repeat(5000)}Connect-AzAccount -Credential $c`)).toEqual([]);
    expect(await scan(`${'pwsh -Command '.repeat(3)}Connect-AzAccount -Credential $c`)).toHaveLength(1);
  });
});
