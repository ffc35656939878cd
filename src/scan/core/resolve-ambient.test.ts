import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../model/scan-finding.js';
import { DETECTORS } from '../detectors/registry.js';
import { detectLanguage } from './detect-language.js';
import { createEngine, scanSource } from './scan-source.js';

const engine = createEngine(DETECTORS.values());
const detectors = fileURLToPath(new URL('../detectors/', import.meta.url));

/** [line, rule, method, resolvedFrom line or null]: what each finding of a fixture must come out as. */
type Outcome = [number, string, string, number | null];

function outcomes(findings: readonly ScanFinding[]): Outcome[] {
  return findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.resolvedFrom?.line ?? null]);
}

async function scanText(path: string, text: string): Promise<ScanFinding[]> {
  return (await scanSource(engine, { path, language: detectLanguage(path, text.slice(0, 256)), text, lineOffset: 1 })).findings;
}

async function scanFixture(detector: string, path: string): Promise<ScanFinding[]> {
  return scanText(path, readFileSync(`${detectors}${detector}/__fixtures__/${path}`, 'utf8'));
}

function messageAt(findings: readonly ScanFinding[], line: number): string {
  return findings.find((finding) => finding.line === line)?.message ?? '';
}

describe('flow-sensitive ambient resolution: the fixtures', () => {
  it('PowerShell: switch arms, if/elseif/else, try/catch, loops, functions, -AccessToken', async () => {
    const findings = await scanFixture('powershell', 'flow-branches.ps1');
    expect(outcomes(findings)).toEqual([
      [9, 'powershell/connect-azaccount-user-password', 'user-password', null],
      // The login is in the 'prod' branch, the deployment in 'test': never resolved to it.
      [13, 'powershell/az-deployment-ambient', 'ambient', null],
      [19, 'powershell/az-deployment-ambient', 'ambient', null],
      [23, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      [26, 'powershell/az-deployment-ambient', 'managed-identity', 23],
      [29, 'powershell/connect-azaccount-user-password', 'user-password', null],
      [35, 'powershell/az-deployment-ambient', 'ambient', null],
      [40, 'powershell/connect-azaccount-service-principal-certificate', 'workload-certificate', null],
      [45, 'powershell/az-deployment-ambient', 'workload-certificate', 40],
      [50, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      [57, 'powershell/az-deployment-ambient', 'managed-identity', 50],
      [63, 'powershell/connect-azaccount-federated-token', 'workload-federation', null],
      [65, 'powershell/az-deployment-ambient', 'workload-federation', 63],
      [69, 'powershell/az-deployment-ambient', 'workload-federation', 63],
      [73, 'powershell/connect-azaccount-access-token', 'ambient', null],
      [75, 'powershell/az-deployment-ambient', 'ambient', null],
      [79, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      [83, 'powershell/connect-mggraph-access-token', 'managed-identity', 79],
    ]);
    expect(messageAt(findings, 13)).toBe('new-azresourcegroupdeployment deploys with the Az PowerShell context it inherits');
    expect(messageAt(findings, 19)).toBe('new-azsubscriptiondeployment deploys with the Az PowerShell context it inherits; the login at line 9 runs on some paths only; on the others the session comes from elsewhere');
    expect(messageAt(findings, 35)).toBe('new-azmanagementgroupdeployment deploys with the Az PowerShell context it inherits; which login is in effect depends on the path (lines 23 and 29)');
    expect(messageAt(findings, 75)).toBe('new-azresourcegroupdeployment deploys with the Az PowerShell context it inherits; uses the session set at line 73 with an access token obtained elsewhere');
    expect(findings.find((finding) => finding.line === 45)).toMatchObject({
      mfaImpact: 'safe',
      identity: { kind: 'client-id', value: '33333333-4444-5555-6666-777777777777' },
      resolvedFrom: { line: 40, authMethod: 'workload-certificate' },
      message: 'new-aztenantdeployment deploys with the Az PowerShell context it inherits; resolved to the login at line 40 (workload-certificate as 33333333-4444-5555-6666-777777777777)',
    });
  });

  it('bash: case arms, if, && lists, functions, subshell exit', async () => {
    const findings = await scanFixture('shell', 'flow-case.sh');
    expect(outcomes(findings)).toEqual([
      [10, 'shell/az-login-user-password', 'user-password', null],
      [14, 'shell/az-deployment-ambient', 'ambient', null],
      [20, 'shell/terraform-ambient', 'ambient', null],
      [25, 'shell/az-login-managed-identity', 'managed-identity', null],
      [28, 'shell/az-deployment-ambient', 'managed-identity', 25],
      [33, 'shell/az-login-federated-token', 'workload-federation', null],
      [41, 'shell/terraform-ambient', 'workload-federation', 33],
      [45, 'shell/az-login-managed-identity', 'managed-identity', null],
      [47, 'shell/az-deployment-ambient', 'ambient', null],
      [52, 'shell/az-login-service-principal-certificate', 'workload-certificate', null],
      [60, 'shell/az-deployment-ambient', 'workload-certificate', 52],
    ]);
    expect(messageAt(findings, 20)).toBe('terraform plan uses the Azure CLI login (no ARM_* credential set in this script); the login at line 10 runs on some paths only; on the others the session comes from elsewhere');
    expect(messageAt(findings, 47)).toBe('az deployment group what-if deploys with the Azure CLI login it inherits; which login is in effect depends on the path (lines 33 and 45)');
  });

  it('GitHub Actions: a step inherits the job\'s logins along the flow of the scripts before it, never another job\'s', async () => {
    const findings = await scanFixture('github-actions', '.github/workflows/flow-steps.yml');
    expect(outcomes(findings)).toEqual([
      [16, 'shell/az-login-user-password', 'user-password', null],
      [20, 'shell/az-deployment-ambient', 'ambient', null],
      [25, 'github-actions/azure-cli-ambient', 'ambient', null],
      [29, 'shell/az-deployment-ambient', 'ambient', null],
      [34, 'github-actions/azure-login-oidc', 'workload-federation', null],
      [45, 'powershell/connect-azaccount-user-password', 'user-password', null],
      // Open in its script (no login on its path there), resolved in the job to azure/login before the step.
      [49, 'powershell/az-deployment-ambient', 'workload-federation', 34],
      [54, 'github-actions/azure-powershell-ambient', 'ambient', null],
      [60, 'shell/terraform-ambient', 'workload-federation', 34],
    ]);
    expect(messageAt(findings, 54)).toBe('azure/powershell uses the login made earlier in the job; which login is in effect depends on the path (lines 34 and 45)');
  });

  it('Azure Pipelines: a task\'s connection settles its own script, whatever the job ran before; it does not outlive the task', async () => {
    const findings = await scanFixture('azure-pipelines', 'flow-tasks.yml');
    expect(outcomes(findings)).toEqual([
      [11, 'shell/az-login-user-password', 'user-password', null],
      [15, 'azure-pipelines/service-connection', 'service-connection', null],
      [23, 'shell/az-deployment-ambient', 'service-connection', 15],
      [26, 'shell/az-login-managed-identity', 'managed-identity', null],
      // Every path passed a login in the task (the connection or the identity): the job does not resolve it again.
      [30, 'shell/terraform-ambient', 'ambient', null],
      [33, 'shell/az-deployment-ambient', 'ambient', null],
    ]);
    expect(messageAt(findings, 30)).toBe('terraform apply uses the Azure CLI login (no ARM_* credential set in this script); which login is in effect depends on the path (lines 15 and 26)');
    expect(messageAt(findings, 33)).toBe('az deployment sub create deploys with the Azure CLI login it inherits; the logins at lines 11 and 26 run on some paths only; on the others the session comes from elsewhere');
  });
});

describe('flow-sensitive ambient resolution: constructs', () => {
  it('a login later in a loop body can reach a use earlier in it on the next iteration', async () => {
    const findings = await scanText('loop.ps1', ['Connect-AzAccount -Identity', 'foreach ($i in 1..2) {', '  New-AzDeployment -Location x', '  Connect-AzAccount -Credential $c', '}', 'New-AzDeployment -Location y', ''].join('\n'));
    expect(outcomes(findings)).toEqual([
      [1, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      [3, 'powershell/az-deployment-ambient', 'ambient', null],
      [4, 'powershell/connect-azaccount-user-password', 'user-password', null],
      [6, 'powershell/az-deployment-ambient', 'ambient', null],
    ]);
  });

  it('break leaves a loop with the state it had; a do/while body surely runs', async () => {
    const script = ['while ($true) {', '  Connect-AzAccount -Identity', '  if ($done) { break }', '  exit 1', '}', 'New-AzDeployment -Location x', 'do {', '  Connect-AzAccount -Credential $c', '} while ($false)', 'New-AzDeployment -Location y', ''].join('\n');
    expect(outcomes(await scanText('loops.ps1', script))).toEqual([
      [2, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      // Only the break path reaches it (the other exits), and the while may run zero times: ambient.
      [6, 'powershell/az-deployment-ambient', 'ambient', null],
      [8, 'powershell/connect-azaccount-user-password', 'user-password', null],
      [10, 'powershell/az-deployment-ambient', 'user-password', 8],
    ]);
  });

  it('finally runs on every path; a try body that may fail leaves the catch to decide', async () => {
    const script = ['try {', '  Connect-AzAccount -Identity', '} catch {', '  Connect-AzAccount -Credential $c', '} finally {', '  New-AzDeployment -Location x', '}', ''].join('\n');
    expect(outcomes(await scanText('try.ps1', script))).toEqual([
      [2, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
      [4, 'powershell/connect-azaccount-user-password', 'user-password', null],
      [6, 'powershell/az-deployment-ambient', 'ambient', null],
    ]);
  });

  it('a function is entered with each caller\'s state; one nobody calls is entered with an unknown one', async () => {
    const script = ['function Deploy { New-AzDeployment -Location x }', 'function Orphan { New-AzDeployment -Location y }', 'Connect-AzAccount -Identity', 'Deploy', ''].join('\n');
    expect(outcomes(await scanText('functions.ps1', script))).toEqual([
      [1, 'powershell/az-deployment-ambient', 'managed-identity', 3],
      [2, 'powershell/az-deployment-ambient', 'ambient', null],
      [3, 'powershell/connect-azaccount-managed-identity', 'managed-identity', null],
    ]);
  });

  it('a function called from two places with different logins depends on the caller; recursion ends', async () => {
    const script = ['deploy() { az deployment group create -g x; deploy; }', 'az login --identity', 'deploy', 'az login -u a@contoso.com -p "$P"', 'deploy', ''].join('\n');
    expect(outcomes(await scanText('calls.sh', script))).toEqual([
      [1, 'shell/az-deployment-ambient', 'ambient', null],
      [2, 'shell/az-login-managed-identity', 'managed-identity', null],
      [4, 'shell/az-login-user-password', 'user-password', null],
    ]);
  });

  it('the Azure CLI and Az PowerShell sessions are separate: a Connect-AzAccount does not resolve az', async () => {
    const script = ['az login --identity', 'Connect-AzAccount -Credential $c', 'az deployment group create -g x', 'New-AzDeployment -Location x', ''].join('\n');
    expect(outcomes(await scanText('sessions.ps1', script))).toEqual([
      [1, 'shell/az-login-managed-identity', 'managed-identity', null],
      [2, 'powershell/connect-azaccount-user-password', 'user-password', null],
      [3, 'shell/az-deployment-ambient', 'managed-identity', 1],
      [4, 'powershell/az-deployment-ambient', 'user-password', 2],
    ]);
  });
});
