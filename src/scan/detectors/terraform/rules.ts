import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const PROVIDER_AUTH_DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#authenticating-to-azure';

export const TERRAFORM_RULES: readonly RuleMeta[] = [
  { id: 'terraform/client-secret', authMethod: 'workload-secret', severity: 'note', summary: 'The provider or backend signs in as a service principal with a client secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/client-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'The provider or backend signs in as a service principal with a certificate.', fix: FIX_BY_METHOD['workload-certificate'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/oidc', authMethod: 'workload-federation', severity: 'note', summary: 'The provider or backend uses workload identity federation (OIDC).', fix: FIX_BY_METHOD['workload-federation'], docUrl: PROVIDER_AUTH_DOC },
  { id: 'terraform/managed-identity', authMethod: 'managed-identity', severity: 'note', summary: 'The provider or backend uses a managed identity.', fix: FIX_BY_METHOD['managed-identity'], docUrl: PROVIDER_AUTH_DOC },
  {
    id: 'terraform/azure-cli-default',
    authMethod: 'ambient',
    severity: 'warning',
    summary: 'No credential arguments: the provider uses the Azure CLI login (or ARM_* variables) of whoever runs Terraform.',
    fix: FIX_BY_METHOD.ambient,
    docUrl: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/azure_cli',
  },
];
