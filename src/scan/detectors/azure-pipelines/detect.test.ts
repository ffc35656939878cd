import { describe, expect, it } from 'vitest';
import { createEngine, scanSource } from '../../core/scan-source.js';
import { DETECTORS } from '../registry.js';

const engine = createEngine(DETECTORS.values());

async function scan(lines: readonly string[]) {
  const { findings } = await scanSource(engine, { path: 'azure-pipelines.yml', language: 'yaml', text: lines.join('\n'), lineOffset: 1 });
  return findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.identity ? `${finding.identity.kind}:${finding.identity.value}` : null]);
}

function handOffJob(script: readonly string[], addSpn: boolean): string[] {
  return [
    'steps:',
    '  - task: AzureCLI@2',
    '    inputs:',
    '      azureSubscription: tf-conn',
    `      addSpnToEnvironment: ${addSpn}`,
    '      scriptType: bash',
    '      scriptLocation: inlineScript',
    '      inlineScript: |',
    ...script.map((line) => `        ${line}`),
    '  - script: terraform apply -auto-approve',
  ];
}

describe('azure-pipelines: a task handing its connection to Terraform', () => {
  it('reports the OIDC hand-off as federation of the connection, and later Terraform steps as that connection', async () => {
    const findings = await scan(handOffJob(['echo "##vso[task.setvariable variable=ARM_OIDC_TOKEN;issecret=true]$idToken"', 'echo "##vso[task.setvariable variable=ARM_USE_OIDC]true"'], true));
    expect(findings).toEqual([
      [2, 'azure-pipelines/service-connection-federated', 'service-connection', 'connection:tf-conn'],
      // The scheme's finding sits on its first variable set: ARM_USE_OIDC.
      [10, 'azure-pipelines/terraform-federation-from-connection', 'workload-federation', 'connection:tf-conn'],
      [11, 'shell/terraform-ambient', 'workload-federation', 'connection:tf-conn'],
    ]);
  });

  it('knows the secret came from the connection by ARM_CLIENT_ID = $servicePrincipalId, even when the key is read indirectly', async () => {
    const findings = await scan(handOffJob(['key=$servicePrincipalKey', 'echo "##vso[task.setvariable variable=ARM_CLIENT_ID]$servicePrincipalId"', 'echo "##vso[task.setvariable variable=ARM_CLIENT_SECRET;issecret=true]$key"'], true));
    expect(findings).toEqual([
      [2, 'azure-pipelines/service-connection-secret', 'service-connection', 'connection:tf-conn'],
      [11, 'azure-pipelines/terraform-secret-from-connection', 'workload-secret', 'connection:tf-conn'],
      [12, 'shell/terraform-ambient', 'workload-secret', 'connection:tf-conn'],
    ]);
  });

  it('leaves ARM_* variables alone when the task does not expose its connection, and an export does not outlive its step', async () => {
    expect(await scan(handOffJob(['echo "##vso[task.setvariable variable=ARM_OIDC_TOKEN]$(PipelineToken)"'], false))).toEqual([
      [2, 'azure-pipelines/service-connection', 'service-connection', 'connection:tf-conn'],
      [9, 'shell/env-arm-oidc', 'workload-federation', null],
      [10, 'shell/terraform-ambient', 'ambient', null],
    ]);
    expect(await scan(handOffJob(['export ARM_USE_OIDC=true ARM_OIDC_TOKEN=$idToken'], true))).toEqual([
      [2, 'azure-pipelines/service-connection-federated', 'service-connection', 'connection:tf-conn'],
      [9, 'azure-pipelines/terraform-federation-from-connection', 'workload-federation', 'connection:tf-conn'],
      [10, 'shell/terraform-ambient', 'ambient', null],
    ]);
  });
});
