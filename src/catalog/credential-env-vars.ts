import type { AuthMethod } from '../model/scan-finding.js';

/**
 * Environment variables that make a tool sign in a particular way, as data. A scheme matches a scope
 * (an env file, a container, a compose service) when all its `requires` names are set there; `truthy`
 * names must also not be set to a false-like literal. The finding is reported at the `at` variable and
 * names the identity from `identityFrom` (its literal value when it is a UPN / client ID, else the name).
 */
export interface EnvCredentialScheme {
  /** The rule's short name in the config-env detector. */
  id: string;
  tool: 'azure-identity' | 'terraform' | 'ansible';
  authMethod: AuthMethod;
  /** Any one of these groups being fully set matches (e.g. ARM_USE_OIDC, or ARM_OIDC_TOKEN). */
  requires: readonly (readonly string[])[];
  truthy: readonly string[];
  identityFrom: string | null;
  source: string;
}

const AZURE_IDENTITY_ENV = 'https://learn.microsoft.com/dotnet/api/azure.identity.environmentcredential';
const TERRAFORM_AZURERM_AUTH = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs';
const ANSIBLE_AZURE_AUTH = 'https://docs.ansible.com/ansible/latest/collections/azure/azcollection/docsite/azure_rm_guide.html';

export const ENV_CREDENTIAL_SCHEMES: readonly EnvCredentialScheme[] = [
  // EnvironmentCredential (and so DefaultAzureCredential) switches to ROPC when both are set.
  { id: 'azure-username-password', tool: 'azure-identity', authMethod: 'user-password', requires: [['AZURE_USERNAME', 'AZURE_PASSWORD']], truthy: [], identityFrom: 'AZURE_USERNAME', source: AZURE_IDENTITY_ENV },
  { id: 'azure-client-secret', tool: 'azure-identity', authMethod: 'workload-secret', requires: [['AZURE_CLIENT_SECRET']], truthy: [], identityFrom: 'AZURE_CLIENT_ID', source: AZURE_IDENTITY_ENV },
  { id: 'azure-client-certificate', tool: 'azure-identity', authMethod: 'workload-certificate', requires: [['AZURE_CLIENT_CERTIFICATE_PATH']], truthy: [], identityFrom: 'AZURE_CLIENT_ID', source: AZURE_IDENTITY_ENV },
  { id: 'azure-federated-token', tool: 'azure-identity', authMethod: 'workload-federation', requires: [['AZURE_FEDERATED_TOKEN_FILE']], truthy: [], identityFrom: 'AZURE_CLIENT_ID', source: 'https://learn.microsoft.com/azure/aks/workload-identity-overview' },
  { id: 'arm-client-secret', tool: 'terraform', authMethod: 'workload-secret', requires: [['ARM_CLIENT_SECRET']], truthy: [], identityFrom: 'ARM_CLIENT_ID', source: TERRAFORM_AZURERM_AUTH },
  { id: 'arm-client-certificate', tool: 'terraform', authMethod: 'workload-certificate', requires: [['ARM_CLIENT_CERTIFICATE_PATH'], ['ARM_CLIENT_CERTIFICATE']], truthy: [], identityFrom: 'ARM_CLIENT_ID', source: TERRAFORM_AZURERM_AUTH },
  {
    id: 'arm-oidc',
    tool: 'terraform',
    authMethod: 'workload-federation',
    // ARM_OIDC_AZURE_SERVICE_CONNECTION_ID is the provider's other name for ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID.
    requires: [['ARM_USE_OIDC'], ['ARM_OIDC_TOKEN'], ['ARM_OIDC_TOKEN_FILE_PATH'], ['ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID'], ['ARM_OIDC_AZURE_SERVICE_CONNECTION_ID'], ['ARM_USE_AKS_WORKLOAD_IDENTITY']],
    truthy: ['ARM_USE_OIDC', 'ARM_USE_AKS_WORKLOAD_IDENTITY'],
    identityFrom: 'ARM_CLIENT_ID',
    source: TERRAFORM_AZURERM_AUTH,
  },
  { id: 'arm-msi', tool: 'terraform', authMethod: 'managed-identity', requires: [['ARM_USE_MSI']], truthy: ['ARM_USE_MSI'], identityFrom: 'ARM_CLIENT_ID', source: TERRAFORM_AZURERM_AUTH },
  { id: 'ansible-ad-user-password', tool: 'ansible', authMethod: 'user-password', requires: [['AZURE_AD_USER', 'AZURE_PASSWORD']], truthy: [], identityFrom: 'AZURE_AD_USER', source: ANSIBLE_AZURE_AUTH },
  { id: 'ansible-client-secret', tool: 'ansible', authMethod: 'workload-secret', requires: [['AZURE_CLIENT_ID', 'AZURE_SECRET']], truthy: [], identityFrom: 'AZURE_CLIENT_ID', source: ANSIBLE_AZURE_AUTH },
];

/** Every variable name any scheme reads: a scope with none of them is not worth collecting. */
export const CREDENTIAL_ENV_NAMES: ReadonlySet<string> = new Set(
  ENV_CREDENTIAL_SCHEMES.flatMap((scheme) => [...scheme.requires.flat(), ...(scheme.identityFrom ? [scheme.identityFrom] : [])]),
);

/** A value that switches a boolean flag off (Terraform and Go read these as false). */
export function isFalseLike(value: string): boolean {
  return /^(?:false|0|no|off)$/iu.test(value.trim());
}
