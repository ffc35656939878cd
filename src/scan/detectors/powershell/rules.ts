import type { RuleMeta } from '../../core/detector.js';
import { defineRule } from '../../core/rule-meta.js';
import { CONNECT_FAMILIES, type ConnectFamily, type FamilyVariant } from './connect-families.js';

const ADAL_DOC = 'https://learn.microsoft.com/entra/identity-platform/msal-migration';
const MSAL_ROPC_DOC = 'https://learn.microsoft.com/entra/identity-platform/msal-authentication-flows#usernamepassword-ropc';
const RUN_AS_DOC = 'https://learn.microsoft.com/azure/automation/migrate-run-as-accounts-managed-identity';
const DEPLOYMENT_DOC = 'https://learn.microsoft.com/powershell/module/az.resources/new-azresourcegroupdeployment';

export function familyRuleId(family: ConnectFamily, variant: FamilyVariant): string {
  return `powershell/${family.id}-${variant.variant}`;
}

function familyRules(family: ConnectFamily): RuleMeta[] {
  return [...family.order, family.fallback].map((variant) => {
    const isUse = variant.method === 'ambient';
    // A login creates its family's session. -AccessToken is not a login (the token's owner is not in the code): it
    // resolves only when the detector traces the token to a session (DetectContext.tokenFromSession), and a family
    // that keeps a session (Az) gets it replaced, so later uses do not resolve to a login before it.
    const session = isUse ? null : family.session;
    const sets = isUse && variant.variant === 'access-token' ? family.session : null;
    return defineRule({
      id: familyRuleId(family, variant),
      authMethod: variant.method,
      summary: `${family.label} signs in ${variant.describe}.`,
      docUrl: family.docUrl,
      ...(session ? { session } : {}),
      ...(sets ? { sets } : {}),
    });
  });
}

export const POWERSHELL_RULES: readonly RuleMeta[] = [
  ...CONNECT_FAMILIES.flatMap(familyRules),
  defineRule({
    id: 'powershell/automation-run-as-certificate',
    authMethod: 'workload-certificate',
    severity: 'warning',
    session: 'azure-powershell',
    summary: 'Azure Automation Run As account (Get-AutomationConnection feeding -ServicePrincipal -CertificateThumbprint): retired in September 2023.',
    fix: 'Run As accounts are retired: enable the Automation account\'s managed identity, grant it the Run As roles, and use Connect-AzAccount -Identity.',
    docUrl: RUN_AS_DOC,
  }),
  defineRule({ id: 'powershell/az-deployment-ambient', authMethod: 'ambient', session: 'azure-powershell', summary: 'New-Az*Deployment deploys with whatever Az PowerShell context precedes it.', docUrl: DEPLOYMENT_DOC }),
  defineRule({ id: 'powershell/adal-user-password', authMethod: 'user-password', summary: 'ADAL UserPasswordCredential / UserCredential: username and password (ROPC) through a library retired in June 2023.', docUrl: ADAL_DOC }),
  defineRule({ id: 'powershell/adal-client-secret', authMethod: 'workload-secret', summary: 'ADAL ClientCredential: an application secret (ADAL is retired: move to MSAL or Azure Identity).', docUrl: ADAL_DOC }),
  defineRule({ id: 'powershell/adal-client-certificate', authMethod: 'workload-certificate', summary: 'ADAL ClientAssertionCertificate: an application certificate (ADAL is retired).', docUrl: ADAL_DOC }),
  defineRule({ id: 'powershell/msal-user-password', authMethod: 'user-password', summary: 'MSAL AcquireTokenByUsernamePassword: username and password (ROPC), which mandatory MFA blocks.', docUrl: MSAL_ROPC_DOC }),
  defineRule({ id: 'powershell/msal-interactive', authMethod: 'user-interactive', summary: 'MSAL AcquireTokenInteractive / AcquireTokenWithDeviceCode: a person signs in.', docUrl: MSAL_ROPC_DOC }),
  defineRule({ id: 'powershell/msal-client-credentials', authMethod: 'workload-secret', summary: 'MSAL AcquireTokenForClient: application credentials (secret or certificate).', docUrl: MSAL_ROPC_DOC }),
  defineRule({
    id: 'powershell/token-request-user-password',
    authMethod: 'user-password',
    summary: 'A token request to login.microsoftonline.com with grant_type=password (ROPC), which mandatory MFA blocks.',
    docUrl: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc',
  }),
];
