import type { RuleMeta } from '../../core/detector.js';
import { defineRule } from '../../core/rule-meta.js';

const LOGIN_DOC = 'https://github.com/Azure/login#readme';
const OIDC_DOC = 'https://learn.microsoft.com/azure/developer/github/connect-from-azure-openid-connect';

export const GITHUB_ACTIONS_RULES: readonly RuleMeta[] = [
  defineRule({
    id: 'github-actions/azure-login-client-secret',
    authMethod: 'workload-secret',
    session: 'any',
    summary: 'azure/login with `creds:` (service principal JSON with a client secret).',
    fix: 'Safe under MFA. Switch azure/login to OIDC (client-id, tenant-id, subscription-id, `permissions: id-token: write`) and delete the secret.',
    docUrl: LOGIN_DOC,
  }),
  defineRule({ id: 'github-actions/azure-login-oidc', authMethod: 'workload-federation', session: 'any', summary: 'azure/login with client-id/tenant-id and an OIDC token (workload identity federation).', docUrl: OIDC_DOC }),
  defineRule({
    id: 'github-actions/azure-login-oidc-missing-id-token',
    authMethod: 'workload-federation',
    severity: 'error',
    session: 'any',
    summary: 'azure/login with client-id/tenant-id but no `permissions: id-token: write` on the job or workflow: the login fails.',
    fix: 'Add `permissions: id-token: write` (and `contents: read`) to the job or the workflow.',
    docUrl: OIDC_DOC,
  }),
  defineRule({ id: 'github-actions/azure-login-managed-identity', authMethod: 'managed-identity', session: 'any', summary: 'azure/login with auth-type: IDENTITY (a self-hosted runner\'s managed identity).', docUrl: LOGIN_DOC }),
  defineRule({ id: 'github-actions/azure-cli-ambient', authMethod: 'ambient', session: 'azure-cli', summary: 'azure/cli runs with the Azure CLI login made earlier in the job.', docUrl: 'https://github.com/Azure/cli#readme' }),
  defineRule({ id: 'github-actions/azure-powershell-ambient', authMethod: 'ambient', session: 'azure-powershell', summary: 'azure/powershell runs with the Az PowerShell context made earlier in the job (azure/login enable-AzPSSession).', docUrl: 'https://github.com/Azure/powershell#readme' }),
  defineRule({ id: 'github-actions/arm-deploy-ambient', authMethod: 'ambient', session: 'azure-cli', summary: 'azure/arm-deploy deploys with the Azure CLI login made earlier in the job.', docUrl: 'https://github.com/Azure/arm-deploy#readme' }),
];
