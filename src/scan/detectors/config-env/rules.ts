import { ENV_CREDENTIAL_SCHEMES } from '../../../catalog/credential-env-vars.js';
import type { RuleMeta } from '../../core/detector.js';
import type { Language } from '../../core/languages.js';
import { FIX_BY_METHOD, severityOf } from '../../detector-kit/fix-text.js';

const SUMMARIES: Readonly<Record<string, string>> = {
  'azure-username-password': 'AZURE_USERNAME + AZURE_PASSWORD set: EnvironmentCredential / DefaultAzureCredential sign in as this user with a password (ROPC); mandatory MFA blocks it.',
  'azure-client-secret': 'AZURE_CLIENT_SECRET set: Azure Identity signs in as a service principal with a client secret.',
  'azure-client-certificate': 'AZURE_CLIENT_CERTIFICATE_PATH set: Azure Identity signs in as a service principal with a certificate.',
  'azure-federated-token': 'AZURE_FEDERATED_TOKEN_FILE set: Azure Identity uses workload identity federation.',
  'arm-client-secret': 'ARM_CLIENT_SECRET set: Terraform/Pulumi sign in as a service principal with a client secret.',
  'arm-client-certificate': 'ARM_CLIENT_CERTIFICATE(_PATH) set: Terraform/Pulumi sign in as a service principal with a certificate.',
  'arm-oidc': 'ARM OIDC settings: Terraform/Pulumi use workload identity federation.',
  'arm-msi': 'ARM_USE_MSI set: Terraform/Pulumi use a managed identity.',
  'ansible-ad-user-password': 'AZURE_AD_USER + AZURE_PASSWORD set: the Ansible azure collection signs in as this user with a password; mandatory MFA blocks it.',
  'ansible-client-secret': 'AZURE_CLIENT_ID + AZURE_SECRET set: the Ansible azure collection signs in as a service principal with a secret.',
};

export const CONFIG_ENV_RULES: readonly RuleMeta[] = ENV_CREDENTIAL_SCHEMES.map((scheme) => ({
  id: `config-env/${scheme.id}`,
  authMethod: scheme.authMethod,
  severity: severityOf(scheme.authMethod),
  summary: SUMMARIES[scheme.id] ?? scheme.id,
  fix: FIX_BY_METHOD[scheme.authMethod],
  docUrl: scheme.source,
}));

export type ConfigFileKind = 'dotenv' | 'dockerfile' | 'yaml' | 'json';

/** Which of the config formats this path is, or null when config-env does not read it. */
export function configFileKind(path: string, language: Language): ConfigFileKind | null {
  const base = (path.split('/').pop() ?? path).toLowerCase();
  if (language === 'dotenv' || base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (language === 'dockerfile' || base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile') || base === 'containerfile') return 'dockerfile';
  if (base.endsWith('.json') && (base.includes('settings') || base.includes('appsettings'))) return 'json';
  if ((language === 'yaml' || /\.ya?ml$/u.test(base)) && !path.includes('.github/workflows/')) return 'yaml';
  return null;
}
