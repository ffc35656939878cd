import type { ArtifactFile, ArtifactInput } from './artifact-input.js';
import { credentialName, customRoleActions, FEDERATION_AUDIENCE, symbol } from './artifact-input.js';

function bicepString(value: string): string {
  return `'${value.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\$\{/gu, '\\${')}'`;
}

function bicepArray(values: readonly string[], indent: string): string {
  if (values.length === 0) return '[]';
  return `[\n${values.map((value) => `${indent}  ${bicepString(value)}`).join('\n')}\n${indent}]`;
}

const ROLE_ASSIGNMENT_MODULE = `// One role assignment at the resource group this module is deployed to.
targetScope = 'resourceGroup'

param principalId string
param roleDefinitionId string
param principalType string

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    principalId: principalId
    roleDefinitionId: roleDefinitionId
    principalType: principalType
  }
}
`;

/** The resource group of a scope (Bicep assigns at resource-group level: a resource scope needs its type's symbol). */
function groupOf(scope: string): { subscription: string; group: string } | null {
  const match = /^\/subscriptions\/(?<subscription>[^/]+)\/resourcegroups\/(?<group>[^/]+)/iu.exec(scope);
  return match?.groups?.['subscription'] && match.groups['group'] ? { subscription: match.groups['subscription'], group: match.groups['group'] } : null;
}

/**
 * main.bicep at subscription scope for a plan, with the Microsoft Graph Bicep extension for the application, its
 * service principal and federated credentials; role-assignment.bicep assigns the custom role per resource group.
 */
export function bicepArtifact(input: ArtifactInput): ArtifactFile[] {
  const { plan } = input;
  const target = plan.target;
  const parts: string[] = ["targetScope = 'subscription'"];
  const app = target.kind === 'workload-identity-federation' || target.kind === 'service-principal-certificate';
  if (app) parts.push("extension microsoftGraphV1");
  let principal: string;
  let principalType: string;
  if (target.kind === 'managed-identity') {
    parts.push(`@description('Object ID of the ${target.assignment === 'user-assigned' ? 'user-assigned identity attached to each resource that runs the job' : 'system-assigned identity of the resource that runs the job'}')\nparam principalId string`);
    principal = 'principalId';
    principalType = "'ServicePrincipal'";
  } else {
    const name = target.name ?? `wi-${input.account}`;
    parts.push(`resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: ${bicepString(symbol(name))}
  displayName: ${bicepString(name)}
}`);
    parts.push(`resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: app.appId
}`);
    target.subjects.forEach((subject, index) => {
      if (subject.subject === null) return;
      parts.push(`resource ${symbol(`subject_${index + 1}`)} 'Microsoft.Graph/applications/federatedIdentityCredentials@v1.0' = {
  name: '\${app.uniqueName}/${credentialName(subject.subject, index)}'
  audiences: [
    ${bicepString(FEDERATION_AUDIENCE)}
  ]
  issuer: ${bicepString(subject.issuer)}
  subject: ${bicepString(subject.subject)}
  description: ${bicepString(`Replaces ${input.account}`)}
}`);
    });
    principal = 'servicePrincipal.id';
    principalType = "'ServicePrincipal'";
  }
  const files: ArtifactFile[] = [];
  const custom = plan.leastPrivilege?.custom;
  if (custom) {
    parts.push(`resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, ${bicepString(custom.name)})
  properties: {
    roleName: ${bicepString(custom.name)}
    description: ${bicepString(`Exactly what ${input.account} did in the Activity log`)}
    type: 'CustomRole'
    permissions: [
      {
        actions: ${bicepArray(customRoleActions(plan), '        ')}
        notActions: []
      }
    ]
    assignableScopes: ${bicepArray(custom.assignableScopes, '    ')}
  }
}`);
    const groups = [...new Map(custom.scopes.map(groupOf).filter((group) => group !== null).map((group) => [`${group.subscription}/${group.group}`, group])).values()];
    groups.forEach((group, index) => {
      parts.push(`module ${symbol(`assign_${index + 1}`)} 'role-assignment.bicep' = {
  name: ${bicepString(`assign-${index + 1}`)}
  scope: resourceGroup(${bicepString(group.subscription)}, ${bicepString(group.group)})
  params: {
    principalId: ${principal}
    roleDefinitionId: role.id
    principalType: ${principalType}
  }
}`);
    });
    if (groups.length > 0) files.push({ path: 'role-assignment.bicep', content: ROLE_ASSIGNMENT_MODULE });
  }
  files.unshift({ path: 'main.bicep', content: `${parts.join('\n\n')}\n` });
  return files;
}
