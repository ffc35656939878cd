import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { DETECTORS } from '../registry.js';

const engine = createEngine(DETECTORS.values());

async function scan(path: string, lines: readonly string[]) {
  const { findings } = await scanSource(engine, { path, language: 'yaml', text: lines.join('\n'), lineOffset: 1 });
  return findings.map((finding) => [finding.line, finding.column, finding.rule, finding.authMethod, finding.identity?.value ?? null]);
}

const WORKFLOW = [
  'on: workflow_call',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: az login -u ${{ secrets.U }} -p ${{ secrets.P }}',
  '      - uses: azure/cli@v2',
  '        env:',
  '          AZURE_USERNAME: ${{ vars.U }}',
  '          AZURE_PASSWORD: ${{ secrets.P }}',
];

describe('github-actions outside .github/workflows/', () => {
  it('scans a workflow by its content wherever it lives, once, with ambient steps resolved in the job', async () => {
    const expected = [
      [6, 14, 'shell/az-login-user-password', 'user-password', 'secrets.U'],
      [7, 9, 'github-actions/azure-cli-ambient', 'user-password', 'secrets.U'],
      [9, 11, 'shell/env-azure-username-password', 'user-password', 'vars.U'],
    ];
    expect(await scan('workflow-templates/deploy.yml', WORKFLOW)).toEqual(expected);
    expect(await scan('.github/workflows/deploy.yml', WORKFLOW)).toEqual(expected);
  });

  it('needs on: and a job to call a file elsewhere a workflow (a jobs-only fragment in docs is not one)', async () => {
    const fragment = WORKFLOW.slice(1, 7);
    expect(await scan('docs/fragment.yml', fragment)).toEqual([]);
    // In the canonical folder a jobs-only fragment still counts, as before.
    expect(await scan('.github/workflows/fragment.yml', fragment)).toHaveLength(2);
  });

  it('reads a composite action: shell per step, OIDC login trusted to the caller, one resolution across its steps', async () => {
    const findings = await scan('actions/deploy/action.yaml', [
      'name: deploy',
      'runs:',
      '  using: "composite"',
      '  steps:',
      '    - uses: azure/login@v2',
      '      with:',
      '        client-id: ${{ inputs.client-id }}',
      '        tenant-id: contoso.onmicrosoft.com',
      '    - shell: pwsh',
      '      run: New-AzResourceGroupDeployment -ResourceGroupName rg -TemplateFile main.bicep',
      '    - shell: bash',
      '      run: |',
      '        az deployment group create -g rg -f main.bicep',
    ]);
    expect(findings).toEqual([
      [5, 7, 'github-actions/azure-login-oidc', 'workload-federation', 'inputs.client-id'],
      [10, 12, 'powershell/az-deployment-ambient', 'workload-federation', 'inputs.client-id'],
      [13, 9, 'shell/az-deployment-ambient', 'workload-federation', 'inputs.client-id'],
    ]);
  });

  it('leaves Azure Pipelines jobs to their detector: one finding per sign-in', async () => {
    const findings = await scan('workflow-templates/pipeline.yml', [
      'trigger: [main]',
      'jobs:',
      '  - job: deploy',
      '    steps:',
      '      - script: az login -u $(SvcUser) -p $(SvcPassword)',
      '        env:',
      '          AZURE_USERNAME: svc@contoso.com',
      '          AZURE_PASSWORD: $(SvcPassword)',
    ]);
    expect(findings).toEqual([
      [5, 17, 'shell/az-login-user-password', 'user-password', '$(SvcUser)'],
      [7, 11, 'shell/env-azure-username-password', 'user-password', 'svc@contoso.com'],
    ]);
  });
});
