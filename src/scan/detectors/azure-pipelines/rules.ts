import type { RuleMeta } from '../../core/detector.js';
import { defineRule } from '../../core/rule-meta.js';

const CONNECTION_DOC = 'https://learn.microsoft.com/azure/devops/pipelines/library/connect-to-azure';

/** A service connection is never a user; the scheme is not in the YAML, only hints of it. */
export const AZURE_PIPELINES_RULES: readonly RuleMeta[] = [
  defineRule({ id: 'azure-pipelines/service-connection', authMethod: 'service-connection', session: 'any', summary: 'A task signs in with an Azure Resource Manager service connection (scheme not visible in the YAML).', docUrl: CONNECTION_DOC }),
  defineRule({
    id: 'azure-pipelines/service-connection-federated',
    authMethod: 'service-connection',
    session: 'any',
    summary: 'A task signs in with a service connection that uses workload identity federation (keepAzSessionActive or $idToken in its script).',
    fix: 'Safe under MFA; nothing to change.',
    docUrl: CONNECTION_DOC,
  }),
  defineRule({
    id: 'azure-pipelines/service-connection-secret',
    authMethod: 'service-connection',
    session: 'any',
    summary: 'A task signs in with a service connection whose script reads $servicePrincipalKey: a client secret.',
    fix: 'Safe under MFA. Convert the service connection to workload identity federation so no secret is stored or exposed to scripts.',
    docUrl: CONNECTION_DOC,
  }),
  defineRule({
    id: 'azure-pipelines/terraform-federation-from-connection',
    authMethod: 'workload-federation',
    session: 'any',
    summary: 'An inline script hands the task\'s service connection to Terraform for OIDC (ARM_USE_OIDC / ARM_OIDC_TOKEN from $idToken with addSpnToEnvironment, or ARM_CLIENT_ID from AZURESUBSCRIPTION_CLIENT_ID with the connection id): Terraform signs in as the connection, by workload identity federation.',
    fix: 'Safe under MFA; nothing to change. (TerraformTaskV4 or ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID do the same without handling the token.)',
    docUrl: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_oidc',
  }),
  defineRule({
    id: 'azure-pipelines/terraform-secret-from-connection',
    authMethod: 'workload-secret',
    session: 'any',
    summary: 'An inline script (addSpnToEnvironment: true) hands the service connection\'s client secret ($servicePrincipalKey) to Terraform as ARM_CLIENT_ID / ARM_CLIENT_SECRET: Terraform signs in as the connection\'s service principal with a secret.',
    fix: 'Safe under MFA. Convert the service connection to workload identity federation and pass $idToken as ARM_OIDC_TOKEN (with ARM_USE_OIDC=true) instead of the secret.',
    docUrl: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_client_secret',
  }),
];
