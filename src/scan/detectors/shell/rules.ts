import type { RuleMeta } from '../../core/detector.js';
import { defineRule } from '../../core/rule-meta.js';

const AZ_LOGIN_DOC = 'https://learn.microsoft.com/cli/azure/reference-index#az-login';
const AZ_DEPLOYMENT_DOC = 'https://learn.microsoft.com/cli/azure/deployment';
const TERRAFORM_AUTH_DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/azure_cli';
const ENV_CREDENTIAL_DOC = 'https://learn.microsoft.com/dotnet/api/azure.identity.environmentcredential';
const TERRAFORM_ENV_DOC = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs';
const ANSIBLE_DOC = 'https://docs.ansible.com/ansible/latest/collections/azure/azcollection/docsite/azure_rm_guide.html';
const CONFIG_DIR_DOC = 'https://learn.microsoft.com/cli/azure/azure-cli-configuration#cli-configuration-file';

/**
 * Azure CLI and environment-variable rules. The PowerShell detector and the CI detectors report these too
 * (az runs from PowerShell scripts; CI `env:` blocks set the same variables), so one behaviour has one rule.
 */
export const SHELL_RULES: readonly RuleMeta[] = [
  defineRule({
    id: 'shell/az-login-user-password',
    authMethod: 'user-password',
    session: 'azure-cli',
    summary: 'az login -u/-p without --service-principal signs in as a user with a password (ROPC); the CLI documents that this fails under MFA.',
    fix: 'Replace the user login: `az login --identity` on Azure hosts, `azure/login` with OIDC (client-id, tenant-id, id-token: write) in GitHub Actions, a workload identity federation service connection in Azure DevOps; then remove the password.',
    docUrl: AZ_LOGIN_DOC,
  }),
  defineRule({ id: 'shell/az-login-interactive', authMethod: 'user-interactive', session: 'azure-cli', summary: 'az login with no identity flags (browser or --use-device-code) needs a person at each run.', docUrl: AZ_LOGIN_DOC }),
  defineRule({ id: 'shell/az-login-service-principal-secret', authMethod: 'workload-secret', session: 'azure-cli', summary: 'az login --service-principal with a client secret.', docUrl: AZ_LOGIN_DOC }),
  defineRule({ id: 'shell/az-login-service-principal-certificate', authMethod: 'workload-certificate', session: 'azure-cli', summary: 'az login --service-principal with a certificate.', docUrl: AZ_LOGIN_DOC }),
  defineRule({ id: 'shell/az-login-federated-token', authMethod: 'workload-federation', session: 'azure-cli', summary: 'az login --service-principal --federated-token (workload identity federation).', docUrl: AZ_LOGIN_DOC }),
  defineRule({ id: 'shell/az-login-managed-identity', authMethod: 'managed-identity', session: 'azure-cli', summary: 'az login --identity (managed identity).', docUrl: AZ_LOGIN_DOC }),
  defineRule({ id: 'shell/az-deployment-ambient', authMethod: 'ambient', session: 'azure-cli', summary: 'az deployment / az stack deploys with whatever Azure CLI login precedes it.', docUrl: AZ_DEPLOYMENT_DOC }),
  defineRule({ id: 'shell/terraform-ambient', authMethod: 'ambient', session: 'azure-cli', summary: 'terraform with no ARM_* credentials uses the Azure CLI login (the azurerm provider default).', docUrl: TERRAFORM_AUTH_DOC }),
  defineRule({
    id: 'shell/azure-config-dir-ambient',
    authMethod: 'ambient',
    summary: 'AZURE_CONFIG_DIR points the CLI at a token cache made by an earlier login elsewhere.',
    fix: 'Find who signed in to that cache (az account show in that directory); replace a user there with a managed identity or workload identity federation.',
    docUrl: CONFIG_DIR_DOC,
  }),
  defineRule({ id: 'shell/env-azure-username-password', authMethod: 'user-password', summary: 'AZURE_USERNAME + AZURE_PASSWORD: EnvironmentCredential / DefaultAzureCredential sign in as this user with a password (ROPC).', docUrl: ENV_CREDENTIAL_DOC }),
  defineRule({ id: 'shell/env-ansible-ad-user-password', authMethod: 'user-password', summary: 'AZURE_AD_USER + AZURE_PASSWORD: the Ansible azure collection signs in as this user with a password.', docUrl: ANSIBLE_DOC }),
  defineRule({ id: 'shell/env-entraid-username-password', authMethod: 'user-password', summary: 'ENTRAID_USERNAME + ENTRAID_PASSWORD: a tool signs in as this Entra user with a password.', docUrl: ENV_CREDENTIAL_DOC }),
  defineRule({ id: 'shell/env-azure-client-secret', authMethod: 'workload-secret', summary: 'AZURE_CLIENT_SECRET: Azure Identity signs in as a service principal with a secret.', docUrl: ENV_CREDENTIAL_DOC }),
  defineRule({ id: 'shell/env-azure-client-certificate', authMethod: 'workload-certificate', summary: 'AZURE_CLIENT_CERTIFICATE_PATH: Azure Identity signs in as a service principal with a certificate.', docUrl: ENV_CREDENTIAL_DOC }),
  defineRule({ id: 'shell/env-azure-federated-token', authMethod: 'workload-federation', summary: 'AZURE_FEDERATED_TOKEN_FILE: Azure Identity uses workload identity federation.', docUrl: ENV_CREDENTIAL_DOC }),
  defineRule({ id: 'shell/env-arm-client-secret', authMethod: 'workload-secret', summary: 'ARM_CLIENT_SECRET: Terraform signs in as a service principal with a secret.', docUrl: TERRAFORM_ENV_DOC }),
  defineRule({ id: 'shell/env-arm-client-certificate', authMethod: 'workload-certificate', summary: 'ARM_CLIENT_CERTIFICATE(_PATH): Terraform signs in as a service principal with a certificate.', docUrl: TERRAFORM_ENV_DOC }),
  defineRule({ id: 'shell/env-arm-oidc', authMethod: 'workload-federation', summary: 'ARM_USE_OIDC / ARM_OIDC_TOKEN: Terraform uses workload identity federation.', docUrl: TERRAFORM_ENV_DOC }),
  defineRule({ id: 'shell/env-arm-msi', authMethod: 'managed-identity', summary: 'ARM_USE_MSI: Terraform uses a managed identity.', docUrl: TERRAFORM_ENV_DOC }),
];
