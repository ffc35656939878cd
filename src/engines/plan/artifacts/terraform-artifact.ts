import type { ArtifactFile, ArtifactInput } from './artifact-input.js';
import { credentialName, customRoleActions, FEDERATION_AUDIENCE, symbol } from './artifact-input.js';

function hcl(value: string): string {
  return JSON.stringify(value).replace(/\$\{/gu, '$${').replace(/%\{/gu, '%%{');
}

function list(values: readonly string[], indent: string): string {
  if (values.length === 0) return '[]';
  return `[\n${values.map((value) => `${indent}  ${hcl(value)},`).join('\n')}\n${indent}]`;
}

/**
 * main.tf (azurerm + azuread) for a plan: the new identity (an application and its service principal, a user-assigned
 * identity, or a variable for a resource's system-assigned identity), its federated credentials or certificate, the
 * custom role of the observed actions and one assignment per scope. Every reference names a block of this file.
 */
export function terraformArtifact(input: ArtifactInput): ArtifactFile[] {
  const { plan } = input;
  const target = plan.target;
  const blocks: string[] = [];
  const variables: string[] = [];
  blocks.push(`terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azuread" {}`);
  let principal: string;
  if (target.kind === 'managed-identity' && target.assignment === 'user-assigned') {
    variables.push(`variable "resource_group_name" {
  description = "Resource group of the user-assigned identity"
  type        = string
}`, `variable "location" {
  description = "Azure region of the user-assigned identity"
  type        = string
}`);
    blocks.push(`# Attach this identity to each resource that runs the job (${target.runsOn.join(', ')}).
resource "azurerm_user_assigned_identity" "workload" {
  name                = ${hcl(target.name ?? `id-${input.account}`)}
  resource_group_name = var.resource_group_name
  location            = var.location
}`);
    principal = 'azurerm_user_assigned_identity.workload.principal_id';
  } else if (target.kind === 'managed-identity') {
    variables.push(`variable "principal_id" {
  description = "Object ID of the system-assigned identity of the resource that runs the job (enable it on that resource first)"
  type        = string
}`);
    principal = 'var.principal_id';
  } else {
    blocks.push(`resource "azuread_application" "workload" {
  display_name = ${hcl(target.name ?? `wi-${input.account}`)}
}

resource "azuread_service_principal" "workload" {
  client_id = azuread_application.workload.client_id
}`);
    principal = 'azuread_service_principal.workload.object_id';
    target.subjects.forEach((subject, index) => {
      if (subject.subject === null) return;
      blocks.push(`resource "azuread_application_federated_identity_credential" "${symbol(`subject_${index + 1}`)}" {
  application_id = azuread_application.workload.id
  display_name   = ${hcl(credentialName(subject.subject, index))}
  description    = ${hcl(`Replaces ${input.account}: ${subject.from}`)}
  audiences      = [${hcl(FEDERATION_AUDIENCE)}]
  issuer         = ${hcl(subject.issuer)}
  subject        = ${hcl(subject.subject)}
}`);
    });
    if (target.kind === 'service-principal-certificate') {
      variables.push(`variable "certificate_pem" {
  description = "Public certificate (PEM) of the key pair kept in the machine's key store; never the private key"
  type        = string
}`);
      blocks.push(`resource "azuread_application_certificate" "workload" {
  application_id = azuread_application.workload.id
  type           = "AsymmetricX509Cert"
  value          = var.certificate_pem
}`);
    }
  }
  const custom = plan.leastPrivilege?.custom;
  if (custom) {
    blocks.push(`resource "azurerm_role_definition" "workload" {
  name              = ${hcl(custom.name)}
  scope             = ${hcl(custom.assignableScopes[0] ?? '')}
  description       = ${hcl(`Exactly what ${input.account} did in the Activity log`)}
  assignable_scopes = ${list(custom.assignableScopes, '  ')}

  permissions {
    actions     = ${list(customRoleActions(plan), '    ')}
    not_actions = []
  }
}`);
    custom.scopes.forEach((scope, index) => {
      blocks.push(`resource "azurerm_role_assignment" "${symbol(`workload_${index + 1}`)}" {
  scope              = ${hcl(scope)}
  role_definition_id = azurerm_role_definition.workload.role_definition_resource_id
  principal_id       = ${principal}
}`);
    });
  }
  return [{ path: 'main.tf', content: `${[...variables, ...blocks].join('\n\n')}\n` }];
}
