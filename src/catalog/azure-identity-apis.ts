import type { AuthMethod } from '../model/scan-finding.js';

/**
 * The SDK sign-in APIs the scanner recognises, as data: Azure Identity credential types (named the same in
 * .NET, JavaScript and Python; `…Builder` in Java; `New…` in Go), MSAL and ADAL password calls, and the
 * legacy helpers. `kind` is the rule short name the SDK detectors report under.
 */
export type SdkRuleKind =
  | 'username-password-credential'
  | 'msal-username-password'
  | 'msal-client-secret'
  | 'msal-client-certificate'
  | 'msal-client-assertion'
  | 'adal-username-password'
  | 'legacy-username-password'
  | 'interactive-credential'
  | 'default-credential'
  | 'default-credential-user-password'
  | 'developer-credential'
  | 'client-secret-credential'
  | 'client-certificate-credential'
  | 'managed-identity-credential'
  | 'workload-federation-credential';

export interface SdkRuleFacts {
  kind: SdkRuleKind;
  authMethod: AuthMethod;
  severity: 'error' | 'warning' | 'note';
  summary: string;
  docUrl: string;
}

const IDENTITY_OVERVIEW = 'https://learn.microsoft.com/azure/developer/intro/passwordless-overview';
const ROPC = 'https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc';
const MSAL_CLIENT_CREDENTIALS = 'https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration';

export const SDK_RULES: readonly SdkRuleFacts[] = [
  { kind: 'username-password-credential', authMethod: 'user-password', severity: 'error', summary: 'UsernamePasswordCredential signs in a user with a password (ROPC); mandatory MFA blocks it.', docUrl: ROPC },
  { kind: 'msal-username-password', authMethod: 'user-password', severity: 'error', summary: 'MSAL username/password token request (ROPC); mandatory MFA blocks it.', docUrl: ROPC },
  { kind: 'msal-client-secret', authMethod: 'workload-secret', severity: 'note', summary: 'MSAL confidential client with a client secret: an application, safe for MFA (secrets leak and expire).', docUrl: MSAL_CLIENT_CREDENTIALS },
  { kind: 'msal-client-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'MSAL confidential client with a certificate.', docUrl: MSAL_CLIENT_CREDENTIALS },
  { kind: 'msal-client-assertion', authMethod: 'workload-federation', severity: 'note', summary: 'MSAL confidential client with a client assertion (a federated token exchanged without a secret).', docUrl: 'https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/confidential-client-assertions' },
  { kind: 'adal-username-password', authMethod: 'user-password', severity: 'error', summary: 'ADAL username/password token request (ADAL is retired; ROPC fails under MFA).', docUrl: 'https://learn.microsoft.com/entra/identity-platform/msal-migration' },
  { kind: 'legacy-username-password', authMethod: 'user-password', severity: 'error', summary: 'Legacy SDK username/password login (ROPC); mandatory MFA blocks it.', docUrl: ROPC },
  { kind: 'interactive-credential', authMethod: 'user-interactive', severity: 'warning', summary: 'Interactive or device-code sign-in: a person must be present each time.', docUrl: IDENTITY_OVERVIEW },
  { kind: 'default-credential', authMethod: 'ambient', severity: 'warning', summary: 'DefaultAzureCredential / EnvironmentCredential: the identity comes from the environment it runs in.', docUrl: 'https://learn.microsoft.com/azure/developer/intro/azure-developer-credentials' },
  { kind: 'default-credential-user-password', authMethod: 'user-password', severity: 'error', summary: 'DefaultAzureCredential / EnvironmentCredential with AZURE_USERNAME + AZURE_PASSWORD set in the same file: ROPC.', docUrl: 'https://learn.microsoft.com/dotnet/api/azure.identity.environmentcredential' },
  { kind: 'developer-credential', authMethod: 'ambient', severity: 'warning', summary: 'Uses a developer tool login (Azure CLI, Azure PowerShell, azd, Visual Studio): trace it to that login.', docUrl: 'https://learn.microsoft.com/azure/developer/intro/azure-developer-credentials' },
  { kind: 'client-secret-credential', authMethod: 'workload-secret', severity: 'note', summary: 'Service principal with a client secret (safe for MFA; secrets leak and expire).', docUrl: 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation' },
  { kind: 'client-certificate-credential', authMethod: 'workload-certificate', severity: 'note', summary: 'Service principal with a certificate.', docUrl: IDENTITY_OVERVIEW },
  { kind: 'managed-identity-credential', authMethod: 'managed-identity', severity: 'note', summary: 'Managed identity.', docUrl: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview' },
  { kind: 'workload-federation-credential', authMethod: 'workload-federation', severity: 'note', summary: 'Workload identity federation (a federated token exchanged without a secret).', docUrl: 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation' },
];

/** Azure Identity credential type names (without Java's `Builder` / Go's `New` affixes) → rule kind. */
export const AZURE_IDENTITY_CREDENTIALS: Readonly<Record<string, SdkRuleKind>> = {
  UsernamePasswordCredential: 'username-password-credential',
  InteractiveBrowserCredential: 'interactive-credential',
  DeviceCodeCredential: 'interactive-credential',
  InteractiveBrowserBrokerCredential: 'interactive-credential',
  DefaultAzureCredential: 'default-credential',
  EnvironmentCredential: 'default-credential',
  AzureCliCredential: 'developer-credential',
  AzureCLICredential: 'developer-credential',
  AzurePowerShellCredential: 'developer-credential',
  AzureDeveloperCliCredential: 'developer-credential',
  AzureDeveloperCLICredential: 'developer-credential',
  VisualStudioCredential: 'developer-credential',
  VisualStudioCodeCredential: 'developer-credential',
  SharedTokenCacheCredential: 'developer-credential',
  IntelliJCredential: 'developer-credential',
  ClientSecretCredential: 'client-secret-credential',
  ClientCertificateCredential: 'client-certificate-credential',
  CertificateCredential: 'client-certificate-credential',
  ManagedIdentityCredential: 'managed-identity-credential',
  WorkloadIdentityCredential: 'workload-federation-credential',
  ClientAssertionCredential: 'workload-federation-credential',
  AzurePipelinesCredential: 'workload-federation-credential',
};

/** Kinds whose credential reads AZURE_USERNAME/AZURE_PASSWORD from the environment. */
export const ENVIRONMENT_READING_KINDS: ReadonlySet<SdkRuleKind> = new Set(['default-credential']);

/** The variables that turn EnvironmentCredential (and DefaultAzureCredential) into a password sign-in. */
export const ROPC_ENV_NAMES = ['AZURE_USERNAME', 'AZURE_PASSWORD'] as const;
