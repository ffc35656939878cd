import type { ArtifactFile, ArtifactInput } from './artifact-input.js';

/** A single-quoted shell word. */
function shellWord(value: string): string {
  return `'${value.replace(/'/gu, `'\\''`)}'`;
}

/**
 * create-identity.sh: the same as main.tf with the az CLI (it reads custom-role.json and federated-credential-N.json
 * written beside it). The old account is disabled only by hand, once the stage says it is ready.
 */
export function azCliArtifact(input: ArtifactInput): ArtifactFile[] {
  const { plan } = input;
  const target = plan.target;
  const lines = ['#!/usr/bin/env bash', `# Migrates ${input.account} to ${target.kind}${target.assignment ? ` (${target.assignment})` : ''}. Review, then run with az logged in as an administrator.`, 'set -euo pipefail', ''];
  if (target.kind === 'managed-identity' && target.assignment === 'user-assigned') {
    lines.push(': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the new identity}"', `principal_id=$(az identity create --resource-group "$RESOURCE_GROUP" --name ${shellWord(target.name ?? `id-${input.account}`)} --query principalId --output tsv)`, '# Attach it to each resource that runs the job: az vm identity assign --identities <its id> …');
  } else if (target.kind === 'managed-identity') {
    lines.push(': "${PRINCIPAL_ID:?enable the system-assigned identity of the resource that runs the job, e.g. az vm identity assign, and set PRINCIPAL_ID to its principalId}"', 'principal_id="$PRINCIPAL_ID"');
  } else {
    lines.push(`app_id=$(az ad app create --display-name ${shellWord(target.name ?? `wi-${input.account}`)} --query appId --output tsv)`, 'principal_id=$(az ad sp create --id "$app_id" --query id --output tsv)');
    target.subjects.forEach((subject, index) => {
      if (subject.subject !== null) lines.push(`az ad app federated-credential create --id "$app_id" --parameters @federated-credential-${index + 1}.json`);
    });
    if (target.kind === 'service-principal-certificate') {
      lines.push(': "${CERTIFICATE_PEM:?set CERTIFICATE_PEM to the public certificate file; the private key stays in the key store}"', 'az ad app credential reset --id "$app_id" --cert @"$CERTIFICATE_PEM" --append');
    }
  }
  const custom = plan.leastPrivilege?.custom;
  if (custom) {
    lines.push('', 'az role definition create --role-definition @custom-role.json');
    for (const scope of custom.scopes) {
      lines.push(`az role assignment create --assignee-object-id "$principal_id" --assignee-principal-type ServicePrincipal --role ${shellWord(custom.name)} --scope ${shellWord(scope)}`);
    }
  }
  lines.push('', '# When `unattended analyze` says ready-to-retire: disable the old account first, delete it later.');
  lines.push(`# ${plan.stage.command ?? `az ad user update --id ${input.account} --account-enabled false`}`);
  return [{ path: 'create-identity.sh', content: `${lines.join('\n')}\n` }];
}
