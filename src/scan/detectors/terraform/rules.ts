import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const PROVIDER_AUTH_DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#authenticating-to-azure';

export const TERRAFORM_RULES: readonly RuleMeta[] = [
  { id: 'terraform/client-secret', authMethod: 'workload-secret', severity: 'note', summary: 'The provider, state backend or remote state signs in as a service principal with a client secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/client-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'The provider, state backend or remote state signs in as a service principal with a certificate.', fix: FIX_BY_METHOD['workload-certificate'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/oidc', authMethod: 'workload-federation', severity: 'note', summary: 'The provider, state backend or remote state uses workload identity federation (OIDC).', fix: FIX_BY_METHOD['workload-federation'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/managed-identity', authMethod: 'managed-identity', severity: 'note', summary: 'The provider, state backend or remote state uses a managed identity.', fix: FIX_BY_METHOD['managed-identity'], docUrl: PROVIDER_AUTH_DOC },
  {
    id: 'terraform/azure-cli-default',
    authMethod: 'ambient',
    severity: 'warning',
    summary: 'No credential arguments: the provider, state backend or remote state uses the Azure CLI login (or ARM_* variables) of whoever runs Terraform.',
    fix: FIX_BY_METHOD.ambient,
    docUrl: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/azure_cli',
  },
  {
    id: 'terraform/deployment-script-managed-identity',
    authMethod: 'managed-identity',
    severity: 'note',
    summary: 'A deployment script runs signed in as its managed identity; Azure CLI / Azure PowerShell commands in it use that identity.',
    fix: FIX_BY_METHOD['managed-identity'],
    docUrl: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/resource_deployment_script_azure_cli',
    // The script's CLI and PowerShell sessions are the identity's: ambient commands in it resolve to this.
    session: 'any',
  },
];
